"""The manager's roster: the next 14 days, who is on each shift, and the gaps in words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pendulum
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Header, Input, Select, Static

from crisishouse.errors import HouseError
from crisishouse.housetime import house_today, parse_date
from crisishouse.models import Shift
from crisishouse.screens.base import HouseScreen
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session
from crisishouse.services.load import Gap
from crisishouse.services.shifts import Shifts, ShiftTime
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.house_table import HouseTable
from crisishouse.widgets.literal import literal

ROSTER_DAYS = 14


@dataclass(frozen=True)
class RosterLine:
    """One row: a shift on a day, and one person on it (or nobody)."""

    times: ShiftTime
    shift: Shift | None
    name: str
    gaps: tuple[Gap, ...]


class AssignForm(FormScreen[Shift]):
    """Put a staff member on a shift."""

    heading = "Put someone on a shift"

    def __init__(self, house: House, session: Session, day: pendulum.Date, shift_name: str | None) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.day = day
        self.shift_name = shift_name

    def fields(self) -> Iterable[Widget]:
        staff = self.house.roster.staff(self.session)
        yield from labelled(
            "Who", Select([(literal(m.name), m.id) for m in staff], id="assign-staff", prompt="Choose someone")
        )
        yield from labelled("Date (YYYY-MM-DD)", Input(self.day.format("YYYY-MM-DD"), id="assign-day", max_length=10))
        names = [p.name for p in self.house.settings.shifts]
        yield from labelled(
            "Shift",
            Select(
                [(n, n) for n in names],
                id="assign-shift",
                value=self.shift_name if self.shift_name in names else Select.BLANK,
                prompt="Choose a shift",
            ),
        )

    def save(self) -> Shift:
        staff_id = self.query_one("#assign-staff", Select).value
        shift_name = self.query_one("#assign-shift", Select).value
        if not isinstance(staff_id, str):
            raise ServiceError("Choose who is on the shift.")
        if not isinstance(shift_name, str):
            raise ServiceError("Choose the shift.")
        return self.house.roster.assign(self.session, staff_id, parse_date(self.text("assign-day")), shift_name)


def _key(line: RosterLine) -> str:
    """A row's key: the shift's id, or the day and shift nobody is on."""
    return line.shift.id if line.shift is not None else f"{line.times.day}:{line.times.name}:nobody"


def _cells(line: RosterLine, tz: str) -> tuple[object, ...]:
    """Day, shift, times, who (and whether it is cover), and the gap in words."""
    s, e = line.times.starts.in_timezone(tz), line.times.ends.in_timezone(tz)
    if line.shift is None:
        who, gap = Text("nobody", style="italic"), "gap: nobody on"
    else:
        who, gap = literal(line.name), ("over a guide" if line.gaps else "")
        if line.shift.cover:
            who.append(", cover")
    return (line.times.day.format("ddd D MMM"), line.times.name, f"{s.format('HH:mm')}-{e.format('HH:mm')}", who, gap)


class RosterScreen(HouseScreen):
    """Fourteen days of shifts; a gap is said in words, never only in colour."""

    HELP = "The roster for the next 14 days (house manager). Gaps are shifts with nobody on, or that would overload someone."
    BINDINGS = [
        Binding("a", "assign", "Assign", tooltip="Put someone on a shift", id="roster-assign"),
        Binding(
            "u", "unassign", "Unassign", tooltip="Take the highlighted person off their shift", id="roster-unassign"
        ),
        Binding("escape", "back", "Board", id="back"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__(house, session)
        self.lines: list[RosterLine] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="roster-heading")
        yield HouseTable("Day", "Shift", "Times", "Who", "Gap", id="roster-table", wrap=False, zebra_stripes=True)
        yield Static("", id="roster-gaps")
        yield HouseFooter()

    def on_mount(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        """Read the next 14 days of the roster again, and show them."""
        tz = self.house.settings.time_zone
        start = house_today(self.house.clock.now(), tz)
        try:
            shifts = self.house.roster.roster(self.session, start, ROSTER_DAYS)
            gaps = self.house.load.gaps(self.session, start, ROSTER_DAYS)
        except HouseError as problem:
            self.show_problem(problem)
            self.query_one("#roster-gaps", Static).update(literal(str(problem)))
            return
        names = {m.id: m.name for m in self.house.roster.staff(self.session)}
        pattern = Shifts(self.house.settings)
        lines: list[RosterLine] = []
        for offset in range(ROSTER_DAYS):
            day = start.add(days=offset)
            for times in pattern.on(day):
                here = [g for g in gaps if g.shift.day == day and g.shift.name == times.name]
                on = [s for s in shifts if s.day == day and s.name == times.name]
                if not on:
                    lines.append(RosterLine(times, None, "", tuple(g for g in here if g.staff_id is None)))
                for shift in on:
                    mine = tuple(g for g in here if g.staff_id == shift.staff_id)
                    lines.append(RosterLine(times, shift, names.get(shift.staff_id, "(former staff)"), mine))
        self.lines = lines
        self.query_one("#roster-table", HouseTable).fill((_key(line), _cells(line, tz)) for line in lines)
        open_shifts = sum(1 for line in lines if line.shift is None)
        heading = Text(
            f"Roster: {start.format('D MMM')} to {start.add(days=ROSTER_DAYS - 1).format('D MMM')}", style="bold"
        )
        heading.append(f"   {open_shifts} {'shift' if open_shifts == 1 else 'shifts'} with nobody on")
        self.query_one("#roster-heading", Static).update(heading)
        self._show_gap()

    def _highlighted(self) -> RosterLine | None:
        key = self.query_one("#roster-table", HouseTable).highlighted_key()
        return next((line for line in self.lines if _key(line) == key), None)

    def _show_gap(self) -> None:
        line = self._highlighted()
        shown = self.query_one("#roster-gaps", Static)
        tz = self.house.settings.time_zone
        if line is None:
            shown.update("")
        elif line.gaps:
            shown.update(literal("\n".join(g.words(tz) for g in line.gaps)))
        elif line.shift is None:
            shown.update(Text(f"{line.times.words(tz)}: nobody is rostered."))
        else:
            words = Text(f"{line.times.words(tz)}: ")
            if line.shift.cover:
                words.append_text(literal(line.name))
                words.append(" as cover (not rostered to them, or a second shift that day); ")
            words.append("within the house's guides.")
            shown.update(words)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_gap()

    def action_assign(self) -> None:
        line = self._highlighted()
        tz = self.house.settings.time_zone
        day = line.times.day if line else house_today(self.house.clock.now(), tz)
        self.push_form(AssignForm(self.house, self.session, day, line.times.name if line else None), self._assigned)

    def _assigned(self, shift: Shift) -> None:
        """Name who is now on which shift (and say so when it is cover)."""
        names = {m.id: m.name for m in self.house.roster.staff(self.session)}
        cover = ", as cover: their second shift that day" if shift.cover else ""
        self.notify(
            f"{names.get(shift.staff_id, 'Someone')} is on the {shift.name} shift on {shift.day.format('ddd D MMM')}{cover}.",
            markup=False,
        )

    def action_unassign(self) -> None:
        line = self._highlighted()
        if line is None or line.shift is None:
            self.notify("Highlight someone on a shift to take them off it.")
            return
        try:
            self.house.roster.unassign(self.session, line.shift.id)
        except HouseError as problem:
            self.show_problem(problem)
            return
        self.notify(
            f"{line.name} is off the {line.times.name} shift on {line.times.day.format('ddd D MMM')}.", markup=False
        )
        self.action_refresh()
