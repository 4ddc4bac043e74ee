"""A guest's own note: Enter never shares it, and the guest can change its words and who reads it.

Principle 12: Enter never ticks a box (Space does). Principle 1 and 6: the
note is the guest's, in their words, readable by staff only while they say so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Checkbox, DataTable, Input

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import GuestNote
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.staff_forms import SelfCheckForm
from crisishouse.screens.voice_forms import EditNoteForm, NoteForm
from crisishouse.services import House, NotAllowed, Session, WordsToNotice
from crisishouse.widgets.record_tabs import RecordTabs
from tests.pilot_helpers import screen_text, sign_in

FLAGGED = "They said I was attention-seeking"


def said(app: CrisisHouseApp) -> str:
    """The screen's words on one line: a notice wraps inside its toast."""
    return " ".join(screen_text(app).replace("▌", " ").split())


def mere_notes(app: CrisisHouseApp) -> list[GuestNote]:
    mere = app.house.sign_in.sign_in("Mere", "3333")
    return app.house.voice.notes(mere, mere.person_id)


async def _write_note_with_enter(pilot, words: str, *presses: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, NoteForm)
    await pilot.press(*words)
    await pilot.press(*presses)
    await pilot.pause()


# -- Enter on every field ---------------------------------------------------


async def test_enter_through_the_note_form_keeps_the_note_private(demo_dir: Path, clock: FixedClock):
    """Enter, Enter, Tab, Enter (the trap of issue 11): the note is saved just for the guest."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await _write_note_with_enter(pilot, "Ring Nan", "enter", "enter", "tab", "enter")
        assert isinstance(app.screen, GuestScreen)
        (note,) = mere_notes(app)
        assert note.text == "Ring Nan"
        assert not note.for_staff, "Enter shared a private note"


async def test_enter_on_the_box_moves_on_and_leaves_it_unticked(demo_dir: Path, clock: FixedClock):
    """Enter on the words goes to the box; Enter on the box (the last field) saves it unticked."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await _write_note_with_enter(pilot, "Tea", "enter")
        form = app.screen
        assert isinstance(form, NoteForm)
        box = form.query_one("#note-for-staff", Checkbox)
        assert app.focused is box
        await pilot.press("enter")
        await pilot.pause()
        assert not box.value
        assert not isinstance(app.screen, NoteForm)
        (note,) = mere_notes(app)
        assert not note.for_staff
        assert "Only you can read" in said(app)  # the notice says who reads it


async def test_space_ticks_the_box(demo_dir: Path, clock: FixedClock):
    """Space is the key that ticks (and unticks) the box; the note is then readable by staff."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await _write_note_with_enter(pilot, "Walk at four", "enter")
        box = app.screen.query_one("#note-for-staff", Checkbox)
        await pilot.press("space")
        assert box.value
        await pilot.press("space")
        assert not box.value
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        (note,) = mere_notes(app)
        assert note.for_staff
        assert "Staff can read this note" in said(app)


async def test_the_form_says_space_ticks(demo_dir: Path, clock: FixedClock):
    """A form with a box says which key ticks it, beside Save and Cancel."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("n")
        await pilot.pause()
        assert "Space ticks" in screen_text(app)


async def test_enter_never_ticks_a_box_in_any_form(demo_dir: Path, clock: FixedClock):
    """Every box in the house's forms: Enter on it leaves it unticked (self-check, intention, arrival)."""
    from crisishouse.screens.intention_forms import IntentionForm
    from crisishouse.screens.stay_forms import ArriveForm

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        house, tama = app.house, app.session
        stay = house.stays.staying(tama)[0]
        for form in (
            SelfCheckForm(house, tama),
            IntentionForm(house, tama, stay.guest_id),
            ArriveForm(house, tama),
        ):
            app.push_screen(form)
            await pilot.pause()
            for box in form.query(Checkbox):
                box.focus()
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
                assert not box.value, f"Enter ticked {box.id} in {type(form).__name__}"
                if app.screen is not form:  # Enter on the last field saves, as for words
                    break
            if app.screen is form:
                form.dismiss(None)
                await pilot.pause()


async def test_enter_on_a_box_mid_form_moves_to_the_next_field(demo_dir: Path, clock: FixedClock):
    """Arrival: Enter on the support person's consent goes on to the PIN, unticked."""
    from crisishouse.screens.stay_forms import ArriveForm

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        form = ArriveForm(app.house, app.session)
        app.push_screen(form)
        await pilot.pause()
        consent = form.query_one("#arrive-consent", Checkbox)
        consent.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not consent.value
        assert app.screen is form
        assert app.focused is form.query_one("#arrive-pin", Input)


# -- changing a note --------------------------------------------------------


async def _notes_tab_with(pilot, house: House, text: str, *, for_staff: bool = False) -> GuestNote:  # type: ignore[no-untyped-def]
    app = pilot.app
    note = house.voice.write_note(app.session, text, for_staff=for_staff)
    await pilot.press("5")
    await pilot.pause()
    app.screen.action_refresh()
    await pilot.pause()
    app.screen.query_one("#guest-notes", DataTable).focus()
    await pilot.pause()
    return note


