"""Writing files so that a crash at any instant leaves the old or the new one.

Write a temporary file in the same folder, flush and fsync it, `os.replace`
it over the data file, then fsync the folder. Files are never changed in
place, which is also what lets backups be hard links.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
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
    return path.name.startswith(".") and TEMP_MARK in path.name


def atomic_write(path: Path, payload: bytes) -> None:
    """Durably replace `path` with `payload`, or raise leaving `path` as it was."""
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
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StoreWriteError(path, error) from error


def read_json_file(path: Path) -> dict[str, Any] | None:
    """Parse a data file; None if it does not exist yet.

    Raises:
        StoreDamaged: the file exists but is not a complete data file. An
            empty file counts as damaged: atomic writes never leave one.
    """
    raw = read_bytes(path)
    return None if raw is None else parse_data(path, raw)


def read_bytes(path: Path) -> bytes | None:
    """The bytes of a data file; None if it does not exist yet."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreDamaged(path, error.strerror or str(error)) from error


def parse_data(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse the bytes of a data file, or say how it is damaged."""
    if not raw.strip():
        raise StoreDamaged(path, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise StoreDamaged(path, "it holds bytes that are not text") from None
    except json.JSONDecodeError as error:
        raise StoreDamaged(
            path, f"it is cut short or garbled near byte {error.pos}"
        ) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreDamaged(path, "it does not hold crisishouse tables")
    return data


def encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
