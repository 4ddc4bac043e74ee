"""Damaged data files: found, never overwritten, and recoverable from backups."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn, Guest, Stay
from crisishouse.store import (
    Store,
    StoreDamaged,
    check_folder,
    newest_good_backup,
    restore_from_backup,
    set_damaged_aside,
)
from tests.builders import T0, check_in, guest, replace_with


def cut_in_half(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def garbage(raw: bytes) -> bytes:
    return random.Random(1).randbytes(len(raw))


def emptied(_raw: bytes) -> bytes:
    return b""


DAMAGES = {"cut in half": cut_in_half, "garbage bytes": garbage, "empty file": emptied}


@pytest.fixture
def backed_up_house(tmp_path):
    """A data folder with two guests in core.json and a backup taken after the first."""
    data_dir = tmp_path / "house"
    clock = FixedClock(T0)
    store = Store.open(data_dir, clock=clock)
    store.put(guest("Aroha"))
    backup = store.backup("test")
    clock.advance(minutes=5)
    store.put(guest("Ben"))
    return data_dir, store, backup


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damaged_core_stops_open_and_is_left_untouched(backed_up_house, damage):
    """A damaged core.json makes Store.open raise StoreDamaged naming the file, and its bytes are kept."""
    data_dir, _store, _backup = backed_up_house
    core = data_dir / "store" / "core.json"
    replace_with(core, DAMAGES[damage](core.read_bytes()))
    damaged_bytes = core.read_bytes()

    with pytest.raises(StoreDamaged) as caught:
        Store.open(data_dir)

    assert caught.value.path == core
    message = str(caught.value)
    assert str(core) in message
    assert "cannot be read" in message
    if damage == "empty file":
        assert "empty" in message
    assert core.read_bytes() == damaged_bytes
    # Trying again changes nothing either.
    with pytest.raises(StoreDamaged):
        Store.open(data_dir)
    assert core.read_bytes() == damaged_bytes


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damaged_core_is_restored_from_newest_good_backup(backed_up_house, damage):
    """newest_good_backup offers the backup; restore_from_backup puts it back and keeps the damaged file aside."""
    data_dir, _store, backup = backed_up_house
    core = data_dir / "store" / "core.json"
    good_copy = (backup.path / "core.json").read_bytes()
    replace_with(core, DAMAGES[damage](core.read_bytes()))
    damaged_bytes = core.read_bytes()
    with pytest.raises(StoreDamaged) as caught:
        Store.open(data_dir)

    offered = newest_good_backup(data_dir, caught.value.path)
    assert offered is not None and offered.path == backup.path

    kept = restore_from_backup(data_dir, caught.value.path, offered)

    assert kept is not None
    assert kept.is_relative_to(data_dir / "damaged")
    assert kept.name == "core.json"
    assert kept.read_bytes() == damaged_bytes
    assert core.read_bytes() == good_copy
    assert (backup.path / "core.json").read_bytes() == good_copy
    reopened = Store.open(data_dir)
    assert [g.chosen_name for g in reopened.find(Guest)] == ["Aroha"]


def test_newest_good_backup_skips_newer_backups_holding_the_damage(tmp_path):
    """newest_good_backup picks the newest backup whose copy is readable, not merely the newest."""
    data_dir = tmp_path / "house"
    clock = FixedClock(T0)
    store = Store.open(data_dir, clock=clock)
    store.put(guest("Aroha"))
    store.backup("old")
    clock.advance(hours=1)
    store.put(guest("Ben"))
    wanted = store.backup("newer")
    clock.advance(hours=1)
    core = data_dir / "store" / "core.json"
    replace_with(core, cut_in_half(core.read_bytes()))
    store.backup("after-damage")

    assert [b.reason for b in store.list_backups()] == ["after-damage", "newer", "old"]
    offered = newest_good_backup(data_dir, core)
    assert offered is not None and offered.path == wanted.path


@pytest.mark.parametrize("how", ["truncated in place", "overwritten in place"])
def test_backup_survives_damage_done_in_place(tmp_path, how):
    """A backup still holds a good copy after the live file is damaged in place (not replaced)."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.put(guest("Aroha"))
    backup = store.backup("test")
    core = data_dir / "store" / "core.json"
    good_copy = core.read_bytes()

    if how == "truncated in place":
        os.truncate(core, len(good_copy) // 2)
    else:
        with open(core, "r+b") as f:
            f.write(b"\x00garbage\xff" * 4)
    with pytest.raises(StoreDamaged):
        Store.open(data_dir)

    assert (backup.path / "core.json").read_bytes() == good_copy
    assert newest_good_backup(data_dir, core) is not None


def test_damaged_stay_file_is_reported_for_that_stay_only(tmp_path):
    """A damaged stay file makes find and put for that stay raise StoreDamaged; other stays still work."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.put(check_in("c1", "stay-1"))
    store.put(check_in("c2", "stay-2"))
    shard = data_dir / "store" / "stays" / "stay-1.json"
    replace_with(shard, cut_in_half(shard.read_bytes()))
    damaged_bytes = shard.read_bytes()

    for reader in (store, Store.open(data_dir)):
        with pytest.raises(StoreDamaged) as caught:
            reader.find(CheckIn, stay_id="stay-1")
        assert caught.value.path == shard
        assert str(shard) in str(caught.value)
        with pytest.raises(StoreDamaged):
            reader.get(CheckIn, "c1", stay_id="stay-1")
        with pytest.raises(StoreDamaged):
            reader.put(check_in("c3", "stay-1"))
        assert [c.id for c in reader.find(CheckIn, stay_id="stay-2")] == ["c2"]
    assert shard.read_bytes() == damaged_bytes


def test_damaged_stay_file_is_restored_from_backup(tmp_path):
    """A damaged stay file can be restored from a backup, and the damaged copy is kept aside."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.put(check_in("c1"))
    store.backup("test")
    store.put(check_in("c2"))
    shard = data_dir / "store" / "stays" / "stay-1.json"
    replace_with(shard, garbage(shard.read_bytes()))
    damaged_bytes = shard.read_bytes()

    offered = newest_good_backup(data_dir, shard)
    assert offered is not None
    kept = restore_from_backup(data_dir, shard, offered)

    assert kept is not None and kept.is_relative_to(data_dir / "damaged")
    assert kept.read_bytes() == damaged_bytes
    assert [c.id for c in store.find(CheckIn, stay_id="stay-1")] == ["c1"]


def test_damaged_stay_file_without_backup_can_be_set_aside(tmp_path):
    """set_damaged_aside moves a damaged stay file under damaged/ so the stay starts empty."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.put(check_in("c1"))
    shard = data_dir / "store" / "stays" / "stay-1.json"
    replace_with(shard, b"{not json")
    assert newest_good_backup(data_dir, shard) is None

    kept = set_damaged_aside(data_dir, shard)

    assert kept is not None and kept.is_relative_to(data_dir / "damaged")
    assert kept.read_bytes() == b"{not json"
    assert not shard.exists()
    assert store.find(CheckIn, stay_id="stay-1") == []
    store.put(check_in("c2"))
    assert [c.id for c in Store.open(data_dir).find(CheckIn, stay_id="stay-1")] == ["c2"]


def build_checked_house(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    for name in ("Aroha", "Ben", "Cai"):
        store.put(guest(name))
    store.put(Stay(id="stay-1", guest_id="aroha", room="1", arrived_at=T0, planned_leaving=T0.date()))
    store.put(Stay(id="stay-2", guest_id="ben", room="2", arrived_at=T0, planned_leaving=T0.date()))
    store.put(Stay(id="stay-3", guest_id="cai", room="3", arrived_at=T0, planned_leaving=T0.date()))
    for cid in ("c1", "c2", "c3"):
        store.put(check_in(cid, "stay-1", "aroha"))
    store.put(check_in("c4", "stay-2", "ben"))
    return store


def test_check_folder_counts_records_by_kind(tmp_path):
    """check_folder reads every file and counts the records of each kind."""
    data_dir = tmp_path / "house"
    store = build_checked_house(data_dir)

    report = check_folder(data_dir)

    assert report.ok, report.problems
    assert report.files == 3
    assert dict(report.counts) == {"guests": 3, "stays": 3, "check_ins": 4}
    assert store.check().counts == report.counts


def test_check_folder_reports_a_damaged_file_without_changing_it(tmp_path):
    """check_folder names a damaged file as a problem, still counts the rest, and changes nothing."""
    data_dir = tmp_path / "house"
    build_checked_house(data_dir)
    shard = data_dir / "store" / "stays" / "stay-2.json"
    replace_with(shard, cut_in_half(shard.read_bytes()))
    damaged_bytes = shard.read_bytes()

    report = check_folder(data_dir)

    assert not report.ok
    assert len(report.problems) == 1
    assert str(shard) in report.problems[0]
    assert dict(report.counts) == {"guests": 3, "stays": 3, "check_ins": 3}
    assert shard.read_bytes() == damaged_bytes


def test_check_folder_reports_an_invalid_record(tmp_path):
    """check_folder reports a record that no longer passes its own checks."""
    data_dir = tmp_path / "house"
    build_checked_house(data_dir)
    shard = data_dir / "store" / "stays" / "stay-1.json"
    data = json.loads(shard.read_text())
    data["check_ins"]["c2"]["outcome"] = "sectioned"
    replace_with(shard, json.dumps(data).encode())

    report = check_folder(data_dir)

    assert len(report.problems) == 1
    assert "c2" in report.problems[0] and str(shard) in report.problems[0]
    assert report.counts["check_ins"] == 3


def test_check_folder_reports_a_damaged_core(tmp_path):
    """check_folder reports a damaged core.json as a problem instead of raising."""
    data_dir = tmp_path / "house"
    build_checked_house(data_dir)
    core = data_dir / "store" / "core.json"
    replace_with(core, b"")

    report = check_folder(data_dir)

    assert not report.ok
    assert any(str(core) in p for p in report.problems)
    assert report.counts["check_ins"] == 4
