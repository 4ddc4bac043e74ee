"""house.toml: sane defaults, and bad values that name their key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pendulum
import pytest

from crisishouse.settings import (
    Settings,
    SettingsError,
    load_settings,
    parse_settings,
    render_settings,
    save_settings,
)


def test_no_file_gives_the_defaults(tmp_path: Path):
    """A folder without house.toml uses defaults: Auckland, 8 rooms, 5-minute lock."""
    settings = load_settings(tmp_path)
    assert settings.time_zone == "Pacific/Auckland"
    assert len(settings.rooms) == 8
    assert settings.idle_lock_minutes == 5
    assert [s.name for s in settings.shifts] == ["morning", "afternoon", "night"]
    assert settings.shifts[2].crosses_midnight


def test_saved_settings_read_back_the_same(tmp_path: Path):
    """What is saved (macrons and quotes included) loads back unchanged, owner-only."""
    settings = Settings(house_name='Te "Whare" Āwhina', rooms=("Kōwhai", "Rātā"), printer="office")
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path) == settings
    assert (tmp_path / "house.toml").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[house]\ntime_zone = "Mars/Olympus"', "house.time_zone should be a time zone name"),
        ("[house]\nrooms = []", "house.rooms should be a list of room names"),
        ('[house]\nrooms = ["A", "A"]', "same room twice"),
        ("[house]\nlongest_stay_days = 0", "house.longest_stay_days should be a whole number from 1 to 365"),
        ("[house]\nidle_lock_minutes = -1", "house.idle_lock_minutes should be a number of minutes"),
        ('[[shifts]]\nname = "night"\nstart = "23:00"\nend = "7am"', 'shifts[0].end should be a time like "07:00"'),
        ('[check_ins]\ntimes = ["9"]', "check_ins.times[0] should be a time"),
        ('[staff]\nwellbeing_scale = "stars"', "staff.wellbeing_scale should be"),
        ('[staff]\nleave_year_starts = "13-40"', "staff.leave_year_starts should be a month and day"),
        ("[load]\ndays_in_a_row = true", "load.days_in_a_row should be a whole number"),
        ('house = "x"', "[house] should be a table"),
    ],
)
def test_bad_values_name_the_key(toml: str, message: str):
    """Each bad value is refused with the key and what was expected."""
    with pytest.raises(SettingsError) as refused:
        parse_settings(tomllib.loads(toml))
    assert message in str(refused.value)


def test_broken_toml_names_the_file(tmp_path: Path):
    """A file that is not TOML is refused with its path."""
    (tmp_path / "house.toml").write_text("[house\nname=", encoding="utf-8")
    with pytest.raises(SettingsError, match="house.toml is not valid TOML"):
        load_settings(tmp_path)


def test_rhythm_is_sorted_by_time():
    """Rhythm items come out in time order whatever order they were written in."""
    raw = tomllib.loads('[[rhythm]]\ntime = "18:00"\nwhat = "Dinner"\n[[rhythm]]\ntime = "08:00"\nwhat = "Breakfast"\n')
    assert [r.what for r in parse_settings(raw).rhythm] == ["Breakfast", "Dinner"]
    assert parse_settings(raw).rhythm[0].time == pendulum.Time(8, 0)


def test_rendered_defaults_are_valid_toml():
    """The written file parses back to the defaults."""
    assert parse_settings(tomllib.loads(render_settings(Settings()))) == Settings()
