"""A stay at the house: a room, an arrival, a planned and an actual leaving."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    choice_field,
    date_field,
    id_field,
    instant_field,
    name_field,
    new_id,
)

RecordChoice = Literal["keep", "erase"]
RECORD_CHOICES: tuple[str, ...] = ("keep", "erase")


@dataclass(frozen=True, kw_only=True)
class Stay:
    """One stay of one guest in one room."""

    guest_id: str
    room: str
    arrived_at: pendulum.DateTime
    planned_leaving: pendulum.Date
    """The day the guest plans to leave (house time)."""
    left_at: pendulum.DateTime | None = None
    """When the guest actually left; None while staying."""
    record_choice: RecordChoice | None = None
    """At leaving: keep the record for next time, or erase it. None: kept."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Who is staying")
        name_field(self, "room", "A room")
        instant_field(self, "arrived_at", "Arrival time")
        date_field(self, "planned_leaving", "A planned leaving date")
        instant_field(self, "left_at", "Leaving time", required=False)
        if self.left_at is not None and self.left_at < self.arrived_at:
            raise ValidationError(
                "A guest cannot leave before they arrived.", "left_at"
            )
        if self.record_choice is not None:
            choice_field(self, "record_choice", "The record choice", RECORD_CHOICES)

    @property
    def is_staying(self) -> bool:
        """True until the guest has left."""
        return self.left_at is None
