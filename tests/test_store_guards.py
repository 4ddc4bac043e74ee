"""The store's lowest layer, pinned down: atomic writes, reading data files, the house lock.

Each test here is aimed at a way `store/atomic.py` or `store/lock.py` could
quietly go wrong (a missing fsync, a leaked descriptor, damage read as "no
data yet", a lock released too early); `make mutation` checks that they
notice.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from crisishouse.store import StoreDamaged, StoreWriteError, atomic
from crisishouse.store.atomic import (
    atomic_write,
    encode,
    fsync_dir,
    is_temp_file,
    make_dir,
    parse_data,
    read_bytes,
    read_json_file,
    temp_path_for,
)
from crisishouse.store.lock import HouseLock
from tests.builders import mode_of
from tests.child_process import ROOT, child_env, read_first_line

REAL_FSYNC = os.fsync


# -- helpers ---------------------------------------------------------------


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def fds_open_on(path: Path) -> int:
    """How many of this process's descriptors are open on `path`."""
    target = str(path.resolve())
    count = 0
    for name in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            if os.readlink(f"/proc/self/fd/{name}") == target:
                count += 1
    return count


def leftovers(folder: Path) -> list[str]:
    """Temporary files left in `folder`."""
    return sorted(p.name for p in folder.iterdir() if TEMP_NAME.search(p.name))


TEMP_NAME = re.compile(r"\.tmp-")


def failing(err: int) -> object:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(err, os.strerror(err))

    return fail


class Hung(Exception):
    """A call blocked too long. Not an OSError, so no `except OSError` can swallow it."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Fail instead of hanging: a blocking call still waiting after `seconds` is interrupted."""

    def expire(_signum: int, _frame: object) -> None:
        raise Hung(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # pytest-timeout's own alarm, put back
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.01))


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, int]]:
    """Every fsync as (what, path, size) in order; `what` is "file" or "dir". Nothing reaches the disk."""
    seen: list[tuple[str, str, int]] = []

    def spy(fd: int) -> None:
        info = os.fstat(fd)
        what = "dir" if stat.S_ISDIR(info.st_mode) else "file"
        seen.append((what, os.readlink(f"/proc/self/fd/{fd}"), info.st_size))

    monkeypatch.setattr(os, "fsync", spy)
    return seen


# -- atomic_write ----------------------------------------------------------


def test_a_write_puts_exactly_the_payload_in_place_readable_by_the_owner_only(tmp_path: Path):
    path = tmp_path / "core.json"
    atomic_write(path, b"first")
    atomic_write(path, b'{"a":1}')
    assert path.read_bytes() == b'{"a":1}'
    assert mode_of(path) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["core.json"]


def test_a_large_payload_is_written_whole_even_in_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """os.write may write less than asked; every byte still arrives, in order."""
    real_write = os.write

    def short_write(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:1000]))

    monkeypatch.setattr(os, "write", short_write)
    payload = bytes(range(256)) * 40
    atomic_write(tmp_path / "big.json", payload)
    assert (tmp_path / "big.json").read_bytes() == payload


