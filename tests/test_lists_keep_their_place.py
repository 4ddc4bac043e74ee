"""Made for a tired worker: the highlight stays on the same person after every action, each change names
them, a mark made on the wrong row can be taken back, and nothing anyone wrote is cut off at the edge.

Update snapshots with `.venv/bin/python -m pytest tests/test_lists_keep_their_place.py --snapshot-update`
after looking at the new pictures in snapshot_report.html.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, RadioButton

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import Guest, Stay, TalkRequest
from crisishouse.screens.confirm import ConfirmScreen
from crisishouse.screens.debriefs import DebriefsScreen
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.handover import HandoverScreen
from crisishouse.screens.handover_form import LineForm
from crisishouse.screens.intention_forms import ChangeIntentionForm
from crisishouse.services import House, Session
from crisishouse.widgets.house_table import HouseTable
from tests.pilot_helpers import screen_text, sign_in

SIZES = [(80, 24), (120, 40)]
LONG_NOTE = (
    "Talked for a long while on the deck about the garden at home, the dog, the bus timetable "
    "and which cousin might come on Sunday; ended laughing about the scones"
)


def notices(app: App[Any]) -> list[str]:
    """Record every notice the app shows from now on (the toasts come and go)."""
    said: list[str] = []
    shown = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        said.append(message)
        shown(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return said


async def settle(pilot: Pilot[Any], *keys: str) -> None:
    """Press the keys, then wait for the screen (and any worker) to finish."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def stay_of(house: House, name: str) -> Stay:
    guests = {g.id: g for g in house.store.find(Guest)}
    return next(s for s in house.store.find(Stay, where={"left_at": None}) if guests[s.guest_id].chosen_name == name)


async def open_guest(pilot: Pilot[Any], name: str) -> GuestScreen:
    """From the board, open the record of the guest called `name`."""
    app = pilot.app
    assert isinstance(app, CrisisHouseApp) and app.house is not None
    stay = stay_of(app.house, name)
    app.screen.query_one("#rooms", DataTable).move_cursor(row=list(app.house.settings.rooms).index(stay.room))
    await settle(pilot, "enter")
    assert isinstance(app.screen, GuestScreen)
    return app.screen


# -- the table itself -------------------------------------------------------------------------


class _OneTable(App[None]):
    def compose(self) -> ComposeResult:
        yield HouseTable("Who", "Words", id="t")


def _rows(*names: str) -> list[tuple[str, tuple[object, ...]]]:
    return [(name.lower(), (Text(name), Text(f"{name} said something"))) for name in names]


async def test_a_table_keeps_its_highlight_on_the_same_record():
    """Filled again, the highlight follows the record's key; a record gone leaves it at the same height."""
    app = _OneTable()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(HouseTable)
        table.fill(_rows("Ana", "Ben", "Cy", "Di"))
        table.move_cursor(row=2)
        await pilot.pause()
        table.fill(_rows("Zoe", "Ana", "Ben", "Cy", "Di"))  # one added at the top
        await pilot.pause()
        assert table.highlighted_key() == "cy" and table.cursor_row == 3
        table.fill(_rows("Zoe", "Ana", "Ben", "Di"))  # Cy has left the list
        await pilot.pause()
        assert table.highlighted_key() == "di", "the row now at that height"
        table.fill(_rows("Zoe", "Ana"))  # fewer rows than the highlight's height
        await pilot.pause()
        assert table.highlighted_key() == "ana"
        table.fill(_rows("Ana", "Ben", "Cy"), highlight="cy")
        await pilot.pause()
        assert table.highlighted_key() == "cy"
        table.fill(_rows("Ana", "Ben", "Cy"), from_top=True)
        await pilot.pause()
        assert table.highlighted_key() == "ana"


async def test_the_last_column_wraps_to_the_width_left():
    """People's words are never cut at the edge: the last column wraps within the table."""
    app = _OneTable()
    async with app.run_test(size=(50, 12)) as pilot:
        table = app.query_one(HouseTable)
        table.fill([("a", (Text("Ana"), Text(LONG_NOTE)))])
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert LONG_NOTE in shown


# -- debriefs -----------------------------------------------------------------------------------


