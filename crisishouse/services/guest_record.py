"""A guest's record as one view: for the guest, or for staff (who are logged)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import (
    AccessEvent,
    CheckIn,
    Guest,
    GuestNote,
    HandoverEntry,
    Intention,
    Statement,
    Stay,
    TalkRequest,
    WellbeingRating,
    stay_day_words,
)
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.guest_voice import GuestVoice
from crisishouse.services.intentions import Intentions
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff
from crisishouse.services.stays import Stays
from crisishouse.services.wellbeing import WallTrend, Wellbeing


@dataclass(frozen=True)
class AccessLine:
    """One opening of a guest's record, in plain words."""

    event: AccessEvent
    words: str
    """ "Tama (peer staff) opened your record, Tuesday 14:02"."""


def access_words(event: AccessEvent, tz: str, now: pendulum.DateTime) -> str:
    """An access event as the guest reads it."""
    at = event.at.in_timezone(tz)
    days = (house_today(now, tz) - at.date()).days
    when = at.format("dddd HH:mm") if 0 <= days < 7 else at.format("dddd D MMMM YYYY, HH:mm")
    doing = event.what if event.what.split(" ", 1)[0] in ("printed", "saved") else f"opened {event.what}"
    return f"{event.actor_name} ({event.actor_role}) {doing}, {when}"


@dataclass(frozen=True)
class GuestRecord:
    """Everything about one guest's latest stay."""

    guest: Guest
    stay: Stay | None
    day_n: int
    of_m: int
    longest_note: str | None
    check_ins: tuple[CheckIn, ...]
    ratings: tuple[WellbeingRating, ...]
    trends: tuple[WallTrend, ...]
    intentions: tuple[Intention, ...]
    handover_lines: tuple[HandoverEntry, ...]
    left_on: pendulum.Date | None = None
    """The house's date the guest left, once they have."""
    earlier_stays: tuple[str, ...] = ()
    """Earlier stays kept for next time, in words: "3 to 10 March 2026 in Rātā"."""
    notes: tuple[GuestNote, ...] = ()
    """The guest's own notes (for staff: only those the guest shares)."""
    statements: dict[tuple[str, str], Statement] = field(default_factory=dict)
    """The guest's statements, by (kind of entry, entry id)."""
    talk_requests: tuple[TalkRequest, ...] = ()
    access: tuple[AccessLine, ...] = ()
    """Who opened the record, newest first."""

    def statement_on(self, kind: str, entry_id: str) -> str:
        found = self.statements.get((kind, entry_id))
        return found.text if found else ""

    def open_request(self, entry_id: str) -> TalkRequest | None:
        """The guest's request to talk about this entry, if it is still open."""
        return next((r for r in self.talk_requests if r.about_id == entry_id and r.is_open), None)

    def wants_to_talk(self, entry_id: str) -> bool:
        return self.open_request(entry_id) is not None

    def talked_about(self, entry_id: str) -> bool:
        return any(r.about_id == entry_id and not r.is_open for r in self.talk_requests)

    @property
    def stay_words(self) -> str:
        if self.stay is None:
            return "no stay"
        if not self.stay.is_staying:
            return f"left {self.left_on.format('D MMMM YYYY')}" if self.left_on else "left"
        return stay_day_words(self.day_n, self.of_m)


# Reading the same record again this soon (after saving a check-in, say)
# is the same opening, not a new one.
SAME_OPENING = pendulum.duration(minutes=5)


@checks_sessions
class GuestRecords(Service):
    """Opening a guest's record. Every opening by staff is written to the access log."""

    def __init__(
        self,
        ctx: HouseContext,
        stays: Stays,
        wellbeing: Wellbeing,
        intentions: Intentions,
        voice: GuestVoice,
    ) -> None:
        super().__init__(ctx)
        self.stays = stays
        self.wellbeing = wellbeing
        self.intentions = intentions
        self.voice = voice

    def _opened_just_now(self, session: Session, stay_id: str, what: str) -> bool:
        since = self.clock.now() - SAME_OPENING
        return any(
            e.at >= since
            for e in self.store.find(AccessEvent, stay_id=stay_id, where={"actor_id": session.person_id, "what": what})
        )

    @one_step
    def log_opening(self, session: Session, guest_id: str, stay_id: str, what: str) -> None:
        """Write who opened what of a guest's record (staff only; once in a while).

        A guest's own openings are not logged; a guest may not log anything
        about another guest.
        """
        require_guest_or_staff(session, guest_id, "open a record")
        if session.is_staff and not self._opened_just_now(session, stay_id, what):
            self.store.put(
                AccessEvent(
                    guest_id=guest_id,
                    stay_id=stay_id,
                    actor_id=session.person_id,
                    actor_name=session.name,
                    actor_role=session.role_words,
                    at=self.clock.now(),
                    what=what,
                )
            )

    def open(self, session: Session, guest_id: str, what: str = "your record") -> GuestRecord:
        """The guest's record; a guest may open only their own."""
        require_guest_or_staff(session, guest_id, "open a record")
        guest = self.store.get(Guest, guest_id)
        if guest is None:
            raise ServiceError("There is no such guest.")
        stays = self.stays.stays_of(session, guest_id)
        stay = stays[-1] if stays else None
        if stay is None:
            return GuestRecord(guest, None, 0, 0, None, (), (), (), (), ())
        self.log_opening(session, guest_id, stay.id, what)
        tz = self.settings.time_zone
        day_n, of_m = stay.day_of(house_today(self.clock.now(), tz), tz)
        check_ins = sorted(self.store.find(CheckIn, stay_id=stay.id, where={"guest_id": guest_id}), key=lambda c: c.at)
        lines = sorted(
            self.store.find(HandoverEntry, stay_id=stay.id, where={"guest_id": guest_id}), key=lambda h: h.written_at
        )
        return GuestRecord(
            guest,
            stay,
            day_n,
            of_m,
            self.stays.longest_stay_note(session, stay) if stay.is_staying else None,
            tuple(check_ins),
            tuple(self.wellbeing.for_stay(session, guest_id, stay.id)),
            tuple(self.wellbeing.trends(session, guest_id, stay.id)),
            tuple(self.intentions.for_stay(session, guest_id, stay.id)),
            tuple(lines),
            house_today(stay.left_at, tz) if stay.left_at else None,
            tuple(self._stay_words(s) for s in stays[:-1]),
            tuple(self.voice.notes(session, guest_id)),
            self.voice.statements(session, guest_id),
            tuple(self.voice.talk_requests(session, guest_id)),
            tuple(self.access_log(session, guest_id)),
        )

    def access_log(self, session: Session, guest_id: str) -> list[AccessLine]:
        """Who opened the guest's record and when, newest first, in plain words."""
        require_guest_or_staff(session, guest_id, "read who opened a record")
        tz, now = self.settings.time_zone, self.clock.now()
        events = []
        for stay in self.stays.stays_of(session, guest_id):
            events += self.store.find(AccessEvent, stay_id=stay.id, where={"guest_id": guest_id})
        events.sort(key=lambda e: e.at, reverse=True)
        return [AccessLine(e, access_words(e, tz, now)) for e in events]

    def _stay_words(self, stay: Stay) -> str:
        tz = self.settings.time_zone
        arrived = house_today(stay.arrived_at, tz)
        left = house_today(stay.left_at, tz) if stay.left_at else stay.planned_leaving
        return f"{arrived.format('D MMMM YYYY')} to {left.format('D MMMM YYYY')} in {stay.room}"