def test_the_temp_file_is_fsynced_then_renamed_then_the_folder_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fsyncs: list[tuple[str, str, int]]
):
    path = tmp_path / "core.json"
    path.write_bytes(b"old")
    events: list[tuple[str, ...]] = []
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        events.append(("replace", str(src), str(dst), path.read_bytes().decode()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    atomic_write(path, b"new payload")

    (file_sync, dir_sync) = fsyncs
    temp = file_sync[1]
    assert file_sync == ("file", temp, len(b"new payload")), "the whole temp file is fsynced"
    assert Path(temp).parent == tmp_path.resolve()
    assert is_temp_file(Path(temp)) and Path(temp).name.startswith(".core.json.tmp-")
    # The rename comes after the file's fsync and before the folder's; the old
    # file was untouched until then.
    assert events == [("replace", temp, str(path), "old")]
    assert dir_sync[:2] == ("dir", str(tmp_path.resolve()))
    assert path.read_bytes() == b"new payload"


def test_the_order_of_fsync_rename_fsync_is_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    order: list[str] = []
    real_replace = os.replace

    def spy_fsync(fd: int) -> None:
        order.append("fsync " + ("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"))

    def spy_replace(src: object, dst: object) -> None:
        order.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", spy_fsync)
    monkeypatch.setattr(os, "replace", spy_replace)
    atomic_write(tmp_path / "a.json", b"{}")
    assert order == ["fsync file", "replace", "fsync dir"]


@pytest.mark.parametrize(
    ("patched", "err"),
    [("write", errno.ENOSPC), ("fsync", errno.EIO), ("replace", errno.EXDEV)],
)
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patched: str, err: int
):
    path = tmp_path / "core.json"
    path.write_bytes(b"old")
    before = open_fds()
    monkeypatch.setattr(os, patched, failing(err))
    with pytest.raises(StoreWriteError) as caught:
        atomic_write(path, b"new")
    monkeypatch.undo()
    assert caught.value.path == path
    assert caught.value.error.errno == err
    assert caught.value.__cause__ is caught.value.error
    assert os.strerror(err) in str(caught.value)
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []
    assert open_fds() == before


def test_a_folder_fsync_that_fails_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "core.json"

    def fsync_files_only(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync_files_only)
    with pytest.raises(StoreWriteError) as caught:
        atomic_write(path, b"new")
    assert caught.value.error.errno == errno.EIO
    assert leftovers(tmp_path) == []


def test_an_interrupted_write_removes_its_temp_file_and_lets_the_interrupt_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "core.json"
    path.write_bytes(b"old")

    def interrupt(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, b"new")
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_write_into_a_missing_folder_is_a_write_error(tmp_path: Path):
    path = tmp_path / "no-such-folder" / "core.json"
    with pytest.raises(StoreWriteError) as caught:
        atomic_write(path, b"{}")
    assert caught.value.error.errno == errno.ENOENT
    assert caught.value.path == path
    assert not path.parent.exists()


def test_a_write_under_a_file_is_a_write_error(tmp_path: Path):
    (tmp_path / "stays").write_bytes(b"not a folder")
    with pytest.raises(StoreWriteError) as caught:
        atomic_write(tmp_path / "stays" / "s.json", b"{}")
    assert caught.value.error.errno == errno.ENOTDIR


def test_a_write_over_a_folder_fails_after_the_temp_file_and_removes_it(tmp_path: Path):
    (tmp_path / "core.json").mkdir()
    with pytest.raises(StoreWriteError) as caught:
        atomic_write(tmp_path / "core.json", b"{}")
    assert caught.value.error.errno == errno.EISDIR
    assert leftovers(tmp_path) == []
    assert (tmp_path / "core.json").is_dir()


def test_a_file_size_limit_hit_mid_write_is_a_write_error(tmp_path: Path):
    """The kernel refuses part-way through (EFBIG): the old file stays, the temp file goes."""
    path = tmp_path / "core.json"
    path.write_bytes(b"old")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100, hard))
    try:
        with pytest.raises(StoreWriteError) as caught:
            atomic_write(path, b"x" * 1000)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert caught.value.error.errno == errno.EFBIG
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders anyway")
def test_a_write_into_a_read_only_folder_is_a_write_error(tmp_path: Path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreWriteError):
            atomic_write(folder / "core.json", b"{}")
    finally:
        folder.chmod(0o700)


def test_a_thousand_writes_good_and_failing_leak_no_descriptor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)
    (tmp_path / "a-file").write_bytes(b"")
    (tmp_path / "a-folder.json").mkdir()
    targets = [
        tmp_path / "missing" / "x.json",  # fails opening the temp file
        tmp_path / "a-file" / "x.json",  # fails opening the temp file
        tmp_path / "a-folder.json",  # fails at the rename, after the temp file is written
    ]
    before = open_fds()
    for i in range(1000):
        atomic_write(tmp_path / f"{i % 10}.json", b'{"n":%d}' % i)
        with pytest.raises(StoreWriteError):
            atomic_write(targets[i % 3], b"{}")
    with monkeypatch.context() as m:
        m.setattr(os, "write", failing(errno.ENOSPC))
        for _ in range(1000):
            with pytest.raises(StoreWriteError):
                atomic_write(tmp_path / "0.json", b"{}")
    assert open_fds() == before
    assert leftovers(tmp_path) == []
    assert (tmp_path / "9.json").read_bytes() == b'{"n":999}'


# -- temp names, folders, fsync_dir -------------------------------------------


