"""Signing on and off a shift from the lock screen: the terminal stays locked."""

from __future__ import annotations

from pathlib import Path

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.lock import LockScreen
from tests.pilot_helpers import opened, screen_text


def message(app) -> str:  # type: ignore[no-untyped-def]
    """What the lock screen says under the fields."""
    return str(app.screen.query_one("#sign-in-message").content)


async def _f2(pilot, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    app.screen.query_one("#name").value = name
    app.screen.query_one("#pin").value = pin
    app.screen.query_one("#pin").focus()
    await pilot.press("f2")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_sign_on_offers_a_private_check_then_sign_off_gives_hours(demo_dir: Path, clock: FixedClock):
    """F2 signs Tama on (a self-check is offered, then skipped); later F2 signs him off with his hours."""
    from crisishouse.screens.staff_forms import SelfCheckForm

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        assert isinstance(app.screen, SelfCheckForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen) and app.session is None
        assert "signed on for the morning shift at 10:30" in message(app)
        clock.advance(hours=4, minutes=30)
        await _f2(pilot, "Tama", "2222")
        assert isinstance(app.screen, SelfCheckForm), "a check is offered at sign-off too"
        await pilot.press("escape")
        await pilot.pause()
        assert "signed off the morning shift at 15:00, 4.5 hours" in message(app)
        assert app.session is None
    tama = app.house.sign_in.confirm_staff("Tama", "2222")
    assert app.house.roster.on_shift(tama) is None


async def test_a_guest_pin_cannot_sign_on(demo_dir: Path, clock: FixedClock):
    """Only staff sign on: a guest's name and PIN are refused like a wrong PIN."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Mere", "3333")
        assert isinstance(app.screen, LockScreen)
        assert "do not match" in screen_text(app)


async def test_sign_on_check_asking_for_a_chat_reaches_the_manager_as_a_flag_only(demo_dir: Path, clock: FixedClock):
    """Tama signs on with a self-check asking for a chat; Aroha's load view shows the flag, not his words."""
    from textual.widgets import Checkbox, Input

    from crisishouse.screens.load import LoadScreen
    from tests.pilot_helpers import sign_in

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        form = app.screen
        for n, value in enumerate(["3", "4", "7", "6"]):
            form.query(Input)[n].value = value
        words = [i for i in form.query(Input) if i.id and "word" in i.id]
        if words:
            words[0].value = "Rough week, the garden helped"
        form.query_one(Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, LoadScreen)
        shown = screen_text(app)
        assert "Tama" in shown and "chat" in shown.lower()
        assert "Rough week" not in shown and "garden" not in shown


async def test_a_mental_health_day_shows_as_a_gap_on_the_roster(demo_dir: Path, clock: FixedClock):
    """Tama takes tomorrow as a mental health day: his rostered shift becomes a gap on the roster."""
    import pendulum

    from crisishouse.screens.roster import RosterScreen
    from crisishouse.services import House
    from tests.pilot_helpers import sign_in

    house = House.open(demo_dir, clock)
    aroha = house.sign_in.sign_in("Aroha", "1111")
    tama = house.sign_in.sign_in("Tama", "2222")
    tomorrow = pendulum.date(2026, 11, 25)
    for shift in house.roster.roster(aroha, tomorrow, 1):
        if shift.name == "afternoon":
            house.roster.unassign(aroha, shift.id)
    house.roster.assign(aroha, tama.person_id, tomorrow, "afternoon")
    house.mental_health_days.take(tama, tomorrow)
    gaps = house.load.gaps(aroha, tomorrow, 1)
    assert any("afternoon" in str(gap) for gap in gaps)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert "gap: nobody on" in screen_text(app)
