"""Saved printouts: cleaning them of a guest whose record is erased.

Each printout is saved as the text that went to the printer, with a JSON
file beside it saying whose lines it holds (and, for a handover, the
document itself, so it can be laid out again). A guest's own copies go
whole; a handover is laid out again without the guest, with a note that a
guest's lines were taken out. The JSON also keeps the CUPS job id, so the
copy CUPS keeps of the job can be purged too (`printout_jobs`). Paper
already printed is outside the software.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Collection
from pathlib import Path

from crisishouse.services.handover_document import HandoverDocument
from crisishouse.store.atomic import atomic_write, fsync_dir, is_temp_file


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def printout_jobs(printouts_dir: Path, guest_id: str) -> list[str]:
    """The CUPS job ids of the saved printouts that hold one guest's lines.

    Kept in each printout's JSON when lp reported one (see
    `crisishouse.printing.print_text`); printouts from before that, or never
    sent to a printer, have none.
    """
    from crisishouse.printing import is_job_id

    if not printouts_dir.is_dir():
        return []
    found = []
    for about_path in sorted(printouts_dir.glob("*.json")):
        try:
            about = json.loads(about_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(about, dict) and guest_id in about.get("guest_ids", []) and is_job_id(about.get("job_id")):
            found.append(about["job_id"])
    return list(dict.fromkeys(found))


def clean_printouts(
    printouts_dir: Path, guest_id: str, guest_name: str | None, note: str, purged_jobs: Collection[str] = ()
) -> int:
    """Take one guest out of every saved printout; how many files changed.

    A printout saved with nothing to say whose lines it holds (made before
    crisishouse kept that) that names the guest goes whole. A handover laid
    out again keeps its job id only if the job is not in `purged_jobs`, so
    a job not purged yet is tried again when another of its guests is erased.
    """
    from crisishouse.printing import printable, render_handover

    if not printouts_dir.is_dir():
        return 0
    changed = 0
    # A save cut short leaves a temporary file that may hold anyone's lines.
    for stray in printouts_dir.iterdir():
        if is_temp_file(stray):
            _remove(stray)
    for text_path in sorted(printouts_dir.glob("*.txt")):
        about_path = text_path.with_suffix(".json")
        try:
            about = json.loads(about_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            about = None
        except (OSError, ValueError):
            about = {"kind": "unreadable", "guest_ids": [guest_id]}
        if about is None:
            if guest_name and guest_name in text_path.read_text(encoding="utf-8", errors="replace"):
                _remove(text_path)
                changed += 1
            continue
        if guest_id not in about.get("guest_ids", []):
            continue
        if about.get("kind") == "handover" and "document" in about:
            document = HandoverDocument.from_dict(about["document"]).without_guest(guest_id, note)
            cleaned = {**about, "guest_ids": document.guest_ids, "document": document.to_dict()}
            if cleaned.get("job_id") in purged_jobs:
                del cleaned["job_id"]
            # The text first: until the JSON no longer names the guest, a
            # stopped terminal will clean this file again next time.
            atomic_write(text_path, printable(render_handover(document))[0].encode("utf-8"))
            atomic_write(about_path, json.dumps(cleaned, ensure_ascii=False).encode("utf-8"))
        else:
            _remove(text_path)
            _remove(about_path)
        changed += 1
    # JSON left without its text (a save cut short) may still name the guest.
    for about_path in printouts_dir.glob("*.json"):
        if not about_path.with_suffix(".txt").exists():
            with contextlib.suppress(OSError):
                if guest_id in about_path.read_text(encoding="utf-8", errors="replace"):
                    _remove(about_path)
    fsync_dir(printouts_dir)
    return changed
