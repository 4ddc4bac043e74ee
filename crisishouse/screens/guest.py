"""A guest's record: their stay, check-ins, ratings with trends, intentions, handover lines.

Staff open it from the board (and the opening is logged for the guest to
see); a guest signed in with their own PIN has it as their home screen.
Each tab is a widget of its own (`crisishouse.widgets`); this screen reads
the record and acts on it.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.widgets import Footer, Header, TabbedContent, TabPane

from crisishouse.errors import HouseError
from crisishouse.housetime import house_today
from crisishouse.models import ENTRY_KINDS, GuestNote, Stay
from crisishouse.screens.base import HouseScreen
from crisishouse.screens.check_in_form import CheckInForm
from crisishouse.screens.copy_form import SaveCopyForm
from crisishouse.screens.intention_forms import ChangeIntentionForm, IntentionForm
from crisishouse.screens.rating_form import RatingForm
from crisishouse.screens.stay_forms import LeaveForm, LeavingDateForm, MoveRoomForm
from crisishouse.screens.voice_forms import EditNoteForm, NoteForm, StatementForm, who_reads
from crisishouse.services import House, Session
from crisishouse.services.erasure import Departed
from crisishouse.services.guest_record import GuestRecord
from crisishouse.store import StoreError
from crisishouse.widgets.check_ins_table import CheckInsTable
from crisishouse.widgets.entry_table import Entry, EntryTable
from crisishouse.widgets.guest_summary import GuestSummary
from crisishouse.widgets.handover_lines_table import HandoverLinesTable
from crisishouse.widgets.intentions_table import IntentionsTable
from crisishouse.widgets.notes_table import NotesTable
from crisishouse.widgets.wellbeing_tab import WellbeingTab
from crisishouse.widgets.who_opened import WhoOpened

# Actions only staff have, and those that need a stay still going.
_STAFF_ONLY = {"check_in", "leaving_date", "move", "out_tonight", "leave", "back", "talked"}
# Agreeing, notes, statements and asking to talk are the guest's own acts;
# staff mark lines read back on the handover screen.
_GUEST_ONLY = {"agree", "note", "statement", "talk", "edit_note", "note_for_staff", "note_just_me"}
# Keys about the highlighted note, shown on the notes tab; there they take
# the place of keys about a highlighted intention or line, which a note is not.
_NOTE_KEYS = {"edit_note", "note_for_staff", "note_just_me"}
_NOT_FOR_NOTES = {"change_intention", "agree", "statement"}
_NEEDS_STAY = {"check_in", "rate", "intention", "change_intention", "leaving_date", "move", "out_tonight", "leave"}


_TABS = {
    "tab-check-ins": "Check-ins",
    "tab-wellbeing": "Wellbeing",
    "tab-intentions": "Intentions",
    "tab-handover": "Handover lines",
    "tab-notes": "Notes",
    "tab-access": "Who opened it",
}


def _opening(note: GuestNote, length: int = 30) -> str:
    """A note named by its first words: “Slept well, then…”."""
    words = " ".join(note.text.split())
    return f"“{words if len(words) <= length else words[: length - 1].rstrip() + '…'}”"


class GuestScreen(HouseScreen):
    """One guest's record."""

    HELP = "A guest's own record. Everything here is visible to the guest. Keys 1 to 6 show each tab."
    BINDINGS = [
        Binding("c", "check_in", "Check in", tooltip="Record a check-in with this guest", id="check-in"),
        Binding("w", "rate", "Rate", tooltip="Wellbeing, rated by the guest", id="rate"),
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
            "Statement",
            tooltip="Your statement on the highlighted entry, if you disagree",
            id="statement",
        ),
        Binding("k", "talked", "Talked", tooltip="We talked about the highlighted entry", id="talked"),
        Binding("p", "print_own", "Print", tooltip="Print (and save) everything about this guest", id="print-own"),
        Binding("x", "save_own", "Save copy", tooltip="Save everything about this guest as a text file", id="save-own"),
        Binding("r", "refresh", "Refresh", show=False, id="refresh"),
        Binding("escape", "back", "Board", id="back"),
        *(Binding(str(n), f"tab('{tab}')", title, show=False) for n, (tab, title) in enumerate(_TABS.items(), 1)),
    ]

    def __init__(self, house: House, session: Session, guest_id: str) -> None:
        super().__init__(house, session)
        self.guest_id = guest_id
        self.record: GuestRecord | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield GuestSummary("", id="guest-summary")
        with TabbedContent(id="guest-tabs"):
            with TabPane(_TABS["tab-check-ins"], id="tab-check-ins"):
                yield CheckInsTable(id="guest-check-ins")
            with TabPane(_TABS["tab-wellbeing"], id="tab-wellbeing"):
                yield WellbeingTab()
            with TabPane(_TABS["tab-intentions"], id="tab-intentions"):
                yield IntentionsTable(id="guest-intentions")
            with TabPane(_TABS["tab-handover"], id="tab-handover"):
                yield HandoverLinesTable(id="guest-handover")
            with TabPane(_TABS["tab-notes"], id="tab-notes"):
                yield NotesTable(id="guest-notes")
            with TabPane(_TABS["tab-access"], id="tab-access"):
                yield WhoOpened()
        yield Footer()

    def on_mount(self) -> None:
        self.action_refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _STAFF_ONLY and not self.session.is_staff:
            return False
        if action in _GUEST_ONLY and self.session.is_staff:
            return False
        on_notes = self.is_mounted and self._tabs.active == "tab-notes"
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

    @property
    def _tabs(self) -> TabbedContent:
        return self.query_one("#guest-tabs", TabbedContent)

    def action_refresh(self) -> None:
        """Read the record again from the house's services."""
        try:
            record = self.house.records.open(self.session, self.guest_id, "your record")
        except HouseError as problem:
            self.show_problem(problem, timeout=20)
            return
        self.record = record
        self.refresh_bindings()
        tz, now = self.house.settings.time_zone, self.house.clock.now()
        self.query_one(GuestSummary).show(record, tz, now, greet=not self.session.is_staff)
        self.query_one(CheckInsTable).show(record, tz, now)
        self.query_one(WellbeingTab).show(record, tz, now)
        self.query_one(IntentionsTable).show(record, tz, now)
        self.query_one(HandoverLinesTable).show(record, tz, now)
        self.query_one(NotesTable).show(record, tz, now)
        self.query_one(WhoOpened).show(record)

    def _highlighted(self) -> Entry | None:
        """(kind, id) of the highlighted entry in the tab showing, if any."""
        active = self._tabs.active
        if not active:
            return None
        # The wellbeing tab's table sits under the four walls; the access tab has none.
        table = next(iter(self._tabs.get_pane(active).query(EntryTable)), None)
        return table.highlighted() if table is not None else None

    def _entry_words(self, kind: str, entry_id: str) -> str:
        assert self.record is not None
        record = self.record
        found = {
            "check_in": {c.id: f"{c.outcome_words}. {c.note}".strip(". ") for c in record.check_ins},
            "rating": {
                r.id: f"tinana {r.tinana}, hinengaro {r.hinengaro}, whānau {r.whanau}, wairua {r.wairua}"
                for r in record.ratings
            },
            "intention": {i.id: i.words for i in record.intentions},
            "handover": {h.id: h.text for h in record.handover_lines},
            "note": {n.id: n.text for n in record.notes},
        }
        return found.get(kind, {}).get(entry_id, "")

    def _stay(self) -> Stay:
        """The stay going on: the actions that need one are off without it (`check_action`)."""
        assert self.record is not None and self.record.stay is not None
        return self.record.stay

    # -- actions --------------------------------------------------------------

    def action_check_in(self) -> None:
        assert self.record is not None
        self.push_form(CheckInForm(self.house, self.session, self._stay(), self.record.guest.chosen_name))

    def action_rate(self) -> None:
        self.push_form(RatingForm(self.house, self.session, self.guest_id))

    def action_intention(self) -> None:
        self.push_form(IntentionForm(self.house, self.session, self.guest_id))

    def action_change_intention(self) -> None:
        assert self.record is not None
        table = self.query_one(IntentionsTable)
        if not self.record.intentions:
            self.notify("There are no intentions to change yet.")
            return
        if table.row_count and table.cursor_row is not None:
            chosen = self.record.intentions[min(table.cursor_row, len(self.record.intentions) - 1)]
        else:
            chosen = self.record.intentions[-1]
        self._tabs.active = "tab-intentions"
        self.push_form(ChangeIntentionForm(self.house, self.session, chosen))

    def action_leaving_date(self) -> None:
        self.push_form(LeavingDateForm(self.house, self.session, self._stay()))

    def action_move(self) -> None:
        self.push_form(MoveRoomForm(self.house, self.session, self._stay()))

    def action_out_tonight(self) -> None:
        stay = self._stay()
        try:
            self.house.stays.out_overnight(self.session, stay.id)
        except HouseError as problem:
            self.show_problem(problem)
            return
        self.notify("Noted: out overnight tonight.")
        self.action_refresh()

    def action_leave(self) -> None:
        assert self.record is not None
        name = self.record.guest.chosen_name

        def done(left: Stay | None) -> None:
            if left is None:
                return
            if left.record_choice == "erase" and left.left_at:
                from crisishouse.screens.erasure import EraseRecordScreen

                left_on = house_today(left.left_at, self.house.settings.time_zone)
                departed = Departed(self.guest_id, name, left_on)
                self.app.push_screen(EraseRecordScreen(self.house, self.session, departed), lambda _: self.dismiss())
                return
            self.dismiss()

        self.app.push_screen(LeaveForm(self.house, self.session, self._stay()), done)

    def action_agree(self) -> None:
        assert self.record is not None
        self.action_tab("tab-handover")
        table = self.query_one(HandoverLinesTable)
        lines = list(reversed(self.record.handover_lines))
        if not lines or table.cursor_row is None:
            self.notify("There are no handover lines to agree to.")
            return
        line = lines[min(table.cursor_row, len(lines) - 1)]
        self.try_change(lambda: self.house.handover.agree(self.session, line))

    def action_note(self) -> None:
        self.action_tab("tab-notes")

        def saved(note: GuestNote) -> None:
            self.notify(f"Your note is saved. {who_reads(note)}", markup=False)

        self.push_form(NoteForm(self.house, self.session), saved)

    def _highlighted_note(self) -> GuestNote | None:
        """The note highlighted on the notes tab, or None (said plainly)."""
        chosen = self._highlighted()
        notes = {n.id: n for n in self.record.notes} if self.record is not None else {}
        if chosen is None or chosen[0] != "note" or chosen[1] not in notes:
            self.notify("Highlight one of your notes first, on the notes tab.")
            return None
        return notes[chosen[1]]

    def action_edit_note(self) -> None:
        note = self._highlighted_note()
        if note is None:
            return

        def saved(changed: GuestNote) -> None:
            self.notify(f"Your note {_opening(changed)} is changed. {who_reads(changed)}", markup=False)

        self.push_form(EditNoteForm(self.house, self.session, note), saved)

    def action_note_for_staff(self) -> None:
        self._share_note(for_staff=True)

    def action_note_just_me(self) -> None:
        self._share_note(for_staff=False)

    def _share_note(self, *, for_staff: bool) -> None:
        note = self._highlighted_note()
        if note is None:
            return
        if note.for_staff != for_staff:
            try:
                note = self.house.voice.share_note(self.session, note.id, for_staff)
            except HouseError as problem:
                self.show_problem(problem)
                return
            self.action_refresh()
        self.notify(f"Your note {_opening(note)}: {who_reads(note)}", markup=False)

    @on(TabbedContent.TabActivated)
    def _tab_shown(self) -> None:
        # The notes tab has keys of its own.
        self.refresh_bindings()

    def _chosen_entry(self, doing: str) -> Entry | None:
        chosen = self._highlighted()
        if chosen is None:
            self.notify(
                f"Highlight an entry first (in check-ins, wellbeing, intentions, handover lines or notes) to {doing}."
            )
        return chosen

    def action_talk(self) -> None:
        chosen = self._chosen_entry("ask to talk about it")
        if chosen is None:
            return
        try:
            self.house.voice.ask_to_talk(self.session, *chosen)
        except HouseError as problem:
            self.show_problem(problem)
            return
        self.notify(f"Staff will see that you would like to talk about {ENTRY_KINDS[chosen[0]]}.")
        self.action_refresh()

    def action_statement(self) -> None:
        chosen = self._chosen_entry("add your statement")
        if chosen is None or self.record is None:
            return
        kind, entry_id = chosen
        if kind == "note":
            self.notify("Your notes are already in your own words; a statement goes with other entries.")
            return
        form = StatementForm(
            self.house,
            self.session,
            kind,
            entry_id,
            self._entry_words(kind, entry_id),
            self.record.statement_on(kind, entry_id),
        )
        self.push_form(form)

    def action_talked(self) -> None:
        chosen = self._chosen_entry("mark it talked about")
        if chosen is None or self.record is None:
            return
        asked = self.record.open_request(chosen[1])
        if asked is None:
            self.notify("The guest has not asked to talk about that entry.")
            return
        self.try_change(lambda: self.house.voice.talked(self.session, self.guest_id, asked.id))

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

    def action_tab(self, tab: str) -> None:
        self._tabs.active = tab

    @on(EntryTable.RowSelected, "#guest-intentions")
    def _change_selected(self) -> None:
        self.action_change_intention()
