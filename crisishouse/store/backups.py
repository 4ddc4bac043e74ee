"""Rotating backups of the house's data files.

A backup is a folder mirroring `store/`. Each backup holds real copies,
never links to the live files, so damage done in place to a live file
cannot reach its backups. A file unchanged since the previous backup is
hard-linked to that backup's copy (as rsync's --link-dest does), so a daily
backup of years of history costs only what changed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pendulum

from crisishouse.store.atomic import (
    DIR_MODE,
    TEMP_MARK,
    atomic_write,
    fsync_dir,
    is_temp_file,
    make_dir,
    read_json_file,
)
from crisishouse.store.errors import StoreDamaged

KEEP_DAYS = 14
STAMP_FORMAT = "YYYYMMDDTHHmmss"


@dataclass(frozen=True)
class Backup:
    """One backup folder, named STAMP-SEQUENCE-REASON."""

    path: Path
    taken_at: pendulum.DateTime
    reason: str
    sequence: int
    """Counts up with each backup, so order is clear even within a second."""

    @property
    def day(self) -> str:
        return self.taken_at.format("YYYY-MM-DD")

    def holds_good(self, relative: str) -> bool:
        """True if this backup has a readable copy of the data file `relative`."""
        try:
            return read_json_file(self.path / relative) is not None
        except StoreDamaged:
            return False


def data_files(root: Path) -> Iterator[Path]:
    """Every data file under `root`, as paths relative to it."""
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            if name.endswith(".json") and not is_temp_file(path):
                yield path.relative_to(root)


def _same_file(live: str, copy: str) -> bool:
    """True if `copy` (made by copy2, which keeps mtime) still matches `live`."""
    try:
        a, b = os.stat(live), os.stat(copy)
    except FileNotFoundError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def list_backups(backups_dir: Path) -> list[Backup]:
    """The backups, newest first."""
    found = []
    if backups_dir.is_dir():
        for entry in backups_dir.iterdir():
            stamp, _, rest = entry.name.partition("-")
            sequence, _, reason = rest.partition("-")
            try:
                taken = pendulum.from_format(stamp, STAMP_FORMAT, tz="UTC")
                number = int(sequence)
            except ValueError:
                continue
            found.append(Backup(entry, taken, reason, number))
    return sorted(found, key=lambda b: b.sequence, reverse=True)


def take_backup(root: Path, backups_dir: Path, now: pendulum.DateTime, reason: str) -> Backup:
    """Snapshot every data file under `root` into a new backup folder."""
    make_dir(backups_dir)
    stamp = now.in_timezone("UTC").format(STAMP_FORMAT)
    existing = list_backups(backups_dir)
    sequence = existing[0].sequence + 1 if existing else 1
    target = backups_dir / f"{stamp}-{sequence:06d}-{reason}"
    partial = backups_dir / f".partial-{target.name}"
    shutil.rmtree(partial, ignore_errors=True)
    os.mkdir(partial, DIR_MODE)
    try:
        _fill(root, partial, existing[0] if existing else None)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    # Only a complete backup gets its real name.
    os.rename(partial, target)
    fsync_dir(backups_dir)
    return Backup(target, now, reason, sequence)


def _fill(root: Path, partial: Path, previous: Backup | None) -> None:
    # Plain strings and os.walk: this runs over thousands of stay files.
    before = str(previous.path) if previous is not None else None
    for folder, _dirs, files in os.walk(root):
        relative_dir = os.path.relpath(folder, root)
        dest_dir = str(partial) if relative_dir == "." else os.path.join(partial, relative_dir)
        if relative_dir != ".":
            os.makedirs(dest_dir, DIR_MODE, exist_ok=True)
        for name in files:
            if not name.endswith(".json") or (name.startswith(".") and TEMP_MARK in name):
                continue
            source = os.path.join(folder, name)
            dest = os.path.join(dest_dir, name)
            if before is not None:
                earlier = os.path.join(before, relative_dir, name)
                if _same_file(source, earlier):
                    try:
                        os.link(earlier, dest)
                        continue
                    except OSError:
                        pass
            shutil.copy2(source, dest)


def prune_backups(backups_dir: Path, keep_days: int = KEEP_DAYS) -> None:
    """Keep the backups of the newest `keep_days` days that have any."""
    backups = list_backups(backups_dir)
    days: list[str] = []
    for backup in backups:
        if backup.day not in days:
            days.append(backup.day)
    kept = set(days[:keep_days])
    for backup in backups:
        if backup.day not in kept:
            shutil.rmtree(backup.path, ignore_errors=True)
    for leftover in backups_dir.glob(".partial-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def restore_file(backup: Backup, relative: str, root: Path, set_aside_dir: Path) -> Path | None:
    """Put the backup's copy of `relative` in place, keeping the current file aside.

    Returns where the replaced file was kept, if there was one.
    """
    payload = (backup.path / relative).read_bytes()
    kept = set_aside(root, relative, set_aside_dir)
    target = root / relative
    make_dir(target.parent)
    atomic_write(target, payload)
    return kept


def set_aside(root: Path, relative: str, set_aside_dir: Path) -> Path | None:
    """Move a (damaged) data file out of the way, for inspection."""
    source = root / relative
    if not source.exists():
        return None
    dest = set_aside_dir / relative
    make_dir(dest.parent)
    with contextlib.suppress(FileNotFoundError):
        os.replace(source, dest)
    fsync_dir(source.parent)
    return dest
