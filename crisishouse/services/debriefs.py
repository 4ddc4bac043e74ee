"""Hard events on shift and the debriefs owed after them."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pendulum

from crisishouse.models import Debrief, HardEvent, StaffMember
from crisishouse.models.checks import one_of
from crisishouse.models.shifts import DebriefStatus
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.month_counts import tally_noting_debrief
from crisishouse.services.session import Session, checks_sessions, require_manager, require_staff
from crisishouse.services.shifts import Shifts
from crisishouse.services.staff_records import find_all, find_anywhere, shifts_on_days
from crisishouse.services.undo import UNDO_WORDS, still_undoable

OPEN: tuple[DebriefStatus, ...] = ("owed", "offered")
CLOSING: tuple[DebriefStatus, ...] = ("done", "declined")
RECORDABLE: tuple[DebriefStatus, ...] = ("offered", *CLOSING)


@dataclass(frozen=True)
class OwedDebrief:
    """A debrief still owed (or offered, not yet had), with what it is about."""

    debrief: Debrief
    staff_name: str
    event: HardEvent | None
    days_owed: int


@checks_sessions
class Debriefs(Service):
    """Any staff member notes a hard event; everyone on that shift is owed a debrief."""

    def __init__(self, ctx: HouseContext) -> None:
        super().__init__(ctx)
        self.shifts = Shifts(ctx.settings)

    def note_hard_event(
        self, session: Session, words: str, day: pendulum.Date | None = None, shift_name: str | None = None
    ) -> HardEvent:
        """Note a hard event (the current shift unless told which) and owe its debriefs."""
        require_staff(session, "note a hard event")
        now = self.clock.now()
        if day is None and shift_name is None:
            current = self.shifts.at(now)
        elif day is None or shift_name is None:
            raise ServiceError("Say both the day and the shift, or neither for the shift on now.")
        else:
            try:
                current = self.shifts.named(day, shift_name)
            except ValueError:
                raise ServiceError(f"The house has no {shift_name!r} shift.") from None
        if current.starts > now:
            raise ServiceError("That shift has not started yet.")
        if not words.strip():
            raise ServiceError("A few words about what happened are needed.")
        # Raises (e.g. WordsToNotice) when the house's language check finds something.
        self.ctx.notice_words(words)
        event = HardEvent(
            day=current.day, shift_name=current.name, noted_by=session.person_id, noted_at=now, words=words
        )
        on_shift = [s.staff_id for s in shifts_on_days(self.store, current.day, current.day) if s.name == current.name]
        owed_to = dict.fromkeys([*on_shift, session.person_id])
        debriefs = [Debrief(hard_event_id=event.id, staff_id=sid, owed_since=now) for sid in owed_to]
        self.store.put_many([event, *debriefs])
        return event

    def debriefs_owed(self, session: Session) -> list[OwedDebrief]:
        """Debriefs not yet had, oldest first: all for the manager, one's own for staff."""
        require_staff(session, "see debriefs owed")
        found = [d for d in find_all(self.store, Debrief) if d.status in OPEN]
        if not session.is_manager:
            found = [d for d in found if d.staff_id == session.person_id]
        names = {m.id: m.name for m in self.store.find(StaffMember)}
        events = {e.id: e for e in find_all(self.store, HardEvent)}
        now = self.clock.now()
        owed = [
            OwedDebrief(
                d, names.get(d.staff_id, "(former staff)"), events.get(d.hard_event_id), (now - d.owed_since).in_days()
            )
            for d in found
        ]
        return sorted(owed, key=lambda o: o.debrief.owed_since)

    @one_step
    def record_debrief(self, session: Session, debrief_id: str, status: str) -> Debrief:
        """Mark a debrief offered, done or declined."""
        require_manager(session, "record a debrief")
        chosen = one_of(status, RECORDABLE)
        if chosen is None:
            raise ServiceError(f"A debrief can be marked offered, done or declined; got {status!r}.")
        debrief = find_anywhere(self.store, Debrief, debrief_id)
        if debrief is None:
            raise ServiceError("There is no such debrief.")
        if debrief.status in CLOSING:
            raise ServiceError(f"This debrief is already {debrief.status}.")
        now = self.clock.now()
        if chosen == "offered":
            changed = replace(debrief, status="offered", offered_at=now)
        else:
            changed = replace(debrief, status=chosen, closed_at=now)
        self._save(changed, noted=chosen == "done", was=debrief)
        return changed

    def _save(self, changed: Debrief, *, noted: bool, was: Debrief) -> None:
        """Save a debrief, keeping the funder's tally of debriefs had in step (the tally first)."""
        tz = self.settings.time_zone
        tally = tally_noting_debrief(self.store, changed if noted else was, tz, done=noted)
        if tally is not None and (noted or was.status == "done"):
            self.store.put(tally)
        self.store.put(changed)

    @one_step
    def undo_record(self, session: Session, debrief_id: str) -> Debrief:
        """Take back the last mark on a debrief, made in the last few minutes (a key pressed on the wrong row).

        Had or declined goes back to offered (or owed, if never offered);
        offered goes back to owed. Read from the saved debrief, so it takes
        back what is saved, whoever pressed the key.
        """
        require_manager(session, "record a debrief")
        debrief = find_anywhere(self.store, Debrief, debrief_id) if isinstance(debrief_id, str) else None
        if debrief is None:
            raise ServiceError("There is no such debrief.")
        now = self.clock.now()
        if debrief.status in CLOSING and still_undoable(debrief.closed_at, now):
            changed = replace(debrief, status="offered" if debrief.offered_at else "owed", closed_at=None)
        elif debrief.status == "offered" and still_undoable(debrief.offered_at, now):
            changed = replace(debrief, status="owed", offered_at=None)
        else:
            raise ServiceError(f"This debrief was not marked in the last {UNDO_WORDS}; there is nothing to take back.")
        self._save(changed, noted=False, was=debrief)
        return changed
