"""Who opened whose record, and when: visible to the guest it is about."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from crisishouse.models.checks import (
    id_field,
    instant_field,
    line_field,
    name_field,
    new_id,
)


@dataclass(frozen=True, kw_only=True)
class AccessEvent:
    """Staff or a manager opened part of a guest's record."""

    guest_id: str
    stay_id: str
    actor_id: str
    actor_name: str
    actor_role: str
    at: pendulum.DateTime
    what: str
    """What was opened, in plain words: "your check-ins", "your handover card"."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Which guest")
        id_field(self, "stay_id", "Which stay")
        id_field(self, "actor_id", "Who opened it")
        name_field(self, "actor_name", "Who opened it")
        name_field(self, "actor_role", "Their role")
        instant_field(self, "at", "When")
        line_field(self, "what", "What was opened")
