"""The house board: each room, who is in it, and what is due."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import Guest, Stay, stay_day_words
from crisishouse.services.check_ins import CheckIns, CheckInTiming
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.erasure import Departed, Erasures
from crisishouse.services.guest_voice import GuestVoice, TalkWanted
from crisishouse.services.rhythm import Rhythm, RhythmEntry
from crisishouse.services.session import Session, checks_sessions, require_staff
from crisishouse.services.stays import Stays
from crisishouse.store import StoreDamaged


@dataclass(frozen=True)
class RoomLine:
    """One room on the board."""

    room: str
    guest: Guest | None = None
    stay: Stay | None = None
    day_n: int = 0
    of_m: int = 0
    """Planned nights."""
    timing: CheckInTiming | None = None
    out_tonight: bool = False
    longest_note: str | None = None
    last_statement: str = ""
    """The guest's own statement on their last check-in, if they made one: it goes where the check-in goes."""
    damaged: str = ""
    """Why this stay's own file cannot be read, if it cannot: the rest of the board still shows."""
    damaged_path: Path | None = None
    """That file, to offer its newest good backup."""

    @property
    def stay_words(self) -> str:
        """ "day 3 of 7", "leaving today" or "day 9, planned to leave" (the stay's one rule); "" for an empty room."""
        return stay_day_words(self.day_n, self.of_m) if self.stay is not None else ""


@dataclass(frozen=True)
class BoardView:
    """Everything the board shows at one moment."""

    at: pendulum.DateTime
    rooms: tuple[RoomLine, ...]
    rhythm_now: RhythmEntry | None
    rhythm_next: RhythmEntry | None
    arrived_today: tuple[RoomLine, ...] = ()
    leaving_today: tuple[RoomLine, ...] = ()
    talk_wanted: tuple[TalkWanted, ...] = ()
    """Guests who marked an entry "I'd like to talk about this", oldest first."""
    to_erase: tuple[Departed, ...] = ()
    """Guests who left choosing erasure, whose record is still to be handed over and erased."""
    past_retention: int = 0
    """Departed guests kept past the house's retention (shown to the manager)."""

    @property
    def staying(self) -> tuple[RoomLine, ...]:
        return tuple(r for r in self.rooms if r.stay is not None)

    @property
    def check_ins_due(self) -> tuple[RoomLine, ...]:
        """Guests whose check-in slot has passed without one, earliest first."""
        due = [(r.timing.next_due, r) for r in self.staying if r.timing and r.timing.overdue and r.timing.next_due]
        return tuple(r for _, r in sorted(due, key=lambda pair: pair[0]))


@checks_sessions
class Board(Service):
    """Builds the board for staff and the manager."""

    def __init__(
        self,
        ctx: HouseContext,
        check_ins: CheckIns,
        rhythm: Rhythm,
        stays: Stays,
        voice: GuestVoice,
        erasures: Erasures,
    ) -> None:
        super().__init__(ctx)
        self.check_ins = check_ins
        self.rhythm = rhythm
        self.stays = stays
        self.voice = voice
        self.erasures = erasures

    def _line(
        self, session: Session, room: str, guest: Guest | None, stay: Stay, day_n: int, of_m: int, today: pendulum.Date
    ) -> RoomLine:
        """A staying guest's row, from their stay's own file."""
        timing = self.check_ins.timing(session, stay)
        said = self.voice.statements(session, stay.guest_id) if timing.last is not None else {}
        statement = said.get(("check_in", timing.last.id)) if timing.last is not None else None
        return RoomLine(
            room,
            guest,
            stay,
            day_n,
            of_m,
            timing,
            out_tonight=today in stay.nights_out,
            longest_note=self.stays.longest_stay_note(session, stay),
            last_statement=statement.text if statement else "",
        )

    def view(self, session: Session) -> BoardView:
        """The board now. Guests are refused: it shows other guests."""
        require_staff(session, "see the house board")
        now = self.clock.now()
        tz = self.settings.time_zone
        today = house_today(now, tz)
        stays = {s.room: s for s in self.stays.staying(session)}
        rooms = list(self.settings.rooms)
        rooms += sorted(r for r in stays if r not in rooms)
        lines = []
        for room in rooms:
            stay = stays.get(room)
            if stay is None:
                lines.append(RoomLine(room))
                continue
            day_n, of_m = stay.day_of(today, tz)
            guest = self.store.get(Guest, stay.guest_id)
            try:
                lines.append(self._line(session, room, guest, stay, day_n, of_m, today))
            except StoreDamaged as damaged:
                # One damaged stay file is named on its own row; it never hides the house.
                lines.append(RoomLine(room, guest, stay, day_n, of_m, damaged=str(damaged), damaged_path=damaged.path))
        current, upcoming = self.rhythm.now_and_next(now)
        staying = [r for r in lines if r.stay is not None]
        arrived = tuple(r for r in staying if r.day_n == 1)
        leaving = tuple(r for r in staying if r.stay is not None and r.stay.planned_leaving <= today)
        past = self.erasures.past_retention_count(session) if session.is_manager else 0
        return BoardView(
            now,
            tuple(lines),
            current,
            upcoming,
            arrived,
            leaving,
            tuple(self.voice.open_requests(session)),
            tuple(self.erasures.waiting(session)),
            past,
        )
