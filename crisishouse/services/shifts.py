"""The house's shifts as real spans of time, right across midnight and daylight saving."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from crisishouse.housetime import house_today, wall_clock_or_next
from crisishouse.settings import Settings


@dataclass(frozen=True)
class ShiftTime:
    """One shift on one day: its name and when it starts and ends (UTC)."""

    name: str
    day: pendulum.Date
    """The house date the shift starts on."""
    starts: pendulum.DateTime
    ends: pendulum.DateTime

    @property
    def hours(self) -> float:
        return (self.ends - self.starts).total_seconds() / 3600

    def words(self, tz: str) -> str:
        """ "Tuesday 24 November, afternoon shift 15:00 to 23:00"."""
        start, end = self.starts.in_timezone(tz), self.ends.in_timezone(tz)
        return f"{start.format('dddd D MMMM')}, {self.name} shift {start.format('HH:mm')} to {end.format('HH:mm')}"


class Shifts:
    """Shift times from the house's pattern."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def on(self, day: pendulum.Date) -> list[ShiftTime]:
        """The shifts starting on `day`, in order."""
        tz = self.settings.time_zone
        found = []
        for pattern in self.settings.shifts:
            starts = wall_clock_or_next(day, pattern.start, tz)[0]
            end_day = day.add(days=1) if pattern.crosses_midnight else day
            ends = wall_clock_or_next(end_day, pattern.end, tz)[0]
            found.append(ShiftTime(pattern.name, day, starts, ends))
        return sorted(found, key=lambda s: s.starts)

    def at(self, instant: pendulum.DateTime) -> ShiftTime:
        """The shift on at `instant` (the latest started, if patterns leave a gap)."""
        today = house_today(instant, self.settings.time_zone)
        candidates = self.on(today.subtract(days=1)) + self.on(today)
        started = [s for s in candidates if s.starts <= instant]
        for shift in reversed(started):
            if instant < shift.ends:
                return shift
        return started[-1]

    def after(self, shift: ShiftTime) -> ShiftTime:
        """The shift that follows."""
        upcoming = [s for s in self.on(shift.day) + self.on(shift.day.add(days=1)) if s.starts > shift.starts]
        return upcoming[0]

    def named(self, day: pendulum.Date, name: str) -> ShiftTime:
        for shift in self.on(day):
            if shift.name == name:
                return shift
        raise ValueError(f"The house has no {name!r} shift.")
