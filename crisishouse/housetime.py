"""Wall-clock times in the house's time zone.

Instants are stored in UTC. What people type is a wall-clock time in the
house's zone, parsed with explicit formats; a time that does not exist on a
daylight-saving night is refused with a message, never moved silently.
"""

from __future__ import annotations

import re

import pendulum

DATE_FORMAT = "YYYY-MM-DD"
TIME_FORMAT = "HH:mm"
# pendulum's YYYY also takes "26": check the shape first.
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME_SHAPE = re.compile(r"\d{2}:\d{2}")


class LocalTimeError(ValueError):
    """A date or time a person typed that cannot be used, with the reason."""


def parse_date(text: str) -> pendulum.Date:
    """Parse a date typed as YYYY-MM-DD."""
    text = text.strip()
    try:
        if not _DATE_SHAPE.fullmatch(text):
            raise ValueError(text)
        parsed = pendulum.from_format(text, DATE_FORMAT)
    except ValueError:
        raise LocalTimeError(
            f"Dates are written like 2026-11-23 (year-month-day); got {text!r}"
        ) from None
    return parsed.date()


def parse_time(text: str) -> pendulum.Time:
    """Parse a wall-clock time typed as HH:MM (24-hour)."""
    text = text.strip()
    try:
        if not _TIME_SHAPE.fullmatch(text):
            raise ValueError(text)
        parsed = pendulum.from_format(text, TIME_FORMAT)
    except ValueError:
        raise LocalTimeError(
            f"Times are written like 08:00 or 14:30 (24-hour); got {text!r}"
        ) from None
    return parsed.time()


def at_wall_clock(
    day: pendulum.Date, time: pendulum.Time, tz: str
) -> pendulum.DateTime:
    """The instant (in UTC) when the house's clocks show `time` on `day`.

    Raises:
        LocalTimeError: the time does not exist that night (clocks went
            forward past it).
    """
    local = pendulum.datetime(
        day.year, day.month, day.day, time.hour, time.minute, tz=tz
    )
    if (local.hour, local.minute) != (time.hour, time.minute):
        raise LocalTimeError(
            f"{time.hour:02d}:{time.minute:02d} does not exist on "
            f"{day.format('dddd D MMMM YYYY')} in {tz}: the clocks go forward "
            f"that night. Choose a time before or after the change."
        )
    return local.in_timezone("UTC")


def wall_clock_or_next(
    day: pendulum.Date, time: pendulum.Time, tz: str
) -> tuple[pendulum.DateTime, str | None]:
    """Like `at_wall_clock`, but a missing time moves forward by the size of
    the gap (02:30 becomes 03:30), with a message saying so (for house routines such as
    a 02:30 check-in on the spring-forward night)."""
    try:
        return at_wall_clock(day, time, tz), None
    except LocalTimeError:
        moved = pendulum.datetime(
            day.year, day.month, day.day, time.hour, time.minute, tz=tz
        )
        note = (
            f"{time.hour:02d}:{time.minute:02d} does not exist on "
            f"{day.format('D MMMM')} (clocks go forward); moved to "
            f"{moved.format('HH:mm')}."
        )
        return moved.in_timezone("UTC"), note


def parse_local(date_text: str, time_text: str, tz: str) -> pendulum.DateTime:
    """Parse a typed date and time in the house's zone into a UTC instant."""
    return at_wall_clock(parse_date(date_text), parse_time(time_text), tz)


def local(instant: pendulum.DateTime, tz: str) -> pendulum.DateTime:
    """`instant` as the house's clocks show it."""
    return instant.in_timezone(tz)


def house_today(instant: pendulum.DateTime, tz: str) -> pendulum.Date:
    """The house's date at `instant`."""
    return instant.in_timezone(tz).date()


def start_of_day(day: pendulum.Date, tz: str) -> pendulum.DateTime:
    """The UTC instant when `day` begins in the house's zone."""
    return pendulum.datetime(day.year, day.month, day.day, tz=tz).in_timezone("UTC")
