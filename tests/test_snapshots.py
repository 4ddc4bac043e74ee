"""What people see, kept from drifting: a few screens at 80x24 and 120x40.

Update with `.venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update`
after looking at the new pictures in snapshot_report.html.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from tests.pilot_helpers import opened, sign_in

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_lock_screen(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The demo's lock screen, with its demo PINs."""
    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=opened)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_house_board(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The house board as Tama sees it mid-morning."""

    async def signed_in(pilot):
        await sign_in(pilot, "Tama", "2222")

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=signed_in)


def test_guest_own_stay(snap_compare, demo_dir: Path, clock: FixedClock):
    """Mere's own screen."""

    async def signed_in(pilot):
        await sign_in(pilot, "Mere", "3333")

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=(80, 24), run_before=signed_in)
