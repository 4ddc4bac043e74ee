"""The funder's monthly counts: stays, bed nights, occupancy, check-ins, staff days.

Counts only. Nothing here names, initials, dates or otherwise points to a
guest or a staff member: a month's figures are sums, an average and a
maximum (principle 2, "counts that identify no one may be kept for the
funder").

How each figure is counted, for a calendar month in the house's time zone
(`settings.time_zone`), with "today" the house's date now:

- A stay's dates are the house's dates of its arrival and of its leaving.
- A stay's nights: the night of date d (the night that begins on d) belongs
  to the stay when arrival date <= d < leaving date. For a stay still going,
  only nights that have begun before today count (d < today): tonight is not
  counted yet. A stay that arrives and leaves on the same date has no nights.
- Nights a guest spends out overnight still count: the bed was held for them.
- Stays started: arrival date in the month. Stays ended: leaving date in the
  month.
- Bed nights: the stays' nights whose date is in the month.
- Occupancy: bed nights / (rooms x nights of the month counted so far). For
  a past month every night of it counts; for the current month, the nights
  that have begun before today; a month with no nights counted yet (a future
  month, or the first day of this one) has no occupancy (None). Rooms are
  the house's rooms now (`settings.rooms`).
- Average and longest length of stay: over the stays that ended in the
  month, length = leaving date - arrival date, in nights. None when no stay
  ended.
- Check-ins done: check-ins whose house date is in the month, whatever their
  outcome; "chose quiet time": those whose outcome was quiet time (a good
  outcome, counted as such).
- Mental health days used: mental health days whose date is in the month
  (as the manager's load view counts them: a day taken ahead counts once its
  date is in the month asked about).
- Debriefs done: debriefs marked done ("had") whose closing time's house date
  is in the month. Declined debriefs are not counted.
- Erased records: when a guest chooses erasure, their stay's share of each
  month is kept as an `Erasure`'s `MonthCount`s, worked out by
  `stay_month_counts` (the same function the report sums over stays still on
  file), and the report adds them to the months they name. So the figures
  are the same before and after an erasure.

Check-ins are recorded only while a guest is staying, so a stay whose dates
do not reach the month is not read for check-ins.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import CheckIn, MentalHealthDay, MonthTally, Stay
from crisishouse.services.context import Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.month_counts import (
    Tally,
    debriefs_done_in,
    may_touch,
    month_key,
    rebuild_tallies,
    stay_month_counts,
    tallies_built,
)
from crisishouse.services.session import Session, checks_sessions, require_manager
from crisishouse.settings import Settings
from crisishouse.store import Store, StoreError
from crisishouse.store.atomic import atomic_write, make_dir

_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
MONTH_HELP = "a month is written YYYY-MM, like 2026-10"
REPORTS_FOLDER = "reports"

CSV_COLUMNS = (
    "month",
    "stays_started",
    "stays_ended",
    "bed_nights",
    "rooms",
    "nights_counted",
    "occupancy_percent",
    "average_length_nights",
    "longest_length_nights",
    "check_ins_done",
    "chose_quiet_time",
    "mental_health_days",
    "debriefs_done",
)


# -- months ----------------------------------------------------------------------


def month_first_day(month: str) -> pendulum.Date:
    """The first day of `month` ("YYYY-MM").

    Raises:
        ValueError: `month` is not written YYYY-MM (or is no real month).
    """
    found = _MONTH.fullmatch(month.strip()) if isinstance(month, str) else None
    if found is None or int(found.group(1)) < 1:
        raise ValueError(f"{month!r} is not a month: {MONTH_HELP}.")
    return pendulum.date(int(found.group(1)), int(found.group(2)), 1)


def add_months(month: str, count: int) -> str:
    """The month `count` months after (or before, when negative) `month`."""
    return month_key(month_first_day(month).add(months=count))


def month_words(month: str) -> str:
    """ "October 2026"."""
    return month_first_day(month).format("MMMM YYYY")


def nights_counted(month: str, today: pendulum.Date) -> int:
    """Nights of `month` that have begun before `today`: all of a past month's."""
    first = month_first_day(month)
    last = first.add(days=first.days_in_month - 1)
    if today <= first:
        return 0
    if today > last:
        return first.days_in_month
    return (today - first).in_days()