def test_temp_names_sit_beside_the_file_and_never_repeat(tmp_path: Path):
    path = tmp_path / "stays" / "s1.json"
    names = {temp_path_for(path) for _ in range(100)}
    assert len(names) == 100
    for temp in names:
        assert temp.parent == path.parent
        assert re.fullmatch(r"\.s1\.json\.tmp-[0-9a-f]{12}", temp.name), temp.name
        assert is_temp_file(temp)


@pytest.mark.parametrize(
    ("name", "temp"),
    [
        (".core.json.tmp-abc", True),
        (".core.json.tmp-0123456789ab", True),
        ("core.json", False),
        ("tmp-core.json", False),
        ("core.json.tmp-abc", False),
        (".hidden.json", False),
        (".tmp", False),
        ("", False),
    ],
)
def test_is_temp_file(name: str, temp: bool):
    assert is_temp_file(Path("store") / name) is temp


def test_make_dir_creates_every_missing_parent_owner_only(tmp_path: Path, fsyncs: list[tuple[str, str, int]]):
    deep = tmp_path / "a" / "b" / "c"
    make_dir(deep)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", deep):
        assert folder.is_dir()
        assert mode_of(folder) == 0o700, folder
    # Each new folder's parent is fsynced after it is made, outermost first.
    assert [(what, path) for what, path, _ in fsyncs] == [
        ("dir", str(tmp_path.resolve())),
        ("dir", str((tmp_path / "a").resolve())),
        ("dir", str((tmp_path / "a" / "b").resolve())),
    ]


def test_make_dir_leaves_an_existing_folder_alone(tmp_path: Path, fsyncs: list[tuple[str, str, int]]):
    folder = tmp_path / "kept"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    make_dir(folder)
    assert mode_of(folder) == 0o755
    assert fsyncs == []


def test_make_dir_accepts_a_folder_another_process_made_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    real_mkdir = os.mkdir

    def raced(path: object, mode: int = 0o777) -> None:
        real_mkdir(path, mode)  # the other process wins ...
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))

    monkeypatch.setattr(os, "mkdir", raced)
    make_dir(tmp_path / "new")
    assert (tmp_path / "new").is_dir()


def test_fsync_dir_syncs_that_folder_and_closes_it(tmp_path: Path, fsyncs: list[tuple[str, str, int]]):
    before = open_fds()
    fsync_dir(tmp_path)
    assert [(what, path) for what, path, _ in fsyncs] == [("dir", str(tmp_path.resolve()))]
    assert open_fds() == before


