"""A guest's complete record, as a copy for them: printed, or saved as a text file.

Everything about the guest, from every stay kept: the stays themselves,
check-ins, wellbeing ratings, intentions with their history, every
handover line (agreed or not), their own notes and statements, their
requests to talk, and who opened their record (principle 2: peers own
their information).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import (
    CHECK_IN_OUTCOMES,
    ENTRY_KINDS,
    INTENTION_STATUSES,
    CheckIn,
    Guest,
    HandoverEntry,
    Intention,
    Stay,
    WellbeingRating,
)
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.guest_record import GuestRecords
from crisishouse.services.guest_voice import GuestVoice
from crisishouse.services.printouts import guest_copy_about, print_text, slug
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff
from crisishouse.services.stays import Stays
from crisishouse.store import StoreError
from crisishouse.store.atomic import atomic_write

if TYPE_CHECKING:
    from crisishouse.printing import PrintOutcome

PRINTED = "printed your complete record"
SAVED = "saved your complete record as a text file"
CHOICE_WORDS = {
    "keep": "keep my record for next time",
    "erase": "erase my record once I have a copy",
    None: "not made (the record is kept)",
}


@checks_sessions
class OwnRecords(Service):
    """The guest's complete record as text, printed or saved."""

    def __init__(
        self,
        ctx: HouseContext,
        stays: Stays,
        records: GuestRecords,
        voice: GuestVoice,
    ) -> None:
        super().__init__(ctx)
        self.stays = stays
        self.records = records
        self.voice = voice

    def _when(self, at: pendulum.DateTime) -> str:
        return at.in_timezone(self.settings.time_zone).format("ddd D MMM YYYY HH:mm")

    def _day(self, at: pendulum.DateTime) -> str:
        return house_today(at, self.settings.time_zone).format("D MMMM YYYY")

    def sections(self, session: Session, guest_id: str) -> tuple[Guest, list[tuple[str, list[str]]]]:
        """The guest and every titled part of their record, in words."""
        require_guest_or_staff(session, guest_id, "read a complete record")
        guest = self.store.get(Guest, guest_id)
        if guest is None:
            raise ServiceError("There is no such guest.")
        stays = self.stays.stays_of(session, guest_id)
        said = self.voice.statements(session, guest_id)

        def with_statement(words: str, kind: str, entry_id: str) -> str:
            found = said.get((kind, entry_id))
            return f"{words}\nYour statement: {found.text}" if found else words

        about = [f"Known as {guest.chosen_name}"]
        if guest.pronouns:
            about.append(f"Pronouns: {guest.pronouns}")
        if guest.support_person:
            about.append(f"Support person (recorded with your agreement): {guest.support_person}")
        about.append(f"First recorded {self._day(guest.created_at)}")
        about.append("A PIN is set for you to read your own record" if guest.pin_hash else "No PIN is set")
        sections: list[tuple[str, list[str]]] = [("About you", about)]
        for stay in stays:
            sections += self._stay_sections(session, guest_id, stay, with_statement)
        notes = [
            f"{self._when(n.written_at)} ({'staff may read it' if n.for_staff else 'just for you'}): {n.text}"
            for n in self.voice.notes(session, guest_id)
        ]
        if session.is_staff:
            # Notes kept just for the guest stay theirs: staff making this copy cannot put them in it.
            kept = self.voice.private_note_count(session, guest_id)
            if kept:
                notes.append(
                    f"{kept} note{'s' if kept != 1 else ''} kept just for you {'are' if kept != 1 else 'is'} not in "
                    "this copy, which staff made: print or save your own copy in your own session to have them."
                )
        sections.append(("Your notes", notes))
        sections.append(
            (
                "You asked to talk about",
                [
                    f"{self._when(r.asked_at)}: {ENTRY_KINDS[r.about_kind]}; "
                    + (f"talked {self._when(r.talked_at)}" if r.talked_at else "not talked about yet")
                    for r in self.voice.talk_requests(session, guest_id)
                ],
            )
        )
        sections.append(("Who opened your record", [a.words for a in self.records.access_log(session, guest_id)]))
        return guest, sections

    def _stay_sections(
        self, session: Session, guest_id: str, stay: Stay, with_statement: Callable[[str, str, str], str]
    ) -> list[tuple[str, list[str]]]:
        title = f"stay from {self._day(stay.arrived_at)}"
        facts = [f"Arrived {self._when(stay.arrived_at)} in {stay.moves[0].from_room if stay.moves else stay.room}"]
        facts.append(f"Planned to leave {stay.planned_leaving.format('D MMMM YYYY')}")
        if stay.longer_stay_reason:
            facts.append(f"Why the stay is longer: {stay.longer_stay_reason}")
        facts += [f"Moved from {m.from_room} to {m.to_room}, {self._when(m.at)}" for m in stay.moves]
        facts += [f"Out overnight, night of {night.format('D MMMM YYYY')}" for night in stay.nights_out]
        if stay.left_at:
            facts.append(f"Left {self._when(stay.left_at)}")
            facts.append(f"Your choice about your record: {CHOICE_WORDS.get(stay.record_choice, stay.record_choice)}")
        facts.append(
            "Your latest ratings are shared in the handover"
            if stay.share_ratings
            else "Your ratings are not shared in the handover"
        )
        check_ins = sorted(self.store.find(CheckIn, stay_id=stay.id, where={"guest_id": guest_id}), key=lambda c: c.at)
        ratings: list[WellbeingRating] = self.records.wellbeing.for_stay(session, guest_id, stay.id)
        intentions: list[Intention] = self.records.intentions.for_stay(session, guest_id, stay.id)
        lines = sorted(
            self.store.find(HandoverEntry, stay_id=stay.id, where={"guest_id": guest_id}), key=lambda e: e.written_at
        )
        return [
            (f"Your {title}", facts),
            (
                f"Check-ins ({title})",
                [
                    with_statement(
                        f"{self._when(c.at)}: {CHECK_IN_OUTCOMES[c.outcome]}" + (f". Note: {c.note}" if c.note else ""),
                        "check_in",
                        c.id,
                    )
                    for c in check_ins
                ],
            ),
            (
                f"Wellbeing ratings ({title})",
                [
                    with_statement(
                        f"{self._when(r.at)}: tinana {r.tinana}, hinengaro {r.hinengaro}, whānau {r.whanau}, "
                        f"wairua {r.wairua}" + (f". In your words: {r.own_words}" if r.own_words else ""),
                        "rating",
                        r.id,
                    )
                    for r in ratings
                ],
            ),
            (f"Intentions ({title})", [with_statement(self._intention(i), "intention", i.id) for i in intentions]),
            (
                f"Handover lines ({title})",
                [
                    with_statement(
                        f"{self._when(e.written_at)} ({'agreed' if e.agreed else 'not agreed'}): {e.text}",
                        "handover",
                        e.id,
                    )
                    for e in lines
                ],
            ),
        ]

    def _intention(self, intention: Intention) -> str:
        words = f"{intention.words} ({INTENTION_STATUSES[intention.status]}), since {self._when(intention.set_at)}"
        if intention.for_day is not None:
            words += f", for {intention.for_day.format('D MMMM YYYY')}"
        for step in intention.history:
            words += f"\nEarlier: {step.words} ({INTENTION_STATUSES[step.status]}), {self._when(step.at)}"
        return words

    def text(self, session: Session, guest_id: str) -> str:
        """The complete record laid out as an 80-column page."""
        from crisishouse.page_layout import render_guest_copy

        guest, sections = self.sections(session, guest_id)
        made = f"Made {self._when(self.clock.now())} for {guest.chosen_name}"
        return render_guest_copy(self.settings.house_name, guest.chosen_name, [*sections, ("This copy", [made])])

    def _log(self, session: Session, guest_id: str, what: str) -> None:
        stays = self.stays.stays_of(session, guest_id)
        if stays:
            self.records.log_opening(session, guest_id, stays[-1].id, what)

    def print_copy(self, session: Session, guest_id: str) -> PrintOutcome:
        """Print the complete record (a copy is saved first, as for every printout)."""
        text = self.text(session, guest_id)
        outcome = print_text(
            text,
            printer=self.settings.printer,
            printouts_dir=self.ctx.printouts_dir,
            title="own record",  # no name: titles show in the printer queue
            clock_now=self.clock.now(),
            what="your record",
            about=guest_copy_about(guest_id),
        )
        self._log(session, guest_id, PRINTED)
        return outcome

    def save_copy(self, session: Session, guest_id: str, folder: Path) -> Path:
        """Save the complete record as a text file in `folder` (a USB stick, say).

        Not inside the house's data folder: the copy is the guest's to take.
        """
        text = self.text(session, guest_id)
        folder = Path(folder).expanduser()
        try:
            inside = folder.resolve().is_relative_to(self.ctx.data_dir.resolve())
        except OSError:
            inside = False
        if inside:
            raise ServiceError(
                "Save the copy somewhere the guest can take it (a USB stick, say), not in the house's data folder."
            )
        if not folder.is_dir():
            raise ServiceError(f"There is no folder {folder}. Type a folder that exists (a USB stick, say).")
        guest = self.store.get(Guest, guest_id)
        stamp = house_today(self.clock.now(), self.settings.time_zone).isoformat()
        name = slug(guest.chosen_name if guest else "record")
        path = folder / f"{name}-record-{stamp}.txt"
        n = 2
        while path.exists():
            path = folder / f"{name}-record-{stamp}-{n}.txt"
            n += 1
        try:
            atomic_write(path, text.encode("utf-8"))
        except (StoreError, OSError) as error:
            why = (
                getattr(getattr(error, "error", None), "strerror", None)
                or getattr(error, "strerror", None)
                or str(error)
            )
            raise ServiceError(f"Could not save the copy in {folder}: {why}") from error
        self._log(session, guest_id, SAVED)
        return path
