"""The house's own time: typed dates and times, daylight saving, the clock."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisishouse.clock import Clock, FixedClock
from crisishouse.housetime import (
    LocalTimeError,
    at_wall_clock,
    house_today,
    local,
    parse_date,
    parse_local,
    parse_time,
    start_of_day,
    wall_clock_or_next,
)
from tests.builders import FALL_BACK, SPRING_FORWARD, TZ


def time_error(function, *args) -> str:
    """Call `function` expecting a LocalTimeError and return its message."""
    with pytest.raises(LocalTimeError) as caught:
        function(*args)
    return str(caught.value)


# --- parse_date --------------------------------------------------------------


def test_parse_date_reads_year_month_day():
    """2026-11-23 is 23 November 2026."""
    assert parse_date("2026-11-23") == pendulum.date(2026, 11, 23)


def test_parse_date_gives_a_date_not_a_datetime():
    """The result is a calendar date with no time of day."""
    parsed = parse_date("2026-11-23")
    assert isinstance(parsed, pendulum.Date)
    assert not isinstance(parsed, pendulum.DateTime)


def test_parse_date_ignores_surrounding_spaces():
    """Spaces around a typed date are ignored."""
    assert parse_date("  2026-11-23 \n") == pendulum.date(2026, 11, 23)


def test_parse_date_refuses_month_13_day_40():
    """An impossible month and day are refused with the expected format."""
    assert time_error(parse_date, "2026-13-40") == (
        "Dates are written like 2026-11-23 (year-month-day); got '2026-13-40'"
    )


def test_parse_date_refuses_30_february():
    """A day that month does not have is refused."""
    assert time_error(parse_date, "2026-02-30") == (
        "Dates are written like 2026-11-23 (year-month-day); got '2026-02-30'"
    )


def test_parse_date_refuses_empty_text():
    """Nothing typed is not a date."""
    assert time_error(parse_date, "") == ("Dates are written like 2026-11-23 (year-month-day); got ''")


def test_parse_date_refuses_day_month_year():
    """23/11/2026 is refused rather than guessed at."""
    assert time_error(parse_date, "23/11/2026") == (
        "Dates are written like 2026-11-23 (year-month-day); got '23/11/2026'"
    )


def test_parse_date_refuses_trailing_text():
    """Extra characters after a date are refused."""
    assert time_error(parse_date, "2026-11-23x") == (
        "Dates are written like 2026-11-23 (year-month-day); got '2026-11-23x'"
    )


def test_parse_date_refuses_a_two_digit_year():
    """26-11-23 is refused, not read as the year 26 AD."""
    assert time_error(parse_date, "26-11-23") == ("Dates are written like 2026-11-23 (year-month-day); got '26-11-23'")


# --- parse_time --------------------------------------------------------------


def test_parse_time_reads_24_hour_time():
    """14:30 is half past two in the afternoon."""
    assert parse_time("14:30") == pendulum.time(14, 30)


def test_parse_time_reads_midnight():
    """00:00 is midnight."""
    assert parse_time("00:00") == pendulum.time(0, 0)


def test_parse_time_refuses_hour_25():
    """25:00 is refused, saying the forms a time may take."""
    assert time_error(parse_time, "25:00") == ("Times are written like 14:30, 1430 or 2:30 pm; got '25:00'")


@pytest.mark.parametrize(
    ("typed", "hour", "minute"),
    [
        ("14:30", 14, 30),
        ("1430", 14, 30),
        ("14.30", 14, 30),
        ("930", 9, 30),
        ("9:30", 9, 30),
        ("14", 14, 0),
        ("2pm", 14, 0),
        ("2 pm", 14, 0),
        ("2:30 pm", 14, 30),
        ("2.30 p.m.", 14, 30),
        ("7.05am", 7, 5),
        ("12am", 0, 0),
        ("12:15 AM", 0, 15),
        ("12pm", 12, 0),
        ("noon", 12, 0),
        ("Midnight", 0, 0),
        (" 08:00 ", 8, 0),
    ],
)
def test_parse_time_reads_the_forms_people_type(typed: str, hour: int, minute: int):
    assert parse_time(typed) == pendulum.time(hour, minute)


@pytest.mark.parametrize("typed", ["", "abc", "25:00", "2:60", "13pm", "0am", "1430pm", "2:3", "14:305", "8 o'clock"])
def test_parse_time_refuses_what_is_not_a_time(typed: str):
    assert time_error(parse_time, typed) == f"Times are written like 14:30, 1430 or 2:30 pm; got {typed.strip()!r}"


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_time_reads_back_in_each_form(hour: int, minute: int):
    """24-hour with and without a colon, and 12-hour with am or pm, all name the same time."""
    twelve = f"{hour % 12 or 12}:{minute:02d} {'pm' if hour >= 12 else 'am'}"
    for typed in (f"{hour:02d}:{minute:02d}", f"{hour}{minute:02d}", twelve):
        assert parse_time(typed) == pendulum.time(hour, minute), typed


def test_parse_time_refuses_seconds():
    """14:30:00 is refused: a house's times are to the minute."""
    assert time_error(parse_time, "14:30:00") == ("Times are written like 14:30, 1430 or 2:30 pm; got '14:30:00'")


