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
import functools
import hashlib
import os
import stat
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from crisishouse.clock import Clock
from crisishouse.store import backups as backup_files
from crisishouse.store import erase as erasing
from crisishouse.store.atomic import TEMP_MARK, is_temp_file, make_dir, read_json_file
from crisishouse.store.convert import from_doc, to_doc
from crisishouse.store.errors import (
    RecordErased,
    RecordGone,
    RuleBroken,
    StoreDamaged,
    StoreError,
    StoreTooNew,
)
from crisishouse.store.lock import HouseLock
from crisishouse.store.recovery import CheckReport
from crisishouse.store.schema import (
    CORE,
    CORE_HEAD,
    META_TABLE,
    MIGRATIONS,
    SCHEMA_VERSION,
    kind_of,
    month_shard,
    stay_shard,
)
from crisishouse.store.storage import AtomicJSONStorage, read_once, writes_from_disk
from crisishouse.store.validate import validate_tables

T = TypeVar("T")


class _Record(Protocol):
    """A saved record: every model carries its own id."""

    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)
OPEN_SHARDS = 64
APPEND_ONLY = frozenset({"access_events"})
"""Tables whose records are never changed or removed, except by erasing a whole record."""
ERASED_META = "erased"
"""Meta key listing one-way marks of erased guests' and stays' ids (never the ids)."""


def erased_mark(record_id: str) -> str:
    """A mark that tells whether an id was erased without keeping the id itself."""
    return hashlib.sha256(f"crisishouse-erased:{record_id}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class ToErase:
    """One guest to erase: her id, her stays' ids, what is left of her, and meta entries to forget."""

    guest_id: str
    stay_ids: list[str]
    left_behind: Any
    forget: erasing.Forget | None = None


class AppendOnly(StoreError):
    """An attempt to change or remove a record that is only ever added."""


class _Table(Table):
    """Records carry their own ids; never TinyDB's counters, never a cache.

    TinyDB caches the next document id and query results per process, which
    loses or hides another terminal's writes.
    """

    # TinyDB types ids as int, yet documents document_id_class as the way to use others (since 4.0).
    document_id_class = cast("type[int]", str)

    def __init__(self, storage: Any, name: str, cache_size: int = 0, persist_empty: bool = False) -> None:
        # TinyDB binds its default cache size when its own class is defined,
        # so the size is forced here: a cached query never sees another
        # terminal's writes.
        super().__init__(storage, name, cache_size=0, persist_empty=persist_empty)

    def _get_next_id(self) -> str:
        raise RuntimeError("crisishouse records carry their own ids")

    def _read_table(self) -> dict[str, Any]:
        # Through the storage's own reading of one table: at opening, core.json's head alone.
        storage = cast(AtomicJSONStorage, self._storage)
        return storage.read_table(self.name) or {}


def _by_id(table: Table, record_id: str) -> Document | None:
    """One document of `table` by its id, or None."""
    # TinyDB looks the id up as str(doc_id), so a str id is what it needs; its types say int only.
    return table.get(doc_id=cast(int, record_id))


def _owner_only(path: Path) -> bool:
    """Take group and other permissions off `path`; True if it had any."""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode) or not stat.S_IMODE(mode) & 0o077:
            return False
        os.chmod(path, stat.S_IMODE(mode) & ~0o077)
    except OSError:
        return False
    return True


