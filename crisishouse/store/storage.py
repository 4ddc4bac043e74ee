"""The TinyDB storage for one data file: atomic writes, rereads only on change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from crisishouse.store.atomic import atomic_write, encode, parse_data, read_bytes


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and parses only on change.

    Every read takes the file's bytes from disk (cheap: the files are small)
    and reparses them only when they differ from what was parsed last.
    File stamps (inode, size, mtime) are not enough: a replaced file often
    gets the freed inode back, and coarse timestamps hide quick rewrites.
    """

    def __init__(
        self, path: Path, validate: Callable[[Path, dict[str, Any], dict[str, Any] | None], None] | None = None
    ) -> None:
        self.path = Path(path)
        self._validate = validate
        """Checks every record of freshly read bytes (raises StoreDamaged)."""
        self._raw: bytes | None = None
        self._data: dict[str, Any] | None = None
        self._checked: dict[str, Any] | None = None
        """The last data that passed `validate` (kept across `forget`)."""

    def forget(self) -> None:
        """Drop what was parsed, so the next read parses from disk."""
        self._raw = None
        self._data = None

    def read(self) -> dict[str, Any] | None:
        raw = read_bytes(self.path)
        if raw is None:
            self.forget()
            return None
        if self._data is None or raw != self._raw:
            data = parse_data(self.path, raw)
            if self._validate is not None:
                self._validate(self.path, data, self._checked)
                self._checked = data
            self._data = data
            self._raw = raw
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self.forget()
        payload = encode(data)
        atomic_write(self.path, payload)
        self._raw = payload
        self._data = data
        self._checked = data

    def close(self) -> None:
        self.forget()