def _two_debriefs(demo_dir: Path, clock: FixedClock) -> None:
    """Tama notes a hard event: Sam (on the morning shift) and Tama are each owed a debrief."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    house.debriefs.note_hard_event(tama, "A loud argument in the lounge; everyone safe")


async def _open_debriefs(pilot: Pilot[Any]) -> DebriefsScreen:
    await sign_in(pilot, "Aroha", "1111")
    await settle(pilot, "w", "b")
    assert isinstance(pilot.app.screen, DebriefsScreen)
    return pilot.app.screen


async def test_debrief_marks_stay_on_the_person_name_them_and_can_be_taken_back(demo_dir: Path, clock: FixedClock):
    """Down, f marks the second person offered; n then marks that same person had (not the first); u takes it back."""
    _two_debriefs(demo_dir, clock)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_debriefs(pilot)
        said = notices(app)
        table = screen.query_one("#debriefs-table", HouseTable)
        first, second = (o.staff_name for o in screen.owed)
        assert screen.check_action("undo", ()) is False, "nothing to take back yet"
        assert "Undo" not in screen_text(app)
        await settle(pilot, "down", "f")
        assert said[-1] == f"{second}'s debrief marked offered. u takes it back."
        assert screen.owed[table.cursor_row].staff_name == second, "the highlight stays on the person marked"
        assert "u Undo" in screen_text(app)
        await settle(pilot, "n")
        assert said[-1] == f"{second}'s debrief marked had. u takes it back."
        statuses = {o.staff_name: o.debrief.status for o in screen.owed}
        assert statuses == {first: "owed"}, "the first person is untouched"
        await settle(pilot, "u")
        assert said[-1] == f"{second}'s debrief is offered again: the mark is taken back."
        assert {o.staff_name: o.debrief.status for o in screen.owed} == {first: "owed", second: "offered"}
        assert screen.owed[table.cursor_row].staff_name == second, "the highlight goes back to them"
        assert screen.check_action("undo", ()) is False, "one mark, taken back once"


async def test_undo_leaves_the_footer_after_ten_minutes(demo_dir: Path, clock: FixedClock):
    """u is offered only while the house would take the mark back."""
    _two_debriefs(demo_dir, clock)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_debriefs(pilot)
        await settle(pilot, "f")
        assert screen.check_action("undo", ()) is True
        clock.advance(minutes=10)
        assert screen.check_action("undo", ()) is False


async def test_a_long_hard_event_is_read_in_full(demo_dir: Path, clock: FixedClock):
    """The hard event's words wrap in the debriefs table at 80 columns."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    house.debriefs.note_hard_event(tama, LONG_NOTE)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_debriefs(pilot)
        assert LONG_NOTE in " ".join(screen_text(app).split())


# -- the handover -------------------------------------------------------------------------------


async def _three_lines_for_mere(app: CrisisHouseApp) -> list[str]:
    assert app.house is not None and app.session is not None
    mere = stay_of(app.house, "Mere").guest_id
    words = ["Would like a slow start", "Baking scones at 2", "Wants a walk by the awa"]
    return [app.house.handover.add_line(app.session, mere, w).id for w in words]


async def test_agreeing_keeps_the_line_highlighted_and_e_edits_that_line(demo_dir: Path, clock: FixedClock):
    """g on the second line names Mere and keeps the highlight there; e after a print opens that same line."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        ids = await _three_lines_for_mere(app)
        await settle(pilot, "h")
        screen = app.screen
        assert isinstance(screen, HandoverScreen)
        said = notices(app)
        lines = screen.query_one("#handover-lines", HouseTable)
        lines.focus()
        lines.move_cursor(row=1)
        await settle(pilot, "g")
        assert said[-1] == "Mere's line is marked read back and agreed."
        assert lines.highlighted_key() == ids[1]
        await settle(pilot, "p")
        assert lines.highlighted_key() == ids[1]
        await settle(pilot, "e")
        form = app.screen
        assert isinstance(form, LineForm) and form.entry is not None and form.entry.id == ids[1]
        form.query_one("#line-text", Input).value = "Baking scones at 3 instead"
        await settle(pilot, "ctrl+s")
        assert app.screen is screen
        assert said[-1] == "Mere's line is changed; read it back again (g)."
        assert lines.highlighted_key() == ids[1]


async def test_removing_a_line_asks_first(demo_dir: Path, clock: FixedClock):
    """d asks before a line goes, the safe answer first; only the yes removes it, naming the guest."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        ids = await _three_lines_for_mere(app)
        await settle(pilot, "h")
        screen = app.screen
        said = notices(app)
        lines = screen.query_one("#handover-lines", HouseTable)
        lines.focus()
        lines.move_cursor(row=2)
        await settle(pilot, "d")
        assert isinstance(app.screen, ConfirmScreen)
        await settle(pilot, "enter")  # Cancel has the focus
        assert lines.keys == ids
        await settle(pilot, "d")
        await pilot.click("#confirm-yes")
        await settle(pilot)
        assert lines.keys == ids[:2] and said[-1] == "Mere's line is removed."
        assert lines.highlighted_key() == ids[1], "the line now at that height"


