"""Handing over and erasing a departed guest's record, and the house's retention.

The guest is offered their complete record first (printed, or saved as a
text file for them); only then can the record be erased, for good.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from crisishouse.screens.copy_form import SaveCopyForm
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.erasure import Departed
from crisishouse.store import StoreError
from crisishouse.text import literal, plural

PROBLEMS = (ServiceError, NotAllowed, StoreError)


class ConfirmScreen(ModalScreen[bool]):
    """A yes-or-no question with the consequence spelt out."""

    BINDINGS = [Binding("escape", "no", "Cancel")]
    AUTO_FOCUS = "#confirm-no"

    def __init__(self, question: Text, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="confirm-yes", variant="error")
                yield Button("Cancel", id="confirm-no")

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_no(self) -> None:
        self.dismiss(False)


class EraseRecordScreen(ModalScreen[bool]):
    """Give the guest their complete record, then erase it."""

    BINDINGS = [
        Binding("p", "print_copy", "Print it"),
        Binding("s", "save_copy", "Save as text"),
        Binding("n", "no_copy", "No copy wanted"),
        Binding("escape", "close", "Not now"),
    ]

    def __init__(self, house: House, session: Session, departed: Departed) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.departed = departed
        self.handed_over: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="erase-dialog"):
            heading = Text("Erasing ", style="bold")
            heading.append_text(literal(self.departed.name, style="bold"))
            heading.append("'s record", style="bold")
            yield Label(heading)
            yield Static(
                Text(
                    "They chose erasure when they left. First give them their complete record: "
                    "print it, or save it as a text file for them to take. Then everything about "
                    "them is erased for good: their stays, check-ins, ratings, intentions, handover "
                    "lines, notes, who opened their record, and their PIN, here, in the backups and "
                    "in saved printouts. Only the day, and counts that name no one, are kept."
                ),
                id="erase-explain",
            )
            kept = self.house.voice.private_note_count(self.session, self.departed.guest_id)
            if kept:
                yield Static(
                    Text(
                        f"They keep {plural(kept, 'note')} just for themselves, which staff cannot "
                        "print: they can print or save their own copy in their own session first.",
                        style="bold",
                    ),
                    id="erase-private-notes",
                )
            keys = Text("Keys: p print it, s save as text, n no copy wanted, Esc not now.", style="dim")
            yield Static(keys, id="erase-status")
            with Horizontal(classes="buttons"):
                yield Button("Print it", id="erase-print")
                yield Button("Save as text", id="erase-save")
                yield Button("No copy wanted", id="erase-none")
            with Horizontal(classes="buttons"):
                yield Button("Erase now", id="erase-now", variant="error", disabled=True)
                yield Button("Not now", id="erase-close")

    def _handed(self, how: str, words: str) -> None:
        self.handed_over = how
        self.query_one("#erase-status", Static).update(literal(words))
        self.query_one("#erase-now", Button).disabled = False

    @on(Button.Pressed, "#erase-print")
    def action_print_copy(self) -> None:
        self.query_one("#erase-status", Static).update("Printing…")
        self._print()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print(self) -> None:
        try:
            outcome = self.house.own_record.print_copy(self.session, self.departed.guest_id)
        except PROBLEMS as problem:
            self.app.call_from_thread(self.query_one("#erase-status", Static).update, literal(str(problem)))
            return
        if not outcome.printed:
            # The saved copy goes with the erasure: it is not a copy handed over.
            words = f"Not printed. {outcome.message}\nThat saved copy goes with the erasure: save it as a text file for them instead."
            self.app.call_from_thread(self.query_one("#erase-status", Static).update, literal(words))
            return
        self.app.call_from_thread(self._handed, "printed", outcome.message)

    @on(Button.Pressed, "#erase-save")
    def action_save_copy(self) -> None:
        def saved(path: Path | None) -> None:
            if path is not None:
                self._handed("saved", f"Saved to {path}.")

        self.app.push_screen(SaveCopyForm(self.house, self.session, self.departed.guest_id), saved)

    @on(Button.Pressed, "#erase-none")
    def action_no_copy(self) -> None:
        self._handed("declined", "Offered; they did not want a copy.")

    @on(Button.Pressed, "#erase-now")
    def _erase(self) -> None:
        if self.handed_over is None:
            return
        question = Text("Erase ")
        question.append_text(literal(self.departed.name, style="bold"))
        question.append("'s record for good? It cannot be brought back.")

        def answered(yes: bool | None) -> None:
            if yes:
                self._do_erase()

        self.app.push_screen(ConfirmScreen(question, "Erase for good"), answered)

    def _do_erase(self) -> None:
        try:
            self.house.erasures.erase(self.session, self.departed.guest_id, self.handed_over or "")
        except PROBLEMS as problem:
            self.query_one("#erase-status", Static).update(literal(str(problem)))
            return
        self.notify("The record was erased. Only the day and counts that name no one are kept.", markup=False)
        self.dismiss(True)

    @on(Button.Pressed, "#erase-close")
    def action_close(self) -> None:
        self.dismiss(False)


class RetentionScreen(ModalScreen[int]):
    """The manager erases departed guests' records kept past the house's retention."""

    BINDINGS = [Binding("escape", "close", "Not now")]
    AUTO_FOCUS = "#retention-close"

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session

    def compose(self) -> ComposeResult:
        years = self.house.settings.keep_departed_records_years
        try:
            past = self.house.erasures.past_retention(self.session)
        except PROBLEMS as problem:
            past = []
            self.notify(str(problem), severity="error", markup=False)
        text = Text(
            f"{plural(len(past), 'departed guest')} left more than {years} years ago and made no choice (or chose to keep "
            "their record). The house keeps records that long (house.keep_departed_records_years); "
            "past it they are erased, keeping only counts that name no one."
        )
        with Vertical(classes="dialog"):
            yield Label("Records past the house's retention", classes="form-title")
            yield Static(text)
            with Horizontal(classes="buttons"):
                yield Button("Erase them", id="retention-erase", variant="error", disabled=not past)
                yield Button("Not now", id="retention-close")

    @on(Button.Pressed, "#retention-erase")
    def _erase(self) -> None:
        try:
            done = self.house.erasures.erase_past_retention(self.session)
        except PROBLEMS as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        self.notify(f"{plural(done, 'record')} past the house's retention erased.")
        self.dismiss(done)

    @on(Button.Pressed, "#retention-close")
    def action_close(self) -> None:
        self.dismiss(0)
