"""A guest's record: their stay, check-ins, ratings with trends, intentions, handover lines.

Staff open it from the board (and the opening is logged for the guest to
see); a guest signed in with their own PIN has it as their home screen.
Each tab is a widget of its own (`crisishouse.widgets`); this screen reads
the record and acts on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pendulum
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Header

from crisishouse.errors import HouseError
from crisishouse.housetime import house_today
from crisishouse.models import CheckIn, Stay
from crisishouse.screens.check_in_form import CheckInForm
from crisishouse.screens.copy_form import SaveCopyForm
from crisishouse.screens.guest_entries import GuestEntries
from crisishouse.screens.intention_forms import ChangeIntentionForm, IntentionForm
from crisishouse.screens.keys import ANYWHERE
from crisishouse.screens.rating_form import RatingForm
from crisishouse.screens.stay_forms import LeaveForm, LeavingDateForm, MoveRoomForm
from crisishouse.services.erasure import Departed
from crisishouse.services.guest_record import GuestRecord
from crisishouse.services.undo import still_undoable
from crisishouse.store import StoreError
from crisishouse.widgets.check_ins_table import CheckInsTable
from crisishouse.widgets.entry_table import EntryTable
from crisishouse.widgets.guest_summary import GuestSummary
from crisishouse.widgets.handover_lines_table import HandoverLinesTable
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.intentions_table import IntentionsTable
from crisishouse.widgets.notes_table import NotesTable
from crisishouse.widgets.record_tabs import RecordTabs
from crisishouse.widgets.wellbeing_tab import WellbeingTab
from crisishouse.widgets.who_opened import WhoOpened

# Actions only staff have, and those that need a stay still going.
_STAFF_ONLY = {"check_in", "leaving_date", "move", "out_tonight", "leave", "back", "talked", "undo_talked"}
# Agreeing, notes, statements and asking to talk are the guest's own acts;
# staff mark lines read back on the handover screen.
_GUEST_ONLY = {"agree", "note", "statement", "talk", "edit_note", "note_for_staff", "note_just_me", "handover_line"}
# Keys about the highlighted note, shown on the notes tab; there they take
# the place of keys about a highlighted intention or line, which a note is not.
_NOTE_KEYS = {"edit_note", "note_for_staff", "note_just_me"}
_NOT_FOR_NOTES = {"change_intention", "agree", "statement"}
# Keys about one tab's entries, shown on that tab only, so every key fits a footer at 80 columns
# (F1 lists them all, whichever tab is showing).
_ON_TAB = {"change_intention": "tab-intentions", "agree": "tab-handover"}
"""Keys about one tab's highlighted entry: on that tab only."""
_SHOWN_ON_TAB = {"intention": "tab-intentions"}
"""Keys shown in the footer on one tab; their hidden twins work on the others."""
_TWINS = (
    ("i", "intention", "Intention"),
    ("w", "rate", "Rate"),
    ("c", "check_in", "Check in"),
    ("h", "handover_line", "Next shift"),
)
# Where a tab's own keys need the room, keys about other tabs step aside (F1 still lists them).
_NOT_ON_TAB = {
    "rate": {"tab-intentions", "tab-handover", "tab-notes"},
    "check_in": {"tab-intentions"},
    "handover_line": {"tab-intentions", "tab-notes"},
}
_NEEDS_STAY = {
    "check_in",
    "rate",
    "intention",
    "change_intention",
    "leaving_date",
    "move",
    "out_tonight",
    "leave",
    "handover_line",
}


_TABS = {
    "tab-check-ins": "Check-ins",
    "tab-wellbeing": "Wellbeing",
    "tab-intentions": "Intentions",
    "tab-handover": "Handover lines",
    "tab-notes": "Notes",
    "tab-access": "Who opened it",
}
_FIRST_TAB = "tab-check-ins"

