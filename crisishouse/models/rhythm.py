"""The house's daily rhythm: what happens when, and one-off changes."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    date_field,
    line_field,
    new_id,
)


@dataclass(frozen=True, kw_only=True)
class RhythmItem:
    """An item of the house day at a wall-clock time.

    With `on_day` set it is a one-off for that date; `replaces` names the
    everyday item it stands in for (or None to add it alongside).
    """

    time: pendulum.Time
    what: str
    on_day: pendulum.Date | None = None
    replaces: str | None = None
    """Id of the everyday item this one-off replaces that day."""
    cancelled: bool = False
    """A one-off that cancels the everyday item it replaces."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not isinstance(self.time, pendulum.Time):
            raise ValidationError(f"A rhythm time must be a time; got {self.time!r}.", "time")
        line_field(self, "what", "What happens")
        date_field(self, "on_day", "The day", required=False)
        if self.replaces and self.on_day is None:
            raise ValidationError("Only a one-off for a date can replace an item.", "replaces")
