"""A guest's record in tabs (`RecordTabs`): only the tab shown is built, once, and only it shows."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Label, Static

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.guest import GuestScreen
from crisishouse.widgets.record_tabs import RecordTabs, TabRow
from tests.pilot_helpers import sign_in

TITLES = {"one": "One", "two": "Two", "three": "Three"}


async def open_record(pilot: Pilot[None]) -> GuestScreen:
    """Tama signs in and opens the first room's guest (Enter on the board)."""
    await sign_in(pilot, "Tama", "2222")
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, GuestScreen)
    return screen


class TabsApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.made: list[str] = []
        self.shown: list[tuple[str, bool]] = []

    def _maker(self, tab: str):  # type: ignore[no-untyped-def]
        def make() -> Label:
            self.made.append(tab)
            return Label(f"the {tab} tab", id=f"content-{tab}")

        return make

    def compose(self) -> ComposeResult:
        yield RecordTabs(TITLES, {tab: self._maker(tab) for tab in TITLES}, initial="one", id="tabs")

    def on_record_tabs_shown(self, event: RecordTabs.Shown) -> None:
        self.shown.append((event.tab, event.new))


async def test_only_the_first_tab_is_built_at_first():
    app = TabsApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        tabs = app.query_one(RecordTabs)
        assert app.made == ["one"] and tabs.active == "one"
        assert tabs.content("two") is None and [w.id for w in tabs.built()] == ["content-one"]


async def test_a_tab_is_built_when_first_shown_and_kept():
    app = TabsApp()
    async with app.run_test() as pilot:
        tabs = app.query_one(RecordTabs)
        tabs.active = "three"
        await pilot.pause()
        tabs.active = "one"
        await pilot.pause()
        tabs.active = "three"
        await pilot.pause()
        assert app.made == ["one", "three"]
        assert ("three", True) in app.shown and app.shown[-1] == ("three", False)
        shown = [w.id for w in tabs.built() if w.display]
        assert shown == ["content-three"]


async def test_the_arrow_keys_move_between_tabs():
    app = TabsApp()
    async with app.run_test() as pilot:
        app.query_one(TabRow).focus()
        await pilot.press("right")
        await pilot.pause()
        assert app.query_one(RecordTabs).active == "two" and app.made == ["one", "two"]


