"""The house's day: everyday items and one-off changes for a date.

Until staff first change it, the everyday rhythm is the one in house.toml.
The first change copies it into the house's data (keeping each item's id),
and from then on the data is the rhythm.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pendulum

from crisishouse.housetime import house_today, parse_date, parse_time, wall_clock_or_next
from crisishouse.models import RhythmItem
from crisishouse.services.context import Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_staff

SEEDED_META = "rhythm"


@dataclass(frozen=True)
class RhythmEntry:
    """An item of one particular day, placed at its real instant."""

    at: pendulum.DateTime
    """UTC instant; shown in the house's zone."""
    what: str
    note: str | None = None
    """Set when a daylight-saving change moved the item."""
    item_id: str | None = None
    one_off: bool = False


@checks_sessions
class Rhythm(Service):
    """The daily rhythm, in the house's own time."""

    # -- reading --------------------------------------------------------------

    def _seeded(self) -> bool:
        meta = self.store.get_meta(SEEDED_META)
        return bool(meta and meta.get("seeded"))

    def _from_settings(self) -> list[RhythmItem]:
        return [RhythmItem(time=d.time, what=d.what, id=f"settings-{i}") for i, d in enumerate(self.settings.rhythm)]

    def everyday(self) -> list[RhythmItem]:
        """The everyday items, in time order."""
        stored = self.store.find(RhythmItem)
        items = [i for i in stored if i.on_day is None] if self._seeded() else self._from_settings()
        return sorted(items, key=lambda i: (i.time, i.what))

    def one_offs(self, day: pendulum.Date) -> list[RhythmItem]:
        """The changes made for one date."""
        return [i for i in self.store.find(RhythmItem) if i.on_day == day]

    def day(self, day: pendulum.Date) -> list[RhythmEntry]:
        """The items of `day` in order, one-off changes applied."""
        tz = self.settings.time_zone
        one_offs = self.one_offs(day)
        replaced = {i.replaces for i in one_offs if i.replaces}
        entries = []
        for item in self.everyday():
            if item.id in replaced:
                continue
            at, note = wall_clock_or_next(day, item.time, tz)
            entries.append(RhythmEntry(at, item.what, note, item.id))
        for item in one_offs:
            if not item.cancelled:
                at, note = wall_clock_or_next(day, item.time, tz)
                entries.append(RhythmEntry(at, item.what, note, item.id, one_off=True))
        return sorted(entries, key=lambda e: e.at)

    def between(self, start: pendulum.DateTime, end: pendulum.DateTime) -> list[RhythmEntry]:
        """Items from `start` up to `end` (a shift ahead), across midnight if need be."""
        tz = self.settings.time_zone
        day = house_today(start, tz)
        last = house_today(end, tz)
        found: list[RhythmEntry] = []
        while day <= last:
            found += [e for e in self.day(day) if start <= e.at < end]
            day = day.add(days=1)
        return found

    def now_and_next(self, instant: pendulum.DateTime) -> tuple[RhythmEntry | None, RhythmEntry | None]:
        """What is on now (the latest item begun) and what comes next."""
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

    # -- changing -------------------------------------------------------------

    def _seed(self) -> None:
        if not self._seeded():
            self.store.put_many(self._from_settings())
            self.store.set_meta(SEEDED_META, {"seeded": True})

    def _everyday_item(self, item_id: str) -> RhythmItem:
        for item in self.everyday():
            if item.id == item_id:
                return item
        raise ServiceError("There is no such item in the everyday rhythm.")

    @one_step
    def add_everyday(self, session: Session, time_text: str, what: str) -> RhythmItem:
        """A new item of every day."""
        require_staff(session, "change the house's rhythm")
        item = RhythmItem(time=parse_time(time_text), what=what)
        self._seed()
        self.store.put(item)
        return item

    @one_step
    def change_everyday(self, session: Session, item_id: str, time_text: str, what: str) -> RhythmItem:
        """Change the time or words of an everyday item."""
        require_staff(session, "change the house's rhythm")
        item = replace(self._everyday_item(item_id), time=parse_time(time_text), what=what)
        self._seed()
        self.store.put(item)
        return item

    @one_step
    def remove_everyday(self, session: Session, item_id: str) -> None:
        """Take an item out of every day."""
        require_staff(session, "change the house's rhythm")
        item = self._everyday_item(item_id)
        self._seed()
        self.store.remove(item)

    @one_step
    def add_one_off(
        self,
        session: Session,
        day_text: str,
        time_text: str,
        what: str,
        replaces: str | None = None,
    ) -> RhythmItem:
        """A one-off for a date (a trip to the beach on Saturday), optionally instead of an everyday item."""
        require_staff(session, "change the house's rhythm")
        if replaces is not None:
            self._everyday_item(replaces)
        item = RhythmItem(time=parse_time(time_text), what=what, on_day=parse_date(day_text), replaces=replaces)
        self.store.put(item)
        return item

    @one_step
    def cancel_for_day(self, session: Session, day: pendulum.Date, item_id: str) -> RhythmItem:
        """Skip an everyday item on one date."""
        require_staff(session, "change the house's rhythm")
        item = self._everyday_item(item_id)
        cancel = RhythmItem(time=item.time, what=item.what, on_day=day, replaces=item.id, cancelled=True)
        self.store.put(cancel)
        return cancel

    @one_step
    def remove_one_off(self, session: Session, item_id: str) -> None:
        """Undo a one-off change."""
        require_staff(session, "change the house's rhythm")
        for item in self.store.find(RhythmItem):
            if item.id == item_id and item.on_day is not None:
                self.store.remove(item)
                return
        raise ServiceError("There is no such one-off change.")
