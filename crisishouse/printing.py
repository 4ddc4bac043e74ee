"""Printing: handovers and guests' own copies laid out for an 80-column page.

Two steps, kept apart so that nothing is ever half printed:

1. `render_handover` / `render_guest_copy` lay a document out with Rich and
   give back the complete page as plain text. People's words only ever go in
   as `rich.text.Text` (never parsed as markup), long words are folded,
   never cut off, and no line is wider than the page.
2. `print_text` first saves that text under the house's printouts folder
   (owner-only, written atomically) and only then, if a printer is set up,
   hands the saved file to CUPS with `lp`. Emoji, which CUPS's text filter
   cannot print (it drops the rest of the page at the first one), become □
   in that copy. A printer problem never raises: the outcome says what
   happened in plain words, and the saved copy is there to print by hand.
   Failing to save the copy does raise, and then nothing is sent to the
   printer.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pendulum
from rich.cells import get_character_cell_size
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from crisishouse.services.handover_document import GuestSection, HandoverDocument
from crisishouse.store.atomic import atomic_write, make_dir
from crisishouse.store.errors import StoreError
from crisishouse.text import clean_line, clean_text

try:  # Rich 15 measures whole grapheme clusters (an emoji ZWJ sequence is 2 cells).
    from rich.cells import split_graphemes as _split_graphemes
except ImportError:  # pragma: no cover - Rich 14 measures code point by code point
    _split_graphemes = None

PAGE_WIDTH = 80
NARROWEST = 20
"""Below this a page cannot hold the indents and bullets."""
LP_TIMEOUT_SECONDS = 30
LP_OPTIONS = ("-o", "cpi=12")
"""CUPS prints plain text at 10 characters an inch by default: 82 columns
across an A4 sheet with no margin at all, fewer than 80 on a real printer,
whose lines would then wrap. At 12 an inch an 80-column line fits with room
to spare."""
UNPRINTABLE = "□"
"""Stands in, on paper, for what CUPS's text filter cannot print."""
BULLET = "•"
RULE = "─"


# -- laying out --------------------------------------------------------------


def _words(value: str, style: str = "") -> Text:
    """People's words exactly as written: no markup, no emoji codes; long words fold."""
    return Text(clean_text(value), style=style, overflow="fold")


def _label(value: str) -> Text:
    """The document's own words (headings), also never parsed as markup."""
    return Text(clean_line(value), style="bold", overflow="fold")


def _bullets(
    lines: Iterable[str], *, empty: str = "none", statements: Iterable[str] = (), whose: str = "Their"
) -> RenderableType:
    """Lines as a bulleted list with a hanging indent, or a word saying there are none.

    A guest's statement on a line is printed right under it: it goes
    wherever the line goes.
    """
    lines = list(lines)
    said = list(statements)
    if not lines:
        return Text(empty, style="italic", overflow="fold")
    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for n, line in enumerate(lines):
        grid.add_row(Text(BULLET), _words(line))
        if n < len(said) and said[n]:
            statement = Text(f"{whose} statement: ", style="italic", overflow="fold")
            statement.append_text(_words(said[n]))
            grid.add_row(Text(""), Padding(statement, (0, 0, 0, 2)))
    return grid


def _titled(title: str, body: RenderableType, indent: int = 2) -> RenderableType:
    return Group(_label(title), Padding(body, (0, 0, 0, indent)))


def _rule(width: int) -> Text:
    return Text(RULE * width)


def _when(doc: HandoverDocument) -> str:
    """ "Tuesday 24 November 2026, afternoon shift 15:00 to 23:00".

    A shift that ends on another day says which: "night shift 23:00 to
    07:00 Wednesday".
    """
    starts, ends = doc.shift_starts, doc.shift_ends
    name = clean_line(doc.shift_name) or "the"
    if not name.casefold().endswith("shift"):
        name = f"{name} shift"
    end_words = ends.format("HH:mm")
    if ends.date() != starts.date():
        days = (ends.date() - starts.date()).days
        end_words += f" {ends.format('dddd')}" if days == 1 else f" {ends.format('dddd D MMMM YYYY')}"
    return f"{starts.format('dddd D MMMM YYYY')}, {name} {starts.format('HH:mm')} to {end_words}"


def _guest(section: GuestSection) -> RenderableType:
    heading = Text(overflow="fold")
    heading.append(clean_line(section.chosen_name), style="bold")
    heading.append(f"  ·  room {clean_line(section.room)}  ·  {clean_line(section.stay_words)}")
    whose = f"{clean_line(section.chosen_name)}'s"
    intentions = _bullets(section.intentions, statements=section.intention_statements, whose=whose)
    lines = _bullets(
        section.lines, empty="no lines agreed for this handover", statements=section.line_statements, whose=whose
    )
    parts: list[RenderableType] = [
        heading,
        Padding(
            Group(_titled("Intentions", intentions), _titled("Agreed lines", lines)),
            (0, 0, 0, 2),
        ),
    ]
    if section.ratings:
        shared = Text("Shared ratings: ", style="bold", overflow="fold")
        shared.append_text(_words(section.ratings))
        parts.append(Padding(shared, (0, 0, 0, 2)))
    return Group(*parts)


def _rhythm(rows: tuple[tuple[str, str], ...]) -> RenderableType:
    if not rows:
        return Text("nothing planned", style="italic")
    grid = Table.grid(padding=(0, 2, 0, 0), expand=True)
    grid.add_column(no_wrap=False, overflow="fold", max_width=12)
    grid.add_column(ratio=1, overflow="fold")
    for time, what in rows:
        grid.add_row(_words(time), _words(what))
    return grid