class _Db(TinyDB):
    table_class = _Table

    @property
    def storage(self) -> AtomicJSONStorage:
        # Every house database is made with this storage (`Store._db`).
        return cast(AtomicJSONStorage, self._storage)


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
        self.damage_found: backup_files.Backup | None = None
        """Today's backup, if it found live files damaged (read back as it copied them)."""

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
        store._tighten_modes()
        # One moment: the lock is held, so each file is read from disk once.
        with store._locked(), read_once():
            store._remove_stray_temp_files((store.root,))
            store._read_core()
            store._refuse_lost_core()
            store._migrate()
        return store

    def _tighten_modes(self) -> None:
        """Make a data folder made beforehand (0755, say) owner-only, as crisishouse makes its own.

        Cheap on every opening: the known folders and the files at the top of
        the data folder and `store/`. Only when the data folder itself was
        open to others is everything under it walked. Symbolic links are
        left alone, and a file that cannot be changed does not stop the house
        opening.
        """
        was_open = _owner_only(self.data_dir)
        printouts = self.data_dir / "printouts"
        for folder in (
            self.root,
            self.root / "stays",
            self.root / "months",
            self.backups_dir,
            self.damaged_dir,
            printouts,
        ):
            _owner_only(folder)
        if was_open:
            for walked, dirs, files in os.walk(self.data_dir):
                for name in (*dirs, *files):
                    _owner_only(Path(walked) / name)
            return
        for folder in (self.data_dir, self.root):
            with contextlib.suppress(OSError):
                for entry in os.scandir(folder):
                    if entry.is_file(follow_symlinks=False):
                        _owner_only(Path(entry.path))

    def _refuse_lost_core(self) -> None:
        """A missing or emptied core.json beside a house's other files is damage, not a new house."""
        core_path = self.root / "core.json"
        storage = self._db(CORE).storage
        if storage.read_table("staff"):
            return  # read from the head alone where it can be: staff are records
        core = storage.read()
        if core and any(docs for table, docs in core.items() if table != META_TABLE):
            return
        evidence = _house_evidence(self.root, self.backups_dir, core is None)
        if evidence is None:
            return
        state = "is missing" if core is None else "holds no guests, stays or staff"
        raise StoreDamaged(
            core_path, f"it {state}, yet this folder has {evidence}: it was lost or emptied, not a new house"
        )

    def remove_stray_temp_files(self) -> None:
        """Remove what writes cut short by a crash left in `stays/` and `months/`.

        Not at opening (which clears only `store/` itself): those folders grow
        with every stay, and nothing reads a temporary file meanwhile. The app
        calls this in the background at start and every hour.
        """
        with self._locked():
            self._remove_stray_temp_files((self.root / "stays", self.root / "months"))

    def _remove_stray_temp_files(self, folders: Iterable[Path]) -> None:
        # Under the lock: no other terminal is half-way through a write.
        for folder in folders:
            try:
                entries = list(os.scandir(folder))
            except FileNotFoundError:
                continue
            for entry in entries:
                if entry.name.startswith(".") and TEMP_MARK in entry.name:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(entry.path)

    def _read_core(self) -> None:
        # Through TinyDB's own storage, so the file is parsed once; its head alone
        # when a stamp vouches for it (the rest grows with every year of guests).
        self._db(CORE).storage.open_head()

    def parse_core(self) -> bool:
        """Parse core.json whole now if opening read only its head (ahead of the sign-in that needs it).

        Returns:
            True if it was parsed now.
        """
        storage = self._db(CORE).storage
        if not storage.head_only:
            return False
        storage.read()
        return True

    @property
    def schema_version(self) -> int:
        meta = _by_id(self._db(CORE).table(META_TABLE), "schema")
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
            # Only the core file is large enough (megabytes) for a stamp of its check to pay.
            core = shard == CORE
            db = _Db(
                path, storage=AtomicJSONStorage, validate=validate_tables, stamped=core, head=CORE_HEAD if core else ()
            )
            self._shards[shard] = db
            if len(self._shards) > OPEN_SHARDS:
                _old, dropped = self._shards.popitem(last=False)
                dropped.close()
        else:
            self._shards.move_to_end(shard)
        return db

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the house lock; every read inside is from disk, even within a `reading`."""
        with self._lock.held(), writes_from_disk():
            yield

    @contextlib.contextmanager
    def _writing(self, shard: str) -> Iterator[_Db]:
        """Hold the house lock for a write to `shard`.

        Reads compare the file's bytes with what was parsed, so they start
        from what is on disk. Writes build new dicts and never change the
        parsed copy in place: a refused or failed write leaves nothing behind.
        """
        with self._locked():
            make_dir(self._path_of(shard).parent)
            yield self._db(shard)

    def _rewrite(self, shard: str, edit: Callable[[dict[str, Any]], dict[str, Any] | None]) -> None:
        """Write `edit(current)` to `shard`, unless it returns None (nothing to change)."""
        with self._writing(shard) as db:
            changed = edit(dict(db.storage.read() or {}))
            if changed is not None:
                db.storage.write(changed)

    def daily_backup(self) -> backup_files.Backup | None:
        """Take today's backup if there is none yet (UTC day).

        Kept off the save path so no save waits for it: the app calls it in
        the background at start and every hour. A backup that fails (a full
        disk, say) is kept in `backup_problem` and tried again next time.
        """
        today = self.clock.now().in_timezone("UTC").date().isoformat()
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
        if made is not None:
            self.damage_found = made if made.damaged else None
        return made

    # -- writing -----------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the house lock across reads, checks and writes.

        Every read inside sees what is on disk, and no other terminal writes
        until the block ends, so a rule checked inside still holds when the
        write lands (a room free, a stay not yet ended).
        """
        with self._locked():
            yield

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """Reads inside the block see one moment of the house: each file is read from disk once.

        For one request of a screen (the services' session check opens it).
        Inside `transaction` or a write, every read is from disk again.
        """
        return read_once()

    def update(
        self,
        cls: type[R],
        record_id: str,
        change: Callable[[R], R],
        *,
        stay_id: str | None = None,
        month: str | None = None,
    ) -> R:
        """Change one saved record: read it from disk, apply `change`, save it, all under the lock.

        `change` gets the record as it is now (never a caller's copy) and may
        raise to refuse. Raises RecordGone if the record is not there.
        """
        with self._locked():
            current = self.get(cls, record_id, stay_id=stay_id, month=month)
            if current is None:
                raise RecordGone("That record is no longer in the house's data (another terminal may have removed it).")
            changed = change(current)
            if type(changed) is not cls or changed.id != record_id:
                raise TypeError("An update must return the same record, changed")
            self.put(changed)
            return changed

    def _core_now(self) -> dict[str, Any]:
        """core.json as it is on disk (call with the lock held)."""
        if not os.path.lexists(self._path_of(CORE)):
            return {}
        return self._db(CORE).storage.read() or {}

    def _guard(self, records: list[Any]) -> None:
        """Refuse saves that would break a rule across records (lock held).

        An erased guest's ids are never written again (a stay removed by
        erasure is caught here too: stays go no other way); a record kept
        with a stay belongs to that stay's guest; a stay needs its guest.
        """
        core = self._core_now()
        marks = set(((core.get(META_TABLE) or {}).get(ERASED_META) or {}).get("marks", []))
        saved_stays = core.get("stays") or {}
        saved_guests = core.get("guests") or {}
        # The batch's own guests and stays count too (an arrival saves both at once).
        new_stays = {r.id: r.guest_id for r in records if kind_of(type(r)).table == "stays"}
        new_guests = {r.id for r in records if kind_of(type(r)).table == "guests"}
        for record in records:
            kind = kind_of(type(record))
            if marks:
                ids = (record.id, getattr(record, "guest_id", None), getattr(record, "stay_id", None))
                if any(i and erased_mark(i) in marks for i in ids):
                    raise RecordErased("This guest's record was erased, so nothing more can be saved in it.")
            if kind.table == "stays" and record.guest_id not in new_guests and record.guest_id not in saved_guests:
                raise RuleBroken("This stay's guest is not in the house's records.")
            stay_id = getattr(record, "stay_id", None)
            if kind.placement == "stay" and stay_id is not None:
                stay_guest = new_stays.get(stay_id) or (saved_stays.get(stay_id) or {}).get("guest_id")
                guest_id = getattr(record, "guest_id", None)
                if stay_guest is not None and guest_id is not None and guest_id != stay_guest:
                    raise RuleBroken("That record belongs to another guest's stay.")

    def put(self, record: Any) -> None:
        """Save one record (new or changed). Durable when this returns."""
        self.put_many([record])

    def put_many(self, records: Iterable[Any]) -> None:
        """Save records, with one write for each file they go to, all under one hold of the lock."""
        grouped: dict[str, dict[str, list[Any]]] = {}
        records = list(records)
        for record in records:
            kind = kind_of(type(record))
            grouped.setdefault(kind.shard_of(record), {}).setdefault(kind.table, []).append(record)
        with self._locked():
            self._guard(records)
            for shard, tables in grouped.items():
                self._rewrite(shard, functools.partial(_with_records, tables=tables))

    def remove(self, record: Any) -> None:
        """Delete one record."""
        kind = kind_of(type(record))
        if kind.table in APPEND_ONLY:
            raise AppendOnly(f"A saved {kind.table.replace('_', ' ')} record is never removed on its own.")

        def without(current: dict[str, Any]) -> dict[str, Any] | None:
            table = current.get(kind.table) or {}
            if record.id not in table:
                return None
            return {**current, kind.table: {k: v for k, v in table.items() if k != record.id}}

        self._rewrite(kind.shard_of(record), without)

    def set_meta(self, key: str, value: dict[str, Any]) -> None:
        """Save a piece of information about the house's data itself."""

        def with_meta(current: dict[str, Any]) -> dict[str, Any]:
            meta = dict(current.get(META_TABLE) or {})
            meta[key] = {**(meta.get(key) or {}), **value}
            return {**current, META_TABLE: meta}

        self._rewrite(CORE, with_meta)

    def get_meta(self, key: str) -> dict[str, Any] | None:
        found = _by_id(self._db(CORE).table(META_TABLE), key)
        return dict(found) if found else None

    # -- erasing -----------------------------------------------------------

    def erase_guest(
        self, guest_id: str, stay_ids: Iterable[str], left_behind: Any, forget: erasing.Forget | None = None
    ) -> None:
        """Remove a guest and everything about them; keep only `left_behind` (see `erase_guests`).

        Raises:
            RecordGone: another terminal erased her first.
            RuleBroken: her stays changed since the erasure was asked for; nothing was erased.
        """
        refused = self.erase_guests([ToErase(guest_id, list(stay_ids), left_behind, forget)])
        if guest_id in refused:
            raise refused[guest_id]

    def erase_guests(self, guests: list[ToErase]) -> dict[str, StoreError]:
        """Remove each guest and everything about them; keep only each one's `left_behind`.

        In one write of `core.json` the guests and their stays go, each
        `left_behind` record (an Erasure: counts that identify no one) is
        added, and each erasure is noted as unfinished. Then each stay's file
        goes, and each guest is taken out of every backup and damaged copy.
        A note stays until `erasures_done`, so that whatever else holds a
        guest (printouts) is cleaned too, even after a crash.

        A guest another terminal erased first, or whose stays changed since
        the erasure was asked for, is left as she is: the answer names her
        with the reason, and the others are erased.
        """
        refused: dict[str, StoreError] = {}
        erased: list[ToErase] = []
        with self._writing(CORE) as db:
            cleaned = db.storage.read() or {}
            before = cleaned.get(META_TABLE) or {}
            pending = list((before.get(erasing.PENDING) or {}).get("items", []))
            marks = set((before.get(ERASED_META) or {}).get("marks", []))
            stays_of: dict[str, set[str]] = {}
            for stay_id, stay in (cleaned.get("stays") or {}).items():
                stays_of.setdefault(stay.get("guest_id"), set()).add(stay_id)
            for guest in guests:
                if guest.guest_id not in (cleaned.get("guests") or {}):
                    # Another terminal erased her first (or she is twice in the list): one Erasure, counted once.
                    refused[guest.guest_id] = RecordGone("This guest's record has already been erased.")
                    continue
                if stays_of.get(guest.guest_id, set()) != set(guest.stay_ids):
                    # She arrived again (or a stay changed) since the erasure was asked for.
                    refused[guest.guest_id] = RuleBroken(
                        "This guest's stays changed since the erasure was asked for; nothing was erased. Look again."
                    )
                    continue
                cleaned = erasing.drop_from_core(cleaned, guest.guest_id, guest.stay_ids, guest.forget)
                kind = kind_of(type(guest.left_behind))
                cleaned[kind.table] = {**cleaned.get(kind.table, {}), guest.left_behind.id: to_doc(guest.left_behind)}
                pending = [p for p in pending if p["guest_id"] != guest.guest_id]
                pending.append({"guest_id": guest.guest_id, "stay_ids": list(guest.stay_ids)})
                marks.update(erased_mark(i) for i in (guest.guest_id, *guest.stay_ids))
                erased.append(guest)
            if not erased:
                return refused
            meta = dict(cleaned.get(META_TABLE, {}))
            meta[erasing.PENDING] = {"items": pending}
            meta[ERASED_META] = {"marks": sorted(marks)}
            cleaned[META_TABLE] = meta
            db.storage.write(cleaned)
            for guest in erased:
                self._erase_files(guest.guest_id, list(guest.stay_ids), guest.forget)
        return refused

    def _erase_files(self, guest_id: str, stay_ids: list[str], forget: erasing.Forget | None = None) -> None:
        with self._locked():
            for stay_id in stay_ids:
                shard = self._shards.pop(stay_shard(stay_id), None)
                if shard is not None:
                    shard.close()
            erasing.remove_stay_files(self.root, stay_ids)
            erasing.clean_backups(self.backups_dir, guest_id, stay_ids, forget)
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
        self.erasures_done([guest_id])

    def erasures_done(self, guest_ids: Iterable[str]) -> None:
        """Everything about each of these guests is gone: drop their notes, in one write."""
        done = set(guest_ids)
        with self._writing(CORE) as db:
            current = db.storage.read() or {}
            meta = dict(current.get(META_TABLE, {}))
            items = [p for p in (meta.get(erasing.PENDING) or {}).get("items", []) if p["guest_id"] not in done]
            if items:
                meta[erasing.PENDING] = {"items": items}
            else:
                meta.pop(erasing.PENDING, None)
            db.storage.write({**current, META_TABLE: meta})

    # -- reading -----------------------------------------------------------

    def _shards_for(self, cls: type, stay_id: str | None, months: Iterable[str] | None) -> list[str]:
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
        text_test: tuple[str, Callable[[str], bool]] | None = None,
    ) -> list[T]:
        """The records of a kind, from one stay or some months (core needs neither).

        `where` keeps only records whose stored fields equal the given values.
        `text_test` (a text field's name, and a test of its text) keeps only
        records whose text passes, tested before any record is rebuilt: a
        name looked up among years of guests rebuilds only its matches.
        """
        kind = kind_of(cls)
        found: list[T] = []
        for shard in self._shards_for(cls, stay_id, months):
            # lexists: a broken link or a loop where a file should be is damage, not "no records".
            if not os.path.lexists(self._path_of(shard)):
                continue
            db = self._db(shard)
            docs: list[dict[str, Any]]
            docs = db.storage.matching(kind.table, where) if where else list(db.table(kind.table).all())
            if text_test is not None:
                field, test = text_test
                docs = [d for d in docs if isinstance(d.get(field), str) and test(d[field])]
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
            # lexists: a broken link or a loop where a file should be is damage, not "no records".
            if not os.path.lexists(self._path_of(shard)):
                continue
            doc = _by_id(self._db(shard).table(kind.table), record_id)
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
        with self._locked():
            made = backup_files.take_backup(self.root, self.backups_dir, self.clock.now(), reason)
            backup_files.prune_backups(self.backups_dir)
            return made

    def relative(self, path: Path) -> str:
        return str(Path(path).resolve().relative_to(self.root.resolve()))

    def newest_good_backup(self, damaged: StoreDamaged) -> backup_files.Backup | None:
        """The newest backup holding a readable copy of the damaged file."""
        from crisishouse.store.recovery import newest_good_backup

        return newest_good_backup(self.data_dir, damaged.path)

    def check(self) -> CheckReport:
        """Read every data file and every record; count them by kind."""
        from crisishouse.store.recovery import check_folder

        return check_folder(self.data_dir)


