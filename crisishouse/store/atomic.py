"""Writing files so that a crash at any instant leaves the old or the new one.

Write a temporary file in the same folder, flush and fsync it, `os.replace`
it over the data file, then fsync the folder. Files are never changed in
place, which is also what lets backups be hard links.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from crisishouse.store.errors import StoreDamaged, StoreWriteError

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_MARK = ".tmp-"


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_dir(folder: Path) -> None:
    """Create `folder` (and parents) readable by the owner only."""
    if folder.is_dir():
        return
    make_dir(folder.parent)
    with contextlib.suppress(FileExistsError):
        os.mkdir(folder, DIR_MODE)
        fsync_dir(folder.parent)


def temp_path_for(path: Path) -> Path:
    """A temporary file beside `path`, recognisable for clean-up after a crash."""
    return path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(6)}")


def is_temp_file(path: Path) -> bool:
    """True for a name `temp_path_for` makes (left behind by a crash, or in use)."""
    return path.name.startswith(".") and TEMP_MARK in path.name


def atomic_write(path: Path, payload: bytes) -> None:
    """Durably replace `path` with `payload`, or raise leaving `path` as it was.

    Raises:
        StoreWriteError: the system refused (a full disk, a missing folder).
            No temporary file is left behind, whatever the failure.
    """
    temp = temp_path_for(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        fsync_dir(path.parent)
    except BaseException as error:
        # Also on an interrupt: a stray temporary file is clutter until the
        # next open cleans it.
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError):
            raise StoreWriteError(path, error) from error
        raise


def read_json_file(path: Path) -> dict[str, Any] | None:
    """Parse a data file; None if it does not exist yet.

    Raises:
        StoreDamaged: something is there but it is not a complete data file.
            An empty file counts as damaged: atomic writes never leave one.
    """
    raw = read_bytes(path)
    return None if raw is None else parse_data(path, raw)


def read_bytes(path: Path) -> bytes | None:
    """The bytes of a data file; None only if nothing at all is at `path`.

    Raises:
        StoreDamaged: something is there that cannot be read as a data file:
            a folder, a pipe, a link to nothing, a read error.
    """
    try:
        with open(path, "rb", opener=_open_without_waiting) as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise StoreDamaged(path, "it is not an ordinary file")
            return file.read()
    except FileNotFoundError as error:
        if os.path.islink(path):
            raise StoreDamaged(path, "it is a link to a file that is not there") from error
        return None
    except IsADirectoryError as error:
        raise StoreDamaged(path, "it is a folder, not a file") from error
    except OSError as error:
        raise StoreDamaged(path, _why(error)) from error


def _open_without_waiting(path: str, flags: int) -> int:
    # A pipe put where the file should be would otherwise hang the app.
    return os.open(path, flags | os.O_NONBLOCK)


def _why(error: OSError) -> str:
    return error.strerror or str(error)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while parsing: JSON makes no cycles, and on a ten-year
    core file (some 200,000 objects) the collector's passes cost a third of the parse."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def parse_data(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of a data file, or say how it is damaged.

    A data file is a JSON object of tables; a table is an object of records;
    a record is an object. Records themselves are checked elsewhere.
    """
    if not raw.strip():
        raise StoreDamaged(path, "the file is empty")
    try:
        text = raw.decode()
    except UnicodeDecodeError as error:
        raise StoreDamaged(path, f"it holds bytes that are not text, at byte {error.start}") from None
    try:
        with _collector_paused():
            data = json.loads(text)
    except json.JSONDecodeError as error:
        at = len(text[: error.pos].encode())
        raise StoreDamaged(path, f"it is cut short or garbled near byte {at}") from None
    except RecursionError:
        raise StoreDamaged(path, "it is nested too deeply to be a data file") from None
    if not isinstance(data, dict):
        raise StoreDamaged(path, "it does not hold crisishouse tables")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise StoreDamaged(path, f"its {name!r} table is not a table")
        for key, record in table.items():
            if not isinstance(record, dict):
                raise StoreDamaged(path, f"its {name!r} record {key!r} is not a record")
    return data


def encode(data: dict[str, Any], first: tuple[str, ...] = ()) -> bytes:
    """The bytes of a data file: compact JSON, text kept as UTF-8 (ā, not \\u0101).

    The tables named in `first` lead, in that order, so they can be read
    from the front of the file alone (see `head`).
    """
    if first:
        data = {**{name: data[name] for name in first if name in data}, **data}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