async def test_a_guest_record_opens_with_one_tab_built(demo_dir: Path, clock: FixedClock):
    """Staff opening a record build the check-ins and nothing of the other five tabs."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_record(pilot)
        tabs = screen.query_one(RecordTabs)
        assert [w.id for w in tabs.built()] == ["guest-check-ins"]
        await pilot.press("5")
        await pilot.pause()
        assert [w.id for w in tabs.built()] == ["guest-check-ins", "guest-notes"]
        assert [w.id for w in tabs.built() if w.display] == ["guest-notes"]


@pytest.mark.parametrize("tab", ["2", "6"])
@pytest.mark.parametrize("gap", [1, 2, 3, 4, 6])
async def test_a_refresh_while_a_tab_is_built_is_safe(demo_dir: Path, clock: FixedClock, tab: str, gap: int):
    """A key (a refresh) arriving while a tab's content is being mounted: no crash, the record shows once built.

    (The content was counted as built before it was mounted, so a refresh reached into a
    wellbeing tab with no walls yet, and the app closed.)
    """
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_record(pilot)
        app.post_message(events.Key(tab, tab))
        for _ in range(gap):
            await asyncio.sleep(0)
        app.post_message(events.Key("r", "r"))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and app.is_running
        tabs = screen.query_one(RecordTabs)
        assert len(tabs.built()) == 2 and all(w.is_mounted for w in tabs.built())
        if tab == "6":
            assert "opened" in str(screen.query_one("#guest-access", Static).render())


@pytest.mark.parametrize("seed", range(3))
async def test_a_burst_of_keys_on_a_record_is_safe(demo_dir: Path, clock: FixedClock, seed: int):
    """Keys as a fast typist or a stuck key sends them, queued all at once: tabs, refreshes, arrows, Tab."""
    rng = random.Random(seed)
    keys = [rng.choice(["1", "2", "3", "4", "5", "6", "r", "left", "right", "tab", "shift+tab"]) for _ in range(40)]
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_record(pilot)
        for key in keys:
            app.post_message(events.Key(key, None))
            await asyncio.sleep(0)
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen and app.is_running, keys
        tabs = screen.query_one(RecordTabs)
        shown = [w for w in tabs.built() if w.display]
        assert len(shown) == 1 and shown[0] is tabs.content(tabs.active), keys


async def test_a_click_on_a_title_shows_its_tab():
    app = TabsApp()
    async with app.run_test(size=(40, 6)) as pilot:
        # " One  Two  Three ": "Two" runs from column 5 to 9.
        await pilot.click(TabRow, offset=(6, 0))
        await pilot.pause()
        assert app.query_one(RecordTabs).active == "two" and app.made == ["one", "two"]
        await pilot.click(TabRow, offset=(30, 0))  # past the last title: nothing changes
        await pilot.pause()
        assert app.query_one(RecordTabs).active == "two"


async def test_the_row_draws_each_title_and_marks_the_one_showing():
    app = TabsApp()
    async with app.run_test(size=(30, 6)) as pilot:
        row = app.query_one(TabRow)
        app.query_one(RecordTabs).active = "three"
        await pilot.pause()
        titles, bar = (row.render_line(y).text for y in (0, 1))
        assert titles == " One  Two  Three ".ljust(30)
        assert bar == "━" * 10 + "╸" + "━" * 5 + "╺" + "━" * 13
        lit = [
            seg.text
            for seg in row.render_line(1)
            if seg.style == row.rich_style + row.get_component_rich_style("tab-row--bar-active")
        ]
        assert lit == ["━" * 5]


async def test_a_narrow_row_keeps_the_tab_showing_in_view():
    titles = {f"t{n}": f"Title number {n}" for n in range(6)}
    app = App[None]()
    async with app.run_test(size=(40, 6)) as pilot:
        await app.mount(RecordTabs(titles, {t: Label for t in titles}, initial="t0", id="tabs"))
        await pilot.pause()
        tabs = app.query_one(RecordTabs)
        row = app.query_one(TabRow)
        assert row.render_line(0).text.startswith(" Title number 0 ")
        tabs.active = "t5"
        await pilot.pause()
        shown = row.render_line(0).text
        assert len(shown) == 40 and shown.endswith(" Title number 5 ")
        await pilot.click(TabRow, offset=(39 - 8, 0))  # on the last title, as drawn
        await pilot.pause()
        assert tabs.active == "t5"
        await pilot.click(TabRow, offset=(2, 0))
        await pilot.pause()
        assert tabs.active != "t5"


async def test_tabs_chosen_faster_than_they_are_built_end_on_the_last():
    app = TabsApp()
    async with app.run_test() as pilot:
        tabs = app.query_one(RecordTabs)
        tabs.active = "two"
        tabs.active = "three"
        tabs.active = "one"
        await pilot.pause()
        await pilot.pause()
        assert tabs.active == "one" and [w.id for w in tabs.built() if w.display] == ["content-one"]
        assert "two" not in app.made and "three" not in app.made


async def test_a_title_under_the_mouse_is_lit_until_it_leaves():
    app = TabsApp()
    async with app.run_test(size=(40, 6)) as pilot:
        row = app.query_one(TabRow)
        plain = row.rich_style + row.get_component_rich_style("tab-row--title")
        lit = plain + row.get_component_rich_style("tab-row--hover")
        assert lit != plain

        def style_of(title: str) -> object:
            return next(seg.style for seg in row.render_line(0) if seg.text.strip() == title)

        await pilot.hover(TabRow, offset=(6, 0))  # "Two"
        await pilot.pause()
        assert row.hovered == "two" and style_of("Two") == lit and style_of("Three") == plain
        await pilot.hover(Label)  # off the row
        await pilot.pause()
        assert row.hovered == "" and style_of("Two") == plain
        assert app.query_one(RecordTabs).active == "one"  # a hover chooses nothing
