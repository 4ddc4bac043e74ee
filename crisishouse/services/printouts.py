"""The printouts folder: every printout saved there, listed, and cleaned of an erased guest.

Each printout is saved as the text that went to the printer, with a JSON
file beside it (its about-file) saying whose lines it holds (and, for a
handover, the document itself, so it can be laid out again) and the CUPS
job id, once lp gave one. The copy is saved before anything is sent to
the printer, so nothing is ever half printed; failing to save it raises,
and then nothing is sent.

When a guest's record is erased, their own copies go whole; a handover is
laid out again without the guest, with a note that a guest's lines were
taken out, and the CUPS jobs that held their lines are found here
(`printout_jobs`) to be purged. Paper already printed is outside the
software.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import unicodedata
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from crisishouse.models.handover_document import HandoverDocument
from crisishouse.store.atomic import atomic_write, fsync_dir, is_temp_file, make_dir
from crisishouse.store.errors import StoreError
from crisishouse.text import clean_line, clean_text

if TYPE_CHECKING:
    from crisishouse.printing import PrintOutcome

HANDOVER_KIND = "handover"
GUEST_COPY_KIND = "guest copy"


class PrintoutNotSaved(StoreError):
    """The copy of a printout could not be saved, so nothing was printed."""

    def __init__(self, folder: Path, why: str) -> None:
        self.folder = folder
        super().__init__(f"Could not save the printout in {folder}: {why}. Nothing was sent to the printer.")


def slug(title: str, longest: int = 60) -> str:
    """ "Handover: afternoon" → "handover-afternoon"; macrons fold to plain letters."""
    bare = unicodedata.normalize("NFKD", clean_line(title).casefold())
    ascii_only = bare.encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return words[:longest].rstrip("-") or "printout"


def handover_title(day: pendulum.Date, shift_name: str) -> str:
    """A handover's title: in the printer's queue, and (as a slug) in its file name, where `past_handovers` finds it."""
    return f"handover {day.isoformat()} {shift_name}"


def handover_about(document: HandoverDocument) -> dict[str, Any]:
    """A handover's about-file: whose lines it holds, and the document to lay it out again without one of them."""
    return {"kind": HANDOVER_KIND, "guest_ids": document.guest_ids, "document": document.to_dict()}


def guest_copy_about(guest_id: str) -> dict[str, Any]:
    """A guest's own copy's about-file: it goes whole when their record is erased."""
    return {"kind": GUEST_COPY_KIND, "guest_ids": [guest_id]}


# -- saving and printing -------------------------------------------------------


def _free_name(folder: Path, stem: str) -> Path:
    """`stem.txt`, or `stem-2.txt` and on if an earlier printout has that name."""
    path = folder / f"{stem}.txt"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.txt"
        n += 1
    return path


def _why(error: StoreError) -> str:
    inner = getattr(error, "error", None)
    if isinstance(inner, OSError):
        return inner.strerror or str(inner)
    return str(error)


def save_printout(
    text: str,
    *,
    printouts_dir: Path,
    title: str,
    clock_now: pendulum.DateTime,
    about: dict[str, Any] | None = None,
) -> Path:
    """Save `text` under `printouts_dir` (0600, atomically) as given; its path.

    `about` (whose lines the printout holds, and how to lay it out again) is
    saved beside it as JSON, so the copy can be cleaned if a guest's record
    is erased.

    Raises:
        PrintoutNotSaved: the folder or the file could not be written.
    """
    body = clean_text(text)
    if not body.endswith("\n"):
        body += "\n"
    stamp = clock_now.in_timezone("UTC").format("YYYYMMDD[T]HHmmss")
    try:
        make_dir(printouts_dir)
        path = _free_name(printouts_dir, f"{stamp}-{slug(title)}")
        if about is not None:
            atomic_write(path.with_suffix(".json"), json.dumps(about, ensure_ascii=False).encode("utf-8"))
        atomic_write(path, body.encode("utf-8"))
    except StoreError as error:
        raise PrintoutNotSaved(printouts_dir, _why(error)) from error
    except OSError as error:
        raise PrintoutNotSaved(printouts_dir, error.strerror or str(error)) from error
    return path