# -- the month's report -----------------------------------------------------------


def _number(value: float) -> str:
    return f"{value:.1f}"


def _nights(count: float | int) -> str:
    shown = _number(count) if isinstance(count, float) else str(count)
    return f"{shown} {'night' if count == 1 else 'nights'}"


@dataclass(frozen=True)
class MonthReport:
    """A month's counts for the funder: numbers only, nothing that identifies anyone."""

    month: str
    """YYYY-MM, a calendar month in the house's time zone."""
    house_name: str
    rooms: int
    nights_counted: int
    """Nights of the month counted so far (all of them for a past month)."""
    stays_started: int
    stays_ended: int
    bed_nights: int
    occupancy: float | None
    """Bed nights / (rooms x nights counted), 0..1; None with no nights counted."""
    average_length: float | None
    """Nights, over stays that ended in the month; None if none ended."""
    longest_length: int | None
    check_ins_done: int
    chose_quiet_time: int
    mental_health_days: int
    debriefs_done: int

    @property
    def month_words(self) -> str:
        """ "October 2026"."""
        return month_words(self.month)

    @property
    def title(self) -> str:
        return f"{self.house_name}: counts for {self.month_words}"

    @property
    def occupancy_percent(self) -> float | None:
        """Occupancy as a percentage with one decimal, or None."""
        return None if self.occupancy is None else round(self.occupancy * 100, 1)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs in plain words, for the screen and the command line."""
        days = pendulum.date(int(self.month[:4]), int(self.month[5:]), 1).days_in_month
        if self.nights_counted == days:
            counted = f"all {days}"
        elif self.nights_counted == 0:
            counted = "none yet"
        else:
            counted = f"{self.nights_counted} of {days} so far"
        return [
            ("Stays started", str(self.stays_started)),
            ("Stays ended", str(self.stays_ended)),
            ("Bed nights", str(self.bed_nights)),
            ("Rooms", str(self.rooms)),
            ("Nights of the month counted", counted),
            ("Occupancy", "none" if self.occupancy_percent is None else f"{_number(self.occupancy_percent)}%"),
            ("Average length of stay", "none" if self.average_length is None else _nights(self.average_length)),
            ("Longest stay", "none" if self.longest_length is None else _nights(self.longest_length)),
            ("Check-ins done", str(self.check_ins_done)),
            ("Check-ins: chose quiet time", str(self.chose_quiet_time)),
            ("Mental health days used", str(self.mental_health_days)),
            ("Debriefs done", str(self.debriefs_done)),
        ]

    def csv_row(self) -> dict[str, str]:
        """The month as one row of `report_csv` (empty cells where there is no figure)."""
        return {
            "month": self.month,
            "stays_started": str(self.stays_started),
            "stays_ended": str(self.stays_ended),
            "bed_nights": str(self.bed_nights),
            "rooms": str(self.rooms),
            "nights_counted": str(self.nights_counted),
            "occupancy_percent": "" if self.occupancy_percent is None else _number(self.occupancy_percent),
            "average_length_nights": "" if self.average_length is None else _number(self.average_length),
            "longest_length_nights": "" if self.longest_length is None else str(self.longest_length),
            "check_ins_done": str(self.check_ins_done),
            "chose_quiet_time": str(self.chose_quiet_time),
            "mental_health_days": str(self.mental_health_days),
            "debriefs_done": str(self.debriefs_done),
        }


def report_csv(reports: Sequence[MonthReport]) -> str:
    """A header row and one row a month, for the funder's spreadsheet."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for report in reports:
        writer.writerow(report.csv_row())
    return out.getvalue()


