"""Erasing a guest's record for real, and the house's retention of departed guests.

A guest who chose erasure is first given their complete record (printed,
or saved as a text file for them), then everything about them goes: their
guest record and PIN, every stay, check-in, rating, intention, handover
line, note, statement, request to talk and access event, from the live
data, the backups and the saved printouts. What is left is only that a
record was handed over and erased, on which day, and counts that identify
no one (principle 2).

CUPS keeps each printed document for a while after printing; the jobs of
printouts that held the guest's lines are purged too, and what could not
be is said in plain words with the one line that removes it. Before the
erasure, while her chosen name is still known, `mentions` finds where it
appears in staff writing (house lines, the rhythm, hard events), so staff
can reword it: that never holds the erasure up.

A departed guest who made no choice is kept: health records in Aotearoa
New Zealand are generally kept ten years unless the complete record was
given to the person. `house.keep_departed_records_years` sets the house's
own retention; records past it are erased by the manager.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import CheckIn, Erasure, Guest, HandoverEntry, HardEvent, MonthCount, RhythmItem, Stay
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.printouts import clean_printouts, printout_jobs
from crisishouse.services.rhythm import Rhythm
from crisishouse.services.session import Session, checks_sessions, require_manager, require_staff
from crisishouse.services.signin import name_marks
from crisishouse.services.staff_records import find_all
from crisishouse.services.stays import Stays
from crisishouse.store import StoreError, ToErase
from crisishouse.text import clean_line, clean_text, name_key

if TYPE_CHECKING:
    from crisishouse.printing import JobPurge

HANDED_OVER: dict[str, str] = {
    "printed": "the complete record was printed for them",
    "saved": "the complete record was saved as a text file for them",
    "declined": "the complete record was offered; they did not want a copy",
}
RETENTION_ENDED = "kept for the house's retention period, which has ended"


@dataclass(frozen=True)
class Departed:
    """A departed guest whose record is waiting to be erased."""

    guest_id: str
    name: str
    left_on: pendulum.Date


MentionKind = Literal["house line", "everyday", "one-off", "skip", "hard event"]

_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""Combining marks: a name followed by one is part of a longer word."""


def name_pattern(name: str) -> re.Pattern[str] | None:
    """A pattern that finds `name` as a whole word (or words) in text keyed by `name_key`.

    Case and Unicode form do not matter; macrons do (Mere is not Mēre).
    None for a name with no letters to look for.
    """
    words = name_key(name).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w{_MARKS}]){body}(?![\w{_MARKS}])")


def names(text: str, pattern: re.Pattern[str]) -> bool:
    """True when `text` holds the name `pattern` was made for."""
    return pattern.search(clean_text(text).casefold()) is not None


@dataclass(frozen=True)
class Mention:
    """A place in staff writing where a guest's chosen name appears."""

    kind: MentionKind
    id: str
    text: str
    where: str
    """ "House line, 24 Nov night shift"."""
    record: HandoverEntry | RhythmItem | HardEvent
    """The record as it was read, for the service that changes it."""
    how_to_change: str = ""
    """Where to change it, for a kind the erasure screen cannot reword ("" when it can)."""

    @property
    def can_reword(self) -> bool:
        return not self.how_to_change

    @property
    def words(self) -> str:
        """ "House line, 24 Nov night shift: 'Mere's sister calls at 7'"."""
        return f"{self.where}: '{clean_line(self.text)}'"


@dataclass(frozen=True)
class ErasureDone:
    """An erasure carried out, and what became of CUPS's copies of her printouts."""

    erasure: Erasure
    paper: JobPurge

    @property
    def paper_words(self) -> str:
        """What CUPS still keeps and the one line that removes it; "" when it keeps nothing."""
        return self.paper.words()


def _handed_over(handed_over: str) -> str:
    """How the record was given, in the Erasure's words; refused until it was given (or declined)."""
    if handed_over not in HANDED_OVER:
        raise ServiceError(
            "First give the guest their complete record: print it, save it as a text file for them, "
            "or note that they did not want a copy."
        )
    return HANDED_OVER[handed_over]


