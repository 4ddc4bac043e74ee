"""Finding staff records in the month-sharded store, and plain facts about shifts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import pendulum

from crisishouse.housetime import start_of_day
from crisishouse.models import Shift, StaffMember
from crisishouse.services.errors import ServiceError
from crisishouse.store import Store, month_of

T = TypeVar("T")


def months_between(start: pendulum.Date, end: pendulum.Date) -> list[str]:
    """The months from `start` to `end`, with a day's margin either side.

    The margin catches records sharded by a UTC instant near a month's edge.
    """
    months: list[str] = []
    day = start.subtract(days=1)
    last = end.add(days=1)
    while day <= last:
        month = month_of(day)
        if month not in months:
            months.append(month)
        day = day.add(days=1)
    return months


def find_between(store: Store, cls: type[T], start: pendulum.Date, end: pendulum.Date, **where: object) -> list[T]:
    """Records of a month-sharded kind from the months around `start`..`end`."""
    return store.find(cls, months=months_between(start, end), where=where or None)


def find_anywhere(store: Store, cls: type[T], record_id: str) -> T | None:
    """One month-sharded record by id, whichever month holds it."""
    for month in reversed(store.months_with_data()):
        found = store.get(cls, record_id, month=month)
        if found is not None:
            return found
    return None


def find_all(store: Store, cls: type[T], **where: object) -> list[T]:
    """Every record of a month-sharded kind (a small house: a file a month)."""
    return store.find(cls, months=store.months_with_data(), where=where or None)


def shifts_on_days(store: Store, start: pendulum.Date, end: pendulum.Date, **where: object) -> list[Shift]:
    """Shifts whose house date is from `start` to `end` (inclusive), in time order."""
    found = [s for s in find_between(store, Shift, start, end, **where) if start <= s.day <= end]
    return sorted(found, key=lambda s: (s.starts_at, s.name, s.staff_id))


def staff_member(store: Store, staff_id: str) -> StaffMember:
    """An active staff member, or a clear refusal."""
    member = store.get(StaffMember, staff_id)
    if member is None:
        raise ServiceError("There is no such staff member.")
    if not member.active:
        raise ServiceError(f"{member.name} is no longer on the staff.")
    return member


def active_staff(store: Store) -> list[StaffMember]:
    return [m for m in store.find(StaffMember) if m.active]


def hours_of(shift: Shift) -> float:
    """Actual hours where signed on and off, else the rostered hours."""
    return shift.hours


def is_night(shift: Shift, tz: str) -> bool:
    """A shift that runs across midnight in the house's time."""
    return shift.ends_at.in_timezone(tz).date() > shift.starts_at.in_timezone(tz).date()


def touches(shift: Shift, day: pendulum.Date, tz: str) -> bool:
    """The shift covers some of the house's date `day`."""
    return shift.starts_at < start_of_day(day.add(days=1), tz) and shift.ends_at > start_of_day(day, tz)


def run_ending(days: Iterable[pendulum.Date], day: pendulum.Date) -> int:
    """How many dates in a row, ending on `day`, are in `days`."""
    present = set(days)
    count = 0
    while day.subtract(days=count) in present:
        count += 1
    return count


def longest_run(days: Iterable[pendulum.Date]) -> int:
    """The longest stretch of consecutive dates in `days`."""
    present = set(days)
    return max((run_ending(present, d) for d in present), default=0)
