"""The lock screen starts with only its own styles; every screen behind it still has all of its own."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from textual.screen import Screen
from textual.widgets import Footer

import crisishouse.app
import crisishouse.screens
from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.base import SIGNED_IN_STYLES
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.lock import LockScreen
from tests.pilot_helpers import sign_in

# Shown before anyone signs in, styled by the app's own stylesheet alone.
FIRST_SCREENS = {"LockScreen", "SetupScreen", "ProblemScreen", "QuitScreen", "ConfirmScreen"}


def _read(app: CrisisHouseApp) -> bool:
    return app.stylesheet.has_source(str(SIGNED_IN_STYLES))


def _screen_classes() -> list[type[Screen]]:
    found: dict[str, type[Screen]] = {}
    for module in pkgutil.iter_modules(crisishouse.screens.__path__):
        loaded = importlib.import_module(f"crisishouse.screens.{module.name}")
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == loaded.__name__:
                found[cls.__qualname__] = cls
    return list(found.values())


def test_every_screen_behind_the_lock_names_its_styles():
    """A screen that can open before the styles are read in the background still gets them (Textual reads its CSS_PATH)."""
    screens = _screen_classes()
    assert {c.__name__ for c in screens} >= FIRST_SCREENS | {"BoardScreen", "FormScreen", "LeaveUnsaved"}
    for cls in screens:
        named = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
        if cls.__name__ in FIRST_SCREENS:
            assert SIGNED_IN_STYLES not in named, cls
        else:
            assert SIGNED_IN_STYLES in named, cls


def test_the_two_stylesheets_exist_and_share_no_rule():
    first = (Path(crisishouse.app.__file__).parent / CrisisHouseApp.CSS_PATH).read_text(encoding="utf-8")
    behind = SIGNED_IN_STYLES.read_text(encoding="utf-8")
    selectors = [
        {line.rstrip(" {") for line in text.splitlines() if line.rstrip().endswith("{")} for text in (first, behind)
    ]
    assert selectors[0] and selectors[1]
    assert not selectors[0] & selectors[1]


async def test_a_sign_in_before_the_styles_are_read_still_styles_the_board(
    demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    """The background read is put off past the test: the board's first showing reads them itself."""
    monkeypatch.setattr(crisishouse.app, "SERVICES_WARM_UP_SECONDS", 600)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LockScreen)
        assert not _read(app)
        await sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen)
        assert _read(app)
        # From signed_in.tcss: the compact footer.
        assert app.screen.query_one(Footer).styles.padding.left == 1


async def test_the_styles_are_read_while_the_lock_screen_waits(demo_dir: Path, clock: FixedClock):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            if _read(app):
                break
            await pilot.pause(0.05)
        assert _read(app)
        assert isinstance(app.screen, LockScreen)
        # The lock screen looks as it did: its sign-in box is still the app's own.
        assert app.screen.query_one("#sign-in").styles.width is not None
        assert app.screen.query_one("#sign-in").outer_size.width == 50
