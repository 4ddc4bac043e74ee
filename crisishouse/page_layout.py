"""The page layout: handovers and guests' own copies shaped into 80-column plain text.

Pure text, no printer: a document is laid out with Rich and given back as
the complete page. People's words only ever go in as `rich.text.Text`
(never parsed as markup), long words are folded, never cut off, and no
line is wider than the page. Saving and printing the page is
`crisishouse.services.printouts` and `crisishouse.printing`.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from crisishouse.models.handover_document import GuestSection, HandoverDocument
from crisishouse.text import clean_line, clean_text

PAGE_WIDTH = 80
NARROWEST = 20
"""Below this a page cannot hold the indents and bullets."""
BULLET = "•"
RULE = "─"


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
