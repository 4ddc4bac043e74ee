"""Finding and mending damage: backups that hold a good copy, restoring, and `check`."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pendulum

from crisishouse.clock import Clock
from crisishouse.models import Stay
from crisishouse.store import backups as backup_files
from crisishouse.store import schema
from crisishouse.store.atomic import read_json_file
from crisishouse.store.convert import from_doc
from crisishouse.store.erase import PENDING
from crisishouse.store.errors import NotDamaged, StoreDamaged
from crisishouse.store.lock import HouseLock
from crisishouse.store.schema import KIND_BY_TABLE, META_TABLE
from crisishouse.store.storage import writes_from_disk
from crisishouse.store.validate import check_meta_shapes, validate_tables

SETTINGS_NAME = backup_files.SETTINGS_NAME


@dataclass
class CheckReport:
    """What `Store.check` found in a data folder."""

    counts: Counter[str] = field(default_factory=Counter)
    files: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _data_root(data_dir: Path) -> Path:
    return Path(data_dir) / "store"


def _relative(data_dir: Path, path: Path) -> str:
    return str(Path(path).resolve().relative_to(_data_root(data_dir).resolve()))


def _records_valid(data: dict[str, Any]) -> bool:
    """True if every record of a data file passes its own checks (the store refuses one that does not)."""
    for table_name, docs in data.items():
        if table_name == META_TABLE:
            continue
        kind = KIND_BY_TABLE.get(table_name)
        if kind is None:
            return False
        for doc in docs.values():
            try:
                from_doc(kind.cls, doc)
            except Exception:
                return False
    return True


def _good_copy(backup: backup_files.Backup, relative: str) -> bool:
    """True if the backup's copy reads and every record in it is valid: a restore would open."""
    try:
        data = read_json_file(backup.path / relative)
    except StoreDamaged:
        return False
    return data is not None and _records_valid(data)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _first_with_same_copy(backups: list[backup_files.Backup], relative: str) -> backup_files.Backup:
    """Of `backups` (newest first), the oldest in a row from the first that hold its very copy.

    Later backups hard-link an unchanged file, and keep an earlier good copy
    in place of a damaged live file: the backup a copy was first taken in
    says best when it is from.
    """
    first = backups[0]
    copy = _identity(first.path / relative)
    for older in backups[1:]:
        if _identity(older.path / relative) != copy:
            break
        first = older
    return first


def newest_good_backup(data_dir: Path, damaged_path: Path) -> backup_files.Backup | None:
    """The backup holding the newest good copy of `damaged_path` (a file under store/)."""
    relative = _relative(data_dir, damaged_path)
    backups = backup_files.list_backups(Path(data_dir) / "backups")
    for i, backup in enumerate(backups):
        if _good_copy(backup, relative):
            return _first_with_same_copy(backups[i:], relative)
    return None


def _aside_dir(data_dir: Path, now: pendulum.DateTime) -> Path:
    return Path(data_dir) / "damaged" / now.in_timezone("UTC").format("YYYYMMDDTHHmmss")


def restore_from_backup(
    data_dir: Path, damaged_path: Path, backup: backup_files.Backup, clock: Clock | None = None
) -> Path | None:
    """Replace a damaged file with the backup's copy; the damaged one is kept aside.

    Returns where the damaged file was kept. An older core.json may not
    agree with the stay files saved since: run `check_folder` after
    restoring it.
    """
    root = _data_root(data_dir)
    relative = _relative(data_dir, damaged_path)
    now = (clock or Clock()).now()
    with HouseLock(root / ".lock").held(), writes_from_disk():
        _refuse_if_mended(root, relative)
        return backup_files.restore_file(backup, relative, root, _aside_dir(data_dir, now))


def _refuse_if_mended(root: Path, relative: str) -> None:
    """Under the lock: a file that reads well now is not replaced (another terminal mended it, and saved since)."""
    path = root / relative
    try:
        data = read_json_file(path)
        if data is None:
            return
        validate_tables(path, data)
    except StoreDamaged:
        return
    if relative == "core.json" and not any(docs for table, docs in data.items() if table != META_TABLE):
        return  # an emptied core reads, but is still lost
    raise NotDamaged(
        f"store/{relative} reads well now (it may have been mended from another terminal); nothing was replaced."
    )


