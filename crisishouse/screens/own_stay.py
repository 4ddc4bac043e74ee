"""A guest's own screen: their stay and nothing about anyone else."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from crisishouse.screens.formatting import house_time, rhythm_line
from crisishouse.services import House, Session
from crisishouse.store import StoreError
from crisishouse.text import literal


class OwnStayScreen(Screen[None]):
    """Your stay, your check-ins, the house's day."""

    HELP = "Your own stay. Only you (and staff with you) see what is here."
    BINDINGS = [Binding("r", "refresh", "Refresh", id="refresh")]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="own-stay"):
            yield Static("", id="own-greeting")
            yield Static("", id="own-rhythm")
            yield Static("", id="own-check-ins")
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Refresh", "Read your stay again", self.action_refresh)

    def action_refresh(self) -> None:
        try:
            view = self.house.own_stay.view(self.session, self.session.person_id)
        except StoreError as problem:
            self.notify(str(problem), severity="error", markup=False, timeout=30)
            return
        tz = self.house.settings.time_zone
        now = self.house.clock.now()
        greeting = Text("Kia ora ", style="bold")
        greeting.append_text(literal(view.guest.chosen_name, style="bold"))
        if view.stay is not None:
            greeting.append("\nYou are staying in ")
            greeting.append_text(literal(view.stay.room))
            words = f"day {view.day_n} of {view.of_m}" if view.day_n <= view.of_m else "leaving today"
            greeting.append(f", {words}.")
        self.query_one("#own-greeting", Static).update(greeting)
        self.query_one("#own-rhythm", Static).update(rhythm_line(view.rhythm_now, view.rhythm_next, tz, now))
        lines = Text("Your check-ins\n", style="bold")
        if not view.check_ins:
            lines.append("None yet.", style="")
        for check_in in reversed(view.check_ins[-12:]):
            lines.append(f"{house_time(check_in.at, tz, now):>10}  {check_in.outcome_words}", style="")
            if check_in.note:
                lines.append("  ")
                lines.append_text(literal(check_in.note))
            lines.append("\n")
        self.query_one("#own-check-ins", Static).update(lines)
