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
    set_field,
    text_field,
)

RecordChoice = Literal["keep", "erase"]
RECORD_CHOICES: tuple[str, ...] = ("keep", "erase")


@dataclass(frozen=True, kw_only=True)
class RoomMove:
    """A move from one room to another during a stay."""

    at: pendulum.DateTime
    from_room: str
    to_room: str
    by: str

    def __post_init__(self) -> None:
        instant_field(self, "at", "When the move happened")
        name_field(self, "from_room", "The room moved from")
        name_field(self, "to_room", "The room moved to")
        id_field(self, "by", "Who recorded the move")


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
    longer_stay_reason: str | None = None
    """Why the stay goes past the house's longest stay, in plain words."""
    nights_out: tuple[pendulum.Date, ...] = ()
    """Nights the guest is out overnight (the date the night begins)."""
    moves: tuple[RoomMove, ...] = ()
    """Room moves, oldest first; `room` is where the guest is now."""
    share_ratings: bool = False
    """The guest chose to share their latest ratings in the handover."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Who is staying")
        name_field(self, "room", "A room")
        instant_field(self, "arrived_at", "Arrival time")
        date_field(self, "planned_leaving", "A planned leaving date")
        instant_field(self, "left_at", "Leaving time", required=False)
        if self.left_at is not None and self.left_at < self.arrived_at:
            raise ValidationError("A guest cannot leave before they arrived.", "left_at")
        if self.record_choice is not None:
            choice_field(self, "record_choice", "The record choice", RECORD_CHOICES)
        if self.longer_stay_reason is not None:
            text_field(self, "longer_stay_reason", "The reason for a longer stay")
            if not self.longer_stay_reason:
                set_field(self, "longer_stay_reason", None)
        for night in self.nights_out:
            if isinstance(night, pendulum.DateTime) or not isinstance(night, pendulum.Date):
                raise ValidationError(f"A night out must be a date; got {night!r}.", "nights_out")

    @property
    def is_staying(self) -> bool:
        """True until the guest has left."""
        return self.left_at is None

    def room_times(self) -> list[tuple[str, pendulum.DateTime, pendulum.DateTime | None]]:
        """Each room the stay used, from when to when (None: still there).

        One reading of the moves for the house's rule that a room holds one
        stay at a time, and for `check`.
        """
        times = []
        start = self.arrived_at
        for move in self.moves:
            times.append((move.from_room, start, move.at))
            start = move.at
        times.append((self.room, start, self.left_at))
        return times
