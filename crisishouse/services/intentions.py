"""Intentions: the guest's, in their own words. Staff change them only with the guest."""

from __future__ import annotations

from dataclasses import replace

import pendulum

from crisishouse.models import INTENTION_STATUSES, Intention, IntentionStep
from crisishouse.models.checks import one_of
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import NotAllowed, ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff
from crisishouse.services.stays import Stays

_WITHOUT_GUEST = "Intentions are the guest's own. Staff set or change one only together with the guest, and say so."


@checks_sessions
class Intentions(Service):
    """Setting and changing intentions, keeping their history."""

    def __init__(self, ctx: HouseContext, stays: Stays) -> None:
        super().__init__(ctx)
        self.stays = stays

    def _allowed(self, session: Session, guest_id: str, with_guest: bool) -> None:
        require_guest_or_staff(session, guest_id, "set or change intentions")
        if session.is_staff and not with_guest:
            raise NotAllowed(_WITHOUT_GUEST)

    @one_step
    def set(
        self,
        session: Session,
        guest_id: str,
        words: str,
        *,
        for_day: pendulum.Date | None = None,
        with_guest: bool = False,
    ) -> Intention:
        """A new intention for the stay (or for one day)."""
        self._allowed(session, guest_id, with_guest)
        stay = self.stays.current_stay_of(session, guest_id)
        if stay is None:
            raise ServiceError("Intentions are set during a stay.")
        intention = Intention(
            guest_id=guest_id,
            stay_id=stay.id,
            words=words,
            status="working_on_it",
            set_at=self.clock.now(),
            set_by=session.person_id,
            with_guest=True,
            for_day=for_day,
        )
        self.store.put(intention)
        return intention

    @one_step
    def change(
        self,
        session: Session,
        guest_id: str,
        intention_id: str,
        status: str,
        *,
        new_words: str | None = None,
        with_guest: bool = False,
    ) -> Intention:
        """Mark an intention done, let go, back to working on it, or changed (with new words)."""
        self._allowed(session, guest_id, with_guest)
        chosen = one_of(status, INTENTION_STATUSES)
        if chosen is None:
            raise ServiceError(f"An intention is {', '.join(INTENTION_STATUSES.values())}.")
        intention = self._find(session, guest_id, intention_id)
        if status == "changed":
            if not (new_words and new_words.strip()):
                raise ServiceError("A changed intention needs its new words.")
        elif new_words:
            raise ServiceError("New words go with the status 'changed'.")
        step = IntentionStep(
            at=intention.set_at,
            words=intention.words,
            status=intention.status,
            by=intention.set_by,
        )
        changed = replace(
            intention,
            words=new_words if status == "changed" and new_words else intention.words,
            status=chosen,
            set_at=self.clock.now(),
            set_by=session.person_id,
            history=(*intention.history, step),
        )
        self.store.put(changed)
        return changed

    def for_stay(self, session: Session, guest_id: str, stay_id: str) -> list[Intention]:
        """A stay's intentions, oldest first."""
        require_guest_or_staff(session, guest_id, "read intentions")
        found = self.store.find(Intention, stay_id=stay_id, where={"guest_id": guest_id})
        return sorted(found, key=lambda i: i.history[0].at if i.history else i.set_at)

    def _find(self, session: Session, guest_id: str, intention_id: str) -> Intention:
        for stay in self.stays.stays_of(session, guest_id):
            found = self.store.get(Intention, intention_id, stay_id=stay.id)
            if found is not None and found.guest_id == guest_id:
                return found
        raise ServiceError("There is no such intention for this guest.")