def test_local_time_error_is_a_value_error():
    """Callers catching ValueError also catch a LocalTimeError."""
    assert issubclass(LocalTimeError, ValueError)


# --- at_wall_clock and daylight saving ---------------------------------------


def test_at_wall_clock_gives_the_utc_instant_in_summer():
    """08:00 on 23 November in Auckland (NZDT, +13) is 19:00 UTC the day before."""
    instant = at_wall_clock(pendulum.date(2026, 11, 23), pendulum.time(8, 0), TZ)
    assert instant == pendulum.datetime(2026, 11, 22, 19, 0, tz="UTC")


def test_at_wall_clock_gives_the_utc_instant_in_winter():
    """08:00 on 15 June in Auckland (NZST, +12) is 20:00 UTC the day before."""
    instant = at_wall_clock(pendulum.date(2026, 6, 15), pendulum.time(8, 0), TZ)
    assert instant == pendulum.datetime(2026, 6, 14, 20, 0, tz="UTC")


def test_at_wall_clock_returns_utc():
    """The instant is expressed in UTC."""
    instant = at_wall_clock(pendulum.date(2026, 11, 23), pendulum.time(8, 0), TZ)
    assert instant.timezone_name == "UTC"


def test_at_wall_clock_refuses_a_time_skipped_by_spring_forward():
    """02:30 on 27 September 2026 never happens in Auckland, and the message says so."""
    message = time_error(at_wall_clock, SPRING_FORWARD, pendulum.time(2, 30), TZ)
    assert message == (
        "02:30 does not exist on Sunday 27 September 2026 in Pacific/Auckland: "
        "the clocks go forward that night. Choose a time before or after the change."
    )


def test_at_wall_clock_refuses_the_first_skipped_minute():
    """02:00 on the spring-forward night does not exist either."""
    with pytest.raises(LocalTimeError):
        at_wall_clock(SPRING_FORWARD, pendulum.time(2, 0), TZ)


def test_at_wall_clock_accepts_the_minute_before_spring_forward():
    """01:59 on the spring-forward night exists (NZST, +12)."""
    instant = at_wall_clock(SPRING_FORWARD, pendulum.time(1, 59), TZ)
    assert instant == pendulum.datetime(2026, 9, 26, 13, 59, tz="UTC")


def test_at_wall_clock_accepts_03_00_after_spring_forward():
    """03:00 on the spring-forward night exists (NZDT, +13)."""
    instant = at_wall_clock(SPRING_FORWARD, pendulum.time(3, 0), TZ)
    assert instant == pendulum.datetime(2026, 9, 26, 14, 0, tz="UTC")


def test_at_wall_clock_gives_the_chosen_instant_for_an_ambiguous_time():
    """02:30 on 5 April 2026 happens twice; the one asked for is given (never picked silently)."""
    assert at_wall_clock(FALL_BACK, pendulum.time(2, 30), TZ, "first") == pendulum.datetime(
        2026, 4, 4, 13, 30, tz="UTC"
    )
    assert at_wall_clock(FALL_BACK, pendulum.time(2, 30), TZ, "second") == pendulum.datetime(
        2026, 4, 4, 14, 30, tz="UTC"
    )


