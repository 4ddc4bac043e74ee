"""Debriefs owed after hard events: the manager records when each was offered and had."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen
from crisishouse.services import House, Session
from crisishouse.services.debriefs import OwedDebrief
from crisishouse.widgets.literal import literal


class DebriefsScreen(HouseScreen):
    """A row per debrief still owed or offered, oldest first."""

    HELP = "Debriefs owed after a hard event on shift. Mark each offered, then had or declined."
    BINDINGS = [
        Binding("f", "mark('offered')", "Offered", id="debrief-offered"),
        Binding("n", "mark('done')", "Had", id="debrief-done"),
        Binding("k", "mark('declined')", "Declined", id="debrief-declined"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__(house, session)
        self.owed: list[OwedDebrief] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield DataTable(id="debriefs-table", cursor_type="row")
        yield Static("", id="debriefs-about")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debriefs-table", DataTable).add_columns("For", "Owed for", "Status", "The hard event")
        self.action_refresh()

    def action_refresh(self) -> None:
        """Read the debriefs still owed again, and show them."""
        try:
            self.owed = self.house.debriefs.debriefs_owed(self.session)
        except HouseError as problem:
            self.show_problem(problem)
            return
        table = self.query_one("#debriefs-table", DataTable)
        table.clear()
        for owed in self.owed:
            event = owed.event.words if owed.event else ""
            table.add_row(
                literal(owed.staff_name),
                f"{owed.days_owed} day{'s' if owed.days_owed != 1 else ''}",
                owed.debrief.status,
                literal(event),
            )
        self.query_one("#debriefs-about", Static).update(
            "No debriefs are owed." if not self.owed else "f offered, n had, k declined (for the highlighted row)."
        )

    def action_mark(self, status: str) -> None:
        row = self.query_one("#debriefs-table", DataTable).cursor_row
        if row is None or not 0 <= row < len(self.owed):
            return
        debrief_id = self.owed[row].debrief.id
        self.try_change(lambda: self.house.debriefs.record_debrief(self.session, debrief_id, status))
