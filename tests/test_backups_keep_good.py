"""Backups never spread damage, and never lose the last good copy of a file."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pendulum
import pytest

from crisishouse.store import backups as backup_files
from crisishouse.store.atomic import atomic_write
from crisishouse.store.backups import (
    READ_BACK_MARK,
    describe_damage,
    list_backups,
    prune_backups,
    take_backup,
)
from crisishouse.store.convert import to_doc
from crisishouse.store.recovery import newest_good_backup
from tests.builders import T0, check_in, replace_with

STAY = "stays/stay-1.json"


def stay_file_holding(note: str) -> dict:
    """The contents of stay-1's file: one check-in with this note."""
    return {"check_ins": {"c1": to_doc(check_in("c1", "stay-1", "aroha", note=note, outcome="quiet_time"))}}


def write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data).encode())


@pytest.fixture
def house_dir(tmp_path: Path) -> Path:
    """A data folder: core.json, one stay file, one month file, house.toml."""
    data_dir = tmp_path / "house"
    root = data_dir / "store"
    write(root / "core.json", {"meta": {"schema": {"version": 1}}, "guests": {}})
    write(root / STAY, stay_file_holding("good"))
    write(root / "months/2025-03.json", {"shifts": {}})
    atomic_write(data_dir / "house.toml", b'[house]\nname = "Te Whare"\n')
    return data_dir


def backup(data_dir: Path, at: pendulum.DateTime, reason: str = "daily") -> backup_files.Backup:
    return take_backup(data_dir / "store", data_dir / "backups", at, reason)


def test_a_damaged_stay_file_keeps_its_good_copy_in_the_next_backup(house_dir: Path):
    """A damaged live file is not copied: the earlier good copy is linked in its place, and the damage is named."""
    first = backup(house_dir, T0)
    live = house_dir / "store" / STAY
    replace_with(live, b'{"check_ins": {"c1": {"no')
    damaged_bytes = live.read_bytes()

    second = backup(house_dir, T0.add(days=1))

    assert second.damaged == (STAY,)
    assert (second.path / STAY).read_bytes() == (first.path / STAY).read_bytes()
    assert os.stat(second.path / STAY).st_ino == os.stat(first.path / STAY).st_ino
    assert live.read_bytes() == damaged_bytes, "the live file is never changed"
    assert (second.path / "core.json").exists() and (second.path / "months/2025-03.json").exists()
    assert first.damaged == ()


def test_the_damage_is_said_plainly_with_when_the_good_copy_was_saved(house_dir: Path):
    backup(house_dir, T0)
    replace_with(house_dir / "store" / STAY, b"")
    second = backup(house_dir, T0.add(days=1))

    words = describe_damage(second)

    assert words is not None
    assert words.startswith(f"store/{STAY} is damaged; the backups keep a good copy of it as saved on ")
    assert words.endswith("UTC.")


def test_a_damaged_file_no_backup_holds_is_left_out_and_said_so(house_dir: Path):
    live = house_dir / "store" / STAY
    replace_with(live, b"\xff\xfe garbage")

    made = backup(house_dir, T0)

    assert made.damaged == (STAY,)
    assert not (made.path / STAY).exists()
    assert describe_damage(made) == f"store/{STAY} is damaged, and no backup holds a good copy of it."
    assert live.read_bytes() == b"\xff\xfe garbage"


def test_good_files_are_read_back_and_the_backup_is_marked(house_dir: Path):
    made = backup(house_dir, T0)

    assert made.damaged == () and describe_damage(made) is None
    assert (made.path / READ_BACK_MARK).exists()
    assert made.read_back


def test_a_copy_that_does_not_read_back_fails_the_backup_and_leaves_nothing(house_dir: Path, monkeypatch):
    """A copy spoiled on the way (a failing disk) is an error, never a backup holding it."""

    def spoiled_copy(source, dest):
        Path(dest).write_bytes(b"{spoiled")

    monkeypatch.setattr(backup_files.shutil, "copy2", spoiled_copy)
    with pytest.raises(OSError, match="did not read back"):
        backup(house_dir, T0)
    assert list((house_dir / "backups").iterdir()) == []


def test_after_weeks_of_damage_a_good_copy_is_still_there(house_dir: Path):
    """Daily backups for 20 days after the damage: pruned to 14 days, the good copy stays."""
    live = house_dir / "store" / STAY
    os.utime(live, (T0.timestamp(), T0.timestamp()))  # saved when the clock says
    backup(house_dir, T0)
    good = live.read_bytes()
    replace_with(live, b"{cut sho")
    for day in range(1, 21):
        at = T0.add(days=day)
        backup(house_dir, at)
        prune_backups(house_dir / "backups")

    kept = list_backups(house_dir / "backups")
    assert len({b.day for b in kept}) == 14
    offered = newest_good_backup(house_dir, live)
    assert offered is not None
    assert (offered.path / STAY).read_bytes() == good
    assert offered.saved_at(STAY) == T0, "the copy says when it was saved, not when it was kept"


