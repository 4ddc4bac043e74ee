"""The store under crashes, competing processes and a full disk."""

from __future__ import annotations

import errno
import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn, Guest, Stay
from crisishouse.store import Store, StoreWriteError, atomic, check_folder
from crisishouse.store import backups as backups_module
from tests.builders import T0, check_in
from tests.child_process import ROOT, child_env, read_first_line

WRITER = Path(__file__).resolve().parent / "store_writer.py"


# -- helpers ---------------------------------------------------------------


def start_writer(
    data_dir: Path, stay_id: str, prefix: str, count: int, kind: str = "checkin"
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), stay_id, prefix, str(count), kind],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        bufsize=0,
    )


def temp_files(folder: Path) -> list[Path]:
    """Files named like the store's temporary files (`.NAME.tmp-xxxx`)."""
    return [p for p in folder.rglob("*") if p.is_file() and p.name.startswith(".") and ".tmp-" in p.name]


def house_with_stays(folder: Path, stay_ids: list[str]) -> None:
    """A guest and a stay per id, each in its own room, as the writer expects: a house `check` finds whole."""
    store = Store.open(folder)
    for room, stay_id in enumerate(stay_ids, start=1):
        store.put(Guest(id=f"guest-{stay_id}", chosen_name=f"Guest {room}", created_at=T0))
        store.put(
            Stay(id=stay_id, guest_id=f"guest-{stay_id}", room=str(room), arrived_at=T0, planned_leaving=T0.date())
        )


def acknowledged(output: bytes) -> list[str]:
    """Ids on complete lines: writes the child saw return."""
    return output.decode().split("\n")[:-1]


