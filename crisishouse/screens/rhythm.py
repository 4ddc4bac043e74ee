"""The house's day: everyday items, and one-off changes for a date."""

from __future__ import annotations

import pendulum
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from crisishouse.housetime import house_today
from crisishouse.screens.base import HouseScreen
from crisishouse.screens.rhythm_form import EverydayItemForm, OneOffForm
from crisishouse.services import House, Session
from crisishouse.services.rhythm import RhythmEntry
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.literal import literal

_DAYS = Binding.Group("Day", compact=True)
"""Left and right share one place in the footer: "←→ Day"."""


class DayTable(DataTable[object]):
    """The day's items: left and right are the screen's (another day), never the table's."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Off, not merely outranked: the footer then keeps the screen's order (F1 and Lock first).
        return action not in ("cursor_left", "cursor_right")


class RhythmScreen(HouseScreen):
    """One day of the house's rhythm, with its one-off changes."""

    HELP = "The house's daily rhythm. Left and right move between days."
    BINDINGS = [
        # Priority: the table would otherwise take left and right to scroll.
        Binding("left", "day(-1)", "Day before", priority=True, group=_DAYS, id="day-before"),
        Binding("right", "day(1)", "Day after", priority=True, group=_DAYS, id="day-after"),
        Binding("t", "today", "Today", id="today"),
        Binding("a", "add_everyday", "Add", tooltip="A new item in every day of the rhythm", id="add-everyday"),
        Binding(
            "o",
            "add_one_off",
            "One-off",
            tooltip="A one-off for this day: a trip, an outing, a change",
            id="add-one-off",
        ),
        Binding("e", "edit", "Edit", tooltip="Change the highlighted everyday item: its time or words", id="edit"),
        Binding("x", "skip", "Skip", tooltip="Skip the highlighted item on this day, or undo a one-off", id="skip"),
        Binding("d", "remove", "Remove", show=False, tooltip="Take the highlighted item out of every day", id="remove"),
        Binding("escape", "back", "Board", id="back"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__(house, session)
        self.day = house_today(house.clock.now(), house.settings.time_zone)
        self.entries: list[RhythmEntry] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="rhythm-day")
        yield DayTable(id="rhythm-items", cursor_type="row", zebra_stripes=True)
        yield Static("", id="rhythm-notes")
        yield HouseFooter()

    def on_mount(self) -> None:
        self.query_one("#rhythm-items", DataTable).add_columns("Time", "What", "")
        self.action_refresh()

    def action_refresh(self) -> None:
        """Read the day shown again, and show it."""
        tz = self.house.settings.time_zone
        self.entries = self.house.rhythm.day(self.day)
        today = house_today(self.house.clock.now(), tz)
        label = "today" if self.day == today else ("tomorrow" if self.day == today.add(days=1) else "")
        hours = self._hours_in_day()
        heading = Text(self.day.format("dddd D MMMM YYYY"), style="bold")
        if label:
            heading.append(f"  ({label})")
        if hours != 24:
            way = "forward" if hours < 24 else "back"
            heading.append(f"  A {hours}-hour day: the clocks went {way} an hour early this morning.")
        self.query_one("#rhythm-day", Static).update(heading)
        table = self.query_one("#rhythm-items", DataTable)
        row = table.cursor_row
        table.clear()
        notes = Text()
        now_entry, _next = self.house.rhythm.now_and_next(self.house.clock.now())
        for entry in self.entries:
            marks = ["one-off"] if entry.one_off else []
            if now_entry is not None and entry.at == now_entry.at and entry.what == now_entry.what:
                marks.append("on now")
            table.add_row(entry.at.in_timezone(tz).format("HH:mm"), literal(entry.what), ", ".join(marks))
            if entry.note:
                notes.append(f"{entry.note}\n")
        if row is not None and table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.query_one("#rhythm-notes", Static).update(notes)

    def _hours_in_day(self) -> int:
        tz = self.house.settings.time_zone
        start = pendulum.datetime(self.day.year, self.day.month, self.day.day, tz=tz)
        return int((start.add(days=1) - start).total_seconds() // 3600)

    def _highlighted(self) -> RhythmEntry | None:
        row = self.query_one("#rhythm-items", DataTable).cursor_row
        if row is None or not 0 <= row < len(self.entries):
            return None
        return self.entries[row]

    def action_day(self, step: int) -> None:
        self.day = self.day.add(days=step)
        self.action_refresh()

    def action_today(self) -> None:
        self.day = house_today(self.house.clock.now(), self.house.settings.time_zone)
        self.action_refresh()

    def action_add_everyday(self) -> None:
        self.push_form(EverydayItemForm(self.house, self.session, None))

    def action_add_one_off(self) -> None:
        self.push_form(OneOffForm(self.house, self.session, self.day))

    def action_edit(self) -> None:
        entry = self._highlighted()
        if entry is None or entry.one_off or entry.item_id is None:
            self.notify("Highlight an everyday item to edit it.")
            return
        item = next(i for i in self.house.rhythm.everyday() if i.id == entry.item_id)
        self.push_form(EverydayItemForm(self.house, self.session, item))

    def action_skip(self) -> None:
        entry = self._highlighted()
        if entry is None or entry.item_id is None:
            return
        item_id = entry.item_id
        if entry.one_off:
            self.try_change(lambda: self.house.rhythm.remove_one_off(self.session, item_id))
        else:
            self.try_change(lambda: self.house.rhythm.cancel_for_day(self.session, self.day, item_id))

    def action_remove(self) -> None:
        entry = self._highlighted()
        if entry is None or entry.item_id is None or entry.one_off:
            self.notify("Highlight an everyday item to take it out of every day.")
            return
        item_id = entry.item_id
        self.try_change(lambda: self.house.rhythm.remove_everyday(self.session, item_id))