def test_ambiguous_time_shows_the_typed_wall_clock():
    """The instant for an ambiguous 02:30 reads 02:30 on the house's clocks."""
    instant = at_wall_clock(FALL_BACK, pendulum.time(2, 30), TZ, "second")
    shown = instant.in_timezone(TZ)
    assert (shown.date(), shown.hour, shown.minute) == (FALL_BACK, 2, 30)


def test_at_wall_clock_in_utc_has_no_gaps():
    """In a zone without daylight saving, 02:30 always exists."""
    instant = at_wall_clock(SPRING_FORWARD, pendulum.time(2, 30), "UTC")
    assert instant == pendulum.datetime(2026, 9, 27, 2, 30, tz="UTC")


# --- wall_clock_or_next ------------------------------------------------------


def test_wall_clock_or_next_moves_a_skipped_time_to_03_30_local():
    """A 02:30 routine on the spring-forward night happens at 03:30 local."""
    instant, _note = wall_clock_or_next(SPRING_FORWARD, pendulum.time(2, 30), TZ)
    shown = instant.in_timezone(TZ)
    assert (shown.date(), shown.hour, shown.minute) == (SPRING_FORWARD, 3, 30)


def test_wall_clock_or_next_returns_utc():
    """The moved instant is in UTC."""
    instant, _note = wall_clock_or_next(SPRING_FORWARD, pendulum.time(2, 30), TZ)
    assert instant == pendulum.datetime(2026, 9, 26, 14, 30, tz="UTC")


def test_wall_clock_or_next_says_why_it_moved():
    """The note names the time, the date and where it moved to."""
    _instant, note = wall_clock_or_next(SPRING_FORWARD, pendulum.time(2, 30), TZ)
    assert note == "02:30 does not exist on 27 September (clocks go forward); moved to 03:30."


def test_wall_clock_or_next_leaves_a_real_time_alone():
    """A time that exists is returned unchanged with no note."""
    day = pendulum.date(2026, 11, 23)
    result = wall_clock_or_next(day, pendulum.time(8, 0), TZ)
    assert result == (at_wall_clock(day, pendulum.time(8, 0), TZ), None)


# --- parse_local and local ---------------------------------------------------


def test_parse_local_combines_typed_date_and_time():
    """Typed date and time in house time give the UTC instant."""
    assert parse_local("2026-11-23", "08:00", TZ) == pendulum.datetime(2026, 11, 22, 19, 0, tz="UTC")


def test_parse_local_refuses_a_skipped_time():
    """Typing a skipped time is refused, not moved silently."""
    with pytest.raises(LocalTimeError, match="does not exist"):
        parse_local("2026-09-27", "02:30", TZ)


def test_local_shows_an_instant_on_the_house_clocks():
    """19:00 UTC on 22 November is 08:00 on 23 November in Auckland."""
    shown = local(pendulum.datetime(2026, 11, 22, 19, 0, tz="UTC"), TZ)
    assert (shown.date(), shown.hour, shown.minute) == (pendulum.date(2026, 11, 23), 8, 0)


# --- house_today ---------------------------------------------------------------


def test_house_today_is_already_tomorrow_in_auckland():
    """12:30 UTC on 1 June is 00:30 on 2 June in Auckland."""
    instant = pendulum.datetime(2026, 6, 1, 12, 30, tz="UTC")
    assert house_today(instant, TZ) == pendulum.date(2026, 6, 2)


def test_house_today_in_utc_is_still_today():
    """The same instant is still 1 June in UTC."""
    instant = pendulum.datetime(2026, 6, 1, 12, 30, tz="UTC")
    assert house_today(instant, "UTC") == pendulum.date(2026, 6, 1)


