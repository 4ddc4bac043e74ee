"""A table of one kind of entry in a guest's record, each row with the guest's wish to talk about it."""

from __future__ import annotations

from collections.abc import Iterable

import pendulum
from rich.text import Text

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.house_table import HouseTable, Row
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


class EntryTable(HouseTable):
    """A tab's table of entries. Filled again, it keeps the highlight on the same entry."""

    COLUMNS: tuple[str, ...] = ()
    """The column headings; the second is always the talk column."""

    def __init__(self, *, id: str) -> None:
        super().__init__(*self.COLUMNS, id=id)

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        """Show this table's part of the record, times in the house's zone."""
        raise NotImplementedError

    def fill_entries(self, record: GuestRecord, entries: list[Entry], cells: Iterable[tuple[object, ...]]) -> None:
        """A row for each entry: its first cell, the talk column, then the rest."""
        rows: list[Row] = []
        for (kind, entry_id), row in zip(entries, cells, strict=True):
            # The talk column comes second, so the longest words come last and never push it off a narrow screen.
            first, *rest = row
            rows.append((f"{kind}:{entry_id}", (first, talk_cell(record, entry_id), *rest)))
        self.fill(rows)

    def highlighted(self) -> Entry | None:
        """The highlighted entry, if any."""
        key = self.highlighted_key()
        if key is None:
            return None
        kind, _, entry_id = key.partition(":")
        return kind, entry_id
