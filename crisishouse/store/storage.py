"""The TinyDB storage for one data file: atomic writes, rereads only on change."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from crisishouse.store.atomic import atomic_write, encode, parse_data, read_bytes
from crisishouse.store.checked import CheckedStamp
from crisishouse.store.errors import StoreDamaged
from crisishouse.store.head import head_of

_READ_ONCE: ContextVar[dict[Storage, bytes | None] | None] = ContextVar("crisishouse_read_once", default=None)
"""Inside `read_once`: the storages already read from disk in this scope, with the bytes read (None: no
file). Kept by the scope, not the storage, so another thread's newer read never changes the moment a
request sees; keyed by the storage itself, never its id, which a storage closed and another opened in
the same request (more than `OPEN_SHARDS` files) may be given again."""

_MISSING = object()
"""A field a record does not have: equal to no value asked for."""


@contextmanager
def read_once() -> Iterator[None]:
    """Within the block, each file is read from disk once: later reads see the same moment.

    One request (the board, a guest's record) reads the same files dozens of
    times; a core file of ten years is megabytes. What it reads is one moment
    of the house, not several. A write (`writes_from_disk`) reads from disk
    whatever the scope, and a reader sees its own writes.
    """
    if _READ_ONCE.get() is not None:
        yield
        return
    token = _READ_ONCE.set({})
    try:
        yield
    finally:
        _READ_ONCE.reset(token)


@contextmanager
def writes_from_disk() -> Iterator[None]:
    """Within the block (the house lock held), every read is from disk, whatever scope it is in.

    After it, the scope's next read of each file is from disk again: files may have been
    written or put back from a backup inside.
    """
    outer = _READ_ONCE.get()
    token = _READ_ONCE.set(None)
    try:
        yield
    finally:
        _READ_ONCE.reset(token)
        if outer is not None:
            outer.clear()


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes atomically and parses only on change.

    Every read takes the file's bytes from disk (once a request, see
    `read_once`) and reparses them only when they differ from what was
    parsed last.
    File stamps (inode, size, mtime) are not enough: a replaced file often
    gets the freed inode back, and coarse timestamps hide quick rewrites.
    """

    def __init__(
        self,
        path: Path,
        validate: Callable[[Path, dict[str, Any], dict[str, Any] | None], None] | None = None,
        stamped: bool = False,
        head: tuple[str, ...] = (),
    ) -> None:
        self.path = Path(path)
        self._head_tables = head
        """Tables written first, which `open_head` may read alone (a stamped file's only)."""
        self._head: tuple[bytes, dict[str, Any]] | None = None
        """While only the head was parsed: the file's bytes (a stamp vouched for them), and their head tables."""
        self._validate = validate
        """Checks every record of freshly read bytes (raises StoreDamaged)."""
        self._stamp = CheckedStamp(self.path) if stamped and validate is not None else None
        """Remembers across terminals which bytes were checked (a large file's opening skips a repeat check)."""
        self._parsed: tuple[bytes, dict[str, Any]] | None = None
        """The bytes last parsed and their data: one value, so a thread never pairs one file's bytes
        with another's data."""
        self._previous: tuple[bytes, dict[str, Any]] | None = None
        """The bytes parsed before `_parsed`, and their data (see `_take`)."""
        self._checked: dict[str, Any] | None = None
        """The last data that passed `validate` (kept across `forget`)."""
        self._indexes: dict[
            tuple[str, tuple[str, ...]], tuple[dict[str, Any], dict[tuple[Any, ...], list[dict[str, Any]]]]
        ] = {}
        """Records of the parsed data by the values of some fields (see `matching`); dropped with it."""

    def forget(self) -> None:
        """Drop what was parsed, so the next read parses from disk."""
        self._parsed = self._previous = None
        self._head = None
        self._indexes = {}

    def read(self) -> dict[str, Any] | None:
        seen = _READ_ONCE.get()
        if seen is not None and self in seen:
            # The moment this scope saw (perhaps its head only, so far), whatever was read since.
            raw = seen[self]
            return None if raw is None else self._take(raw)
        raw = read_bytes(self.path)
        if raw is None:
            self.forget()
        if seen is not None:
            seen[self] = raw
        return None if raw is None else self._take(raw)

    def _take(self, raw: bytes) -> dict[str, Any]:
        """Make `raw` the parsed data (checked), unless it already is; that data."""
        parsed = self._parsed
        if parsed is not None and raw == parsed[0]:
            if raw is not parsed[0]:
                # Keep the bytes this request read: its every later read is then a match by identity,
                # not a compare of the whole file (megabytes for core.json on a ten-year house).
                self._parsed = (raw, parsed[1])
            return parsed[1]
        previous = self._previous
        if previous is not None and raw == previous[0]:
            # A request's moment beside a newer one another thread read: parsed and checked already.
            self._previous, self._parsed = parsed, (raw, previous[1])
            return previous[1]
        data = parse_data(self.path, raw)
        head = self._head
        if head is not None and raw == head[0]:
            self._checked = data  # a stamp vouched for these very bytes when their head was read
        elif self._validate is not None:
            self._check(data, raw)
        self._indexes = {}
        self._previous, self._parsed = parsed, (raw, data)
        self._head = None
        return data

    def open_head(self) -> None:
        """Read the file as a house's opening does: its head alone if a stamp vouches for it, else whole.

        Raises:
            StoreDamaged: the file cannot be read, or (read whole) a record in it is damaged.
        """
        raw = read_bytes(self.path)
        if raw is None:
            self.forget()
            return
        parsed = self._parsed
        if parsed is not None and raw == parsed[0]:
            return
        head = self._vouched_head(raw)
        if head is None:
            self._take(raw)
            return
        self.forget()
        # One value, so a thread reading it beside this one sees the bytes and their head together.
        self._head = (raw, head)

    def read_table(self, name: str) -> dict[str, Any] | None:
        """One table of the file as on disk (None: not in it); from the head alone while that is all that was read."""
        head = self._head
        if head is not None and name in self._head_tables:
            seen = _READ_ONCE.get()
            if seen is not None and self in seen:
                if seen[self] == head[0]:
                    return head[1].get(name)
            else:
                raw = read_bytes(self.path)
                if raw is not None and raw == head[0]:
                    if seen is not None:
                        seen[self] = raw
                        if raw is not head[0] and self._head is head:
                            self._head = (raw, head[1])  # the scope's later reads match by identity
                    return head[1].get(name)
        data = self.read()
        return None if data is None else data.get(name)

    @property
    def head_only(self) -> bool:
        """True while only the file's head was read (see `open_head`)."""
        return self._head is not None

    def _vouched_head(self, raw: bytes) -> dict[str, Any] | None:
        if not self._head_tables or self._stamp is None:
            return None
        if not self._stamp.vouches_for(self._stamp.digest(raw), head=True):
            return None
        return head_of(raw, self._head_tables)

    def _head_is_whole(self, raw: bytes, data: dict[str, Any]) -> bool:
        """True if the head read from `raw` alone is all that `data` (its whole parse) holds of those tables."""
        if not self._head_tables:
            return False
        # Compared as JSON, not by ==, which holds 1, 1.0 and true equal and ignores the records' order:
        # the head served must be exactly what the whole parse held and the check saw.
        head = head_of(raw, self._head_tables)
        whole = {t: data[t] for t in self._head_tables if t in data}
        return head is not None and json.dumps(head) == json.dumps(whole)

    def matching(self, table: str, where: dict[str, Any]) -> list[dict[str, Any]]:
        """The records of `table` whose fields equal `where`'s values, in the table's order.

        Read as `read` reads; looked up in an index of the parsed data, built
        on the first ask for these fields and kept until the file changes
        (the parsed data is never changed in place), so finding one guest's
        stays among ten years of them does not test every stay.
        """
        records = self.read_table(table) or {}
        fields = tuple(sorted(where))
        wanted = tuple(where[f] for f in fields)
        try:
            hash(wanted)
        except TypeError:
            return [r for r in records.values() if all(r.get(f, _MISSING) == where[f] for f in fields)]
        cached = self._indexes.get((table, fields))
        # (Of these very records: another thread may have parsed a newer moment since they were read.)
        index = cached[1] if cached is not None and cached[0] is records else None
        if index is None:
            index = {}
            for record in records.values():
                key = tuple(record.get(f, _MISSING) for f in fields)
                try:
                    index.setdefault(key, []).append(record)
                except TypeError:  # a value that cannot be a key (a list) equals no value asked for here
                    continue
            self._indexes[(table, fields)] = (records, index)
        return list(index.get(wanted, ()))

    def _check(self, data: dict[str, Any], raw: bytes) -> None:
        assert self._validate is not None
        if self._stamp is None:
            self._validate(self.path, data, self._checked)
        else:
            digest = self._stamp.digest(raw)
            if not self._stamp.vouches_for(digest, head=True):
                vouched = self._stamp.vouches_for(digest)
                if not vouched:
                    self._validate(self.path, data, self._checked)
                head = self._head_is_whole(raw, data)
                if head or not vouched:
                    self._stamp.record(digest, head=head)
        self._checked = data

    def write(self, data: dict[str, Any]) -> None:
        checked = self._checked
        self.forget()
        payload = encode(data, self._head_tables)
        atomic_write(self.path, payload)
        self._parsed = (payload, data)
        self._checked = data
        if self._stamp is not None and self._validate is not None:
            # Stamped only once the records the write changed pass their checks.
            try:
                self._validate(self.path, data, checked)
            except StoreDamaged:
                return
            self._stamp.record(self._stamp.digest(payload), head=self._head_is_whole(payload, data))

    def close(self) -> None:
        self.forget()
