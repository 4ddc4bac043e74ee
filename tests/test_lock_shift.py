"""Signing on and off a shift from the lock screen: asked first, taken back if a mistake; the terminal stays locked."""

from __future__ import annotations

from pathlib import Path

import pendulum

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.confirm import ConfirmScreen
from crisishouse.screens.lock import LockScreen
from crisishouse.services import House
from tests.pilot_helpers import opened, press_f2, screen_text


def message(app) -> str:  # type: ignore[no-untyped-def]
    """What the lock screen says under the fields."""
    return str(app.screen.query_one("#sign-in-message").content)


async def _f2(pilot, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Name and PIN, then F2: the PIN is checked and the question asked (nothing changes yet)."""
    await press_f2(pilot, name, pin, answer=None)


async def _answer(pilot, yes: bool) -> None:  # type: ignore[no-untyped-def]
    """Answer the question F2 asked: the yes button, or Enter on the button that has the focus."""
    app = pilot.app
    assert isinstance(app.screen, ConfirmScreen)
    if yes:
        await pilot.click("#confirm-yes")
    else:
        await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _question(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#confirm-question").content)


async def test_sign_on_as_cover_offers_a_private_check_then_sign_off_gives_hours(demo_dir: Path, clock: FixedClock):
    """Tama is not rostered: F2 asks to cover, he says yes (a self-check is offered); later F2 asks and signs him off."""
    from crisishouse.screens.staff_forms import SelfCheckForm

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        assert _question(app) == "You are not rostered now. Sign on to cover the morning shift (07:00 to 15:00)?"
        assert app.screen.query_one("#confirm-no").has_focus, "the safe answer has the focus"
        await _answer(pilot, yes=True)
        assert isinstance(app.screen, SelfCheckForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen) and app.session is None
        assert message(app) == "Tama: signed on to cover the morning shift at 10:30."
        clock.advance(hours=4, minutes=30)
        await _f2(pilot, "Tama", "2222")
        assert _question(app) == "Sign off the morning shift now (4.5 h)?"
        await _answer(pilot, yes=True)
        assert isinstance(app.screen, SelfCheckForm), "a check is offered at sign-off too"
        await pilot.press("escape")
        await pilot.pause()
        assert message(app).startswith("Tama: signed off the morning shift at 15:00, 4.5 hours. Thank you.")
        assert "takes it back until 15:10" in message(app)
        assert app.session is None
    tama = app.house.sign_in.confirm_staff("Tama", "2222")
    assert app.house.roster.on_shift(tama) is None


async def test_f2_mid_shift_asks_first_and_enter_keeps_the_shift(demo_dir: Path, clock: FixedClock):
    """Pressed mid-shift, F2 asks with the hours so far; Enter (the safe answer) leaves Tama signed on."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.confirm_staff("Tama", "2222")
    house.roster.sign_on(tama)
    clock.advance(minutes=54)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        assert _question(app) == "Sign off the morning shift now (0.9 h)?"
        assert app.house.roster.on_shift(tama) is not None, "nothing changes before the answer"
        lock = app.screen_stack[-2]
        assert isinstance(lock, LockScreen) and lock.query_one("#pin").value == "", "no PIN waits behind the question"
        await _answer(pilot, yes=False)
        assert isinstance(app.screen, LockScreen)
        assert message(app) == "Nothing changed: you are still signed on."
    assert house.roster.on_shift(tama) is not None


async def test_a_mistaken_sign_off_is_taken_back_with_f2(demo_dir: Path, clock: FixedClock):
    """Signed off by mistake: F2 again (within 10 minutes) asks to take it back, and Tama is on his shift again."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.confirm_staff("Tama", "2222")
    house.roster.sign_on(tama)
    clock.advance(minutes=54)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        await _answer(pilot, yes=True)
        await pilot.press("escape")  # the self-check, skipped
        await pilot.pause()
        assert house.roster.on_shift(tama) is None
        clock.advance(minutes=3)
        await _f2(pilot, "Tama", "2222")
        assert _question(app) == (
            "You signed off the morning shift at 11:24. Take back the sign-off, so you are on the morning shift again?"
        )
        assert app.screen.query_one("#confirm-yes").label.plain == "Take back the sign-off"
        await _answer(pilot, yes=True)
        assert isinstance(app.screen, LockScreen), "no self-check for taking a sign-off back"
        assert message(app) == "Tama: the sign-off is taken back. You are on the morning shift again (since 10:30)."
    back_on = house.roster.on_shift(tama)
    assert back_on is not None and back_on.signed_off_at is None


async def test_after_ten_minutes_the_same_shift_is_not_signed_on_twice(demo_dir: Path, clock: FixedClock):
    """Past the 10 minutes a sign-off stands: signing on again to the same shift would double its hours, so F2 says so."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.confirm_staff("Tama", "2222")
    house.roster.sign_on(tama)
    clock.advance(minutes=54)
    house.roster.sign_off(tama)
    clock.advance(minutes=11)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        assert not isinstance(app.screen, ConfirmScreen)
        assert "signing on again would count it twice" in " ".join(screen_text(app).split())


async def test_signing_on_to_ones_own_shift_says_so(demo_dir: Path, clock: FixedClock):
    """Rostered for the afternoon, Tama's F2 at 14:30 asks about his own shift and signs him on for it (not cover)."""
    house = House.open(demo_dir, clock)
    aroha = house.sign_in.sign_in("Aroha", "1111")
    tama = house.sign_in.confirm_staff("Tama", "2222")
    today = pendulum.date(2026, 11, 24)
    for shift in house.roster.roster(aroha, today, 1):
        if shift.name == "afternoon":
            house.roster.unassign(aroha, shift.id)
    house.roster.assign(aroha, tama.person_id, today, "afternoon")
    clock.advance(hours=4)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        assert _question(app) == "Sign on to your afternoon shift (15:00 to 23:00)?"
        await _answer(pilot, yes=True)
        await pilot.press("escape")
        await pilot.pause()
        assert message(app) == "Tama: signed on for the afternoon shift at 14:30."
    assert house.roster.on_shift(tama) is not None and not house.roster.on_shift(tama).cover


async def test_the_question_closes_with_the_idle_lock(demo_dir: Path, clock: FixedClock):
    """A question left open after F2 acts for that person: the idle lock closes it, and nothing changes."""
    idle = [0.0]
    app = CrisisHouseApp(demo_dir, clock, idle_clock=lambda: idle[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _f2(pilot, "Tama", "2222")
        assert isinstance(app.screen, ConfirmScreen)
        idle[0] += app.house.settings.idle_lock_minutes * 60
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
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
        await _answer(pilot, yes=True)
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
