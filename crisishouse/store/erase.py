"""Erasing a guest's record from the live data, the backups and damaged copies.

A guest who chose erasure is removed for real (principle 2): their guest
record and stays from `core.json` in the live folder and in every backup,
each stay's own file everywhere, and any damaged copy set aside that still
holds them. The steps are noted in `core.json` first (in the same write that
removes the guest), so a terminal killed half-way finishes the job the next
time the house opens.
"""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from crisishouse.store.atomic import TEMP_MARK, atomic_write, encode, fsync_dir, read_json_file
from crisishouse.store.errors import StoreDamaged
from crisishouse.store.schema import CORE_HEAD

PENDING = "erasing"
"""The meta key under which unfinished erasures are listed."""


Forget = dict[str, dict[str, list[str]]]
"""Entries of meta records to drop with the guest: {meta key: {field: [entry keys]}} (e.g. her name's sign-in counts)."""


def drop_from_core(
    data: dict[str, Any], guest_id: str, stay_ids: Iterable[str], forget: Forget | None = None
) -> dict[str, Any]:
    """`core.json`'s tables without the guest, their stays, and the meta entries `forget` names."""
    gone = set(stay_ids)
    guests = dict(data.get("guests", {}))
    guests.pop(guest_id, None)
    stays = {k: v for k, v in data.get("stays", {}).items() if k not in gone and v.get("guest_id") != guest_id}
    cleaned = {**data, "guests": guests, "stays": stays}
    if forget:
        meta = dict(cleaned.get("meta") or {})
        for key, fields in forget.items():
            record = meta.get(key)
            if not isinstance(record, dict):
                continue
            record = dict(record)
            for field_name, entries in fields.items():
                if isinstance(record.get(field_name), dict):
                    record[field_name] = {k: v for k, v in record[field_name].items() if k not in entries}
            meta[key] = record
        cleaned["meta"] = meta
    return cleaned


def _unlink(path: Path) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return False
    fsync_dir(path.parent)
    return True


def remove_stay_files(root: Path, stay_ids: Iterable[str]) -> None:
    """Delete each stay's own file under a store folder (live or a backup).

    With it go the temporary copies a write cut short left behind
    (`.<stay>.json.tmp-…`, and `.core.json.tmp-…`, which may name the guest
    too). Called under the house lock, so no write is under way to need them.
    """
    folder = root / "stays"
    for stay_id in stay_ids:
        _unlink(folder / f"{stay_id}.json")
        for stray in folder.glob(f".{glob.escape(stay_id)}.json{TEMP_MARK}*"):
            _unlink(stray)
    for stray in root.glob(f".core.json{TEMP_MARK}*"):
        _unlink(stray)


def clean_backup(folder: Path, guest_id: str, stay_ids: list[str], forget: Forget | None = None) -> None:
    """Take the guest out of one backup folder.

    The backup's `core.json` is written anew (a new file, so the copy it was
    hard-linked with in an older backup is cleaned on its own turn). A core
    file that cannot be read cannot be cleaned, so it is removed.
    """
    core = folder / "core.json"
    try:
        data = read_json_file(core)
    except StoreDamaged:
        _unlink(core)
        data = None
    if data is not None:
        cleaned = drop_from_core(data, guest_id, stay_ids, forget)
        if cleaned != data:
            atomic_write(core, encode(cleaned, CORE_HEAD))  # as the house writes it: its head first
    remove_stay_files(folder, stay_ids)


def clean_backups(backups_dir: Path, guest_id: str, stay_ids: list[str], forget: Forget | None = None) -> None:
    """Clean every backup folder, finished or partial."""
    if not backups_dir.is_dir():
        return
    for entry in sorted(backups_dir.iterdir()):
        if entry.is_dir():
            clean_backup(entry, guest_id, stay_ids, forget)


def _mentions(path: Path, needles: list[bytes]) -> bool:
    with contextlib.suppress(OSError):
        raw = path.read_bytes()
        return any(n in raw for n in needles)
    return False


def clean_damaged(damaged_dir: Path, guest_id: str, stay_ids: list[str]) -> None:
    """Remove damaged files set aside that hold the guest's id or a stay of theirs.

    They were replaced from a backup when they were set aside; a damaged
    file cannot be edited safely, so one that holds the guest goes whole.
    """
    if not damaged_dir.is_dir():
        return
    needles = [guest_id.encode(), *(s.encode() for s in stay_ids)]
    for folder, _dirs, files in os.walk(damaged_dir):
        for name in files:
            path = Path(folder) / name
            if name == f"{guest_id}.json" or name.removesuffix(".json") in stay_ids or _mentions(path, needles):
                _unlink(path)
