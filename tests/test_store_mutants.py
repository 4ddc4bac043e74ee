"""The store's promises, pinned down edge by edge (so `make mutation` finds every change).

Each test states a behaviour someone relies on: the words people see when
a save is refused, the one-way marks an erasure leaves, one write per file,
the append-only tables, telling a lost core.json from a new house, the
bounded set of open files, the daily backup, and reads that re-check only
what another terminal changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pendulum
import pytest

import crisishouse.store.storage as storage_module
import crisishouse.store.store as store_module
import crisishouse.store.validate as validate_module
from crisishouse.clock import FixedClock
from crisishouse.models import (
    AccessEvent,
    CheckIn,
    Erasure,
    Guest,
    HandoverEntry,
    Shift,
    Stay,
)
from crisishouse.store import Store, StoreDamaged, StoreTooNew, ToErase
from crisishouse.store.atomic import encode
from crisishouse.store.convert import to_doc
from crisishouse.store.errors import RecordErased, RecordGone, RuleBroken
from crisishouse.store.storage import AtomicJSONStorage
from crisishouse.store.store import AppendOnly, erased_mark
from crisishouse.store.validate import validate_tables
from tests.builders import T0, check_in, guest, raw, stay


def access(aid: str, sid: str = "s1", gid: str = "g1") -> AccessEvent:
    return AccessEvent(
        id=aid,
        guest_id=gid,
        stay_id=sid,
        actor_id="staff-1",
        actor_name="Tama",
        actor_role="peer",
        at=T0,
        what="the record",
    )


def shift(shid: str, day: pendulum.Date, staff_id: str = "staff-1") -> Shift:
    start = pendulum.datetime(day.year, day.month, day.day, 9, tz="UTC")
    return Shift(id=shid, staff_id=staff_id, day=day, name="Day", starts_at=start, ends_at=start.add(hours=8))


def erasure(eid: str) -> Erasure:
    return Erasure(id=eid, erased_on=T0.date(), handed_over="printed")


def mark(record_id: str) -> str:
    return hashlib.sha256(f"crisishouse-erased:{record_id}".encode()).hexdigest()[:32]


def damaged_message(data_dir: Path) -> str:
    with pytest.raises(StoreDamaged) as caught:
        Store.open(data_dir)
    return str(caught.value)


@pytest.fixture
def two_stays(tmp_path: Path) -> Store:
    """A house with guest g1 staying in s1 and guest g2 staying in s2."""
    store = Store.open(tmp_path / "house", FixedClock(T0))
    store.put_many([guest("g1"), guest("g2"), stay("s1", "g1"), stay("s2", "g2")])
    return store


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files written through the store, in order (by name under store/)."""
    seen: list[str] = []
    real = AtomicJSONStorage.write

    def spy(self: AtomicJSONStorage, data: dict) -> None:
        seen.append(f"{self.path.parent.name}/{self.path.name}")
        real(self, data)

    monkeypatch.setattr(AtomicJSONStorage, "write", spy)
    return seen


# -- erased marks and refusals ---------------------------------------------------


def test_an_erased_mark_is_a_fixed_salted_hash_so_old_marks_still_count():
    assert erased_mark("g1") == mark("g1")
    assert len(erased_mark("g1")) == 32
    assert erased_mark("g1") != erased_mark("g2")


def test_erasing_marks_the_guest_and_stays_sorted_and_merged_with_earlier_marks(two_stays: Store):
    two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    core = raw(two_stays.root / "core.json")
    assert core["meta"]["erased"] == {"marks": sorted([mark("g1"), mark("s1")])}
    two_stays.erase_guest("g2", iter(["s2"]), erasure("e2"))
    core = raw(two_stays.root / "core.json")
    assert core["meta"]["erased"] == {"marks": sorted([mark("g1"), mark("s1"), mark("g2"), mark("s2")])}
    assert set(core["erasures"]) == {"e1", "e2"}
    assert core["guests"] == {} and core["stays"] == {}
    two_stays.erasure_done("g1")
    two_stays.erasure_done("g2")
    assert "g1" not in json.dumps(raw(two_stays.root / "core.json"))


@pytest.mark.parametrize(
    "record",
    [
        guest("g1"),
        stay("s1", "g2"),
        stay("s9", "g1"),
        check_in("c1", "s1", "g2"),
        HandoverEntry(
            text="x", written_by="staff-1", written_at=T0, shift_date=T0.date(), shift_name="Day", stay_id="s1"
        ),
    ],
    ids=["guest id", "stay id", "guest of a stay", "stay of a check-in", "stay of a handover line"],
)
def test_nothing_is_saved_again_under_an_erased_id(two_stays: Store, record):
    two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    with pytest.raises(RecordErased) as caught:
        two_stays.put(record)
    assert str(caught.value) == "This guest's record was erased, so nothing more can be saved in it."


def test_after_an_erasure_other_guests_records_are_still_saved(two_stays: Store):
    two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    two_stays.put(check_in("c2", "s2", "g2"))
    two_stays.put(HandoverEntry(text="x", written_by="staff-1", written_at=T0, shift_date=T0.date(), shift_name="Day"))
    two_stays.put(guest("g3"))
    assert two_stays.get(CheckIn, "c2", stay_id="s2") is not None
    assert two_stays.get(Guest, "g3") is not None


