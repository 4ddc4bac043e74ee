"""The handover: written with each guest, free of diagnostic language, printed.

Lines about a guest are composed with them and print only once they agree.
Printing checks the whole document again at the last moment and refuses,
saying what and where, if any language is flagged.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import INTENTION_STATUSES, CheckIn, Guest, HandoverEntry, Stay, WellbeingRating
from crisishouse.services.board import stay_day
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import NotAllowed, ServiceError
from crisishouse.services.guest_record import GuestRecords
from crisishouse.services.guest_voice import GuestVoice
from crisishouse.services.handover_document import GuestSection, HandoverDocument
from crisishouse.services.intentions import Intentions
from crisishouse.services.locking import one_step
from crisishouse.services.rhythm import Rhythm
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff, require_staff
from crisishouse.services.shifts import Shifts, ShiftTime
from crisishouse.services.stays import Stays
from crisishouse.store import month_of

if TYPE_CHECKING:
    from crisishouse.printing import PrintOutcome

LanguageCheck = Callable[[str], Sequence[Any]]
"""Returns findings, each with start, end, text, kind, suggestion and explain()."""

PRINTED_HANDOVER = "printed the handover with your lines"
READ_PAST_HANDOVER = "a saved handover with your lines"
GUEST_AGREED = "in their own session"
READ_BACK = "read back and agreed"


class PrintRefused(ServiceError):
    """The handover cannot print yet; the message says what and where."""


@dataclass(frozen=True)
class LineView:
    """A handover line with what the language check found in it."""

    entry: HandoverEntry
    findings: tuple[Any, ...]
    statement: str = ""
    """The guest's own statement on this line, if they made one."""


