"""Printing: handing a saved printout to CUPS, and having CUPS forget it again.

The page itself is laid out by `crisishouse.page_layout` and saved by
`crisishouse.services.printouts` before anything comes here, so nothing is
ever half printed. `send_to_printer` gives the saved file to CUPS with
`lp`; a printer problem never raises: the outcome says what happened in
plain words, and the saved copy is there to print by hand. Emoji, which
CUPS's text filter cannot print (it drops the rest of the page at the
first one), become □ in the copy first (`printable`).

CUPS keeps each printed document in its spool folder for a while after
printing (PreserveJobFiles), where erasing a guest's record cannot reach
it. `purge_jobs` has CUPS forget the jobs of printouts that held an erased
guest's lines, and `cups_keeps_job_files` tells `crisishouse check` to
warn when the local CUPS keeps them at all.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rich.cells import get_character_cell_size

from crisishouse.text import clean_line

LP_TIMEOUT_SECONDS = 30
LP_OPTIONS = ("-o", "cpi=12")
"""CUPS prints plain text at 10 characters an inch by default: 82 columns
across an A4 sheet with no margin at all, fewer than 80 on a real printer,
whose lines would then wrap. At 12 an inch an 80-column line fits with room
to spare."""
UNPRINTABLE = "□"
"""Stands in, on paper, for what CUPS's text filter cannot print."""


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to a printout, in words to show as they are."""

    saved_to: Path
    printed: bool
    """True when CUPS took the job; the saved copy exists either way."""
    message: str
    job_id: str | None = None
    """The job id lp reported ("office-123"), also kept in the printout's JSON."""


_REQUEST_ID = re.compile(r"request id is (\S+)")
_MOST_OF_LP_ERROR = 400


def _clusters(segment: str) -> list[tuple[str, int]]:
    """`segment` (no newline, no tab) as grapheme clusters with their widths in cells."""
    try:  # Rich 15 measures whole grapheme clusters (an emoji ZWJ sequence is 2 cells).
        from rich.cells import split_graphemes
    except ImportError:  # pragma: no cover - Rich 14 measures code point by code point
        return [(c, get_character_cell_size(c)) for c in segment]
    spans, _ = split_graphemes(segment)
    return [(segment[start:end], width) for start, end, width in spans]


def printable(text: str) -> tuple[str, int]:
    """`text` as CUPS can print it, and how many clusters had to stand in.

    CUPS's text filter (cups-filters texttopdf) silently stops the whole job
    at the first character beyond the Basic Multilingual Plane: one emoji in
    a guest's line and everything after it never reaches paper. Each such
    cluster (an emoji with its joiners and modifiers) becomes `UNPRINTABLE`,
    padded to the same width, so the layout and the 80 columns hold.
    Macrons and every other character are left alone.
    """
    replaced = 0

    def safe(segment: str) -> str:
        nonlocal replaced
        if all(ord(c) <= 0xFFFF for c in segment):
            return segment
        out = []
        for cluster, width in _clusters(segment):
            if all(ord(c) <= 0xFFFF for c in cluster):
                out.append(cluster)
            else:
                replaced += 1
                out.append(UNPRINTABLE + " " * (width - 1) if width > 0 else "")
        return "".join(out)

    lines = ["\t".join(safe(part) for part in line.split("\t")) for line in text.split("\n")]
    return "\n".join(lines), replaced


def _lp_said(output: str) -> str:
    said = " ".join(clean_line(output).split())
    if len(said) > _MOST_OF_LP_ERROR:
        said = said[:_MOST_OF_LP_ERROR] + "…"
    return said or "it gave no reason"