def merge_counts(counts: list[MonthCount]) -> tuple[MonthCount, ...]:
    """Add month counts of several stays together, month by month."""
    by_month: dict[str, list[MonthCount]] = defaultdict(list)
    for count in counts:
        by_month[count.month].append(count)
    return tuple(
        MonthCount(
            month=month,
            stays_started=sum(c.stays_started for c in group),
            stays_ended=sum(c.stays_ended for c in group),
            bed_nights=sum(c.bed_nights for c in group),
            ended_lengths=tuple(sorted(n for c in group for n in c.ended_lengths)),
            check_ins=sum(c.check_ins for c in group),
            quiet_times=sum(c.quiet_times for c in group),
        )
        for month, group in sorted(by_month.items())
    )


@checks_sessions
class Erasures(Service):
    """Carrying out a guest's choice to be erased, and the house's retention."""

    def __init__(self, ctx: HouseContext, stays: Stays) -> None:
        super().__init__(ctx)
        self.stays = stays
        self.problem: str | None = None
        """Why an unfinished erasure could not be finished at opening, if it could not."""
        self._retention_count: tuple[pendulum.Date, int] | None = None

    def _today(self) -> pendulum.Date:
        return house_today(self.clock.now(), self.settings.time_zone)

    def _departed(self) -> list[tuple[Guest, list[Stay]]]:
        # One read of each table, not one per guest.
        by_guest: dict[str, list[Stay]] = defaultdict(list)
        for stay in self.store.find(Stay):
            by_guest[stay.guest_id].append(stay)
        found = []
        for guest in self.store.find(Guest):
            stays = sorted(by_guest.get(guest.id, []), key=lambda s: s.arrived_at)
            if stays and not any(s.is_staying for s in stays):
                found.append((guest, stays))
        return found

    def waiting(self, session: Session) -> list[Departed]:
        """Guests who left choosing erasure and are not erased yet."""
        require_staff(session, "see records waiting to be erased")
        tz = self.settings.time_zone
        # Only guests with a stay that chose erasure: the board asks this every half minute.
        found = []
        for guest_id in sorted({s.guest_id for s in self.store.find(Stay, where={"record_choice": "erase"})}):
            guest = self.store.get(Guest, guest_id)
            stays = self.stays.stays_of(session, guest_id)
            if guest is None or not stays or stays[-1].is_staying or stays[-1].record_choice != "erase":
                continue
            left_at = stays[-1].left_at
            assert left_at is not None  # not staying: the stay has ended
            found.append(Departed(guest.id, guest.chosen_name, house_today(left_at, tz)))
        return found

    def past_retention(self, session: Session) -> list[Departed]:
        """Departed guests kept longer than the house's retention (newest leaving is what counts)."""
        require_manager(session, "see records past the house's retention")
        tz = self.settings.time_zone
        cutoff = self._today().subtract(years=self.settings.keep_departed_records_years)
        found = []
        for guest, stays in self._departed():
            left_at = stays[-1].left_at
            assert left_at is not None  # departed: every stay has ended
            left = house_today(left_at, tz)
            if left < cutoff:
                found.append(Departed(guest.id, guest.chosen_name, left))
        return found

    def past_retention_count(self, session: Session) -> int:
        """How many records are past the house's retention, worked out once a day (for the board)."""
        require_manager(session, "see records past the house's retention")
        today = self._today()
        if self._retention_count is None or self._retention_count[0] != today:
            self._retention_count = (today, len(self.past_retention(session)))
        return self._retention_count[1]

    def mentions(self, session: Session, name: str) -> list[Mention]:
        """Where `name` (a guest's chosen name) appears in staff writing, to reword before an erasure.

        House lines of every handover, the everyday rhythm, one-offs and
        skips, and hard events' words: whole words only, case and Unicode
        form folded, macrons kept. House lines and everyday items can be
        reworded with the handover and rhythm services; for the rest,
        `how_to_change` says where (or that crisishouse cannot yet).
        """
        require_staff(session, "see where a guest's name appears in staff writing")
        pattern = name_pattern(name)
        if pattern is None:
            return []
        year = self._today().year

        def day(value: pendulum.Date, with_weekday: bool = False) -> str:
            shown = value.format("ddd D MMM" if with_weekday else "D MMM")
            return shown if value.year == year else f"{shown} {value.year}"

        def shift(name: str) -> str:
            name = clean_line(name)
            return name if name.casefold().endswith("shift") else f"{name} shift"

        def hhmm(time: pendulum.Time) -> str:
            return f"{time.hour:02d}:{time.minute:02d}"

        found: list[Mention] = []
        lines = [e for e in find_all(self.store, HandoverEntry, guest_id=None) if names(e.text, pattern)]
        for entry in sorted(lines, key=lambda e: (e.shift_date, e.written_at), reverse=True):
            where = f"House line, {day(entry.shift_date)} {shift(entry.shift_name)}"
            found.append(Mention("house line", entry.id, entry.text, where, entry))
        for item in Rhythm(self.ctx).everyday():
            if names(item.what, pattern):
                found.append(Mention("everyday", item.id, item.what, f"Everyday rhythm, {hhmm(item.time)}", item))
        one_offs = [i for i in self.store.find(RhythmItem) if i.on_day is not None and names(i.what, pattern)]
        for item in sorted(one_offs, key=lambda i: (i.on_day, i.time), reverse=True):
            assert item.on_day is not None
            when = f"{day(item.on_day, with_weekday=True)} {hhmm(item.time)}"
            if item.cancelled:
                found.append(Mention(
                    "skip", item.id, item.what, f"Rhythm, {when}, skipped that day", item,
                    "A skipped item keeps a copy of the words the everyday item had then; crisishouse has no way "
                    "to change that copy yet.",
                ))  # fmt: skip
            else:
                found.append(Mention(
                    "one-off", item.id, item.what, f"Rhythm one-off, {when}", item,
                    f"A one-off cannot be reworded in place: on the rhythm (y on the board) go to "
                    f"{item.on_day.format('dddd D MMMM YYYY')}, undo it (x) and add it again in other words (o).",
                ))  # fmt: skip
        events = [e for e in find_all(self.store, HardEvent) if names(e.words, pattern)]
        for event in sorted(events, key=lambda e: e.noted_at, reverse=True):
            where = f"Hard event, {day(event.day)} {shift(event.shift_name)}"
            found.append(Mention(
                "hard event", event.id, event.words, where, event,
                "crisishouse has no way to change a hard event's words yet; the house manager sees them "
                "with the debriefs owed.",
            ))  # fmt: skip
        return found

    def erase(self, session: Session, guest_id: str, handed_over: str) -> Erasure:
        """Erase a departed guest who chose it, once their complete record was offered.

        Raises:
            ServiceError: the guest is staying, chose to keep their record,
                made no choice, or `handed_over` does not say how the record
                was given.
        """
        return self.erase_with_report(session, guest_id, handed_over).erasure

    def erase_with_report(self, session: Session, guest_id: str, handed_over: str) -> ErasureDone:
        """`erase`, also saying what CUPS still keeps of her printouts (it never stops the erasure)."""
        require_staff(session, "erase a guest's record")
        how = _handed_over(handed_over)
        guest, stays = self._chose_erasure(session, guest_id)
        return self._erase(guest, stays, how)

    def erase_each(self, session: Session, guest_ids: list[str], handed_over: str) -> list[Erasure]:
        """`erase` for several departed guests at once, each handed her record the same way (one write).

        Each is checked as `erase` checks her, before any is erased; a refusal erases none.
        A guest another terminal erased meanwhile is counted there, once, and left out here.
        """
        from crisishouse.printing import JobPurge

        require_staff(session, "erase a guest's record")
        how = _handed_over(handed_over)
        chosen = [self._chose_erasure(session, guest_id) for guest_id in dict.fromkeys(guest_ids)]
        done, _erased_elsewhere = self._erase_all(chosen, how)
        self._tell(sum((d.paper for d in done.values()), JobPurge()))
        return [d.erasure for d in done.values()]

    def _chose_erasure(self, session: Session, guest_id: str) -> tuple[Guest, list[Stay]]:
        guest, stays = self._guest_and_stays(session, guest_id)
        if stays[-1].record_choice != "erase":
            raise ServiceError(f"{guest.chosen_name} did not choose erasure when they left, so the record is kept.")
        return guest, stays

    def erase_past_retention(self, session: Session) -> int:
        """Erase every departed guest kept past the house's retention; how many.

        What CUPS still keeps of their printouts (years on, almost never
        anything) is told on the board, as `problem`.
        """
        from crisishouse.printing import JobPurge

        chosen = []
        for departed in self.past_retention(session):
            try:
                chosen.append(self._guest_and_stays(session, departed.guest_id))
            except ServiceError:
                continue  # erased meanwhile from another terminal: counted there, once
        done, _erased_elsewhere = self._erase_all(chosen, RETENTION_ENDED)
        self._tell(sum((d.paper for d in done.values()), JobPurge()))
        return len(done)

    def _guest_and_stays(self, session: Session, guest_id: str) -> tuple[Guest, list[Stay]]:
        guest = self.store.get(Guest, guest_id)
        if guest is None:
            raise ServiceError("There is no such guest (their record may be erased already).")
        stays = self.stays.stays_of(session, guest_id)
        if not stays:
            raise ServiceError(f"{guest.chosen_name} has no stay on record.")
        if any(s.is_staying for s in stays):
            raise ServiceError(f"{guest.chosen_name} is staying: a record is erased after the guest leaves.")
        return guest, stays

    def _erase(self, guest: Guest, stays: list[Stay], handed_over: str) -> ErasureDone:
        """Erase one guest with her stays; what the data refused is raised (RecordGone, RuleBroken)."""
        done, refused = self._erase_all([(guest, stays)], handed_over)
        if guest.id in refused:
            raise refused[guest.id]
        return done[guest.id]

    def _erase_all(
        self, chosen: list[tuple[Guest, list[Stay]]], handed_over: str
    ) -> tuple[dict[str, ErasureDone], dict[str, StoreError]]:
        """Erase each guest with her stays, in one write of the house's data.

        Returns each one erased, and each one the data refused (erased meanwhile by another
        terminal, or her stays changed) with the reason, by guest id.
        """
        from crisishouse.printing import purge_jobs
        from crisishouse.services.month_counts import stay_month_counts

        tz, today = self.settings.time_zone, self._today()
        papers: dict[str, JobPurge] = {}
        to_erase: list[ToErase] = []
        for guest, stays in chosen:
            counts: list[MonthCount] = []
            for stay in stays:
                counts += stay_month_counts(stay, self.store.find(CheckIn, stay_id=stay.id), tz, today)
            left_behind = Erasure(erased_on=today, handed_over=handed_over, counts=merge_counts(counts))
            # CUPS's copies of her printouts first, while the printouts say which
            # jobs held her lines; then the printouts, while the name is known
            # (older printouts say only that); then the data; then both again, by
            # id, in case one was printed meanwhile. A stop anywhere leaves either
            # the whole record, or a note in the data that finishes the job at
            # the next opening.
            papers[guest.id] = purge_jobs(printout_jobs(self.ctx.printouts_dir, guest.id))
            clean_printouts(self.ctx.printouts_dir, guest.id, guest.chosen_name, self._note(), papers[guest.id].purged)
            # Her name's sign-in counts go too: they are a mark of her name, with times.
            to_erase.append(ToErase(guest.id, [s.id for s in stays], left_behind, name_marks(guest.chosen_name)))
        refused = self.store.erase_guests(to_erase)
        self._retention_count = None
        erased = [e for e in to_erase if e.guest_id not in refused]
        for e in erased:
            papers[e.guest_id] += self._finish_printouts(e.guest_id)
        if erased:
            self.store.erasures_done(e.guest_id for e in erased)
        return {e.guest_id: ErasureDone(e.left_behind, papers[e.guest_id]) for e in erased}, refused

    def _note(self) -> str:
        day = self._today().format("D MMMM YYYY")
        return f"One guest's lines were taken out of this copy on {day}, when their record was erased."

    def _finish(self, guest_id: str) -> JobPurge:
        paper = self._finish_printouts(guest_id)
        self.store.erasure_done(guest_id)
        return paper

    def _finish_printouts(self, guest_id: str) -> JobPurge:
        from crisishouse.printing import purge_jobs

        paper = purge_jobs(printout_jobs(self.ctx.printouts_dir, guest_id))
        clean_printouts(self.ctx.printouts_dir, guest_id, None, self._note(), paper.purged)
        return paper

    def _tell(self, paper: JobPurge) -> None:
        """What CUPS still keeps, for the board to tell (it names no one)."""
        words = paper.words("an erased guest's lines")
        if words:
            self.problem = f"{self.problem} {words}" if self.problem else words

    def finish_pending(self) -> int:
        """Finish erasures a stopped terminal left half done (at the house's opening)."""
        done = 0
        for guest_id, stay_ids in self.store.pending_erasures():
            try:
                self.store.finish_erasure(guest_id, stay_ids)
                self._tell(self._finish(guest_id))
            except (OSError, StoreError) as error:
                # The house still opens; the note stays, and the next opening tries again.
                self.problem = f"An erasure could not be finished yet: {getattr(error, 'strerror', None) or error}"
                continue
            done += 1
        return done
