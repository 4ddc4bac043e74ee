"""A guest's record: their stay, check-ins, ratings with trends, intentions, handover lines.

Staff open it from the board (and the opening is logged for the guest to
see); a guest signed in with their own PIN has it as their home screen.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Sparkline, Static, TabbedContent, TabPane

from crisishouse.models import INTENTION_STATUSES
from crisishouse.screens.check_in_form import CheckInForm
from crisishouse.screens.formatting import house_time
from crisishouse.screens.intention_forms import ChangeIntentionForm, IntentionForm
from crisishouse.screens.rating_form import RatingForm
from crisishouse.screens.stay_forms import LeaveForm, LeavingDateForm, MoveRoomForm
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.guest_record import GuestRecord
from crisishouse.store import StoreError
from crisishouse.text import literal

# Actions only staff have, and those that need a stay still going.
_STAFF_ONLY = {"check_in", "leaving_date", "move", "out_tonight", "leave", "back"}
# Agreeing from here is the guest's own act; staff mark lines read back on the handover screen.
_GUEST_ONLY = {"agree"}
_NEEDS_STAY = {"check_in", "rate", "intention", "change_intention", "leaving_date", "move", "out_tonight", "leave"}


_TABS = {
    "tab-check-ins": "Check-ins",
    "tab-wellbeing": "Wellbeing",
    "tab-intentions": "Intentions",
    "tab-handover": "Handover lines",
}


class GuestScreen(Screen[None]):
    """One guest's record."""

    HELP = "A guest's own record. Everything here is visible to the guest. Keys 1 to 4 show each tab."
    BINDINGS = [
        Binding("c", "check_in", "Check in", id="check-in"),
        Binding("w", "rate", "Rate", tooltip="Wellbeing, rated by the guest", id="rate"),
        Binding("i", "intention", "Intention", tooltip="A new intention", id="intention"),
        Binding("s", "change_intention", "Change", tooltip="Change the highlighted intention", id="change-intention"),
        Binding("e", "leaving_date", "Leaving date", show=False, id="leaving-date"),
        Binding("m", "move", "Move room", show=False, id="move"),
        Binding("o", "out_tonight", "Out tonight", show=False, id="out-tonight"),
        Binding("l", "leave", "Leaves", show=False, id="leave"),
        Binding("a", "agree", "Agree", tooltip="Agree to the highlighted handover line", id="agree"),
        Binding("p", "print_own", "Print my copy", show=False, tooltip="Print (and save) every handover line about this guest", id="print-own"),
        Binding("r", "refresh", "Refresh", show=False, id="refresh"),
        Binding("escape", "back", "Board", id="back"),
        *(Binding(str(n), f"tab('{tab}')", title, show=False) for n, (tab, title) in enumerate(_TABS.items(), 1)),
    ]

    def __init__(self, house: House, session: Session, guest_id: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.guest_id = guest_id
        self.record: GuestRecord | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="guest-summary")
        with TabbedContent(id="guest-tabs"):
            with TabPane(_TABS["tab-check-ins"], id="tab-check-ins"):
                yield DataTable(id="guest-check-ins", cursor_type="row")
            with TabPane(_TABS["tab-wellbeing"], id="tab-wellbeing"), VerticalScroll():
                for wall in ("tinana", "hinengaro", "whanau", "wairua"):
                    with Vertical(classes="wall"):
                        yield Label("", id=f"wall-{wall}-label", classes="wall-label")
                        with Horizontal(classes="wall-row"):
                            yield Sparkline([], id=f"wall-{wall}", classes="wall-trend")
                            yield Static("", id=f"wall-{wall}-values", classes="wall-values")
                yield Static("", id="guest-own-words")
            with TabPane(_TABS["tab-intentions"], id="tab-intentions"):
                yield DataTable(id="guest-intentions", cursor_type="row")
            with TabPane(_TABS["tab-handover"], id="tab-handover"):
                yield DataTable(id="guest-handover", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#guest-check-ins", DataTable).add_columns("When", "Check-in", "Note")
        self.query_one("#guest-intentions", DataTable).add_columns("Intention", "Status", "Since")
        self.query_one("#guest-handover", DataTable).add_columns("When", "", "Line")
        self.action_refresh()

    def palette_commands(self) -> Iterable[SystemCommand]:
        commands = [
            ("Record a check-in", "check_in"),
            ("Rate wellbeing", "rate"),
            ("New intention", "intention"),
            ("Change the highlighted intention", "change_intention"),
            ("Change the planned leaving date", "leaving_date"),
            ("Move to another room", "move"),
            ("Out overnight tonight", "out_tonight"),
            ("The guest leaves", "leave"),
            ("Agree to the highlighted handover line", "agree"),
            ("Print a copy of every handover line", "print_own"),
        ]
        for title, action in commands:
            if self.check_action(action, ()):
                yield SystemCommand(title, f"For this guest: {title.lower()}", getattr(self, f"action_{action}"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _STAFF_ONLY and not self.session.is_staff:
            return False
        if action in _GUEST_ONLY and self.session.is_staff:
            return False
        if action in _NEEDS_STAY and (self.record is None or self.record.stay is None or not self.record.stay.is_staying):
            return None
        return True

    # -- showing --------------------------------------------------------------

    def action_refresh(self) -> None:
        """Read the record again from the house's services."""
        try:
            record = self.house.records.open(self.session, self.guest_id, "your record")
        except (StoreError, NotAllowed, ServiceError) as problem:
            self.notify(str(problem), severity="error", markup=False, timeout=20)
            return
        self.record = record
        self.refresh_bindings()
        self._show_summary(record)
        self._show_check_ins(record)
        self._show_wellbeing(record)
        self._show_intentions(record)
        self._show_handover(record)

    def _now(self):  # type: ignore[no-untyped-def]
        return self.house.clock.now()

    def _show_summary(self, record: GuestRecord) -> None:
        tz = self.house.settings.time_zone
        text = Text("Kia ora ", style="bold") if not self.session.is_staff else Text()
        text.append_text(literal(record.guest.chosen_name, style="bold"))
        if record.guest.pronouns:
            text.append(" (")
            text.append_text(literal(record.guest.pronouns))
            text.append(")")
        if record.stay is not None:
            text.append("  ·  ")
            text.append_text(literal(record.stay.room))
            text.append(f"  ·  {record.stay_words}")
            if record.stay.is_staying:
                text.append(f"  ·  planned to leave {record.stay.planned_leaving.format('ddd D MMM')}")
            if record.stay.nights_out and record.stay.nights_out[-1] >= self._now().in_timezone(tz).date():
                text.append("  ·  out overnight tonight")
        if record.longest_note:
            text.append("\n")
            text.append_text(literal(record.longest_note, style="italic"))
        if record.earlier_stays:
            text.append("\nStayed before: ")
            text.append_text(literal("; ".join(record.earlier_stays)))
        if record.guest.support_person:
            text.append("\nSupport person: ")
            text.append_text(literal(record.guest.support_person))
        self.query_one("#guest-summary", Static).update(text)

    def _show_check_ins(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        table = self.query_one("#guest-check-ins", DataTable)
        table.clear()
        for check_in in reversed(record.check_ins):
            table.add_row(house_time(check_in.at, tz, now), check_in.outcome_words, literal(check_in.note))

    def _show_wellbeing(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        for trend in record.trends:
            self.query_one(f"#wall-{trend.wall}-label", Label).update(trend.label)
            self.query_one(f"#wall-{trend.wall}", Sparkline).data = trend.values or [0]
            recent = Text()
            for at, value in trend.points[-5:]:
                if recent:
                    recent.append("  ")
                # No-break spaces keep each date with its number.
                recent.append(f"{at.in_timezone(tz).format('D MMM')}\u00a0".replace(" ", "\u00a0"))
                recent.append(str(value), style="bold")
            self.query_one(f"#wall-{trend.wall}-values", Static).update(recent or Text("No ratings yet."))
        words = Text("In their own words\n", style="bold") if any(r.own_words for r in record.ratings) else Text()
        for rating in reversed(record.ratings[-5:]):
            if rating.own_words:
                words.append(f"{house_time(rating.at, tz, now)}  ")
                words.append_text(literal(rating.own_words))
                words.append("\n")
        self.query_one("#guest-own-words", Static).update(words)

    def _show_intentions(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        table = self.query_one("#guest-intentions", DataTable)
        table.clear()
        for intention in record.intentions:
            words = literal(intention.words)
            if intention.for_day is not None:
                words.append(f" (for {intention.for_day.format('ddd D MMM')})", style="dim")
            table.add_row(words, INTENTION_STATUSES[intention.status], house_time(intention.set_at, tz, now), key=intention.id)

    def _show_handover(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        table = self.query_one("#guest-handover", DataTable)
        table.clear()
        for line in reversed(record.handover_lines):
            table.add_row(
                house_time(line.written_at, tz, now),
                "agreed" if line.agreed else Text("not agreed yet", style="italic"),
                literal(line.text),
                key=line.id,
            )

    # -- actions --------------------------------------------------------------

    def _after(self, result: object) -> None:
        if result is not None:
            self.action_refresh()

    def action_check_in(self) -> None:
        assert self.record is not None and self.record.stay is not None
        self.app.push_screen(CheckInForm(self.house, self.session, self.record.stay, self.record.guest.chosen_name), self._after)

    def action_rate(self) -> None:
        self.app.push_screen(RatingForm(self.house, self.session, self.guest_id), self._after)

    def action_intention(self) -> None:
        self.app.push_screen(IntentionForm(self.house, self.session, self.guest_id), self._after)

    def action_change_intention(self) -> None:
        assert self.record is not None
        table = self.query_one("#guest-intentions", DataTable)
        if not self.record.intentions:
            self.notify("There are no intentions to change yet.")
            return
        if table.row_count and table.cursor_row is not None:
            chosen = self.record.intentions[min(table.cursor_row, len(self.record.intentions) - 1)]
        else:
            chosen = self.record.intentions[-1]
        self.query_one("#guest-tabs", TabbedContent).active = "tab-intentions"
        self.app.push_screen(ChangeIntentionForm(self.house, self.session, chosen), self._after)

    def action_leaving_date(self) -> None:
        assert self.record is not None and self.record.stay is not None
        self.app.push_screen(LeavingDateForm(self.house, self.session, self.record.stay), self._after)

    def action_move(self) -> None:
        assert self.record is not None and self.record.stay is not None
        self.app.push_screen(MoveRoomForm(self.house, self.session, self.record.stay), self._after)

    def action_out_tonight(self) -> None:
        assert self.record is not None and self.record.stay is not None
        try:
            self.house.stays.out_overnight(self.session, self.record.stay.id)
        except (ServiceError, NotAllowed, StoreError) as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        self.notify("Noted: out overnight tonight.")
        self.action_refresh()

    def action_leave(self) -> None:
        assert self.record is not None and self.record.stay is not None

        def done(result: object) -> None:
            if result is not None:
                self.dismiss()

        self.app.push_screen(LeaveForm(self.house, self.session, self.record.stay), done)

    def action_agree(self) -> None:
        assert self.record is not None
        self.action_tab("tab-handover")
        table = self.query_one("#guest-handover", DataTable)
        lines = list(reversed(self.record.handover_lines))
        if not lines or table.cursor_row is None:
            self.notify("There are no handover lines to agree to.")
            return
        line = lines[min(table.cursor_row, len(lines) - 1)]
        try:
            self.house.handover.agree(self.session, line)
        except (ServiceError, NotAllowed, StoreError) as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        self.action_refresh()

    def action_print_own(self) -> None:
        self.notify("Printing your copy…")
        self._print_own()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print_own(self) -> None:
        try:
            outcome = self.house.own_record.print_copy(self.session, self.guest_id)
        except (ServiceError, NotAllowed, StoreError) as problem:
            self.app.call_from_thread(self.notify, str(problem), severity="error", markup=False)
            return
        self.app.call_from_thread(self.notify, outcome.message, markup=False, timeout=15)

    def action_back(self) -> None:
        self.dismiss()

    def action_tab(self, tab: str) -> None:
        self.query_one("#guest-tabs", TabbedContent).active = tab

    @on(DataTable.RowSelected, "#guest-intentions")
    def _change_selected(self) -> None:
        self.action_change_intention()
