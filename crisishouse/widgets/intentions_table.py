"""The intentions tab of a guest's record: their intentions in their own words, oldest first."""

from __future__ import annotations

import pendulum
from rich.text import Text

from crisishouse.models import INTENTION_STATUSES
from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.entry_table import EntryTable, statement
from crisishouse.widgets.formatting import house_time
from crisishouse.widgets.literal import literal


class IntentionsTable(EntryTable):
    """Each intention: since when, where it stands, and its words (with the day it is for)."""

    COLUMNS = ("Since", "Talk", "Status", "Intention")

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        cells: list[tuple[object, ...]] = []
        for intention in record.intentions:
            words: Text = literal(intention.words)
            if intention.for_day is not None:
                words.append(f" (for {intention.for_day.format('ddd D MMM')})", style="dim")
            said = record.statement_on("intention", intention.id)
            if said:
                words.append_text(statement(said))
            cells.append((house_time(intention.set_at, tz, now), INTENTION_STATUSES[intention.status], words))
        self.fill_entries(record, [("intention", i.id) for i in record.intentions], cells)