def build_month_report(store: Store, settings: Settings, month: str, today: pendulum.Date) -> MonthReport:
    """The month's counts as they stand on `today` (the house's date now).

    Raises:
        ValueError: `month` is not written YYYY-MM.
    """
    first = month_first_day(month)
    month = month_key(first)
    last = first.add(days=first.days_in_month - 1)
    tz = settings.time_zone
    if not tallies_built(store, tz):
        rebuild_tallies(store, tz)
    # Ended stays (erased ones too) are in the month's tally; only stays still going are worked out.
    total = Tally()
    tally = store.get(MonthTally, month)
    if tally is not None:
        total.add(tally.counts)
    for stay in store.find(Stay, where={"left_at": None}):
        if not may_touch(stay, first, last, tz, today):
            continue
        for count in stay_month_counts(stay, store.find(CheckIn, stay_id=stay.id), tz, today):
            if count.month == month:
                total.add(count)
    neighbours = [add_months(month, -1), month, add_months(month, 1)]
    days_off = [d for d in store.find(MentalHealthDay, months=neighbours) if first <= d.day <= last]
    debriefs_done = debriefs_done_in(store, tally, first, last, tz)
    rooms = len(settings.rooms)
    counted = nights_counted(month, today)
    lengths = total.ended_lengths
    return MonthReport(
        month=month,
        house_name=settings.house_name,
        rooms=rooms,
        nights_counted=counted,
        stays_started=total.stays_started,
        stays_ended=total.stays_ended,
        bed_nights=total.bed_nights,
        occupancy=total.bed_nights / (rooms * counted) if rooms and counted else None,
        average_length=sum(lengths) / len(lengths) if lengths else None,
        longest_length=max(lengths) if lengths else None,
        check_ins_done=total.check_ins,
        chose_quiet_time=total.quiet_times,
        mental_health_days=len(days_off),
        debriefs_done=debriefs_done,
    )


def file_name_part(house_name: str) -> str:
    """The house's name as part of a file name: "te-whare-awhina-demo", or "funder"."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", house_name) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", bare.casefold()).strip("-")[:40].strip("-")
    return slug or "funder"


@checks_sessions
class Reports(Service):
    """The funder's counts, for the house manager."""

    def today(self) -> pendulum.Date:
        return house_today(self.clock.now(), self.settings.time_zone)

    def this_month(self) -> str:
        """The current month in the house's time zone."""
        return month_key(self.today())

    def _build(self, month: str) -> MonthReport:
        try:
            return build_month_report(self.store, self.settings, month, self.today())
        except ValueError as bad:
            raise ServiceError(str(bad)) from None

    def month(self, session: Session, month: str) -> MonthReport:
        """The month's counts ("YYYY-MM").

        Raises:
            NotAllowed: not the house manager.
            ServiceError: `month` is not written YYYY-MM.
        """
        require_manager(session, "see the funder's counts")
        return self._build(month)

    def save_csv(self, session: Session, month: str, path: Path) -> Path:
        """Write the month's counts as CSV to `path` (replacing a file there); returns the path.

        Raises:
            NotAllowed: not the house manager.
            ServiceError: the folder does not exist or cannot be written.
        """
        require_manager(session, "save the funder's counts")
        path = Path(path)
        folder = path.parent
        if not folder.is_dir():
            raise ServiceError(f"There is no folder {folder}: choose a folder that exists.")
        if path.is_dir():
            raise ServiceError(f"{path} is a folder: give a file name for the counts.")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ServiceError(f"The folder {folder} cannot be written to: choose another.")
        payload = report_csv([self._build(month)]).encode("utf-8")
        try:
            atomic_write(path, payload)
        except StoreError as problem:
            raise ServiceError(str(problem)) from None
        return path

    def save_for_funder(self, session: Session, month: str, data_dir: Path) -> Path:
        """Save the month's CSV as `<data_dir>/reports/<house>-<month>.csv` (the folder is made)."""
        require_manager(session, "save the funder's counts")
        try:
            month = month_key(month_first_day(month))  # a bad month is refused before a folder is made
        except ValueError as bad:
            raise ServiceError(str(bad)) from None
        folder = Path(data_dir) / REPORTS_FOLDER
        try:
            make_dir(folder)
        except OSError as problem:
            raise ServiceError(f"The folder {folder} could not be made: {problem.strerror or problem}.") from None
        return self.save_csv(session, month, folder / f"{file_name_part(self.settings.house_name)}-{month}.csv")
