"""A staff member's own page: their shifts, mental health days and wellbeing trend (private to them)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from crisishouse.housetime import house_today
from crisishouse.screens.staff_forms import HardEventForm, MentalHealthDayForm, SelfCheckForm
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.store import StoreError

PAST_DAYS = 28
AHEAD_DAYS = 28


class MyShiftsScreen(Screen[None]):
    """One's own shifts, days and checks. Nobody else sees the checks."""

    HELP = "Your shifts, your mental health days and your own wellbeing checks (private to you)."
    BINDINGS = [
        Binding(
            "d", "day_off", "Mental health day", tooltip="Take a mental health day (no reason needed)", id="me-day"
        ),
        Binding("c", "self_check", "Self-check", tooltip="Your own wellbeing check (private to you)", id="me-check"),
        Binding("x", "hard_event", "Hard event", tooltip="Note a hard event on this shift", id="me-event"),
        Binding("escape", "back", "Board", id="back"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(Text(f"{self.session.name}: your shifts and days", style="bold"), id="me-heading")
        yield DataTable(id="me-shifts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="me-days")
        yield Sparkline([], id="me-trend")
        yield Static("", id="me-numbers")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#me-shifts", DataTable).add_columns("Day", "Shift", "Times", "Hours", "")
        self.show()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Take a mental health day", "No reason needed", self.action_day_off)
        yield SystemCommand("My wellbeing self-check", "Private to you", self.action_self_check)
        yield SystemCommand(
            "Note a hard event on this shift", "Everyone on it is offered a debrief", self.action_hard_event
        )

    def show(self) -> None:
        tz = self.house.settings.time_zone
        now = self.house.clock.now()
        today = house_today(now, tz)
        try:
            shifts = [
                s
                for s in self.house.roster.roster(
                    self.session, today.subtract(days=PAST_DAYS), PAST_DAYS + AHEAD_DAYS + 1
                )
                if s.staff_id == self.session.person_id
            ]
            allowance = self.house.mental_health_days.allowance(self.session)
            trend = self.house.staff_wellbeing.my_trend(self.session)
        except (ServiceError, NotAllowed, StoreError) as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        table = self.query_one("#me-shifts", DataTable)
        table.clear()
        ahead_row = None
        for shift in shifts:
            start, end = shift.starts_at.in_timezone(tz), shift.ends_at.in_timezone(tz)
            if shift.signed_on_at is not None and shift.signed_off_at is None:
                state = "on now"
            elif shift.ends_at <= now:
                state = "worked" if shift.signed_on_at is not None else "past"
            else:
                state = "ahead"
                if ahead_row is None:
                    ahead_row = table.row_count
            table.add_row(
                shift.day.format("ddd D MMM"),
                shift.name,
                f"{start.format('HH:mm')} to {end.format('HH:mm')}",
                f"{shift.hours:.1f}",
                state,
            )
        if ahead_row is not None:
            table.move_cursor(row=ahead_row)
        elif table.row_count:
            table.move_cursor(row=table.row_count - 1)
        if not shifts:
            table.add_row("", Text("No shifts in the last 28 days or ahead.", style="italic"), "", "", "")
        self.query_one("#me-days", Static).update(
            Text(
                f"Mental health days: {allowance.used} used, {allowance.left} left of {allowance.allowed} "
                f"({allowance.year_starts.format('D MMM YYYY')} to {allowance.year_ends.format('D MMM YYYY')})."
            )
        )
        self.query_one("#me-trend", Sparkline).data = [p.score for p in trend] or [0]
        numbers = Text("Your wellbeing (only you see this): ", style="bold")
        if trend:
            for i, point in enumerate(trend[-6:]):
                numbers.append("  " if i else "")
                numbers.append(f"{point.at.in_timezone(tz).format('D MMM')}\u00a0".replace(" ", "\u00a0"))
                numbers.append(f"{point.score:g}", style="bold")
        else:
            numbers.append("no self-checks yet; press c for one.")
        self.query_one("#me-numbers", Static).update(numbers)

    def _after(self, result: object) -> None:
        if result is not None:
            self.show()

    def action_day_off(self) -> None:
        self.app.push_screen(MentalHealthDayForm(self.house, self.session), self._after_day_off)

    def _after_day_off(self, result: object) -> None:
        if result is not None:
            self.notify("Your mental health day is recorded. Look after yourself.")
            self.show()

    def action_self_check(self) -> None:
        self.app.push_screen(SelfCheckForm(self.house, self.session), self._after)

    def action_hard_event(self) -> None:
        self.app.push_screen(HardEventForm(self.house, self.session), self._after_event)

    def _after_event(self, result: object) -> None:
        if result is not None:
            self.notify("Noted. Everyone on this shift is owed a debrief.")
            self.show()

    def action_back(self) -> None:
        self.dismiss()
