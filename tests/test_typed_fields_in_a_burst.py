"""Keys that reach a screen of typed fields all at once (a fast typist, a slow link, a pasted line) land where
they were meant: the lock screen, quitting, and setting up a house (`screens/typed_fields.py`).

Textual hands a key to the focused field and lets Tab and Enter bubble up
from there on the next turn: keys in one burst went on into the name field,
which then showed the PIN in clear.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.confirm import ConfirmScreen
from crisishouse.screens.lock import LockScreen
from crisishouse.screens.quit import QuitScreen
from crisishouse.screens.setup import SetupScreen
from tests.pilot_helpers import opened, sign_in, workers_done

_KEYS = {"\t": "tab", "\r": "enter", "\n": "ctrl+j", "\x1b[Z": "shift+tab"}


def _burst(app: CrisisHouseApp, typed: list[str]) -> None:
    """Post every key at once, as the terminal's driver does when they arrive together."""
    for char in typed:
        key = _KEYS.get(char, char)
        app.post_message(events.Key(key, None if key in ("tab", "shift+tab") else {"enter": "\r"}.get(key, char)))


@pytest.mark.parametrize(
    ("between", "end"),
    [("\t", "\r"), ("\r", "\r"), pytest.param("\n", "\n", id="typed before the app had the terminal")],
)
async def test_name_then_pin_in_one_burst_signs_in(demo_dir: Path, clock: FixedClock, between: str, end: str):
    """Name, Tab or Enter, PIN, Enter, all at once: signed in, nothing of the PIN in the name field.

    Typed while the app starts, before it has the terminal, Enter reaches it as a line feed (Ctrl+J).
    """
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        _burst(app, [*"Tama", between, *"2222", end])
        await pilot.pause()
        await workers_done(pilot)
        assert isinstance(app.screen, BoardScreen)


async def test_a_refused_burst_leaves_no_pin_in_sight(demo_dir: Path, clock: FixedClock):
    """A wrong PIN typed in a burst: the PIN field is what holds it, and it is cleared."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        _burst(app, [*"Tama", "\t", *"9876", "\r"])
        await pilot.pause()
        await workers_done(pilot)
        assert isinstance(app.screen, LockScreen)
        assert app.screen.query_one("#name", Input).value == "Tama"
        assert "9876" not in app.screen.query_one("#name", Input).value


async def test_shift_tab_goes_back_to_the_name(demo_dir: Path, clock: FixedClock):
    """The key after Shift+Tab is the name's (which, as on any return to a field, starts selected)."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        _burst(app, [*"Tam", "\t", *"22", "\x1b[Z", "M"])
        await pilot.pause()
        assert app.screen.query_one("#name", Input).value == "M"
        assert app.screen.query_one("#pin", Input).value == "22"


async def test_f2_reads_the_pin_typed_before_it(demo_dir: Path, clock: FixedClock):
    """F2 in the same burst as the PIN asks about the shift for that name and PIN, not an empty one."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        _burst(app, [*"Tama", "\t", *"2222"])
        app.post_message(events.Key("f2", None))
        await pilot.pause()
        await workers_done(pilot)
        assert isinstance(app.screen, ConfirmScreen), "the shift question is asked"
        lock = app.screen_stack[-2]
        assert isinstance(lock, LockScreen) and lock.query_one("#pin", Input).value == ""


async def test_quitting_in_one_burst(demo_dir: Path, clock: FixedClock):
    """Name, Enter, PIN, Enter at once on the quit dialog: quits, as typing it slowly does."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        _burst(app, [*"Tama", "\r", *"2222", "\r"])
        await pilot.pause()
        await workers_done(pilot)
    assert app.return_code == 0


async def test_enter_on_a_button_is_the_button_s(demo_dir: Path, clock: FixedClock):
    """Tab onto Cancel and Enter: Cancel is pressed (Enter is the fields' only in a field)."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and app.is_running


async def test_setting_up_a_house_in_one_burst(new_dir: Path, clock: FixedClock):
    """Every field of the set-up, each followed by Enter, typed at once: the house is set up."""
    app = CrisisHouseApp(new_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, SetupScreen)
        _burst(app, [*"Te Whare Rongo", "\r", *"Hemi", "\t", *"2468", "\r", *"2468", "\r"])
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.house is not None and app.house.settings.house_name == "Te Whare Rongo"
