"""A guest's own wellbeing ratings on the four walls of Te Whare Tapa Whā."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pendulum

from crisishouse.models import FOUR_WALLS, WellbeingRating
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import NotAllowed, ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_guest_or_staff
from crisishouse.services.stays import Stays


@dataclass(frozen=True)
class WallTrend:
    """One wall's ratings over a stay, oldest first: the guest's own numbers."""

    wall: str
    label: str
    points: tuple[tuple[pendulum.DateTime, int], ...]

    @property
    def values(self) -> list[int]:
        return [v for _at, v in self.points]


@checks_sessions
class Wellbeing(Service):
    """Rating is the guest's: in their own session, or by staff with them."""

    def __init__(self, ctx: HouseContext, stays: Stays) -> None:
        super().__init__(ctx)
        self.stays = stays

    @one_step
    def rate(
        self,
        session: Session,
        guest_id: str,
        ratings: dict[str, int],
        own_words: str = "",
        with_guest: bool = False,
    ) -> WellbeingRating:
        """Record a rating of the four walls (each 0 to 10)."""
        require_guest_or_staff(session, guest_id, "rate wellbeing")
        if session.is_staff and not with_guest:
            raise NotAllowed(
                "A guest's wellbeing is rated by the guest. Staff enter it only with the guest, and say so."
            )
        stay = self.stays.current_stay_of(session, guest_id)
        if stay is None:
            raise ServiceError("Ratings are made during a stay.")
        missing = [FOUR_WALLS[w] for w in FOUR_WALLS if w not in ratings]
        if missing:
            raise ServiceError(f"Rate each of the four walls; missing {', '.join(missing)}.")
        rating = WellbeingRating(
            guest_id=guest_id,
            stay_id=stay.id,
            at=self.clock.now(),
            entered_by=session.person_id,
            with_guest=True,
            own_words=own_words,
            tinana=ratings["tinana"],
            hinengaro=ratings["hinengaro"],
            whanau=ratings["whanau"],
            wairua=ratings["wairua"],
        )
        self.store.put(rating)
        return rating

    @one_step
    def share_in_handover(self, session: Session, guest_id: str, share: bool, with_guest: bool = False) -> None:
        """The guest chooses whether their latest ratings go into the handover."""
        require_guest_or_staff(session, guest_id, "choose what the handover shares")
        if session.is_staff and not with_guest:
            raise NotAllowed("Whether ratings are shared is the guest's choice: change it only with the guest.")
        stay = self.stays.current_stay_of(session, guest_id)
        if stay is None:
            raise ServiceError("Sharing is chosen during a stay.")
        self.store.put(replace(stay, share_ratings=share))

    def for_stay(self, session: Session, guest_id: str, stay_id: str) -> list[WellbeingRating]:
        """The ratings of one of the guest's stays, oldest first."""
        require_guest_or_staff(session, guest_id, "read wellbeing ratings")
        found = self.store.find(WellbeingRating, stay_id=stay_id, where={"guest_id": guest_id})
        return sorted(found, key=lambda r: r.at)

    def trends(self, session: Session, guest_id: str, stay_id: str) -> list[WallTrend]:
        """Each wall's ratings over the stay. No total, no label: the guest's numbers."""
        ratings = self.for_stay(session, guest_id, stay_id)
        return [
            WallTrend(wall, label, tuple((r.at, getattr(r, wall)) for r in ratings))
            for wall, label in FOUR_WALLS.items()
        ]
