"""Who is using the terminal, and the checks every service makes with it.

A session is only a claim: the services check it against the house's data
at every call (`checks_sessions`), so a session made by hand, with a role it
does not have or a person the house does not know, is refused.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from crisishouse.models import Guest, StaffMember, Stay
from crisishouse.services.errors import NotAllowed, ServiceError

if TYPE_CHECKING:
    from crisishouse.store import Store

SessionRole = Literal["peer_staff", "manager", "guest"]
ROLE_WORDS = {"peer_staff": "peer staff", "manager": "house manager", "guest": "guest"}

NOT_KNOWN = "This session is not one the house knows now. Lock the terminal and sign in again."


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


def verify_session(store: Store, session: object) -> Session:
    """Refuse a session the house's data does not bear out.

    Staff: an active staff member with this id, name and role. A guest: a
    guest with this id and name, and their stay if the session names one.
    """
    if type(session) is not Session or not isinstance(session.person_id, str) or not session.person_id:
        raise NotAllowed(NOT_KNOWN)
    if session.role in ("peer_staff", "manager"):
        member = store.get(StaffMember, session.person_id)
        if member is None or not member.active or member.role != session.role or member.name != session.name:
            raise NotAllowed(NOT_KNOWN)
    elif session.role == "guest":
        guest = store.get(Guest, session.person_id)
        if guest is None or guest.chosen_name != session.name:
            raise NotAllowed(NOT_KNOWN)
        if session.stay_id is not None:
            stay = store.get(Stay, session.stay_id) if isinstance(session.stay_id, str) else None
            if stay is None or stay.guest_id != guest.id:
                raise NotAllowed(NOT_KNOWN)
    else:
        raise NotAllowed(NOT_KNOWN)
    return session


_checked: contextvars.ContextVar[tuple[tuple[Any, Session], ...]] = contextvars.ContextVar(
    "crisishouse_sessions_checked", default=()
)
"""(store, session) pairs checked by a call further out in this thread: a service calling another checks once."""

C = TypeVar("C", bound=type)

_WRAPPED: set[Callable[..., Any]] = set()
"""Methods already wrapped, so a class decorated twice is checked once."""


def checks_sessions(cls: C) -> C:
    """Check the session against the house's data before every public method that takes one.

    A method taking a session as its first argument is wrapped; the check is
    made once per call from outside the services (calls between services
    within it are not checked again).
    """
    for name, member in list(vars(cls).items()):
        if name.startswith("_") or not inspect.isfunction(member) or member in _WRAPPED:
            continue
        params = list(inspect.signature(member).parameters)
        if len(params) > 1 and params[1] == "session":
            setattr(cls, name, _checking(member))
    return cls


def checks_its_session(method: Callable[..., Any]) -> bool:
    """Whether a service method checks the session it is given (for tests and reviews)."""
    return method in _WRAPPED


def _checking(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
        session = args[0] if args else kwargs.get("session")
        store = self.store
        outer = _checked.get()
        if type(session) is Session and any(s is store and c == session for s, c in outer):
            return method(self, *args, **kwargs)
        # One request reads one moment of the house: each file from disk once (writes read it again).
        with store.reading():
            known = verify_session(store, session)
            token = _checked.set((*outer, (store, known)))
            try:
                return method(self, *args, **kwargs)
            finally:
                _checked.reset(token)

    _WRAPPED.add(checked)
    return checked


def guest_refusal(doing: str) -> str:
    """What a guest is told when something is not theirs (or is not there at all)."""
    return f"A guest's session can only {doing} for themselves."


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
    raise NotAllowed(guest_refusal(doing))


def saved_stay(store: Store, session: Session, stay_id: str, doing: str) -> Stay:
    """The stay as saved, if its guest is the session's (staff: any stay).

    Whose a stay is comes from the house's data, never from a copy a caller
    hands in. To a guest, a stay that is not there and another guest's stay
    are refused alike, so trying ids tells them nothing.
    """
    stay = store.get(Stay, stay_id) if isinstance(stay_id, str) and stay_id else None
    if stay is None:
        if session.is_staff:
            raise ServiceError("There is no such stay.")
        raise NotAllowed(guest_refusal(doing))
    require_guest_or_staff(session, stay.guest_id, doing)
    return stay
