"""The handover document: the cards as they will print, and the check made at the last moment.

Only lines the guest agreed to go in (`HandoverDocument`, in models); the
rest are named as left out. Before printing, the whole document is checked
again for diagnostic language, and agreement is read again from disk:
printing is refused, saying what and where, if anything is flagged or no
longer agreed.
"""

from __future__ import annotations

from crisishouse.housetime import house_today
from crisishouse.models import Guest, GuestSection, HandoverDocument, Stay
from crisishouse.services.context import HouseContext
from crisishouse.services.errors import ServiceError
from crisishouse.services.guest_record import GuestRecords
from crisishouse.services.guest_voice import GuestVoice
from crisishouse.services.handover_cards import HandoverCard, HandoverCards
from crisishouse.services.intentions import Intentions
from crisishouse.services.rhythm import Rhythm
from crisishouse.services.session import Session, checks_sessions, require_staff
from crisishouse.services.shifts import ShiftTime
from crisishouse.services.stays import Stays


class PrintRefused(ServiceError):
    """The handover cannot print yet; the message says what and where."""


def _section(card: HandoverCard) -> GuestSection:
    """A guest's card as it prints: only the lines they agreed to."""
    agreed = [lv for lv in card.lines if lv.entry.agreed]
    return GuestSection(
        card.guest.chosen_name,
        card.stay.room,
        card.stay_words,
        card.intentions,
        tuple(lv.entry.text for lv in agreed),
        card.ratings,
        guest_id=card.guest.id,
        line_statements=tuple(lv.statement for lv in agreed),
        intention_statements=card.intention_statements,
    )


@checks_sessions
class HandoverDocuments(HandoverCards):
    """The cards, the house part, arrivals, leavings and the rhythm ahead, as one document to print."""

    def __init__(
        self,
        ctx: HouseContext,
        stays: Stays,
        intentions: Intentions,
        rhythm: Rhythm,
        records: GuestRecords,
        voice: GuestVoice,
    ) -> None:
        super().__init__(ctx, stays, intentions, records, voice)
        self.rhythm = rhythm

    def document(self, session: Session, shift: ShiftTime | None = None) -> tuple[HandoverDocument, list[str]]:
        """The handover as it would print, and what was left out (lines not agreed)."""
        require_staff(session, "print the handover")
        shift = shift or self.current_shift()
        tz = self.settings.time_zone
        following = self.shifts.after(shift)
        left_out: list[str] = []
        sections = []
        for card in self.cards(session, shift):
            waiting = card.waiting
            if waiting:
                left_out.append(
                    f"{card.guest.chosen_name} ({card.stay.room}): {waiting} "
                    f"line{'s' if waiting != 1 else ''} not agreed, not printed"
                )
            sections.append(_section(card))
        # Leavings up to the day after the next shift, so the next shift can plan.
        next_day = house_today(following.ends, tz).add(days=1)
        staying = self.stays.staying(session)
        arrived = [s for s in staying if shift.starts <= s.arrived_at < shift.ends]
        arrivals = tuple(
            f"{self._name(s)} arrived in {s.room} at {s.arrived_at.in_timezone(tz).format('HH:mm')}" for s in arrived
        )
        leaving = [s for s in staying if s.planned_leaving <= next_day]
        leavings = tuple(
            f"{self._name(s)} ({s.room}) plans to leave {s.planned_leaving.format('dddd D MMMM')}" for s in leaving
        )
        rhythm = tuple(
            (e.at.in_timezone(tz).format("HH:mm"), e.what)
            for e in self.rhythm.between(following.starts, following.ends)
        )
        document = HandoverDocument(
            house_name=self.settings.house_name,
            shift_name=shift.name,
            shift_starts=shift.starts.in_timezone(tz),
            shift_ends=shift.ends.in_timezone(tz),
            guests=tuple(sections),
            house_lines=tuple(e.text for e in self.house_lines(session, shift)),
            arrivals=arrivals,
            leavings=leavings,
            rhythm_ahead=rhythm,
            prepared_by=session.name,
            arrival_guests=tuple(s.guest_id for s in arrived),
            leaving_guests=tuple(s.guest_id for s in leaving),
        )
        return document, left_out

    def _name(self, stay: Stay) -> str:
        guest = self.store.get(Guest, stay.guest_id)
        return guest.chosen_name if guest else "A guest"

    def final_check(self, session: Session, document: HandoverDocument, shift: ShiftTime) -> None:
        """At the last moment: refuse, saying what and where, if anything is flagged or not agreed."""
        require_staff(session, "print the handover")
        problems = []
        for where, text in document.texts():
            for finding in self.ctx.find_words(text):
                problems.append(f"{where}: {finding.explain()}")
        # Agreement is read again from disk: a guest may have taken theirs back.
        agreed_now = {
            stay.room: [e.text for e in self._lines_about(stay, shift) if e.agreed]
            for stay in self.stays.staying(session)
        }
        for section in document.guests:
            current = agreed_now.get(section.room, [])
            for n, line in enumerate(section.lines, 1):
                if line not in current:
                    problems.append(f"{section.chosen_name} ({section.room}), line {n}: not agreed by the guest")
            if len(current) > len(section.lines):
                problems.append(f"{section.chosen_name} ({section.room}): more lines were agreed since; print again")
        if problems:
            raise PrintRefused("The handover was not printed:\n" + "\n".join(f"- {p}" for p in problems))