@dataclass(frozen=True)
class HandoverCard:
    """One guest's card for the shift."""

    guest: Guest
    stay: Stay
    stay_words: str
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
class Handover(Service):
    """Composing, agreeing and printing the handover."""

    def __init__(
        self,
        ctx: HouseContext,
        stays: Stays,
        intentions: Intentions,
        rhythm: Rhythm,
        records: GuestRecords,
        voice: GuestVoice,
    ) -> None:
        super().__init__(ctx)
        self.stays = stays
        self.intentions = intentions
        self.rhythm = rhythm
        self.records = records
        self.voice = voice
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

    def _view(self, entry: HandoverEntry, statement: str = "") -> LineView:
        return LineView(entry, tuple(self.ctx.find_words(entry.text)), statement)

    def cards(self, session: Session, shift: ShiftTime | None = None) -> list[HandoverCard]:
        """A card for each guest staying (opening each is logged for the guest)."""
        require_staff(session, "read the handover")
        shift = shift or self.current_shift()
        tz = self.settings.time_zone
        today = house_today(self.clock.now(), tz)
        cards = []
        order = {room: n for n, room in enumerate(self.settings.rooms)}
        for stay in sorted(self.stays.staying(session), key=lambda s: (order.get(s.room, len(order)), s.room)):
            guest = self.store.get(Guest, stay.guest_id)
            if guest is None:
                continue
            self.records.log_opening(session, guest.id, stay.id, "your handover card")
            cards.append(self._card(session, guest, stay, shift, today))
        return cards

    def card(self, session: Session, guest_id: str, shift: ShiftTime | None = None) -> HandoverCard:
        """One guest's card: for staff, or for the guest themselves."""
        require_guest_or_staff(session, guest_id, "read a handover card")
        stay = self.stays.current_stay_of(session, guest_id)
        guest = self.store.get(Guest, guest_id)
        if stay is None or guest is None:
            raise ServiceError("Handover cards are for guests staying.")
        self.records.log_opening(session, guest_id, stay.id, "your handover card")
        today = house_today(self.clock.now(), self.settings.time_zone)
        return self._card(session, guest, stay, shift or self.current_shift(), today)

    def _card(self, session: Session, guest: Guest, stay: Stay, shift: ShiftTime, today: pendulum.Date) -> HandoverCard:
        tz = self.settings.time_zone
        day_n, of_m = stay_day(stay, today, tz)
        words = "leaving today" if day_n > of_m else f"day {day_n} of {of_m}"
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
            words,
            tuple(sorted(check_ins, key=lambda c: c.at)),
            intentions,
            ratings,
            lines,
            intention_statements,
            {c.id: said[("check_in", c.id)] for c in check_ins if ("check_in", c.id) in said},
        )

    # -- writing --------------------------------------------------------------

    @one_step
    def add_line(self, session: Session, guest_id: str, text: str, shift: ShiftTime | None = None) -> HandoverEntry:
        """A line about a guest, written with them. A guest's own line is agreed as they write it."""
        require_guest_or_staff(session, guest_id, "write handover lines")
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

    @one_step
    def edit_line(self, session: Session, entry: HandoverEntry, text: str) -> HandoverEntry:
        """New words for a line. A guest's line needs their agreement again."""
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

    # -- the document ---------------------------------------------------------

    def document(self, session: Session, shift: ShiftTime | None = None) -> tuple[HandoverDocument, list[str]]:
        """The handover as it would print, and what was left out (lines not agreed)."""
        require_staff(session, "print the handover")
        shift = shift or self.current_shift()
        tz = self.settings.time_zone
        following = self.shifts.after(shift)
        left_out: list[str] = []
        sections = []
        for card in self.cards(session, shift):
            agreed = [lv for lv in card.lines if lv.entry.agreed]
            waiting = card.waiting
            if waiting:
                left_out.append(
                    f"{card.guest.chosen_name} ({card.stay.room}): {waiting} "
                    f"line{'s' if waiting != 1 else ''} not agreed, not printed"
                )
            sections.append(
                GuestSection(
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
            )
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

    # -- printing -------------------------------------------------------------

    def print_handover(self, session: Session, shift: ShiftTime | None = None) -> tuple[PrintOutcome, list[str]]:
        """Check the whole handover once more, then print it and save a copy.

        Returns what happened and which lines were left out for want of the
        guest's agreement.

        Raises:
            PrintRefused: something is flagged or no longer agreed; nothing printed.
        """
        from crisishouse.printing import print_text, render_handover

        shift = shift or self.current_shift()
        document, left_out = self.document(session, shift)
        self.final_check(session, document, shift)
        outcome = print_text(
            render_handover(document),
            printer=self.settings.printer,
            printouts_dir=self.ctx.printouts_dir,
            title=f"handover {shift.day.isoformat()} {shift.name}",
            clock_now=self.clock.now(),
            about={"kind": "handover", "guest_ids": document.guest_ids, "document": document.to_dict()},
        )
        for section in document.guests:
            stay = self.stays.current_stay_of(session, section.guest_id)
            if stay is not None:
                self.records.log_opening(session, section.guest_id, stay.id, PRINTED_HANDOVER)
        return outcome, left_out

    # -- past handovers -------------------------------------------------------

    def past_printouts(self, session: Session) -> list[Path]:
        """The saved copies of printed handovers, newest first."""
        require_staff(session, "read past handovers")
        if not self.ctx.printouts_dir.is_dir():
            return []
        return sorted(self.ctx.printouts_dir.glob("*-handover-*.txt"), key=lambda p: p.name, reverse=True)

    def read_printout(self, session: Session, name: str) -> str:
        """One saved handover, as it was printed."""
        for path in self.past_printouts(session):
            if path.name == name:
                self._log_reading(session, path)
                return path.read_text(encoding="utf-8")
        raise ServiceError("There is no such saved handover.")

    def _log_reading(self, session: Session, path: Path) -> None:
        """Reading a saved handover opens each guest's lines in it: written to their access logs."""
        try:
            about = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # saved before crisishouse noted whose lines a printout holds
        for guest_id in about.get("guest_ids", []):
            stays = self.stays.stays_of(session, guest_id) if self.store.get(Guest, guest_id) else []
            if stays:
                self.records.log_opening(session, guest_id, stays[-1].id, READ_PAST_HANDOVER)
