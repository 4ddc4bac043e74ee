"""Wall-clock times in the house's time zone.

Instants are stored in UTC. What people type is a wall-clock time in the
house's zone, parsed with explicit formats; a time that does not exist on a
daylight-saving night is refused with a message, never moved silently, and
a time that happens twice (the clocks go back) is never picked silently.
"""

from __future__ import annotations

import functools
import re
from typing import Literal

import pendulum

from crisishouse.errors import HouseError

DATE_FORMAT = "YYYY-MM-DD"
TIME_FORMAT = "HH:mm"
# pendulum's YYYY also takes "26": check the shape first.
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The ways people write a time: 14:30, 14.30, 1430, 930, 14, 2pm, 2:30 pm, 2.30 p.m.
_TIME_SHAPE = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2}))?\s*(?P<half>[ap])?(?(half)\.?\s*m\.?)",
    re.IGNORECASE,
)
_TIME_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
TIME_FORMS = "14:30, 1430 or 2:30 pm"


_KEPT_ZONES: dict[str, pendulum.Timezone | pendulum.FixedTimezone] = {}


def keep_zone(name: str) -> pendulum.Timezone | pendulum.FixedTimezone:
    """The zone `name`, kept alive for the life of the process.

    pendulum's zones are cached only while one is alive; with none kept,
    every conversion into the house's zone read the zone's file again
    (about 4x slower over a board or a year of records).
    """
    zone = _KEPT_ZONES.get(name)
    if zone is None:
        zone = _KEPT_ZONES[name] = pendulum.timezone(name)
    return zone


class LocalTimeError(HouseError, ValueError):
    """A date or time a person typed that cannot be used, with the reason."""


def parse_date(text: str) -> pendulum.Date:
    """Parse a date typed as YYYY-MM-DD."""
    text = text.strip()
    try:
        if not _DATE_SHAPE.fullmatch(text):
            raise ValueError(text)
        parsed = pendulum.from_format(text, DATE_FORMAT)
    except ValueError:
        raise LocalTimeError(f"Dates are written like 2026-11-23 (year-month-day); got {text!r}") from None
    return parsed.date()


def parse_time(text: str) -> pendulum.Time:
    """Parse a wall-clock time as people type it: 14:30, 1430, 2pm, 2:30 pm, noon."""
    text = text.strip()
    hour_minute = _read_time(text)
    if hour_minute is None:
        raise LocalTimeError(f"Times are written like {TIME_FORMS}; got {text!r}")
    return pendulum.time(*hour_minute)


def _read_time(text: str) -> tuple[int, int] | None:
    if text.casefold() in _TIME_WORDS:
        return _TIME_WORDS[text.casefold()]
    shape = _TIME_SHAPE.fullmatch(text)
    if shape is None:
        return None
    hour, minute = int(shape["hour"]), int(shape["minute"] or 0)
    half = (shape["half"] or "").casefold()
    if half:
        # 12 am is midnight, 12 pm is noon; 13 pm means nothing.
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


Occurrence = Literal["first", "second"]
"""Which of the two instants a wall-clock time names on the night the clocks go back."""


class RepeatedTimeError(LocalTimeError):
    """A typed time that happens twice (the clocks go back): the message asks which."""

    def __init__(self, message: str, first: pendulum.DateTime, second: pendulum.DateTime) -> None:
        super().__init__(message)
        self.first = first
        self.second = second


# Pure, and asked for every check-in slot of every day: a board over years asks the same few again and again.
@functools.lru_cache(maxsize=8192)
def occurrences(day: pendulum.Date, time: pendulum.Time, tz: str) -> tuple[pendulum.DateTime, ...]:
    """Every UTC instant at which the house's clocks show `time` on `day`.

    None on the spring-forward night (the clocks skip it), two on the night
    the clocks go back (earlier first), otherwise one.
    """
    first, second = (
        pendulum.datetime(day.year, day.month, day.day, time.hour, time.minute, tz=tz, fold=fold) for fold in (0, 1)
    )
    if (first.hour, first.minute) != (time.hour, time.minute):
        return ()
    # Compared in UTC: within one zone Python compares wall clocks and ignores fold.
    first, second = first.in_timezone("UTC"), second.in_timezone("UTC")
    return (first,) if first == second else (first, second)


def _hhmm(time: pendulum.Time | pendulum.DateTime) -> str:
    return f"{time.hour:02d}:{time.minute:02d}"


def _zone_name(instant: pendulum.DateTime, tz: str) -> str:
    """The zone's short name at `instant` (NZDT, BST), as people type it."""
    return instant.in_timezone(tz).tzname() or tz