def test_a_stay_needs_its_guest_on_disk_or_in_the_same_save(two_stays: Store):
    with pytest.raises(RuleBroken) as caught:
        two_stays.put(stay("s3", "nobody"))
    assert str(caught.value) == "This stay's guest is not in the house's records."
    two_stays.put_many([guest("g3"), stay("s3", "g3")])
    assert two_stays.get(Stay, "s3") == stay("s3", "g3")


def test_a_record_kept_with_a_stay_belongs_to_that_stays_guest(two_stays: Store):
    with pytest.raises(RuleBroken) as caught:
        two_stays.put(check_in("c1", "s1", "g2"))
    assert str(caught.value) == "That record belongs to another guest's stay."
    two_stays.put(check_in("c1", "s1", "g1"))
    # A stay in the same save counts as its guest's.
    with pytest.raises(RuleBroken, match="another guest's stay"):
        two_stays.put_many([stay("s3", "g1"), check_in("c3", "s3", "g2")])
    two_stays.put_many([stay("s3", "g1"), check_in("c3", "s3", "g1")])
    # A stay moved to another guest in the same save: the save's version counts.
    two_stays.put_many([stay("s4", "g1")])
    two_stays.put_many([stay("s4", "g2"), check_in("c4", "s4", "g2")])
    # Not about a guest (no guest id): nothing to match.
    two_stays.put(
        HandoverEntry(
            text="x", written_by="staff-1", written_at=T0, shift_date=T0.date(), shift_name="Day", stay_id="s1"
        )
    )
    # A stay not in the house: nothing to match either.
    two_stays.put(check_in("c5", "elsewhere", "g2"))


# -- update ----------------------------------------------------------------------


def test_update_reads_the_record_of_a_stay_or_a_month(two_stays: Store):
    two_stays.put(check_in("c1", "s1", "g1"))
    changed = two_stays.update(CheckIn, "c1", lambda c: replace(c, note="later"), stay_id="s1")
    assert changed.note == "later"
    assert two_stays.get(CheckIn, "c1", stay_id="s1").note == "later"
    two_stays.put(shift("sh1", pendulum.date(2025, 3, 4)))
    two_stays.update(Shift, "sh1", lambda s: replace(s, name="Night"), month="2025-03")
    assert two_stays.get(Shift, "sh1", month="2025-03").name == "Night"


def test_update_refuses_a_gone_record_a_changed_id_or_another_type(two_stays: Store):
    with pytest.raises(RecordGone) as caught:
        two_stays.update(Stay, "nope", lambda s: s)
    assert str(caught.value) == ("That record is no longer in the house's data (another terminal may have removed it).")
    with pytest.raises(TypeError, match="^An update must return the same record, changed$"):
        two_stays.update(Stay, "s1", lambda s: replace(s, id="s9"))
    with pytest.raises(TypeError, match="^An update must return the same record, changed$"):
        two_stays.update(Stay, "s1", lambda s: guest("s1"))
    assert two_stays.get(Guest, "s1") is None
    assert two_stays.get(Stay, "s9") is None


# -- put_many: one write per file ------------------------------------------------


def test_put_many_writes_each_file_once(two_stays: Store, writes: list[str]):
    records = [
        guest("g3"),
        stay("s3", "g3"),
        check_in("c1", "s1", "g1"),
        check_in("c2", "s1", "g1"),
        check_in("c3", "s3", "g3"),
        shift("sh1", pendulum.date(2025, 3, 4)),
        shift("sh2", pendulum.date(2025, 3, 5)),
    ]
    two_stays.put_many(r for r in records)
    assert sorted(writes) == ["months/2025-03.json", "stays/s1.json", "stays/s3.json", "store/core.json"]
    assert {c.id for c in two_stays.find(CheckIn, stay_id="s1")} == {"c1", "c2"}
    assert {s.id for s in two_stays.find(Shift, months=["2025-03"])} == {"sh1", "sh2"}
    assert two_stays.get(Stay, "s3") == stay("s3", "g3")


def test_put_of_an_existing_id_replaces_it_in_its_table(two_stays: Store):
    two_stays.put(check_in("c1", "s1", "g1", note="first"))
    two_stays.put(check_in("c1", "s1", "g1", note="second"))
    assert [c.note for c in two_stays.find(CheckIn, stay_id="s1")] == ["second"]


# -- append-only -----------------------------------------------------------------


def test_access_events_are_never_changed_or_removed(two_stays: Store, writes: list[str]):
    two_stays.put_many([access("a1"), access("a2")])
    two_stays.put(access("a3"))
    before = (two_stays.root / "stays" / "s1.json").read_bytes()
    writes.clear()
    with pytest.raises(AppendOnly) as caught:
        two_stays.put(replace(access("a1"), what="something else"))
    assert str(caught.value) == "A saved access events record is never changed."
    with pytest.raises(AppendOnly, match="^A saved access events record is never changed.$"):
        two_stays.put_many([access("a4"), access("a2")])
    with pytest.raises(AppendOnly) as caught:
        two_stays.remove(access("a1"))
    assert str(caught.value) == "A saved access events record is never removed on its own."
    assert writes == []
    assert (two_stays.root / "stays" / "s1.json").read_bytes() == before
    assert {a.id for a in two_stays.find(AccessEvent, stay_id="s1")} == {"a1", "a2", "a3"}


