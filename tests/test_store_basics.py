"""The store's everyday promises: ids, modes, backups, schema, sharing and text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import crisishouse.store.schema as schema_module
import crisishouse.store.store as store_module
from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn, Guest, Stay
from crisishouse.store import Store, StoreTooNew, check_folder, set_damaged_aside
from crisishouse.store.schema import SCHEMA_VERSION
from crisishouse.text import clean_text
from tests.builders import T0, check_in, guest, mode_of, raw, stay

ROOT = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().parent / "store_writer.py"


# -- ids -------------------------------------------------------------------


def test_records_put_after_reopening_never_overwrite_earlier_ones(tmp_path):
    """Records put from a fresh Store after reopening are added, never written over earlier ones."""
    data_dir = tmp_path / "house"
    first = Store.open(data_dir)
    for i in range(10):
        first.put(check_in(note=f"first {i}"))
        first.put(Guest(chosen_name=f"First {i}", created_at=T0))
    second = Store.open(data_dir)
    for i in range(10):
        second.put(check_in(note=f"second {i}"))
        second.put(Guest(chosen_name=f"Second {i}", created_at=T0))

    third = Store.open(data_dir)
    notes = sorted(c.note for c in third.find(CheckIn, stay_id="stay-1"))
    assert notes == sorted([f"first {i}" for i in range(10)] + [f"second {i}" for i in range(10)])
    assert len({c.id for c in third.find(CheckIn, stay_id="stay-1")}) == 20
    assert sorted(g.chosen_name for g in third.find(Guest)) == sorted(
        [f"First {i}" for i in range(10)] + [f"Second {i}" for i in range(10)]
    )


def test_put_of_an_existing_id_replaces_it(tmp_path):
    """Putting a record with an existing id updates it in place of adding a second one."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.put(check_in("c1", note="before"))
    store.put(check_in("c2", note="other"))
    store.put(guest("Aroha"))

    store.put(check_in("c1", note="after", outcome="asleep"))
    store.put(Guest(id="aroha", chosen_name="Aroha T", pronouns="she/her", created_at=T0))

    for reader in (store, Store.open(data_dir)):
        by_id = {c.id: c for c in reader.find(CheckIn, stay_id="stay-1")}
        assert sorted(by_id) == ["c1", "c2"]
        assert (by_id["c1"].note, by_id["c1"].outcome) == ("after", "asleep")
        assert reader.get(CheckIn, "c1", stay_id="stay-1") == by_id["c1"]
        assert reader.find(Guest) == [Guest(id="aroha", chosen_name="Aroha T", pronouns="she/her", created_at=T0)]


def test_remove_deletes_only_that_record(tmp_path):
    """remove deletes the record with that id and nothing else; removing it again is harmless."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    c1, c2 = check_in("c1"), check_in("c2")
    store.put(c1)
    store.put(c2)
    store.put(guest("Aroha"))

    store.remove(c1)
    store.remove(c1)
    store.remove(guest("Aroha"))

    reopened = Store.open(data_dir)
    assert [c.id for c in reopened.find(CheckIn, stay_id="stay-1")] == ["c2"]
    assert reopened.get(CheckIn, "c1", stay_id="stay-1") is None
    assert reopened.find(Guest) == []


# -- file modes ------------------------------------------------------------


@pytest.fixture
def open_umask():
    """Run with umask 0, so modes come from the store and not from the umask."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_files_are_0600_and_folders_0700(tmp_path, open_umask):
    """Data files, the lock, backups and damaged copies are 0600; every folder the store makes is 0700."""
    data_dir = tmp_path / "house"
    clock = FixedClock(T0)
    store = Store.open(data_dir, clock=clock)
    store.put(guest("Aroha"))
    store.put(check_in("c1"))
    store.backup("test")
    clock.advance(days=1)
    store.put(check_in("c2"))
    store.daily_backup()
    shard = data_dir / "store" / "stays" / "stay-1.json"
    shard.write_bytes(b"{not json")  # only a damaged file is ever set aside
    set_damaged_aside(data_dir, shard)

    folders = [p for p in data_dir.rglob("*") if p.is_dir()] + [data_dir]
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.relative_to(data_dir).parts[0] for p in folders if p != data_dir} == {"store", "backups", "damaged"}
    assert len(store.list_backups()) == 2
    assert any(p.name == ".lock" for p in files)
    assert {str(p.relative_to(data_dir)): oct(mode_of(p)) for p in folders if mode_of(p) != 0o700} == {}
    assert {str(p.relative_to(data_dir)): oct(mode_of(p)) for p in files if mode_of(p) != 0o600} == {}


