"""A guest's record in tabs: a row of tabs and the showing tab's content, each tab's built when first shown.

Textual's TabbedContent wraps every tab's content in a pane of its own,
built with the screen whether shown or not, and its row of tabs is ten
widgets (a Tab each, an underline and three containers), each styled and
laid out at every opening. Here the row is one widget that draws its
titles, and a tab's content is the only widget it has, made the first time
the tab is shown (most openings look at one or two).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget


class TabRow(Widget, can_focus=True):
    """The titles of the tabs on one line, the showing one marked on the line under it.

    Left and right move between tabs while the row has focus; a click on a title shows its tab, and a
    title under the mouse is lit as a link is.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tab-row--title",
        "tab-row--hover",
        "tab-row--active",
        "tab-row--bar",
        "tab-row--bar-active",
    }
    DEFAULT_CSS = """
    TabRow {
        width: 1fr;
        height: 2;
        & > .tab-row--title { color: $foreground 50%; }
        & > .tab-row--hover { color: $foreground; }
        & > .tab-row--active { color: $foreground; }
        & > .tab-row--bar { color: $foreground 10%; }
        & > .tab-row--bar-active { color: $block-cursor-background; }
        &:ansi > .tab-row--title { text-style: dim; }
        &:ansi > .tab-row--hover { text-style: not dim; }
        &:ansi > .tab-row--active { text-style: not dim bold; }
        &:ansi > .tab-row--bar { color: $border-blurred; }
        &:focus > .tab-row--active {
            text-style: $block-cursor-text-style;
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
        &:focus > .tab-row--bar { color: $foreground 30%; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Previous tab", show=False),
        Binding("right", "step(1)", "Next tab", show=False),
    ]
    ALLOW_SELECT = False

    # (Reactives repaint the row when they change, as a resize does.)
    active: reactive[str] = reactive("")
    hovered: reactive[str] = reactive("")
    """The tab whose title is under the mouse ("" for none)."""

    class Chosen(Message):
        """A tab was chosen by a click or an arrow key."""

        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(self, titles: Mapping[str, str], active: str) -> None:
        super().__init__()
        self._titles = dict(titles)
        self.set_reactive(TabRow.active, active)

    def _cells(self) -> list[tuple[str, int, int]]:
        """Each tab, and where its title (with a space each side) starts and ends on the row."""
        cells, x = [], 0
        for tab, title in self._titles.items():
            width = cell_len(title) + 2
            cells.append((tab, x, x + width))
            x += width
        return cells

    def _scroll(self) -> int:
        """How far the row is moved left so the showing tab's title fits a narrow screen."""
        width = self.size.width
        for tab, start, end in self._cells():
            if tab == self.active and end > width:
                return min(start, end - width)
        return 0

    def render_line(self, y: int) -> Strip:
        width, base = self.size.width, self.rich_style
        cells = self._cells()
        length = max(width, cells[-1][2] if cells else 0)
        if y == 0:
            segments = [Segment(f" {self._titles[tab]} ", base + self._title_style(tab)) for tab, _start, _end in cells]
            segments.append(Segment(" " * (length - (cells[-1][2] if cells else 0)), base))
        elif y == 1:
            # The line under the titles: the showing title's stretch in colour, half-cells either side.
            start, end = next(((s, e) for tab, s, e in cells if tab == self.active), (0, 0))
            bar = base + self.get_component_rich_style("tab-row--bar")
            lit = base + self.get_component_rich_style("tab-row--bar-active")
            segments = [
                Segment("━" * start + "╸", bar),
                Segment("━" * (end - start - 2), lit),
                Segment("╺" + "━" * (length - end), bar),
            ]
        else:
            return Strip.blank(width, base)
        scroll = self._scroll()
        return Strip(segments).crop(scroll, scroll + width)

    def _title_style(self, tab: str) -> Style:
        if tab == self.active:
            return self.get_component_rich_style("tab-row--active")
        title = self.get_component_rich_style("tab-row--title")
        return title + self.get_component_rich_style("tab-row--hover") if tab == self.hovered else title

    def _tab_at(self, x: int) -> str:
        """The tab whose title (or its stretch of the line under it) is at x on the row as drawn ("" for none)."""
        x += self._scroll()
        return next((tab for tab, start, end in self._cells() if start <= x < end), "")

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hovered = self._tab_at(event.x)

    def on_leave(self) -> None:
        self.hovered = ""

    def on_click(self, event: events.Click) -> None:
        tab = self._tab_at(event.x)
        if tab:
            self.post_message(self.Chosen(tab))

    def action_step(self, by: int) -> None:
        tabs = list(self._titles)
        here = tabs.index(self.active) if self.active in tabs else 0
        self.post_message(self.Chosen(tabs[(here + by) % len(tabs)]))


class RecordTabs(Widget):
    """Tabs by id and title, each showing the widget its maker makes."""

    class Shown(Message):
        """A tab is showing; `new` when its content was made just now."""

        def __init__(self, tab: str, content: Widget, new: bool) -> None:
            super().__init__()
            self.tab = tab
            self.content = content
            self.new = new

    def __init__(
        self, titles: Mapping[str, str], makers: Mapping[str, Callable[[], Widget]], *, initial: str, id: str
    ) -> None:
        super().__init__(id=id)
        self._titles = dict(titles)
        self._makers = dict(makers)
        self._active = initial
        self._built: dict[str, Widget] = {}

    def compose(self) -> ComposeResult:
        yield TabRow(self._titles, self._active)
        with Vertical(classes="record-tab-content"):
            yield self._make(self._active)

    def _make(self, tab: str) -> Widget:
        content = self._built[tab] = self._makers[tab]()
        return content

    @property
    def active(self) -> str:
        """The id of the tab showing (known from the start, so keys shown with the screen follow it)."""
        return self._active

    @active.setter
    def active(self, tab: str) -> None:
        if tab not in self._makers or tab == self._active:
            return
        self._active = tab
        if self.is_mounted:
            self.query_one(TabRow).active = tab
        # Shown once its content is mounted: keys and the screen's view of it wait for that.
        self.call_later(self._show, tab)

    def content(self, tab: str) -> Widget | None:
        """The tab's content, once it has been shown and mounted."""
        content = self._built.get(tab)
        return content if content is not None and content.is_mounted else None

    def built(self) -> list[Widget]:
        """Every tab's content made and mounted so far.

        (A tab being built is left out until it is mounted: a key pressed meanwhile, a refresh
        say, must not reach into a widget whose own parts are not there yet.)
        """
        return [content for content in self._built.values() if content.is_mounted]

    def on_tab_row_chosen(self, event: TabRow.Chosen) -> None:
        event.stop()
        self.active = event.tab

    async def _show(self, tab: str) -> None:
        if tab != self._active:
            return  # another tab was chosen before this one could show
        new = tab not in self._built
        content = self._make(tab) if new else self._built[tab]
        if new:
            await self.query_one(".record-tab-content", Vertical).mount(content)
        for shown, widget in self._built.items():
            widget.display = shown == tab
        self.post_message(self.Shown(tab, content, new))
