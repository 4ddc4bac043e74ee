"""Who is using the terminal, and the checks every service makes with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from crisishouse.services.errors import NotAllowed

SessionRole = Literal["peer_staff", "manager", "guest"]
ROLE_WORDS = {"peer_staff": "peer staff", "manager": "house manager", "guest": "guest"}


@dataclass(frozen=True)
class Session:
    """A signed-in person. Services take it and decide what it may do."""

    person_id: str
    name: str
    role: SessionRole
    stay_id: str | None = None
    """For a guest: the stay their session is about."""

    @property
    def is_staff(self) -> bool:
        """Peer staff or the manager."""
        return self.role in ("peer_staff", "manager")

    @property
    def is_manager(self) -> bool:
        return self.role == "manager"

    @property
    def role_words(self) -> str:
        return ROLE_WORDS[self.role]


def require_staff(session: Session, doing: str) -> None:
    """Refuse anyone but peer staff and the manager."""
    if not session.is_staff:
        raise NotAllowed(f"Only staff can {doing}.")


def require_manager(session: Session, doing: str) -> None:
    """Refuse anyone but the manager."""
    if not session.is_manager:
        raise NotAllowed(f"Only the house manager can {doing}.")


def require_guest_or_staff(session: Session, guest_id: str, doing: str) -> None:
    """A guest may reach only their own record; staff may reach any guest's."""
    if session.is_staff:
        return
    if session.role == "guest" and session.person_id == guest_id:
        return
    raise NotAllowed(f"A guest's session can only {doing} for themselves.")