# -- backups ---------------------------------------------------------------


def test_backup_is_a_hard_link_snapshot_that_later_writes_do_not_change(tmp_path):
    """store.backup snapshots every data file, hard-linking unchanged ones, and later writes leave it as it was."""
    data_dir = tmp_path / "house"
    clock = FixedClock(T0)
    store = Store.open(data_dir, clock=clock)
    store.put(guest("Aroha"))
    store.put(check_in("c1", "stay-1"))
    store.put(check_in("c2", "stay-2"))
    root = data_dir / "store"
    names = ["core.json", "stays/stay-1.json", "stays/stay-2.json"]

    first = store.backup("test")
    clock.advance(minutes=1)
    store.put(check_in("c3", "stay-1"))
    second = store.backup("again")

    for backup in (first, second):
        assert sorted(str(p.relative_to(backup.path)) for p in backup.path.rglob("*.json")) == names
    assert (second.path / "stays/stay-1.json").read_bytes() == (root / "stays/stay-1.json").read_bytes()
    # Files unchanged since the first backup are hard links, not new copies.
    for name in ("core.json", "stays/stay-2.json"):
        assert os.stat(second.path / name).st_nlink >= 2
    saved = {(b.reason, name): (b.path / name).read_bytes() for b in (first, second) for name in names}
    assert sorted(raw(first.path / "stays/stay-1.json")["check_ins"]) == ["c1"]

    store.put(Guest(id="aroha", chosen_name="Changed", created_at=T0))
    store.put(check_in("c1", "stay-1", note="changed"))
    store.put(check_in("c4", "stay-1"))
    store.remove(check_in("c2", "stay-2"))

    assert {(b.reason, name): (b.path / name).read_bytes() for b in (first, second) for name in names} == saved
    assert (root / "core.json").read_bytes() != saved[("test", "core.json")]
    assert [b.path for b in store.list_backups()] == [second.path, first.path]


def test_prune_keeps_only_the_newest_14_days(tmp_path):
    """Backups are pruned to the newest 14 days that have any, however many each day has."""
    data_dir = tmp_path / "house"
    clock = FixedClock(T0)
    store = Store.open(data_dir, clock=clock)
    store.put(guest("Aroha"))
    days = []
    for _ in range(20):
        days.append(clock.now().format("YYYY-MM-DD"))
        store.backup("morning")
        clock.advance(hours=8)
        store.backup("evening")
        clock.advance(days=1, hours=-8)

    kept = store.list_backups()
    assert sorted({b.day for b in kept}) == days[-14:]
    assert len(kept) == 28
    assert len([p for p in (data_dir / "backups").iterdir()]) == 28


def test_daily_backup_is_taken_once_a_day_and_never_by_a_save(tmp_path):
    """Saves never wait for a backup; daily_backup takes one a day, from any terminal."""
    data_dir = tmp_path / "house"
    clock = FixedClock(T0)
    store = Store.open(data_dir, clock=clock)
    store.put(check_in("c1"))
    clock.advance(days=1)
    store.put(check_in("c2"))
    assert store.list_backups() == [], "a save takes no backup"

    first = store.daily_backup()
    assert first is not None and first.reason == "daily"
    store.put(check_in("c3"))
    assert store.daily_backup() is None
    assert Store.open(data_dir, clock=clock).daily_backup() is None, "another terminal sees today's"
    backups = store.list_backups()
    assert [(b.day, b.reason) for b in backups] == [("2025-03-02", "daily")]
    assert sorted(raw(backups[0].path / "stays" / "stay-1.json")["check_ins"]) == ["c1", "c2"]

    clock.advance(days=1)
    Store.open(data_dir, clock=clock).daily_backup()
    backups = store.list_backups()
    assert [(b.day, b.reason) for b in backups] == [("2025-03-03", "daily"), ("2025-03-02", "daily")]
    assert sorted(raw(backups[0].path / "stays" / "stay-1.json")["check_ins"]) == ["c1", "c2", "c3"]


# -- schema version --------------------------------------------------------


