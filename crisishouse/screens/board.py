"""The house board: each room, who is in it, day n of m, and what is due."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from crisishouse.screens.formatting import house_time, rhythm_line
from crisishouse.services import House, Session
from crisishouse.services.board import BoardView
from crisishouse.store import StoreError
from crisishouse.text import literal

REFRESH_SECONDS = 30


class BoardScreen(Screen[None]):
    """Who is staying, and what the shift needs to know now."""

    HELP = "The house board. Rooms, who is staying, check-ins and the day's rhythm."
    BINDINGS = [
        Binding("r", "refresh", "Refresh", tooltip="Read the board again", id="refresh"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="house-now")
        yield Static("", id="rhythm")
        yield DataTable(id="rooms", cursor_type="row", zebra_stripes=True)
        yield Static("", id="due")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#rooms", DataTable)
        table.add_columns("Room", "Guest", "Stay", "Last check-in", "Next")
        self.action_refresh()
        self.set_interval(REFRESH_SECONDS, self.action_refresh)

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Refresh the board", "Read the board again", self.action_refresh)

    def action_refresh(self) -> None:
        """Read the board from the house's services and show it."""
        try:
            view = self.house.board.view(self.session)
        except StoreError as problem:
            self.notify(str(problem), title="The house's data", severity="error", markup=False, timeout=30)
            return
        self.show(view)
        if self.house.backup_problem:
            self.notify(self.house.backup_problem, title="Backups", severity="warning", markup=False)

    def show(self, view: BoardView) -> None:
        tz = self.house.settings.time_zone
        now = view.at
        staying = len(view.staying)
        free = len(view.rooms) - staying
        self.query_one("#house-now", Static).update(
            Text(
                f"{now.in_timezone(tz).format('dddd D MMMM, HH:mm')}   "
                f"{staying} staying, {free} {'room' if free == 1 else 'rooms'} free"
            )
        )
        self.query_one("#rhythm", Static).update(rhythm_line(view.rhythm_now, view.rhythm_next, tz, now))
        table = self.query_one("#rooms", DataTable)
        table.clear()
        for line in view.rooms:
            if line.stay is None or line.guest is None:
                table.add_row(literal(line.room), Text("free", style="italic"), "", "", "")
                continue
            name = literal(line.guest.chosen_name)
            if line.guest.pronouns:
                name.append(f" ({line.guest.pronouns})", style="dim")
            timing = line.timing
            last = ""
            nxt = Text("")
            if timing is not None:
                if timing.last is not None:
                    last = f"{house_time(timing.last.at, tz, now)} {timing.last.outcome_words}"
                nxt = Text(("due since " if timing.overdue else "") + house_time(timing.next_due, tz, now))
            table.add_row(literal(line.room), name, line.stay_words, last, nxt, key=line.stay.id)
        due = view.check_ins_due
        if due:
            text = Text("Check-ins due: ", style="bold")
            for i, line in enumerate(due):
                if i:
                    text.append(", ")
                text.append_text(literal(line.guest.chosen_name if line.guest else line.room))
                text.append(f" (since {house_time(line.timing.next_due, tz, now)})")  # type: ignore[union-attr]
        else:
            text = Text("No check-ins due right now.")
        self.query_one("#due", Static).update(text)
