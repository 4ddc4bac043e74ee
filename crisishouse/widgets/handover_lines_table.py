"""The handover lines tab of a guest's record: every line about them, agreed or not yet."""

from __future__ import annotations

import pendulum
from rich.text import Text

from crisishouse.models import HandoverEntry
from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.entry_table import EntryTable, statement
from crisishouse.widgets.formatting import house_time
from crisishouse.widgets.literal import literal


def wrote_it(name: str) -> Text:
    """ "(Mere wrote this)", under a line the guest wrote themselves."""
    shown = Text("\n(", style="italic")
    shown.append_text(literal(name, style="italic"))
    shown.append(" wrote this)", style="italic")
    return shown


def by_guest(line: HandoverEntry) -> bool:
    """The guest wrote the line themselves, in their own session."""
    return line.guest_id is not None and line.written_by == line.guest_id


class HandoverLinesTable(EntryTable):
    """Each handover line about the guest, newest first, saying whether they agreed to it and who wrote it."""

    COLUMNS = ("When", "Talk", "", "Line")

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        lines = list(reversed(record.handover_lines))
        cells: list[tuple[object, ...]] = []
        for line in lines:
            words = literal(line.text)
            if by_guest(line):
                words.append_text(wrote_it(record.guest.chosen_name))
            said = record.statement_on("handover", line.id)
            if said:
                words.append_text(statement(said))
            agreed = "agreed" if line.agreed else Text("not agreed yet", style="italic")
            cells.append((house_time(line.written_at, tz, now), agreed, words))
        self.fill_entries(record, [("handover", line.id) for line in lines], cells)
