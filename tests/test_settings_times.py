"""Times and days of the year in house.toml are read as pendulum's "HH:mm" and "MM-DD" read them.

The settings read times with a pattern of their own (pendulum's from_format
loaded its locale files at every start); a house.toml that worked before
must mean the same times now, and one refused before is still refused.
"""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisishouse.settings import SettingsError, _is_month_day, _time


def _as_pendulum_read_it(value: str) -> pendulum.Time | None:
    try:
        return pendulum.from_format(value.strip(), "HH:mm").time()
    except ValueError:
        return None


def _as_read(value: str) -> pendulum.Time | None:
    try:
        return _time(value, "shifts[0].start")
    except SettingsError:
        return None


@given(st.text(alphabet="0123456789:  \t\n-+_.١٢７", max_size=8))
@settings(max_examples=500)
def test_any_time_is_read_as_pendulum_reads_it(value: str) -> None:
    assert _as_read(value) == _as_pendulum_read_it(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("07:00", (7, 0)), ("7:00", (7, 0)), (" 23:59 ", (23, 59)), ("12:5", (12, 5)), ("00:00", (0, 0))],
)
def test_times_read(value: str, expected: tuple[int, int]) -> None:
    read = _time(value, "shifts[0].start")
    assert isinstance(read, pendulum.Time)
    assert (read.hour, read.minute) == expected


@pytest.mark.parametrize("value", ["24:00", "07:60", "07:00:00", "0700", "", "seven", 700, None, "-1:00"])
def test_times_refused_say_what_is_wanted(value: object) -> None:
    with pytest.raises(SettingsError, match=r'shifts\[0\]\.start should be a time like "07:00"'):
        _time(value, "shifts[0].start")


def _month_day_as_pendulum_read_it(value: str) -> bool:
    try:
        pendulum.from_format(f"2024-{value}", "YYYY-MM-DD")
    except ValueError:
        return False
    return True


@given(st.text(alphabet="0123456789-/ ７١٥०\n", max_size=7))
@settings(max_examples=500)
def test_any_leave_year_start_is_read_as_pendulum_reads_it(value: str) -> None:
    assert _is_month_day(value) == _month_day_as_pendulum_read_it(value)


@pytest.mark.parametrize(
    ("value", "read"),
    [
        *[("04-01", True), ("4-1", True), ("02-29", True), ("12-31", True), ("02-30", False), ("13-01", False)],
        *[("00-10", False), (" 04-01", False), ("0401", False), ("04/01", False), (401, False), (None, False)],
        *[("04-١٥", True), ("04-１５", True), ("٠٤-٠١", True), ("1-７", False)],
    ],
)
def test_leave_year_starts(value: object, read: bool) -> None:
    assert _is_month_day(value) is read
