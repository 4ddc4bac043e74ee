"""The house's day: everyday items from the settings, one-off changes by date."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from crisishouse.housetime import house_today, wall_clock_or_next
from crisishouse.models import RhythmItem
from crisishouse.settings import Settings
from crisishouse.store import Store


@dataclass(frozen=True)
class RhythmEntry:
    """An item of one particular day, placed at its real instant."""

    at: pendulum.DateTime
    """UTC instant; shown in the house's zone."""
    what: str
    note: str | None = None
    """Set when a daylight-saving change moved the item."""


class Rhythm:
    """The daily rhythm, in the house's own time."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    def day(self, day: pendulum.Date) -> list[RhythmEntry]:
        """The items of `day` in order, one-off changes applied."""
        tz = self.settings.time_zone
        items = [(d.time, d.what, None) for d in self.settings.rhythm]
        stored = self.store.find(RhythmItem)
        items += [(i.time, i.what, i.id) for i in stored if i.on_day is None]
        one_offs = [i for i in stored if i.on_day == day]
        replaced = {i.replaces for i in one_offs if i.replaces}
        entries = []
        for time, what, item_id in items:
            if item_id is not None and item_id in replaced:
                continue
            at, note = wall_clock_or_next(day, time, tz)
            entries.append(RhythmEntry(at, what, note))
        for item in one_offs:
            if not item.cancelled:
                at, note = wall_clock_or_next(day, item.time, tz)
                entries.append(RhythmEntry(at, item.what, note))
        return sorted(entries, key=lambda e: e.at)

    def now_and_next(
        self, instant: pendulum.DateTime
    ) -> tuple[RhythmEntry | None, RhythmEntry | None]:
        """What is on now (the latest item begun today) and what comes next."""
        today = house_today(instant, self.settings.time_zone)
        todays = self.day(today)
        current = None
        upcoming = None
        for entry in todays:
            if entry.at <= instant:
                current = entry
            elif upcoming is None:
                upcoming = entry
        if current is None:
            # Before the day's first item, what is on is yesterday's last.
            yesterday = self.day(today.subtract(days=1))
            current = yesterday[-1] if yesterday else None
        if upcoming is None:
            tomorrow = self.day(today.add(days=1))
            upcoming = tomorrow[0] if tomorrow else None
        return current, upcoming
