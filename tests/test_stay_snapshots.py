"""What people see during stays, kept from drifting: at 80x24 and 120x40.

Update with `.venv/bin/python -m pytest tests/test_stay_snapshots.py --snapshot-update`
after looking at the new pictures in snapshot_report.html.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from textual.widgets import DataTable

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from tests.pilot_helpers import opened, sign_in

SIZES = [(80, 24), (120, 40)]
ROSA_ROW = 5  # Pōhutukawa: Rosa, day 8 of 8, a rating each day of her stay


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_board_with_a_full_house(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The board with every room taken: Wiremu has just arrived in Rimu."""

    async def full_house(pilot):
        await opened(pilot)
        house = pilot.app.house
        staff = house.sign_in.sign_in("Tama", "2222")
        house.stays.arrive(
            staff, chosen_name="Wiremu", pronouns="he/him", room="Rimu", planned_leaving=pendulum.date(2026, 12, 1)
        )
        await sign_in(pilot, "Tama", "2222")

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=full_house)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_guest_wellbeing_tab(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Rosa's Wellbeing tab: a week of her own ratings on the four walls, with her words."""

    async def wellbeing(pilot):
        await sign_in(pilot, "Tama", "2222")
        pilot.app.screen.query_one("#rooms", DataTable).move_cursor(row=ROSA_ROW)
        await pilot.press("enter", "2")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=wellbeing)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_rhythm_screen(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Today's rhythm mid-morning, with a one-off trip to the beach."""

    async def rhythm(pilot):
        await opened(pilot)
        house = pilot.app.house
        staff = house.sign_in.sign_in("Tama", "2222")
        house.rhythm.add_one_off(staff, "2026-11-24", "13:30", "Trip to the beach")
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("y")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=rhythm)
