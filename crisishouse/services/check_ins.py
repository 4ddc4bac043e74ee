"""Check-ins: recording them, and when each guest's next one is due."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from crisishouse.housetime import house_today, wall_clock_or_next
from crisishouse.models import CHECK_IN_OUTCOMES, CheckIn, Stay
from crisishouse.models.checks import one_of
from crisishouse.services.context import Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.session import (
    Session,
    checks_sessions,
    require_staff,
    saved_stay,
)

# A check-in this long before a slot still counts for it.
EARLY_GRACE = pendulum.duration(minutes=30)


@dataclass(frozen=True)
class CheckInTiming:
    """A guest's last check-in and the next one due."""

    last: CheckIn | None
    next_due: pendulum.DateTime | None
    """The slot due (UTC); None only when the house has no check-in times."""
    overdue: bool
    """The slot has passed with no check-in: shown plainly, never as an alarm."""


NONE_DUE = "none due"
"""Shown where a next check-in would be when none is due (a house with no check-in times)."""


@checks_sessions
class CheckIns(Service):
    """Recording check-ins and working out what is due."""

    def record(
        self, session: Session, stay: Stay, outcome: str, note: str = "", *, words_noticed: bool = False
    ) -> CheckIn:
        """Record a check-in with a guest who is staying.

        A note holding flagged language is refused until whoever writes it
        has seen what was found (`words_noticed`): a guest's own words are
        theirs to keep, but never unnoticed.
        """
        require_staff(session, "record a check-in")
        chosen = one_of(outcome, CHECK_IN_OUTCOMES)
        if chosen is None:
            raise ServiceError(f"Unknown check-in outcome {outcome!r}.")
        if not words_noticed:
            self.ctx.notice_words(note)
        with self.store.transaction():
            # The stay as it is on disk: never the screen's copy, which may
            # be from before the guest left or was erased.
            current = self.store.get(Stay, stay.id)
            if current is None:
                raise ServiceError("There is no such stay.")
            if not current.is_staying:
                raise ServiceError("This guest has left; check-ins are for guests staying.")
            check_in = CheckIn(
                guest_id=current.guest_id,
                stay_id=current.id,
                at=self.clock.now(),
                outcome=chosen,
                recorded_by=session.person_id,
                note=note,
            )
            self.store.put(check_in)
        return check_in

    def for_stay(self, session: Session, stay: Stay) -> list[CheckIn]:
        """A stay's check-ins, oldest first (the guest's own, or any for staff)."""
        # Only the id is taken from the caller: whose stay it is is read as saved.
        stay = saved_stay(self.store, session, stay.id, "read check-ins")
        return sorted(self.store.find(CheckIn, stay_id=stay.id), key=lambda c: c.at)

    def slots(self, day: pendulum.Date) -> list[pendulum.DateTime]:
        """The day's check-in times as instants (moved past a DST gap if need be).

        Empty when the house has no check-in times: callers never index it.
        """
        tz = self.settings.time_zone
        return sorted(wall_clock_or_next(day, t, tz)[0] for t in self.settings.check_in_times)

    def _while_out(self, stay: Stay, slot: pendulum.DateTime) -> bool:
        """A slot from noon on a night out to noon the next day is not due."""
        local = slot.in_timezone(self.settings.time_zone)
        night = local.date() if local.hour >= 12 else local.date().subtract(days=1)
        return night in stay.nights_out

    def _due_slots(self, stay: Stay, day: pendulum.Date) -> list[pendulum.DateTime]:
        """The day's slots this guest is due for: not while out, not before arriving."""
        return [s for s in self.slots(day) if s >= stay.arrived_at and not self._while_out(stay, s)]

    def _latest_passed(self, stay: Stay, now: pendulum.DateTime, today: pendulum.Date) -> pendulum.DateTime | None:
        """The latest slot since yesterday that has come (older ones are not chased)."""
        passed = [s for s in self._due_slots(stay, today.subtract(days=1)) + self._due_slots(stay, today) if s <= now]
        return passed[-1] if passed else None

    def _next_slot(self, stay: Stay, now: pendulum.DateTime, today: pendulum.Date) -> pendulum.DateTime | None:
        """The first slot after `now` this guest is due for, searching forward day by day.

        Nights out can skip any number of days, so the search runs to two
        days past the last night out (or the arrival) and no further: after
        that every day has slots. None only when the house has no check-in times.
        """
        if not self.settings.check_in_times:
            return None
        tz = self.settings.time_zone
        day = max(today, house_today(stay.arrived_at, tz))
        last_day = max([day.add(days=1), *(night.add(days=2) for night in stay.nights_out)])
        while day <= last_day:
            upcoming = [s for s in self._due_slots(stay, day) if s > now]
            if upcoming:
                return upcoming[0]
            day = day.add(days=1)
        return None

    def timing(self, session: Session, stay: Stay, check_ins: list[CheckIn] | None = None) -> CheckInTiming:
        """When this guest's next check-in is due, and whether one is overdue (see `due`)."""
        # The stay as saved (its arrival, its nights out, whose it is), never the caller's copy.
        stay = saved_stay(self.store, session, stay.id, "read check-ins")
        if check_ins is None:
            check_ins = self.for_stay(session, stay)
        return self.due(stay, check_ins)

    def due(self, stay: Stay, check_ins: list[CheckIn]) -> CheckInTiming:
        """The timing worked out from a stay and its check-ins as given (it reads nothing saved).

        Overdue: the latest slot since yesterday has passed and no check-in
        came at or after it, less the early grace.
        """
        now = self.clock.now()
        last = check_ins[-1] if check_ins else None
        today = house_today(now, self.settings.time_zone)
        latest_slot = self._latest_passed(stay, now, today)
        if latest_slot is not None and not any(c.at >= latest_slot - EARLY_GRACE for c in check_ins):
            return CheckInTiming(last, latest_slot, overdue=True)
        return CheckInTiming(last, self._next_slot(stay, now, today), overdue=False)
