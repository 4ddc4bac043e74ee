"""A guest's record: their stay, check-ins, ratings with trends, intentions, handover lines.

Staff open it from the board (and the opening is logged for the guest to
see); a guest signed in with their own PIN has it as their home screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Sparkline, Static, TabbedContent, TabPane

from crisishouse.housetime import house_today
from crisishouse.models import ENTRY_KINDS, INTENTION_STATUSES, GuestNote
from crisishouse.screens.check_in_form import CheckInForm
from crisishouse.screens.copy_form import SaveCopyForm
from crisishouse.screens.formatting import house_time
from crisishouse.screens.intention_forms import ChangeIntentionForm, IntentionForm
from crisishouse.screens.literal import literal
from crisishouse.screens.rating_form import RatingForm
from crisishouse.screens.stay_forms import LeaveForm, LeavingDateForm, MoveRoomForm
from crisishouse.screens.voice_forms import EditNoteForm, NoteForm, StatementForm, who_reads
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.erasure import Departed
from crisishouse.services.guest_record import GuestRecord
from crisishouse.store import StoreError

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
# Which table of the record each tab shows, and the kind of entry in it.
_TABLE_OF_TAB = {
    "tab-check-ins": ("#guest-check-ins", "check_in"),
    "tab-wellbeing": ("#guest-ratings", "rating"),
    "tab-intentions": ("#guest-intentions", "intention"),
    "tab-handover": ("#guest-handover", "handover"),
    "tab-notes": ("#guest-notes", "note"),
}


def _opening(note: GuestNote, length: int = 30) -> str:
    """A note named by its first words: “Slept well, then…”."""
    words = " ".join(note.text.split())
    return f"“{words if len(words) <= length else words[: length - 1].rstrip() + '…'}”"


class GuestScreen(Screen[None]):
    """One guest's record."""

    HELP = "A guest's own record. Everything here is visible to the guest. Keys 1 to 6 show each tab."
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
        Binding("n", "note", "Note", tooltip="A note of your own", id="note"),
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
        super().__init__()
        self.house = house
        self.session = session
        self.guest_id = guest_id
        self.record: GuestRecord | None = None
        self._rows: dict[str, list[tuple[str, str]]] = {}
        """Each table's rows as (kind of entry, entry id), in the order shown."""

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
                yield DataTable(id="guest-ratings", cursor_type="row")
            with TabPane(_TABS["tab-intentions"], id="tab-intentions"):
                yield DataTable(id="guest-intentions", cursor_type="row")
            with TabPane(_TABS["tab-handover"], id="tab-handover"):
                yield DataTable(id="guest-handover", cursor_type="row")
            with TabPane(_TABS["tab-notes"], id="tab-notes"):
                yield DataTable(id="guest-notes", cursor_type="row")
            with TabPane(_TABS["tab-access"], id="tab-access"), VerticalScroll():
                yield Static("", id="guest-access")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#guest-check-ins", DataTable).add_columns("When", "Talk", "Check-in", "Note")
        self.query_one("#guest-ratings", DataTable).add_columns("When", "Talk", "Tin Hin Whā Wai", "In their words")
        self.query_one("#guest-intentions", DataTable).add_columns("Since", "Talk", "Status", "Intention")
        self.query_one("#guest-handover", DataTable).add_columns("When", "Talk", "", "Line")
        self.query_one("#guest-notes", DataTable).add_columns("When", "Talk", "Who reads it", "Note")
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
            ("Write a note of your own", "note"),
            ("Change the words of the highlighted note", "edit_note"),
            ("Let staff read the highlighted note", "note_for_staff"),
            ("Make the highlighted note just mine", "note_just_me"),
            ("I'd like to talk about the highlighted entry", "talk"),
            ("Add my statement to the highlighted entry", "statement"),
            ("We talked about the highlighted entry", "talked"),
            ("Print everything about this guest", "print_own"),
            ("Save everything about this guest as a text file", "save_own"),
        ]
        for title, action in commands:
            if self.check_action(action, ()):
                yield SystemCommand(title, f"For this guest: {title.lower()}", getattr(self, f"action_{action}"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in _STAFF_ONLY and not self.session.is_staff:
            return False
        if action in _GUEST_ONLY and self.session.is_staff:
            return False
        on_notes = self.is_mounted and self.query_one("#guest-tabs", TabbedContent).active == "tab-notes"
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
        self._show_notes(record)
        self._show_access(record)

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
        waiting = [r for r in record.talk_requests if r.is_open]
        if waiting:
            text.append("\nWould like to talk about: ", style="bold")
            text.append(
                ", ".join(f"{ENTRY_KINDS[r.about_kind]} ({house_time(r.asked_at, tz, self._now())})" for r in waiting)
            )
        self.query_one("#guest-summary", Static).update(text)

    def _show_check_ins(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        rows = [("check_in", c.id) for c in reversed(record.check_ins)]
        self._fill(
            "#guest-check-ins",
            rows,
            (
                (house_time(c.at, tz, now), c.outcome_words, self._with_statement(record, c.note, "check_in", c.id))
                for c in reversed(record.check_ins)
            ),
        )

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
        ratings = list(reversed(record.ratings))
        self._fill(
            "#guest-ratings",
            [("rating", r.id) for r in ratings],
            (
                (
                    house_time(r.at, tz, now),
                    f"{r.tinana:>3} {r.hinengaro:>3} {r.whanau:>3} {r.wairua:>3}",
                    self._with_statement(record, r.own_words, "rating", r.id),
                )
                for r in ratings
            ),
        )

    def _show_intentions(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        cells = []
        for intention in record.intentions:
            words = literal(intention.words)
            if intention.for_day is not None:
                words.append(f" (for {intention.for_day.format('ddd D MMM')})", style="dim")
            said = record.statement_on("intention", intention.id)
            if said:
                words.append_text(self._statement(said))
            cells.append((house_time(intention.set_at, tz, now), INTENTION_STATUSES[intention.status], words))
        self._fill("#guest-intentions", [("intention", i.id) for i in record.intentions], cells)

    def _show_handover(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        lines = list(reversed(record.handover_lines))
        self._fill(
            "#guest-handover",
            [("handover", line.id) for line in lines],
            (
                (
                    house_time(line.written_at, tz, now),
                    "agreed" if line.agreed else Text("not agreed yet", style="italic"),
                    self._with_statement(record, line.text, "handover", line.id),
                )
                for line in lines
            ),
        )

    def _show_notes(self, record: GuestRecord) -> None:
        tz, now = self.house.settings.time_zone, self._now()
        notes = list(reversed(record.notes))
        self._fill(
            "#guest-notes",
            [("note", n.id) for n in notes],
            (
                (house_time(n.written_at, tz, now), "staff may read" if n.for_staff else "just you", literal(n.text))
                for n in notes
            ),
        )

    def _show_access(self, record: GuestRecord) -> None:
        if not record.access:
            shown = Text("No staff member has opened this record yet.", style="italic")
        else:
            shown = Text("\n").join(literal(line.words) for line in record.access)
        self.query_one("#guest-access", Static).update(shown)

    # -- rows -----------------------------------------------------------------

    @staticmethod
    def _statement(said: str) -> Text:
        shown = Text("\nStatement: ", style="italic")
        shown.append_text(literal(said))
        return shown

    def _with_statement(self, record: GuestRecord, words: str, kind: str, entry_id: str) -> Text:
        """The entry's words, with the guest's statement under them: it goes where the entry goes."""
        shown = literal(words)
        said = record.statement_on(kind, entry_id)
        if said:
            shown.append_text(self._statement(said))
        return shown

    def _talk_cell(self, record: GuestRecord, entry_id: str) -> Text:
        if record.wants_to_talk(entry_id):
            return Text("asked", style="bold")
        return Text("talked", style="dim") if record.talked_about(entry_id) else Text("")

    def _fill(self, selector: str, rows: list[tuple[str, str]], cells: Iterable[tuple[object, ...]]) -> None:
        """Fill a table, keeping the cursor where it was; each row ends with its talk request."""
        assert self.record is not None
        table = self.query_one(selector, DataTable)
        at = table.cursor_row
        table.clear()
        for (kind, entry_id), row in zip(rows, cells, strict=True):
            # The talk column comes second, so the longest words come last and never push it off a narrow screen.
            first, *rest = row
            table.add_row(first, self._talk_cell(self.record, entry_id), *rest, key=f"{kind}:{entry_id}", height=None)
        self._rows[selector] = rows
        if at is not None and table.row_count:
            table.move_cursor(row=min(at, table.row_count - 1))

    def _highlighted(self) -> tuple[str, str] | None:
        """(kind, id) of the highlighted entry in the tab showing, if any."""
        active = self.query_one("#guest-tabs", TabbedContent).active
        if active not in _TABLE_OF_TAB:
            return None
        selector, _kind = _TABLE_OF_TAB[active]
        rows = self._rows.get(selector, [])
        row = self.query_one(selector, DataTable).cursor_row
        if not rows or row is None or not 0 <= row < len(rows):
            return None
        return rows[row]

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

    # -- actions --------------------------------------------------------------

    def _after(self, result: object) -> None:
        if result is not None:
            self.action_refresh()

    def action_check_in(self) -> None:
        assert self.record is not None and self.record.stay is not None
        self.app.push_screen(
            CheckInForm(self.house, self.session, self.record.stay, self.record.guest.chosen_name), self._after
        )

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

        name = self.record.guest.chosen_name

        def done(result: object) -> None:
            if result is None:
                return
            if getattr(result, "record_choice", None) == "erase" and getattr(result, "left_at", None):
                from crisishouse.screens.erasure import EraseRecordScreen

                left_on = house_today(result.left_at, self.house.settings.time_zone)  # type: ignore[attr-defined]
                departed = Departed(self.guest_id, name, left_on)
                self.app.push_screen(EraseRecordScreen(self.house, self.session, departed), lambda _: self.dismiss())
                return
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

    def action_note(self) -> None:
        self.action_tab("tab-notes")

        def saved(note: GuestNote | None) -> None:
            if note is not None:
                self.notify(f"Your note is saved. {who_reads(note)}", markup=False)
                self.action_refresh()

        self.app.push_screen(NoteForm(self.house, self.session), saved)

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

        def saved(changed: GuestNote | None) -> None:
            if changed is not None:
                self.notify(f"Your note {_opening(changed)} is changed. {who_reads(changed)}", markup=False)
                self.action_refresh()

        self.app.push_screen(EditNoteForm(self.house, self.session, note), saved)

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
            except (ServiceError, NotAllowed, StoreError) as problem:
                self.notify(str(problem), severity="error", markup=False)
                return
            self.action_refresh()
        self.notify(f"Your note {_opening(note)}: {who_reads(note)}", markup=False)

    @on(TabbedContent.TabActivated)
    def _tab_shown(self) -> None:
        # The notes tab has keys of its own.
        self.refresh_bindings()

    def _chosen_entry(self, doing: str) -> tuple[str, str] | None:
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
        except (ServiceError, NotAllowed, StoreError) as problem:
            self.notify(str(problem), severity="error", markup=False)
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
        self.app.push_screen(form, self._after)

    def action_talked(self) -> None:
        chosen = self._chosen_entry("mark it talked about")
        if chosen is None or self.record is None:
            return
        asked = self.record.open_request(chosen[1])
        if asked is None:
            self.notify("The guest has not asked to talk about that entry.")
            return
        try:
            self.house.voice.talked(self.session, self.guest_id, asked.id)
        except (ServiceError, NotAllowed, StoreError) as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        self.action_refresh()

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
        except (ServiceError, NotAllowed, StoreError) as problem:
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
        if self.app.session is self.session:  # type: ignore[attr-defined]
            self.notify(message, severity=severity, markup=False, timeout=15)

    def action_back(self) -> None:
        self.dismiss()

    def action_tab(self, tab: str) -> None:
        self.query_one("#guest-tabs", TabbedContent).active = tab

    @on(DataTable.RowSelected, "#guest-intentions")
    def _change_selected(self) -> None:
        self.action_change_intention()
