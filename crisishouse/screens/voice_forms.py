"""A guest's own words in their record: a note of their own, or a statement on an entry."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Static

from crisishouse.models import ENTRY_KINDS, GuestNote, Statement
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session, WordsToNotice
from crisishouse.widgets.literal import literal

_KEEP_OR_CHANGE = "\nChange the words, or save again to keep them as they are: they are yours."


class NoteForm(FormScreen[GuestNote]):
    """A note of the guest's own: theirs alone unless they let staff read it."""

    heading = "A note of your own"

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self._noticed: str | None = None

    def fields(self) -> Iterable[Widget]:
        yield from labelled("Your note", Input(id="note-text", placeholder="Anything you want to keep"))
        yield Checkbox("Staff may read this note", id="note-for-staff")

    def save(self) -> GuestNote:
        text = self.text("note-text")
        try:
            return self.house.voice.write_note(
                self.session, text, for_staff=self.ticked("note-for-staff"), words_noticed=text == self._noticed
            )
        except WordsToNotice as found:
            self._noticed = text
            raise ServiceError(f"{found}{_KEEP_OR_CHANGE}") from None


class EditNoteForm(FormScreen[GuestNote]):
    """The guest changes the words of a note of their own; who reads it is changed on the notes tab."""

    heading = "Change your note"

    def __init__(self, house: House, session: Session, note: GuestNote) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.note = note
        self._noticed: str | None = None

    def fields(self) -> Iterable[Widget]:
        yield from labelled("Your note", Input(self.note.text, id="note-text"))
        yield Static(who_reads(self.note), classes="field-label")

    def save(self) -> GuestNote:
        text = self.text("note-text")
        try:
            return self.house.voice.edit_note(self.session, self.note.id, text, words_noticed=text == self._noticed)
        except WordsToNotice as found:
            self._noticed = text
            raise ServiceError(f"{found}{_KEEP_OR_CHANGE}") from None


def who_reads(note: GuestNote) -> str:
    """Who can read a note now, in plain words."""
    if note.for_staff:
        return "Staff can read this note, and you."
    return "Only you can read this note. Staff cannot."


class StatementForm(FormScreen[Statement]):
    """The guest's own statement on an entry they disagree with; it goes wherever the entry goes."""

    def __init__(
        self, house: House, session: Session, kind: str, entry_id: str, entry_words: str, current: str
    ) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.kind = kind
        self.entry_id = entry_id
        self.entry_words = entry_words
        self.current = current
        self.heading = f"Your statement on {ENTRY_KINDS[kind]}"
        self._noticed: str | None = None

    def fields(self) -> Iterable[Widget]:
        shown = Text("It says: ", style="bold")
        shown.append_text(literal(self.entry_words))
        yield Static(shown, classes="statement-entry")
        yield from labelled(
            "What it should say, or why you disagree (printed with it)",
            Input(self.current, id="statement-text"),
        )

    def save(self) -> Statement:
        text = self.text("statement-text")
        try:
            return self.house.voice.attach_statement(
                self.session, self.kind, self.entry_id, text, words_noticed=text == self._noticed
            )
        except WordsToNotice as found:
            self._noticed = text
            raise ServiceError(f"{found}{_KEEP_OR_CHANGE}") from None
