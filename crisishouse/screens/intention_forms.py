"""Setting and changing an intention: the guest's own words."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioButton, RadioSet

from crisishouse.housetime import house_today
from crisishouse.models import INTENTION_STATUSES, Intention
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, Session

_WITH_GUEST = "Written together with the guest, in their words"


class IntentionForm(FormScreen[Intention]):
    """A new intention for the stay, or for today."""

    heading = "An intention, in your own words"

    def __init__(self, house: House, session: Session, guest_id: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.guest_id = guest_id

    def fields(self) -> Iterable[Widget]:
        yield from labelled("What would you like to do?", Input(id="intention-words", placeholder="ring my sister"))
        yield Checkbox("Just for today", id="intention-today")
        if self.session.is_staff:
            yield Checkbox(_WITH_GUEST, id="intention-with-guest")

    def save(self) -> Intention:
        today = house_today(self.house.clock.now(), self.house.settings.time_zone)
        return self.house.intentions.set(
            self.session,
            self.guest_id,
            self.text("intention-words"),
            for_day=today if self.ticked("intention-today") else None,
            with_guest=self.ticked("intention-with-guest") if self.session.is_staff else True,
        )


class ChangeIntentionForm(FormScreen[Intention]):
    """Done, let go, still working on it, or changed to new words."""

    def __init__(self, house: House, session: Session, intention: Intention) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.intention = intention
        self.heading = f"“{intention.words}”"

    def fields(self) -> Iterable[Widget]:
        yield RadioSet(
            *(
                RadioButton(words, value=key == self.intention.status, name=key)
                for key, words in INTENTION_STATUSES.items()
            ),
            id="intention-status",
        )
        yield from labelled("New words (when changed)", Input(id="intention-new-words"))
        if self.session.is_staff:
            yield Checkbox(_WITH_GUEST, id="intention-with-guest")

    def save(self) -> Intention:
        pressed = self.query_one("#intention-status", RadioSet).pressed_button
        status = pressed.name if pressed is not None else self.intention.status
        new_words = self.text("intention-new-words").strip() or None
        return self.house.intentions.change(
            self.session,
            self.intention.guest_id,
            self.intention.id,
            status or self.intention.status,
            new_words=new_words,
            with_guest=self.ticked("intention-with-guest") if self.session.is_staff else True,
        )
