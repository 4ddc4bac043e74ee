"""Typed times on the nights the clocks change: a time that happens twice is never picked silently.

Auckland's clocks go back at 03:00 on Sunday 5 April 2026 (NZDT to NZST), so
02:00 to 02:59 happen twice; London's go back at 02:00 on Sunday 25 October
2026 (BST to GMT), so 01:00 to 01:59 do.
"""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.housetime import (
    LocalTimeError,
    RepeatedTimeError,
    at_wall_clock,
    occurrences,
    parse_local,
    wall_clock_or_next,
)
from crisishouse.screens.rhythm import RhythmScreen
from crisishouse.screens.rhythm_form import OneOffForm
from tests.pilot_helpers import sign_in

AUCKLAND = "Pacific/Auckland"
LONDON = "Europe/London"
AUTUMN_NZ = pendulum.date(2026, 4, 5)
AUTUMN_UK = pendulum.date(2026, 10, 25)
SPRING_NZ = pendulum.date(2026, 9, 27)

NZ_MESSAGE = (
    "02:30 happens twice on Sunday 5 April 2026 in Pacific/Auckland: the clocks go back at 03:00. "
    "Type 02:30 NZDT for the first, or 02:30 NZST for the second, an hour later."
)
UK_MESSAGE = (
    "01:30 happens twice on Sunday 25 October 2026 in Europe/London: the clocks go back at 02:00. "
    "Type 01:30 BST for the first, or 01:30 GMT for the second, an hour later."
)


def utc(year: int, month: int, day: int, hour: int, minute: int) -> pendulum.DateTime:
    return pendulum.datetime(year, month, day, hour, minute, tz="UTC")


# -- asking ------------------------------------------------------------------------------------


def test_a_repeated_time_in_auckland_is_refused_naming_both():
    with pytest.raises(RepeatedTimeError) as refused:
        at_wall_clock(AUTUMN_NZ, pendulum.time(2, 30), AUCKLAND)
    assert str(refused.value) == NZ_MESSAGE
    assert (refused.value.first, refused.value.second) == (utc(2026, 4, 4, 13, 30), utc(2026, 4, 4, 14, 30))


def test_a_repeated_time_in_london_is_refused_naming_both():
    with pytest.raises(RepeatedTimeError) as refused:
        at_wall_clock(AUTUMN_UK, pendulum.time(1, 30), LONDON)
    assert str(refused.value) == UK_MESSAGE
    assert (refused.value.first, refused.value.second) == (utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30))


def test_the_refusal_is_a_local_time_error_so_forms_show_it():
    """Forms show LocalTimeError messages under their fields."""
    assert issubclass(RepeatedTimeError, LocalTimeError)


@pytest.mark.parametrize(
    ("tz", "day", "time", "count"),
    [
        (AUCKLAND, AUTUMN_NZ, (1, 59), 1),
        (AUCKLAND, AUTUMN_NZ, (2, 0), 2),
        (AUCKLAND, AUTUMN_NZ, (2, 59), 2),
        (AUCKLAND, AUTUMN_NZ, (3, 0), 1),
        (LONDON, AUTUMN_UK, (0, 59), 1),
        (LONDON, AUTUMN_UK, (1, 0), 2),
        (LONDON, AUTUMN_UK, (1, 59), 2),
        (LONDON, AUTUMN_UK, (2, 0), 1),
        (AUCKLAND, SPRING_NZ, (2, 30), 0),
        (AUCKLAND, AUTUMN_NZ.add(days=1), (2, 30), 1),
    ],
)
def test_the_repeated_hour_has_exact_edges(tz: str, day: pendulum.Date, time: tuple[int, int], count: int):
    assert len(occurrences(day, pendulum.time(*time), tz)) == count


# -- saying which ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "day", "typed", "instant"),
    [
        (AUCKLAND, "2026-04-05", "02:30 NZDT", utc(2026, 4, 4, 13, 30)),
        (AUCKLAND, "2026-04-05", "02:30 NZST", utc(2026, 4, 4, 14, 30)),
        (AUCKLAND, "2026-04-05", "02:30 nzst", utc(2026, 4, 4, 14, 30)),
        (AUCKLAND, "2026-04-05", "02:30 first", utc(2026, 4, 4, 13, 30)),
        (AUCKLAND, "2026-04-05", " 02:30  second ", utc(2026, 4, 4, 14, 30)),
        (LONDON, "2026-10-25", "01:30 BST", utc(2026, 10, 25, 0, 30)),
        (LONDON, "2026-10-25", "01:30 GMT", utc(2026, 10, 25, 1, 30)),
        (AUCKLAND, "2026-11-23", "08:00 NZDT", utc(2026, 11, 22, 19, 0)),
        (AUCKLAND, "2026-11-23", "08:00", utc(2026, 11, 22, 19, 0)),
    ],
)
def test_a_typed_zone_name_says_which(tz: str, day: str, typed: str, instant: pendulum.DateTime):
    assert parse_local(day, typed, tz) == instant


