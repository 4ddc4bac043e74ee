"""Handover cards: one for each guest staying, with what the next shift needs to know.

A card holds the guest's day of their stay, this shift's check-ins, their
current intentions, their ratings if they chose to share them, and the
shift's lines about them with what the language check found. Opening a
card is written to the guest's access log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import INTENTION_STATUSES, CheckIn, Guest, HandoverEntry, Stay, WellbeingRating
from crisishouse.services.context import HouseContext
from crisishouse.services.errors import ServiceError
from crisishouse.services.guest_record import GuestRecords
from crisishouse.services.guest_voice import GuestVoice
from crisishouse.services.handover_lines import HandoverLines
from crisishouse.services.intentions import Intentions
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff, require_staff
from crisishouse.services.shifts import ShiftTime
from crisishouse.services.stays import Stays

if TYPE_CHECKING:
    from crisishouse.language import Finding

OPENED_CARD = "your handover card"


@dataclass(frozen=True)
class LineView:
    """A handover line with what the language check found in it."""

    entry: HandoverEntry
    findings: tuple[Finding, ...]
    statement: str = ""
    """The guest's own statement on this line, if they made one."""

    @property
    def by_guest(self) -> bool:
        """The guest wrote this line themselves, in their own session."""
        return self.entry.guest_id is not None and self.entry.written_by == self.entry.guest_id


@dataclass(frozen=True)
class HandoverCard:
    """One guest's card for the shift."""

    guest: Guest
    stay: Stay
    stay_words: str
    """The day of their stay (`Stay.day_words`): "day 3 of 7", "leaving today"."""
    check_ins: tuple[CheckIn, ...]
    intentions: tuple[str, ...]
    ratings: str | None
    """Latest ratings, only if the guest chose to share them."""
    lines: tuple[LineView, ...]
    intention_statements: tuple[str, ...] = ()
    """The guest's statement on each intention ("" for none)."""
    check_in_statements: dict[str, str] = field(default_factory=dict)
    """The guest's statements on this shift's check-ins, by check-in id."""

    @property
    def waiting(self) -> int:
        """Lines the guest has not agreed to yet."""
        return sum(1 for line in self.lines if not line.entry.agreed)


def _ratings_words(rating: WellbeingRating | None) -> str | None:
    if rating is None:
        return None
    return f"tinana {rating.tinana}, hinengaro {rating.hinengaro}, whānau {rating.whanau}, wairua {rating.wairua}"


@checks_sessions
class HandoverCards(HandoverLines):
    """The lines, read back as a card for each guest."""

    def __init__(
        self, ctx: HouseContext, stays: Stays, intentions: Intentions, records: GuestRecords, voice: GuestVoice
    ) -> None:
        super().__init__(ctx, stays)
        self.intentions = intentions
        self.records = records
        self.voice = voice

    def _view(self, entry: HandoverEntry, statement: str = "") -> LineView:
        return LineView(entry, tuple(self.ctx.find_words(entry.text)), statement)

    def cards(self, session: Session, shift: ShiftTime | None = None) -> list[HandoverCard]:
        """A card for each guest staying (opening each is logged for the guest)."""
        require_staff(session, "read the handover")
        shift = shift or self.current_shift()
        today = house_today(self.clock.now(), self.settings.time_zone)
        cards = []
        order = {room: n for n, room in enumerate(self.settings.rooms)}
        for stay in sorted(self.stays.staying(session), key=lambda s: (order.get(s.room, len(order)), s.room)):
            guest = self.store.get(Guest, stay.guest_id)
            if guest is None:
                continue
            self.records.log_opening(session, guest.id, stay.id, OPENED_CARD)
            cards.append(self._card(session, guest, stay, shift, today))
        return cards

    def card(self, session: Session, guest_id: str, shift: ShiftTime | None = None) -> HandoverCard:
        """One guest's card: for staff, or for the guest themselves."""
        require_guest_or_staff(session, guest_id, "read a handover card")
        stay = self.stays.current_stay_of(session, guest_id)
        guest = self.store.get(Guest, guest_id)
        if stay is None or guest is None:
            raise ServiceError("Handover cards are for guests staying.")
        self.records.log_opening(session, guest_id, stay.id, OPENED_CARD)
        today = house_today(self.clock.now(), self.settings.time_zone)
        return self._card(session, guest, stay, shift or self.current_shift(), today)

    def _card(self, session: Session, guest: Guest, stay: Stay, shift: ShiftTime, today: pendulum.Date) -> HandoverCard:
        check_ins = tuple(c for c in self.store.find(CheckIn, stay_id=stay.id) if shift.starts <= c.at < shift.ends)
        said = {key: s.text for key, s in self.voice.statements(session, guest.id).items()}
        current = [
            i
            for i in self.intentions.for_stay(session, guest.id, stay.id)
            if i.status in ("working_on_it", "changed") and (i.for_day is None or i.for_day >= today)
        ]
        intentions = tuple(f"{i.words} ({INTENTION_STATUSES[i.status]})" for i in current)
        intention_statements = tuple(said.get(("intention", i.id), "") for i in current)
        ratings = None
        if stay.share_ratings:
            found = sorted(self.store.find(WellbeingRating, stay_id=stay.id), key=lambda r: r.at)
            ratings = _ratings_words(found[-1] if found else None)
            if ratings and said.get(("rating", found[-1].id)):
                ratings += f"; their statement: {said[('rating', found[-1].id)]}"
        lines = tuple(self._view(e, said.get(("handover", e.id), "")) for e in self._lines_about(stay, shift))
        return HandoverCard(
            guest,
            stay,
            stay.day_words(today, self.settings.time_zone),
            tuple(sorted(check_ins, key=lambda c: c.at)),
            intentions,
            ratings,
            lines,
            intention_statements,
            {c.id: said[("check_in", c.id)] for c in check_ins if ("check_in", c.id) in said},
        )