def test_removing_a_record_not_there_writes_nothing(two_stays: Store, writes: list[str]):
    two_stays.put(check_in("c1", "s1", "g1"))
    writes.clear()
    two_stays.remove(check_in("c9", "s1", "g1"))
    two_stays.remove(check_in("c9", "s2", "g2"))  # no file for s2 at all
    assert writes == []
    two_stays.remove(check_in("c1", "s1", "g1"))
    assert writes == ["stays/s1.json"]
    assert two_stays.find(CheckIn, stay_id="s1") == []
    assert raw(two_stays.root / "stays" / "s1.json") == {"check_ins": {}}


# -- meta ------------------------------------------------------------------------


def test_meta_values_merge_per_key_and_a_missing_key_is_none(two_stays: Store):
    two_stays.set_meta("note", {"a": 1})
    two_stays.set_meta("note", {"b": 2})
    two_stays.set_meta("other", {"c": 3})
    assert two_stays.get_meta("note") == {"a": 1, "b": 2}
    assert two_stays.get_meta("other") == {"c": 3}
    assert two_stays.get_meta("missing") is None
    assert two_stays.schema_version == store_module.SCHEMA_VERSION


# -- erase_guest and its note ----------------------------------------------------


def test_erasing_removes_the_stay_files_backups_and_damaged_copies(tmp_path: Path):
    data_dir = tmp_path / "house"
    writer = Store.open(data_dir, FixedClock(T0))
    writer.put_many([guest("g1"), guest("g2"), stay("s1", "g1"), stay("s2", "g2")])
    writer.put_many([check_in("c1", "s1", "g1"), check_in("c2", "s2", "g2")])
    writer.backup("test")
    damaged = data_dir / "damaged" / "20250301"
    damaged.mkdir(parents=True)
    (damaged / "s1.json").write_text("{garbled")
    (damaged / "s2.json").write_text("{garbled")
    # A fresh store that has never opened the stay's file erases it too.
    store = Store.open(data_dir, FixedClock(T0))
    store.erase_guest("g1", ["s1"], erasure("e1"))
    assert not (data_dir / "store" / "stays" / "s1.json").exists()
    assert (data_dir / "store" / "stays" / "s2.json").exists()
    backup = store.list_backups()[0]
    assert not (backup.path / "stays" / "s1.json").exists()
    assert set(raw(backup.path / "core.json")["guests"]) == {"g2"}
    assert not (damaged / "s1.json").exists() and (damaged / "s2.json").exists()
    assert store.find(CheckIn, stay_id="s1") == []
    assert writer.find(CheckIn, stay_id="s1") == []
    # A store that had the file open drops it as well.
    writer.get(CheckIn, "c2", stay_id="s2")
    writer.erase_guest("g2", ["s2"], erasure("e2"))
    assert writer.get(CheckIn, "c2", stay_id="s2") is None
    assert not (data_dir / "store" / "stays" / "s2.json").exists()


def test_pending_erasures_are_noted_per_guest_until_done(two_stays: Store):
    assert two_stays.pending_erasures() == []
    two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    two_stays.erase_guest("g2", ["s2"], erasure("e2"))
    assert two_stays.pending_erasures() == [("g1", ["s1"]), ("g2", ["s2"])]
    # Erasing again (another terminal, say) is refused: one note, one Erasure counted.
    with pytest.raises(RecordGone, match="already been erased"):
        two_stays.erase_guest("g1", ["s1", "s3"], erasure("e3"))
    assert two_stays.pending_erasures() == [("g1", ["s1"]), ("g2", ["s2"])]
    two_stays.erasure_done("g2")
    assert two_stays.pending_erasures() == [("g1", ["s1"])]
    two_stays.erasure_done("g1")
    assert two_stays.pending_erasures() == []
    assert two_stays.get_meta("erasing") is None
    # Done for a guest with no note: nothing to drop, nothing goes wrong.
    two_stays.erasure_done("g1")
    assert two_stays.pending_erasures() == []
    meta = raw(two_stays.root / "core.json")["meta"]
    assert "erasing" not in meta and "erased" in meta and "schema" in meta
    assert set(raw(two_stays.root / "core.json")["erasures"]) == {"e1", "e2"}


def test_an_erasure_cut_short_is_finished_later(two_stays: Store, monkeypatch: pytest.MonkeyPatch):
    two_stays.put(check_in("c1", "s1", "g1"))
    two_stays.backup("test")

    def crash(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module.erasing, "remove_stay_files", crash)
    with pytest.raises(KeyboardInterrupt):
        two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    monkeypatch.undo()
    assert (two_stays.root / "stays" / "s1.json").exists()
    reopened = Store.open(two_stays.data_dir)
    assert reopened.pending_erasures() == [("g1", ["s1"])]
    reopened.finish_erasure("g1", ["s1"])
    assert not (two_stays.root / "stays" / "s1.json").exists()
    assert not (reopened.list_backups()[0].path / "stays" / "s1.json").exists()
    reopened.erasure_done("g1")
    assert reopened.pending_erasures() == []


# -- reading ---------------------------------------------------------------------


