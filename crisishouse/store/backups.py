"""Rotating backups of the house's data files and its settings.

A backup is a folder mirroring `store/`, with the house's `house.toml`
beside `core.json` at its top (data files are all `*.json`, so the name
cannot collide). Each backup holds real copies, never links to the live
files, so damage done in place to a live file cannot reach its backups. A
file unchanged since the previous backup is hard-linked to that backup's
copy (as rsync's --link-dest does), so a daily backup of years of history
costs only what changed.

Damage never spreads into the backups: every file put into a backup is read
back first. A live file that cannot be read is not copied; the backup keeps
the newest good copy from an earlier backup in its place instead, and says
so (`Backup.damaged`). Pruning never removes the last good copy of a file.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pendulum

from crisishouse.store.atomic import (
    DIR_MODE,
    FILE_MODE,
    TEMP_MARK,
    atomic_write,
    fsync_dir,
    is_temp_file,
    make_dir,
    read_json_file,
)
from crisishouse.store.errors import StoreDamaged

KEEP_DAYS = 14
# A backup folder's name begins with when it was taken, in UTC: YYYYMMDDTHHMMSS.
# Read and written without pendulum's formatter, whose locale files cost 30 ms at start-up.
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})", re.ASCII)
SETTINGS_NAME = "house.toml"
"""The settings file: in the data folder, and at the top of each backup."""
READ_BACK_MARK = ".read-back"
"""Present in a backup whose every file was read back when it was put in.

Its copies need not be read again before later backups link to them. Older
backups (from before files were read back) may hold damaged copies.
"""


@dataclass(frozen=True)
class Backup:
    """One backup folder, named STAMP-SEQUENCE-REASON."""

    path: Path
    taken_at: pendulum.DateTime
    reason: str
    sequence: int
    """Counts up with each backup, so order is clear even within a second."""
    damaged: tuple[str, ...] = field(default=(), compare=False)
    """Live files that could not be read when this backup was taken.

    Paths relative to the backup folder: `core.json`, `stays/ID.json`,
    `house.toml`. Each holds the newest good copy from an earlier backup
    instead, or is left out when no backup had one. Known only on the
    Backup that `take_backup` returns.
    """

    @property
    def day(self) -> str:
        return self.taken_at.date().isoformat()

    @cached_property
    def read_back(self) -> bool:
        """True if every file was read back when this backup was taken (looked up once: asked per file)."""
        return (self.path / READ_BACK_MARK).exists()

    def holds_good(self, relative: str) -> bool:
        """True if this backup has a readable copy of the file `relative`."""
        return _readable(self.path / relative)

    def saved_at(self, relative: str) -> pendulum.DateTime:
        """When this backup's copy of `relative` was last saved as a live file.

        A copy keeps its live file's time (copy2), and one kept from an
        earlier backup is older than this backup: this says what a restore
        brings back. Never later than the backup itself (a copy cleaned by
        an erasure is rewritten later).
        """
        try:
            stamp = os.stat(self.path / relative).st_mtime
        except OSError:
            return self.taken_at
        return min(pendulum.from_timestamp(stamp, tz="UTC"), self.taken_at)


def data_files(root: Path) -> Iterator[Path]:
    """Every data file under `root`, as paths relative to it."""
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            if name.endswith(".json") and not is_temp_file(path):
                yield path.relative_to(root)


def _read_settings_text(raw: bytes) -> None:
    """Raise ValueError unless `raw` is a non-empty TOML text (settings are checked elsewhere)."""
    if not tomllib.loads(raw.decode("utf-8")):
        raise ValueError("no settings")


def _readable(path: Path) -> bool:
    """True if `path` exists and reads as what its name says: data or settings."""
    try:
        if path.name == SETTINGS_NAME:
            _read_settings_text(path.read_bytes())
            return True
        return read_json_file(path) is not None
    except (OSError, ValueError, StoreDamaged):
        return False


def _same_file(live: str, copy: str) -> bool:
    """True if `copy` (made by copy2, which keeps mtime) still matches `live`."""
    try:
        a, b = os.stat(live), os.stat(copy)
    except FileNotFoundError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


class _Verdicts:
    """Whether backup copies read, remembered by inode: a hard-linked copy is read once.

    Only for copies in finished backups, which are never deleted while a
    verdict is in use (a freed inode can come back for another file).
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[int, int, int, int], bool] = {}

    def good(self, backup: Backup, relative: str) -> bool:
        path = backup.path / relative
        try:
            st = os.stat(path)
        except OSError:
            return False
        if backup.read_back:
            return True
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        if key not in self._seen:
            self._seen[key] = _readable(path)
        return self._seen[key]