def test_fresh_store_records_the_schema_version(tmp_path):
    """A new data folder records the current SCHEMA_VERSION in core.json."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)

    assert store.get_meta("schema") == {"version": SCHEMA_VERSION}
    assert store.schema_version == SCHEMA_VERSION
    assert raw(data_dir / "store" / "core.json")["meta"]["schema"] == {"version": SCHEMA_VERSION}


def test_data_from_a_newer_crisishouse_is_refused(tmp_path):
    """A core.json with a higher schema version makes Store.open raise StoreTooNew and changes nothing."""
    data_dir = tmp_path / "house"
    Store.open(data_dir).set_meta("schema", {"version": SCHEMA_VERSION + 1})
    core = data_dir / "store" / "core.json"
    before = core.read_bytes()

    with pytest.raises(StoreTooNew) as caught:
        Store.open(data_dir)

    assert "newer crisishouse" in str(caught.value)
    assert core.read_bytes() == before
    assert not (data_dir / "backups").exists()


def test_migration_runs_once_after_a_backup(tmp_path, monkeypatch):
    """A registered migration runs once at open, after a before-migration backup, and the version becomes 2."""
    data_dir = tmp_path / "house"
    clock = FixedClock(T0)
    old = Store.open(data_dir, clock=clock)
    old.put(guest("aroha"))
    old.put(stay("stay-1"))
    calls = []

    def to_v2(store: Store) -> None:
        calls.append(store.schema_version)
        for g in store.find(Guest):
            store.put(Guest(id=g.id, chosen_name=g.chosen_name.title(), created_at=g.created_at))

    for module in (schema_module, store_module):
        monkeypatch.setattr(module, "SCHEMA_VERSION", 2)
        monkeypatch.setattr(module, "MIGRATIONS", {1: to_v2})

    clock.advance(hours=1)
    migrated = Store.open(data_dir, clock=clock)

    assert calls == [1]
    assert migrated.schema_version == 2
    assert migrated.get_meta("schema") == {"version": 2}
    assert [g.chosen_name for g in migrated.find(Guest)] == ["Aroha"]
    backups = migrated.list_backups()
    assert [b.reason for b in backups] == ["before-migration"]
    before = raw(backups[0].path / "core.json")
    assert before["meta"]["schema"] == {"version": 1}
    assert before["guests"]["aroha"]["chosen_name"] == "aroha"

    reopened = Store.open(data_dir, clock=clock)
    assert calls == [1]
    assert reopened.schema_version == 2
    assert check_folder(data_dir).ok


# -- sharing between processes -------------------------------------------


def test_another_stores_write_is_seen_without_reopening(tmp_path):
    """A store sees records written by another Store on the same folder without being reopened."""
    data_dir = tmp_path / "house"
    a = Store.open(data_dir)
    a.put(check_in("c1"))
    a.put(guest("Aroha"))
    assert len(a.find(CheckIn, stay_id="stay-1")) == 1
    assert len(a.find(Guest)) == 1

    b = Store.open(data_dir)
    b.put(check_in("c2"))
    b.put(guest("Ben"))
    b.put(check_in("c9", "stay-9"))

    assert sorted(c.id for c in a.find(CheckIn, stay_id="stay-1")) == ["c1", "c2"]
    assert sorted(g.id for g in a.find(Guest)) == ["aroha", "ben"]
    assert a.get(CheckIn, "c2", stay_id="stay-1") is not None
    assert [c.id for c in a.find(CheckIn, stay_id="stay-9")] == ["c9"]


@pytest.mark.slow
def test_another_processs_write_is_seen_without_reopening(tmp_path):
    """A store sees check-ins written by a child process without being reopened."""
    data_dir = tmp_path / "house"
    a = Store.open(data_dir)
    a.put(check_in("c1"))
    assert len(a.find(CheckIn, stay_id="stay-1")) == 1
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))

    done = subprocess.run(
        [sys.executable, str(WRITER), str(data_dir), "stay-1", "child", "3"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert sorted(c.id for c in a.find(CheckIn, stay_id="stay-1")) == [
        "c1",
        "child-000000",
        "child-000001",
        "child-000002",
    ]


def test_filtered_find_sees_another_stores_write(tmp_path):
    """find with `where` sees records another Store wrote after the same query ran."""
    data_dir = tmp_path / "house"
    a = Store.open(data_dir)
    a.put(guest("Aroha"))
    a.put(stay("stay-1"))
    assert [s.id for s in a.find(Stay, where={"left_at": None})] == ["stay-1"]

    Store.open(data_dir).put(stay("stay-2"))

    assert sorted(s.id for s in a.find(Stay, where={"left_at": None})) == ["stay-1", "stay-2"]


def test_filtered_find_sees_own_put_many(tmp_path):
    """find with `where` sees records the same Store saved with put_many after the same query ran."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    store.put(guest("Aroha"))
    store.put(stay("stay-1"))
    assert [s.id for s in store.find(Stay, where={"left_at": None})] == ["stay-1"]

    store.put_many([stay("stay-2"), stay("stay-3")])

    assert sorted(s.id for s in store.find(Stay, where={"left_at": None})) == ["stay-1", "stay-2", "stay-3"]


