"""A guest's own view of their stay: only ever their own record."""

from __future__ import annotations

from dataclasses import dataclass

from crisishouse.clock import Clock
from crisishouse.housetime import house_today
from crisishouse.models import CheckIn, Guest, Stay
from crisishouse.services.board import stay_day
from crisishouse.services.errors import NotAllowed
from crisishouse.services.rhythm import Rhythm, RhythmEntry
from crisishouse.services.session import Session, require_guest_or_staff
from crisishouse.settings import Settings
from crisishouse.store import Store


@dataclass(frozen=True)
class OwnStayView:
    """What a guest sees of their own stay."""

    guest: Guest
    stay: Stay | None
    day_n: int
    of_m: int
    check_ins: tuple[CheckIn, ...]
    rhythm_now: RhythmEntry | None
    rhythm_next: RhythmEntry | None


class OwnStay:
    """The guest's own stay, for the guest (or staff with them)."""

    def __init__(self, store: Store, settings: Settings, clock: Clock, rhythm: Rhythm) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.rhythm = rhythm

    def view(self, session: Session, guest_id: str) -> OwnStayView:
        """A guest's stay; a guest session may ask only for its own."""
        require_guest_or_staff(session, guest_id, "open a stay")
        guest = self.store.get(Guest, guest_id)
        if guest is None:
            raise NotAllowed("There is no such guest.")
        stays = sorted(self.store.find(Stay, where={"guest_id": guest_id}), key=lambda s: s.arrived_at)
        stay = stays[-1] if stays else None
        now = self.clock.now()
        day_n = of_m = 0
        check_ins: tuple[CheckIn, ...] = ()
        if stay is not None:
            day_n, of_m = stay_day(stay, house_today(now, self.settings.time_zone), self.settings.time_zone)
            check_ins = tuple(sorted(self.store.find(CheckIn, stay_id=stay.id), key=lambda c: c.at))
        current, upcoming = self.rhythm.now_and_next(now)
        return OwnStayView(guest, stay, day_n, of_m, check_ins, current, upcoming)