def list_backups(backups_dir: Path) -> list[Backup]:
    """The backups, newest first."""
    found = []
    if backups_dir.is_dir():
        for entry in backups_dir.iterdir():
            stamp, _, rest = entry.name.partition("-")
            sequence, _, reason = rest.partition("-")
            taken = _taken_at(stamp)
            if taken is None or not sequence.isascii() or not sequence.isdigit():
                continue
            number = int(sequence)
            found.append(Backup(entry, taken, reason, number))
    return sorted(found, key=lambda b: b.sequence, reverse=True)


def _taken_at(stamp: str) -> pendulum.DateTime | None:
    found = _STAMP.fullmatch(stamp)
    if found is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in found.groups())
        return pendulum.datetime(year, month, day, hour, minute, second, tz="UTC")
    except ValueError:  # no such day or time
        return None


def _stamp(now: pendulum.DateTime) -> str:
    t = now.in_timezone("UTC")
    return f"{t.year:04d}{t.month:02d}{t.day:02d}T{t.hour:02d}{t.minute:02d}{t.second:02d}"


def take_backup(
    root: Path,
    backups_dir: Path,
    now: pendulum.DateTime,
    reason: str,
    settings_file: Path | None = None,
) -> Backup:
    """Snapshot every data file under `root`, and the settings, into a new backup folder.

    `settings_file` defaults to `house.toml` beside `root` (in the data
    folder). Damaged live files are listed on the returned Backup.

    Raises:
        OSError: the backup could not be made (a full disk, a copy that did
            not read back); no partial backup is left.
    """
    make_dir(backups_dir)
    stamp = _stamp(now)
    existing = list_backups(backups_dir)
    sequence = existing[0].sequence + 1 if existing else 1
    target = backups_dir / f"{stamp}-{sequence:06d}-{reason}"
    partial = backups_dir / f".partial-{target.name}"
    shutil.rmtree(partial, ignore_errors=True)
    os.mkdir(partial, DIR_MODE)
    filling = _Filling(partial, existing)
    try:
        _fill(root, filling)
        settings = settings_file if settings_file is not None else root.parent / SETTINGS_NAME
        if settings.is_file():
            filling.put(str(settings), SETTINGS_NAME)
        _mark_read_back(partial)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    # Only a complete backup gets its real name.
    os.rename(partial, target)
    fsync_dir(backups_dir)
    return Backup(target, now, reason, sequence, tuple(filling.damaged))