def test_reading_a_stay_or_month_kind_needs_a_stay_or_months(two_stays: Store):
    with pytest.raises(ValueError) as caught:
        two_stays.find(CheckIn)
    assert str(caught.value) == "Say which stay or which months to read check_ins from"
    with pytest.raises(ValueError, match="^Say which stay or which months to read shifts from$"):
        two_stays.get(Shift, "sh1")


def test_find_reads_every_month_asked_and_where_needs_every_field(two_stays: Store):
    two_stays.put_many(
        [
            shift("sh1", pendulum.date(2025, 1, 4), "staff-1"),
            shift("sh2", pendulum.date(2025, 3, 4), "staff-1"),
            shift("sh3", pendulum.date(2025, 3, 5), "staff-2"),
        ]
    )
    assert {s.id for s in two_stays.find(Shift, months=["2025-01", "2025-02", "2025-03"])} == {"sh1", "sh2", "sh3"}
    assert two_stays.find(Shift, months=[]) == []
    assert {s.id for s in two_stays.find(Shift, months=["2025-03"], where={})} == {"sh2", "sh3"}
    assert [s.id for s in two_stays.find(Shift, months=["2025-03"], where={"staff_id": "staff-1"})] == ["sh2"]
    found = two_stays.find(Shift, months=["2025-01", "2025-03"], where={"staff_id": "staff-1", "day": "2025-03-04"})
    assert [s.id for s in found] == ["sh2"]
    assert two_stays.find(Shift, months=["2025-03"], where={"staff_id": "staff-2", "day": "2025-03-04"}) == []
    assert two_stays.get(Shift, "sh1", month="2025-01") == shift("sh1", pendulum.date(2025, 1, 4))
    assert two_stays.get(Shift, "sh1", month="2025-03") is None
    assert two_stays.get(Shift, "sh1", month="2025-02") is None
    assert two_stays.get(Guest, "g1") == guest("g1")
    assert two_stays.get(CheckIn, "c1", stay_id="s2") is None


def test_months_with_data_are_oldest_first_and_skip_other_files(tmp_path: Path):
    store = Store.open(tmp_path / "house")
    assert store.months_with_data() == []
    store.put_many(
        [
            shift("a", pendulum.date(2025, 3, 1)),
            shift("b", pendulum.date(2024, 12, 1)),
            shift("c", pendulum.date(2025, 1, 1)),
        ]
    )
    months = store.root / "months"
    (months / ".2025-04.json.tmp-0123456789ab").write_bytes(b"{}")
    (months / ".2025-05.tmp-01.json").write_bytes(b"{}")
    (months / "notes.txt").write_bytes(b"")
    assert store.months_with_data() == ["2024-12", "2025-01", "2025-03"]


# -- open files ------------------------------------------------------------------


def test_at_most_64_files_stay_open_and_the_least_used_is_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data_dir = tmp_path / "house"
    writer = Store.open(data_dir)
    writer.put_many([check_in(f"c{i}", f"s{i}", "g1") for i in range(66)])
    closed: list[str] = []
    real = AtomicJSONStorage.close

    def spy(self: AtomicJSONStorage) -> None:
        closed.append(self.path.name)
        real(self)

    monkeypatch.setattr(AtomicJSONStorage, "close", spy)
    reader = Store.open(data_dir)  # core.json is open: 1
    for i in range(62):
        assert reader.get(CheckIn, f"c{i}", stay_id=f"s{i}").id == f"c{i}"
    assert closed == []  # 63 open
    assert reader.get(Guest, "g1") is None  # core.json used again: now the newest
    assert reader.get(CheckIn, "c62", stay_id="s62").id == "c62"  # 64 open
    assert closed == []
    assert reader.get(CheckIn, "c63", stay_id="s63").id == "c63"  # the 65th closes the least used
    assert closed == ["s0.json"]
    assert reader.get(CheckIn, "c64", stay_id="s64").id == "c64"
    assert closed == ["s0.json", "s1.json"]
    assert reader.get(CheckIn, "c0", stay_id="s0").id == "c0"  # reopened, still right
    assert closed == ["s0.json", "s1.json", "s2.json"]
    # Another terminal changes a closed file: read as it is now.
    writer.put(check_in("c1", "s1", "g1", note="changed"))
    assert reader.get(CheckIn, "c1", stay_id="s1").note == "changed"


# -- telling a lost core from a new house ----------------------------------------


def lost_core_house(tmp_path: Path) -> Path:
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, FixedClock(T0))
    store.put_many([guest("g1"), stay("s1", "g1")])
    store.put_many([check_in("c1", "s1", "g1"), shift("sh1", pendulum.date(2025, 3, 4))])
    return data_dir


def test_a_missing_core_beside_stay_files_is_damage(tmp_path: Path):
    data_dir = lost_core_house(tmp_path)
    os.unlink(data_dir / "store" / "core.json")
    assert damaged_message(data_dir) == (
        f"The data file {data_dir / 'store' / 'core.json'} cannot be read: it is missing, yet this "
        "folder has stay files: it was lost or emptied, not a new house."
    )
    assert not (data_dir / "store" / "core.json").exists()


def test_a_missing_core_beside_month_files_is_damage(tmp_path: Path):
    data_dir = lost_core_house(tmp_path)
    os.unlink(data_dir / "store" / "core.json")
    os.unlink(data_dir / "store" / "stays" / "s1.json")
    (data_dir / "store" / "stays" / "notes.txt").write_text("not a stay file")
    assert damaged_message(data_dir).endswith(
        ": it is missing, yet this folder has month files: it was lost or emptied, not a new house."
    )


