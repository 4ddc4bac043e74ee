"""The house board: each room, who is in it, day n of m, and what is due."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pendulum
from rich.console import Console
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.widgets import DataTable, Header, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen, LockNow
from crisishouse.services import House, NotAllowed, Session
from crisishouse.services.board import BoardView, RoomLine
from crisishouse.services.check_ins import NONE_DUE, CheckInTiming
from crisishouse.text import clean_line, plural
from crisishouse.widgets.formatting import house_time, rhythm_line
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.literal import literal

REFRESH_SECONDS = 30
STATEMENT_LINES = 2
COLUMNS = ("Room", "Guest", "Stay", "Last check-in", "Next")
GIVE_WAY = (3, 1, 2)
"""Columns that wrap onto a second line when the board is narrow: the last check-in, then the
guest's name, then the stay's words. The room and the next check-in time are never cut."""
NARROWEST = 12
CELL_PADDING = 2
SCROLLBAR = 2
OTHER_LINES = 6
"""The fewest lines the board takes besides its rooms: the header, the time, the rhythm and the
space under it, what is due, and the footer."""


def fit_widths(natural: list[int], room: int) -> list[int]:
    """Column widths that fit in `room`, taking from the `GIVE_WAY` columns in turn.

    A column gives way down to `NARROWEST`, never below its heading (a heading is one line).
    """
    widths = list(natural)
    over = sum(widths) - room
    for column in GIVE_WAY:
        if over <= 0:
            break
        least = max(NARROWEST, len(COLUMNS[column]))
        taken = min(over, max(0, widths[column] - least))
        widths[column] -= taken
        over -= taken
    return widths


def _statement_lines(statement: str, width: int) -> Text:
    """A statement folded to the column's width, at most a couple of lines (ending "…" if longer)."""
    words = Text("their statement: ", style="italic")
    words.append_text(literal(" ".join(statement.split())))
    lines = words.wrap(Console(width=width, legacy_windows=False), width, overflow="fold")
    shown = Text("\n").join(lines[:STATEMENT_LINES])
    if len(lines) > STATEMENT_LINES:
        shown.append("…")
    return shown


def _next_words(timing: CheckInTiming, tz: str, now: pendulum.DateTime) -> str:
    """The next check-in column: "due since 14:00", "20:00", or "none due" when the house has no check-in times."""
    if timing.next_due is None:
        return NONE_DUE
    return ("due since " if timing.overdue else "") + house_time(timing.next_due, tz, now)


class RoomsTable(DataTable[object]):
    """The board's rooms: when its size changes (first laid out, the keys panel opens or closes), the columns fit again."""

    def on_resize(self) -> None:
        screen = self.screen
        if isinstance(screen, BoardScreen):
            screen.fit_rooms()