def test_house_today_just_before_auckland_midnight():
    """11:59 UTC on 1 June is 23:59 on 1 June in Auckland (NZST)."""
    instant = pendulum.datetime(2026, 6, 1, 11, 59, tz="UTC")
    assert house_today(instant, TZ) == pendulum.date(2026, 6, 1)


def test_house_today_midnight_moves_with_daylight_saving():
    """In summer (NZDT) Auckland's day starts at 11:00 UTC, not 12:00."""
    instant = pendulum.datetime(2026, 12, 1, 11, 30, tz="UTC")
    assert house_today(instant, TZ) == pendulum.date(2026, 12, 2)


# --- start_of_day ------------------------------------------------------------


def test_start_of_day_in_winter():
    """2 June begins in Auckland at 12:00 UTC on 1 June."""
    assert start_of_day(pendulum.date(2026, 6, 2), TZ) == pendulum.datetime(2026, 6, 1, 12, 0, tz="UTC")


def test_start_of_day_in_summer():
    """15 January begins in Auckland at 11:00 UTC on 14 January."""
    assert start_of_day(pendulum.date(2026, 1, 15), TZ) == pendulum.datetime(2026, 1, 14, 11, 0, tz="UTC")


def test_start_of_day_returns_utc():
    """The start of the house day is given in UTC."""
    assert start_of_day(pendulum.date(2026, 6, 2), TZ).timezone_name == "UTC"


def test_spring_forward_day_has_23_hours():
    """27 September 2026 is 23 hours long in Auckland."""
    length = start_of_day(SPRING_FORWARD.add(days=1), TZ) - start_of_day(SPRING_FORWARD, TZ)
    assert length.in_seconds() == 23 * 3600


def test_fall_back_day_has_25_hours():
    """5 April 2026 is 25 hours long in Auckland."""
    length = start_of_day(FALL_BACK.add(days=1), TZ) - start_of_day(FALL_BACK, TZ)
    assert length.in_seconds() == 25 * 3600


def test_ordinary_day_has_24_hours():
    """An ordinary day is 24 hours long."""
    day = pendulum.date(2026, 11, 23)
    length = start_of_day(day.add(days=1), TZ) - start_of_day(day, TZ)
    assert length.in_seconds() == 24 * 3600


# --- Clock -------------------------------------------------------------------


def test_real_clock_is_in_utc():
    """The real clock gives instants in UTC."""
    assert Clock().now().timezone_name == "UTC"


def test_fixed_clock_stands_still():
    """A fixed clock gives the same instant until moved."""
    at = pendulum.datetime(2026, 11, 23, 9, 0, tz="UTC")
    clock = FixedClock(at)
    assert clock.now() == clock.now() == at


def test_fixed_clock_converts_to_utc():
    """A fixed clock set in house time reports the same instant in UTC."""
    at = pendulum.datetime(2026, 11, 23, 9, 0, tz=TZ)
    now = FixedClock(at).now()
    assert (now.timezone_name, now) == ("UTC", at)


def test_fixed_clock_advance_moves_forward():
    """advance(minutes=6) moves the clock six minutes on."""
    at = pendulum.datetime(2026, 11, 23, 9, 0, tz="UTC")
    clock = FixedClock(at)
    clock.advance(minutes=6)
    assert clock.now() == at.add(minutes=6)


def test_fixed_clock_advance_across_spring_forward_is_elapsed_time():
    """Advancing 8 hours from 22:00 on the spring-forward eve reads 07:00 local."""
    clock = FixedClock(pendulum.datetime(2026, 9, 26, 22, 0, tz=TZ))
    clock.advance(hours=8)
    shown = clock.now().in_timezone(TZ)
    assert (shown.date(), shown.hour) == (SPRING_FORWARD, 7)


def test_fixed_clock_set_moves_to_the_given_instant_in_utc():
    """set() moves the clock and keeps it in UTC."""
    clock = FixedClock(pendulum.datetime(2026, 11, 23, 9, 0, tz="UTC"))
    target = pendulum.datetime(2026, 12, 25, 7, 0, tz=TZ)
    clock.set(target)
    assert (clock.now().timezone_name, clock.now()) == ("UTC", target)
