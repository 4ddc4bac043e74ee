"""Intentions a guest sets for themselves, in their own words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    choice_field,
    id_field,
    instant_field,
    new_id,
    text_field,
)

IntentionStatus = Literal["working_on_it", "done", "let_go", "changed"]
INTENTION_STATUSES: dict[IntentionStatus, str] = {
    "working_on_it": "working on it",
    "done": "done",
    "let_go": "let go",
    "changed": "changed",
}


@dataclass(frozen=True, kw_only=True)
class IntentionStep:
    """One earlier version of an intention, kept as history."""

    at: pendulum.DateTime
    words: str
    status: IntentionStatus
    by: str
    with_guest: bool = True

    def __post_init__(self) -> None:
        instant_field(self, "at", "When it changed")
        text_field(self, "words", "The intention", required=True)
        choice_field(self, "status", "A status", tuple(INTENTION_STATUSES))
        id_field(self, "by", "Who changed it")
        if not self.with_guest:
            raise ValidationError(
                "Intentions are the guest's: staff change them only together with the guest.",
                "with_guest",
            )


@dataclass(frozen=True, kw_only=True)
class Intention:
    """An intention for the stay or the day: the guest's, in their words."""

    guest_id: str
    stay_id: str
    words: str
    status: IntentionStatus
    set_at: pendulum.DateTime
    set_by: str
    """Id of the guest, or of staff who wrote it together with the guest."""
    with_guest: bool = True
    for_day: pendulum.Date | None = None
    """The day it is for, or None for the whole stay."""
    history: tuple[IntentionStep, ...] = ()
    """Earlier versions, oldest first."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Which guest")
        id_field(self, "stay_id", "Which stay")
        text_field(self, "words", "The intention", required=True)
        choice_field(self, "status", "A status", tuple(INTENTION_STATUSES))
        instant_field(self, "set_at", "When it was set")
        id_field(self, "set_by", "Who set it")
        if not self.with_guest:
            raise ValidationError(
                "Intentions are the guest's: staff set or change them only together with the guest.",
                "with_guest",
            )