def _export(renderables: list[RenderableType], width: int) -> str:
    if width < NARROWEST:
        raise ValueError(f"a page needs at least {NARROWEST} columns; got {width}")
    console = Console(
        record=True,
        file=io.StringIO(),
        width=width,
        height=10_000,
        color_system=None,
        force_terminal=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        _environ={},
    )
    for renderable in renderables:
        console.print(renderable)
    exported = console.export_text(styles=False)
    lines = [line.rstrip() for line in exported.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def render_handover(doc: HandoverDocument, width: int = PAGE_WIDTH) -> str:
    """The handover as plain text, no line wider than `width` columns."""
    gap = Text("")
    parts: list[RenderableType] = [
        Text(f"{clean_line(doc.house_name)}: handover", style="bold", overflow="fold"),
        Text(_when(doc), overflow="fold"),
        _rule(width),
        gap,
        _label(f"Guests staying ({len(doc.guests)})" if doc.guests else "Guests staying"),
        gap,
    ]
    if not doc.guests:
        parts += [Padding(Text("no guests staying", style="italic"), (0, 0, 0, 2)), gap]
    for section in doc.guests:
        parts += [Padding(_guest(section), (0, 0, 0, 2)), gap]
    parts += [
        _rule(width),
        gap,
        _label("The house"),
        Padding(
            Group(
                _titled("Arrived this shift", _bullets(doc.arrivals)),
                _titled("Leavings expected", _bullets(doc.leavings)),
                _titled("House lines", _bullets(doc.house_lines)),
            ),
            (0, 0, 0, 2),
        ),
        gap,
        _label("The rhythm ahead"),
        Padding(_rhythm(doc.rhythm_ahead), (0, 0, 0, 2)),
        gap,
        _rule(width),
        Text(f"Prepared by {clean_line(doc.prepared_by)}", overflow="fold"),
    ]
    parts += [Text(clean_line(note), style="italic", overflow="fold") for note in doc.cleaned]
    return _export(parts, width)


def render_guest_copy(
    house_name: str,
    guest_name: str,
    sections: list[tuple[str, list[str]]],
    width: int = PAGE_WIDTH,
) -> str:
    """A guest's own copy: a heading, then each titled section of lines."""
    gap = Text("")
    parts: list[RenderableType] = [
        Text(f"{clean_line(house_name)}: {clean_line(guest_name)}'s own copy", style="bold", overflow="fold"),
        _rule(width),
    ]
    for title, lines in sections:
        parts += [gap, _titled(title, _bullets(lines, empty="nothing here"))]
    return _export(parts, width)


# -- printing ----------------------------------------------------------------


class PrintoutNotSaved(StoreError):
    """The copy of a printout could not be saved, so nothing was printed."""

    def __init__(self, folder: Path, why: str) -> None:
        self.folder = folder
        super().__init__(
            f"Could not save the printout in {folder}: {why}. Nothing was sent to the printer."
        )


@dataclass(frozen=True)
class PrintOutcome:
    """What happened to a printout, in words to show as they are."""

    saved_to: Path
    printed: bool
    """True when CUPS took the job; the saved copy exists either way."""
    message: str


_REQUEST_ID = re.compile(r"request id is (\S+)")
_MOST_OF_LP_ERROR = 400


def slug(title: str, longest: int = 60) -> str:
    """ "Handover: afternoon" → "handover-afternoon"; macrons fold to plain letters."""
    bare = unicodedata.normalize("NFKD", clean_line(title).casefold())
    ascii_only = bare.encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return words[:longest].rstrip("-") or "printout"


def _free_name(folder: Path, stem: str) -> Path:
    """`stem.txt`, or `stem-2.txt` and on if an earlier printout has that name."""
    path = folder / f"{stem}.txt"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.txt"
        n += 1
    return path


def _clusters(segment: str) -> list[tuple[str, int]]:
    """`segment` (no newline, no tab) as grapheme clusters with their widths in cells."""
    if _split_graphemes is None:  # pragma: no cover
        return [(c, get_character_cell_size(c)) for c in segment]
    spans, _ = _split_graphemes(segment)
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


def _why(error: StoreError) -> str:
    inner = getattr(error, "error", None)
    if isinstance(inner, OSError):
        return inner.strerror or str(inner)
    return str(error)


def _lp_said(output: str) -> str:
    said = " ".join(clean_line(output).split())
    if len(said) > _MOST_OF_LP_ERROR:
        said = said[:_MOST_OF_LP_ERROR] + "…"
    return said or "it gave no reason"


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
    """Save `text` as a printout, then send the saved copy to `printer` with lp.

    `what` names the printout in the messages ("the handover", "your copy").
    The copy is always saved first, and it is exactly what goes to the
    printer (see `printable`); with no printer set, that is all. A printer
    problem (no lp, lp failing or hanging) is reported in the outcome's
    message, never raised.

    Raises:
        PrintoutNotSaved: the copy could not be saved; nothing was printed.
    """
    paper, replaced = printable(clean_text(text))
    saved = save_printout(paper, printouts_dir=printouts_dir, title=title, clock_now=clock_now, about=about)
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
    # A plain UTF-8 locale: lp's answer in English, and the file read as UTF-8.
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    command = [lp, "-d", printer, "-t", clean_line(title) or saved.name, *LP_OPTIONS, str(saved)]
    try:
        done = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=LP_TIMEOUT_SECONDS,
            env=env,
            check=False,
        )
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
            f"Could not print on {printer}: lp said: {_lp_said(done.stderr or done.stdout)} "
            f"{not_printed}",
        )
    found = _REQUEST_ID.search(done.stdout)
    request = f" (request id {clean_line(found.group(1))})" if found else ""
    return PrintOutcome(saved, True, f"Printed on {printer}{request} and saved to {saved}.{note}")
