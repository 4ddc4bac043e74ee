"""Forms for the rhythm: an everyday item, or a one-off for a date."""

from __future__ import annotations

from collections.abc import Iterable

import pendulum
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Input, Select

from crisishouse.housetime import (
    LocalTimeError,
    parse_date,
    parse_time,
    wall_clock_or_next,
)
from crisishouse.models import RhythmItem
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, Session
from crisishouse.widgets.literal import literal

NOTHING_REPLACED = "none"
TIME_LABEL = "Time (14:30 or 2:30 pm)"
"""Says what the forms accept (`parse_time`): 14:30, 1430, 2pm, 2:30 pm, noon, midnight."""


class EverydayItemForm(FormScreen[RhythmItem]):
    """Add or change an item of every day."""

    def __init__(self, house: House, session: Session, item: RhythmItem | None) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.item = item
        self.heading = "Change an everyday item" if item else "Add to every day"

    def fields(self) -> Iterable[Widget]:
        time = f"{self.item.time.hour:02d}:{self.item.time.minute:02d}" if self.item else ""
        yield from labelled(TIME_LABEL, Input(time, id="rhythm-time", placeholder="10:00 or 10 am"))
        yield from labelled("What happens", Input(self.item.what if self.item else "", id="rhythm-what"))

    def save(self) -> RhythmItem:
        if self.item is None:
            return self.house.rhythm.add_everyday(self.session, self.text("rhythm-time"), self.text("rhythm-what"))
        return self.house.rhythm.change_everyday(
            self.session, self.item.id, self.text("rhythm-time"), self.text("rhythm-what")
        )


class OneOffForm(FormScreen[RhythmItem]):
    """A change for one date: a trip to the beach on Saturday."""

    def __init__(self, house: House, session: Session, day: pendulum.Date) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.day = day
        self.heading = f"A one-off on {day.format('dddd D MMMM')}"
        self._told: tuple[str, str] | None = None
        """The date and time last told about (the clocks change that night)."""

    def fields(self) -> Iterable[Widget]:
        yield from labelled("Date (YYYY-MM-DD)", Input(self.day.isoformat(), id="one-off-day"))
        yield from labelled(TIME_LABEL, Input(id="one-off-time", placeholder="13:00 or 1 pm"))
        yield from labelled("What happens", Input(id="one-off-what", placeholder="Trip to the beach"))
        options: list[tuple[Text | str, str]] = [("Nothing: as well as the usual day", NOTHING_REPLACED)]
        options += [
            (Text(f"Instead of {i.time.hour:02d}:{i.time.minute:02d} ").append_text(literal(i.what)), i.id)
            for i in self.house.rhythm.everyday()
        ]
        yield from labelled(
            "Instead of", Select(options, value=NOTHING_REPLACED, allow_blank=False, id="one-off-replaces")
        )

    def _say_which(self, day_text: str, time_text: str) -> None:
        """A time the clocks skip or show twice that night is never kept silently.

        The first save says where the one-off will be (03:30 for a skipped
        02:30; the second 02:30 for a repeated one); saving the same again keeps it.
        """
        _at, note = wall_clock_or_next(parse_date(day_text), parse_time(time_text), self.house.settings.time_zone)
        if note is None or self._told == (day_text, time_text):
            return
        self._told = (day_text, time_text)
        raise LocalTimeError(f"{note} Save again to keep it there, or choose another time.")

    def save(self) -> RhythmItem:
        replaces = self.query_one("#one-off-replaces", Select).value
        self._say_which(self.text("one-off-day"), self.text("one-off-time"))
        return self.house.rhythm.add_one_off(
            self.session,
            self.text("one-off-day"),
            self.text("one-off-time"),
            self.text("one-off-what"),
            None if replaces == NOTHING_REPLACED else str(replaces),
        )
