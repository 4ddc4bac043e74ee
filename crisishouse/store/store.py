"""The house's data: the only code that knows TinyDB.

Layout of a data folder::

    house.toml            settings
    store/.lock           the house lock (see `lock`)
    store/core.json       guests, stays, staff, the rhythm, the schema version
    store/stays/ID.json   everything about one stay
    store/months/M.json   staff and house records of one month (UTC)
    backups/STAMP-why/    rotating backups (see `backups`)
    damaged/STAMP/        damaged files, kept aside for inspection
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pendulum
from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from crisishouse.clock import Clock
from crisishouse.store import backups as backup_files
from crisishouse.store.atomic import TEMP_MARK, is_temp_file, make_dir, read_json_file
from crisishouse.store.convert import from_doc, to_doc
from crisishouse.store import erase as erasing
from crisishouse.store.errors import StoreDamaged, StoreError, StoreTooNew
from crisishouse.store.lock import HouseLock
from crisishouse.store.storage import AtomicJSONStorage
from crisishouse.store.schema import (
    CORE,
    KIND_BY_TABLE,
    META_TABLE,
    MIGRATIONS,
    SCHEMA_VERSION,
    kind_of,
    month_shard,
    stay_shard,
)

T = TypeVar("T")
OPEN_SHARDS = 64
APPEND_ONLY = frozenset({"access_events"})
"""Tables whose records are never changed or removed, except by erasing a whole record."""


class AppendOnly(StoreError):
    """An attempt to change or remove a record that is only ever added."""


class _Table(Table):
    """Records carry their own ids; never TinyDB's counters, never a cache.

    TinyDB caches the next document id and query results per process, which
    loses or hides another terminal's writes.
    """

    document_id_class = str

    def __init__(self, storage: Any, name: str, cache_size: int = 0, persist_empty: bool = False) -> None:
        # TinyDB binds its default cache size when its own class is defined,
        # so the size is forced here: a cached query never sees another
        # terminal's writes.
        super().__init__(storage, name, cache_size=0, persist_empty=persist_empty)

    def _get_next_id(self) -> str:
        raise RuntimeError("crisishouse records carry their own ids")


class _Db(TinyDB):
    table_class = _Table


@dataclass
class CheckReport:
    """What `Store.check` found in a data folder."""

    counts: Counter[str] = field(default_factory=Counter)
    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Store:
    """The house's records on disk: durable, shared safely between terminals.

    Build one with `Store.open(data_dir)`.
    """

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.root = self.data_dir / "store"
        self.backups_dir = self.data_dir / "backups"
        self.damaged_dir = self.data_dir / "damaged"
        self.clock = clock or Clock()
        self._lock = HouseLock(self.root / ".lock")
        self._shards: OrderedDict[str, _Db] = OrderedDict()
        self._backed_up_on: str | None = None
        self.backup_problem: str | None = None
        """Why the last daily backup failed, if it did."""

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> Store:
        """Open (creating if new) the data folder.

        Raises:
            StoreDamaged: the core file cannot be read; nothing was changed.
            StoreTooNew: the data was written by a newer crisishouse.
        """
        store = cls(data_dir, clock)
        make_dir(store.root)
        with store._lock.held():
            store._remove_stray_temp_files()
            store._read_core()
            store._migrate()
        return store

    def _remove_stray_temp_files(self) -> None:
        # Under the lock: no other terminal is half-way through a write.
        for folder in (self.root, self.root / "stays", self.root / "months"):
            try:
                entries = list(os.scandir(folder))
            except FileNotFoundError:
                continue
            for entry in entries:
                if entry.name.startswith(".") and TEMP_MARK in entry.name:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)

    def _read_core(self) -> None:
        # Through TinyDB's own storage, so the file is parsed once.
        self._db(CORE).storage.read()

    @property
    def schema_version(self) -> int:
        meta = self._db(CORE).table(META_TABLE).get(doc_id="schema")
        return int(meta["version"]) if meta else SCHEMA_VERSION

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreTooNew(
                f"This house's data was written by a newer crisishouse (schema "
                f"{version}; this one knows up to {SCHEMA_VERSION}). Update crisishouse."
            )
        if not (self.root / "core.json").exists():
            self.set_meta("schema", {"version": SCHEMA_VERSION})
            return
        if version < SCHEMA_VERSION:
            self.backup("before-migration")
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](self)
                version += 1
                self.set_meta("schema", {"version": version})

    # -- shards ------------------------------------------------------------

    def _path_of(self, shard: str) -> Path:
        return self.root / f"{shard}.json"

    def _db(self, shard: str) -> _Db:
        db = self._shards.get(shard)
        if db is None:
            path = self._path_of(shard)
            db = _Db(path, storage=AtomicJSONStorage)
            self._shards[shard] = db
            if len(self._shards) > OPEN_SHARDS:
                _old, dropped = self._shards.popitem(last=False)
                dropped.close()
        else:
            self._shards.move_to_end(shard)
        return db

    @contextlib.contextmanager
    def _writing(self, shard: str) -> Iterator[_Db]:
        """Hold the house lock, start from what is on disk, and write."""
        with self._lock.held():
            db = self._db(shard)
            make_dir(self._path_of(shard).parent)
            db.storage.forget()
            yield db

    def daily_backup(self) -> backup_files.Backup | None:
        """Take today's backup if there is none yet (UTC day).

        Kept off the save path so no save waits for it: the app calls it in
        the background at start and every hour. A backup that fails (a full
        disk, say) is kept in `backup_problem` and tried again next time.
        """
        today = self.clock.now().format("YYYY-MM-DD")
        if self._backed_up_on == today or not (self.root / "core.json").exists():
            return None
        try:
            made = None
            if not any(b.day == today for b in self.list_backups()):
                made = self.backup("daily")
        except OSError as error:
            self.backup_problem = f"Today's backup could not be made: {error.strerror or error}."
            return None
        self.backup_problem = None
        self._backed_up_on = today
        return made

    # -- writing -----------------------------------------------------------

    def put(self, record: Any) -> None:
        """Save one record (new or changed). Durable when this returns."""
        kind = kind_of(type(record))
        doc = to_doc(record)
        with self._writing(kind.shard_of(record)) as db:
            table = db.table(kind.table)
            if table.contains(doc_id=record.id):
                if kind.table in APPEND_ONLY:
                    raise AppendOnly(f"A saved {kind.table.replace('_', ' ')} record is never changed.")
                table.update(doc, doc_ids=[record.id])
            else:
                table.insert(Document(doc, doc_id=record.id))

    def put_many(self, records: Iterable[Any]) -> None:
        """Save many records, with one write for each file they go to."""
        grouped: dict[str, dict[str, list[Any]]] = {}
        for record in records:
            kind = kind_of(type(record))
            grouped.setdefault(kind.shard_of(record), {}).setdefault(
                kind.table, []
            ).append(record)
        for shard, tables in grouped.items():
            with self._writing(shard) as db:
                current = db.storage.read() or {}
                for table_name, items in tables.items():
                    existing = current.get(table_name, {})
                    if table_name in APPEND_ONLY and any(r.id in existing for r in items):
                        raise AppendOnly(f"A saved {table_name.replace('_', ' ')} record is never changed.")
                    table = current.setdefault(table_name, existing)
                    for record in items:
                        table[record.id] = to_doc(record)
                db.storage.write(current)

    def remove(self, record: Any) -> None:
        """Delete one record."""
        kind = kind_of(type(record))
        if kind.table in APPEND_ONLY:
            raise AppendOnly(f"A saved {kind.table.replace('_', ' ')} record is never removed on its own.")
        with self._writing(kind.shard_of(record)) as db:
            table = db.table(kind.table)
            if table.contains(doc_id=record.id):
                table.remove(doc_ids=[record.id])

    def set_meta(self, key: str, value: dict[str, Any]) -> None:
        """Save a piece of information about the house's data itself."""
        with self._writing(CORE) as db:
            table = db.table(META_TABLE)
            if table.contains(doc_id=key):
                table.update(value, doc_ids=[key])
            else:
                table.insert(Document(value, doc_id=key))

    def get_meta(self, key: str) -> dict[str, Any] | None:
        found = self._db(CORE).table(META_TABLE).get(doc_id=key)
        return dict(found) if found else None

    # -- erasing -----------------------------------------------------------

    def erase_guest(self, guest_id: str, stay_ids: Iterable[str], left_behind: Any) -> None:
        """Remove a guest and everything about them; keep only `left_behind`.

        In one write of `core.json` the guest and their stays go, the
        `left_behind` record (an Erasure: counts that identify no one) is
        added, and the erasure is noted as unfinished. Then each stay's file
        goes, and the guest is taken out of every backup and damaged copy.
        The note stays until `erasure_done`, so that whatever else holds the
        guest (printouts) is cleaned too, even after a crash.
        """
        stay_ids = list(stay_ids)
        kind = kind_of(type(left_behind))
        with self._writing(CORE) as db:
            current = db.storage.read() or {}
            cleaned = erasing.drop_from_core(current, guest_id, stay_ids)
            cleaned[kind.table] = {**cleaned.get(kind.table, {}), left_behind.id: to_doc(left_behind)}
            meta = dict(cleaned.get(META_TABLE, {}))
            pending = [p for p in (meta.get(erasing.PENDING) or {}).get("items", []) if p["guest_id"] != guest_id]
            meta[erasing.PENDING] = {"items": [*pending, {"guest_id": guest_id, "stay_ids": stay_ids}]}
            cleaned[META_TABLE] = meta
            db.storage.write(cleaned)
            self._erase_files(guest_id, stay_ids)

    def _erase_files(self, guest_id: str, stay_ids: list[str]) -> None:
        with self._lock.held():
            for stay_id in stay_ids:
                shard = self._shards.pop(stay_shard(stay_id), None)
                if shard is not None:
                    shard.close()
            erasing.remove_stay_files(self.root, stay_ids)
            erasing.clean_backups(self.backups_dir, guest_id, stay_ids)
            erasing.clean_damaged(self.damaged_dir, guest_id, stay_ids)

    def pending_erasures(self) -> list[tuple[str, list[str]]]:
        """Erasures begun but not yet noted done: (guest id, stay ids)."""
        meta = self.get_meta(erasing.PENDING) or {}
        return [(p["guest_id"], list(p["stay_ids"])) for p in meta.get("items", [])]

    def finish_erasure(self, guest_id: str, stay_ids: list[str]) -> None:
        """Do the file steps of an erasure again (after a crash: they are safe to repeat)."""
        self._erase_files(guest_id, stay_ids)

    def erasure_done(self, guest_id: str) -> None:
        """Everything about the guest is gone: drop the note."""
        with self._writing(CORE) as db:
            current = db.storage.read() or {}
            meta = dict(current.get(META_TABLE, {}))
            items = [p for p in (meta.get(erasing.PENDING) or {}).get("items", []) if p["guest_id"] != guest_id]
            if items:
                meta[erasing.PENDING] = {"items": items}
            else:
                meta.pop(erasing.PENDING, None)
            db.storage.write({**current, META_TABLE: meta})

    # -- reading -----------------------------------------------------------

    def _shards_for(
        self, cls: type, stay_id: str | None, months: Iterable[str] | None
    ) -> list[str]:
        kind = kind_of(cls)
        if kind.placement == "core":
            return [CORE]
        if stay_id is not None:
            return [stay_shard(stay_id)]
        if months is not None:
            return [month_shard(m) for m in months]
        raise ValueError(f"Say which stay or which months to read {kind.table} from")

    def find(
        self,
        cls: type[T],
        *,
        stay_id: str | None = None,
        months: Iterable[str] | None = None,
        where: dict[str, Any] | None = None,
    ) -> list[T]:
        """The records of a kind, from one stay or some months (core needs neither).

        `where` keeps only records whose stored fields equal the given values.
        """
        kind = kind_of(cls)
        found: list[T] = []
        for shard in self._shards_for(cls, stay_id, months):
            if not self._path_of(shard).exists():
                continue
            table = self._db(shard).table(kind.table)
            if where:
                q = Query()
                cond = None
                for key, value in where.items():
                    part = q[key] == value
                    cond = part if cond is None else cond & part
                docs = table.search(cond)
            else:
                docs = table.all()
            found.extend(from_doc(cls, doc) for doc in docs)
        return found

    def get(
        self,
        cls: type[T],
        record_id: str,
        *,
        stay_id: str | None = None,
        month: str | None = None,
    ) -> T | None:
        """One record by its id, or None."""
        kind = kind_of(cls)
        months = [month] if month else None
        for shard in self._shards_for(cls, stay_id, months):
            if not self._path_of(shard).exists():
                continue
            doc = self._db(shard).table(kind.table).get(doc_id=record_id)
            if doc is not None:
                return from_doc(cls, doc)
        return None

    def months_with_data(self) -> list[str]:
        """The months that have a file, oldest first."""
        folder = self.root / "months"
        if not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob("*.json") if not is_temp_file(p))

    # -- backups and damage ------------------------------------------------

    def list_backups(self) -> list[backup_files.Backup]:
        return backup_files.list_backups(self.backups_dir)

    def backup(self, reason: str) -> backup_files.Backup:
        """Take a backup now (before a risky step, or the day's first write)."""
        with self._lock.held():
            made = backup_files.take_backup(
                self.root, self.backups_dir, self.clock.now(), reason
            )
            backup_files.prune_backups(self.backups_dir)
            return made

    def relative(self, path: Path) -> str:
        return str(Path(path).resolve().relative_to(self.root.resolve()))

    def newest_good_backup(self, damaged: StoreDamaged) -> backup_files.Backup | None:
        """The newest backup holding a readable copy of the damaged file."""
        return newest_good_backup(self.data_dir, damaged.path)

    def check(self) -> CheckReport:
        """Read every data file and every record; count them by kind."""
        return check_folder(self.data_dir)


