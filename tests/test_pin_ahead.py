"""A PIN checked while it is typed: Enter takes the answer, and nothing else changes about sign-in."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import Guest, StaffMember
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.lock import LockScreen
from crisishouse.services import House, SignInRefused
from crisishouse.services import pins as pins_module
from crisishouse.services.pin_ahead import KEPT_SECONDS
from crisishouse.services.pins import hash_pin
from crisishouse.services.signin import MORE_THAN_ONE, SignInWait
from tests.pilot_helpers import opened
from tests.spies import record_calls


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every PIN hash checked (scrypt run), in order."""
    return record_calls(monkeypatch, pins_module, "verify_pin", lambda pin, stored: stored)


def staff(house: House, name: str) -> StaffMember:
    return house.store.find(StaffMember, where={"name": name})[0]


def test_enter_takes_the_answer_checked_while_typing(demo_house: House, checks: list[str]):
    demo_house.sign_in.check_ahead("Tama", "2222")
    assert len(checks) == pins_module.CHECKS_PER_ATTEMPT
    session = demo_house.sign_in.sign_in("Tama", "2222")
    assert session.name == "Tama" and session.role == "peer_staff"
    assert len(checks) == pins_module.CHECKS_PER_ATTEMPT, "no second slow check at Enter"


def test_the_answer_is_taken_once(demo_house: House, checks: list[str]):
    demo_house.sign_in.check_ahead("Tama", "2222")
    demo_house.sign_in.sign_in("Tama", "2222")
    demo_house.sign_in.sign_in("Tama", "2222")
    assert len(checks) == 2 * pins_module.CHECKS_PER_ATTEMPT


def test_a_wrong_pin_checked_ahead_is_not_counted_until_enter(demo_house: House, checks: list[str]):
    for _ in range(10):
        demo_house.sign_in.check_ahead("Tama", "9999")
    assert demo_house.sign_in.lockout.tries("Tama") == 0
    with pytest.raises(SignInRefused, match="4 more tries"):
        demo_house.sign_in.sign_in("Tama", "9999")
    assert demo_house.sign_in.lockout.tries("Tama") == 1


@pytest.mark.parametrize(
    ("ahead", "entered", "signs_in"),
    [
        (("Tama", "2222"), ("Tama", "9999"), False),  # a digit changed before Enter
        (("Tama", "9999"), ("Tama", "2222"), True),
        (("Mere", "2222"), ("Tama", "2222"), True),  # another name
        (("Tama", "2222"), ("Mere", "2222"), False),
        (("Tama", "22220"), ("Tama", "2222"), True),
    ],
)
def test_enter_is_answered_for_what_it_was_given(
    demo_house: House, ahead: tuple[str, str], entered: tuple[str, str], signs_in: bool
):
    demo_house.sign_in.check_ahead(*ahead)
    if signs_in:
        assert demo_house.sign_in.sign_in(*entered).name == entered[0]
    else:
        with pytest.raises(SignInRefused, match="do not match"):
            demo_house.sign_in.sign_in(*entered)


def test_a_pin_changed_after_the_check_is_checked_again(demo_house: House, checks: list[str]):
    demo_house.sign_in.check_ahead("Tama", "2222")
    tama = staff(demo_house, "Tama")
    demo_house.store.put(dataclasses.replace(tama, pin_hash=hash_pin("5555")))  # another terminal, meanwhile
    with pytest.raises(SignInRefused, match="do not match"):
        demo_house.sign_in.sign_in("Tama", "2222")
    assert demo_house.sign_in.sign_in("Tama", "5555").name == "Tama"


def test_someone_made_inactive_after_the_check_is_not_let_in(demo_house: House):
    demo_house.sign_in.check_ahead("Tama", "2222")
    demo_house.store.put(dataclasses.replace(staff(demo_house, "Tama"), active=False))
    with pytest.raises(SignInRefused, match="do not match"):
        demo_house.sign_in.sign_in("Tama", "2222")


def test_someone_given_the_same_name_and_pin_after_the_check_opens_neither(demo_house: House):
    demo_house.sign_in.check_ahead("Mere", "3333")
    mere = demo_house.store.find(Guest, where={"chosen_name": "Mere"})[0]
    demo_house.store.put(Guest(chosen_name="Mere", created_at=mere.created_at, pin_hash=hash_pin("3333")))
    with pytest.raises(SignInRefused) as refused:
        demo_house.sign_in.sign_in("Mere", "3333")
    assert str(refused.value) == MORE_THAN_ONE