async def test_the_house_part_is_not_in_the_guests_words(demo_dir: Path, clock: FixedClock):
    """The house part is staff writing for the house: its form never asks for the guest's words."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await settle(pilot, "h", "h")
        assert isinstance(app.screen, LineForm)
        shown = screen_text(app)
        assert "The house part" in shown and "guest's words" not in shown


# -- the guest writes for the next shift --------------------------------------------------------


async def test_the_guest_writes_a_line_for_the_next_shift(demo_dir: Path, clock: FixedClock):
    """Mere writes her own line: the check shows as she types, a save says what it found, a second keeps her words."""
    words = "Feeling non-compliant today, leave me be till lunch"
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        said = notices(app)
        await settle(pilot, "h")
        form = app.screen
        assert isinstance(form, LineForm)
        assert "What would you like the next shift to know?" in screen_text(app)
        form.query_one("#line-text", Input).value = "Feeling calm today"
        await settle(pilot)
        assert "No diagnostic or clinical language found." in screen_text(app)
        form.query_one("#line-text", Input).value = words
        await settle(pilot)
        assert '"non-compliant" is' in " ".join(screen_text(app).split()), "the check, as she types"
        await settle(pilot, "ctrl+s")
        assert app.screen is form, "the first save says what was found"
        assert "The language check found the words marked above" in " ".join(screen_text(app).split())
        await settle(pilot, "ctrl+s")
        assert isinstance(app.screen, GuestScreen), "saved again, the words are hers"
        assert said[-1].startswith("Your line for the next shift is saved")
        assert app.screen.query_one("#guest-handover", HouseTable).highlighted_key() is not None
        assert "(Mere wrote this)" in screen_text(app)
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    (view,) = house.handover.card(tama, stay_of(house, "Mere").guest_id).lines
    assert view.entry.text == words and view.by_guest and view.entry.agreed


async def test_the_handover_card_says_which_lines_the_guest_wrote(demo_dir: Path, clock: FixedClock):
    """On the staff card, the guest's own line says "(Mere wrote this)"; a staff line does not."""
    house = House.open(demo_dir, clock)
    mere = house.sign_in.sign_in("Mere", "3333")
    tama = house.sign_in.sign_in("Tama", "2222")
    house.handover.add_line(mere, mere.person_id, "I'd like the window open tonight [bold]please[/]")
    house.handover.add_line(tama, mere.person_id, "Enjoyed the garden this morning")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await settle(pilot, "h")
        shown = screen_text(app)
        assert "I'd like the window open tonight [bold]please[/]" in " ".join(shown.split())
        assert shown.count("(Mere wrote this)") == 1


async def test_the_guests_palette_speaks_to_her(demo_dir: Path, clock: FixedClock):
    """Mere's palette offers her own keys in words meant for her: never "this guest", never a lower-cased title."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        offered = [c.title for c in app.get_system_commands(app.screen)]
        assert "A line for the next shift, in your own words" in offered
        assert "Print (and save) the whole record" in offered
        assert not [t for t in offered if "this guest" in t or "the guest" in t], offered
        assert all(t[0] == t[0].upper() for t in offered), offered


# -- the guest's record, as staff see it ----------------------------------------------------------


async def test_a_talk_marked_had_names_the_guest_and_can_be_taken_back(demo_dir: Path, clock: FixedClock):
    """k marks Mere's wish to talk had (naming her); u takes it back and it is open again."""
    house = House.open(demo_dir, clock)
    mere = house.sign_in.sign_in("Mere", "3333")
    stay = stay_of(house, "Mere")
    check_in = house.records.open(mere, mere.person_id, "test").check_ins[-1]
    house.voice.ask_to_talk(mere, "check_in", check_in.id)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        screen = await open_guest(pilot, "Mere")
        said = notices(app)
        table = screen.query_one("#guest-check-ins", HouseTable)
        table.focus()
        table.highlight(f"check_in:{check_in.id}")
        assert screen.check_action("undo_talked", ()) is False
        await settle(pilot, "k")
        assert said[-1] == "Marked: you talked with Mere about a check-in. u takes it back."
        (request,) = house.store.find(TalkRequest, stay_id=stay.id)
        assert not request.is_open
        assert table.highlighted_key() == f"check_in:{check_in.id}"
        assert "u Undo" in screen_text(app)
        await settle(pilot, "u")
        assert said[-1] == "Taken back: Mere's wish to talk about a check-in is open again."
        (request,) = house.store.find(TalkRequest, stay_id=stay.id)
        assert request.is_open
        assert screen.check_action("undo_talked", ()) is False