def _data_root(data_dir: Path) -> Path:
    return Path(data_dir) / "store"


def newest_good_backup(data_dir: Path, damaged_path: Path) -> backup_files.Backup | None:
    """The newest backup with a readable copy of `damaged_path` (a file under store/)."""
    root = _data_root(data_dir)
    relative = str(Path(damaged_path).resolve().relative_to(root.resolve()))
    for backup in backup_files.list_backups(Path(data_dir) / "backups"):
        if backup.holds_good(relative):
            return backup
    return None


def _aside_dir(data_dir: Path, now: pendulum.DateTime) -> Path:
    return Path(data_dir) / "damaged" / now.in_timezone("UTC").format("YYYYMMDDTHHmmss")


def restore_from_backup(
    data_dir: Path, damaged_path: Path, backup: backup_files.Backup, clock: Clock | None = None
) -> Path | None:
    """Replace a damaged file with the backup's copy; the damaged one is kept aside.

    Returns where the damaged file was kept.
    """
    root = _data_root(data_dir)
    relative = str(Path(damaged_path).resolve().relative_to(root.resolve()))
    now = (clock or Clock()).now()
    with HouseLock(root / ".lock").held():
        return backup_files.restore_file(backup, relative, root, _aside_dir(data_dir, now))


def set_damaged_aside(
    data_dir: Path, damaged_path: Path, clock: Clock | None = None
) -> Path | None:
    """Move a damaged file aside (no backup has it); the house starts without it."""
    root = _data_root(data_dir)
    relative = str(Path(damaged_path).resolve().relative_to(root.resolve()))
    now = (clock or Clock()).now()
    with HouseLock(root / ".lock").held():
        return backup_files.set_aside(root, relative, _aside_dir(data_dir, now))


