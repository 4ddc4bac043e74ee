"""The handover lines tab of a guest's record: every line about them, agreed or not yet."""

from __future__ import annotations

import pendulum
from rich.text import Text

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.entry_table import EntryTable, with_statement
from crisishouse.widgets.formatting import house_time


class HandoverLinesTable(EntryTable):
    """Each handover line about the guest, newest first, saying whether they agreed to it."""

    COLUMNS = ("When", "Talk", "", "Line")

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        lines = list(reversed(record.handover_lines))
        self.fill(
            record,
            [("handover", line.id) for line in lines],
            (
                (
                    house_time(line.written_at, tz, now),
                    "agreed" if line.agreed else Text("not agreed yet", style="italic"),
                    with_statement(record, line.text, "handover", line.id),
                )
                for line in lines
            ),
        )
