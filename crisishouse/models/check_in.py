"""A check-in with a guest. "Chose quiet time" is a good outcome, not an alarm."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pendulum

from crisishouse.models.checks import (
    choice_field,
    id_field,
    instant_field,
    new_id,
    text_field,
)

CheckInOutcome = Literal["checked_in", "quiet_time", "out", "asleep"]
CHECK_IN_OUTCOMES: dict[CheckInOutcome, str] = {
    "checked_in": "checked in",
    "quiet_time": "chose quiet time",
    "out": "out of the house",
    "asleep": "asleep, left be",
}


@dataclass(frozen=True, kw_only=True)
class CheckIn:
    """A check-in with a guest, with an optional note written with them."""

    guest_id: str
    stay_id: str
    at: pendulum.DateTime
    outcome: CheckInOutcome
    recorded_by: str
    """Id of the staff member who recorded it."""
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Which guest")
        id_field(self, "stay_id", "Which stay")
        instant_field(self, "at", "The check-in time")
        choice_field(self, "outcome", "A check-in outcome", tuple(CHECK_IN_OUTCOMES))
        id_field(self, "recorded_by", "Who recorded it")
        text_field(self, "note", "A check-in note")

    @property
    def outcome_words(self) -> str:
        """The outcome in everyday words."""
        return CHECK_IN_OUTCOMES[self.outcome]
