"""A guest's own record and erasure, kept from drifting: at 80x24 and 120x40.

Update with `.venv/bin/python -m pytest tests/test_own_record_snapshots.py --snapshot-update`
after looking at the new pictures in snapshot_report.html.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn
from crisishouse.screens.erasure import EraseRecordScreen
from crisishouse.services.erasure import Departed
from tests.pilot_helpers import opened, sign_in

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_guest_sees_who_opened_her_record(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Mere's "Who opened it" tab after Tama opened her record, with her statement and request on a check-in."""

    async def access(pilot):
        await opened(pilot)
        house = pilot.app.house
        tama = house.sign_in.sign_in("Tama", "2222")
        mere = house.sign_in.sign_in("Mere", "3333")
        house.records.open(tama, mere.person_id)
        newest = max(house.store.find(CheckIn, stay_id=mere.stay_id), key=lambda c: c.at)
        house.voice.attach_statement(mere, "check_in", newest.id, "I was awake, just resting my eyes.")
        house.voice.ask_to_talk(mere, "check_in", newest.id)
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("6")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=access)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_guest_check_ins_with_her_statement(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Mere's check-ins: her statement under the newest, and "asked" in its Talk column."""

    async def check_ins(pilot):
        await opened(pilot)
        house = pilot.app.house
        mere = house.sign_in.sign_in("Mere", "3333")
        newest = max(house.store.find(CheckIn, stay_id=mere.stay_id), key=lambda c: c.at)
        house.voice.attach_statement(mere, "check_in", newest.id, "I was awake, just resting my eyes.")
        house.voice.ask_to_talk(mere, "check_in", newest.id)
        await sign_in(pilot, "Mere", "3333")

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=check_ins)


def test_erase_dialog(snap_compare, demo_dir: Path, clock: FixedClock):
    """Handing over and erasing a record, at the house's smallest terminal."""

    async def erase(pilot):
        await sign_in(pilot, "Tama", "2222")
        house = pilot.app.house
        mere = house.sign_in.sign_in("Mere", "3333")
        house.stays.leave(pilot.app.session, mere.stay_id, "erase")
        departed = house.erasures.waiting(pilot.app.session)[0]
        assert isinstance(departed, Departed)
        await pilot.app.push_screen(EraseRecordScreen(house, pilot.app.session, departed))
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=(80, 24), run_before=erase)
