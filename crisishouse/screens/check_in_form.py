"""Recording a check-in: one or two keys, and an optional note written with the guest."""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from crisishouse.models import CHECK_IN_OUTCOMES, CheckIn, Stay
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session, WordsToNotice

_OUTCOMES = list(CHECK_IN_OUTCOMES)


class CheckInForm(FormScreen[CheckIn]):
    """Press 1 to 4 to record at once, or write a note first (Tab)."""

    FIRST_FIELD = "#outcome"
    BINDINGS = [
        *FormScreen.BINDINGS,
        *(
            Binding(str(n), f"record({n - 1})", words, show=False)
            for n, words in enumerate(CHECK_IN_OUTCOMES.values(), 1)
        ),
    ]

    def __init__(self, house: House, session: Session, stay: Stay, guest_name: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.stay = stay
        self.heading = f"Check-in with {guest_name}"
        self._noticed: str | None = None

    def fields(self) -> Iterable[Widget]:
        yield OptionList(
            *(Option(f"{n}  {words}", id=key) for n, (key, words) in enumerate(CHECK_IN_OUTCOMES.items(), 1)),
            id="outcome",
        )
        yield from labelled("Note, written with the guest (optional)", Input(id="check-in-note"))

    def action_record(self, index: int) -> None:
        self.query_one("#outcome", OptionList).highlighted = index
        self.action_save()

    @on(OptionList.OptionSelected, "#outcome")
    def _chosen(self) -> None:
        self.action_save()

    def save(self) -> CheckIn:
        highlighted = self.query_one("#outcome", OptionList).highlighted
        outcome = _OUTCOMES[highlighted if highlighted is not None else 0]
        note = self.text("check-in-note")
        try:
            return self.house.check_ins.record(
                self.session, self.stay, outcome, note, words_noticed=note == self._noticed
            )
        except WordsToNotice as found:
            # Shown once; saving the same words again keeps them as written.
            self._noticed = note
            raise ServiceError(
                f"{found}\nChange the words with the guest, or save again to keep them as they are."
            ) from None
