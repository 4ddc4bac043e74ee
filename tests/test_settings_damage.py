"""A house.toml that cannot be used: a plain message, the file untouched, the backup offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.lock import LockScreen
from crisishouse.screens.problem import ProblemScreen
from crisishouse.screens.setup import SetupScreen
from crisishouse.services import House
from crisishouse.services.recovery import newest_settings_backup, settings_problem
from crisishouse.settings import SettingsError, load_settings, read_time_zone
from crisishouse.store import Store
from tests.conftest import NOW
from tests.pilot_helpers import opened, screen_text

BROKEN = {
    "garbage bytes": (b"\x8f\xff\x00garbage\x9c", "holds bytes that are not text, on line 1"),
    "bad byte on line 3": (b'[house]\nname = "Te Whare"\n\xe9\n', "holds bytes that are not text, on line 3"),
    "cut short": (b'[house]\nname = "Te Wh', "is not valid TOML"),
    "empty": (b"", "is empty: it holds no settings"),
    "only blank lines": (b"\n  \n\t\n", "is empty: it holds no settings"),
    "only comments": (b"# crisishouse settings\n", "is empty: it holds no settings"),
}


@pytest.mark.parametrize("how", list(BROKEN))
def test_an_unreadable_house_toml_is_a_settings_error_naming_the_file(tmp_path: Path, how: str):
    payload, words = BROKEN[how]
    path = tmp_path / "house.toml"
    path.write_bytes(payload)

    with pytest.raises(SettingsError) as refused:
        load_settings(tmp_path)

    assert str(path) in str(refused.value)
    assert words in str(refused.value)
    assert path.read_bytes() == payload, "a failed open changes nothing"


def test_a_house_toml_that_is_a_folder_is_a_settings_error(tmp_path: Path):
    (tmp_path / "house.toml").mkdir()
    with pytest.raises(SettingsError, match="house.toml cannot be read"):
        load_settings(tmp_path)


def test_house_open_refuses_an_empty_house_toml_and_changes_nothing(demo_dir: Path, clock: FixedClock):
    settings = demo_dir / "house.toml"
    settings.write_bytes(b"")
    core = (demo_dir / "store" / "core.json").read_bytes()

    with pytest.raises(SettingsError, match="is empty"):
        House.open(demo_dir, clock)

    assert settings.read_bytes() == b""
    assert (demo_dir / "store" / "core.json").read_bytes() == core


def test_a_new_house_without_house_toml_opens_and_sets_up(new_dir: Path, clock: FixedClock):
    """No house.toml and no backups: a new house, on the defaults, and set-up writes the file."""
    house = House.open(new_dir, clock)
    assert not house.is_set_up
    house.daily_backup()  # a new house's first backup holds no house.toml yet
    assert newest_settings_backup(new_dir) is None
    assert House.open(new_dir, clock).settings.house_name == "Our crisis house"

    house.set_up("Te Whare o Rongo", "Hemi", "4321", "4321")

    assert load_settings(new_dir).house_name == "Te Whare o Rongo"
    assert House.open(new_dir, clock).is_set_up


def test_a_missing_house_toml_is_refused_when_a_backup_holds_one(demo_dir: Path, clock: FixedClock):
    """Opening on the defaults would be a different house (other rooms, another time zone)."""
    Store.open(demo_dir, clock).backup("test")
    (demo_dir / "house.toml").unlink()

    with pytest.raises(SettingsError, match="is missing, but the backups hold this house's settings"):
        load_settings(demo_dir)
    assert newest_settings_backup(demo_dir) is not None


def test_a_backup_whose_house_toml_has_a_bad_value_is_not_offered(demo_dir: Path, clock: FixedClock):
    made = Store.open(demo_dir, clock).backup("test")
    (demo_dir / "house.toml").unlink()
    (made.path / "house.toml").unlink()
    (made.path / "house.toml").write_text('[house]\ntime_zone = "Mars/Olympus"\n', encoding="utf-8")

    assert newest_settings_backup(demo_dir) is None
    assert House.open(demo_dir, clock).settings.house_name == "Our crisis house"


@pytest.mark.parametrize(
    ("payload", "zone"),
    [
        (b'[house]\nname = "x"\ntime_zone = "Europe/London"\nrooms = 3\n', "Europe/London"),
        (b'\xff[house\ntime_zone = "America/Chicago"\n', "America/Chicago"),
        (b'time_zone = "Not/AZone"\n\xff', "Pacific/Auckland"),
        (b"\x00\x01garbage", "Pacific/Auckland"),
    ],
)
def test_the_time_zone_is_read_even_from_a_broken_house_toml(tmp_path: Path, payload: bytes, zone: str):
    (tmp_path / "house.toml").write_bytes(payload)
    assert read_time_zone(tmp_path) == zone


def test_settings_problem_says_what_is_wrong_or_nothing(demo_dir: Path):
    assert settings_problem(demo_dir) is None
    (demo_dir / "house.toml").write_bytes(b"\xff")
    assert "not text" in settings_problem(demo_dir)


# -- the problem screen --------------------------------------------------------


async def test_a_damaged_house_toml_offers_the_backup_and_restores_it(demo_dir: Path, clock: FixedClock):
    """The problem screen names the file, offers the backup by its date, and the house opens after."""
    Store.open(demo_dir, clock).backup("test")
    settings = demo_dir / "house.toml"
    good = settings.read_bytes()
    settings.write_bytes(b"\x8f\xff garbage")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ProblemScreen)
        text = screen_text(app)
        assert "house.toml" in text and "not text" in text
        assert "Restore house.toml from the backup of 24 Nov 2026" in text
        assert settings.read_bytes() == b"\x8f\xff garbage"
        await pilot.click("#restore-settings")
        await opened(pilot)
        assert isinstance(app.screen, LockScreen)
        assert app.house is not None and app.house.is_set_up
    assert settings.read_bytes() == good
    kept = list((demo_dir / "damaged").rglob("house.toml"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x8f\xff garbage"


async def test_a_damaged_house_toml_with_no_backup_says_how_to_mend_it(demo_dir: Path, clock: FixedClock):
    (demo_dir / "house.toml").write_bytes(b"")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 30)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ProblemScreen)
        text = screen_text(app)
        assert "is empty" in text
        assert "No backup holds a good house.toml" in text
        assert not app.screen.query("#restore-settings")


async def test_backup_times_are_shown_in_the_houses_time_zone(demo_dir: Path, clock: FixedClock):
    """10:30 in Auckland is 21:30 the day before in UTC: the screen says 10:30."""
    Store.open(demo_dir, clock).backup("test")
    core = demo_dir / "store" / "core.json"
    core.write_bytes(core.read_bytes()[:100])
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ProblemScreen)
        text = " ".join(screen_text(app).replace("│", " ").split())
        assert NOW.format("dddd D MMMM YYYY, HH:mm") in text
        assert "UTC" not in text


async def test_a_new_house_without_house_toml_still_reaches_set_up(new_dir: Path, clock: FixedClock):
    app = CrisisHouseApp(new_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, SetupScreen)
