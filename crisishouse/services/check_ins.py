"""Check-ins: recording them, and when each guest's next one is due."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pendulum

from crisishouse.clock import Clock
from crisishouse.housetime import house_today, wall_clock_or_next
from crisishouse.models import CHECK_IN_OUTCOMES, CheckIn, Stay
from crisishouse.services.errors import ServiceError
from crisishouse.services.session import Session, require_guest_or_staff, require_staff
from crisishouse.settings import Settings
from crisishouse.store import Store

# A check-in this long before a slot still counts for it.
EARLY_GRACE = pendulum.duration(minutes=30)


@dataclass(frozen=True)
class CheckInTiming:
    """A guest's last check-in and the next one due."""

    last: CheckIn | None
    next_due: pendulum.DateTime
    overdue: bool
    """The slot has passed with no check-in: shown plainly, never as an alarm."""


WordCheck = Callable[[str], None]
"""Reviews words before they are kept; raises ServiceError to refuse them."""


def accept_words(_text: str) -> None:
    """Until the house has a language check, words are kept as written."""


class CheckIns:
    """Recording check-ins and working out what is due."""

    def __init__(self, store: Store, settings: Settings, clock: Clock, check_words: WordCheck = accept_words) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.check_words = check_words
        """The one place a note's words are reviewed (the language check plugs in here)."""

    def record(
        self, session: Session, stay: Stay, outcome: str, note: str = "", *, words_noticed: bool = False
    ) -> CheckIn:
        """Record a check-in with a guest who is staying.

        A note holding flagged language is refused until whoever writes it
        has seen what was found (`words_noticed`): a guest's own words are
        theirs to keep, but never unnoticed.
        """
        require_staff(session, "record a check-in")
        if outcome not in CHECK_IN_OUTCOMES:
            raise ServiceError(f"Unknown check-in outcome {outcome!r}.")
        # Read again: the screen's copy may be from before the guest left.
        stay = self.store.get(Stay, stay.id) or stay
        if not stay.is_staying:
            raise ServiceError("This guest has left; check-ins are for guests staying.")
        if not words_noticed:
            self.check_words(note)
        check_in = CheckIn(
            guest_id=stay.guest_id,
            stay_id=stay.id,
            at=self.clock.now(),
            outcome=outcome,  # type: ignore[arg-type]
            recorded_by=session.person_id,
            note=note,
        )
        self.store.put(check_in)
        return check_in

    def for_stay(self, session: Session, stay: Stay) -> list[CheckIn]:
        """A stay's check-ins, oldest first (the guest's own, or any for staff)."""
        require_guest_or_staff(session, stay.guest_id, "read check-ins")
        return sorted(self.store.find(CheckIn, stay_id=stay.id), key=lambda c: c.at)

    def slots(self, day: pendulum.Date) -> list[pendulum.DateTime]:
        """The day's check-in times as instants (moved past a DST gap if need be)."""
        tz = self.settings.time_zone
        return sorted(wall_clock_or_next(day, t, tz)[0] for t in self.settings.check_in_times)

    def _while_out(self, stay: Stay, slot: pendulum.DateTime) -> bool:
        """A slot from noon on a night out to noon the next day is not due."""
        local = slot.in_timezone(self.settings.time_zone)
        night = local.date() if local.hour >= 12 else local.date().subtract(days=1)
        return night in stay.nights_out

    def timing(self, session: Session, stay: Stay, check_ins: list[CheckIn] | None = None) -> CheckInTiming:
        """When this guest's next check-in is due, and whether one is overdue."""
        now = self.clock.now()
        if check_ins is None:
            check_ins = self.for_stay(session, stay)
        last = check_ins[-1] if check_ins else None
        today = house_today(now, self.settings.time_zone)
        slots = self.slots(today.subtract(days=1)) + self.slots(today) + self.slots(today.add(days=1))
        slots = [s for s in slots if not self._while_out(stay, s)]
        passed = [s for s in slots if s <= now and s >= stay.arrived_at]
        if passed:
            latest_slot = passed[-1]
            done = last is not None and last.at >= latest_slot - EARLY_GRACE
            if not done:
                return CheckInTiming(last, latest_slot, overdue=True)
        upcoming = [s for s in slots if s > now]
        return CheckInTiming(last, upcoming[0], overdue=False)
