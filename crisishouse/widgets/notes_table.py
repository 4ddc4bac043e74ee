"""The notes tab of a guest's record: their own notes, and who may read each."""

from __future__ import annotations

import pendulum

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.entry_table import EntryTable
from crisishouse.widgets.formatting import house_time
from crisishouse.widgets.literal import literal


class NotesTable(EntryTable):
    """Each note, newest first: "just you", or "staff may read"."""

    COLUMNS = ("When", "Talk", "Who reads it", "Note")

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        notes = list(reversed(record.notes))
        self.fill_entries(
            record,
            [("note", n.id) for n in notes],
            (
                (house_time(n.written_at, tz, now), "staff may read" if n.for_staff else "just you", literal(n.text))
                for n in notes
            ),
        )
