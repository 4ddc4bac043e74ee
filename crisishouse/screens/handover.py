"""The handover screen: a card for each guest, their lines, the house part, printing."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen
from crisishouse.screens.handover_form import LineForm, highlighted
from crisishouse.services import House, Session
from crisishouse.services.handover import HandoverCard, LineView
from crisishouse.services.shifts import ShiftTime
from crisishouse.widgets.formatting import house_time
from crisishouse.widgets.literal import literal


class HandoverScreen(HouseScreen):
    """Write the handover with each guest, then print it for the next shift."""

    HELP = (
        "A card for each guest. Write lines with the guest (n), read each back and mark it "
        "agreed (g); lines not agreed never print. The house part (h) is written by staff. "
        "Printing (p) checks everything again first."
    )
    BINDINGS = [
        Binding("n", "new_line", "Line", tooltip="A new handover line for the highlighted guest", id="new-line"),
        Binding("g", "agreed", "Agreed", tooltip="Read back to the guest and agreed", id="agreed"),
        Binding("e", "edit_line", "Edit", tooltip="Change the highlighted line", id="edit-line"),
        Binding("d", "remove_line", "Remove", show=False, id="remove-line"),
        Binding(
            "h",
            "house_line",
            "House part",
            tooltip="A line for the house part: tasks, arrivals, notes",
            id="house-line",
        ),
        Binding("p", "print", "Print", tooltip="Print the handover (everything is checked again first)", id="print"),
        Binding("v", "past", "Past", tooltip="Past handovers, as printed", id="past"),
        Binding("escape", "back", "Board", id="back"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__(house, session)
        self.shift: ShiftTime = house.handover.current_shift()
        self.cards: list[HandoverCard] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="handover-shift")
        yield DataTable(id="handover-cards", cursor_type="row")
        yield Static("", id="handover-card")
        yield DataTable(id="handover-lines", cursor_type="row")
        yield Static("", id="handover-house")
        yield Static("", id="handover-result")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#handover-cards", DataTable).add_columns("Room", "Guest", "Stay", "Lines", "Check-ins")
        self.query_one("#handover-lines", DataTable).add_columns("", "Line")
        self.action_refresh()

    # -- showing --------------------------------------------------------------

    def action_refresh(self) -> None:
        """Read the cards and the house part again, and show them."""
        tz = self.house.settings.time_zone
        try:
            self.cards = self.house.handover.cards(self.session, self.shift)
            house_lines = self.house.handover.house_lines(self.session, self.shift)
        except HouseError as problem:
            self.show_problem(problem)
            return
        self.query_one("#handover-shift", Static).update(Text(f"Handover: {self.shift.words(tz)}", style="bold"))
        table = self.query_one("#handover-cards", DataTable)
        row = table.cursor_row
        table.clear()
        for card in self.cards:
            agreed = len(card.lines) - card.waiting
            table.add_row(
                literal(card.stay.room),
                literal(card.guest.chosen_name),
                card.stay_words,
                f"{agreed} of {len(card.lines)} agreed" if card.lines else "none yet",
                str(len(card.check_ins)),
                key=card.guest.id,
            )
        if row is not None and table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._show_card()
        house = Text("House part: ", style="bold")
        if not house_lines:
            house.append("nothing yet (h to write)", style="italic")
        for n, entry in enumerate(house_lines):
            house.append("  " if n else "")
            house.append_text(highlighted(entry.text, self.house.language.check(entry.text)))
        self.query_one("#handover-house", Static).update(house)

    def _card(self) -> HandoverCard | None:
        row = self.query_one("#handover-cards", DataTable).cursor_row
        if row is None or not 0 <= row < len(self.cards):
            return None
        return self.cards[row]

    def _show_card(self) -> None:
        card = self._card()
        detail = Text()
        lines = self.query_one("#handover-lines", DataTable)
        lines.clear()
        if card is not None:
            tz, now = self.house.settings.time_zone, self.house.clock.now()
            if card.intentions:
                detail.append("Intentions: ", style="bold")
                for n, words in enumerate(card.intentions):
                    detail.append("; " if n else "")
                    detail.append_text(literal(words))
                    said = card.intention_statements[n] if n < len(card.intention_statements) else ""
                    if said:
                        # The guest's statement goes wherever the entry goes.
                        detail.append(" (their statement: ", style="italic")
                        detail.append_text(literal(said))
                        detail.append(")", style="italic")
            if card.ratings:
                detail.append("\nShared ratings: ", style="bold")
                detail.append(card.ratings)
            if card.check_ins:
                detail.append("\nThis shift: ", style="bold")
                for n, c in enumerate(card.check_ins):
                    detail.append(f"{', ' if n else ''}{house_time(c.at, tz, now)} {c.outcome_words}")
                    if c.id in card.check_in_statements:
                        detail.append(" (their statement: ", style="italic")
                        detail.append_text(literal(card.check_in_statements[c.id]))
                        detail.append(")", style="italic")
            for view in card.lines:
                shown = highlighted(view.entry.text, view.findings)
                if view.statement:
                    shown.append("\nTheir statement: ", style="italic")
                    shown.append_text(literal(view.statement))
                lines.add_row(self._status(view), shown, key=view.entry.id, height=None)
        self.query_one("#handover-card", Static).update(detail)

    @staticmethod
    def _status(view: LineView) -> Text:
        if view.findings:
            return Text("check words", style="bold")
        return Text("agreed") if view.entry.agreed else Text("not agreed", style="italic")

    @on(DataTable.RowHighlighted, "#handover-cards")
    def _card_moved(self) -> None:
        self._show_card()

    def _line(self) -> LineView | None:
        card = self._card()
        row = self.query_one("#handover-lines", DataTable).cursor_row
        if card is None or row is None or not 0 <= row < len(card.lines):
            return None
        return card.lines[row]

    # -- actions --------------------------------------------------------------

    def action_new_line(self) -> None:
        card = self._card()
        if card is None:
            self.notify("No guest is staying.")
            return
        self.push_form(
            LineForm(self.house, self.session, self.shift, guest_id=card.guest.id, guest_name=card.guest.chosen_name)
        )

    def action_edit_line(self) -> None:
        line = self._line()
        if line is None:
            self.notify("Highlight a line in the list below the cards (Tab) first.")
            return
        card = self._card()
        self.push_form(
            LineForm(
                self.house,
                self.session,
                self.shift,
                entry=line.entry,
                guest_name=card.guest.chosen_name if card else "",
            )
        )

    def action_agreed(self) -> None:
        line = self._line()
        if line is None:
            self.notify("Highlight a line in the list below the cards (Tab) first.")
            return
        self.try_change(lambda: self.house.handover.agree(self.session, line.entry, read_back=True))

    def action_remove_line(self) -> None:
        line = self._line()
        if line is not None:
            self.try_change(lambda: self.house.handover.remove_line(self.session, line.entry))

    def action_house_line(self) -> None:
        self.push_form(LineForm(self.house, self.session, self.shift))

    def action_print(self) -> None:
        self.query_one("#handover-result", Static).update("Checking the handover once more, then printing…")
        self._print()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print(self) -> None:
        try:
            outcome, left_out = self.house.handover.print_handover(self.session, self.shift)
        except HouseError as problem:
            self.app.call_from_thread(self._printed, Text(str(problem)))
            return
        message = outcome.message
        if left_out:
            message += "\nLeft out: " + "; ".join(left_out)
        self.app.call_from_thread(self._printed, Text(message))

    def _printed(self, message: Text) -> None:
        self.query_one("#handover-result", Static).update(message)

    def action_past(self) -> None:
        from crisishouse.screens.past_handovers import PastHandoversScreen

        self.app.push_screen(PastHandoversScreen(self.house, self.session))
