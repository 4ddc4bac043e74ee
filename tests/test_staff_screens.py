"""The staff screens: the manager's load view, and each staff member's own shifts and wellbeing.

Update snapshots with `.venv/bin/python -m pytest tests/test_staff_screens.py --snapshot-update`
after looking at the new pictures in snapshot_report.html.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.demo import build_demo
from crisishouse.models import StaffMember
from crisishouse.services import NotAllowed
from tests.conftest import NOW
from tests.pilot_helpers import screen_text, sign_in

SIZES = [(80, 24), (120, 40)]


async def test_manager_opens_load(demo_dir: Path, clock: FixedClock):
    from crisishouse.screens.load import LoadScreen

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        text = screen_text(app)
        assert "Staff load" in text
        assert "Tama" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, LoadScreen)


async def test_peer_staff_has_no_load(demo_dir: Path, clock: FixedClock):
    from crisishouse.screens.board import BoardScreen
    from crisishouse.screens.load import LoadScreen

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert board.check_action("load", ()) is False
        assert "Load" not in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(app.screen, LoadScreen)
        with pytest.raises(NotAllowed):
            app.house.load.load(app.session)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_load_screen(snap_compare, tmp_path: Path, clock: FixedClock, size):
    """Ten staff with 28 days of shifts: counts and flags, no ratings."""
    folder = tmp_path / "house-28"
    build_demo(folder, days=28, clock=FixedClock(NOW), seed=7)

    async def load(pilot):
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("w")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(folder, clock), terminal_size=size, run_before=load)


async def _fill(pilot, values: dict[str, str]) -> None:
    for field_id, value in values.items():
        pilot.app.screen.query_one(f"#{field_id}").value = value
    await pilot.pause()


async def test_self_check_asks_for_a_chat_and_stays_private(demo_dir: Path, clock: FixedClock):
    from crisishouse.screens.load import LoadScreen
    from crisishouse.screens.me import MyShiftsScreen
    from crisishouse.screens.staff_forms import SelfCheckForm

    words = "Feeling stretched by the nights lately"
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MyShiftsScreen)
        assert "Mental health days: 0 used, 5 left" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckForm)
        await _fill(
            pilot,
            {"self-tinana": "3", "self-hinengaro": "4", "self-whanau": "9", "self-wairua": "8", "self-words": words},
        )
        app.screen.query_one("#self-chat").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MyShiftsScreen)
        mine = screen_text(app)
        assert "24 Nov\xa06" in mine.replace(" ", "\xa0") or "24 Nov 6" in mine
        session = app.session
        checks = app.house.staff_wellbeing.my_checks(session)
        assert checks[0].wants_chat and checks[0].own_words == words
        await pilot.press("escape")
        await pilot.pause()
        app.action_lock()
        await pilot.pause()
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        shown = screen_text(app)
        tama = next(line for line in shown.splitlines() if line.strip().startswith("Tama"))
        assert tama.rstrip().endswith("chat")
        assert "Would like a chat: Tama" in shown
        assert words not in shown
        assert "stretched" not in shown
        for wall in ("tinana", "hinengaro", "whānau", "wairua", "6.0"):
            assert wall not in shown


async def test_mental_health_day_and_hard_event(demo_dir: Path, clock: FixedClock):
    from crisishouse.screens.me import MyShiftsScreen
    from crisishouse.screens.staff_forms import HardEventForm, MentalHealthDayForm

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("m", "d")
        await pilot.pause()
        assert isinstance(app.screen, MentalHealthDayForm)
        assert app.screen.text("mh-day") == "2026-11-24"
        await _fill(pilot, {"mh-day": "2026-11-20"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a past day" in screen_text(app)
        await _fill(pilot, {"mh-day": "2026-11-26"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MyShiftsScreen)
        assert "1 used, 4 left" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, HardEventForm)
        await _fill(pilot, {"event-words": "A loud argument in the lounge"})
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MyShiftsScreen), screen_text(app)
        owed = app.house.debriefs.debriefs_owed(app.session)
        assert any(o.event and o.event.words == "A loud argument in the lounge" for o in owed)


async def test_roster_assign_and_unassign(demo_dir: Path, clock: FixedClock):
    from textual.widgets import DataTable, Select

    from crisishouse.screens.roster import AssignForm, RosterScreen

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RosterScreen)
        assert "gap: nobody on" in screen_text(app)
        row = next(
            i
            for i, line in enumerate(screen.lines)
            if str(line.times.day) == "2026-12-03" and line.times.name == "morning"
        )
        screen.query_one("#roster-table", DataTable).move_cursor(row=row)
        await pilot.pause()
        assert "Thursday 3 December, morning shift 07:00 to 15:00: Nobody is rostered." in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AssignForm)
        assert form.text("assign-day") == "2026-12-03"
        assert form.query_one("#assign-shift", Select).value == "morning"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Choose who is on the shift." in screen_text(app)
        staff = form.query_one("#assign-staff", Select)
        tama = next(m.id for m in app.house.store.find(StaffMember) if m.name == "Tama")
        staff.value = tama
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        line = screen.lines[row]
        assert line.shift is not None and line.name == "Tama"
        assert screen.query_one("#roster-table", DataTable).get_row_at(row)[3].plain == "Tama"
        await pilot.press("u")
        await pilot.pause()
        assert screen.lines[row].shift is None


async def test_peer_staff_has_no_roster(demo_dir: Path, clock: FixedClock):
    from crisishouse.screens.roster import RosterScreen

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        assert app.screen.check_action("roster", ()) is False
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, RosterScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_roster_screen(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The next 14 days, with the shifts nobody is on said in words."""

    async def roster(pilot):
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("o")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=roster)


async def test_the_manager_records_a_debrief(demo_dir, clock):
    """After a hard event, Aroha sees the debrief owed and marks it offered, then had."""
    from crisishouse.app import CrisisHouseApp
    from crisishouse.screens.debriefs import DebriefsScreen
    from crisishouse.services import House
    from tests.pilot_helpers import screen_text, sign_in

    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    house.debriefs.note_hard_event(tama, "A hard afternoon; we got through it together")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, DebriefsScreen)
        mine = [n for n, o in enumerate(app.screen.owed) if o.debrief.staff_id == tama.person_id]
        assert mine
        app.screen.query_one("#debriefs-table").move_cursor(row=mine[0])
        await pilot.press("f")
        await pilot.pause()
        assert "offered" in screen_text(app)
        app.screen.query_one("#debriefs-table").move_cursor(row=mine[0])
        await pilot.press("n")
        await pilot.pause()
    aroha = house.sign_in.sign_in("Aroha", "1111")
    assert not [
        o
        for o in house.debriefs.debriefs_owed(aroha)
        if o.event and "hard afternoon" in o.event.words and o.debrief.staff_id == tama.person_id
    ]