def test_a_missing_core_beside_only_other_files_is_a_new_house(tmp_path: Path):
    data_dir = lost_core_house(tmp_path)
    os.unlink(data_dir / "store" / "core.json")
    os.unlink(data_dir / "store" / "stays" / "s1.json")
    os.unlink(data_dir / "store" / "months" / "2025-03.json")
    (data_dir / "store" / "stays" / "notes.txt").write_text("not a stay file")
    (data_dir / "store" / "months" / "notes.txt").write_text("not a month file")
    store = Store.open(data_dir)
    assert store.get(Guest, "g1") is None


def test_an_emptied_core_with_a_backup_holding_records_is_damage(tmp_path: Path):
    data_dir = lost_core_house(tmp_path)
    store = Store.open(data_dir, FixedClock(T0))
    store.backup("daily")
    core = data_dir / "store" / "core.json"
    core.write_bytes(encode({"meta": raw(core)["meta"], "guests": {}}))
    assert damaged_message(data_dir) == (
        f"The data file {core} cannot be read: it holds no guests, stays or staff, yet this folder "
        "has backups that hold records: it was lost or emptied, not a new house."
    )
    # A damaged newer backup is passed over; the older good one still shows it.
    store.backup("later")
    (store.list_backups()[0].path / "core.json").unlink()
    (store.list_backups()[0].path / "core.json").write_bytes(b"{garbled")
    assert damaged_message(data_dir).endswith("has backups that hold records: it was lost or emptied, not a new house.")


def test_an_emptied_core_without_records_in_backups_is_a_new_house(tmp_path: Path):
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, FixedClock(T0))
    store.backup("daily")  # a backup of a house with no records yet
    store.backup("later")
    (store.list_backups()[0].path / "core.json").write_bytes(b"{garbled")
    store.put(check_in("c1", "s1", "g1"))  # stay files are no sign while core.json is there
    assert Store.open(data_dir).get(CheckIn, "c1", stay_id="s1") is not None


def test_a_core_with_records_opens_whatever_the_backups_hold(tmp_path: Path):
    data_dir = lost_core_house(tmp_path)
    Store.open(data_dir).backup("daily")
    assert Store.open(data_dir).get(Guest, "g1") == guest("g1")


# -- temp files at open ----------------------------------------------------------


def test_opening_and_the_tidy_remove_only_temp_files_in_each_store_folder(tmp_path: Path):
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.put(shift("sh1", pendulum.date(2025, 3, 4)))
    root = data_dir / "store"
    temps = [root / ".core.json.tmp-0123456789ab", root / "months" / ".2025-03.json.tmp-0123456789ab"]
    kept = [root / ".hidden", root / "core.json.tmp-0123456789ab", root / "months" / "x.tmp-1"]
    for path in temps + kept:
        path.write_bytes(b"{}")
    assert not (root / "stays").exists()  # a missing folder does not stop the others
    Store.open(data_dir).remove_stray_temp_files()
    assert [p for p in temps if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []
    assert (root / ".lock").exists()


# -- schema ----------------------------------------------------------------------


def test_newer_data_is_refused_in_words(tmp_path: Path):
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.set_meta("schema", {"version": store_module.SCHEMA_VERSION + 1})
    with pytest.raises(StoreTooNew) as caught:
        Store.open(data_dir)
    assert str(caught.value) == (
        f"This house's data was written by a newer crisishouse (schema {store_module.SCHEMA_VERSION + 1}; "
        f"this one knows up to {store_module.SCHEMA_VERSION}). Update crisishouse."
    )


def test_a_new_house_records_its_schema_version(tmp_path: Path):
    store = Store.open(tmp_path / "house")
    assert raw(store.root / "core.json") == {"meta": {"schema": {"version": store_module.SCHEMA_VERSION}}}
    assert store.list_backups() == []


# -- the daily backup ------------------------------------------------------------


def test_the_daily_backup_is_taken_once_a_utc_day(tmp_path: Path):
    clock = FixedClock(pendulum.datetime(2025, 3, 1, 23, 30, tz="UTC"))
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, clock)
    store.put(guest("g1"))
    made = store.daily_backup()
    assert made is not None and made.reason == "daily" and made.day == "2025-03-01"
    assert store.damage_found is None and store.backup_problem is None
    assert store.daily_backup() is None
    # Another terminal the same day takes none.
    assert Store.open(data_dir, clock).daily_backup() is None
    # Once taken, not looked for again that day.
    for backup in store.list_backups():
        shutil.rmtree(backup.path)
    assert store.daily_backup() is None
    assert store.list_backups() == []
    clock.set(pendulum.datetime(2025, 3, 2, 0, 30, tz="UTC"))
    assert store.daily_backup().day == "2025-03-02"
    assert store.daily_backup() is None


def test_no_daily_backup_without_a_core_file(tmp_path: Path):
    store = Store.open(tmp_path / "house", FixedClock(T0))
    os.unlink(store.root / "core.json")
    assert store.daily_backup() is None
    assert store.list_backups() == []