def test_fsync_dir_opens_with_o_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Given a file, fsync_dir refuses instead of syncing the wrong thing."""
    (tmp_path / "f").write_bytes(b"")
    flags: list[int] = []
    real_open = os.open

    def spy_open(path: object, flag: int, *rest: object) -> int:
        flags.append(flag)
        return real_open(path, flag, *rest)

    monkeypatch.setattr(os, "open", spy_open)
    fsync_dir(tmp_path)
    assert flags and all(f & os.O_DIRECTORY for f in flags)
    with pytest.raises(NotADirectoryError):
        fsync_dir(tmp_path / "f")


def test_fsync_dir_really_reaches_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    calls: list[int] = []

    def spy(fd: int) -> None:
        calls.append(fd)
        REAL_FSYNC(fd)

    monkeypatch.setattr(os, "fsync", spy)
    fsync_dir(tmp_path)
    assert len(calls) == 1


# -- reading -----------------------------------------------------------------


def test_nothing_there_reads_as_no_data_yet(tmp_path: Path):
    assert read_bytes(tmp_path / "core.json") is None
    assert read_bytes(tmp_path / "stays" / "s1.json") is None
    assert read_json_file(tmp_path / "core.json") is None


def test_a_file_reads_as_its_exact_bytes(tmp_path: Path):
    path = tmp_path / "core.json"
    payload = os.urandom(3 * 1024 * 1024 + 7)
    path.write_bytes(payload)
    assert read_bytes(path) == payload
    path.write_bytes(b"")
    assert read_bytes(path) == b""


def damaged_reason(path: Path) -> str:
    with pytest.raises(StoreDamaged) as caught:
        read_bytes(path)
    assert caught.value.path == path
    assert str(path) in str(caught.value)
    return caught.value.reason


def test_a_folder_where_the_file_should_be_is_damage(tmp_path: Path):
    (tmp_path / "core.json").mkdir()
    assert damaged_reason(tmp_path / "core.json") == "it is a folder, not a file"
    with pytest.raises(StoreDamaged):
        read_json_file(tmp_path / "core.json")


def test_a_pipe_where_the_file_should_be_is_damage_and_does_not_hang(tmp_path: Path):
    os.mkfifo(tmp_path / "core.json")
    with deadline(3):
        assert damaged_reason(tmp_path / "core.json") == "it is not an ordinary file"


def test_a_link_to_nothing_is_damage_not_an_empty_house(tmp_path: Path):
    (tmp_path / "core.json").symlink_to(tmp_path / "elsewhere" / "core.json")
    assert damaged_reason(tmp_path / "core.json") == "it is a link to a file that is not there"


def test_a_loop_of_links_is_damage(tmp_path: Path):
    (tmp_path / "core.json").symlink_to(tmp_path / "core.json")
    assert damaged_reason(tmp_path / "core.json") == os.strerror(errno.ELOOP)


def test_a_file_where_the_folder_should_be_is_damage(tmp_path: Path):
    (tmp_path / "stays").write_bytes(b"")
    assert damaged_reason(tmp_path / "stays" / "s1.json") == os.strerror(errno.ENOTDIR)


def test_a_read_error_is_damage(tmp_path: Path):
    """/proc/self/mem is an ordinary file whose first page cannot be read (EIO), even by root."""
    (tmp_path / "core.json").symlink_to("/proc/self/mem")
    assert damaged_reason(tmp_path / "core.json") == os.strerror(errno.EIO)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file with mode 000 anyway")
def test_a_file_without_read_permission_is_damage(tmp_path: Path):
    path = tmp_path / "core.json"
    path.write_bytes(b"{}")
    path.chmod(0)
    assert damaged_reason(path) == os.strerror(errno.EACCES)


def test_an_error_without_a_system_message_still_says_something(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "core.json"
    path.write_bytes(b"{}")

    def odd(_path: str, _flags: int) -> int:
        raise OSError("the disk said something odd")

    monkeypatch.setattr(atomic, "_open_without_waiting", odd)
    assert damaged_reason(path) == "the disk said something odd"


def test_reading_closes_what_it_opens_whatever_it_finds(tmp_path: Path):
    (tmp_path / "good.json").write_bytes(b"{}")
    (tmp_path / "folder.json").mkdir()
    os.mkfifo(tmp_path / "pipe.json")
    (tmp_path / "mem.json").symlink_to("/proc/self/mem")
    before = open_fds()
    with deadline(10):
        for _ in range(250):
            assert read_bytes(tmp_path / "good.json") == b"{}"
            assert read_bytes(tmp_path / "missing.json") is None
            for bad in ("folder.json", "pipe.json", "mem.json"):
                with pytest.raises(StoreDamaged):
                    read_bytes(tmp_path / bad)
    assert open_fds() == before


# -- parse_data --------------------------------------------------------------

P = Path("/house/store/core.json")


def parse_reason(raw: bytes) -> str:
    with pytest.raises(StoreDamaged) as caught:
        parse_data(P, raw)
    assert caught.value.path == P
    return caught.value.reason


@pytest.mark.parametrize("raw", [b"", b" ", b"\n\t \r\n"])
def test_an_empty_file_is_damage(raw: bytes):
    assert parse_reason(raw) == "the file is empty"


def test_bytes_that_are_not_utf8_are_damage_with_their_place():
    assert parse_reason(b"\xff\xfe{}") == "it holds bytes that are not text, at byte 0"
    assert parse_reason(b'{"a":{"b":"\xc4"}}') == "it holds bytes that are not text, at byte 11"


def test_garbled_json_says_the_byte_where_it_goes_wrong_counting_bytes_not_letters():
    raw = '{"guests":{"g1":{"name":"Tūī Ngā"}} oops}'.encode()
    assert parse_reason(raw) == f"it is cut short or garbled near byte {raw.index(b'oops')}"


def test_a_file_cut_short_is_damage():
    raw = encode({"guests": {"g1": {"id": "g1", "name": "Āio"}}})
    assert parse_reason(raw[:-2]) == f"it is cut short or garbled near byte {len(raw) - 2}"


def test_absurdly_deep_nesting_is_damage_not_a_crash():
    assert parse_reason(b"[" * 100_000) == "it is nested too deeply to be a data file"


@pytest.mark.parametrize("raw", [b"[]", b'[{"guests":{}}]', b'"text"', b"3", b"null", b"true"])
def test_json_that_is_not_an_object_of_tables_is_damage(raw: bytes):
    assert parse_reason(raw) == "it does not hold crisishouse tables"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"guests": []}, "its 'guests' table is not a table"),
        ({"guests": {}, "stays": "x"}, "its 'stays' table is not a table"),
        ({"meta": 5}, "its 'meta' table is not a table"),
        ({"guests": {"g1": "Aroha"}}, "its 'guests' record 'g1' is not a record"),
        ({"guests": {"g1": {}, "g2": [1]}}, "its 'guests' record 'g2' is not a record"),
        ({"guests": {"g1": {}}, "stays": {"s1": None}}, "its 'stays' record 's1' is not a record"),
        ({"meta": {"schema": 1}}, "its 'meta' record 'schema' is not a record"),
    ],
)
def test_json_of_the_wrong_shape_is_damage(data: object, reason: str):
    assert parse_reason(json.dumps(data).encode()) == reason


def test_good_data_parses_to_its_tables():
    data = {"guests": {"g1": {"id": "g1", "name": "Mere"}}, "meta": {"schema": {"version": 1}}, "stays": {}}
    assert parse_data(P, encode(data)) == data
    assert parse_data(P, b"{}") == {}


def test_read_json_file_reads_and_parses(tmp_path: Path):
    path = tmp_path / "core.json"
    path.write_bytes(b'{"guests":{"g1":{"id":"g1"}}}')
    assert read_json_file(path) == {"guests": {"g1": {"id": "g1"}}}
    path.write_bytes(b"[]")
    with pytest.raises(StoreDamaged) as caught:
        read_json_file(path)
    assert caught.value.path == path
    assert caught.value.reason == "it does not hold crisishouse tables"


# -- encode ------------------------------------------------------------------


def test_encode_keeps_text_as_utf8_and_is_compact():
    data = {"guests": {"g1": {"name": "Tūī Ngāti 🌿", "n": [1, 2], "x": None}}}
    assert encode(data) == '{"guests":{"g1":{"name":"Tūī Ngāti 🌿","n":[1,2],"x":null}}}'.encode()
    assert parse_data(P, encode(data)) == data


# -- the house lock ------------------------------------------------------------


def free_elsewhere(path: Path) -> bool:
    """Could another holder take the lock now? (A second open file is a separate holder for flock.)"""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


PROBE = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    print("busy")
else:
    print("free")
"""


