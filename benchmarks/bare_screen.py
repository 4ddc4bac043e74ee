"""The yardstick for a screen step: a bare Textual app that pushes a plain screen.

The screen is what any Textual screen of a table is at least: a Header, a
30-row DataTable filled when it mounts, and a Footer. `p` pushes it, Esc
closes it, as a key press opens and closes a crisishouse screen.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label

ROWS = 30
COLUMNS = ("Room", "Guest", "Stay", "Last check-in", "Next")


class BareScreen(Screen[None]):
    """A Header, a 30-row DataTable and a Footer."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        for n in range(ROWS):
            table.add_row(f"{n + 1}", f"Guest {n + 1}", f"day {n % 7 + 1} of 7", f"{n % 24:02d}:00 settled", "20:00")
        table.focus()


class BareScreenApp(App[None]):
    """One Label, and `p` to push the BareScreen."""

    BINDINGS = [Binding("p", "push_bare", "Push")]

    def compose(self) -> ComposeResult:
        yield Label("Kia ora", id="hello")

    def action_push_bare(self) -> None:
        self.push_screen(BareScreen())
