"""house.toml: sane defaults, and bad values that name their key."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pendulum
import pytest

from crisishouse.services import House
from crisishouse.settings import (
    LanguageWord,
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


# -- a changed house.toml, read again while the terminal runs (House.reread_settings) ---------


def _with_name(house: House, name: str) -> None:
    save_settings(house.data_dir, replace(house.settings, house_name=name))


def test_an_unchanged_house_toml_is_not_read_again(house: House):
    """Nothing changed: the same settings and the same services."""
    stays = house.stays
    assert house.reread_settings() is False
    assert house.stays is stays and house.settings_problem is None


def test_a_changed_house_toml_rebuilds_the_services(house: House):
    """A new name and rooms reach every service; the services are made again from them."""
    stays = house.stays
    save_settings(house.data_dir, replace(house.settings, house_name="Te Whare Hou", rooms=("Kōwhai", "Rātā")))
    assert house.reread_settings() is True
    assert house.settings.house_name == "Te Whare Hou"
    assert house.stays is not stays and house.stays.settings.rooms == ("Kōwhai", "Rātā")
    assert house.reread_settings() is False, "read once"


def test_a_comment_only_change_rebuilds_nothing(house: House):
    """The same settings written another way: nothing to rebuild."""
    stays = house.stays
    path = house.data_dir / "house.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# the heat pump is in the lounge\n", encoding="utf-8")
    assert house.reread_settings() is False and house.stays is stays


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda path: path.write_text('[house]\nname = "open', encoding="utf-8"), "house.toml is not valid TOML"),
        (lambda path: path.write_text("[house]\nidle_lock_minutes = -3\n", encoding="utf-8"), "idle_lock_minutes"),
        (lambda path: path.unlink(), "house.toml has gone from the data folder"),
    ],
    ids=["not-toml", "bad-value", "missing"],
)
def test_a_bad_new_house_toml_keeps_the_settings_and_says_why(house: House, damage, said: str):
    """Broken, wrong or gone: the house keeps what it had and says what is wrong, until the file is put right."""
    path = house.data_dir / "house.toml"
    good = path.read_bytes()
    before = house.settings
    damage(path)
    assert house.reread_settings() is False
    assert house.settings is before
    assert house.settings_problem is not None and said in house.settings_problem
    assert "keeps the settings it had" in house.settings_problem
    assert str(house.data_dir) not in house.settings_problem, "the board names the file, not the folder"
    path.write_bytes(good)
    house.reread_settings()
    assert house.settings_problem is None and house.settings == before


def test_the_house_writing_its_own_settings_is_no_change(new_dir: Path, clock):
    """Setting up a house writes house.toml: that is not a change for the terminal to pick up."""
    house = House.open(new_dir, clock)
    house.set_up("Te Whare", "Aroha", "1111", "1111")
    stays = house.stays
    assert house.reread_settings() is False and house.stays is stays


def test_new_settings_with_the_same_words_keep_the_language_check(house: House):
    """A changed rota or name keeps the check already built (and warmed in the background) for the same words."""
    check = house.language
    save_settings(house.data_dir, replace(house.settings, house_name="Te Whare Hou"))
    assert house.reread_settings() is True
    assert house.language is check


def test_new_house_words_give_a_new_language_check(house: House):
    """The house's own words changed: the next check is built from them, and finds them."""
    check = house.language
    assert house.language.check("the team said he was glumbo") == []
    own = (LanguageWord(words=("glumbo",), kind="jargon", suggestion="say what you saw"),)
    save_settings(house.data_dir, replace(house.settings, language_extra=own))
    assert house.reread_settings() is True
    assert house.language is not check
    assert [f.text for f in house.language.check("the team said he was glumbo")] == ["glumbo"]
