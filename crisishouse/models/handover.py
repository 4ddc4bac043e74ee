"""Handover lines: about a guest (written with them) or about the house."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    date_field,
    id_field,
    instant_field,
    name_field,
    new_id,
    text_field,
)


@dataclass(frozen=True, kw_only=True)
class HandoverEntry:
    """One line of a handover.

    A line about a guest prints only once the guest has agreed to it.
    """

    text: str
    written_by: str
    written_at: pendulum.DateTime
    shift_date: pendulum.Date
    shift_name: str
    guest_id: str | None = None
    """The guest it is about; None for the house part."""
    stay_id: str | None = None
    agreed: bool = False
    agreed_at: pendulum.DateTime | None = None
    agreed_how: str | None = None
    """"guest session" or "read back and agreed"."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        text_field(self, "text", "A handover line", required=True)
        id_field(self, "written_by", "Who wrote it")
        instant_field(self, "written_at", "When it was written")
        date_field(self, "shift_date", "The shift's date")
        name_field(self, "shift_name", "The shift")
        id_field(self, "guest_id", "Which guest", required=False)
        if self.guest_id is not None and not self.stay_id:
            raise ValidationError("A line about a guest belongs to their stay.", "stay_id")
        instant_field(self, "agreed_at", "When it was agreed", required=False)
        if self.agreed and self.agreed_at is None:
            raise ValidationError("An agreed line needs the time it was agreed.", "agreed_at")
