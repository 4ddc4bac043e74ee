"""Mental health days ("duvet days"): taken without a reason, counted by leave year."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import MentalHealthDay
from crisishouse.services.context import Service
from crisishouse.services.errors import NotAllowed, ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_staff
from crisishouse.services.staff_records import find_between, shifts_on_days, staff_member


@dataclass(frozen=True)
class Allowance:
    """Mental health days used and left in one leave year."""

    staff_id: str
    year_starts: pendulum.Date
    year_ends: pendulum.Date
    """The last day of the leave year."""
    allowed: int
    used: int

    @property
    def left(self) -> int:
        return max(self.allowed - self.used, 0)


def leave_year(day: pendulum.Date, starts: str) -> tuple[pendulum.Date, pendulum.Date]:
    """The first and last day of the leave year (starting "MM-DD") that holds `day`."""
    month, date = (int(part) for part in starts.split("-"))
    first = _clamped(day.year, month, date)
    if day < first:
        first = _clamped(day.year - 1, month, date)
    return first, _clamped(first.year + 1, month, date).subtract(days=1)


def _clamped(year: int, month: int, day: int) -> pendulum.Date:
    # A year starting 02-29 starts on 28 February in other years.
    last = pendulum.date(year, month, 1).days_in_month
    return pendulum.date(year, month, min(day, last))


@checks_sessions
class MentalHealthDays(Service):
    """Taking days and counting them. No reason is asked or kept."""

    def _today(self) -> pendulum.Date:
        return house_today(self.clock.now(), self.settings.time_zone)

    @one_step
    def take(self, session: Session, day: pendulum.Date) -> MentalHealthDay:
        """Take a mental health day, today or ahead, for oneself.

        Shifts the person was rostered on that day (not yet signed on to) come
        off the roster, so the manager's gap view shows them as gaps.
        """
        require_staff(session, "take a mental health day")
        member = staff_member(self.store, session.person_id)
        if day < self._today():
            raise ServiceError("A mental health day is for today or a day ahead, not a past day.")
        taken = self._days_taken(member.id, day, day)
        if taken:
            raise ServiceError(f"You already have a mental health day on {day.format('dddd D MMMM')}.")
        allowance = self._allowance_on(member.id, day)
        if allowance.left < 1:
            raise ServiceError(
                f"You have used all {allowance.allowed} of your mental health days in the leave year "
                f"{allowance.year_starts.format('D MMMM YYYY')} to {allowance.year_ends.format('D MMMM YYYY')}."
            )
        record = MentalHealthDay(staff_id=member.id, day=day, recorded_at=self.clock.now())
        self.store.put(record)
        for shift in shifts_on_days(self.store, day, day, staff_id=member.id):
            if shift.signed_on_at is None:
                self.store.remove(shift)
        return record

    def allowance(self, session: Session, staff_id: str | None = None) -> Allowance:
        """Used and left in the leave year holding today: one's own, or (manager) anyone's."""
        require_staff(session, "see mental health days")
        staff_id = staff_id or session.person_id
        if staff_id != session.person_id and not session.is_manager:
            raise NotAllowed("Only the house manager can see another staff member's mental health days.")
        staff_member(self.store, staff_id)
        return self._allowance_on(staff_id, self._today())

    def _allowance_on(self, staff_id: str, day: pendulum.Date) -> Allowance:
        """The allowance in the leave year that holds `day`."""
        first, last = leave_year(day, self.settings.leave_year_starts)
        used = len(self._days_taken(staff_id, first, last))
        return Allowance(staff_id, first, last, self.settings.mental_health_days_a_year, used)

    def _days_taken(self, staff_id: str, start: pendulum.Date, end: pendulum.Date) -> list[MentalHealthDay]:
        """One person's mental health days from `start` to `end`."""
        found = find_between(self.store, MentalHealthDay, start, end, staff_id=staff_id)
        return sorted((m for m in found if start <= m.day <= end), key=lambda m: m.day)
