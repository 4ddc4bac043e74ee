"""A guest's record as entries to act on: the highlighted entry, and what is done to it in the guest's own words.

The guest agrees to lines, writes notes and lines for the next shift, asks
to talk and adds statements; staff mark a talk as had (and may take the mark
back for a few minutes). `GuestScreen` adds the keys, the tabs and the
staff's acts on the stay.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pendulum

from crisishouse.errors import HouseError
from crisishouse.models import ENTRY_KINDS, GuestNote, HandoverEntry
from crisishouse.screens.base import HouseScreen
from crisishouse.screens.handover_form import LineForm
from crisishouse.screens.voice_forms import EditNoteForm, NoteForm, StatementForm, who_reads
from crisishouse.services import House, Session
from crisishouse.services.guest_record import GuestRecord
from crisishouse.services.undo import UNDO_WINDOW
from crisishouse.widgets.entry_table import Entry, EntryTable
from crisishouse.widgets.handover_lines_table import HandoverLinesTable
from crisishouse.widgets.record_tabs import RecordTabs


@dataclass(frozen=True)
class Talked:
    """A talk marked as had here, which `u` takes back while the house allows."""

    request_id: str
    about_kind: str
    name: str
    at: pendulum.DateTime


def _opening(note: GuestNote, length: int = 30) -> str:
    """A note named by its first words: “Slept well, then…”."""
    words = " ".join(note.text.split())
    return f"“{words if len(words) <= length else words[: length - 1].rstrip() + '…'}”"


class GuestEntries(HouseScreen):
    """One guest's record, and the acts on its highlighted entry."""

    def __init__(self, house: House, session: Session, guest_id: str) -> None:
        super().__init__(house, session)
        self.guest_id = guest_id
        self.record: GuestRecord | None = None
        self.talked: Talked | None = None
        """The talk just marked as had, which `u` takes back while the house allows."""
        self._bring_into_view: str | None = None
        """An entry just written, highlighted once the record is read again ("handover:h12")."""
        self._highlight_when_built: str | None = None
        """The entry last brought into view, highlighted too by a tab built after it was."""

    @property
    def _tabs(self) -> RecordTabs:
        return self.query_one("#guest-tabs", RecordTabs)

    def _highlighted(self) -> Entry | None:
        """(kind, id) of the highlighted entry in the tab showing, if any."""
        active = self._tabs.active
        if not active:
            return None
        # The wellbeing tab's table sits under the four walls; the access tab has none.
        content = self._tabs.content(active)
        if content is None:
            return None
        table = content if isinstance(content, EntryTable) else next(iter(content.query(EntryTable)), None)
        return table.highlighted() if table is not None else None

    @property
    def _guest_name(self) -> str:
        """The guest's chosen name, for notices about them."""
        return self.record.guest.chosen_name if self.record is not None else "The guest"

    def _done(self, for_staff: str, for_guest: str) -> Callable[[object], None]:
        """What to say once a form is saved: naming the guest to staff, "you" to the guest."""
        return lambda _saved: self.notify(for_staff if self.session.is_staff else for_guest, markup=False)

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

    def action_tab(self, tab: str) -> None:
        self._tabs.active = tab

    def action_agree(self) -> None:
        assert self.record is not None
        self.action_tab("tab-handover")
        key = next((table.highlighted() for table in self.query(HandoverLinesTable)), None)
        line = next((h for h in self.record.handover_lines if key is not None and h.id == key[1]), None)
        if line is None:
            self.notify("There are no handover lines to agree to.")
            return
        if self.try_change(lambda: self.house.handover.agree(self.session, line)):
            self.notify("You agreed to the highlighted line: it can go in the handover.")

    def action_handover_line(self) -> None:
        """The guest writes a line for the next shift themselves, with the language check shown as they type."""
        self.action_tab("tab-handover")

        def saved(entry: HandoverEntry) -> None:
            self._bring_into_view = f"handover:{entry.id}"
            self.notify("Your line for the next shift is saved, in your words. Staff see it on the handover.")

        self.push_form(LineForm(self.house, self.session, None, guest_id=self.guest_id), saved)

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
        self.push_form(form, lambda _said: self.notify("Your statement is saved. It goes wherever the entry goes."))

    def action_talked(self) -> None:
        chosen = self._chosen_entry("mark it talked about")
        if chosen is None or self.record is None:
            return
        asked = self.record.open_request(chosen[1])
        if asked is None:
            self.notify(f"{self._guest_name} has not asked to talk about that entry.", markup=False)
            return
        if not self.try_change(lambda: self.house.voice.talked(self.session, self.guest_id, asked.id)):
            return
        self.talked = Talked(asked.id, asked.about_kind, self._guest_name, self.house.clock.now())
        self.notify(
            f"Marked: you talked with {self._guest_name} about {ENTRY_KINDS[asked.about_kind]}. u takes it back.",
            markup=False,
            timeout=10,
        )
        self.refresh_bindings()
        # Undo leaves the footer when the house no longer allows it.
        self.set_timer(UNDO_WINDOW.total_seconds(), self.refresh_bindings)

    def action_undo_talked(self) -> None:
        talked, self.talked = self.talked, None
        self.refresh_bindings()
        if talked is None:
            return
        if self.try_change(lambda: self.house.voice.undo_talked(self.session, self.guest_id, talked.request_id)):
            self.notify(
                f"Taken back: {talked.name}'s wish to talk about {ENTRY_KINDS[talked.about_kind]} is open again.",
                markup=False,
            )