def probe_from_another_process(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout.strip()


def test_the_lock_file_is_made_owner_only_and_the_lock_is_exclusive(tmp_path: Path):
    lock = HouseLock(tmp_path / ".lock")
    assert not lock.is_held
    with lock.held():
        assert lock.is_held
        assert mode_of(tmp_path / ".lock") == 0o600
        assert fds_open_on(tmp_path / ".lock") == 1
        assert not free_elsewhere(tmp_path / ".lock")
        assert probe_from_another_process(tmp_path / ".lock") == "busy"
    assert not lock.is_held
    assert fds_open_on(tmp_path / ".lock") == 0
    assert free_elsewhere(tmp_path / ".lock")
    assert probe_from_another_process(tmp_path / ".lock") == "free"


def test_the_lock_is_reentrant_and_released_only_by_the_outermost_exit(tmp_path: Path):
    path = tmp_path / ".lock"
    lock = HouseLock(path)
    with deadline(5), lock.held():
        with lock.held():
            with lock.held():
                assert fds_open_on(path) == 1
            assert lock.is_held and not free_elsewhere(path)
        assert lock.is_held and not free_elsewhere(path)
        assert fds_open_on(path) == 1
    assert not lock.is_held and free_elsewhere(path)
    assert fds_open_on(path) == 0
    # And again, from the start.
    with lock.held():
        assert lock.is_held and not free_elsewhere(path)
    assert free_elsewhere(path)


def test_an_error_inside_releases_the_lock(tmp_path: Path):
    lock = HouseLock(tmp_path / ".lock")
    with pytest.raises(ValueError), lock.held(), lock.held():
        raise ValueError("in the middle of a save")
    assert not lock.is_held and free_elsewhere(tmp_path / ".lock")
    with lock.held():
        assert not free_elsewhere(tmp_path / ".lock")


def test_another_process_waits_for_the_lock_and_then_gets_it(tmp_path: Path):
    path = tmp_path / ".lock"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from crisishouse.store.lock import HouseLock\n"
        "print('trying', flush=True)\n"
        "with HouseLock(Path(sys.argv[1])).held():\n"
        "    print('got it', flush=True)\n"
    )
    lock = HouseLock(path)
    with lock.held():
        child = subprocess.Popen(
            [sys.executable, "-c", code, str(path)],
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        try:
            assert read_first_line(child, timeout=30) == b"trying\n"
            # It stays blocked while this process holds the lock.
            with pytest.raises(subprocess.TimeoutExpired):
                child.wait(timeout=0.3)
        except BaseException:
            child.kill()
            raise
    out, _ = child.communicate(timeout=30)
    assert out == b"got it\n"
    assert child.returncode == 0


def test_another_thread_waits_for_the_lock(tmp_path: Path):
    lock = HouseLock(tmp_path / ".lock")
    entered = threading.Event()

    def other() -> None:
        with lock.held():
            entered.set()

    with lock.held():
        thread = threading.Thread(target=other)
        thread.start()
        assert not entered.wait(0.2)
    thread.join(10)
    assert entered.is_set()
    assert not lock.is_held


@pytest.mark.parametrize("error", [OSError(errno.ENOLCK, os.strerror(errno.ENOLCK)), KeyboardInterrupt()])
def test_a_failed_flock_propagates_and_closes_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
):
    path = tmp_path / ".lock"
    lock = HouseLock(path)

    def refuse(_fd: int, _op: int) -> None:
        raise error

    before = open_fds()
    with monkeypatch.context() as m:
        m.setattr(fcntl, "flock", refuse)
        with pytest.raises(type(error)) as caught, lock.held():
            pytest.fail("the body ran without the lock")
    assert caught.value is error
    assert open_fds() == before
    assert not lock.is_held
    # Nothing is counted as held: the next hold locks and releases for real.
    with lock.held():
        assert not free_elsewhere(path)
    assert free_elsewhere(path)