def test_a_typed_time_on_the_repeated_hour_without_a_zone_name_is_asked_about():
    with pytest.raises(RepeatedTimeError, match="Type 02:30 NZDT for the first"):
        parse_local("2026-04-05", "02:30", AUCKLAND)
    with pytest.raises(RepeatedTimeError, match="Type 01:30 BST for the first"):
        parse_local("2026-10-25", "01:30", LONDON)


def test_a_zone_name_that_does_not_fit_is_refused():
    with pytest.raises(LocalTimeError) as refused:
        parse_local("2026-04-05", "02:30 BST", AUCKLAND)
    assert str(refused.value) == "02:30 on Sunday 5 April 2026 in Pacific/Auckland is NZDT or NZST; got 'BST'"
    with pytest.raises(LocalTimeError, match="is NZDT; got 'NZST'"):
        parse_local("2026-11-23", "08:00 NZST", AUCKLAND)


def test_a_skipped_time_is_still_refused_whatever_follows_it():
    for typed in ("02:30", "02:30 NZDT", "02:30 second"):
        with pytest.raises(LocalTimeError, match="does not exist on Sunday 27 September 2026"):
            parse_local("2026-09-27", typed, AUCKLAND)


def test_each_occurrence_can_be_asked_for():
    assert at_wall_clock(AUTUMN_UK, pendulum.time(1, 30), LONDON, "first") == utc(2026, 10, 25, 0, 30)
    assert at_wall_clock(AUTUMN_UK, pendulum.time(1, 30), LONDON, "second") == utc(2026, 10, 25, 1, 30)
    # An ordinary time is the same whichever is asked for.
    assert at_wall_clock(AUTUMN_UK, pendulum.time(9, 0), LONDON, "first") == utc(2026, 10, 25, 9, 0)


def test_a_routine_on_the_repeated_hour_is_the_second_and_says_so():
    """House routines (rhythm, check-in slots, shifts) keep the second 02:30, with a note saying which."""
    assert wall_clock_or_next(AUTUMN_NZ, pendulum.time(2, 30), AUCKLAND) == (
        utc(2026, 4, 4, 14, 30),
        "02:30 happens twice on 5 April (clocks go back at 03:00); this is the second 02:30 (NZST), after they go back.",
    )
    assert wall_clock_or_next(AUTUMN_UK, pendulum.time(1, 30), LONDON)[1] == (
        "01:30 happens twice on 25 October (clocks go back at 02:00); this is the second 01:30 (GMT), after they go back."
    )


# -- any zone, any night ---------------------------------------------------------------------------

ZONES = (AUCKLAND, LONDON, "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo", "UTC")
NIGHTS = (
    AUTUMN_NZ,
    SPRING_NZ,
    AUTUMN_UK,
    pendulum.date(2026, 3, 29),
    pendulum.date(2026, 11, 1),
    pendulum.date(2018, 2, 17),
    pendulum.date(2018, 11, 4),
    pendulum.date(2026, 11, 24),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(ZONES), st.sampled_from(NIGHTS), st.integers(0, 23), st.integers(0, 59))
def test_a_typed_time_is_exact_or_refused_with_words(tz: str, day: pendulum.Date, hour: int, minute: int):
    """Whatever is typed gives an instant showing exactly that wall time, or a refusal that says why."""
    time = pendulum.time(hour, minute)
    try:
        instant = at_wall_clock(day, time, tz)
    except RepeatedTimeError as repeated:
        assert repeated.first < repeated.second
        for which, chosen in (("first", repeated.first), ("second", repeated.second)):
            assert at_wall_clock(day, time, tz, which) == chosen
            shown = chosen.in_timezone(tz)
            assert (shown.date(), shown.hour, shown.minute) == (day, hour, minute)
        assert str(repeated).startswith(f"{hour:02d}:{minute:02d} happens twice on ")
        return
    except LocalTimeError as skipped:
        assert "does not exist" in str(skipped)
        assert occurrences(day, time, tz) == ()
        return
    shown = instant.in_timezone(tz)
    assert (shown.date(), shown.hour, shown.minute) == (day, hour, minute)
    assert occurrences(day, time, tz) == (instant,)


# -- the one-off form ------------------------------------------------------------------------------


async def test_the_one_off_form_says_which_0230_before_keeping_it(demo_dir: Path, clock: FixedClock):
    """Typing 02:30 for 5 April: the form says it will be the second 02:30; saving again keeps it."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("y", "o")
        assert isinstance(app.screen, OneOffForm)
        for field_id, value in (
            ("one-off-day", "2026-04-05"),
            ("one-off-time", "02:30"),
            ("one-off-what", "Night walk"),
        ):
            app.screen.query_one(f"#{field_id}").value = value  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOffForm)
        assert str(app.screen.query_one("#form-problem", Static).content) == (
            "02:30 happens twice on 5 April (clocks go back at 03:00); this is the second 02:30 (NZST), "
            "after they go back. Save again to keep it there, or choose another time."
        )
        assert app.house.rhythm.one_offs(AUTUMN_NZ) == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RhythmScreen)
        assert [i.what for i in app.house.rhythm.one_offs(AUTUMN_NZ)] == ["Night walk"]
