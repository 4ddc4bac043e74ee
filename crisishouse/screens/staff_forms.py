"""A staff member's own forms: a mental health day, a wellbeing self-check, a hard event on shift."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label

from crisishouse.housetime import house_today, parse_date
from crisishouse.models import FOUR_WALLS, HardEvent, MentalHealthDay, StaffWellbeingCheck
from crisishouse.screens.form import FormScreen, beside, labelled
from crisishouse.services import House, ServiceError, Session


class MentalHealthDayForm(FormScreen[MentalHealthDay]):
    """A date, and nothing else: no reason is asked."""

    heading = "Take a mental health day (no reason needed)"

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session

    def fields(self) -> Iterable[Widget]:
        today = house_today(self.house.clock.now(), self.house.settings.time_zone)
        yield from labelled("Date (YYYY-MM-DD)", Input(today.format("YYYY-MM-DD"), id="mh-day", max_length=10))

    def save(self) -> MentalHealthDay:
        return self.house.mental_health_days.take(self.session, parse_date(self.text("mh-day")))


class SelfCheckForm(FormScreen[StaffWellbeingCheck]):
    """One's own check: private to oneself. Asking for a chat tells the manager only that."""

    heading = "How are you going? 0 to 10 (only you see these)"

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.four_walls = house.settings.staff_wellbeing_scale == "four_walls"

    def fields(self) -> Iterable[Widget]:
        if self.four_walls:
            for wall, label in FOUR_WALLS.items():
                yield beside(label, Input(id=f"self-{wall}", restrict=r"[0-9]{0,2}", max_length=2, placeholder="0-10"))
        else:
            yield beside(
                "How you are going", Input(id="self-overall", restrict=r"[0-9]{0,2}", max_length=2, placeholder="0-10")
            )
        yield from labelled("In your own words (optional, only you see them)", Input(id="self-words"))
        yield Checkbox("I'd like a chat with the manager", id="self-chat")
        yield Label("The manager sees only that you would like a chat.", classes="field-label")

    def _number(self, field_id: str, label: str) -> int:
        typed = self.text(field_id).strip()
        if not typed:
            raise ServiceError(f"Give {label} a number from 0 to 10.")
        return int(typed)

    def save(self) -> StaffWellbeingCheck:
        ratings = None
        overall = None
        if self.four_walls:
            ratings = {wall: self._number(f"self-{wall}", label) for wall, label in FOUR_WALLS.items()}
        else:
            overall = self._number("self-overall", "how you are going")
        return self.house.staff_wellbeing.check(
            self.session, ratings, overall, self.text("self-words"), wants_chat=self.ticked("self-chat")
        )


class HardEventForm(FormScreen[HardEvent]):
    """A few words about a hard event on this shift; everyone on it is owed a debrief."""

    heading = "A hard event on this shift"

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session

    def fields(self) -> Iterable[Widget]:
        yield from labelled("A few words about what happened", Input(id="event-words"))
        yield Label("Everyone on this shift will be offered a debrief.", classes="field-label")

    def save(self) -> HardEvent:
        return self.house.debriefs.note_hard_event(self.session, self.text("event-words"))
