"""A handover printed through real CUPS onto a cups-pdf printer, read back.

Skipped unless CRISISHOUSE_REAL_PRINTER names a CUPS printer that writes
PDFs with cups-pdf; `make test-printer` installs and sets one up.

The PDF is read with pdftotext. CUPS's text filter leaves no way back from
its glyphs to Unicode, so pdftotext sees a private alphabet; the test reads
the page as a grid of glyphs instead and checks it against the handover one
character for one glyph (see `check_page`).

CUPS keeps each printed document in its spool after printing (a day by
default), so a guest's erasure purges her jobs there too: the last test
prints her own copy and a handover with her lines, erases her, and looks
for the jobs in `lpstat -W completed` and their files in /var/spool/cups.
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import secrets
import shutil
import subprocess
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple
from xml.etree import ElementTree

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import GuestSection, HandoverDocument
from crisishouse.page_layout import render_handover
from crisishouse.printing import cups_keeps_job_files
from crisishouse.services import House
from crisishouse.services.printouts import print_text
from crisishouse.settings import load_settings, save_settings

PRINTER = os.environ.get("CRISISHOUSE_REAL_PRINTER", "").strip()
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")
SPOOL = Path("/var/spool/cups")
WAIT_SECONDS = 60

pytestmark = [
    pytest.mark.real_printer,
    pytest.mark.skipif(not PRINTER, reason="set CRISISHOUSE_REAL_PRINTER to a cups-pdf printer (make test-printer)"),
]

TZ = "Pacific/Auckland"
HOUSE = "Te Whare Āwhina"
AGREED = "Spent the afternoon with whānau and felt settled"
EMOJI_LINE = "Walked to the beach 🌊 and back"


class Word(NamedTuple):
    x_min: float
    x_max: float
    y_min: float
    text: str


def handover() -> HandoverDocument:
    return HandoverDocument(
        house_name=HOUSE,
        shift_name="afternoon",
        shift_starts=pendulum.datetime(2026, 11, 24, 15, 0, tz=TZ),
        shift_ends=pendulum.datetime(2026, 11, 24, 23, 0, tz=TZ),
        guests=(
            GuestSection(
                "Ārama",
                "Kōwhai",
                "day 3 of 7",
                ("ring my sister (working on it)",),
                (AGREED, "Would like a quiet breakfast tomorrow"),
                "body 4, mind 3, whānau 5, spirit 4",
            ),
            GuestSection(
                "Mere", "Rātā", "leaving today", ("pack with Aroha (done)",), (EMOJI_LINE, "Ready to go home")
            ),
            GuestSection("Tīmoti", "Mānuka", "day 1 of 5", ("settle in",), ()),
        ),
        house_lines=("Bins go out tonight.",),
        arrivals=("Hemi expected at 17:00 in Harakeke",),
        leavings=("Mere (Rātā) plans to leave Tuesday 24 November",),
        rhythm_ahead=(("18:00", "Dinner"), ("22:00", "Quiet time")),
        prepared_by="Aroha",
    )


def pdf_folders() -> list[Path]:
    """Where cups-pdf may write: its `Out` setting, its anonymous folder, ~/PDF."""
    user = pwd.getpwuid(os.getuid())
    folders: list[Path] = []
    try:
        for line in CUPS_PDF_CONF.read_text(encoding="utf-8", errors="replace").splitlines():
            found = re.match(r"\s*(Out|AnonDirName)\s+(\S.*?)\s*$", line)
            if found:
                value = found.group(2).replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name)
                folders.append(Path(value))
    except OSError:
        pass
    folders += [
        Path("/var/spool/cups-pdf/ANONYMOUS"),
        Path("/var/spool/cups-pdf") / user.pw_name,
        Path(user.pw_dir) / "PDF",
    ]
    return list(dict.fromkeys(folders))


def new_pdfs(since: float) -> list[Path]:
    found = []
    for folder in pdf_folders():
        try:
            found += [p for p in folder.glob("*.pdf") if p.stat().st_mtime >= since]
        except OSError:
            continue
    return sorted(found, key=lambda p: p.stat().st_mtime)


def pdf_words(pdf: Path) -> list[Word] | None:
    """Every word on the PDF's first page with its position (pdftotext -bbox).

    None while the PDF is still being written.
    """
    done = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    if done.returncode != 0 or "<page" not in done.stdout:
        return None
    root = ElementTree.fromstring(done.stdout)
    pages = [e for e in root.iter() if e.tag.endswith("page")]
    assert len(pages) == 1, f"the handover should fit one page; it took {len(pages)}"
    return [
        Word(float(w.get("xMin", 0)), float(w.get("xMax", 0)), float(w.get("yMin", 0)), w.text or "")
        for w in pages[0]
        if w.tag.endswith("word")
    ]


def cups_state() -> str:
    """What CUPS says, for a failure message."""
    said = []
    for command in (["lpstat", "-W", "all", "-o", PRINTER], ["lpstat", "-p", PRINTER]):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        said.append(f"$ {' '.join(command)}\n{done.stdout}{done.stderr}")
    log = Path("/var/log/cups/error_log")
    if log.exists():
        said.append("error_log (end):\n" + "\n".join(log.read_text(errors="replace").splitlines()[-20:]))
    return "\n".join(said)


def wait_for_pdf(token: str, since: float) -> tuple[Path, list[Word]]:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        candidates = new_pdfs(since)
        ours = [p for p in candidates if token in p.name] or candidates
        if ours:
            pdf = ours[-1]
            words = pdf_words(pdf)
            if words:
                return pdf, words
        time.sleep(0.5)
    pytest.fail(
        f"no PDF from {PRINTER} within {WAIT_SECONDS} s in {', '.join(map(str, pdf_folders()))}\n{cups_state()}"
    )


def read_page(words: list[Word], lines: list[str]) -> dict[tuple[int, int], str]:
    """The page as a grid: (line, column) -> the character pdftotext gives there.

    The page is monospaced, so a word's position says its line and column.
    The first rule (a line of "─" as wide as the page) fixes where column 0
    and the rule's line are and how wide a character is.
    """
    rule_row = next(n for n, line in enumerate(lines) if line and set(line) == {"─"})
    rule_len = len(lines[rule_row])
    rules = [w for w in words if len(w.text) == rule_len and len(set(w.text)) == 1]
    assert rules, "the rule across the page did not print whole"
    rule = min(rules, key=lambda w: w.y_min)
    cell = (rule.x_max - rule.x_min) / rule_len
    tops = sorted({round(w.y_min, 1) for w in words})
    line_height = min(b - a for a, b in itertools.pairwise(tops) if b - a > 1)
    grid: dict[tuple[int, int], str] = {}
    for word in words:
        row = rule_row + round((word.y_min - rule.y_min) / line_height)
        col = round((word.x_min - rule.x_min) / cell)
        for n, char in enumerate(word.text):
            if not char.isspace():
                grid[(row, col + n)] = char
    return grid


def check_page(lines: list[str], grid: dict[tuple[int, int], str]) -> dict[str, str | None]:
    """Check the page holds exactly `lines`, one glyph for each character.

    CUPS's text filter (cups-filters texttopdf) embeds its font without a
    map back to Unicode, and cups-pdf's trip through PostScript renames the
    glyphs, so pdftotext reads the page as a private alphabet (dingbats,
    and one glyph it cannot name at all). What it does show faithfully is
    which glyph stands where. So: every character of every line must be at
    its own line and column (no line wrapped, cut short or lost), each
    character must always print as the same glyph, and no two characters
    may share one (ā is not a, Ā is not A, and nothing fell back to the
    same missing-glyph box). Returns the character -> glyph map.
    """
    grid = dict(grid)
    glyphs: dict[str, set[str | None]] = {}
    for row, line in enumerate(lines):
        for col, char in enumerate(line):
            if char != " ":
                glyphs.setdefault(char, set()).add(grid.pop((row, col), None))
    assert not grid, f"the page has ink where the handover has none: {sorted(grid)[:10]}"
    mixed = {char: seen for char, seen in glyphs.items() if len(seen) > 1}
    assert not mixed, f"characters printed in more than one way (or missing in places): {mixed}"
    glyph_of = {char: next(iter(seen)) for char, seen in glyphs.items()}
    shared: dict[str | None, list[str]] = {}
    for char, glyph in glyph_of.items():
        shared.setdefault(glyph, []).append(char)
    clashes = {glyph: chars for glyph, chars in shared.items() if len(chars) > 1}
    assert not clashes, f"different characters printed as the same glyph: {clashes}"
    return glyph_of


def decode(lines: list[str], grid: dict[tuple[int, int], str], glyph_of: dict[str, str | None]) -> list[str]:
    """The page read back through the glyph map, line by line.

    A cell pdftotext gives nothing for is a space, or the one glyph it cannot
    name (check_page has made sure which cells those are).
    """
    char_of = {glyph: char for char, glyph in glyph_of.items()}
    unnamed = char_of.get(None, " ")
    page = []
    for row, line in enumerate(lines):
        cells = []
        for col, expected in enumerate(line):
            if (row, col) in grid:
                cells.append(char_of.get(grid[(row, col)], "?"))
            else:
                cells.append(" " if expected == " " else unnamed)
        page.append("".join(cells).rstrip())
    return page


def plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_a_handover_prints_on_a_real_cups_printer(tmp_path: Path) -> None:
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed to read the PDF back"
    token = secrets.token_hex(4)
    text = render_handover(handover())
    since = time.time() - 1

    outcome = print_text(
        text,
        printer=PRINTER,
        printouts_dir=tmp_path / "printouts",
        title=f"crisishouse-test-{token}",
        clock_now=pendulum.now("UTC"),
    )

    assert outcome.printed, outcome.message
    assert outcome.message.startswith(f"Printed on {PRINTER} (request id {PRINTER}-"), outcome.message
    assert "1 emoji or other character" in outcome.message
    paper = outcome.saved_to.read_text(encoding="utf-8")
    assert paper == text.replace("🌊", "□ "), "the copy printed is the handover, the emoji as □"
    lines = paper.splitlines()

    pdf, words = wait_for_pdf(token, since)
    layout = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=False
    ).stdout
    grid = read_page(words, lines)
    glyph_of = check_page(lines, grid)
    page = decode(lines, grid, glyph_of)
    print(f"\n{pdf}\npdftotext -layout says:\n{layout}\nread back through the glyph map:\n" + "\n".join(page))

    assert page == [line.rstrip() for line in lines]
    words_on_page = plain("\n".join(page))
    for expected in (
        HOUSE,
        "Ārama",
        "Kōwhai",
        "Rātā",
        "Tīmoti",
        "Mānuka",
        AGREED,
        "Ready to go home",
        "Prepared by Aroha",
    ):
        assert plain(expected) in words_on_page
    # Macron letters have glyphs of their own, and so does the stand-in for the emoji.
    for plain_letter, macron in (("a", "ā"), ("A", "Ā"), ("o", "ō"), ("i", "ī")):
        assert glyph_of[macron] not in (None, glyph_of[plain_letter])
    assert glyph_of["□"] is not None
    if HOUSE in plain(layout):
        # A CUPS whose text filter keeps a text layer: the words read back as they are.
        for expected in (HOUSE, "Ārama", "Kōwhai", AGREED):
            assert expected in plain(layout)
    if token in pdf.name:
        pdf.unlink()  # kept only when the test fails, to look at


# -- erasure reaches what CUPS keeps -------------------------------------------------------------


def jobs(which: str) -> list[str]:
    """The ids of the printer's jobs CUPS lists as `which` (completed, not-completed)."""
    done = subprocess.run(
        ["lpstat", "-W", which, "-o", PRINTER],
        capture_output=True, text=True, check=False, env={**os.environ, "LC_ALL": "C"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return [line.split()[0] for line in done.stdout.splitlines() if line.strip()]


def wait_until_printed(job: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while job in jobs("not-completed"):
        if time.monotonic() > deadline:
            pytest.fail(f"{job} did not finish printing within {WAIT_SECONDS} s\n{cups_state()}")
        time.sleep(0.5)


def spool_files(job: str) -> list[Path]:
    """The job's document files in CUPS's spool folder (d00012-001)."""
    return sorted(SPOOL.glob(f"d{int(job.rsplit('-', 1)[1]):05d}-*"))


@pytest.fixture
def pdfs_removed() -> Iterator[None]:
    """cups-pdf's PDFs are this printer's paper, out of the software's reach: the test keeps none of them."""
    since = time.time() - 1
    yield
    deadline = time.monotonic() + WAIT_SECONDS
    while len(new_pdfs(since)) < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
    for pdf in new_pdfs(since):
        pdf.unlink(missing_ok=True)


@pytest.mark.usefixtures("pdfs_removed")
def test_an_erasure_purges_her_jobs_from_cups(demo_dir: Path, clock: FixedClock) -> None:
    """Her own copy and a handover holding her lines print; after the erasure CUPS keeps neither job's file."""
    save_settings(demo_dir, replace(load_settings(demo_dir), printer=PRINTER))
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    mere = house.sign_in.sign_in("Mere", "3333")
    line = house.handover.add_line(tama, mere.person_id, "Would like a quiet breakfast")
    house.handover.agree(tama, line, read_back=True)

    handover, _ = house.handover.print_handover(tama)
    own_copy = house.own_record.print_copy(tama, mere.person_id)

    printed = [handover.job_id, own_copy.job_id]
    assert handover.printed and own_copy.printed, (handover.message, own_copy.message)
    assert all(printed), "lp reported each job's id"
    for job in printed:
        assert job is not None
        wait_until_printed(job)
    assert set(printed) <= set(jobs("completed"))
    can_look = os.access(SPOOL, os.R_OK | os.X_OK)  # root, as make test-printer runs it
    kept = can_look and all(spool_files(j) for j in printed if j)
    print(f"\nCUPS keeps the job files: {kept if can_look else 'cannot look (not root)'}")
    if kept:
        assert cups_keeps_job_files(), "crisishouse check would not warn, yet CUPS keeps job files"

    house.stays.leave(tama, mere.stay_id, "erase")
    done = house.erasures.erase_with_report(tama, mere.person_id, "printed")

    assert done.paper.complete, done.paper_words
    assert sorted(done.paper.purged) == sorted(j for j in printed if j)
    left = set(printed) & set(jobs("completed"))
    assert not left, f"CUPS still lists {left} as completed\n{cups_state()}"
    if can_look:
        for job in printed:
            assert job is not None
            assert spool_files(job) == [], f"CUPS's spool still holds {job}'s file"
