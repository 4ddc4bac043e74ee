"""A staff member's own wellbeing checks: private to them (principle 8)."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from crisishouse.models import StaffMember, StaffWellbeingCheck
from crisishouse.models.wellbeing import FOUR_WALLS
from crisishouse.services.context import Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.session import Session, checks_sessions, require_manager, require_staff
from crisishouse.services.staff_records import find_between

# How far back a request for a chat still stands.
CHAT_REQUEST_DAYS = 28
TREND_CHECKS = 10


@dataclass(frozen=True)
class TrendPoint:
    """One of the caller's own checks as a single number (the walls' average)."""

    at: pendulum.DateTime
    score: float


@dataclass(frozen=True)
class ChatRequest:
    """Who asked for a chat with the manager, and when: nothing else."""

    staff_id: str
    name: str
    asked_at: pendulum.DateTime


@checks_sessions
class StaffWellbeing(Service):
    """Checks are written and read only by the staff member they belong to.

    There is deliberately no way to ask for another person's checks: the
    manager gets `chat_requests` (a name and a time) and nothing more.
    """

    def check(
        self,
        session: Session,
        ratings: dict[str, int] | None,
        overall: int | None,
        own_words: str = "",
        wants_chat: bool = False,
    ) -> StaffWellbeingCheck:
        """Record one's own check, on the house's scale."""
        require_staff(session, "record a staff wellbeing check")
        if self.settings.staff_wellbeing_scale == "four_walls":
            if overall is not None or not ratings:
                raise ServiceError("This house rates the four walls (Te Whare Tapa Whā), not a single scale.")
            missing = [FOUR_WALLS[w] for w in FOUR_WALLS if w not in ratings]
            unknown = sorted(set(ratings) - set(FOUR_WALLS))
            if unknown:
                raise ServiceError(f"Not one of the four walls: {', '.join(unknown)}.")
            if missing:
                raise ServiceError(f"Rate all four walls; missing {', '.join(missing)}.")
            values = dict(ratings)
        else:
            if ratings:
                raise ServiceError("This house uses a single scale, not the four walls.")
            if overall is None:
                raise ServiceError("Say how you are going on the single scale, 0 to 10.")
            values = {}
        record = StaffWellbeingCheck(
            staff_id=session.person_id,
            at=self.clock.now(),
            overall=overall,
            own_words=own_words,
            wants_chat=bool(wants_chat),
            tinana=values.get("tinana"),
            hinengaro=values.get("hinengaro"),
            whanau=values.get("whanau"),
            wairua=values.get("wairua"),
        )
        self.store.put(record)
        return record

    def my_checks(self, session: Session) -> list[StaffWellbeingCheck]:
        """The caller's own checks, newest first."""
        require_staff(session, "see their wellbeing checks")
        return self._checks_of(session.person_id)

    def my_trend(self, session: Session) -> list[TrendPoint]:
        """The caller's last few checks as one number each, oldest first."""
        require_staff(session, "see their wellbeing trend")
        recent = self._checks_of(session.person_id, newest=TREND_CHECKS)
        return [TrendPoint(c.at, _score(c)) for c in reversed(recent)]

    def chat_requests(self, session: Session) -> list[ChatRequest]:
        """Staff whose latest check (in the last 28 days) asks for a chat, oldest ask first."""
        require_manager(session, "see who would like a chat")
        names = {m.id: m.name for m in self.store.find(StaffMember)}
        requests = []
        for staff_id, asked_at in self._latest_wants_chat().items():
            if asked_at is not None and staff_id in names:
                requests.append(ChatRequest(staff_id, names[staff_id], asked_at))
        return sorted(requests, key=lambda r: r.asked_at)

    def _latest_wants_chat(self) -> dict[str, pendulum.DateTime | None]:
        """Each staff member's latest check's ask for a chat (its time, or None): a flag, no ratings."""
        now = self.clock.now()
        since = now.subtract(days=CHAT_REQUEST_DAYS)
        latest: dict[str, StaffWellbeingCheck] = {}
        for c in find_between(self.store, StaffWellbeingCheck, since.date(), now.date()):
            if since <= c.at <= now and (c.staff_id not in latest or c.at > latest[c.staff_id].at):
                latest[c.staff_id] = c
        return {sid: (c.at if c.wants_chat else None) for sid, c in latest.items()}

    def _checks_of(self, staff_id: str, newest: int | None = None) -> list[StaffWellbeingCheck]:
        """Their checks, newest first; with `newest`, only that many, reading back month by month.

        Checks are filed by month: the trend needs the last few, not ten
        years of every staff member's.
        """
        found: list[StaffWellbeingCheck] = []
        for month in reversed(self.store.months_with_data()):
            found += self.store.find(StaffWellbeingCheck, months=[month], where={"staff_id": staff_id})
            if newest is not None and len(found) >= newest:
                break
        found.sort(key=lambda c: c.at, reverse=True)
        return found if newest is None else found[:newest]


def _score(check: StaffWellbeingCheck) -> float:
    if check.overall is not None:
        return float(check.overall)
    walls = [getattr(check, w) for w in FOUR_WALLS]
    return round(sum(walls) / len(walls), 1)
