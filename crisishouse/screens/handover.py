"""The handover screen: a card for each guest, their lines, the house part, printing."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from crisishouse.errors import HouseError
from crisishouse.models import HandoverEntry
from crisishouse.screens.base import HouseScreen
from crisishouse.screens.confirm import ConfirmScreen
from crisishouse.screens.handover_form import LineForm
from crisishouse.services import House, Session
from crisishouse.services.handover import HandoverCard, LineView
from crisishouse.services.handover_document import PrintRefused
from crisishouse.services.shifts import ShiftTime
from crisishouse.widgets.formatting import house_time
from crisishouse.widgets.found_words import explained, highlighted, marked
from crisishouse.widgets.handover_lines_table import wrote_it
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.house_table import HouseTable, Row
from crisishouse.widgets.literal import literal


class HandoverScreen(HouseScreen):
    """Write the handover with each guest, then print it for the next shift."""

    HELP = (
        "A card for each guest. Write lines with the guest (n), read each back and mark it "
        "agreed (g); lines not agreed never print. A line the guest wrote themselves says so. The house part (h) "
        "is written by staff. Printing (p) checks everything again first; d removes a line, asking first."
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
        self.refused = False
        """The last print was refused: each reading again checks whether it still would be."""
        self._lines_of: str | None = None
        """Whose lines the lines table shows."""
        self._highlight_line: str | None = None
        """A line just written, to highlight once the card is read again."""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="handover-shift")
        yield HouseTable("Room", "Guest", "Stay", "Lines", "Check-ins", id="handover-cards", wrap=False)
        yield Static("", id="handover-card")
        yield HouseTable("", "Line", id="handover-lines")
        yield Static("", id="handover-house")
        yield Static("", id="handover-result")
        yield HouseFooter()

    def on_mount(self) -> None:
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
        self._cards_table.fill(
            (
                card.guest.id,
                (
                    literal(card.stay.room),
                    literal(card.guest.chosen_name),
                    card.stay_words,
                    f"{len(card.lines) - card.waiting} of {len(card.lines)} agreed" if card.lines else "none yet",
                    str(len(card.check_ins)),
                ),
            )
            for card in self.cards
        )
        self._show_card(self._highlight_line)
        self._highlight_line = None
        house = Text("House part: ", style="bold")
        if not house_lines:
            house.append("nothing yet (h to write)", style="italic")
        for n, entry in enumerate(house_lines):
            house.append("  " if n else "")
            house.append_text(highlighted(entry.text, self.house.language.check(entry.text)))
        self.query_one("#handover-house", Static).update(house)
        if self.refused:
            self._check_again()

    @property
    def _cards_table(self) -> HouseTable:
        return self.query_one("#handover-cards", HouseTable)

    @property
    def _lines_table(self) -> HouseTable:
        return self.query_one("#handover-lines", HouseTable)

    def _card(self) -> HandoverCard | None:
        key = self._cards_table.highlighted_key()
        return next((card for card in self.cards if card.guest.id == key), None)

    def _show_card(self, highlight: str | None = None) -> None:
        card = self._card()
        detail = Text()
        rows: list[Row] = []
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
                shown = marked(view.entry.text, view.findings)
                if view.by_guest:
                    shown.append_text(wrote_it(card.guest.chosen_name))
                shown.append_text(explained(view.findings))
                if view.statement:
                    shown.append("\nTheir statement: ", style="italic")
                    shown.append_text(literal(view.statement))
                rows.append((view.entry.id, (self._status(view), shown)))
        guest_id = card.guest.id if card is not None else None
        # Another guest's lines start at their first; the same guest's keep their place.
        self._lines_table.fill(rows, highlight=highlight, from_top=guest_id != self._lines_of)
        self._lines_of = guest_id
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
        key = self._lines_table.highlighted_key()
        if card is None:
            return None
        return next((view for view in card.lines if view.entry.id == key), None)

    def _whose_line(self) -> str:
        """Whose the highlighted line is, for a notice: "Mere's line"."""
        card = self._card()
        return f"{card.guest.chosen_name}'s line" if card is not None else "The line"

    # -- actions --------------------------------------------------------------

    def action_new_line(self) -> None:
        card = self._card()
        if card is None:
            self.notify("No guest is staying.")
            return
        name = card.guest.chosen_name
        form = LineForm(self.house, self.session, self.shift, guest_id=card.guest.id, guest_name=name)
        self.push_form(
            form, lambda entry: self._changed(f"A line for {name} is saved; read it back to them (g).", entry)
        )

    def action_edit_line(self) -> None:
        line = self._line()
        if line is None:
            self.notify("Highlight a line in the list below the cards (Tab) first.")
            return
        card = self._card()
        name = card.guest.chosen_name if card else ""
        form = LineForm(self.house, self.session, self.shift, entry=line.entry, guest_name=name)
        self.push_form(
            form, lambda entry: self._changed(f"{self._whose_line()} is changed; read it back again (g).", entry)
        )

    def action_agreed(self) -> None:
        line = self._line()
        if line is None:
            self.notify("Highlight a line in the list below the cards (Tab) first.")
            return
        if self.try_change(lambda: self.house.handover.agree(self.session, line.entry, read_back=True)):
            self.notify(f"{self._whose_line()} is marked read back and agreed.", markup=False)

    def action_remove_line(self) -> None:
        line = self._line()
        if line is None:
            self.notify("Highlight a line in the list below the cards (Tab) first.")
            return
        about = self._whose_line()
        card = self._card()
        question = Text("Remove this line about ")
        question.append_text(literal(card.guest.chosen_name if card else "the guest", style="bold"))
        question.append(" from the handover? It is not kept.\n\n")
        question.append_text(literal(line.entry.text, style="italic"))

        def answered(yes: bool | None) -> None:
            if yes and self.try_change(lambda: self.house.handover.remove_line(self.session, line.entry)):
                self.notify(f"{about} is removed.", markup=False)

        self.app.push_screen(ConfirmScreen(question, "Remove the line"), answered)

    def action_house_line(self) -> None:
        self.push_form(LineForm(self.house, self.session, self.shift))

    def _changed(self, notice: str, entry: HandoverEntry) -> None:
        """A line was written or changed: name whose it is, and highlight it."""
        self.notify(notice, markup=False)
        self._highlight_line = entry.id

    def action_print(self) -> None:
        self.query_one("#handover-result", Static).update("Checking the handover once more, then printing…")
        self._print()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print(self) -> None:
        try:
            outcome, left_out = self.house.handover.print_handover(self.session, self.shift)
        except PrintRefused as refused:
            self.app.call_from_thread(self._printed, literal(str(refused)), True)
            return
        except HouseError as problem:
            self.app.call_from_thread(self._printed, literal(str(problem)), False)
            return
        message = outcome.message
        if left_out:
            message += "\nLeft out: " + "; ".join(left_out)
        self.app.call_from_thread(self._printed, literal(message), False)

    def _printed(self, message: Text, refused: bool) -> None:
        self.refused = refused
        self.query_one("#handover-result", Static).update(message)

    def _check_again(self) -> None:
        """After a refused print: what would refuse it now (the list goes once everything is fixed)."""
        result = self.query_one("#handover-result", Static)
        try:
            document, _left_out = self.house.handover.document(self.session, self.shift)
            self.house.handover.final_check(self.session, document, self.shift)
        except PrintRefused as refused:
            result.update(literal(str(refused)))
            return
        except HouseError as problem:
            result.update(literal(str(problem)))
            return
        self.refused = False
        result.update(Text("Everything that stopped the print is fixed: p prints the handover.", style="italic"))

    def action_past(self) -> None:
        from crisishouse.screens.past_handovers import PastHandoversScreen

        self.app.push_screen(PastHandoversScreen(self.house, self.session))