def _span_words(span: pendulum.Duration) -> str:
    minutes = int(span.total_seconds() // 60)
    if minutes % 60:
        return f"{minutes} minutes"
    hours = minutes // 60
    return "an hour" if hours == 1 else f"{hours} hours"


def _clocks_go_back_at(first: pendulum.DateTime, second: pendulum.DateTime, tz: str) -> str:
    """The wall-clock time the clocks go back at (03:00 in Auckland, 02:00 in London).

    Found by halving the minutes between the two instants: the change is the
    first minute on the later offset.
    """
    later = second.in_timezone(tz).utcoffset()
    low, high = first, second
    while (high - low).total_seconds() > 60:
        middle = low.add(seconds=int((high - low).total_seconds() // 120) * 60)
        if middle.in_timezone(tz).utcoffset() == later:
            high = middle
        else:
            low = middle
    return _hhmm(high.add(seconds=int((second - first).total_seconds())).in_timezone(tz))


def _suffixes(first: pendulum.DateTime, second: pendulum.DateTime, tz: str) -> tuple[str, str]:
    """What to type after the time for each instant: zone names, or first/second if they match."""
    names = (_zone_name(first, tz), _zone_name(second, tz))
    return names if names[0] != names[1] else ("first", "second")


def repeated_time_message(
    day: pendulum.Date, time: pendulum.Time, tz: str, first: pendulum.DateTime, second: pendulum.DateTime
) -> str:
    """Why a typed time is refused on the night the clocks go back, and how to say which."""
    early, late = _suffixes(first, second, tz)
    shown = _hhmm(time)
    return (
        f"{shown} happens twice on {day.format('dddd D MMMM YYYY')} in {tz}: the clocks go back at "
        f"{_clocks_go_back_at(first, second, tz)}. Type {shown} {early} for the first, or {shown} {late} "
        f"for the second, {_span_words(second - first)} later."
    )


def at_wall_clock(
    day: pendulum.Date, time: pendulum.Time, tz: str, occurrence: Occurrence | None = None
) -> pendulum.DateTime:
    """The instant (in UTC) when the house's clocks show `time` on `day`.

    `occurrence` says which instant to give when the time happens twice; a
    typed time never picks one silently.

    Raises:
        LocalTimeError: the time does not exist that night (clocks went
            forward past it).
        RepeatedTimeError: the time happens twice that night and
            `occurrence` is None; the message names both and how to type each.
    """
    found = occurrences(day, time, tz)
    if not found:
        raise LocalTimeError(
            f"{_hhmm(time)} does not exist on "
            f"{day.format('dddd D MMMM YYYY')} in {tz}: the clocks go forward "
            f"that night. Choose a time before or after the change."
        )
    if len(found) == 1:
        return found[0]
    first, second = found
    if occurrence is None:
        raise RepeatedTimeError(repeated_time_message(day, time, tz, first, second), first, second)
    return first if occurrence == "first" else second


def wall_clock_or_next(day: pendulum.Date, time: pendulum.Time, tz: str) -> tuple[pendulum.DateTime, str | None]:
    """Like `at_wall_clock`, for house routines (a 02:30 check-in, a shift).

    A missing time moves forward by the size of the gap (02:30 becomes
    03:30). A repeated time is the second one, once the clocks have gone
    back (as it always was here), so the routine keeps the wall clock for the
    rest of the night. Either way a note says so: never silently.
    """
    found = occurrences(day, time, tz)
    if len(found) == 1:
        return found[0], None
    if len(found) == 2:
        first, second = found
        note = (
            f"{_hhmm(time)} happens twice on {day.format('D MMMM')} (clocks go back at "
            f"{_clocks_go_back_at(first, second, tz)}); this is the second {_hhmm(time)} "
            f"({_zone_name(second, tz)}), after they go back."
        )
        return second, note
    moved = pendulum.datetime(day.year, day.month, day.day, time.hour, time.minute, tz=tz)
    note = (
        f"{_hhmm(time)} does not exist on {day.format('D MMMM')} (clocks go forward); moved to {moved.format('HH:mm')}."
    )
    return moved.in_timezone("UTC"), note


def parse_time_and_which(text: str) -> tuple[pendulum.Time, str | None]:
    """Parse "02:30", or "02:30 NZST" / "2:30 am second" saying which repeated 02:30."""
    words = text.split()
    # The time may be two words ("2:30 pm"); what follows says which.
    for cut in (2, 1):
        if len(words) >= cut and _read_time(" ".join(words[:cut])) is not None:
            return parse_time(" ".join(words[:cut])), (" ".join(words[cut:]) or None)
    return parse_time(text), None


def _occurrence_named(
    which: str, day: pendulum.Date, time: pendulum.Time, tz: str, found: tuple[pendulum.DateTime, ...]
) -> Occurrence:
    """Read what was typed after the time (a zone name, "first" or "second")."""
    word = which.casefold()
    if word == "first":
        return "first"
    if word == "second":
        return "second"
    if _zone_name(found[0], tz).casefold() == word:
        return "first"
    if len(found) == 2 and _zone_name(found[1], tz).casefold() == word:
        return "second"
    named = " or ".join(_zone_name(i, tz) for i in found)
    raise LocalTimeError(f"{_hhmm(time)} on {day.format('dddd D MMMM YYYY')} in {tz} is {named}; got {which!r}")


def parse_local(date_text: str, time_text: str, tz: str) -> pendulum.DateTime:
    """Parse a typed date and time in the house's zone into a UTC instant.

    On the night the clocks go back a repeated time needs its zone name
    ("02:30 NZDT" or "02:30 NZST") or "first"/"second"; without one it is
    refused with a message naming both.
    """
    day = parse_date(date_text)
    time, which = parse_time_and_which(time_text)
    found = occurrences(day, time, tz)
    if which is None or not found:
        return at_wall_clock(day, time, tz)
    return at_wall_clock(day, time, tz, _occurrence_named(which, day, time, tz, found))


def local(instant: pendulum.DateTime, tz: str) -> pendulum.DateTime:
    """`instant` as the house's clocks show it."""
    return instant.in_timezone(tz)


def house_today(instant: pendulum.DateTime, tz: str) -> pendulum.Date:
    """The house's date at `instant`."""
    return instant.in_timezone(tz).date()


def start_of_day(day: pendulum.Date, tz: str) -> pendulum.DateTime:
    """The UTC instant when `day` begins in the house's zone."""
    return pendulum.datetime(day.year, day.month, day.day, tz=tz).in_timezone("UTC")
