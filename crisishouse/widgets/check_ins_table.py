"""The check-ins tab of a guest's record, newest first."""

from __future__ import annotations

import pendulum

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.entry_table import EntryTable, with_statement
from crisishouse.widgets.formatting import house_time


class CheckInsTable(EntryTable):
    """Each check-in: when, how it went, and the note with it."""

    COLUMNS = ("When", "Talk", "Check-in", "Note")

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        check_ins = list(reversed(record.check_ins))
        self.fill_entries(
            record,
            [("check_in", c.id) for c in check_ins],
            (
                (house_time(c.at, tz, now), c.outcome_words, with_statement(record, c.note, "check_in", c.id))
                for c in check_ins
            ),
        )
