"""Writing a handover line with a guest, with the language check as you type."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.widget import Widget
from textual.widgets import Input, Static

from crisishouse.models import HandoverEntry
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session, WordsToNotice
from crisishouse.services.shifts import ShiftTime
from crisishouse.widgets.found_words import highlighted

_KEEP_OR_CHANGE = "\nChange the words, or save again to keep them as they are: they are yours."


class LineForm(FormScreen[HandoverEntry]):
    """A line about a guest (or the house), in a hopeful, strengths-based voice.

    Staff write a guest's line with the guest, or a line for the house part.
    A guest writes their own line, for the next shift, in their own session:
    what the language check finds is shown as they type, and a save that
    still holds it says so; saving again keeps the words as theirs.
    """

    def __init__(
        self,
        house: House,
        session: Session,
        shift: ShiftTime | None,
        *,
        guest_id: str | None = None,
        guest_name: str = "",
        entry: HandoverEntry | None = None,
    ) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.shift = shift
        self.guest_id = guest_id
        self.entry = entry
        self.for_house = guest_id is None and (entry is None or entry.guest_id is None)
        """The house part: staff writing for the house, not a guest's words."""
        self._noticed: str | None = None
        """Words the guest has been told about once: saved again as they are, they are kept."""
        if not session.is_staff:
            self.heading = "What would you like the next shift to know?"
        elif self.for_house:
            self.heading = "The house part: tasks, arrivals expected, notes"
        else:
            self.heading = f"What would {guest_name or 'the guest'} like the next shift to know?"

    def fields(self) -> Iterable[Widget]:
        if not self.session.is_staff:
            label, example = "In your own words", "I'd like a quiet morning; I'll come and find you"
        elif self.for_house:
            label, example = "For the next shift, in plain words", "Kai delivery at 9; the van needs petrol"
        else:
            label, example = (
                "In the guest's words, hopeful and plain",
                "I'd like a quiet morning; I'll come and find you",
            )
        yield from labelled(label, Input(self.entry.text if self.entry else "", id="line-text", placeholder=example))
        yield Static("", id="line-check")

    def on_mount(self) -> None:
        super().on_mount()
        self._check(self.text("line-text"))

    @on(Input.Changed, "#line-text")
    def _typed(self, event: Input.Changed) -> None:
        self._check(event.value)

    def _check(self, value: str) -> None:
        findings = self.house.language.check(value) if value else []
        note = (
            highlighted(value, findings)
            if findings
            else Text("No diagnostic or clinical language found.", style="italic")
        )
        self.query_one("#line-check", Static).update(note)

    def save(self) -> HandoverEntry:
        text = self.text("line-text")
        try:
            return self._save(text, words_noticed=text == self._noticed)
        except WordsToNotice:
            self._noticed = text
            # What was found is shown just above, as typed: said once, not twice.
            raise ServiceError(f"The language check found the words marked above.{_KEEP_OR_CHANGE}") from None

    def _save(self, text: str, *, words_noticed: bool) -> HandoverEntry:
        handover = self.house.handover
        if self.entry is not None:
            return handover.edit_line(self.session, self.entry, text, words_noticed=words_noticed)
        if self.guest_id is None:
            return handover.add_house_line(self.session, text, self.shift)
        return handover.add_line(self.session, self.guest_id, text, self.shift, words_noticed=words_noticed)
