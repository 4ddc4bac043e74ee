"""Writing a handover line with a guest, with the language check as you type."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.text import Text
from textual import on
from textual.widget import Widget
from textual.widgets import Input, Static

from crisishouse.models import HandoverEntry
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, Session
from crisishouse.services.shifts import ShiftTime
from crisishouse.widgets.literal import literal


def highlighted(text: str, findings: Sequence[Any]) -> Text:
    """The words as typed, with what the check found underlined, and why."""
    shown = literal(text)
    for finding in findings:
        shown.stylize("bold underline reverse", finding.start, finding.end)
    if not findings:
        return shown
    shown.append("\n")
    for finding in findings:
        shown.append("\n• ")
        shown.append_text(literal(finding.explain()))
    return shown


class LineForm(FormScreen[HandoverEntry]):
    """A line about a guest (or the house), in a hopeful, strengths-based voice."""

    def __init__(
        self,
        house: House,
        session: Session,
        shift: ShiftTime,
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
        if guest_id is None and entry is None:
            self.heading = "The house part: tasks, arrivals expected, notes"
        else:
            self.heading = f"What would {guest_name or 'the guest'} like the next shift to know?"

    def fields(self) -> Iterable[Widget]:
        yield from labelled(
            "In the guest's words, hopeful and plain",
            Input(
                self.entry.text if self.entry else "",
                id="line-text",
                placeholder="I'd like a quiet morning; I'll come and find you",
            ),
        )
        yield Static("", id="line-check")

    def on_mount(self) -> None:
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
        if self.entry is not None:
            return self.house.handover.edit_line(self.session, self.entry, text)
        if self.guest_id is None:
            return self.house.handover.add_house_line(self.session, text, self.shift)
        return self.house.handover.add_line(self.session, self.guest_id, text, self.shift)