def test_a_failed_daily_backup_is_reported_and_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = Store.open(tmp_path / "house", FixedClock(T0))
    store.put(guest("g1"))
    real = store_module.backup_files.take_backup

    def fail(error: OSError):
        def take(*_args, **_kwargs):
            raise error

        return take

    monkeypatch.setattr(store_module.backup_files, "take_backup", fail(OSError(28, "No space left on device")))
    assert store.daily_backup() is None
    assert store.backup_problem == "Today's backup could not be made: No space left on device."
    monkeypatch.setattr(store_module.backup_files, "take_backup", fail(OSError("the disk went away")))
    assert store.daily_backup() is None
    assert store.backup_problem == "Today's backup could not be made: the disk went away."
    monkeypatch.setattr(store_module.backup_files, "take_backup", real)
    assert store.daily_backup() is not None
    assert store.backup_problem is None


def test_damage_found_by_the_daily_backup_is_kept_until_a_clean_one(tmp_path: Path):
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, FixedClock(T0))
    store.put_many([guest("g1"), stay("s1", "g1")])
    store.put(check_in("c1", "s1", "g1"))
    stay_file = data_dir / "store" / "stays" / "s1.json"
    good = stay_file.read_bytes()
    stay_file.write_bytes(b"{garbled")
    made = store.daily_backup()
    assert made is not None and made.damaged
    assert store.damage_found == made
    # Same day: nothing new taken, the finding stays.
    assert store.daily_backup() is None
    assert store.damage_found == made
    stay_file.write_bytes(good)
    next_day = Store.open(data_dir, FixedClock(T0.add(days=1)))
    next_day.damage_found = made
    assert next_day.daily_backup() is not None
    assert next_day.damage_found is None


# -- small things ----------------------------------------------------------------


def test_relative_names_a_file_under_the_store(two_stays: Store):
    assert two_stays.relative(two_stays.root / "stays" / "s1.json") == "stays/s1.json"


def test_records_carry_their_own_ids(two_stays: Store):
    with pytest.raises(RuntimeError, match="^crisishouse records carry their own ids$"):
        two_stays._db("core").table("guests").insert({"chosen_name": "x"})


