"""Shift times in the house's own time: across midnight and daylight saving."""

from __future__ import annotations

import pendulum
import pytest

from crisishouse.services.shifts import Shifts
from crisishouse.settings import Settings
from tests.builders import TZ


@pytest.fixture
def shifts() -> Shifts:
    return Shifts(Settings())


@pytest.mark.parametrize(
    ("day", "hours"),
    [(pendulum.date(2026, 4, 4), 9), (pendulum.date(2026, 9, 26), 7), (pendulum.date(2026, 11, 24), 8)],
    ids=["april-change", "september-change", "ordinary"],
)
def test_night_shift_hours_across_daylight_saving(shifts: Shifts, day: pendulum.Date, hours: int):
    """A night shift is 9 hours on the April change, 7 on the September change, 8 otherwise."""
    night = shifts.named(day, "night")
    assert night.hours == hours
    assert night.starts.in_timezone(TZ).format("HH:mm") == "23:00"
    assert night.ends.in_timezone(TZ).format("HH:mm") == "07:00"


def test_the_shift_on_just_after_midnight_is_last_nights(shifts: Shifts):
    """At 02:00 on Tuesday the night shift that began on Monday is on; the morning shift follows."""
    shift = shifts.at(pendulum.datetime(2026, 11, 24, 2, 0, tz=TZ))
    assert (shift.name, shift.day) == ("night", pendulum.date(2026, 11, 23))
    following = shifts.after(shift)
    assert (following.name, following.day) == ("morning", pendulum.date(2026, 11, 24))


def test_shift_changes_exactly_at_the_hour(shifts: Shifts):
    """At 15:00 the afternoon shift has begun."""
    assert shifts.at(pendulum.datetime(2026, 11, 24, 15, 0, tz=TZ)).name == "afternoon"
    assert shifts.at(pendulum.datetime(2026, 11, 24, 14, 59, tz=TZ)).name == "morning"


def test_shift_words_are_in_house_time(shifts: Shifts):
    """The words name the day and the wall-clock hours."""
    shift = shifts.named(pendulum.date(2026, 11, 24), "afternoon")
    assert shift.words(TZ) == "Tuesday 24 November, afternoon shift 15:00 to 23:00"


def test_unknown_shift_name_is_refused(shifts: Shifts):
    """Asking for a shift the house does not have says so."""
    with pytest.raises(ValueError, match="no 'evening' shift"):
        shifts.named(pendulum.date(2026, 11, 24), "evening")