def restore_settings(data_dir: Path, backup: backup_files.Backup, clock: Clock | None = None) -> Path | None:
    """Put the backup's `house.toml` in place; the current one (if any) is kept aside.

    Returns where the replaced `house.toml` was kept.
    """
    now = (clock or Clock()).now()
    with HouseLock(_data_root(data_dir) / ".lock").held(), writes_from_disk():
        return backup_files.restore_file(backup, SETTINGS_NAME, Path(data_dir), _aside_dir(data_dir, now))


def set_damaged_aside(data_dir: Path, damaged_path: Path, clock: Clock | None = None) -> Path | None:
    """Move a damaged file aside (no backup has it); the house starts without it."""
    root = _data_root(data_dir)
    relative = _relative(data_dir, damaged_path)
    now = (clock or Clock()).now()
    with HouseLock(root / ".lock").held(), writes_from_disk():
        _refuse_if_mended(root, relative)
        return backup_files.set_aside(root, relative, _aside_dir(data_dir, now))


# -- check ---------------------------------------------------------------------


@dataclass
class _Seen:
    """What the records say about each other, gathered while each file is read."""

    core_read: bool = False
    guests: set[str] = field(default_factory=set)
    stays: dict[str, Stay] = field(default_factory=dict)
    stay_files: dict[str, Path] = field(default_factory=dict)
    """Stay id to its file, for every file under stays/."""
    pending: list[dict[str, Any]] = field(default_factory=list)


def check_folder(data_dir: Path) -> CheckReport:
    """Verify a data folder without changing it: every file, every record, the rules across them, the settings."""
    report = CheckReport()
    root = _data_root(data_dir)
    if not (root / "core.json").exists():
        report.problems.append(f"{root / 'core.json'} is missing: this is not a house's data folder.")
        return report
    time_zone = _settings_problems(Path(data_dir), report)
    for odd in _not_files(root):
        report.problems.append(f"{odd} is not a data file: a folder or a special file stands where one should be.")
    seen = _Seen()
    # core.json first: each stay file's records are checked against its stays as they are read.
    for relative in sorted(backup_files.data_files(root), key=lambda p: (p != Path("core.json"), p)):
        report.files += 1
        _check_file(root, relative, report, seen)
    if seen.core_read:
        report.problems.extend(cross_record_problems(seen, time_zone))
    return report


def _not_files(root: Path) -> list[Path]:
    """Entries named like data files that are not regular files (os.walk would step into a folder silently)."""
    odd = []
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            path = Path(folder) / name
            if name.endswith(".json") and not backup_files.is_temp_file(path) and not path.is_file():
                odd.append(path)
    return odd


def _settings_problems(data_dir: Path, report: CheckReport) -> str:
    """Add what is wrong with `house.toml`; the time zone to show times in."""
    # Imported here: the settings module itself uses the store's files.
    from crisishouse.settings import SettingsError, load_settings, read_time_zone

    try:
        load_settings(data_dir)
    except SettingsError as problem:
        report.problems.append(str(problem))
    return read_time_zone(data_dir)


def _check_file(root: Path, relative: Path, report: CheckReport, seen: _Seen) -> None:
    path = root / relative
    try:
        data = read_json_file(path) or {}
    except StoreDamaged as damaged:
        report.problems.append(str(damaged))
        if relative.parent == Path("stays"):
            seen.stay_files[relative.stem] = path
        return
    meta_ok = True
    try:
        check_meta_shapes(path, data.get(META_TABLE) or {})
    except StoreDamaged as damaged:
        report.problems.append(str(damaged))
        meta_ok = False
    is_core = relative == Path("core.json")
    seen.core_read = seen.core_read or is_core
    stay_id = relative.stem if relative.parent == Path("stays") else None
    if stay_id is not None:
        seen.stay_files[stay_id] = path
    for table_name, docs in data.items():
        if table_name == META_TABLE:
            if is_core and meta_ok:
                _check_meta(path, docs, report, seen)
            continue
        kind = KIND_BY_TABLE.get(table_name)
        if kind is None:
            report.problems.append(f"{path}: unknown table {table_name!r}.")
            continue
        for doc_id, doc in docs.items():
            try:
                record = from_doc(kind.cls, doc)
            except Exception as error:
                report.problems.append(f"{path}: {table_name} record {doc_id} is not valid: {error}")
                continue
            report.counts[table_name] += 1
            if is_core and table_name == "guests":
                seen.guests.add(doc_id)
            elif is_core and table_name == "stays":
                seen.stays[doc_id] = record
            elif stay_id is not None and seen.core_read:
                problem = _stay_record_problem(path, table_name, doc_id, record, seen)
                if problem:
                    report.problems.append(problem)


