"""A guest's own voice in their record: notes, statements, and asking to talk.

Only the guest writes these, in their own session. Staff see a guest's
statements (they travel with the entry everywhere), their requests to talk
(on the board), and the notes the guest chose to let staff read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from crisishouse.models import (
    ENTRY_KINDS,
    STATEMENT_KINDS,
    CheckIn,
    Guest,
    GuestNote,
    HandoverEntry,
    Intention,
    Statement,
    Stay,
    TalkRequest,
    WellbeingRating,
)
from crisishouse.models.checks import one_of
from crisishouse.models.guest_voice import EntryKind
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import NotAllowed, ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff, require_staff
from crisishouse.services.stays import Stays
from crisishouse.services.undo import UNDO_WORDS, still_undoable
from crisishouse.store import StoreDamaged


class _Entry(Protocol):
    """What every entry a guest can point at has (a handover line's are optional: the house part has none)."""

    @property
    def guest_id(self) -> str | None: ...

    @property
    def stay_id(self) -> str | None: ...


ENTRY_CLASSES: dict[EntryKind, type[_Entry]] = {
    "check_in": CheckIn,
    "rating": WellbeingRating,
    "intention": Intention,
    "handover": HandoverEntry,
    "note": GuestNote,
}


def _kind(kind: str) -> EntryKind:
    """The kind of entry a screen names, as the records hold it."""
    about = one_of(kind, ENTRY_CLASSES)
    if about is None:
        raise ServiceError(f"Not a kind of entry: {kind!r}.")
    return about


def _stay_of(entry: _Entry) -> str:
    """The stay a guest's own entry is in (every entry about a guest names one)."""
    if entry.stay_id is None:
        raise ServiceError("That entry is not part of a stay.")
    return entry.stay_id


def _own_session(session: Session, doing: str) -> None:
    if session.role != "guest":
        raise NotAllowed(f"Only the guest, in their own session, can {doing}.")


@dataclass(frozen=True)
class TalkWanted:
    """A request to talk, as the board shows it."""

    request: TalkRequest
    guest_name: str
    room: str
    about: str
    """ "a check-in", "a handover line"."""


@checks_sessions
class GuestVoice(Service):
    """Notes, statements and requests to talk."""

    def __init__(self, ctx: HouseContext, stays: Stays) -> None:
        super().__init__(ctx)
        self.stays = stays

    # -- the entry a guest points at -------------------------------------------

    def _entry(self, session: Session, kind: str, entry_id: str) -> _Entry:
        """One of the guest's own entries, found in their stays; refused if not theirs."""
        guest_id = session.person_id
        cls = ENTRY_CLASSES[_kind(kind)]
        for stay in self.stays.stays_of(session, guest_id):
            found = self.store.get(cls, entry_id, stay_id=stay.id)
            if found is not None:
                if found.guest_id != guest_id:
                    break
                return found
        raise NotAllowed(f"That is not one of your entries ({ENTRY_KINDS[kind]}).")

    def _latest_stay(self, session: Session) -> Stay:
        stays = self.stays.stays_of(session, session.person_id)
        if not stays:
            raise ServiceError("There is no stay to write this in.")
        return stays[-1]

    # -- notes ------------------------------------------------------------------

    def write_note(
        self, session: Session, text: str, *, for_staff: bool = False, words_noticed: bool = False
    ) -> GuestNote:
        """A note of the guest's own. Flagged words are shown once, then kept if they wish."""
        _own_session(session, "write their own notes")
        stay = self._latest_stay(session)
        if not words_noticed:
            self.ctx.notice_words(text)
        note = GuestNote(
            guest_id=session.person_id, stay_id=stay.id, written_at=self.clock.now(), text=text, for_staff=for_staff
        )
        self.store.put(note)
        return note

    def edit_note(self, session: Session, note_id: str, text: str, *, words_noticed: bool = False) -> GuestNote:
        """The guest changes the words of a note of their own; who may read it stays as it was.

        Flagged words are shown once, then kept if they wish, as when it was written.
        """
        _own_session(session, "change their own notes")
        if not words_noticed:
            # Slow: before the step, not in it.
            self.ctx.notice_words(text)
        return self._change_words(session, note_id, text)

    @one_step
    def _change_words(self, session: Session, note_id: str, text: str) -> GuestNote:
        # Read again under the lock: the note as it is now (shared or not), not as the form saw it.
        note = self._entry(session, "note", note_id)
        assert isinstance(note, GuestNote)
        changed = replace(note, text=text)
        self.store.put(changed)
        return changed

    @one_step
    def share_note(self, session: Session, note_id: str, for_staff: bool) -> GuestNote:
        """The guest lets staff read a note, or takes that back."""
        _own_session(session, "change who reads their notes")
        note = self._entry(session, "note", note_id)
        assert isinstance(note, GuestNote)
        changed = replace(note, for_staff=for_staff)
        self.store.put(changed)
        return changed

    def notes(self, session: Session, guest_id: str) -> list[GuestNote]:
        """The guest's notes, oldest first: all of them for the guest, the shared ones for staff."""
        require_guest_or_staff(session, guest_id, "read notes")
        found = []
        for stay in self.stays.stays_of(session, guest_id):
            found += self.store.find(GuestNote, stay_id=stay.id, where={"guest_id": guest_id})
        if session.is_staff:
            found = [n for n in found if n.for_staff]
        return sorted(found, key=lambda n: n.written_at)

    def private_note_count(self, session: Session, guest_id: str) -> int:
        """How many notes the guest keeps just for themselves (a number only, for staff handing over a copy)."""
        require_guest_or_staff(session, guest_id, "count notes")
        found = 0
        for stay in self.stays.stays_of(session, guest_id):
            found += sum(
                1 for n in self.store.find(GuestNote, stay_id=stay.id, where={"guest_id": guest_id}) if not n.for_staff
            )
        return found

    # -- statements -------------------------------------------------------------

    def attach_statement(
        self, session: Session, kind: str, entry_id: str, text: str, *, words_noticed: bool = False
    ) -> Statement:
        """The guest's statement on an entry they disagree with (a new one replaces theirs)."""
        _own_session(session, "attach a statement")
        about = one_of(kind, STATEMENT_KINDS)
        if about is None:
            raise ServiceError("A statement goes with a check-in, a rating, an intention or a handover line.")
        stay_id = _stay_of(self._entry(session, about, entry_id))
        if not words_noticed:
            self.ctx.notice_words(text)
        with self.store.transaction():
            # Looked up under the lock: two terminals never leave two statements on one entry.
            existing = self.store.find(Statement, stay_id=stay_id, where={"about_kind": kind, "about_id": entry_id})
            statement = Statement(
                guest_id=session.person_id,
                stay_id=stay_id,
                about_kind=about,
                about_id=entry_id,
                text=text,
                written_at=self.clock.now(),
                **({"id": existing[0].id} if existing else {}),
            )
            self.store.put(statement)
        return statement

    def statements(self, session: Session, guest_id: str) -> dict[tuple[str, str], Statement]:
        """The guest's statements by (kind, entry id): they go wherever the entry goes."""
        require_guest_or_staff(session, guest_id, "read statements")
        return self._statements_in(self.stays.stays_of(session, guest_id), guest_id)

    def _statements_in(self, stays: Iterable[Stay], guest_id: str) -> dict[tuple[str, str], Statement]:
        found: dict[tuple[str, str], Statement] = {}
        for stay in stays:
            for s in self.store.find(Statement, stay_id=stay.id, where={"guest_id": guest_id}):
                found[(s.about_kind, s.about_id)] = s
        return found

    # -- asking to talk ---------------------------------------------------------

    @one_step
    def ask_to_talk(self, session: Session, kind: str, entry_id: str) -> TalkRequest:
        """ "I'd like to talk about this": staff see it on the board."""
        _own_session(session, "ask to talk about an entry")
        about = _kind(kind)
        stay_id = _stay_of(self._entry(session, about, entry_id))
        for open_one in self.store.find(TalkRequest, stay_id=stay_id, where={"about_id": entry_id, "talked_at": None}):
            return open_one
        request = TalkRequest(
            guest_id=session.person_id,
            stay_id=stay_id,
            about_kind=about,
            about_id=entry_id,
            asked_at=self.clock.now(),
        )
        self.store.put(request)
        return request

    def talk_requests(self, session: Session, guest_id: str) -> list[TalkRequest]:
        """The guest's requests to talk, oldest first (open and talked)."""
        require_guest_or_staff(session, guest_id, "read requests to talk")
        found = []
        for stay in self.stays.stays_of(session, guest_id):
            found += self.store.find(TalkRequest, stay_id=stay.id, where={"guest_id": guest_id})
        return sorted(found, key=lambda r: r.asked_at)

    @one_step
    def talked(self, session: Session, guest_id: str, request_id: str) -> TalkRequest:
        """Staff talked with the guest about it: the request leaves the board."""
        require_staff(session, "mark a talk as had")
        for stay in self.stays.stays_of(session, guest_id):
            request = self.store.get(TalkRequest, request_id, stay_id=stay.id)
            if request is not None and request.guest_id == guest_id:
                if not request.is_open:
                    return request
                done = replace(request, talked_at=self.clock.now(), talked_with=session.person_id)
                self.store.put(done)
                return done
        raise ServiceError("There is no such request to talk.")

    @one_step
    def undo_talked(self, session: Session, guest_id: str, request_id: str) -> TalkRequest:
        """Take back a talk marked as had by mistake in the last few minutes: it is on the board again.

        Only the person who marked it may take it back, so one worker never
        reopens what another has had with the guest.
        """
        require_staff(session, "mark a talk as had")
        for stay in self.stays.stays_of(session, guest_id):
            request = self.store.get(TalkRequest, request_id, stay_id=stay.id)
            if request is None or request.guest_id != guest_id:
                continue
            if request.is_open:
                raise ServiceError("This talk is not marked as had; there is nothing to take back.")
            if request.talked_with != session.person_id or not still_undoable(request.talked_at, self.clock.now()):
                raise ServiceError(f"Only a talk you marked as had in the last {UNDO_WORDS} can be taken back.")
            reopened = replace(request, talked_at=None, talked_with=None)
            self.store.put(reopened)
            return reopened
        raise ServiceError("There is no such request to talk.")

    def open_requests(self, session: Session) -> list[TalkWanted]:
        """Every open request to talk from guests staying, oldest first (for the board)."""
        require_staff(session, "see who would like to talk")
        wanted = []
        for stay in self.stays.staying(session):
            guest = self.store.get(Guest, stay.guest_id)
            if guest is None:
                continue
            try:
                requests = self.store.find(TalkRequest, stay_id=stay.id, where={"talked_at": None})
            except StoreDamaged:
                continue  # the board names the damaged stay file on that guest's row
            for request in requests:
                wanted.append(TalkWanted(request, guest.chosen_name, stay.room, ENTRY_KINDS[request.about_kind]))
        return sorted(wanted, key=lambda w: w.request.asked_at)