async def test_a_guest_edits_the_words_of_her_note(demo_dir: Path, clock: FixedClock):
    """On the notes tab, e opens her note's words; saved, they replace the old ones and who reads it stays."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        note = await _notes_tab_with(pilot, app.house, "Ring Nan tomorow")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditNoteForm)
        words = form.query_one("#note-text", Input)
        assert words.value == "Ring Nan tomorow"
        assert "Only you can read this note" in screen_text(app)
        words.value = "Ring Nan tomorrow"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GuestScreen)
        (changed,) = mere_notes(app)
        assert changed.id == note.id and changed.text == "Ring Nan tomorrow" and not changed.for_staff
        shown = said(app)
        assert "Ring Nan tomorrow" in shown and "is changed" in shown


async def test_a_guest_shares_a_note_then_takes_it_back(demo_dir: Path, clock: FixedClock):
    """f lets staff read the highlighted note, j makes it hers alone again; each notice says who reads it now."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await _notes_tab_with(pilot, app.house, "Nightmares again")
        await pilot.press("f")
        await pilot.pause()
        (note,) = mere_notes(app)
        assert note.for_staff
        assert "Staff can read this note, and you." in said(app)
        app.clear_notifications()
        await pilot.press("j")
        await pilot.pause()
        (note,) = mere_notes(app)
        assert not note.for_staff
        assert "Only you can read this note. Staff cannot." in said(app)
        tama = app.house.sign_in.sign_in("Tama", "2222")
        assert app.house.voice.notes(tama, note.guest_id) == []


async def test_note_keys_show_on_the_notes_tab_only(demo_dir: Path, clock: FixedClock):
    """The keys about a note are offered on the notes tab, and never to staff."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        screen = app.screen
        assert screen.check_action("edit_note", ()) is False
        await pilot.press("5")
        await pilot.pause()
        assert screen.query_one("#guest-tabs", RecordTabs).active == "tab-notes"
        for action in ("edit_note", "note_for_staff", "note_just_me"):
            assert screen.check_action(action, ())
        # In the footer, or one F1 away (principle 12): the keys panel lists every key the screen allows now.
        await pilot.press("f1")
        await pilot.pause()
        keys = screen_text(app)
        assert re.search(r"\bf\s*Staff too", keys) and re.search(r"\bj\s*Just me", keys), keys


# -- the service ------------------------------------------------------------


def test_edit_note_checks_the_words_once(demo_house: House, mere: Session):
    """Flagged words are shown once; saved again, they are kept as the guest's own."""
    note = demo_house.voice.write_note(mere, "Slept badly")
    with pytest.raises(WordsToNotice):
        demo_house.voice.edit_note(mere, note.id, FLAGGED)
    changed = demo_house.voice.edit_note(mere, note.id, FLAGGED, words_noticed=True)
    assert changed.text == FLAGGED


def test_only_the_guest_edits_her_note(demo_house: House, mere: Session, tama: Session):
    """Staff cannot change a guest's note, even one she shares with them."""
    note = demo_house.voice.write_note(mere, "Slept badly", for_staff=True)
    with pytest.raises(NotAllowed):
        demo_house.voice.edit_note(tama, note.id, "Slept well")
    (kept,) = demo_house.voice.notes(mere, mere.person_id)
    assert kept.text == "Slept badly"


def test_a_guest_cannot_edit_another_guests_note(demo_house: House, mere: Session, tama: Session):
    """Another guest's note id is refused as not hers."""
    import pendulum

    demo_house.stays.arrive(
        tama, chosen_name="Kiri", room="Rimu", planned_leaving=pendulum.date(2026, 11, 30), pin="4321"
    )
    kiri = demo_house.sign_in.sign_in("Kiri", "4321")
    theirs = demo_house.voice.write_note(kiri, "Kiri's own")
    with pytest.raises(NotAllowed):
        demo_house.voice.edit_note(mere, theirs.id, "changed")


def test_editing_keeps_who_reads_it_as_it_is_now(demo_house: House, mere: Session):
    """The words change; sharing is whatever it is on disk when the edit is saved."""
    note = demo_house.voice.write_note(mere, "Slept badly")
    demo_house.voice.share_note(mere, note.id, True)
    changed = demo_house.voice.edit_note(mere, note.id, "Slept badly, better now")
    assert changed.for_staff and changed.written_at == note.written_at


def test_an_edited_note_cannot_be_empty(demo_house: House, mere: Session):
    """A note needs some words; the old ones stay."""
    from crisishouse.models import ValidationError

    note = demo_house.voice.write_note(mere, "Slept badly")
    with pytest.raises(ValidationError):
        demo_house.voice.edit_note(mere, note.id, "   ")
    (kept,) = demo_house.voice.notes(mere, mere.person_id)
    assert kept.text == "Slept badly"