# -- the storage: parse on change, check only what changed ----------------------------


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each time a file's bytes are parsed (by file name)."""
    seen: list[str] = []
    real = storage_module.parse_data

    def spy(path: Path, raw_bytes: bytes) -> dict:
        seen.append(Path(path).name)
        return real(path, raw_bytes)

    monkeypatch.setattr(storage_module, "parse_data", spy)
    return seen


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the records checked as they were read."""
    seen: list[str] = []
    real = validate_module.from_doc

    def spy(cls: type, doc: dict):
        seen.append(doc["id"])
        return real(cls, doc)

    monkeypatch.setattr(validate_module, "from_doc", spy)
    return seen


def docs(*records: CheckIn) -> dict:
    return {"check_ins": {r.id: to_doc(r) for r in records}}


def test_a_file_is_parsed_again_only_when_its_bytes_change(tmp_path: Path, parses: list[str]):
    path = tmp_path / "s1.json"
    mine = AtomicJSONStorage(path, validate_tables)
    other = AtomicJSONStorage(path, validate_tables)
    assert mine.read() is None and other.read() is None
    first = docs(check_in("c1", "s1", "g1"))
    mine.write(first)
    assert mine.read() == first and mine.read() == first
    assert parses == []  # its own write is known without parsing
    assert other.read() == first and other.read() == first
    assert parses == ["s1.json"]
    mine.write(first)  # the same bytes again
    assert other.read() == first
    assert parses == ["s1.json"]
    second = docs(check_in("c1", "s1", "g1", note="changed"))
    mine.write(second)
    assert other.read() == second and other.read() == second
    assert parses == ["s1.json", "s1.json"]
    other.forget()
    assert other.read() == second
    assert len(parses) == 3
    path.unlink()
    assert other.read() is None
    mine.write(first)
    assert other.read() == first


def test_only_records_another_terminal_changed_are_checked_again(tmp_path: Path, checked: list[str]):
    path = tmp_path / "s1.json"
    a = AtomicJSONStorage(path, validate_tables)
    b = AtomicJSONStorage(path, validate_tables)
    c1, c2, c3, c4 = (check_in(f"c{i}", "s1", "g1") for i in range(1, 5))
    a.write(docs(c1, c2))
    assert checked == []  # a write is not checked as it is read back
    b.read()
    assert checked == ["c1", "c2"]
    a.write(docs(c1, replace(c2, note="changed")))
    b.read()
    assert checked == ["c1", "c2", "c2"]
    b.write(docs(c1, replace(c2, note="changed"), c3))
    a.read()
    assert checked == ["c1", "c2", "c2", "c3"]
    a.write(docs(c1, replace(c2, note="changed"), c3, c4))
    b.read()
    assert checked == ["c1", "c2", "c2", "c3", "c4"]
    b.forget()  # what was checked is kept across forgetting what was parsed
    b.read()
    assert checked == ["c1", "c2", "c2", "c3", "c4"]


def test_a_bad_record_another_process_wrote_is_damage_naming_the_file(tmp_path: Path):
    path = tmp_path / "s1.json"
    reader = AtomicJSONStorage(path, validate_tables)
    AtomicJSONStorage(path, validate_tables).write(docs(check_in("c1", "s1", "g1")))
    reader.read()
    bad = docs(check_in("c1", "s1", "g1"))
    bad["check_ins"]["c2"] = {**bad["check_ins"]["c1"], "id": "c2", "outcome": "bogus"}
    path.write_bytes(encode(bad))
    with pytest.raises(StoreDamaged) as caught:
        reader.read()
    assert str(caught.value).startswith(f"The data file {path} cannot be read: its check_ins record c2 is not valid (")
    assert caught.value.path == path


def test_a_bad_record_in_a_stay_file_is_damage_when_the_store_reads_it(two_stays: Store):
    two_stays.put(check_in("c1", "s1", "g1"))
    stay_file = two_stays.root / "stays" / "s1.json"
    bad = raw(stay_file)
    bad["check_ins"]["c1"]["outcome"] = "bogus"
    stay_file.write_bytes(encode(bad))
    with pytest.raises(StoreDamaged) as caught:
        two_stays.find(CheckIn, stay_id="s1")
    assert caught.value.path == stay_file
    assert "its check_ins record c1 is not valid" in str(caught.value)


# -- more edges --------------------------------------------------------------------------


def test_a_store_just_opened_has_no_backup_problem_or_damage_to_report(tmp_path: Path):
    store = Store.open(tmp_path / "house", FixedClock(T0))
    assert store.backup_problem is None
    assert store.damage_found is None


def test_a_temp_file_gone_before_it_is_removed_does_not_stop_the_opening(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    data_dir = tmp_path / "house"
    Store.open(data_dir)
    temp = data_dir / "store" / ".core.json.tmp-0123456789ab"
    temp.write_bytes(b"{}")
    real = os.unlink

    def gone_first(path, *args, **kwargs):
        if ".tmp-" in os.fspath(path):
            real(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", gone_first)
    Store.open(data_dir)
    assert not temp.exists()


def test_a_core_file_without_a_meta_table_is_erased_from_and_noted(tmp_path: Path):
    data_dir = tmp_path / "house"
    Store.open(data_dir).put_many([guest("g1"), guest("g2"), stay("s1", "g1")])
    core = data_dir / "store" / "core.json"
    core.write_bytes(encode({k: v for k, v in raw(core).items() if k != "meta"}))
    store = Store.open(data_dir)
    store.erasure_done("g1")  # nothing noted: nothing to drop
    assert raw(core)["meta"] == {}
    core.write_bytes(encode({k: v for k, v in raw(core).items() if k != "meta"}))
    store.erase_guest("g1", ["s1"], erasure("e1"))
    assert store.pending_erasures() == [("g1", ["s1"])]
    assert raw(core)["meta"]["erased"] == {"marks": sorted([mark("g1"), mark("s1")])}
    assert set(raw(core)["guests"]) == {"g2"}


def test_erasing_lets_go_of_an_open_stay_file(two_stays: Store, monkeypatch: pytest.MonkeyPatch):
    two_stays.put(check_in("c1", "s1", "g1"))
    two_stays.get(CheckIn, "c1", stay_id="s1")
    closed: list[str] = []
    real = AtomicJSONStorage.close

    def spy(self: AtomicJSONStorage) -> None:
        closed.append(self.path.name)
        real(self)

    monkeypatch.setattr(AtomicJSONStorage, "close", spy)
    two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    assert closed == ["s1.json"]


def test_finishing_an_erasure_takes_the_guest_out_of_the_backups(two_stays: Store, monkeypatch: pytest.MonkeyPatch):
    two_stays.backup("test")

    def crash(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(store_module.erasing, "remove_stay_files", crash)
    with pytest.raises(KeyboardInterrupt):
        two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    monkeypatch.undo()
    backup_core = two_stays.list_backups()[0].path / "core.json"
    assert "g1" in raw(backup_core)["guests"]
    two_stays.finish_erasure("g1", ["s1"])
    assert set(raw(backup_core)["guests"]) == {"g2"}
    assert set(raw(backup_core)["stays"]) == {"s2"}


def test_the_newest_good_backup_of_a_damaged_file_is_found(two_stays: Store):
    two_stays.put(check_in("c1", "s1", "g1"))
    made = two_stays.backup("test")
    (two_stays.root / "stays" / "s1.json").write_bytes(b"{garbled")
    with pytest.raises(StoreDamaged) as caught:
        two_stays.find(CheckIn, stay_id="s1")
    assert two_stays.newest_good_backup(caught.value) == made


# -- owner-only modes at opening ---------------------------------------------------------


def own_mode_of(path: Path) -> int:
    """The permission bits of `path` itself: a link's own, never its target's."""
    return os.lstat(path).st_mode & 0o777


def open_everything(folder: Path) -> None:
    """As a folder made beforehand with a loose umask: folders 0755, files 0644."""
    os.chmod(folder, 0o755)
    for parent, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(Path(parent) / name, 0o755)
        for name in files:
            os.chmod(Path(parent) / name, 0o644)


def test_a_data_folder_open_to_others_is_made_owner_only_throughout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, FixedClock(T0))
    store.put_many([guest("g1"), stay("s1", "g1")])
    store.put(check_in("c1", "s1", "g1"))
    store.backup("test")
    (data_dir / "printouts").mkdir()
    (data_dir / "printouts" / "s1.txt").write_text("a printout")
    (data_dir / "house.toml").write_text("")
    (data_dir / "store" / "stays" / "s0.json").write_bytes(encode({}))
    os.chmod(data_dir / "store" / "stays" / "s0.json", 0o400)  # the owner's own bits are kept
    outside = tmp_path / "outside.txt"
    outside.write_text("not the house's")
    (data_dir / "store" / "link.json").symlink_to(outside)
    (data_dir / "backups" / "link").symlink_to(outside)
    open_everything(data_dir)
    os.chmod(data_dir / "store" / "stays" / "s0.json", 0o444)
    os.chmod(outside, 0o644)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("")
    os.chmod(elsewhere / "x.txt", 0o644)
    monkeypatch.chdir(elsewhere)
    Store.open(data_dir)
    loose = {
        str(p.relative_to(data_dir)): oct(own_mode_of(p))
        for p in [data_dir, *data_dir.rglob("*")]
        if not p.is_symlink() and own_mode_of(p) & 0o077
    }
    assert loose == {}
    assert own_mode_of(data_dir) == 0o700
    assert own_mode_of(data_dir / "store" / "stays") == 0o700
    assert own_mode_of(data_dir / "store" / "stays" / "s1.json") == 0o600
    assert own_mode_of(data_dir / "printouts" / "s1.txt") == 0o600
    assert own_mode_of(data_dir / "store" / "stays" / "s0.json") == 0o400
    assert own_mode_of(outside) == 0o644  # a link is never followed out of the house
    assert own_mode_of(elsewhere / "x.txt") == 0o644


def test_an_owner_only_data_folder_has_its_known_folders_and_top_files_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, FixedClock(T0))
    store.put_many([guest("g1"), stay("s1", "g1"), shift("sh1", pendulum.date(2025, 3, 4))])
    store.put(check_in("c1", "s1", "g1"))
    store.backup("test")
    for name in ("printouts", "damaged"):
        (data_dir / name).mkdir()
    (data_dir / "house.toml").write_text("")
    open_everything(data_dir)
    os.chmod(data_dir, 0o700)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("")
    os.chmod(elsewhere / "x.txt", 0o644)
    monkeypatch.chdir(elsewhere)
    Store.open(data_dir)
    assert own_mode_of(elsewhere / "x.txt") == 0o644  # nothing outside the house is touched
    folders = ["store", "store/stays", "store/months", "backups", "damaged", "printouts"]
    assert {f: oct(own_mode_of(data_dir / f)) for f in folders} == {f: oct(0o700) for f in folders}
    assert own_mode_of(data_dir / "house.toml") == 0o600
    assert own_mode_of(data_dir / "store" / "core.json") == 0o600
    # Not walked: the folder itself was never open to others.
    assert own_mode_of(data_dir / "store" / "stays" / "s1.json") == 0o644


# -- erasing several guests at once --------------------------------------------------


def test_several_guests_are_erased_in_one_write_with_a_note_each(two_stays: Store, writes: list[str]):
    writes.clear()
    refused = two_stays.erase_guests([ToErase("g1", ["s1"], erasure("e1")), ToErase("g2", ["s2"], erasure("e2"))])
    assert refused == {}
    assert writes.count("store/core.json") == 1, "one write of core.json for both"
    core = raw(two_stays.root / "core.json")
    assert core["guests"] == {} and core["stays"] == {}
    assert set(core["erasures"]) == {"e1", "e2"}
    assert core["meta"]["erased"] == {"marks": sorted(mark(i) for i in ("g1", "s1", "g2", "s2"))}
    assert sorted(two_stays.pending_erasures()) == [("g1", ["s1"]), ("g2", ["s2"])]
    writes.clear()
    two_stays.erasures_done(["g1", "g2"])
    assert writes.count("store/core.json") == 1
    assert two_stays.pending_erasures() == []
    assert "g1" not in json.dumps(raw(two_stays.root / "core.json"))


def test_a_guest_erased_elsewhere_or_whose_stays_changed_is_left_and_the_others_erased(two_stays: Store):
    two_stays.put_many([guest("g3"), stay("s3", "g3")])
    Store.open(two_stays.data_dir).erase_guest("g1", ["s1"], erasure("e0"))  # another terminal, first
    refused = two_stays.erase_guests(
        [
            ToErase("g1", ["s1"], erasure("e1")),
            ToErase("g2", ["s2", "s9"], erasure("e2")),  # asked with stays she no longer has
            ToErase("g3", ["s3"], erasure("e3")),
        ]
    )
    assert isinstance(refused["g1"], RecordGone) and isinstance(refused["g2"], RuleBroken)
    assert set(refused) == {"g1", "g2"}
    core = raw(two_stays.root / "core.json")
    assert set(core["guests"]) == {"g2"} and set(core["stays"]) == {"s2"}
    assert set(core["erasures"]) == {"e0", "e3"}, "one Erasure each, counted once"
    assert sorted(g for g, _ in two_stays.pending_erasures()) == ["g1", "g3"]


def test_nothing_to_erase_writes_nothing(two_stays: Store, writes: list[str]):
    two_stays.erase_guest("g1", ["s1"], erasure("e1"))
    writes.clear()
    assert set(two_stays.erase_guests([ToErase("g1", ["s1"], erasure("e2"))])) == {"g1"}
    assert writes == []