class BoardScreen(HouseScreen):
    """Who is staying, and what the shift needs to know now."""

    HELP = "The house board. Rooms, who is staying, check-ins and the day's rhythm."
    BINDINGS = [
        # Not in the footer: the rooms table, which has the focus, takes Enter as "row chosen" (F1 lists it).
        Binding(
            "enter", "open_guest", "Open", show=False, tooltip="Open the highlighted guest's record", id="open-guest"
        ),
        Binding("c", "check_in", "Check in", tooltip="Check-in with the highlighted guest", id="check-in"),
        Binding("a", "arrive", "Arrival", tooltip="A guest arrives: welcome them into a free room", id="arrive"),
        Binding("h", "handover", "Handover", tooltip="Write the handover with each guest, and print it", id="handover"),
        Binding("y", "rhythm", "Rhythm", tooltip="The house's day: its rhythm and one-off changes", id="rhythm"),
        Binding("r", "refresh", "Refresh", show=False, tooltip="Read the board again", id="refresh"),
        Binding("w", "load", "Load", tooltip="Staff load: shifts, hours, days off, debriefs owed", id="load"),
        Binding("o", "roster", "Roster", show=False, tooltip="The roster: the next 14 days, and the gaps", id="roster"),
        Binding(
            "f",
            "report",
            "Funder's counts",
            show=False,
            tooltip="The funder's monthly counts (house manager)",
            id="report",
        ),
        Binding(
            "x",
            "erase",
            "Erase a record",
            show=False,
            tooltip="Hand over and erase a departed guest's record",
            id="erase",
        ),
        Binding(
            "m", "me", "My shifts and days", show=False, tooltip="My shifts, mental health days and wellbeing", id="me"
        ),
        Binding(
            "b",
            "restore_damaged",
            "Restore",
            tooltip="Put the newest good backup copy in place of a damaged data file",
            id="restore-damaged",
        ),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__(house, session)
        self.view: BoardView | None = None
        self._damaged: list[Path] = []
        """Damaged data files known at the last refresh (bindings ask often: read once a refresh)."""
        self._told: set[str] = set()
        """Notices already shown: the board refreshes every half minute and says each once."""
        self._fresh = False
        """Read on mount and not yet shown since: the first resume need not read it again."""
        self._filled_for: tuple[BoardView, list[int]] | None = None
        """The view and column widths the rooms table was last filled with."""

    def compose(self) -> ComposeResult:
        # Read before the widgets are built, so the footer's first keys already follow the view.
        self._read()
        yield Header(show_clock=False)
        yield Static("", id="house-now")
        yield Static("", id="rhythm")
        yield RoomsTable(id="rooms", cursor_type="row", zebra_stripes=True)
        yield Static("", id="comings")
        yield Static("", id="talk")
        yield Static("", id="due")
        yield Static("", id="records-to-erase")
        yield Static("", id="settings-problem")
        yield HouseFooter()

    def on_mount(self) -> None:
        if self.view is not None:
            self._show_view(self.view)
        self._fresh = True
        self.set_interval(REFRESH_SECONDS, self.action_refresh)

    def on_screen_resume(self) -> None:
        # The first resume follows the mount straight away: the board was read just now.
        if self._fresh:
            self._fresh = False
            return
        self.action_refresh()

    def more_palette_commands(self) -> Iterable[SystemCommand]:
        if self.session.is_manager and self.view is not None and self.view.past_retention:
            yield SystemCommand(
                "Erase records past the house's retention",
                f"{plural(self.view.past_retention, 'departed guest')} kept longer than house.keep_departed_records_years",
                self.action_erase_past_retention,
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("load", "roster", "report") and not self.session.is_manager:
            return False
        if action == "erase":
            return bool(self.view and self.view.to_erase) or None
        if action == "restore_damaged":
            return bool(self._damaged)
        return True

    def action_refresh(self) -> None:
        """Read the board from the house's services and show it (and pick up a changed house.toml)."""
        view = self._read()
        if view is not None:
            self._show_view(view)

    def _read(self) -> BoardView | None:
        """Read the board (and a changed house.toml); None if the house refused."""
        if self.house.reread_settings():
            self.app.title = clean_line(self.house.settings.house_name)
            self.notify("house.toml has changed: the house now works from the new settings.", timeout=15)
        try:
            view = self.house.board.view(self.session)
        except NotAllowed:
            # The house's records no longer know this session (made inactive, say): lock, never show on.
            self.post_message(LockNow())
            return None
        except HouseError as problem:
            self.show_problem(problem, title="The house's data", timeout=30)
            return None
        self.view = view
        self._damaged = self._damaged_paths()
        return view

    def _show_view(self, view: BoardView) -> None:
        """Show the view read, and say once what needs saying about the house's data."""
        self.show(view)
        for line in view.rooms:
            if line.damaged:
                self._tell_once(f"{line.damaged} Press b to restore it from the newest good backup.", "error")
        if self.house.backup_problem:
            self._tell_once(self.house.backup_problem, "warning", title="Backups")
        if self.house.erasures.problem:
            self._tell_once(self.house.erasures.problem, "warning", title="Erasure")
        # Said on the board for as long as it lasts, not once: the house is not working from the file as it is.
        settings = self.query_one("#settings-problem", Static)
        settings.update(literal(self.house.settings_problem or "", style="bold"))
        settings.display = bool(self.house.settings_problem)

    def _tell_once(self, message: str, severity: SeverityLevel, title: str = "The house's data") -> None:
        if message not in self._told:
            self._told.add(message)
            self.notify(message, title=title, severity=severity, markup=False, timeout=30)

    def _damaged_paths(self) -> list[Path]:
        """Damaged data files known now: rows that cannot be read, and what today's backup found."""
        paths = [line.damaged_path for line in (self.view.rooms if self.view else ()) if line.damaged_path]
        return list(dict.fromkeys([*paths, *self.house.damaged_files(self.session)]))

    def action_restore_damaged(self) -> None:
        """Restore each damaged data file from its newest good backup, then read the board again."""
        self.app.clear_notifications()  # the notices about the damage are answered now
        for path in self._damaged:
            try:
                message = self.house.restore_damaged(self.session, path)
            except (HouseError, OSError) as problem:
                # The restore copies files: a disk that refuses is said as the system says it.
                self.notify(str(problem), title="Restore", severity="error", markup=False, timeout=30)
                continue
            self.notify(message, title="Restored", markup=False, timeout=15)
        self._told.clear()
        self.action_refresh()

    def _highlighted(self) -> RoomLine | None:
        if self.view is None:
            return None
        row = self.query_one("#rooms", DataTable).cursor_row
        if row is None or not 0 <= row < len(self.view.rooms):
            return None
        return self.view.rooms[row]

    def show(self, view: BoardView) -> None:
        tz = self.house.settings.time_zone
        now = view.at
        staying = len(view.staying)
        free = len(view.rooms) - staying
        self.query_one("#house-now", Static).update(
            Text(
                f"{now.in_timezone(tz).format('dddd D MMMM, HH:mm')}   "
                f"{staying} staying, {free} {'room' if free == 1 else 'rooms'} free"
            )
        )
        self.query_one("#rhythm", Static).update(rhythm_line(view.rhythm_now, view.rhythm_next, tz, now))
        self._filled_for = None
        self.fit_rooms()
        self.query_one("#comings", Static).update(self._comings(view))
        self.query_one("#due", Static).update(self._due(view))
        # Lines that are often empty take no room on the board when they are.
        for selector, text in (("#talk", self._talk(view)), ("#records-to-erase", self._to_erase(view))):
            shown = self.query_one(selector, Static)
            shown.update(text)
            shown.display = bool(text)
        self.refresh_bindings()

    def fit_rooms(self) -> None:
        """Fill the rooms table from the view, in columns that fit its size.

        Before the table is first laid out, its size is taken to be the most it can
        have (the screen's width, its height less the board's fewest other lines): so
        the board fills its rooms as it mounts and its first layout is its only one,
        as a bare screen's is. The table's first real size calls this again; it fills
        again only when the view or the widths have changed, since filling a table
        lays the screen out again, and the board is the first screen after every sign-in.
        """
        table = self.query_one("#rooms", DataTable)
        view = self.view
        size = table.size if table.size.width else Size(self.size.width, max(0, self.size.height - OTHER_LINES))
        if view is None or not size.width:
            return
        tz = self.house.settings.time_zone
        rows = [self._cells(line, tz, view.at) for line in view.rooms]
        natural = [
            max([len(title), *(cell.cell_len for cells in rows for cell in cells[column].split())])
            for column, title in enumerate(COLUMNS)
        ]
        if any(line.last_statement for line in view.rooms):
            natural[3] = max(natural[3], 20)
        widths = self._widths(size, rows, natural)
        if self._filled_for is not None and self._filled_for[0] is view and self._filled_for[1] == widths:
            return
        self._filled_for = (view, widths)
        row = table.cursor_row
        table.clear(columns=True)
        for title, column_width in zip(COLUMNS, widths, strict=True):
            table.add_column(title, width=column_width, key=title)
        for line, cells in zip(view.rooms, rows, strict=True):
            if line.stay is None or line.guest is None:
                table.add_row(*cells)
                continue
            if line.last_statement:
                # The guest's statement goes where the check-in goes: its first words here, all of it in their record.
                cells[3].append("\n")
                cells[3].append_text(_statement_lines(line.last_statement, width=widths[3]))
            table.add_row(*cells, key=line.stay.id, height=None)
        if row is not None and table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _widths(self, size: Size, rows: list[list[Text]], natural: list[int]) -> list[int]:
        """Widths that fit a table of `size`, leaving room for a scrollbar only when the rows will need one."""
        width = size.width - CELL_PADDING * len(COLUMNS)
        widths = fit_widths(natural, width)
        lines = sum(
            max(len(cell.wrap(self.app.console, max(1, w))) for cell, w in zip(cells, widths, strict=True))
            for cells in rows
        )
        if not size.height or lines + 1 > size.height:
            widths = fit_widths(natural, width - SCROLLBAR)
        return widths

    def _cells(self, line: RoomLine, tz: str, now: pendulum.DateTime) -> list[Text]:
        """One room's row: room, guest, stay, last check-in and next (a statement is added once widths are known)."""
        if line.stay is None or line.guest is None:
            return [literal(line.room), Text("free", style="italic"), Text(""), Text(""), Text("")]
        name = literal(line.guest.chosen_name)
        if line.guest.pronouns:
            name.append(" (")
            name.append_text(literal(line.guest.pronouns))
            name.append(")")
        stay_words = Text(line.stay_words)
        if line.out_tonight:
            stay_words.append(", out tonight")
        timing = line.timing
        last = Text("")
        nxt = Text("")
        if timing is not None:
            if timing.last is not None:
                last = Text(f"{house_time(timing.last.at, tz, now)} {timing.last.outcome_words}")
            nxt = Text(_next_words(timing, tz, now))
        if line.damaged:
            # Named here and in a notice; the other rooms still show.
            last = Text("this guest's file cannot be read", style="bold")
            nxt = Text("")
        return [literal(line.room), name, stay_words, last, nxt]

    def _names(self, label: str, lines: tuple[RoomLine, ...]) -> Text:
        text = Text(label, style="bold")
        for i, line in enumerate(lines):
            text.append(", " if i else "")
            text.append_text(literal(line.guest.chosen_name if line.guest else ""))
            text.append(" (")
            text.append_text(literal(line.room))
            text.append(")")
        return text

    def _comings(self, view: BoardView) -> Text:
        parts = []
        if view.arrived_today:
            parts.append(self._names("Arrived today: ", view.arrived_today))
        if view.leaving_today:
            parts.append(self._names("Leaving today: ", view.leaving_today))
        return Text("   ").join(parts) if parts else Text("")

    def _talk(self, view: BoardView) -> Text:
        if not view.talk_wanted:
            return Text("")
        tz = self.house.settings.time_zone
        text = Text("Would like to talk: ", style="bold")
        for i, wanted in enumerate(view.talk_wanted):
            text.append(", " if i else "")
            text.append_text(literal(wanted.guest_name))
            text.append(" (")
            text.append_text(literal(wanted.room))
            text.append(f") about {wanted.about}, since {house_time(wanted.request.asked_at, tz, view.at)}")
        return text

    def _to_erase(self, view: BoardView) -> Text:
        text = Text("")
        if view.to_erase:
            text.append("To hand over and erase (x): ", style="bold")
            for i, departed in enumerate(view.to_erase):
                text.append(", " if i else "")
                text.append_text(literal(departed.name))
                text.append(f" (left {departed.left_on.format('D MMM')})")
        if view.past_retention:
            text.append("   " if text else "")
            records = plural(view.past_retention, "departed guest's record", "departed guests' records")
            verb = "is" if view.past_retention == 1 else "are"
            text.append(f"{records} {verb} past the house's retention (command palette).")
        return text

    def _due(self, view: BoardView) -> Text:
        tz = self.house.settings.time_zone
        due = view.check_ins_due
        if not due:
            return Text("No check-ins due right now.")
        text = Text("Check-ins due: ", style="bold")
        for i, line in enumerate(due):
            text.append(", " if i else "")
            text.append_text(literal(line.guest.chosen_name if line.guest else line.room))
            since = line.timing.next_due if line.timing is not None else None
            if since is not None:
                text.append(f" (since {house_time(since, tz, view.at)})")
        return text

    # -- actions --------------------------------------------------------------

    def action_open_guest(self) -> None:
        line = self._highlighted()
        if line is None or line.guest is None:
            self.notify("That room is free.")
            return
        from crisishouse.screens.guest import GuestScreen

        self.app.push_screen(GuestScreen(self.house, self.session, line.guest.id))

    @on(DataTable.RowSelected, "#rooms")
    def _row_chosen(self) -> None:
        self.action_open_guest()

    def action_check_in(self) -> None:
        line = self._highlighted()
        if line is None or line.stay is None or line.guest is None:
            self.notify("That room is free.")
            return
        from crisishouse.screens.check_in_form import CheckInForm

        self.push_form(CheckInForm(self.house, self.session, line.stay, line.guest.chosen_name))

    def action_arrive(self) -> None:
        from crisishouse.screens.stay_forms import ArriveForm

        self.push_form(ArriveForm(self.house, self.session))

    def action_handover(self) -> None:
        from crisishouse.screens.handover import HandoverScreen

        self.app.push_screen(HandoverScreen(self.house, self.session))

    def action_rhythm(self) -> None:
        from crisishouse.screens.rhythm import RhythmScreen

        self.app.push_screen(RhythmScreen(self.house, self.session))

    def action_load(self) -> None:
        if not self.session.is_manager:
            return
        from crisishouse.screens.load import LoadScreen

        self.app.push_screen(LoadScreen(self.house, self.session))

    def action_me(self) -> None:
        from crisishouse.screens.me import MyShiftsScreen

        self.app.push_screen(MyShiftsScreen(self.house, self.session))

    def action_report(self) -> None:
        if not self.session.is_manager:
            return
        from crisishouse.screens.report import ReportScreen

        self.app.push_screen(ReportScreen(self.house, self.session))

    def action_erase(self) -> None:
        if self.view is None or not self.view.to_erase:
            self.notify("No departed guest is waiting for their record to be erased.")
            return
        from crisishouse.screens.erasure import EraseRecordScreen

        self.app.push_screen(EraseRecordScreen(self.house, self.session, self.view.to_erase[0]))

    def action_erase_past_retention(self) -> None:
        from crisishouse.screens.erasure import RetentionScreen

        self.app.push_screen(RetentionScreen(self.house, self.session))

    def action_roster(self) -> None:
        if not self.session.is_manager:
            return
        from crisishouse.screens.roster import RosterScreen

        self.app.push_screen(RosterScreen(self.house, self.session))
