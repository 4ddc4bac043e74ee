"""The TinyDB storage for one data file: atomic writes, rereads only on change."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from crisishouse.store.atomic import atomic_write, encode, read_json_file


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and rereads only on change.

    The parsed file is kept while the file's identity (inode, size, mtime)
    is unchanged; `forget()` drops it so that a write under the house lock
    always starts from what is on disk.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self._stamp: tuple[int, int, int] | None = None

    def _current_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def forget(self) -> None:
        """Drop what was read, so the next read comes from disk."""
        self._data = None
        self._stamp = None

    def read(self) -> dict[str, Any] | None:
        stamp = self._current_stamp()
        if stamp is None:
            self.forget()
            return None
        if self._data is not None and stamp == self._stamp:
            return self._data
        self._data = read_json_file(self.path)
        self._stamp = stamp
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self.forget()
        atomic_write(self.path, encode(data))
        self._data = data
        self._stamp = self._current_stamp()

    def close(self) -> None:
        self.forget()
