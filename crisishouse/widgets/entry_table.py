"""A table of one kind of entry in a guest's record, each row with the guest's wish to talk about it."""

from __future__ import annotations

from collections.abc import Iterable

import pendulum
from rich.text import Text
from textual.widgets import DataTable

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.literal import literal

Entry = tuple[str, str]
"""An entry of the record as (kind, id): ("check_in", "c12")."""


def statement(said: str) -> Text:
    """The guest's statement, on a line of its own under the entry it is about."""
    shown = Text("\nStatement: ", style="italic")
    shown.append_text(literal(said))
    return shown


def with_statement(record: GuestRecord, words: str, kind: str, entry_id: str) -> Text:
    """The entry's words, with the guest's statement under them: it goes where the entry goes."""
    shown = literal(words)
    said = record.statement_on(kind, entry_id)
    if said:
        shown.append_text(statement(said))
    return shown


def talk_cell(record: GuestRecord, entry_id: str) -> Text:
    """ "asked" while the guest would like to talk about the entry, "talked" once they have."""
    if record.wants_to_talk(entry_id):
        return Text("asked", style="bold")
    return Text("talked", style="dim") if record.talked_about(entry_id) else Text("")


class EntryTable(DataTable[object]):
    """A tab's table of entries. Filled again, it keeps the highlight on the same row."""

    COLUMNS: tuple[str, ...] = ()
    """The column headings; the second is always the talk column."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row")
        self.entries: list[Entry] = []
        """The rows' entries, in the order shown."""

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        """Show this table's part of the record, times in the house's zone."""
        raise NotImplementedError

    def fill(self, record: GuestRecord, entries: list[Entry], cells: Iterable[tuple[object, ...]]) -> None:
        """A row for each entry: its first cell, the talk column, then the rest."""
        if not self.columns:
            self.add_columns(*self.COLUMNS)
        at = self.cursor_row
        self.clear()
        for (kind, entry_id), row in zip(entries, cells, strict=True):
            # The talk column comes second, so the longest words come last and never push it off a narrow screen.
            first, *rest = row
            self.add_row(first, talk_cell(record, entry_id), *rest, key=f"{kind}:{entry_id}", height=None)
        self.entries = entries
        if at is not None and self.row_count:
            self.move_cursor(row=min(at, self.row_count - 1))

    def highlighted(self) -> Entry | None:
        """The highlighted entry, if any."""
        row = self.cursor_row
        if not self.entries or row is None or not 0 <= row < len(self.entries):
            return None
        return self.entries[row]
