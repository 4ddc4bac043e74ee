"""The "who opened it" tab of a guest's record: each time staff opened it, and when."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.literal import literal


class WhoOpened(VerticalScroll):
    """The guest sees who opened their record: a line for each opening."""

    def compose(self) -> ComposeResult:
        yield Static("", id="guest-access")

    def show(self, record: GuestRecord) -> None:
        if not record.access:
            shown = Text("No staff member has opened this record yet.", style="italic")
        else:
            shown = Text("\n").join(literal(line.words) for line in record.access)
        self.query_one("#guest-access", Static).update(shown)
