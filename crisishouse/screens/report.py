"""The funder's counts for a month, for the house manager: numbers only, no one named."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen
from crisishouse.services import House, Session
from crisishouse.services.report import MonthReport, Reports, add_months
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.literal import literal

NO_NAMES = "Counts only: no names, initials or anything else that could identify a guest."


class ReportScreen(HouseScreen):
    """A month's stays, bed nights, occupancy, check-ins and staff days, to save as CSV."""

    HELP = (
        "The funder's counts (house manager only): stays, bed nights, occupancy, length of stay, "
        "check-ins, mental health days and debriefs for one month. No one is named. "
        "[ and ] change the month; s saves a CSV file for the funder's spreadsheet."
    )
    BINDINGS = [
        Binding(
            "left_square_bracket",
            "earlier",
            "Earlier month",
            tooltip="The funder's counts for the month before",
            id="report-earlier",
        ),
        Binding(
            "right_square_bracket",
            "later",
            "Later month",
            tooltip="The funder's counts for the month after",
            id="report-later",
        ),
        Binding(
            "s",
            "save",
            "Save CSV",
            tooltip="Save this month's counts as CSV, for the funder's spreadsheet",
            id="report-save",
        ),
        Binding("escape", "back", "Board", id="back"),
    ]

    def __init__(self, house: House, session: Session, month: str | None = None) -> None:
        super().__init__(house, session)
        self.reports: Reports = house.reports
        self.shown_month = month or add_months(self.reports.this_month(), -1)
        self.report: MonthReport | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="report-heading")
        yield Static(Text(NO_NAMES), id="report-note")
        yield DataTable(id="report-table", cursor_type="row", zebra_stripes=True, show_header=False)
        yield Static("", id="report-saved")
        yield HouseFooter()

    def on_mount(self) -> None:
        self.query_one("#report-table", DataTable).add_columns("What", "Count")
        self.action_refresh()

    def action_refresh(self) -> None:
        try:
            report = self.reports.month(self.session, self.shown_month)
        except HouseError as problem:
            self.show_problem(problem)
            self.query_one("#report-saved", Static).update(literal(str(problem)))
            return
        self.report = report
        self.query_one("#report-heading", Static).update(literal(report.title, style="bold"))
        table = self.query_one("#report-table", DataTable)
        table.clear()
        for label, value in report.rows():
            table.add_row(Text(label), Text(value, style="bold"), key=label)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "later" and self.shown_month >= self.reports.this_month():
            return None  # shown dimmed: there is no later month to count yet
        return True

    def action_earlier(self) -> None:
        self.shown_month = add_months(self.shown_month, -1)
        self.query_one("#report-saved", Static).update("")
        self.action_refresh()

    def action_later(self) -> None:
        if self.shown_month >= self.reports.this_month():
            return
        self.shown_month = add_months(self.shown_month, 1)
        self.query_one("#report-saved", Static).update("")
        self.action_refresh()

    def action_save(self) -> None:
        try:
            path = self.reports.save_for_funder(self.session, self.shown_month, self.house.data_dir)
        except HouseError as problem:
            self.show_problem(problem)
            self.query_one("#report-saved", Static).update(literal(str(problem)))
            return
        self.notify(f"Saved the counts to {path}", markup=False)
        self.query_one("#report-saved", Static).update(literal(f"Saved to {path}"))