def _check_meta(path: Path, meta: dict[str, Any], report: CheckReport, seen: _Seen) -> None:
    """The schema version, and erasures not finished; other keys are someone else's."""
    version_doc = meta.get("schema", {})
    version = version_doc.get("version") if isinstance(version_doc, dict) else None
    if version != schema.SCHEMA_VERSION:
        report.problems.append(f"{path}: schema version {version!r}, expected {schema.SCHEMA_VERSION}.")
    pending = meta.get(PENDING)
    items = pending.get("items") if isinstance(pending, dict) else None
    if isinstance(items, list):
        seen.pending.extend(i for i in items if isinstance(i, dict))


def cross_record_problems(seen: _Seen, time_zone: str = "UTC") -> list[str]:
    """The rules across records, each broken one as a plain sentence."""
    return [
        *_erasures_unfinished(seen),
        *_guests_and_stays(seen),
        *_stay_files(seen),
        *_room_clashes(seen.stays, time_zone),
    ]


def _erasing(seen: _Seen) -> set[str]:
    """Stay ids an unfinished erasure is taking out (their files may still be there)."""
    return {s for item in seen.pending for s in item.get("stay_ids", []) if isinstance(s, str)}


def _erasures_unfinished(seen: _Seen) -> list[str]:
    problems = []
    for item in seen.pending:
        count = len(item.get("stay_ids") or [])
        stays = "1 stay" if count == 1 else f"{count} stays"
        problems.append(
            f"An erasure of a guest's record ({stays}) was begun but not finished. Opening the house finishes it."
        )
    return problems


def _guests_and_stays(seen: _Seen) -> list[str]:
    with_stays = {stay.guest_id for stay in seen.stays.values()}
    problems = [f"core.json: guest {g} has no stay." for g in sorted(seen.guests - with_stays)]
    problems += [
        f"core.json: stay {s.id} belongs to guest {s.guest_id}, who is not in core.json."
        for s in sorted(seen.stays.values(), key=lambda s: s.id)
        if s.guest_id not in seen.guests
    ]
    return problems


def _stay_files(seen: _Seen) -> list[str]:
    erasing = _erasing(seen)
    return [
        f"{path}: there is no stay {stay_id} in core.json for this file."
        for stay_id, path in sorted(seen.stay_files.items())
        if stay_id not in seen.stays and stay_id not in erasing
    ]


def _stay_record_problem(path: Path, table: str, doc_id: str, record: Any, seen: _Seen) -> str | None:
    """A record in a stay's file belongs to that stay and to its guest."""
    stay_id = path.stem
    said_stay = getattr(record, "stay_id", None)
    said_guest = getattr(record, "guest_id", None)
    stay = seen.stays.get(stay_id)
    if said_stay is not None and said_stay != stay_id:
        return f"{path}: {table} record {doc_id} says it belongs to stay {said_stay}, not {stay_id}."
    if stay is not None and said_guest is not None and said_guest != stay.guest_id:
        return f"{path}: {table} record {doc_id} is about guest {said_guest}, but stay {stay_id} is guest {stay.guest_id}'s."
    return None


Span = tuple[pendulum.DateTime, pendulum.DateTime | None, str]


def _ends_later(a: Span, b: Span) -> bool:
    return b[1] is not None and (a[1] is None or a[1] > b[1])


def _room_clashes(stays: dict[str, Stay], time_zone: str) -> list[str]:
    """Rooms held by two stays at once: sorted by start, each against the longest-running before it."""
    spans: dict[str, list[Span]] = defaultdict(list)
    for stay in stays.values():
        for room, start, end in stay.room_times():
            spans[room].append((start, end, stay.id))
    problems = []
    for room in sorted(spans):
        holder: Span | None = None
        for span in sorted(spans[room], key=lambda s: (s[0], s[2])):
            if holder is not None and holder[2] != span[2] and (holder[1] is None or holder[1] > span[0]):
                when = span[0].in_timezone(time_zone).format("D MMMM YYYY, HH:mm")
                problems.append(
                    f"Room {room} is held by two stays at the same time ({holder[2]} and {span[2]}, from {when})."
                )
            if holder is None or _ends_later(span, holder):
                holder = span
    return problems