async def test_a_new_check_in_leaves_the_highlight_on_the_same_one(demo_dir: Path, clock: FixedClock):
    """The newest check-in comes in at the top: the highlighted one stays highlighted, a row lower."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        screen = await open_guest(pilot, "Mere")
        said = notices(app)
        table = screen.query_one("#guest-check-ins", HouseTable)
        table.move_cursor(row=2)
        await pilot.pause()
        before = table.highlighted_key()
        await settle(pilot, "c")
        await settle(pilot, "ctrl+s")
        assert isinstance(app.screen, GuestScreen), screen_text(app)
        assert table.highlighted_key() == before and table.cursor_row == 3
        assert said[-1].startswith("The check-in with Mere is saved")


async def test_changing_an_intention_keeps_it_highlighted(demo_dir: Path, clock: FixedClock):
    """s changes the highlighted intention (not the first), and the highlight stays on it."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    mere = stay_of(house, "Mere").guest_id
    for words in ("Ring my sister", "Walk to the shop", "Plan the week after"):
        house.intentions.set(tama, mere, words, with_guest=True)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        screen = await open_guest(pilot, "Mere")
        await settle(pilot, "3")
        table = screen.query_one("#guest-intentions", HouseTable)
        assert screen.record is not None
        wanted = next(i for i in screen.record.intentions if i.words == "Walk to the shop")
        table.highlight(f"intention:{wanted.id}")
        await settle(pilot, "s")
        form = app.screen
        assert isinstance(form, ChangeIntentionForm) and form.intention.id == wanted.id
        form.query_one("#intention-new-words", Input).value = "Walk to the shop with Tama"
        next(b for b in form.query(RadioButton) if b.name == "changed").value = True
        form.query_one("#intention-with-guest").value = True
        await settle(pilot, "ctrl+s")
        assert app.screen is screen, screen_text(app)
        assert table.highlighted_key() == f"intention:{wanted.id}"


