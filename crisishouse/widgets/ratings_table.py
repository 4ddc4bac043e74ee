"""The guest's wellbeing ratings, newest first, each wall's number in a column."""

from __future__ import annotations

import pendulum

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.entry_table import EntryTable, with_statement
from crisishouse.widgets.formatting import house_time


class RatingsTable(EntryTable):
    """Each rating: when, the four walls' numbers, and the guest's own words."""

    COLUMNS = ("When", "Talk", "Tin Hin Whā Wai", "In their words")

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        ratings = list(reversed(record.ratings))
        self.fill_entries(
            record,
            [("rating", r.id) for r in ratings],
            (
                (
                    house_time(r.at, tz, now),
                    f"{r.tinana:>3} {r.hinengaro:>3} {r.whanau:>3} {r.wairua:>3}",
                    with_statement(record, r.own_words, "rating", r.id),
                )
                for r in ratings
            ),
        )