def make_legacy(backup: backup_files.Backup, damaged: dict[str, bytes]) -> None:
    """Turn a backup into one made before files were read back, holding damaged copies."""
    (backup.path / READ_BACK_MARK).unlink()
    for relative, payload in damaged.items():
        replace_with(backup.path / relative, payload)


def test_pruning_keeps_an_old_backup_holding_the_last_good_copy(house_dir: Path):
    """Older backups copied the damage (as crisishouse once did): the last good one is never pruned."""
    first = backup(house_dir, T0)
    live = house_dir / "store" / STAY
    replace_with(live, b"{damaged")
    for day in range(1, 21):
        made = backup(house_dir, T0.add(days=day))
        make_legacy(made, {STAY: b"{damaged"})
        shutil.copystat(live, made.path / STAY)

    prune_backups(house_dir / "backups")

    kept = list_backups(house_dir / "backups")
    assert first.path in [b.path for b in kept]
    assert len(kept) == 15, "14 days, and the one holding the last good copy"
    assert newest_good_backup(house_dir, live).path == first.path


def test_pruning_lets_an_old_backup_go_once_the_live_file_is_good_again(house_dir: Path):
    backup(house_dir, T0)
    live = house_dir / "store" / STAY
    replace_with(live, b"{damaged")
    for day in range(1, 21):
        make_legacy(backup(house_dir, T0.add(days=day)), {STAY: b"{damaged"})
    write(live, stay_file_holding("mended"))

    prune_backups(house_dir / "backups")

    assert len(list_backups(house_dir / "backups")) == 14


def test_a_damaged_copy_in_an_older_backup_is_not_linked_again(house_dir: Path):
    """An old backup holds the damage with the live file's very size and time: the next one does not link it."""
    first = backup(house_dir, T0)
    live = house_dir / "store" / STAY
    replace_with(live, b"{damaged")
    legacy = backup(house_dir, T0.add(days=1))
    make_legacy(legacy, {STAY: live.read_bytes()})
    shutil.copystat(live, legacy.path / STAY)

    third = backup(house_dir, T0.add(days=2))

    assert third.damaged == (STAY,)
    assert os.stat(third.path / STAY).st_ino == os.stat(first.path / STAY).st_ino


def test_pruning_reads_nothing_when_every_backup_was_read_back(house_dir: Path, monkeypatch):
    """The daily prune over read-back backups decides from the file lists alone."""
    for day in range(20):
        backup(house_dir, T0.add(days=day))
    reads = []
    real = backup_files._readable
    monkeypatch.setattr(backup_files, "_readable", lambda path: reads.append(path) or real(path))

    prune_backups(house_dir / "backups")

    assert reads == []
    assert len(list_backups(house_dir / "backups")) == 14


def test_house_toml_is_backed_up_owner_only(house_dir: Path):
    os.chmod(house_dir / "house.toml", 0o644)
    made = backup(house_dir, T0)

    copy = made.path / "house.toml"
    assert copy.read_bytes() == (house_dir / "house.toml").read_bytes()
    assert copy.stat().st_mode & 0o777 == 0o600
    assert sorted(str(p.relative_to(made.path)) for p in made.path.rglob("*.json")) == [
        "core.json",
        "months/2025-03.json",
        STAY,
    ]


def test_a_damaged_house_toml_keeps_the_good_one_in_the_backup(house_dir: Path):
    first = backup(house_dir, T0)
    replace_with(house_dir / "house.toml", b"\x00\x00\x00")

    second = backup(house_dir, T0.add(days=1))

    assert second.damaged == ("house.toml",)
    assert (second.path / "house.toml").read_bytes() == (first.path / "house.toml").read_bytes()
    assert (house_dir / "house.toml").read_bytes() == b"\x00\x00\x00"
    assert describe_damage(second).startswith("house.toml is damaged; the backups keep a good copy")


def test_unchanged_files_are_still_hard_links(house_dir: Path):
    first = backup(house_dir, T0)
    second = backup(house_dir, T0.add(days=1))
    for name in ("core.json", STAY, "months/2025-03.json", "house.toml"):
        assert os.stat(second.path / name).st_ino == os.stat(first.path / name).st_ino
