"""Handover lines: what the next shift needs to know, written with each guest and agreed by them.

A line about a guest is composed with them; it prints only once they agree,
in their own session or read back by staff with them. The house part
(tasks, arrivals expected) is written and read by staff. The cards
(`handover_cards`), the document (`handover_document`) and printing
(`handover`) build on these.
"""

from __future__ import annotations

from dataclasses import replace

from crisishouse.models import HandoverEntry, Stay
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import NotAllowed, ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff, require_staff
from crisishouse.services.shifts import Shifts, ShiftTime
from crisishouse.services.stays import Stays
from crisishouse.store import month_of

GUEST_AGREED = "in their own session"
READ_BACK = "read back and agreed"


@checks_sessions
class HandoverLines(Service):
    """Writing, changing and agreeing the handover's lines."""

    def __init__(self, ctx: HouseContext, stays: Stays) -> None:
        super().__init__(ctx)
        self.stays = stays
        self.shifts = Shifts(ctx.settings)

    # -- the shift ------------------------------------------------------------

    def current_shift(self) -> ShiftTime:
        return self.shifts.at(self.clock.now())

    def _lines_about(self, stay: Stay, shift: ShiftTime) -> list[HandoverEntry]:
        found = self.store.find(
            HandoverEntry,
            stay_id=stay.id,
            where={"shift_date": shift.day.isoformat(), "shift_name": shift.name},
        )
        return sorted(found, key=lambda e: e.written_at)

    def house_lines(self, session: Session, shift: ShiftTime) -> list[HandoverEntry]:
        """The house part of the shift's handover (staff write it, staff read it)."""
        require_staff(session, "read the house part of the handover")
        found = self.store.find(
            HandoverEntry,
            months=[month_of(shift.day)],
            where={"shift_date": shift.day.isoformat(), "shift_name": shift.name, "guest_id": None},
        )
        return sorted(found, key=lambda e: e.written_at)

    # -- writing --------------------------------------------------------------

    def add_line(
        self,
        session: Session,
        guest_id: str,
        text: str,
        shift: ShiftTime | None = None,
        *,
        words_noticed: bool = False,
    ) -> HandoverEntry:
        """A line about a guest, written with them. A guest's own line is agreed as they write it.

        A guest's words are theirs to keep, but never unnoticed: what the
        language check finds is shown (`WordsToNotice`) until they save
        again with it noticed. Staff lines are checked on the card and
        before printing.
        """
        require_guest_or_staff(session, guest_id, "write handover lines")
        if session.role == "guest" and not words_noticed:
            self.ctx.notice_words(text)
        return self._add_line(session, guest_id, text, shift)

    @one_step
    def _add_line(self, session: Session, guest_id: str, text: str, shift: ShiftTime | None) -> HandoverEntry:
        stay = self.stays.current_stay_of(session, guest_id)
        if stay is None:
            raise ServiceError("Handover lines are for guests staying.")
        shift = shift or self.current_shift()
        now = self.clock.now()
        by_guest = session.role == "guest"
        entry = HandoverEntry(
            text=text,
            written_by=session.person_id,
            written_at=now,
            shift_date=shift.day,
            shift_name=shift.name,
            guest_id=guest_id,
            stay_id=stay.id,
            agreed=by_guest,
            agreed_at=now if by_guest else None,
            agreed_how=GUEST_AGREED if by_guest else None,
        )
        self.store.put(entry)
        return entry

    @one_step
    def add_house_line(self, session: Session, text: str, shift: ShiftTime | None = None) -> HandoverEntry:
        """A line of the house part (tasks, arrivals expected), written by staff."""
        require_staff(session, "write the house part of the handover")
        shift = shift or self.current_shift()
        entry = HandoverEntry(
            text=text,
            written_by=session.person_id,
            written_at=self.clock.now(),
            shift_date=shift.day,
            shift_name=shift.name,
        )
        self.store.put(entry)
        return entry

    def _entry(self, entry: HandoverEntry) -> HandoverEntry:
        """The entry as it is now on disk (another terminal may have changed it)."""
        kw = {"stay_id": entry.stay_id} if entry.stay_id else {"month": month_of(entry.shift_date)}
        found = self.store.get(HandoverEntry, entry.id, **kw)
        if found is None:
            raise ServiceError("That handover line is no longer there.")
        return found

    def _may_change(self, session: Session, entry: HandoverEntry) -> None:
        if entry.guest_id is None:
            require_staff(session, "change the house part")
        else:
            require_guest_or_staff(session, entry.guest_id, "change handover lines")

    def edit_line(
        self, session: Session, entry: HandoverEntry, text: str, *, words_noticed: bool = False
    ) -> HandoverEntry:
        """New words for a line. A guest's line needs their agreement again (a guest's own words: as `add_line`)."""
        if session.role == "guest" and not words_noticed:
            self.ctx.notice_words(text)
        return self._edit_line(session, entry, text)

    @one_step
    def _edit_line(self, session: Session, entry: HandoverEntry, text: str) -> HandoverEntry:
        entry = self._entry(entry)
        self._may_change(session, entry)
        by_guest = session.role == "guest"
        changed = replace(
            entry,
            text=text,
            agreed=by_guest and entry.guest_id is not None,
            agreed_at=self.clock.now() if by_guest else None,
            agreed_how=GUEST_AGREED if by_guest else None,
        )
        self.store.put(changed)
        return changed

    @one_step
    def agree(self, session: Session, entry: HandoverEntry, *, read_back: bool = False) -> HandoverEntry:
        """The guest agrees to a line: in their own session, or read back by staff with them."""
        entry = self._entry(entry)
        if entry.guest_id is None:
            require_staff(session, "change the house part")
            raise ServiceError("The house part needs no guest's agreement.")
        require_guest_or_staff(session, entry.guest_id, "agree to handover lines")
        if session.is_staff and not read_back:
            raise NotAllowed("Only the guest agrees to their lines: read the line back to them and mark it so.")
        agreed = replace(
            entry,
            agreed=True,
            agreed_at=self.clock.now(),
            agreed_how=READ_BACK if session.is_staff else GUEST_AGREED,
        )
        self.store.put(agreed)
        return agreed

    @one_step
    def withdraw(self, session: Session, entry: HandoverEntry) -> HandoverEntry:
        """The guest takes back their agreement; the line will not print."""
        entry = self._entry(entry)
        if entry.guest_id is None:
            require_staff(session, "change the house part")
            raise ServiceError("The house part needs no guest's agreement.")
        require_guest_or_staff(session, entry.guest_id, "change handover lines")
        changed = replace(entry, agreed=False, agreed_at=None, agreed_how=None)
        self.store.put(changed)
        return changed

    @one_step
    def remove_line(self, session: Session, entry: HandoverEntry) -> None:
        """Take a line out of the handover."""
        entry = self._entry(entry)
        self._may_change(session, entry)
        self.store.remove(entry)