async def test_a_long_check_in_note_wraps_at_80_columns(demo_dir: Path, clock: FixedClock):
    """A long note on a check-in is read in full on the record at 80x24."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    house.check_ins.record(tama, stay_of(house, "Mere"), "checked_in", note=LONG_NOTE)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        assert LONG_NOTE in " ".join(screen_text(app).split())


# -- covering -------------------------------------------------------------------------------------


def _tama_covers(house: House) -> Session:
    """Tama signs on to cover the morning shift (it is not rostered to him)."""
    tama = house.sign_in.confirm_staff("Tama", "2222")
    assert house.roster.sign_on(tama).cover
    return tama


async def test_a_second_shift_in_a_day_is_cover_on_the_roster(demo_dir: Path, clock: FixedClock):
    """Tama is put on a second shift on Thursday: no refusal, his row says cover, the notice says so."""
    from textual.widgets import Select

    from crisishouse.screens.roster import AssignForm, RosterScreen

    house = House.open(demo_dir, clock)
    tama = house.sign_in.confirm_staff("Tama", "2222")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        await settle(pilot, "o")
        screen = app.screen
        assert isinstance(screen, RosterScreen)
        said = notices(app)
        table = screen.query_one("#roster-table", HouseTable)
        # Tama is on the night of Thu 26 Nov; the morning of that day is Sam's.
        row = next(
            n
            for n, line in enumerate(screen.lines)
            if str(line.times.day) == "2026-11-26" and line.times.name == "morning"
        )
        table.move_cursor(row=row)
        await settle(pilot)
        sams = table.highlighted_key()
        await settle(pilot, "a")
        form = app.screen
        assert isinstance(form, AssignForm)
        form.query_one("#assign-staff", Select).value = tama.person_id
        await settle(pilot, "ctrl+s")
        assert app.screen is screen, screen_text(app)
        assert said[-1] == "Tama is on the morning shift on Thu 26 Nov, as cover: their second shift that day."
        cover = next(line for line in screen.lines if line.shift is not None and line.shift.cover)
        assert cover.name == "Tama" and str(cover.times.day) == "2026-11-26"
        assert "Tama, cover" in screen_text(app)
        assert table.highlighted_key() == sams, "the highlight stays on Sam's shift, where it was"


async def test_the_load_view_flags_cover_readably_at_80_columns(demo_dir: Path, clock: FixedClock):
    """Tama covered a shift: his flag says so in words, whole, on an 80-column screen."""
    from crisishouse.screens.load import LoadScreen

    _tama_covers(House.open(demo_dir, clock))
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        await settle(pilot, "w")
        screen = app.screen
        assert isinstance(screen, LoadScreen)
        screen.query_one("#load-table", HouseTable).highlight(_staff_id(app, "Tama"))
        await settle(pilot)
        assert "Tama: 1 cover shift in the last 7 days" in " ".join(screen_text(app).split())


def _staff_id(app: CrisisHouseApp, name: str) -> str:
    from crisishouse.models import StaffMember

    assert app.house is not None
    return next(m.id for m in app.house.store.find(StaffMember) if m.name == name)


# -- snapshots -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_debriefs_after_a_mark(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The debriefs: the second person marked offered and still highlighted, Undo in the footer."""
    _two_debriefs(demo_dir, clock)

    async def marked(pilot):
        await _open_debriefs(pilot)
        await settle(pilot, "down", "f")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=marked)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_handover_with_the_guests_own_line(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Mere's card: her own line (marked as hers), a long line wrapped, a line flagged."""
    house = House.open(demo_dir, clock)
    mere = house.sign_in.sign_in("Mere", "3333")
    tama = house.sign_in.sign_in("Tama", "2222")
    house.handover.add_line(mere, mere.person_id, "I'd like the window open tonight", words_noticed=True)
    house.handover.add_line(tama, mere.person_id, LONG_NOTE)
    house.handover.add_line(tama, mere.person_id, "Presenting as calm")

    async def opened(pilot):
        await sign_in(pilot, "Tama", "2222")
        await settle(pilot, "h")

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=opened)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_the_guests_own_line_form(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Mere writing for the next shift, the check's finding shown under her words as she types."""

    async def writing(pilot):
        await sign_in(pilot, "Mere", "3333")
        await settle(pilot, "h")
        typed = pilot.app.screen.query_one("#line-text", Input)
        typed.cursor_blink = False  # a blinking cursor would make the picture differ run to run
        typed.value = "Feeling non-compliant today"
        await settle(pilot)

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=writing)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_guest_record_for_staff(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Mere's record as Tama sees it: a long check-in note wrapped, the staff keys in the footer."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    house.check_ins.record(tama, stay_of(house, "Mere"), "checked_in", note=LONG_NOTE)

    async def opened(pilot):
        await sign_in(pilot, "Tama", "2222")
        await open_guest(pilot, "Mere")

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=opened)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_sign_off_question(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """F2 mid-shift asks first, with the hours so far; "Stay signed on" has the focus."""
    house = House.open(demo_dir, clock)
    _tama_covers(house)
    clock.advance(minutes=54)

    async def asked(pilot):
        from tests.pilot_helpers import opened

        await opened(pilot)
        app = pilot.app
        app.screen.query_one("#name").value = "Tama"
        app.screen.query_one("#pin").value = "2222"
        await settle(pilot, "f2")
        assert isinstance(app.screen, ConfirmScreen)

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=asked)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_load_with_a_cover_shift(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The load view with Tama highlighted: his cover shift flagged in words."""
    _tama_covers(House.open(demo_dir, clock))

    async def loaded(pilot):
        await sign_in(pilot, "Aroha", "1111")
        await settle(pilot, "w")
        pilot.app.screen.query_one("#load-table", HouseTable).highlight(_staff_id(pilot.app, "Tama"))
        await settle(pilot)

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=loaded)