_CONTENT: dict[str, Callable[[], Widget]] = {
    "tab-check-ins": lambda: CheckInsTable(id="guest-check-ins"),
    "tab-wellbeing": WellbeingTab,
    "tab-intentions": lambda: IntentionsTable(id="guest-intentions"),
    "tab-handover": lambda: HandoverLinesTable(id="guest-handover"),
    "tab-notes": lambda: NotesTable(id="guest-notes"),
    "tab-access": WhoOpened,
}
"""What each tab shows. Only the first is built with the screen; each other tab's is built
the first time it is shown (`RecordTabs`: most openings look at one or two tabs, and every widget
costs styling)."""


def _show(content: Widget, record: GuestRecord, tz: str, now: pendulum.DateTime) -> None:
    """Show a tab's part of the record in its widget."""
    if isinstance(content, WhoOpened):
        content.show(record)
    elif isinstance(content, (CheckInsTable, WellbeingTab, IntentionsTable, HandoverLinesTable, NotesTable)):
        content.show(record, tz, now)


class GuestScreen(GuestEntries):
    """One guest's record."""

    HELP = "A guest's own record. Everything here is visible to the guest. Keys 1 to 6 show each tab."
    BINDINGS = [
        Binding("c", "check_in", "Check in", tooltip="Record a check-in with this guest", id="check-in"),
        Binding("w", "rate", "Rate", tooltip="Rate wellbeing: tinana, hinengaro, whānau, wairua", id="rate"),
        Binding("i", "intention", "Intention", tooltip="A new intention", id="intention"),
        Binding("s", "change_intention", "Change", tooltip="Change the highlighted intention", id="change-intention"),
        Binding(
            "e",
            "leaving_date",
            "Leaving date",
            show=False,
            tooltip="Change the planned leaving date",
            id="leaving-date",
        ),
        Binding("m", "move", "Move room", show=False, tooltip="Move to another room", id="move"),
        Binding("o", "out_tonight", "Out tonight", show=False, tooltip="Out overnight tonight", id="out-tonight"),
        Binding("l", "leave", "Leaves", show=False, tooltip="The guest leaves", id="leave"),
        Binding("a", "agree", "Agree", tooltip="Agree to the highlighted handover line", id="agree"),
        Binding(
            "h", "handover_line", "Next shift", tooltip="A line for the next shift, in your own words", id="own-line"
        ),
        Binding("n", "note", "Note", tooltip="Write a note of your own", id="note"),
        # "e" is also staff's leaving date: each is only ever on for one of guest and staff.
        Binding("e", "edit_note", "Edit", tooltip="Change the words of the highlighted note", id="edit-note"),
        Binding("f", "note_for_staff", "Staff too", tooltip="Let staff read the highlighted note", id="note-for-staff"),
        Binding(
            "j", "note_just_me", "Just me", tooltip="Make the highlighted note yours alone again", id="note-just-me"
        ),
        Binding("t", "talk", "Talk", tooltip="I'd like to talk about the highlighted entry", id="talk"),
        Binding(
            "d",
            "statement",
            "My say",
            tooltip="Your statement on the highlighted entry, if you disagree",
            id="statement",
        ),
        Binding("k", "talked", "Talked", tooltip="We talked about the highlighted entry", id="talked"),
        Binding("u", "undo_talked", "Undo", tooltip="Take back the talk just marked as had", id="undo-talked"),
        Binding("p", "print_own", "Print", tooltip="Print (and save) the whole record", id="print-own"),
        Binding("x", "save_own", "Save", tooltip="Save the whole record as a text file", id="save-own"),
        Binding("r", "refresh", "Refresh", show=False, id="refresh"),
        Binding("escape", "back", "Board", id="back"),
        *(Binding(str(n), f"tab('{tab}')", title, show=False) for n, (tab, title) in enumerate(_TABS.items(), 1)),
        # Hidden twins: these keys work on every tab, though the footer shows them only where they fit.
        *(Binding(key, f"{action}{ANYWHERE}", words, show=False) for key, action, words in _TWINS),
    ]

    def compose(self) -> ComposeResult:
        # Read before the widgets are built, so the footer's first keys already follow the record.
        self._read()
        yield Header(show_clock=False)
        yield GuestSummary("", id="guest-summary")
        yield RecordTabs(_TABS, _CONTENT, initial=_FIRST_TAB, id="guest-tabs")
        yield HouseFooter()

    def on_mount(self) -> None:
        if self.record is not None:
            self._show_record(self.record)

    # The hidden twins of keys the footer shows on some tabs only (see _TWINS).
    def action_intention_anywhere(self) -> None:
        self.action_intention()

    def action_rate_anywhere(self) -> None:
        self.action_rate()

    def action_check_in_anywhere(self) -> None:
        self.action_check_in()

    def action_handover_line_anywhere(self) -> None:
        self.action_handover_line()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.endswith(ANYWHERE):
            # The twin works wherever its shown binding would, but is hidden only by the tab rules.
            base = action.removesuffix(ANYWHERE)
            return self._allowed(base, tab_rules=False) and not self._allowed(base, tab_rules=True)
        return self._allowed(action, tab_rules=True)

    def _allowed(self, action: str, *, tab_rules: bool) -> bool | None:
        if action in _STAFF_ONLY and not self.session.is_staff:
            return False
        if action == "undo_talked":
            return self.talked is not None and still_undoable(self.talked.at, self.house.clock.now())
        if action in _GUEST_ONLY and self.session.is_staff:
            return False
        showing = self._tabs.active if self.is_mounted else ""
        if action in _ON_TAB and showing != _ON_TAB[action]:
            return False
        if tab_rules and action in _SHOWN_ON_TAB and showing != _SHOWN_ON_TAB[action]:
            return False
        on_notes = showing == "tab-notes"
        if tab_rules and showing in _NOT_ON_TAB.get(action, ()):
            return False
        if action in _NOTE_KEYS and not on_notes:
            return False
        if action in _NOT_FOR_NOTES and on_notes and not self.session.is_staff:
            return False
        if action in _NEEDS_STAY and (
            self.record is None or self.record.stay is None or not self.record.stay.is_staying
        ):
            return None
        return True

    # -- showing --------------------------------------------------------------

    def action_refresh(self) -> None:
        """Read the record again from the house's services."""
        record = self._read()
        if record is not None:
            self._show_record(record)

    def _read(self) -> GuestRecord | None:
        try:
            self.record = self.house.records.open(self.session, self.guest_id, "your record")
        except HouseError as problem:
            self.show_problem(problem, timeout=20)
            return None
        return self.record

    def _show_record(self, record: GuestRecord) -> None:
        self.refresh_bindings()
        tz, now = self.house.settings.time_zone, self.house.clock.now()
        self.query_one(GuestSummary).show(record, tz, now, greet=not self.session.is_staff)
        for content in self._tabs.built():
            _show(content, record, tz, now)
        if self._bring_into_view is not None:
            for table in self.query(EntryTable):
                table.highlight(self._bring_into_view)
            # A tab not built yet highlights it when it is (`_build`).
            self._highlight_when_built = self._bring_into_view
            self._bring_into_view = None

    def _built(self, content: Widget) -> None:
        """A tab's content, just built the first time it is shown: the record in it."""
        if self.record is not None:
            _show(content, self.record, self.house.settings.time_zone, self.house.clock.now())
        if self._highlight_when_built is not None and isinstance(content, EntryTable):
            content.highlight(self._highlight_when_built)

    def _stay(self) -> Stay:
        """The stay going on: the actions that need one are off without it (`check_action`)."""
        assert self.record is not None and self.record.stay is not None
        return self.record.stay

    # -- actions --------------------------------------------------------------

    def action_check_in(self) -> None:
        name = self._guest_name

        def saved(check_in: CheckIn) -> None:
            self.notify(f"The check-in with {name} is saved: {check_in.outcome_words}.", markup=False)

        self.push_form(CheckInForm(self.house, self.session, self._stay(), name), saved)

    def action_rate(self) -> None:
        form = RatingForm(self.house, self.session, self.guest_id)
        self.push_form(form, self._done(f"{self._guest_name}'s wellbeing rating is saved.", "Your rating is saved."))

    def action_intention(self) -> None:
        form = IntentionForm(self.house, self.session, self.guest_id)
        self.push_form(form, self._done(f"{self._guest_name}'s intention is saved.", "Your intention is saved."))

    def action_change_intention(self) -> None:
        assert self.record is not None
        if not self.record.intentions:
            self.notify("There are no intentions to change yet.")
            return
        # The highlighted intention, wherever the table has moved; with none highlighted, the newest.
        key = next((table.highlighted() for table in self.query(IntentionsTable)), None)
        by_id = {i.id: i for i in self.record.intentions}
        chosen = by_id.get(key[1]) if key is not None else None
        chosen = chosen or self.record.intentions[-1]
        self._tabs.active = "tab-intentions"
        form = ChangeIntentionForm(self.house, self.session, chosen)
        self.push_form(form, self._done(f"{self._guest_name}'s intention is changed.", "Your intention is changed."))

    def action_leaving_date(self) -> None:
        name = self._guest_name

        def saved(stay: Stay) -> None:
            self.notify(f"{name} now plans to leave {stay.planned_leaving.format('dddd D MMMM')}.", markup=False)

        self.push_form(LeavingDateForm(self.house, self.session, self._stay()), saved)

    def action_move(self) -> None:
        name = self._guest_name

        def saved(stay: Stay) -> None:
            self.notify(f"{name} is now in {stay.room}.", markup=False)

        self.push_form(MoveRoomForm(self.house, self.session, self._stay()), saved)

    def action_out_tonight(self) -> None:
        stay = self._stay()
        try:
            self.house.stays.out_overnight(self.session, stay.id)
        except HouseError as problem:
            self.show_problem(problem)
            return
        self.notify(f"Noted: {self._guest_name} is out overnight tonight.", markup=False)
        self.action_refresh()

    def action_leave(self) -> None:
        assert self.record is not None
        name = self.record.guest.chosen_name

        def done(left: Stay | None) -> None:
            if left is None:
                return
            self.notify(f"{name} has left: the stay is ended.", markup=False)
            if left.record_choice == "erase" and left.left_at:
                from crisishouse.screens.erasure import EraseRecordScreen

                left_on = house_today(left.left_at, self.house.settings.time_zone)
                departed = Departed(self.guest_id, name, left_on)
                self.app.push_screen(EraseRecordScreen(self.house, self.session, departed), lambda _: self.dismiss())
                return
            self.dismiss()

        self.app.push_screen(LeaveForm(self.house, self.session, self._stay()), done)

    @on(RecordTabs.Shown)
    def _tab_shown(self, event: RecordTabs.Shown) -> None:
        if event.new:
            self._built(event.content)
        # The notes tab has keys of its own.
        self.refresh_bindings()

    def action_save_own(self) -> None:
        def saved(path: Path | None) -> None:
            if path is None:
                return
            if self.session.is_staff:
                self.notify(f"Saved to {path}.", markup=False, timeout=15)
            else:
                # A guest is told what happened, not where the terminal keeps things.
                self.notify(f"Your copy is saved in the folder you chose, as {path.name}.", markup=False, timeout=15)

        self.app.push_screen(SaveCopyForm(self.house, self.session, self.guest_id), saved)

    def action_print_own(self) -> None:
        self.notify("Printing the complete record…")
        self._print_own()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def _print_own(self) -> None:
        try:
            outcome = self.house.own_record.print_copy(self.session, self.guest_id)
        except HouseError as problem:
            said = str(problem)
            if isinstance(problem, StoreError) and not self.session.is_staff:
                said = "Your copy could not be saved or printed just now; staff can help."
            self.app.call_from_thread(self._printed, said, "error")
            return
        if self.session.is_staff:
            message = outcome.message
        elif outcome.printed:
            message = "Your copy was sent to the printer."
        else:
            message = "Your copy is saved; staff can print it for you."
        self.app.call_from_thread(self._printed, message, "information")

    def _printed(self, message: str, severity: SeverityLevel) -> None:
        # Only for the person who asked: not once the terminal has locked, or someone else signed in.
        if self.terminal.session is self.session:
            self.notify(message, severity=severity, markup=False, timeout=15)

    @on(EntryTable.RowSelected, "#guest-intentions")
    def _change_selected(self) -> None:
        self.action_change_intention()