def test_same_size_rewrites_within_one_clock_tick_are_seen(tmp_path):
    """A store sees another store's change even when the rewritten file has the same inode, size and mtime."""
    data_dir = tmp_path / "house"
    a = Store.open(data_dir)
    b = Store.open(data_dir)
    shard = data_dir / "store" / "stays" / "stay-1.json"
    b.put(check_in("c1", note="note 00"))
    for attempt in range(1, 20):
        assert a.find(CheckIn, stay_id="stay-1")[0].note == f"note {2 * attempt - 2:02d}"
        seen = os.stat(shard)
        # Two same-length saves: the second file often gets the first's freed inode.
        b.put(check_in("c1", note=f"note {2 * attempt - 1:02d}"))
        b.put(check_in("c1", note=f"note {2 * attempt:02d}"))
        now = os.stat(shard)
        if (now.st_ino, now.st_size) == (seen.st_ino, seen.st_size):
            break
    else:
        pytest.skip("this file system did not reuse the inode")
    # On file systems with coarse timestamps (one tick is several ms) all
    # three saves can carry the same mtime; make that so here.
    os.utime(shard, ns=(now.st_atime_ns, seen.st_mtime_ns))

    assert a.find(CheckIn, stay_id="stay-1")[0].note == f"note {2 * attempt:02d}"


# -- people's words --------------------------------------------------------

NOTES = {
    "rich markup": "[bold red]not bold[/] [@click=app.quit]quit[/] [/] [link=x]y[/link] \\[esc]",
    "escape sequences": (
        "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ "
        "\x1bPdcs\x1b\\ \x9b2J bell\x07 nul\x00 del\x7f c1\x85 bidi\u202eevil\u202c"
    ),
    "newlines and tabs": "  line one\r\nline two\rline three\n\ttabbed  \n",
    "emoji": "🙂 👩🏽‍🦱 🏳️‍🌈 🇳🇿 ❤️ keycap 1️⃣ and more 🫶",
    "macrons": "Māori whānau, Ōtautahi, tēnā koe — and decomposed: Ma\u0304ori wha\u0304nau",
    "json-ish": '{"check_ins": {"x": 1}} "quotes" \\backslash\\ \u2028 \u2029 </script>',
    "100 kB plain": "x" * 100_000,
    "100 kB mixed": ('Kia ora ā ē ī ō ū 🙂 [b]x[/b] \\ " \x1b[1m\n' * 2600)[:100_000],
}


@pytest.mark.parametrize("name", list(NOTES))
def test_notes_round_trip_exactly(tmp_path, name):
    """Markup, escapes, emoji, macrons and 100 kB notes come back exactly as the model cleaned them."""
    original = NOTES[name]
    expected = clean_text(original).strip()
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    record = check_in("c1", note=original)
    assert record.note == expected

    store.put(record)
    store.put_many([check_in("c2", note=original)])

    for reader in (store, Store.open(data_dir)):
        found = {c.id: c for c in reader.find(CheckIn, stay_id="stay-1")}
        assert found["c1"].note == expected
        assert found["c2"].note == expected
        assert found["c1"] == record
        assert reader.find(CheckIn, stay_id="stay-1", where={"note": expected})
    stored = raw(data_dir / "store" / "stays" / "stay-1.json")
    assert stored["check_ins"]["c1"]["note"] == expected


def test_a_text_test_rebuilds_only_the_records_that_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Looking up a name among many guests rebuilds only the guests of that name."""
    store = Store.open(tmp_path / "house", FixedClock(T0))
    store.put_many([guest(f"Guest {i}", f"g{i}") for i in range(50)] + [guest("Mere")])
    rebuilt: list[str] = []
    real = store_module.from_doc

    def counting(cls, doc):  # type: ignore[no-untyped-def]
        rebuilt.append(doc["id"])
        return real(cls, doc)

    monkeypatch.setattr(store_module, "from_doc", counting)
    found = store.find(Guest, text_test=("chosen_name", lambda name: name.casefold() == "mere"))
    assert [g.id for g in found] == ["mere"] and rebuilt == ["mere"]
    assert store.find(Guest, text_test=("no_such_field", lambda _name: True)) == []
