"""The wellbeing tab of a guest's record: the four walls' trends, then every rating."""

from __future__ import annotations

import pendulum
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.four_walls import FourWalls
from crisishouse.widgets.ratings_table import RatingsTable


class WellbeingTab(VerticalScroll):
    """The guest's own numbers: trends above, the ratings (with their words) below."""

    def compose(self) -> ComposeResult:
        yield FourWalls()
        yield RatingsTable(id="guest-ratings")

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
        self.query_one(FourWalls).show(record.trends, tz)
        self.query_one(RatingsTable).show(record, tz, now)