def _mark_read_back(folder: Path) -> None:
    fd = os.open(folder / READ_BACK_MARK, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.write(fd, b"Every file in this backup was read back when it was taken.\n")
    finally:
        os.close(fd)


class _Filling:
    """Puts files into a backup being made, reading each back, keeping damage out."""

    def __init__(self, partial: Path, earlier: list[Backup]) -> None:
        self.partial = partial
        self.earlier = earlier
        """Finished backups, newest first."""
        self.verdicts = _Verdicts()
        self.damaged: list[str] = []

    def put(self, source: str, relative: str) -> None:
        """Put the live file `source` into the backup as `relative`."""
        dest = os.path.join(self.partial, relative)
        if self.earlier and self._link_unchanged(source, relative, dest):
            return
        shutil.copy2(source, dest)
        if relative == SETTINGS_NAME:
            os.chmod(dest, FILE_MODE)  # a hand-written house.toml may be readable by all
        if _readable(Path(dest)):
            return
        os.unlink(dest)
        if _readable(Path(source)):
            raise OSError(f"the backup's copy of {relative} did not read back")
        self.damaged.append(relative)
        self._keep_good_copy(relative, dest)

    def _link_unchanged(self, source: str, relative: str, dest: str) -> bool:
        previous = self.earlier[0]
        earlier = os.path.join(previous.path, relative)
        if not _same_file(source, earlier) or not self.verdicts.good(previous, relative):
            return False
        try:
            os.link(earlier, dest)
        except OSError:
            return False
        return True

    def _keep_good_copy(self, relative: str, dest: str) -> None:
        """In place of a damaged live file: the newest good copy from an earlier backup."""
        for backup in self.earlier:
            if self.verdicts.good(backup, relative):
                good = os.path.join(backup.path, relative)
                try:
                    os.link(good, dest)
                except OSError:
                    shutil.copy2(good, dest)
                return


def _fill(root: Path, filling: _Filling) -> None:
    # Plain strings and os.walk: this runs over thousands of stay files.
    for folder, _dirs, files in os.walk(root):
        relative_dir = os.path.relpath(folder, root)
        if relative_dir != ".":
            os.makedirs(os.path.join(filling.partial, relative_dir), DIR_MODE, exist_ok=True)
        for name in files:
            if not name.endswith(".json") or (name.startswith(".") and TEMP_MARK in name):
                continue
            relative = name if relative_dir == "." else os.path.join(relative_dir, name)
            filling.put(os.path.join(folder, name), relative)


def prune_backups(backups_dir: Path, keep_days: int = KEEP_DAYS, root: Path | None = None) -> None:
    """Keep the backups of the newest `keep_days` days that have any, and every last good copy.

    An older backup is kept, too, while it holds the last good copy of a
    file: one no kept newer backup holds readable, while the live file
    (under `root`, by default `store/` beside the backups) is damaged or
    missing. Without this a damaged file would lose its last good copy
    `keep_days` days after the damage.

    Cheap on the daily run: a file present in a read-back kept backup is
    good there without reading it, and other copies are read once per inode.
    """
    backups = list_backups(backups_dir)
    live_root = root if root is not None else backups_dir.parent / "store"
    days: list[str] = []
    for backup in backups:
        if backup.day not in days:
            days.append(backup.day)
    recent = set(days[:keep_days])
    kept = [b for b in backups if b.day in recent]
    older = [b for b in backups if b.day not in recent]
    going = _not_needed(kept, older, live_root) if older else []
    for backup in going:
        shutil.rmtree(backup.path, ignore_errors=True)
    for leftover in backups_dir.glob(".partial-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _files_of(backup: Backup) -> set[str]:
    """The files of a backup, relative to it (data files and settings)."""
    found = {str(p) for p in data_files(backup.path)}
    if (backup.path / SETTINGS_NAME).is_file():
        found.add(SETTINGS_NAME)
    return found


def _not_needed(kept: list[Backup], older: list[Backup], live_root: Path) -> list[Backup]:
    """The older backups that hold no last good copy (newest first in, decided before any goes)."""
    verdicts = _Verdicts()
    covered: set[str] = set()
    """Files with a good copy in a backup that stays."""
    unsure: dict[str, list[Backup]] = {}
    """Files present only in kept backups not read back: good there is yet to be seen."""
    for backup in kept:
        for relative in _files_of(backup):
            if backup.read_back:
                covered.add(relative)
            else:
                unsure.setdefault(relative, []).append(backup)
    live_good = _live_verdict(live_root)

    def is_covered(relative: str) -> bool:
        if relative not in covered and any(verdicts.good(b, relative) for b in unsure.get(relative, ())):
            covered.add(relative)
        return relative in covered

    going = []
    for backup in older:
        needed = [r for r in _files_of(backup) if not is_covered(r) and not live_good(r) and verdicts.good(backup, r)]
        if needed:
            covered.update(r for r in _files_of(backup) if verdicts.good(backup, r))
        else:
            going.append(backup)
    return going


def _live_verdict(live_root: Path) -> Callable[[str], bool]:
    """Whether a live file reads; the settings file sits beside `store/`."""

    def good(relative: str) -> bool:
        path = live_root.parent / relative if relative == SETTINGS_NAME else live_root / relative
        return _readable(path)

    return good


def restore_file(backup: Backup, relative: str, root: Path, set_aside_dir: Path) -> Path | None:
    """Put the backup's copy of `relative` in place, keeping the current file aside.

    Returns where the replaced file was kept, if there was one.
    """
    payload = (backup.path / relative).read_bytes()
    kept = _keep_copy(root, relative, set_aside_dir)
    target = root / relative
    make_dir(target.parent)
    # Written over the live path in one rename: another terminal reading now
    # sees the damaged file or the restored one, never no file at all.
    atomic_write(target, payload)
    return kept


def _keep_copy(root: Path, relative: str, set_aside_dir: Path) -> Path | None:
    """A copy of the current file under `set_aside_dir` (it stays in place until replaced)."""
    source = root / relative
    if not os.path.lexists(source) or source.is_dir():
        return None
    dest = set_aside_dir / relative
    make_dir(dest.parent)
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)
    fsync_dir(dest.parent)
    return dest


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


def _when(moment: pendulum.DateTime, time_zone: str) -> str:
    words = moment.in_timezone(time_zone).format("dddd D MMMM YYYY, HH:mm")
    return f"{words} UTC" if time_zone == "UTC" else words


def describe_damage(backup: Backup, time_zone: str = "UTC") -> str | None:
    """Plain sentences about the live files `backup` found damaged, or None.

    For `Store.daily_backup`'s `backup_problem`: which file, and whether
    the backups still hold a good copy of it, from when.
    """
    sentences = []
    for relative in backup.damaged:
        shown = relative if relative == SETTINGS_NAME else f"store/{relative}"
        if (backup.path / relative).exists():
            saved = _when(backup.saved_at(relative), time_zone)
            sentences.append(f"{shown} is damaged; the backups keep a good copy of it as saved on {saved}.")
        else:
            sentences.append(f"{shown} is damaged, and no backup holds a good copy of it.")
    return " ".join(sentences) or None
