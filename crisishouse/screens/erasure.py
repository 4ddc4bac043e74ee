"""Handing over and erasing a departed guest's record, and the house's retention.

The guest is offered their complete record first (printed, or saved as a
text file for them); only then can the record be erased, for good.

Staff writing that names the guest (house lines, the rhythm, hard events)
is not part of her record and is not erased: before the erasure, while her
chosen name is known, the screen lists where it appears and offers to
reword each place. That never holds the erasure up. After it, anything
CUPS still keeps of her printouts is told in plain words, with the fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from crisishouse.errors import HouseError
from crisishouse.models import HandoverEntry, RhythmItem
from crisishouse.screens.base import SIGNED_IN_STYLES
from crisishouse.screens.confirm import ConfirmScreen
from crisishouse.screens.copy_form import SaveCopyForm
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session
from crisishouse.services.erasure import Departed, ErasureDone, Mention, name_pattern, names
from crisishouse.text import plural
from crisishouse.widgets.found_words import highlighted
from crisishouse.widgets.literal import literal


def reword(house: House, session: Session, mention: Mention, words: str) -> object:
    """New words for a place in staff writing, through the service that owns it.

    Raises:
        ServiceError: this kind of writing cannot be reworded here (the
            message says where it can), or the service refused the words.
    """
    record = mention.record
    if mention.kind == "house line" and isinstance(record, HandoverEntry):
        return house.handover.edit_line(session, record, words)
    if mention.kind == "everyday" and isinstance(record, RhythmItem):
        return house.rhythm.change_everyday(
            session, record.id, f"{record.time.hour:02d}:{record.time.minute:02d}", words
        )
    raise ServiceError(mention.how_to_change or "This cannot be reworded here.")


class RewordForm(FormScreen[object]):
    """New words for a house line or an everyday rhythm item that names a guest being erased."""

    def __init__(self, house: House, session: Session, mention: Mention, guest_name: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.mention = mention
        self.guest_name = guest_name
        self.heading = f"Reword: {mention.where}"

    def fields(self) -> Iterable[Widget]:
        yield from labelled(
            "New words (leave the name out if it should not be kept)", Input(self.mention.text, id="reword-text")
        )
        yield Static("", id="reword-check")

    def on_mount(self) -> None:
        super().on_mount()
        self._check(self.mention.text)

    @on(Input.Changed, "#reword-text")
    def _typed(self, event: Input.Changed) -> None:
        self._check(event.value)

    def _check(self, value: str) -> None:
        pattern = name_pattern(self.guest_name)
        shown = Text()
        if pattern is not None and names(value, pattern):
            shown.append("Still names ", style="bold")
            shown.append_text(literal(self.guest_name, style="bold"))
            shown.append(".\n", style="bold")
        findings = self.house.language.check(value) if value else []
        shown.append_text(
            highlighted(value, findings)
            if findings
            else Text("No diagnostic or clinical language found.", style="italic")
        )
        self.query_one("#reword-check", Static).update(shown)

    def save(self) -> object:
        return reword(self.house, self.session, self.mention, self.text("reword-text"))


class MentionsScreen(ModalScreen[None]):
    """Where a guest's chosen name appears in staff writing, each place offered for rewording."""

    CSS_PATH = SIGNED_IN_STYLES

    DEFAULT_CSS = """
    MentionsScreen { align: center middle; }
    #mentions-list { height: auto; max-height: 10; }
    #mention-how { margin-top: 1; height: auto; }
    """
    BINDINGS = [
        Binding("r", "reword", "Reword"),
        Binding("escape", "close", "Done"),
    ]
    AUTO_FOCUS = "#mentions-list"

    def __init__(self, house: House, session: Session, guest_name: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.guest_name = guest_name
        self.found: list[Mention] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="mentions-dialog"):
            heading = Text("Where ", style="bold")
            heading.append_text(literal(self.guest_name, style="bold"))
            heading.append(" appears in staff writing", style="bold")
            yield Label(heading)
            explain = Text("Erasing the record does not change these. Reword a place if it should not name ")
            explain.append_text(literal(self.guest_name))
            explain.append(" (Enter or r), or leave it as it is.")
            yield Static(explain, id="mentions-explain")
            yield OptionList(id="mentions-list")
            yield Static("", id="mention-how")
            with Horizontal(classes="buttons"):
                yield Button("Reword", id="mention-reword", variant="primary")
                yield Button("Done", id="mentions-close")

    def on_mount(self) -> None:
        self.query_one("#mentions-dialog").styles.width = 76  # as wide as the erasure dialog
        self.read_again(0)

    def read_again(self, row: int) -> None:
        """Read the places again; the highlight stays on the same row (or the last)."""
        options = self.query_one("#mentions-list", OptionList)
        options.clear_options()
        try:
            self.found = self.house.erasures.mentions(self.session, self.guest_name)
        except HouseError as problem:
            self.found = []
            self.query_one("#mention-how", Static).update(literal(str(problem)))
            self.query_one("#mention-reword", Button).disabled = True
            return
        options.add_options([Option(literal(m.words)) for m in self.found])
        if self.found:
            options.highlighted = min(max(row, 0), len(self.found) - 1)
            self._explain(self.found[options.highlighted])
        else:
            done = Text("The name no longer appears in staff writing.", style="italic")
            self.query_one("#mention-how", Static).update(done)
        self.query_one("#mention-reword", Button).disabled = not self.found

    def _explain(self, mention: Mention) -> None:
        words = mention.how_to_change or "r (or Enter) rewords it."
        self.query_one("#mention-how", Static).update(literal(words))
        self.query_one("#mention-reword", Button).disabled = not mention.can_reword

    @on(OptionList.OptionHighlighted, "#mentions-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.found):
            self._explain(self.found[event.option_index])

    @on(OptionList.OptionSelected, "#mentions-list")
    def _selected(self) -> None:
        self.action_reword()

    @on(Button.Pressed, "#mention-reword")
    def action_reword(self) -> None:
        row = self.query_one("#mentions-list", OptionList).highlighted
        if row is None or not 0 <= row < len(self.found):
            return
        mention = self.found[row]
        if not mention.can_reword:
            self.notify(mention.how_to_change, markup=False, timeout=10)
            return

        def reworded(result: object | None) -> None:
            if result is not None:
                self.read_again(row)

        self.app.push_screen(RewordForm(self.house, self.session, mention, self.guest_name), reworded)

    @on(Button.Pressed, "#mentions-close")
    def action_close(self) -> None:
        self.dismiss(None)


class EraseRecordScreen(ModalScreen[bool]):
    """Give the guest their complete record, then erase it.

    The erasure reaches every backup and printout, so it runs in a worker;
    while it runs the dialog says so and nothing on it can be pressed.
    """

    CSS_PATH = SIGNED_IN_STYLES
    BINDINGS = [
        Binding("p", "print_copy", "Print it"),
        Binding("s", "save_copy", "Save as text"),
        Binding("n", "no_copy", "No copy wanted"),
        Binding("w", "mentions", "Where the name appears"),
        Binding("escape", "close", "Not now"),
    ]

    def __init__(self, house: House, session: Session, departed: Departed) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.departed = departed
        self.handed_over: str | None = None
        self.erasing = False
        """The erasure is under way: the dialog cannot be closed, nor the erasure asked for again."""
        self._disabled_before: dict[Button, bool] = {}
        self.mentioned = self._count_mentions()

    def _count_mentions(self) -> int:
        """How many places in staff writing name the guest (0 if they cannot be read)."""
        try:
            return len(self.house.erasures.mentions(self.session, self.departed.name))
        except HouseError:
            return 0

    def _mentions_words(self) -> Text:
        words = Text("Staff writing still names ")
        words.append_text(literal(self.departed.name, style="bold"))
        words.append(f" in {plural(self.mentioned, 'place')}: w to see and reword them.")
        return words

    def on_mount(self) -> None:
        if self.mentioned:
            # One more line or two than the dialog was made for: at 80x24 it scrolls rather than lose its buttons.
            dialog = self.query_one("#erase-dialog", Vertical)
            dialog.styles.max_height = "100%"
            dialog.styles.overflow_y = "auto"

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
            if self.mentioned:
                yield Static(self._mentions_words(), id="erase-mentions")
                keys = Text("Keys: p print, s save, n no copy wanted, w where named, Esc not now.", style="dim")
            else:
                keys = Text("Keys: p print it, s save as text, n no copy wanted, Esc not now.", style="dim")
            yield Static(keys, id="erase-status")
            with Horizontal(classes="buttons"):
                yield Button("Print it", id="erase-print")
                yield Button("Save as text", id="erase-save")
                yield Button("No copy wanted", id="erase-none")
            with Horizontal(classes="buttons"):
                if self.mentioned:
                    yield Button("Where named", id="erase-mentions-open")
                yield Button("Erase now", id="erase-now", variant="error", disabled=True)
                yield Button("Not now", id="erase-close")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.erasing

    def _status(self, words: str) -> None:
        """Say under the explanation what has happened, in the words given (never markup)."""
        self.query_one("#erase-status", Static).update(literal(words))

    def _handed(self, how: str, words: str) -> None:
        self.handed_over = how
        self._status(words)
        self.query_one("#erase-now", Button).disabled = False

    @on(Button.Pressed, "#erase-print")
    def action_print_copy(self) -> None:
        self._status("Printing…")
        self._print()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print(self) -> None:
        try:
            outcome = self.house.own_record.print_copy(self.session, self.departed.guest_id)
        except HouseError as problem:
            self.app.call_from_thread(self._status, str(problem))
            return
        if not outcome.printed:
            # The saved copy goes with the erasure: it is not a copy handed over.
            words = f"Not printed. {outcome.message}\nThat saved copy goes with the erasure: save it as a text file for them instead."
            self.app.call_from_thread(self._status, words)
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

    @on(Button.Pressed, "#erase-mentions-open")
    def action_mentions(self) -> None:
        if not self.mentioned:
            return

        def closed(_: None) -> None:
            self.mentioned = self._count_mentions()
            if self.mentioned:
                self.query_one("#erase-mentions", Static).update(self._mentions_words())
            else:
                self.query_one("#erase-mentions", Static).update(
                    Text("Staff writing no longer names them.", style="italic")
                )

        self.app.push_screen(MentionsScreen(self.house, self.session, self.departed.name), closed)

    @on(Button.Pressed, "#erase-now")
    def _erase(self) -> None:
        if self.handed_over is None or self.erasing:
            return
        question = Text("Erase ")
        question.append_text(literal(self.departed.name, style="bold"))
        question.append("'s record for good? It cannot be brought back.")
        self.mentioned = self._count_mentions()
        if self.mentioned:
            question.append(
                f"\nTheir chosen name still appears in {plural(self.mentioned, 'place')} of staff writing; "
                "erasing leaves those as they are."
            )

        def answered(yes: bool | None) -> None:
            if yes and self.handed_over is not None:
                self._start_erasing(self.handed_over)

        self.app.push_screen(ConfirmScreen(question, "Erase for good"), answered)

    def _start_erasing(self, handed_over: str) -> None:
        self.erasing = True
        self._status("Erasing the record, here, in the backups and printouts…")
        self._disabled_before = {button: button.disabled for button in self.query(Button)}
        for button in self._disabled_before:
            button.disabled = True
        self._erase_in_background(handed_over)

    @work(thread=True, exclusive=True, group="erase")
    def _erase_in_background(self, handed_over: str) -> None:
        # Only the house's services here: the screen hears back on its own thread.
        try:
            done = self.house.erasures.erase_with_report(self.session, self.departed.guest_id, handed_over)
        except HouseError as problem:
            self.app.call_from_thread(self._not_erased, problem)
            return
        self.app.call_from_thread(self._erased, done)

    def _erased(self, done: ErasureDone) -> None:
        self.erasing = False
        self.notify("The record was erased. Only the day and counts that name no one are kept.", markup=False)
        if done.paper_words:
            # The erasure is done; this is what it could not reach, and the fix.
            self.notify(done.paper_words, title="Printer copies", severity="warning", markup=False, timeout=120)
        # Locked while it ran: the lock closed this dialog already, and nothing else may be closed in its place.
        if self.is_active:
            self.dismiss(True)

    def _not_erased(self, problem: HouseError) -> None:
        self.erasing = False
        for button, disabled in self._disabled_before.items():
            button.disabled = disabled
        self._status(str(problem))
        self.notify(str(problem), title="Not erased", severity="error", markup=False, timeout=30)

    @on(Button.Pressed, "#erase-close")
    def action_close(self) -> None:
        if not self.erasing:
            self.dismiss(False)


class RetentionScreen(ModalScreen[int]):
    """The manager erases departed guests' records kept past the house's retention."""

    CSS_PATH = SIGNED_IN_STYLES

    BINDINGS = [Binding("escape", "close", "Not now")]
    AUTO_FOCUS = "#retention-close"

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.erasing = False

    def compose(self) -> ComposeResult:
        years = self.house.settings.keep_departed_records_years
        try:
            past = self.house.erasures.past_retention(self.session)
        except HouseError as problem:
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
            yield Static("", id="retention-status")
            with Horizontal(classes="buttons"):
                yield Button("Erase them", id="retention-erase", variant="error", disabled=not past)
                yield Button("Not now", id="retention-close")

    @on(Button.Pressed, "#retention-erase")
    def _erase(self) -> None:
        if self.erasing:
            return
        self.erasing = True
        self.query_one("#retention-status", Static).update("Erasing, here, in the backups and printouts…")
        for button in self.query(Button):
            button.disabled = True
        self._erase_in_background()

    @work(thread=True, exclusive=True, group="erase")
    def _erase_in_background(self) -> None:
        # Only the house's services here: the screen hears back on its own thread.
        try:
            done = self.house.erasures.erase_past_retention(self.session)
        except HouseError as problem:
            self.app.call_from_thread(self._not_erased, problem)
            return
        self.app.call_from_thread(self._erased, done)

    def _erased(self, done: int) -> None:
        self.erasing = False
        self.notify(f"{plural(done, 'record')} past the house's retention erased.", markup=False)
        if self.is_active:
            self.dismiss(done)

    def _not_erased(self, problem: HouseError) -> None:
        self.erasing = False
        self.query_one("#retention-status", Static).update(literal(str(problem)))
        self.query_one("#retention-erase", Button).disabled = False
        self.query_one("#retention-close", Button).disabled = False
        self.notify(str(problem), title="Not erased", severity="error", markup=False, timeout=30)

    @on(Button.Pressed, "#retention-close")
    def action_close(self) -> None:
        if not self.erasing:
            self.dismiss(0)
