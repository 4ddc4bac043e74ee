"""The roster: shifts, hard events on shift, and the debriefs owed after them."""

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
    text_field,
)

ShiftStatus = Literal["rostered", "on", "done"]


@dataclass(frozen=True, kw_only=True)
class Shift:
    """A rostered shift, and when it was actually worked."""

    staff_id: str
    day: pendulum.Date
    """The house date the shift starts on."""
    name: str
    """The shift's name from the house's pattern, e.g. "night"."""
    starts_at: pendulum.DateTime
    ends_at: pendulum.DateTime
    signed_on_at: pendulum.DateTime | None = None
    signed_off_at: pendulum.DateTime | None = None
    cover: bool = False
    """Worked to cover the roster: not rostered to them, or a second shift that day."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "staff_id", "Which staff member")
        if not isinstance(self.cover, bool):
            raise ValidationError("Cover is yes or no.", "cover")
        date_field(self, "day", "The shift's date")
        name_field(self, "name", "The shift's name")
        instant_field(self, "starts_at", "The start")
        instant_field(self, "ends_at", "The end")
        if self.ends_at <= self.starts_at:
            raise ValidationError("A shift must end after it starts.", "ends_at")
        instant_field(self, "signed_on_at", "Signing on", required=False)
        instant_field(self, "signed_off_at", "Signing off", required=False)
        if self.signed_on_at is not None and self.signed_off_at is not None and self.signed_off_at < self.signed_on_at:
            raise ValidationError("Signing off cannot come before signing on.", "signed_off_at")

    @property
    def rostered_hours(self) -> float:
        """Hours between start and end, true across midnight and DST."""
        return (self.ends_at - self.starts_at).total_seconds() / 3600

    @property
    def hours(self) -> float:
        """Hours actually worked where signed on and off, else the rostered hours."""
        if self.signed_on_at is not None and self.signed_off_at is not None:
            return (self.signed_off_at - self.signed_on_at).total_seconds() / 3600
        return self.rostered_hours

    def overlaps(self, other: Shift) -> bool:
        """The two shifts share any time (one person cannot work both)."""
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


@dataclass(frozen=True, kw_only=True)
class HardEvent:
    """A hard event on shift: a few words, no guest details needed."""

    day: pendulum.Date
    shift_name: str
    noted_by: str
    noted_at: pendulum.DateTime
    words: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        date_field(self, "day", "The day")
        name_field(self, "shift_name", "The shift")
        id_field(self, "noted_by", "Who noted it")
        instant_field(self, "noted_at", "When it was noted")
        text_field(self, "words", "A few words", required=True)


DebriefStatus = Literal["owed", "offered", "done", "declined"]


@dataclass(frozen=True, kw_only=True)
class Debrief:
    """A debrief owed to one staff member after a hard event."""

    hard_event_id: str
    staff_id: str
    owed_since: pendulum.DateTime
    status: DebriefStatus = "owed"
    offered_at: pendulum.DateTime | None = None
    closed_at: pendulum.DateTime | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "hard_event_id", "Which hard event")
        id_field(self, "staff_id", "Which staff member")
        instant_field(self, "owed_since", "Owed since")
        choice_field(self, "status", "A debrief status", ("owed", "offered", "done", "declined"))
        instant_field(self, "offered_at", "Offered at", required=False)
        instant_field(self, "closed_at", "Closed at", required=False)
