"""A guest's record in tabs: a row of tabs and the showing tab's content, each tab's built when first shown.

Textual's TabbedContent wraps every tab's content in a pane of its own,
built with the screen whether shown or not: six panes a record, styled at
each opening. Here the content is the only widget a tab has, and it is
made the first time the tab is shown (most openings look at one or two).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Tab, Tabs


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
        self._initial = initial
        self._built: dict[str, Widget] = {}

    def compose(self) -> ComposeResult:
        yield Tabs(*(Tab(title, id=tab) for tab, title in self._titles.items()), active=self._initial)
        with Vertical(classes="record-tab-content"):
            yield self._make(self._initial)

    def _make(self, tab: str) -> Widget:
        content = self._built[tab] = self._makers[tab]()
        return content

    @property
    def active(self) -> str:
        """The id of the tab showing ("" before the tabs are mounted)."""
        return self.query_one(Tabs).active if self.is_mounted else ""

    @active.setter
    def active(self, tab: str) -> None:
        self.query_one(Tabs).active = tab

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

    @on(Tabs.TabActivated)
    async def _show(self, event: Tabs.TabActivated) -> None:
        event.stop()
        tab = event.tab.id or ""
        if tab not in self._makers:
            return
        new = tab not in self._built
        content = self._make(tab) if new else self._built[tab]
        if new:
            await self.query_one(".record-tab-content", Vertical).mount(content)
        for shown, widget in self._built.items():
            widget.display = shown == tab
        self.post_message(self.Shown(tab, content, new))
