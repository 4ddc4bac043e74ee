"""When the house's data cannot be opened: find a good backup, restore it, or set the file aside.

There is no House yet at this point (its settings or data may be what is
wrong), so these work on the data folder.
"""

from __future__ import annotations

from pathlib import Path

from crisishouse.settings import (
    SettingsError,
    load_settings,
    newest_settings_backup,
    read_time_zone,
)
from crisishouse.store import (
    check_folder,
    newest_good_backup,
    restore_from_backup,
    set_damaged_aside,
)
from crisishouse.store.recovery import restore_settings

__all__ = [
    "house_time_zone",
    "newest_good_backup",
    "newest_settings_backup",
    "problems_after_restore",
    "restore_from_backup",
    "restore_settings",
    "set_damaged_aside",
    "settings_problem",
]


def house_time_zone(data_dir: Path) -> str:
    """The time zone to show times in, even when `house.toml` cannot be used."""
    return read_time_zone(data_dir)


def settings_problem(data_dir: Path) -> str | None:
    """What is wrong with `house.toml`, or None when it can be used."""
    try:
        load_settings(data_dir)
    except SettingsError as problem:
        return str(problem)
    return None


def problems_after_restore(data_dir: Path, damaged_path: Path) -> list[str]:
    """After restoring `core.json` from an older backup: where it disagrees with the rest.

    Stays saved since that backup still have their files; `check` finds
    them. Other files hold no rules across records, so nothing is checked.
    """
    if Path(damaged_path).name != "core.json" or Path(damaged_path).parent.name != "store":
        return []
    return check_folder(data_dir).problems
