"""Debriefs owed after hard events: the manager records when each was offered and had."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Header, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen
from crisishouse.services import House, Session
from crisishouse.services.debriefs import OwedDebrief
from crisishouse.services.undo import UNDO_WINDOW, still_undoable
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.house_table import HouseTable
from crisishouse.widgets.literal import literal

STATUS_WORDS = {"owed": "owed", "offered": "offered", "done": "had", "declined": "declined"}
"""A debrief's status as the screen's keys say it ("done" is the key "Had")."""


@dataclass(frozen=True)
class Marked:
    """The last mark made here, which `u` takes back while the house allows."""

    debrief_id: str
    name: str
    at: pendulum.DateTime


class DebriefsScreen(HouseScreen):
    """A row per debrief still owed or offered, oldest first."""

    HELP = (
        "Debriefs owed after a hard event on shift. Mark the highlighted one offered (f), then had (n) or "
        "declined (k); u takes back a mark made in the last 10 minutes."
    )
    BINDINGS = [
        Binding(
            "f", "mark('offered')", "Offered", tooltip="Mark the highlighted debrief offered", id="debrief-offered"
        ),
        Binding("n", "mark('done')", "Had", tooltip="Mark the highlighted debrief had", id="debrief-done"),
        Binding(
            "k", "mark('declined')", "Declined", tooltip="Mark the highlighted debrief declined", id="debrief-declined"
        ),
        Binding("u", "undo", "Undo", tooltip="Take back the debrief mark just made", id="debrief-undo"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__(house, session)
        self.owed: list[OwedDebrief] = []
        self.marked: Marked | None = None
        """The mark `u` would take back, if any."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield HouseTable("For", "Owed for", "Status", "The hard event", id="debriefs-table")
        yield Static("", id="debriefs-about")
        yield HouseFooter()

    def on_mount(self) -> None:
        self.action_refresh()

    @property
    def _table(self) -> HouseTable:
        return self.query_one("#debriefs-table", HouseTable)

    def action_refresh(self, highlight: str | None = None) -> None:
        """Read the debriefs still owed again, and show them (the highlight stays on the same debrief)."""
        try:
            self.owed = self.house.debriefs.debriefs_owed(self.session)
        except HouseError as problem:
            self.show_problem(problem)
            return
        self._table.fill(
            (
                (
                    owed.debrief.id,
                    (
                        literal(owed.staff_name),
                        f"{owed.days_owed} day{'s' if owed.days_owed != 1 else ''}",
                        STATUS_WORDS.get(owed.debrief.status, owed.debrief.status),
                        literal(owed.event.words if owed.event else ""),
                    ),
                )
                for owed in self.owed
            ),
            highlight=highlight,
        )
        self.query_one("#debriefs-about", Static).update(
            "No debriefs are owed." if not self.owed else "f offered, n had, k declined (for the highlighted row)."
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.marked is not None and still_undoable(self.marked.at, self.house.clock.now())
        return True

    def action_mark(self, status: str) -> None:
        key = self._table.highlighted_key()
        chosen = next((o for o in self.owed if o.debrief.id == key), None)
        if chosen is None:
            return
        try:
            self.house.debriefs.record_debrief(self.session, chosen.debrief.id, status)
        except HouseError as problem:
            self.show_problem(problem)
            return
        self.marked = Marked(chosen.debrief.id, chosen.staff_name, self.house.clock.now())
        self.notify(
            f"{chosen.staff_name}'s debrief marked {STATUS_WORDS[status]}. u takes it back.", markup=False, timeout=10
        )
        self.action_refresh()
        self._undo_offered()

    def action_undo(self) -> None:
        marked, self.marked = self.marked, None
        if marked is None:
            return
        try:
            debrief = self.house.debriefs.undo_record(self.session, marked.debrief_id)
        except HouseError as problem:
            self.show_problem(problem)
        else:
            self.notify(
                f"{marked.name}'s debrief is {STATUS_WORDS[debrief.status]} again: the mark is taken back.",
                markup=False,
            )
        # A debrief marked had comes back into the list: the highlight goes back to it.
        self.action_refresh(highlight=marked.debrief_id)
        self.refresh_bindings()

    def _undo_offered(self) -> None:
        """Show Undo in the footer now, and take it away when the house no longer allows it."""
        self.refresh_bindings()
        self.set_timer(UNDO_WINDOW.total_seconds(), self.refresh_bindings)
