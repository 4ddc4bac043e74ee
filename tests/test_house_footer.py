"""The house footer builds its keys once per change of what it shows, not once per signal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label
from textual.widgets._footer import FooterKey

from crisishouse.clock import FixedClock
from crisishouse.widgets.house_footer import HouseFooter


class Counted(Screen[None]):
    BINDINGS = [
        Binding("a", "first", "First"),
        Binding("u", "undo", "Take back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.can_undo = False

    def compose(self) -> ComposeResult:
        yield Label("hello")
        yield HouseFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.can_undo
        return True

    def action_first(self) -> None:
        pass

    def action_undo(self) -> None:
        pass


class CountedApp(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Counted())


def shown(app: App[None]) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey) if key.description]


async def test_keys_are_built_once_and_again_only_when_they_change(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    made = FooterKey.__init__

    def counting(self: FooterKey, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        built.append(self.description)

    monkeypatch.setattr(FooterKey, "__init__", counting)
    app = CountedApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, Counted)
        assert shown(app) == ["First", "palette"]
        first_build = len(built)
        assert built.count("First") == 1

        # Signals that change nothing build nothing.
        for _ in range(5):
            screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert len(built) == first_build

        # A change is shown, after one build however many signals came.
        screen.can_undo = True
        for _ in range(5):
            screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert shown(app) == ["First", "Take back", "palette"]
        assert built.count("First") == 2

        screen.can_undo = False
        screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert shown(app) == ["First", "palette"]


@pytest.mark.parametrize(
    ("name", "pin", "keys"),
    [("Tama", "2222", ("", "enter", "h", "y", "m")), ("Aroha", "1111", ("", "w", "o")), ("Mere", "3333", ("",))],
)
async def test_each_screen_builds_its_footer_keys_once_as_it_opens(
    demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, name: str, pin: str, keys: tuple[str, ...]
) -> None:
    """A screen reads what its keys depend on before it is built, so the footer's first keys are its last.

    (A second build styles every key again and lays the screen out again: about a third of a screen's opening.)
    """
    from crisishouse.app import CrisisHouseApp
    from crisishouse.widgets.house_footer import HouseFooter
    from tests.pilot_helpers import sign_in

    builds: list[str] = []
    compose = HouseFooter.compose

    def counted(self: HouseFooter) -> Any:
        builds.append(type(self.screen).__name__)
        return compose(self)

    monkeypatch.setattr(HouseFooter, "compose", counted)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, name, pin)
        for key in keys:
            if key:
                board = app.screen
                builds.clear()
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                assert app.screen is not board, f"{key} opened a screen"
            await pilot.pause()
            screen = type(app.screen).__name__
            assert builds.count(screen) == 1, f"{screen}: its footer was built {builds.count(screen)} times"
            if key:
                await pilot.press("escape")
                await pilot.pause()


async def test_keys_are_born_as_compact_as_the_footer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key is styled as it mounts, not restyled twice more for its `compact` class."""
    restyled: list[FooterKey] = []
    update = FooterKey.update_node_styles

    def counted(self: FooterKey, animate: bool = True) -> None:
        restyled.append(self)
        update(self, animate)

    monkeypatch.setattr(FooterKey, "update_node_styles", counted)
    app = CountedApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        keys = list(app.screen.query(FooterKey))
        assert keys
        assert restyled == []
        assert all(not key.has_class("-compact") and not key.compact for key in keys)