def _house_evidence(root: Path, backups_dir: Path, core_missing: bool) -> str | None:
    """What shows this folder held a house's records, though core.json does not.

    With core.json gone, any stay or month file is enough. An empty core.json
    is also how a new house starts, so there a backup holding records is the
    sign (every house that has had a day of records has one).
    """
    if core_missing:
        for folder, words in (("stays", "stay files"), ("months", "month files")):
            path = root / folder
            if path.is_dir() and any(p.suffix == ".json" and not is_temp_file(p) for p in path.iterdir()):
                return words
    for backup in backup_files.list_backups(backups_dir):
        try:
            core = read_json_file(backup.path / "core.json") or {}
        except StoreDamaged:
            continue
        if any(docs for table, docs in core.items() if table != META_TABLE):
            return "backups that hold records"
    return None


def _with_records(current: dict[str, Any], tables: dict[str, list[Any]]) -> dict[str, Any]:
    """`current` with the records added or replaced (a new dict; `current` is not changed)."""
    for table_name, items in tables.items():
        existing = current.get(table_name) or {}
        if table_name in APPEND_ONLY and any(r.id in existing for r in items):
            raise AppendOnly(f"A saved {table_name.replace('_', ' ')} record is never changed.")
        current = {**current, table_name: {**existing, **{r.id: to_doc(r) for r in items}}}
    return current