# -- crashes -------------------------------------------------------------


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_write(tmp_path):
    """A writer killed with SIGKILL at any moment leaves a readable store holding every write that returned."""
    seed = int(os.environ.get("STORE_TEST_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    kills = 60
    folders = [tmp_path / "house-a", tmp_path / "house-b"]
    stays = ["stay-1", "stay-2", "stay-3"]
    acked: dict[tuple[Path, str], set[str]] = {}
    temps_left_by_kills = 0
    for folder in folders:
        house_with_stays(folder, stays)

    for n in range(kills):
        folder = folders[n % len(folders)]
        stay = stays[(n // len(folders)) % len(stays)]
        proc = start_writer(folder, stay, f"k{n}", 10_000_000)
        if n % 6 == 5:
            # Some kills land while the child starts up and opens the store.
            time.sleep(rng.uniform(0.0, 0.3))
            output = b""
        else:
            output = read_first_line(proc, timeout=20)
            time.sleep(rng.uniform(0.0, 0.12))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=20)
        output += proc.stdout.read()
        stderr = proc.stderr.read().decode(errors="replace")
        proc.stdout.close()
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL, (
            f"seed {seed}, kill {n}: the writer ended on its own ({proc.returncode}): {stderr}"
        )
        acked.setdefault((folder, stay), set()).update(acknowledged(output))

        temps_left_by_kills += len(temp_files(folder / "store"))
        store = Store.open(folder)
        store.remove_stray_temp_files()  # what the app does in the background once it is open
        assert temp_files(folder / "store") == [], f"seed {seed}, kill {n}: temp files left"
        for (where, stay_id), ids in acked.items():
            if where != folder:
                continue
            present = {c.id for c in store.find(CheckIn, stay_id=stay_id)}
            lost = ids - present
            assert not lost, (
                f"seed {seed}, kill {n}: {len(lost)} acknowledged writes to {stay_id} lost, e.g. {sorted(lost)[:3]}"
            )

    for folder in folders:
        report = check_folder(folder)
        assert report.ok, report.problems
    assert sum(len(ids) for ids in acked.values()) > kills, "the children hardly wrote anything"
    # Most kills land inside a write; if none did, this test proved nothing.
    assert temps_left_by_kills > 0, f"seed {seed}: no kill interrupted a write"


def test_stray_temp_files_are_removed_at_open_and_by_the_background_tidy(tmp_path):
    """Temp files left by a crash: store/'s own at open, those of stays/ and months/ by the tidy; data files kept."""
    store = Store.open(tmp_path / "house")
    store.put(check_in(note="kept"))
    root = tmp_path / "house" / "store"
    core_stray = root / ".core.json.tmp-0123456789ab"
    strays = [
        root / "stays" / ".stay-1.json.tmp-ba9876543210",
        root / "months" / ".2025-03.json.tmp-aaaaaaaaaaaa",
    ]
    for stray in (core_stray, *strays):
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_bytes(b'{"check_ins": {"half-writ')
    other = root / "stays" / "notes.txt"
    other.write_text("not a temp file")

    reopened = Store.open(tmp_path / "house")
    assert not core_stray.exists()
    assert all(p.exists() for p in strays), "opening does not list the folders that grow with every stay"
    reopened.remove_stray_temp_files()

    assert [p for p in strays if p.exists()] == []
    assert other.exists()
    assert [c.note for c in reopened.find(CheckIn, stay_id="stay-1")] == ["kept"]


# -- competing processes -------------------------------------------------


def run_two_writers(data_dir: Path, stay_id: str, kind: str, count: int = 500) -> list[list[str]]:
    procs = [start_writer(data_dir, stay_id, prefix, count, kind) for prefix in ("p1", "p2")]
    printed = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err.decode(errors="replace")
        printed.append(acknowledged(out))
    return printed


def prefix_switches(ids: list[str]) -> int:
    prefixes = [i.split("-")[0] for i in ids]
    return sum(1 for a, b in itertools.pairwise(prefixes) if a != b)


@pytest.mark.slow
def test_two_processes_writing_one_stay_lose_nothing(tmp_path):
    """Two processes putting 500 check-ins each into the same stay file at once keep all 1,000."""
    data_dir = tmp_path / "house"
    printed = run_two_writers(data_dir, "stay-1", "checkin")

    assert [len(p) for p in printed] == [500, 500]
    stored = Store.open(data_dir).find(CheckIn, stay_id="stay-1")
    assert sorted(c.id for c in stored) == sorted(printed[0] + printed[1])
    # The file's order is the order of the writes: they really did interleave.
    raw = json.loads((data_dir / "store" / "stays" / "stay-1.json").read_text())
    assert prefix_switches(list(raw["check_ins"])) >= 2


@pytest.mark.slow
def test_two_processes_writing_core_records_lose_nothing(tmp_path):
    """Two processes putting 500 guests each into core.json at once keep all 1,000."""
    data_dir = tmp_path / "house"
    Store.open(data_dir).put(Guest(id="before", chosen_name="Here first", created_at=T0))
    printed = run_two_writers(data_dir, "unused", "guest")

    assert [len(p) for p in printed] == [500, 500]
    stored = Store.open(data_dir).find(Guest)
    assert sorted(g.id for g in stored) == sorted(["before", *printed[0], *printed[1]])
    raw = json.loads((data_dir / "store" / "core.json").read_text())
    assert prefix_switches([i for i in raw["guests"] if i != "before"]) >= 2


# -- a full disk -----------------------------------------------------------


def no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def store_files(data_dir: Path) -> dict[str, bytes]:
    root = data_dir / "store"
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    "change",
    ["new check-in", "first check-in of a new stay", "changed guest", "put_many"],
)
def test_full_disk_refuses_the_write_and_keeps_what_was_saved(tmp_path, monkeypatch, change):
    """With the disk full, a save raises StoreWriteError saying nothing changed, and the old data stays intact."""
    data_dir = tmp_path / "house"
    store = Store.open(data_dir)
    guest = Guest(id="guest-1", chosen_name="Aroha", created_at=T0)
    store.put(guest)
    store.put(check_in("c1", note="first"))
    before = store_files(data_dir)

    attempt = {
        "new check-in": lambda: store.put(check_in("c2", note="second")),
        "first check-in of a new stay": lambda: store.put(check_in("c3", "stay-2")),
        "changed guest": lambda: store.put(Guest(id="guest-1", chosen_name="Aroha Changed", created_at=T0)),
        "put_many": lambda: store.put_many([check_in("c4"), Guest(id="guest-2", chosen_name="Bo", created_at=T0)]),
    }[change]
    with monkeypatch.context() as m:
        m.setattr(atomic.os, "write", no_space)
        with pytest.raises(StoreWriteError) as caught:
            attempt()

    message = str(caught.value)
    assert "No space left on device" in message
    assert "Nothing was changed" in message
    assert caught.value.error.errno == errno.ENOSPC
    assert store_files(data_dir) == before
    assert temp_files(data_dir) == []
    assert not (data_dir / "store" / "stays" / "stay-2.json").exists()
    for reader in (store, Store.open(data_dir)):
        assert reader.find(Guest) == [guest]
        assert [c.id for c in reader.find(CheckIn, stay_id="stay-1")] == ["c1"]
        assert reader.find(CheckIn, stay_id="stay-2") == []
    # Once there is room again, saving works.
    store.put(check_in("c5"))
    assert {c.id for c in Store.open(data_dir).find(CheckIn, stay_id="stay-1")} == {"c1", "c5"}


def test_daily_backup_on_a_full_disk_is_reported_and_tried_again(tmp_path, monkeypatch):
    """A daily backup that fails for lack of space says why, leaves no partial folder, and is taken later."""
    clock = FixedClock(T0)
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, clock=clock)
    store.put(check_in("c1"))
    clock.advance(days=1)

    with monkeypatch.context() as m:
        m.setattr(backups_module.os, "makedirs", no_space)
        m.setattr(backups_module.shutil, "copy2", no_space)
        assert store.daily_backup() is None
    assert store.backup_problem and "No space left" in store.backup_problem
    assert not [p for p in (data_dir / "backups").iterdir() if p.name.startswith(".partial")]
    store.put(check_in("c2"))
    clock.advance(hours=1)
    assert store.daily_backup() is not None
    assert store.backup_problem is None
    assert [b.day for b in store.list_backups()] == [clock.now().format("YYYY-MM-DD")]