def print_text(
    text: str,
    *,
    printer: str,
    printouts_dir: Path,
    title: str,
    clock_now: pendulum.DateTime,
    what: str = "the handover",
    about: dict[str, Any] | None = None,
) -> PrintOutcome:
    """Save `text` as a printout, then send the saved copy to `printer` (`crisishouse.printing`).

    `what` names the printout in the messages ("the handover", "your copy").
    The copy is always saved first, and it is exactly what goes to the
    printer (see `crisishouse.printing.printable`); with no printer set,
    that is all. A printer problem is reported in the outcome's message,
    never raised. The job id lp reports is kept in the about-file.

    Raises:
        PrintoutNotSaved: the copy could not be saved; nothing was printed.
    """
    # Printing and the page layout load when first used: opening the house stays quick.
    from crisishouse.printing import printable, send_to_printer

    paper, replaced = printable(clean_text(text))
    saved = save_printout(paper, printouts_dir=printouts_dir, title=title, clock_now=clock_now, about=about)
    outcome = send_to_printer(saved, printer=printer, title=title, what=what, replaced=replaced)
    if outcome.job_id and about is not None and not _note_job(saved, outcome.job_id):
        outcome = replace(
            outcome,
            message=outcome.message + " The job id could not be noted beside the saved copy, so erasing a "
            "guest's record will not reach CUPS's copy of this job.",
        )
    return outcome


def _note_job(saved: Path, job_id: str) -> bool:
    """Add the print job's id to the JSON beside a saved printout; False if it could not be.

    The JSON is read again rather than written from what was printed: an
    erasure may have cleaned it in the meantime, and must stay cleaned. If
    the printout is gone already, nothing is written.
    """
    about_path = saved.with_suffix(".json")
    try:
        about = json.loads(about_path.read_text(encoding="utf-8"))
        if not isinstance(about, dict) or not saved.exists():
            return False
        about["job_id"] = job_id
        atomic_write(about_path, json.dumps(about, ensure_ascii=False).encode("utf-8"))
    except (OSError, ValueError, StoreError):
        return False
    return True


# -- reading back --------------------------------------------------------------


def past_handovers(printouts_dir: Path) -> list[Path]:
    """The saved copies of printed handovers, newest first."""
    if not printouts_dir.is_dir():
        return []
    return sorted(printouts_dir.glob("*-handover-*.txt"), key=lambda p: p.name, reverse=True)


def guests_in(printout: Path) -> list[str]:
    """The guest ids a saved printout holds lines of, as its about-file says.

    None are known for a printout saved before crisishouse noted them.
    """
    try:
        about = json.loads(printout.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    found = about.get("guest_ids", []) if isinstance(about, dict) else []
    return [g for g in found if isinstance(g, str)]


def printout_jobs(printouts_dir: Path, guest_id: str) -> list[str]:
    """The CUPS job ids of the saved printouts that hold one guest's lines.

    Kept in each printout's JSON when lp reported one (see `print_text`);
    printouts from before that, or never sent to a printer, have none.
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


# -- cleaning for an erasure ---------------------------------------------------


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def clean_printouts(
    printouts_dir: Path, guest_id: str, guest_name: str | None, note: str, purged_jobs: Collection[str] = ()
) -> int:
    """Take one guest out of every saved printout; how many files changed.

    A printout saved with nothing to say whose lines it holds (made before
    crisishouse kept that) that names the guest goes whole. A handover laid
    out again keeps its job id only if the job is not in `purged_jobs`, so
    a job not purged yet is tried again when another of its guests is erased.
    """
    from crisishouse.page_layout import render_handover
    from crisishouse.printing import printable

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
        if about.get("kind") == HANDOVER_KIND and "document" in about:
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
