"""A stay's share of each month's counts, and the month tallies kept as stays end.

A stay's share (`stay_month_counts`) is what the funder's report sums and
what an erasure keeps. Once a stay has ended its share is final (no check-in
comes after a leaving), so it is added to `MonthTally` records in the same
write as the leaving: the report then works out only the stays still going.
The tallies are derived data, worked out again from the stays and erasures
whenever they are missing, from another time zone, or unreadable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import CheckIn, Debrief, Erasure, MonthCount, MonthTally, Stay
from crisishouse.store import Store, month_of

TALLIES_META = "month_tallies"
TALLIES_VERSION = 2
"""What the tallies hold: 2 adds the debriefs had. Tallies of another version are worked out again."""


def month_key(day: pendulum.Date) -> str:
    """The month ("YYYY-MM") that holds `day`."""
    return f"{day.year:04d}-{day.month:02d}"


# -- one stay's share ------------------------------------------------------------


@dataclass
class Tally:
    stays_started: int = 0
    stays_ended: int = 0
    bed_nights: int = 0
    ended_lengths: list[int] = field(default_factory=list)
    check_ins: int = 0
    quiet_times: int = 0

    def add(self, count: MonthCount) -> None:
        self.stays_started += count.stays_started
        self.stays_ended += count.stays_ended
        self.bed_nights += count.bed_nights
        self.ended_lengths.extend(count.ended_lengths)
        self.check_ins += count.check_ins
        self.quiet_times += count.quiet_times

    def count(self, month: str) -> MonthCount:
        return MonthCount(
            month=month,
            stays_started=self.stays_started,
            stays_ended=self.stays_ended,
            bed_nights=self.bed_nights,
            ended_lengths=tuple(self.ended_lengths),
            check_ins=self.check_ins,
            quiet_times=self.quiet_times,
        )


def _stay_dates(stay: Stay, tz: str, today: pendulum.Date) -> tuple[pendulum.Date, pendulum.Date | None, pendulum.Date]:
    """Arrival date, leaving date (None while staying), and the date nights stop at (not counted)."""
    arrived = house_today(stay.arrived_at, tz)
    left = house_today(stay.left_at, tz) if stay.left_at is not None else None
    nights_end = left if left is not None else max(today, arrived)
    return arrived, left, nights_end


def stay_month_counts(
    stay: Stay, check_ins: Iterable[CheckIn], tz: str, today: pendulum.Date
) -> tuple[MonthCount, ...]:
    """One stay's share of every month it touches, oldest month first.

    The counts the report sums (see the module's notes for each definition),
    and what is kept of a stay when its guest chooses erasure. Check-ins of
    other stays are left out.
    """
    arrived, left, nights_end = _stay_dates(stay, tz, today)
    months: dict[str, Tally] = {}

    def tally(day: pendulum.Date) -> Tally:
        return months.setdefault(month_key(day), Tally())

    tally(arrived).stays_started += 1
    day = arrived
    while day < nights_end:
        next_month = day.first_of("month").add(months=1)
        upto = min(nights_end, next_month)
        tally(day).bed_nights += (upto - day).in_days()
        day = upto
    if left is not None:
        ended = tally(left)
        ended.stays_ended += 1
        ended.ended_lengths.append((left - arrived).in_days())
    for check_in in check_ins:
        if check_in.stay_id != stay.id:
            continue
        on = tally(house_today(check_in.at, tz))
        on.check_ins += 1
        on.quiet_times += int(check_in.outcome == "quiet_time")
    return tuple(months[m].count(m) for m in sorted(months))


def may_touch(stay: Stay, first: pendulum.Date, last: pendulum.Date, tz: str, today: pendulum.Date) -> bool:
    """Whether the stay's dates (arrival to leaving, or to today) reach the month."""
    arrived, left, _nights_end = _stay_dates(stay, tz, today)
    return arrived <= last and (left if left is not None else max(today, arrived)) >= first


# -- the tallies of ended stays ----------------------------------------------------


def ended_stay_counts(store: Store, stay: Stay, tz: str) -> tuple[MonthCount, ...]:
    """An ended stay's share of every month: final, whatever day it is asked."""
    assert stay.left_at is not None, "only an ended stay's share is final"
    return stay_month_counts(stay, store.find(CheckIn, stay_id=stay.id), tz, house_today(stay.left_at, tz))


def tallies_built(store: Store, tz: str) -> bool:
    """The house keeps month tallies, worked out in this time zone."""
    meta = store.get_meta(TALLIES_META) or {}
    return meta.get("time_zone") == tz and meta.get("built") is True and meta.get("version") == TALLIES_VERSION


def tallies_with(store: Store, counts: Iterable[MonthCount], tz: str) -> list[MonthTally]:
    """The saved tallies of `counts`' months with `counts` added (read from disk: call under the lock)."""
    changed = []
    for count in counts:
        saved = store.get(MonthTally, count.month)
        total = Tally()
        if saved is not None:
            total.add(saved.counts)
        total.add(count)
        noted = saved.debriefs_done if saved is not None else ()
        changed.append(MonthTally(counts=total.count(count.month), time_zone=tz, id=count.month, debriefs_done=noted))
    return changed


def debrief_key(debrief: Debrief) -> str:
    """Where a debrief is filed and its id: "<month of its file>/<id>"."""
    return f"{month_of(debrief.owed_since)}/{debrief.id}"


def tally_noting_debrief(store: Store, debrief: Debrief, tz: str, *, done: bool) -> MonthTally | None:
    """Its closing month's tally with the debrief noted as had (or no longer), or None if tallies are not kept.

    Saved before the debrief itself: if the second write never lands, the
    report reads the debrief and leaves out a note it does not bear out.
    """
    if debrief.closed_at is None or not tallies_built(store, tz):
        return None
    month = month_key(house_today(debrief.closed_at, tz))
    saved = store.get(MonthTally, month) or MonthTally(counts=MonthCount(month=month), time_zone=tz, id=month)
    key = debrief_key(debrief)
    others = tuple(k for k in saved.debriefs_done if k != key)
    return replace(saved, debriefs_done=(*others, key) if done else others)


def debriefs_done_in(store: Store, tally: MonthTally | None, first: pendulum.Date, last: pendulum.Date, tz: str) -> int:
    """The debriefs noted in a month's tally that are, as saved, had and closed in that month."""
    count = 0
    for key in tally.debriefs_done if tally is not None else ():
        filed, _, debrief_id = key.partition("/")
        debrief = store.get(Debrief, debrief_id, month=filed)
        if debrief is not None and debrief.status == "done" and debrief.closed_at is not None:
            count += first <= house_today(debrief.closed_at, tz) <= last
    return count


def tallies_of(
    stays: Iterable[Stay],
    check_ins: Iterable[CheckIn],
    erasures: Iterable[Erasure],
    debriefs: Iterable[Debrief],
    tz: str,
) -> list[MonthTally]:
    """Every month's tally, from the records themselves (ended stays, erasures, debriefs had)."""
    by_stay: dict[str, list[CheckIn]] = {}
    for check_in in check_ins:
        by_stay.setdefault(check_in.stay_id, []).append(check_in)
    months: dict[str, Tally] = {}
    for stay in stays:
        if stay.left_at is not None:
            for count in stay_month_counts(stay, by_stay.get(stay.id, ()), tz, house_today(stay.left_at, tz)):
                months.setdefault(count.month, Tally()).add(count)
    for erasure in erasures:
        for count in erasure.counts:
            months.setdefault(count.month, Tally()).add(count)
    had: dict[str, list[str]] = {}
    for debrief in debriefs:
        if debrief.status == "done" and debrief.closed_at is not None:
            closed = month_key(house_today(debrief.closed_at, tz))
            months.setdefault(closed, Tally())
            had.setdefault(closed, []).append(debrief_key(debrief))
    return [
        MonthTally(counts=t.count(m), time_zone=tz, id=m, debriefs_done=tuple(sorted(had.get(m, ()))))
        for m, t in sorted(months.items())
    ]


def save_tallies(store: Store, fresh: list[MonthTally], tz: str) -> None:
    """Replace every tally with `fresh` and mark them kept in this zone (under the lock)."""
    with store.transaction():
        keep = {t.id for t in fresh}
        for stale in store.find(MonthTally):
            if stale.id not in keep:
                store.remove(stale)
        store.put_many(fresh)
        store.set_meta(TALLIES_META, {"time_zone": tz, "built": True, "version": TALLIES_VERSION})


def rebuild_tallies(store: Store, tz: str) -> None:
    """Work the tallies out again from every ended stay, erasure and debrief had.

    Run when they are missing (a house from before tallies), of another
    version, or the house's time zone has changed. Under the lock, so two
    terminals agree. Slow on a big house (it reads every stay's file): once.
    """
    with store.transaction():
        if tallies_built(store, tz):
            return
        stays = [s for s in store.find(Stay) if s.left_at is not None]
        check_ins = [c for s in stays for c in store.find(CheckIn, stay_id=s.id)]
        debriefs = store.find(Debrief, months=store.months_with_data(), where={"status": "done"})
        save_tallies(store, tallies_of(stays, check_ins, store.find(Erasure), debriefs, tz), tz)
