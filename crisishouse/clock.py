"""The clock the house runs on, injectable so tests can fix the time."""

from __future__ import annotations

import pendulum


class Clock:
    """The real clock. Every instant it gives is in UTC."""

    def now(self) -> pendulum.DateTime:
        """The current instant, in UTC."""
        return pendulum.now("UTC")


class FixedClock(Clock):
    """A clock that stands still until told to move (for tests and demos)."""

    def __init__(self, at: pendulum.DateTime) -> None:
        self._at = at.in_timezone("UTC")

    def now(self) -> pendulum.DateTime:
        return self._at

    def set(self, at: pendulum.DateTime) -> None:
        """Move the clock to `at`."""
        self._at = at.in_timezone("UTC")

    def advance(self, *, years: int = 0, days: int = 0, hours: int = 0, minutes: int = 0, seconds: float = 0) -> None:
        """Move the clock forward, e.g. `advance(minutes=6)`."""
        self._at = self._at.add(years=years, days=days, hours=hours, minutes=minutes, seconds=seconds)