def test_during_a_wait_nothing_is_checked_ahead_and_enter_still_waits(
    demo_house: House, clock: FixedClock, checks: list[str]
):
    for _ in range(5):
        with pytest.raises(SignInRefused):
            demo_house.sign_in.sign_in("Tama", "9999")
    checks.clear()
    demo_house.sign_in.check_ahead("Tama", "2222")
    assert checks == []
    with pytest.raises(SignInWait):
        demo_house.sign_in.sign_in("Tama", "2222")
    assert checks == []


def test_a_wait_another_terminal_started_drops_what_was_checked_ahead(
    demo_house: House, demo_dir: Path, clock: FixedClock
):
    demo_house.sign_in.check_ahead("Tama", "2222")
    elsewhere = House.open(demo_dir, clock)
    for _ in range(5):
        with pytest.raises(SignInRefused):
            elsewhere.sign_in.sign_in("Tama", "9999")
    with pytest.raises(SignInWait):
        demo_house.sign_in.sign_in("Tama", "2222")
    assert demo_house.sign_in.ahead._ahead is None


def test_an_answer_not_taken_in_time_is_checked_again(demo_house: House, clock: FixedClock, checks: list[str]):
    demo_house.sign_in.check_ahead("Tama", "2222")
    clock.advance(seconds=KEPT_SECONDS + 1)
    demo_house.sign_in.sign_in("Tama", "2222")
    assert len(checks) == 2 * pins_module.CHECKS_PER_ATTEMPT


@pytest.mark.parametrize("pin", ["", "222", "123456789", "22a2", "٢٢٢٢"])
def test_a_pin_that_cannot_be_whole_is_not_checked(demo_house: House, checks: list[str], pin: str):
    assert not demo_house.sign_in.worth_checking_ahead("Tama", pin)
    demo_house.sign_in.check_ahead("Tama", pin)
    assert checks == []


def test_the_pin_is_not_kept_in_the_answer(demo_house: House):
    demo_house.sign_in.check_ahead("Tama", "24681357")
    held = demo_house.sign_in.ahead._ahead
    assert held is not None
    seen = repr([getattr(held, f.name) for f in dataclasses.fields(held)]) + repr(vars(demo_house.sign_in.ahead))
    assert "24681357" not in seen


# -- on the lock screen ---------------------------------------------------------------


async def _type(pilot: Any, name: str, pin: str) -> None:
    screen = pilot.app.screen
    screen.query_one("#name").value = ""
    screen.query_one("#pin").value = ""
    await pilot.click("#name")
    await pilot.press(*name, "enter", *pin)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_typing_a_pin_checks_it_and_enter_opens_the_board_without_checking_again(
    demo_dir: Path, clock: FixedClock, checks: list[str]
):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _type(pilot, "Tama", "2222")
        assert len(checks) == pins_module.CHECKS_PER_ATTEMPT
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and app.session is not None
        assert len(checks) == pins_module.CHECKS_PER_ATTEMPT


async def test_a_wrong_pin_typed_and_entered_is_refused_and_counted_once(demo_dir: Path, clock: FixedClock):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _type(pilot, "Tama", "99999")
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen) and app.session is None
        assert app.house is not None and app.house.sign_in.lockout.tries("Tama") == 1


async def test_nothing_checked_ahead_outlives_a_change_of_typing_or_the_lock(demo_dir: Path, clock: FixedClock):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert app.house is not None
        ahead = app.house.sign_in.ahead
        await _type(pilot, "Tama", "2222")
        assert ahead._ahead is not None
        await pilot.press("backspace")  # three digits: no PIN can be that short
        await pilot.pause()
        assert ahead._ahead is None
        await pilot.press("2")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert ahead._ahead is not None
        app.screen.reset()  # as the lock does, for the next person: at once, not when the fields say they changed
        assert ahead._ahead is None


def test_enter_during_the_check_waits_for_it_rather_than_checking_twice(
    demo_house: House, monkeypatch: pytest.MonkeyPatch
):
    import threading
    import time

    real = pins_module.verify_pin
    started = threading.Event()
    done: list[str] = []

    def slow(pin: str, stored: str) -> bool:
        started.set()
        time.sleep(0.2)
        done.append(stored)
        return real(pin, stored)

    monkeypatch.setattr(pins_module, "verify_pin", slow)
    typing = threading.Thread(target=demo_house.sign_in.check_ahead, args=("Tama", "2222"))
    typing.start()
    assert started.wait(5)
    session = demo_house.sign_in.sign_in("Tama", "2222")  # Enter while the check made as he typed still runs
    typing.join()
    assert session.name == "Tama"
    assert len(done) == pins_module.CHECKS_PER_ATTEMPT