def check_folder(data_dir: Path) -> CheckReport:
    """Verify a data folder without changing it: every file, every record."""
    report = CheckReport()
    root = _data_root(data_dir)
    if not (root / "core.json").exists():
        report.problems.append(f"{root / 'core.json'} is missing: this is not a house's data folder.")
        return report
    for relative in sorted(backup_files.data_files(root)):
        path = root / relative
        report.files += 1
        try:
            data = read_json_file(path) or {}
        except StoreDamaged as damaged:
            report.problems.append(str(damaged))
            continue
        for table_name, docs in data.items():
            if table_name == META_TABLE:
                meta = docs.get("schema", {})
                version = meta.get("version") if isinstance(meta, dict) else None
                if relative == Path("core.json") and version != SCHEMA_VERSION:
                    report.problems.append(
                        f"{path}: schema version {version!r}, expected {SCHEMA_VERSION}."
                    )
                continue
            kind = KIND_BY_TABLE.get(table_name)
            if kind is None:
                report.problems.append(f"{path}: unknown table {table_name!r}.")
                continue
            for doc_id, doc in docs.items():
                try:
                    from_doc(kind.cls, doc)
                except Exception as error:  # noqa: BLE001 - reported, not raised
                    report.problems.append(
                        f"{path}: {table_name} record {doc_id} is not valid: {error}"
                    )
                else:
                    report.counts[table_name] += 1
    return report
