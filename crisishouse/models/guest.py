"""A guest: known by the name they choose, and nothing they did not offer."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    instant_field,
    name_field,
    new_id,
    set_field,
)


@dataclass(frozen=True, kw_only=True)
class Guest:
    """Someone who stays, or has stayed, at the house.

    There is deliberately no field for a diagnosis, medication, legal status,
    health number or risk score (principle 3).
    """

    chosen_name: str
    """The name the guest chooses to be known by; initials are fine."""
    created_at: pendulum.DateTime
    """When the record was first made."""
    pronouns: str | None = None
    """Optional, only if the guest offers them."""
    support_person: str | None = None
    """Optional, recorded only with the guest's consent."""
    support_person_consent: bool = False
    """The guest agreed that their support person is recorded."""
    pin_hash: str | None = None
    """Salted scrypt hash of the guest's PIN for reviewing their own entries."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        name_field(self, "chosen_name", "A chosen name")
        name_field(self, "pronouns", "Pronouns", required=False)
        if self.pronouns == "":
            set_field(self, "pronouns", None)
        name_field(self, "support_person", "A support person", required=False)
        if self.support_person == "":
            set_field(self, "support_person", None)
        if self.support_person and not self.support_person_consent:
            raise ValidationError(
                "A support person is recorded only when the guest agrees to it.",
                "support_person",
            )
        instant_field(self, "created_at", "When the record was made")