def test_a_failed_unlock_propagates_and_still_closes_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / ".lock"
    lock = HouseLock(path)
    real_flock = fcntl.flock

    def unlock_fails(fd: int, op: int) -> None:
        if op == fcntl.LOCK_UN:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_flock(fd, op)

    before = open_fds()
    monkeypatch.setattr(fcntl, "flock", unlock_fails)
    with pytest.raises(OSError) as caught, lock.held():
        pass
    assert caught.value.errno == errno.EIO
    assert open_fds() == before
    assert not lock.is_held
    assert free_elsewhere(path)


def test_a_lock_file_that_cannot_be_opened_propagates_and_holds_nothing(tmp_path: Path):
    path = tmp_path / "store" / ".lock"
    lock = HouseLock(path)
    with pytest.raises(FileNotFoundError), lock.held():
        pytest.fail("the body ran without the lock")
    assert not lock.is_held
    path.parent.mkdir()
    with lock.held():
        assert lock.is_held and not free_elsewhere(path)
    assert free_elsewhere(path)


def test_a_thousand_holds_good_and_failing_leak_no_descriptor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    lock = HouseLock(tmp_path / ".lock")
    missing = HouseLock(tmp_path / "missing" / ".lock")
    before = open_fds()
    for i in range(1000):
        with lock.held():
            if i % 2:
                with lock.held():
                    pass
        with pytest.raises(FileNotFoundError), missing.held():
            pass
    with monkeypatch.context() as m:
        m.setattr(fcntl, "flock", failing(errno.ENOLCK))
        for _ in range(1000):
            with pytest.raises(OSError), lock.held():
                pass
    assert open_fds() == before
    assert free_elsewhere(tmp_path / ".lock")


def test_a_broken_link_where_a_stay_file_should_be_is_damage_not_an_empty_stay(tmp_path: Path) -> None:
    """find and get say the stay file cannot be read; they never answer "no records"."""
    from crisishouse.models import CheckIn
    from crisishouse.store import Store

    store = Store.open(tmp_path / "house")
    (tmp_path / "house" / "store" / "stays").mkdir(exist_ok=True)
    (tmp_path / "house" / "store" / "stays" / "s1.json").symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(StoreDamaged):
        store.find(CheckIn, stay_id="s1")
    with pytest.raises(StoreDamaged):
        store.get(CheckIn, "c1", stay_id="s1")
