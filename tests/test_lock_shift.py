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
