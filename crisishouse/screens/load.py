"""The manager's view of staff load: counts and flags about sustainable work, never anyone's ratings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen
from crisishouse.services import House, Session
from crisishouse.services.load import LoadRow
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.house_table import HouseTable
from crisishouse.widgets.literal import literal


def _hours(value: float) -> str:
    return f"{value:.1f}"


class LoadScreen(HouseScreen):
    """A row per staff member: shifts, hours, nights, days in a row, days off, debriefs owed."""

    HELP = "Staff load (house manager only): sustainable work, not judgement. No one's ratings are shown."
    BINDINGS = [
        Binding("r", "refresh", "Refresh", tooltip="Read the staff load again", id="load-refresh"),
        Binding(
            "b",
            "debriefs",
            "Debriefs",
            tooltip="Debriefs owed after hard events: offered, had or declined",
            id="debriefs",
        ),
        Binding("escape", "back", "Board", id="back"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__(house, session)
        self.rows: list[LoadRow] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(Text("Staff load: sustainable work, not judgement", style="bold"), id="load-heading")
        # Two-line headings keep every column in view at 80 columns.
        yield HouseTable(
            "Name",
            "Shifts\n7d",
            "\n28d",
            "Hours\n7d",
            "Nights\n28d",
            "In a\nrow",
            "Since\nday off",
            "MH\nused",
            "MH\nleft",
            "Debrief\nowed",
            "\nChat",
            id="load-table",
            wrap=False,
            zebra_stripes=True,
            header_height=2,
        )
        yield Static("", id="load-flags")
        yield Static("", id="load-chats")
        yield HouseFooter()

    def on_mount(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        try:
            rows = self.house.load.load(self.session)
            chats = self.house.staff_wellbeing.chat_requests(self.session)
        except HouseError as problem:
            self.show_problem(problem)
            self.query_one("#load-flags", Static).update(literal(str(problem)))
            return
        self.rows = rows
        self.query_one("#load-table", HouseTable).fill(
            (
                row.staff_id,
                (
                    literal(row.name),
                    str(row.shifts_7_days),
                    str(row.shifts_28_days),
                    _hours(row.hours_7_days),
                    str(row.nights_28_days),
                    str(row.longest_run_28_days),
                    str(row.days_since_day_off),
                    str(row.mental_health_days_used),
                    str(row.mental_health_days_left),
                    str(row.debriefs_owed) if row.debriefs_owed else "",
                    "chat" if row.wants_chat else "",
                ),
            )
            for row in rows
        )
        self._show_flags()
        tz = self.house.settings.time_zone
        if chats:
            words = Text("Would like a chat: ", style="bold")
            for i, chat in enumerate(chats):
                words.append(", " if i else "")
                words.append_text(literal(chat.name))
                words.append(f" (asked {chat.asked_at.in_timezone(tz).format('ddd D MMM')})")
        else:
            words = Text("No one has asked for a chat.")
        self.query_one("#load-chats", Static).update(words)

    def _highlighted(self) -> LoadRow | None:
        key = self.query_one("#load-table", HouseTable).highlighted_key()
        return next((row for row in self.rows if row.staff_id == key), None)

    def _show_flags(self) -> None:
        row = self._highlighted()
        shown = self.query_one("#load-flags", Static)
        if row is None:
            shown.update("")
            return
        text = literal(row.name, style="bold")
        if not row.flags:
            text.append(": within the house's guides.")
        else:
            text.append(": ")
            text.append("; ".join(row.flags) + ".")
        shown.update(text)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_flags()

    def action_debriefs(self) -> None:
        from crisishouse.screens.debriefs import DebriefsScreen

        # Debriefs marked there change the counts here, whatever the screen returns.
        self.app.push_screen(DebriefsScreen(self.house, self.session), lambda _result: self.action_refresh())
