"""Staff: the peer staff and the house manager who sign in."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from crisishouse.models.checks import (
    ValidationError,
    choice_field,
    name_field,
    new_id,
)

Role = Literal["peer_staff", "manager"]
ROLES: dict[Role, str] = {"peer_staff": "peer staff", "manager": "house manager"}


@dataclass(frozen=True, kw_only=True)
class StaffMember:
    """A peer staff member or the house manager."""

    name: str
    role: Role
    pin_hash: str
    active: bool = True
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        name_field(self, "name", "A name")
        choice_field(self, "role", "A role", tuple(ROLES))
        if not self.pin_hash:
            raise ValidationError("A staff member needs a PIN.", "pin_hash")

    @property
    def role_words(self) -> str:
        return ROLES[self.role]
