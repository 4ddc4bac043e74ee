"""A staff member's own page: their shifts, mental health days and wellbeing trend (private to them)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Sparkline, Static

from crisishouse.errors import HouseError
from crisishouse.housetime import house_today
from crisishouse.screens.base import HouseScreen
from crisishouse.screens.staff_forms import HardEventForm, MentalHealthDayForm, SelfCheckForm
from crisishouse.widgets.house_footer import HouseFooter

PAST_DAYS = 28
AHEAD_DAYS = 28


class MyShiftsScreen(HouseScreen):
    """One's own shifts, days and checks. Nobody else sees the checks."""

    HELP = "Your shifts, your mental health days and your own wellbeing checks (private to you)."
    BINDINGS = [
        Binding(
            "d", "day_off", "Mental health day", tooltip="Take a mental health day (no reason needed)", id="me-day"
        ),
        Binding("c", "self_check", "Self-check", tooltip="Your own wellbeing check (private to you)", id="me-check"),
        Binding(
            "x",
            "hard_event",
            "Hard event",
            tooltip="Note a hard event on this shift (everyone on it is offered a debrief)",
            id="me-event",
        ),
        Binding("escape", "back", "Board", id="back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(Text(f"{self.session.name}: your shifts and days", style="bold"), id="me-heading")
        yield DataTable(id="me-shifts", cursor_type="row", zebra_stripes=True)
        yield Static("", id="me-days")
        yield Sparkline([], id="me-trend")
        yield Static("", id="me-numbers")
        yield HouseFooter()

    def on_mount(self) -> None:
        self.query_one("#me-shifts", DataTable).add_columns("Day", "Shift", "Times", "Hours", "")
        self.action_refresh()

    def action_refresh(self) -> None:
        """Read this person's shifts, days and checks again, and show them."""
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
        except HouseError as problem:
            self.show_problem(problem)
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

    def action_day_off(self) -> None:
        self.push_form(
            MentalHealthDayForm(self.house, self.session),
            lambda _day: self.notify("Your mental health day is recorded. Look after yourself."),
        )

    def action_self_check(self) -> None:
        self.push_form(SelfCheckForm(self.house, self.session))

    def action_hard_event(self) -> None:
        self.push_form(
            HardEventForm(self.house, self.session),
            lambda _event: self.notify("Noted. Everyone on this shift is owed a debrief."),
        )
