"""A stay at the house: a room, an arrival, a planned and an actual leaving."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pendulum

from crisishouse.housetime import house_today
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
RECORD_CHOICES: tuple[RecordChoice, ...] = ("keep", "erase")


def stay_day_words(day_n: int, of_m: int) -> str:
    """Day n of a stay of m planned nights, in the words every place shows.

    "day 3 of 7" up to the last night; "leaving today" on the planned
    leaving day; after that "day 9, planned to leave" (the stay runs on
    past its plan).
    """
    if day_n <= of_m:
        return f"day {day_n} of {of_m}"
    if day_n == of_m + 1:
        return "leaving today"
    return f"day {day_n}, planned to leave"


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

    def day_of(self, today: pendulum.Date, tz: str) -> tuple[int, int]:
        """Day n of m on the house's date `today`, in the house's zone `tz`.

        n counts from 1 on the arrival day (the house's date, not UTC's); m
        is the planned nights, at least 1.
        """
        arrived = house_today(self.arrived_at, tz)
        return (today - arrived).days + 1, max(1, (self.planned_leaving - arrived).days)

    def day_words(self, today: pendulum.Date, tz: str) -> str:
        """ "day 3 of 7", "leaving today" or "day 9, planned to leave" on the house's date `today`."""
        return stay_day_words(*self.day_of(today, tz))

    def room_times(self) -> list[tuple[str, pendulum.DateTime, pendulum.DateTime | None]]:
        """Each room the stay used, from when to when (None: still there).

        One reading of the moves for the house's rule that a room holds one
        stay at a time, and for `check`.
        """
        times: list[tuple[str, pendulum.DateTime, pendulum.DateTime | None]] = []
        start = self.arrived_at
        for move in self.moves:
            times.append((move.from_room, start, move.at))
            start = move.at
        times.append((self.room, start, self.left_at))
        return times