def send_to_printer(saved: Path, *, printer: str, title: str, what: str, replaced: int = 0) -> PrintOutcome:
    """Send the saved printout `saved` to `printer` with lp.

    `what` names the printout in the messages ("the handover", "your
    copy"); `replaced` is how many clusters `printable` had to stand in,
    said in every message. With no printer set, nothing is sent. A printer
    problem (no lp, lp failing or hanging) is reported in the outcome's
    message, never raised.
    """
    note = (
        f" {replaced} emoji or other character{'s' if replaced != 1 else ''} that printers "
        f"cannot print show{'' if replaced != 1 else 's'} as {UNPRINTABLE}."
        if replaced
        else ""
    )
    printer = clean_line(printer)
    if not printer:
        return PrintOutcome(
            saved,
            False,
            f"No printer is set up (house.printer in house.toml), so {what} was saved "
            f"to {saved}: print that file.{note}",
        )
    not_printed = f"The copy was saved to {saved}: print that file instead.{note}"
    lp = shutil.which("lp")
    if lp is None:
        return PrintOutcome(
            saved,
            False,
            f"Could not print on {printer}: the lp command (CUPS) is not installed here. {not_printed}",
        )
    command = [lp, "-d", printer, "-t", clean_line(title) or saved.name, *LP_OPTIONS, str(saved)]
    try:
        done = _cups(command, LP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return PrintOutcome(
            saved,
            False,
            f"The printer {printer} did not answer within {LP_TIMEOUT_SECONDS} seconds; look at "
            f"its queue before printing again, in case the job arrived late. {not_printed}",
        )
    except OSError as error:
        return PrintOutcome(
            saved,
            False,
            f"Could not run lp to print on {printer}: {error.strerror or error}. {not_printed}",
        )
    if done.returncode != 0:
        return PrintOutcome(
            saved,
            False,
            f"Could not print on {printer}: lp said: {_lp_said(done.stderr or done.stdout)} {not_printed}",
        )
    found = _REQUEST_ID.search(done.stdout)
    job_id = clean_line(found.group(1)) if found else None
    request = f" (request id {job_id})" if job_id else ""
    return PrintOutcome(saved, True, f"Printed on {printer}{request} and saved to {saved}.{note}", job_id)


# -- what CUPS keeps after printing ------------------------------------------
#
# CUPS keeps each printed document in its spool folder after the job is done
# (PreserveJobFiles: a day by default), out of reach of an erasure. So each
# printout's JSON keeps the job id lp gave, and erasing a guest purges the
# jobs of the printouts that held her lines.

CANCEL_TIMEOUT_SECONDS = 10
SPOOL_DIR = Path("/var/spool/cups")
"""Where CUPS keeps job files (d<job number>-001); named in the fix when a purge fails."""
CUPSD_CONF = Path("/etc/cups/cupsd.conf")
KEEPS_FOREVER = 2**31 - 1
DEFAULT_JOB_FILES = 86400
"""CUPS 2.2 and later keep job files a day unless told otherwise."""
STOP_KEEPING = "sudo cupsctl PreserveJobFiles=No"

_JOB_ID = re.compile(r"[^\s/#\\'\"-][^\s/#\\'\"]*-([0-9]+)")
"""A CUPS job id as lp reports it: the queue's name, a hyphen, the job number."""
_CANNOT_CANCEL_DONE = re.compile(r"already (completed|canceled|aborted)", re.IGNORECASE)
_NO_SUCH_JOB = re.compile(r"does not exist|not[- ]found", re.IGNORECASE)
_PURGE_TEST = """{
  NAME "Purge the job's files"
  OPERATION Cancel-Job
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR integer job-id $job_number
  ATTR name requesting-user-name $user
  ATTR boolean purge-job true
  STATUS successful-ok
  STATUS client-error-not-found
}
"""
"""For ipptool: the request `cancel -x` should send. CUPS before 2.4.3 sends
"purge-jobs" instead of "purge-job" (OpenPrinting/cups#742), and then
refuses to touch a job that has finished printing."""


def _job_number(job_id: str) -> int:
    found = _JOB_ID.fullmatch(job_id)
    if found is None:
        raise ValueError(f"not a CUPS job id: {job_id!r}")
    return int(found.group(1))


def is_job_id(value: object) -> bool:
    """True for a job id as lp reports it ("office-123"), never for an option."""
    return isinstance(value, str) and _JOB_ID.fullmatch(value) is not None


def spool_files(job_id: str) -> str:
    """The pattern of a job's document files in CUPS's spool folder."""
    return f"{SPOOL_DIR}/d{_job_number(job_id):05d}-*"


@dataclass(frozen=True)
class JobPurge:
    """What became of CUPS's copies of some print jobs."""

    purged: tuple[str, ...] = ()
    """Jobs whose files CUPS no longer holds (purged now, or gone already)."""
    still_printing: tuple[str, ...] = ()
    """Jobs not finished yet: left alone, so the paper still comes out."""
    not_purged: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    """Why the jobs in `not_purged` are not, in plain words."""

    @property
    def complete(self) -> bool:
        return not self.not_purged and not self.still_printing

    def __add__(self, other: JobPurge) -> JobPurge:
        return JobPurge(
            tuple(dict.fromkeys((*self.purged, *other.purged))),
            tuple(dict.fromkeys((*self.still_printing, *other.still_printing))),
            tuple(dict.fromkeys((*self.not_purged, *other.not_purged))),
            tuple(dict.fromkeys((*self.reasons, *other.reasons))),
        )

    def words(self, whose: str = "the erased guest's lines") -> str:
        """What is left and the one line that removes it; "" when nothing is left."""
        if self.complete:
            return ""
        said = []
        if self.not_purged:
            n = len(self.not_purged)
            said.append(
                f"The printer system (CUPS) still keeps a copy of {n} printout{'s' if n != 1 else ''} "
                f"that held {whose} (job{'s' if n != 1 else ''} {', '.join(self.not_purged)}): "
                f"{'; '.join(r.rstrip('.') for r in self.reasons)}."
            )
        if self.still_printing:
            n = len(self.still_printing)
            said.append(
                f"{'Jobs' if n != 1 else 'Job'} {', '.join(self.still_printing)}, which held {whose}, "
                f"had not finished printing, so {'they were' if n != 1 else 'it was'} "
                "left to finish."
            )
        files = " ".join(spool_files(j) for j in (*self.not_purged, *self.still_printing))
        when = " once the printing is done" if self.still_printing else ""
        said.append(f"To remove CUPS's copies{when}, run on this computer: sudo rm -f {files}")
        return " ".join(said)


def _cups_env() -> dict[str, str]:
    # A plain UTF-8 locale: CUPS's answers in English, which is what is read.
    return {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


def _cups(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run a CUPS command (lp, cancel, lpstat...) in a plain UTF-8 locale, reading its answer as text."""
    return subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        env=_cups_env(),
        check=False,
    )


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run a CUPS command; its exit status and everything it said, on one line."""
    done = _cups(command, timeout)
    return done.returncode, " ".join(f"{done.stderr}\n{done.stdout}".split())


def _unfinished_jobs() -> set[str] | None:
    """The ids of jobs CUPS has not finished (lpstat), or None if it cannot be asked."""
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return None
    try:
        done = _cups([lpstat, "-W", "not-completed", "-o"], CANCEL_TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    return {line.split()[0] for line in done.stdout.splitlines() if line.split() and is_job_id(line.split()[0])}


def _purge_with_ipptool(job_id: str) -> str | None:
    """Purge a finished job with the request `cancel -x` ought to send; None when done, else why not."""
    ipptool = shutil.which("ipptool")
    if ipptool is None:
        return (
            "this CUPS's cancel command cannot remove a job that has finished printing (a fault fixed in "
            "CUPS 2.4.3), and ipptool, which can, is not installed"
        )
    queue = job_id.rsplit("-", 1)[0]
    with tempfile.TemporaryDirectory(prefix="crisishouse-") as folder:
        test = Path(folder) / "purge.test"
        test.write_text(_PURGE_TEST, encoding="utf-8")
        command = [
            ipptool, "-q", "-T", str(CANCEL_TIMEOUT_SECONDS), "-d", f"job_number={_job_number(job_id)}",
            f"ipp://localhost/printers/{urllib.parse.quote(queue, safe='')}", str(test),
        ]  # fmt: skip
        try:
            status, said = _run(command, CANCEL_TIMEOUT_SECONDS + 5)
        except subprocess.TimeoutExpired:
            return f"CUPS did not answer within {CANCEL_TIMEOUT_SECONDS} seconds"
        except OSError as error:
            return f"ipptool could not be run: {error.strerror or error}"
    if status == 0:
        return None
    return "CUPS would not remove it (it may have been printed from another account on this computer)" + (
        f"; ipptool said: {_lp_said(said)}" if said else ""
    )


def purge_jobs(job_ids: Iterable[str]) -> JobPurge:
    """Have CUPS forget these jobs and delete their files (`cancel -x`).

    A job that has not finished printing is left alone: it may be a
    guest's own copy still coming out. A job CUPS no longer knows counts
    as purged. Never raises: what could not be purged, and why, is in the
    outcome.
    """
    ids = [j for j in dict.fromkeys(job_ids) if is_job_id(j)]
    if not ids:
        return JobPurge()
    cancel = shutil.which("cancel")
    if cancel is None:
        return JobPurge(not_purged=tuple(ids), reasons=("the cancel command (CUPS) is not installed here",))
    unfinished = _unfinished_jobs() or set()
    purged: list[str] = []
    printing: list[str] = []
    failed: list[str] = []
    reasons: list[str] = []
    for n, job_id in enumerate(ids):
        if job_id in unfinished:
            printing.append(job_id)
            continue
        try:
            status, said = _run([cancel, "-x", job_id], CANCEL_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            # CUPS is stuck: asking about the rest would only keep everyone waiting.
            failed += [j for j in ids[n:] if j not in unfinished]
            printing += [j for j in ids[n + 1 :] if j in unfinished]
            reasons.append(f"CUPS did not answer within {CANCEL_TIMEOUT_SECONDS} seconds")
            break
        except OSError as error:
            failed.append(job_id)
            reasons.append(f"the cancel command could not be run: {error.strerror or error}")
            continue
        why: str | None = None
        if status != 0 and _CANNOT_CANCEL_DONE.search(said):
            why = _purge_with_ipptool(job_id)
        elif status != 0 and not _NO_SUCH_JOB.search(said):
            why = f"cancel said: {_lp_said(said)}"
        if why is None:
            purged.append(job_id)
        else:
            failed.append(job_id)
            reasons.append(why)
    return JobPurge(tuple(purged), tuple(printing), tuple(failed), tuple(dict.fromkeys(reasons)))


def _cups_settings() -> dict[str, str] | None:
    """The scheduler's top-level settings, lower-cased names: from cupsctl, else cupsd.conf.

    None when neither can be read.
    """
    cupsctl = shutil.which("cupsctl")
    if cupsctl is not None:
        try:
            done = _cups([cupsctl], CANCEL_TIMEOUT_SECONDS)
            if done.returncode == 0 and done.stdout.strip():
                pairs = (line.partition("=") for line in done.stdout.splitlines() if "=" in line)
                return {name.strip().casefold(): value.strip() for name, _, value in pairs}
        except (OSError, subprocess.TimeoutExpired):
            pass
    try:
        text = CUPSD_CONF.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    settings: dict[str, str] = {}
    depth = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("</"):
            depth = max(0, depth - 1)
        elif line.startswith("<"):
            depth += 1
        elif depth == 0:
            name, _, value = line.partition(" ")
            settings[name.casefold()] = value.strip()
    return settings


def _seconds(value: str | None, default: int) -> int:
    """A PreserveJob* value as cupsd reads it: yes/no, or a time (86400, 1d, 12h)."""
    if value is None:
        return default
    word = value.strip().casefold()
    if word in ("yes", "on", "true", "enabled"):
        return KEEPS_FOREVER
    if word in ("no", "off", "false", "disabled"):
        return 0
    found = re.fullmatch(r"([0-9]+(?:\.[0-9]*)?)\s*([wdhm]?)[a-z]*", word)
    if found is None:
        return default  # cupsd ignores a value it cannot read
    scale = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "": 1}[found.group(2)]
    return min(int(float(found.group(1)) * scale), KEEPS_FOREVER)


def _how_long(seconds: int) -> str:
    if seconds >= KEEPS_FOREVER:
        return "until someone removes it"
    for size, unit in ((604800, "week"), (86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size and seconds % size == 0:
            n = seconds // size
            if n == 1:
                return f"for {'an' if unit == 'hour' else 'a'} {unit}"
            return f"for {n} {unit}s"
    return f"for {seconds} seconds"


def cups_keeps_job_files() -> str | None:
    """A warning in plain words, with the one-line fix, when the local CUPS keeps printed documents.

    None when CUPS does not keep them, or is not installed here.
    """
    if shutil.which("cupsctl") is None and not CUPSD_CONF.exists():
        return None
    settings = _cups_settings()
    if settings is None:
        return (
            "Could not read the printer system's settings (CUPS) to see whether it keeps a copy of each printed "
            "document after printing, as it does for a day unless told not to. To make sure it does not: "
            f"{STOP_KEEPING}"
        )
    history = _seconds(settings.get("preservejobhistory"), KEEPS_FOREVER)
    files = _seconds(settings.get("preservejobfiles"), DEFAULT_JOB_FILES)
    kept = min(history, files)
    if kept <= 0:
        return None
    return (
        f"The printer system (CUPS) here keeps a copy of each printed document {_how_long(kept)} after "
        "printing (PreserveJobFiles), where erasing a guest's record may not reach it: crisishouse removes "
        "its own print jobs at an erasure, but not a copy printed by hand. To stop CUPS keeping copies: "
        f"{STOP_KEEPING}"
    )
