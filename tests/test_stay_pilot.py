"""A guest's stay driven through the house terminal (Textual Pilot).

Each step is checked twice: in the house's services (what was kept) and on
the screen (what people see).
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pendulum
from textual.widgets import Checkbox, DataTable, Input, Label, RadioButton, RadioSet, Select, Static

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import Guest
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.check_in_form import CheckInForm
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.intention_forms import ChangeIntentionForm, IntentionForm
from crisishouse.screens.rating_form import RatingForm
from crisishouse.screens.rhythm import RhythmScreen
from crisishouse.screens.rhythm_form import OneOffForm
from crisishouse.screens.stay_forms import ArriveForm, LeaveForm, LeavingDateForm, MoveRoomForm
from crisishouse.screens.unsaved import LeaveUnsaved
from tests.pilot_helpers import screen_rows, screen_text, sign_in
from tests.sessions import staff_of

ROOMS = ("Kōwhai", "Rātā", "Mānuka", "Harakeke", "Tōtara", "Pōhutukawa", "Kauri", "Rimu")

MARKUP = "[bold red]x[/] [@click=app.quit]q[/] [link=http://x]y[/link]"
ESCAPES = "\x1b[2J\x1b]0;t\x07"
# Everything odd at once, for free text: what is typed, and what should show (escapes dropped).
ODD = f"{MARKUP} ok{ESCAPES}ok 🌿😊 Māori whānau"
ODD_SHOWN = f"{MARKUP} okok 🌿😊 Māori whānau"
# Names, pronouns and a support person hold at most 60 characters: the odd things in two goes.
ODD_NAMES = [(MARKUP, MARKUP), (f"ok{ESCAPES}ok 🌿😊 Māori whānau", "okok 🌿😊 Māori whānau")]
LATER = pendulum.date(2026, 11, 30)
HUNDRED_KB = ("kōrero " * 15_000)[:100_000]


# -- helpers ------------------------------------------------------------------


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press keys (Pilot waits for the app to go idle after each)."""
    await pilot.press(*keys)


async def save(pilot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+S on a form, and let the answer show."""
    await pilot.press("ctrl+s")
    await pilot.pause()


def fill(app, **values) -> None:  # type: ignore[no-untyped-def]
    """Set the current form's widgets by id (underscores become dashes)."""
    for field_id, value in values.items():
        app.screen.query_one(f"#{field_id.replace('_', '-')}").value = value


def choose(app, name: str) -> None:  # type: ignore[no-untyped-def]
    """Press the current form's radio button called `name`."""
    (button,) = [b for b in app.screen.query(RadioButton) if b.name == name]
    button.value = True


def problem(app) -> str:  # type: ignore[no-untyped-def]
    """The message a form shows under its fields."""
    return str(app.screen.query_one("#form-problem", Static).content)


def dialog_text(app) -> str:  # type: ignore[no-untyped-def]
    """A form's words as one line: its lines unwrapped, borders taken off."""
    lines = (line.strip().strip("│").strip() for line in screen_text(app).splitlines())
    return " ".join(line for line in lines if line)


def newest_entry(app) -> str:  # type: ignore[no-untyped-def]
    """The entry made at 10:30 as one line: its row and the rows its words wrap onto."""
    rows = screen_rows(app)
    start = next(i for i, row in enumerate(rows) if "10:30" in row)
    entry = [rows[start]]
    for row in rows[start + 1 :]:
        if not row.strip() or not row.startswith(" " * 12):  # the next entry, or the table's end
            break
        entry.append(row)
    return " ".join(" ".join(entry).split())


async def highlight_room(pilot, room: str) -> None:  # type: ignore[no-untyped-def]
    """Move the board's cursor to a room's row."""
    table = pilot.app.screen.query_one("#rooms", DataTable)
    table.move_cursor(row=ROOMS.index(room))
    await pilot.pause()


async def open_room(pilot, room: str) -> None:  # type: ignore[no-untyped-def]
    """From the board, open the guest staying in `room` with Enter."""
    await highlight_room(pilot, room)
    await press(pilot, "enter")
    assert isinstance(pilot.app.screen, GuestScreen)


def board_line(app, room: str) -> str:  # type: ignore[no-untyped-def]
    """The board's line for a room, as shown."""
    return next(line for line in screen_text(app).splitlines() if f" {room} " in line)


def stay_in(app, room: str):  # type: ignore[no-untyped-def]
    """The stay now in `room`, from the house's services."""
    return next(s for s in app.house.stays.staying(staff_of(app.house)) if s.room == room)


WALLS = ("tinana", "hinengaro", "whanau", "wairua")


async def rate(pilot, numbers, words: str = "", *, with_guest: bool | None = True) -> None:  # type: ignore[no-untyped-def]
    """Fill the open rating form (four numbers, own words, the staff tick) and save it."""
    app = pilot.app
    for wall, number in zip(WALLS, numbers, strict=True):
        app.screen.query_one(f"#rate-{wall}", Input).value = str(number)
    app.screen.query_one("#rate-words", Input).value = words
    if with_guest is not None:
        app.screen.query_one("#rate-with-guest", Checkbox).value = with_guest
    await save(pilot)


# -- 1. a whole stay ------------------------------------------------------------


async def test_a_whole_stay_from_arrival_to_leaving(demo_dir: Path, clock: FixedClock):
    """Tama welcomes a guest into Rimu and sees them through to leaving, step by step."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        house = app.house
        assert "free" in board_line(app, "Rimu")

        # A guest arrives in Rimu: the only free room is offered first.
        await press(pilot, "a")
        assert isinstance(app.screen, ArriveForm)
        await press(pilot, *"Wiremu")
        assert app.screen.query_one("#arrive-room", Select).value == "Rimu"
        fill(app, arrive_pronouns="he/him", arrive_pin="4545")
        await save(pilot)
        assert isinstance(app.screen, BoardScreen)
        stay = stay_in(app, "Rimu")
        guest = house.store.get(Guest, stay.guest_id)
        assert (guest.chosen_name, guest.pronouns) == ("Wiremu", "he/him")
        assert stay.planned_leaving == pendulum.date(2026, 12, 1)
        assert house.sign_in.sign_in("Wiremu", "4545").person_id == guest.id
        text = screen_text(app)
        assert "Wiremu (he/him)" in board_line(app, "Rimu") and "day 1 of 7" in board_line(app, "Rimu")
        assert "Arrived today: Wiremu (Rimu)" in text
        assert "8 staying, 0 rooms free" in text

        # Three check-ins from the board: checked in, chose quiet time, one with a note.
        await highlight_room(pilot, "Rimu")
        await press(pilot, "c")
        assert isinstance(app.screen, CheckInForm)
        await press(pilot, "1")
        assert isinstance(app.screen, BoardScreen)
        assert "10:30 checked in" in board_line(app, "Rimu")
        clock.advance(hours=4)
        await press(pilot, "c", "2")
        assert "14:30 chose quiet time" in board_line(app, "Rimu")
        clock.advance(hours=6)
        await press(pilot, "c", "tab")
        await press(pilot, *"Cards", "enter")
        assert isinstance(app.screen, BoardScreen)
        check_ins = house.check_ins.for_stay(staff_of(house), stay)
        assert [c.outcome for c in check_ins] == ["checked_in", "quiet_time", "checked_in"]
        assert [c.note for c in check_ins] == ["", "", "Cards"]
        assert "20:30 checked in" in board_line(app, "Rimu")

        # The guest's record shows the three, newest first.
        await open_room(pilot, "Rimu")
        text = screen_text(app)
        assert "Wiremu (he/him)" in text and "Rimu" in text
        lines = [line for line in text.splitlines() if any(t in line for t in ("10:30", "14:30", "20:30"))]
        assert "20:30" in lines[0] and "Cards" in lines[0]
        assert "14:30" in lines[1] and "chose quiet time" in lines[1]

        # Two wellbeing ratings, entered with the guest, a day apart.
        await press(pilot, "w")
        assert isinstance(app.screen, RatingForm)
        await rate(pilot, (4, 3, 5, 6), "Tired but here")
        assert isinstance(app.screen, GuestScreen)
        clock.advance(hours=14)
        await press(pilot, "w")
        await rate(pilot, (6, 5, 5, 7))
        ratings = house.wellbeing.for_stay(app.session, guest.id, stay.id)
        assert [(r.tinana, r.hinengaro, r.whanau, r.wairua) for r in ratings] == [(4, 3, 5, 6), (6, 5, 5, 7)]
        assert all(r.with_guest and r.entered_by == app.session.person_id for r in ratings)
        await press(pilot, "2")
        text = screen_text(app)
        assert "24 Nov 4  25 Nov 6" in text  # taha tinana
        assert "24 Nov 3  25 Nov 5" in text  # taha hinengaro
        assert "Tired but here" in text

        # An intention, written with the guest; then changed; then done.
        await press(pilot, "i")
        assert isinstance(app.screen, IntentionForm)
        fill(app, intention_words="Ring my cousin", intention_with_guest=True)
        await save(pilot)
        (intention,) = house.intentions.for_stay(app.session, guest.id, stay.id)
        assert (intention.words, intention.status) == ("Ring my cousin", "working_on_it")
        await press(pilot, "3")
        assert "Ring my cousin" in screen_text(app) and "working on it" in screen_text(app)

        await press(pilot, "s")
        assert isinstance(app.screen, ChangeIntentionForm)
        choose(app, "changed")
        fill(app, intention_new_words="Text my cousin first", intention_with_guest=True)
        await save(pilot)
        assert isinstance(app.screen, GuestScreen)
        (intention,) = house.intentions.for_stay(app.session, guest.id, stay.id)
        assert (intention.words, intention.status) == ("Text my cousin first", "changed")
        assert "Text my cousin first" in screen_text(app)

        await press(pilot, "s")
        choose(app, "done")
        fill(app, intention_with_guest=True)
        await save(pilot)
        (intention,) = house.intentions.for_stay(app.session, guest.id, stay.id)
        assert intention.status == "done" and intention.words == "Text my cousin first"
        assert [step.status for step in intention.history] == ["working_on_it", "changed"]
        line = next(line for line in screen_text(app).splitlines() if "Text my cousin first" in line)
        assert "done" in line

        # Ben leaves Kauri (keeping his record), and Wiremu moves into it.
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen)
        ben = stay_in(app, "Kauri")
        await open_room(pilot, "Kauri")
        await press(pilot, "l")
        assert isinstance(app.screen, LeaveForm)
        assert app.screen.query_one("#leave-choice", RadioSet).pressed_button is None, "the choice is Ben's to make"
        await save(pilot)
        assert isinstance(app.screen, LeaveForm), "saving without a choice asks for one"
        assert problem(app).startswith("Choose with the guest")
        choose(app, "keep")
        await save(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert house.stays.get(staff_of(house), ben.id).record_choice == "keep"
        assert "free" in board_line(app, "Kauri")

        await open_room(pilot, "Rimu")
        await press(pilot, "m")
        assert isinstance(app.screen, MoveRoomForm)
        fill(app, move_room="Kauri")
        await save(pilot)
        assert isinstance(app.screen, GuestScreen)
        moved = house.stays.get(staff_of(house), stay.id)
        assert moved.room == "Kauri" and [(m.from_room, m.to_room) for m in moved.moves] == [("Rimu", "Kauri")]
        assert "Wiremu (he/him)  ·  Kauri  ·  day 2 of 7" in screen_text(app)

        # Wiremu leaves, choosing to keep his record.
        await press(pilot, "l")
        assert isinstance(app.screen, LeaveForm)
        choose(app, "keep")
        await save(pilot)
        assert isinstance(app.screen, BoardScreen)
        left = house.stays.get(staff_of(house), stay.id)
        assert left.left_at == clock.now() and left.record_choice == "keep"
        assert all(s.guest_id != guest.id for s in house.stays.staying(staff_of(house)))
        assert "free" in board_line(app, "Kauri") and "free" in board_line(app, "Rimu")
        assert "Wiremu" not in board_line(app, "Kauri")
        assert "6 staying, 2 rooms free" in screen_text(app)


# -- 2. refusals shown in forms -------------------------------------------------


async def test_rating_above_ten_shows_the_services_message(demo_dir: Path, clock: FixedClock):
    """A rating of 12 is refused with the service's words; the numbers typed stay."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Rātā")
        await open_room(pilot, "Rātā")
        before = len(app.house.wellbeing.for_stay(app.session, stay.guest_id, stay.id))
        await press(pilot, "w", "1", "2", "tab", "5", "tab", "5", "tab", "5")
        fill(app, rate_words="feeling big", rate_with_guest=True)
        await save(pilot)
        assert isinstance(app.screen, RatingForm)
        assert problem(app) == "taha tinana (body): wellbeing ratings go from 0 to 10; got 12."
        assert "wellbeing ratings go from 0 to 10" in screen_text(app)
        assert app.screen.query_one("#rate-tinana", Input).value == "12"
        assert app.screen.query_one("#rate-words", Input).value == "feeling big"
        assert app.screen.query_one("#rate-with-guest", Checkbox).value is True
        assert len(app.house.wellbeing.for_stay(app.session, stay.guest_id, stay.id)) == before


async def test_staff_rating_without_the_guest_is_refused(demo_dir: Path, clock: FixedClock):
    """Staff must tick 'with the guest' to enter a rating; the form says why and keeps the numbers."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Rātā")
        await open_room(pilot, "Rātā")
        before = len(app.house.wellbeing.for_stay(app.session, stay.guest_id, stay.id))
        await press(pilot, "w")
        await rate(pilot, (5, 6, 7, 8), "ok today", with_guest=False)
        assert isinstance(app.screen, RatingForm)
        assert problem(app).startswith("A guest's wellbeing is rated by the guest.")
        assert [app.screen.query_one(f"#rate-{w}", Input).value for w in WALLS] == ["5", "6", "7", "8"]
        assert app.screen.query_one("#rate-words", Input).value == "ok today"
        assert len(app.house.wellbeing.for_stay(app.session, stay.guest_id, stay.id)) == before


async def test_staff_intention_without_the_guest_is_refused(demo_dir: Path, clock: FixedClock):
    """A staff intention without 'with the guest' ticked is refused; the words stay."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Rātā")
        await open_room(pilot, "Rātā")
        await press(pilot, "i")
        await press(pilot, *"Swim")
        await save(pilot)
        assert isinstance(app.screen, IntentionForm)
        assert problem(app).startswith("Intentions are the guest's own.")
        assert app.screen.query_one("#intention-words", Input).value == "Swim"
        words = [i.words for i in app.house.intentions.for_stay(app.session, stay.guest_id, stay.id)]
        assert "Swim" not in words


async def test_arrival_with_a_bad_leaving_date_is_refused(demo_dir: Path, clock: FixedClock):
    """An arrival leaving before it arrives, or too long with no reason, is refused; nothing typed is lost."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await press(pilot, "a")
        typed = dict(arrive_name="Ana", arrive_pronouns="she/her", arrive_support="Mum", arrive_pin="1357")
        fill(app, **typed, arrive_consent=True)
        for leaving, message in [
            ("2026-11-20", "The planned leaving date is before the arrival."),
            ("2026-12-20", "That makes 26 nights, longer than the house's usual 14. Say in plain words why"),
        ]:
            fill(app, arrive_leaving=leaving)
            await save(pilot)
            assert isinstance(app.screen, ArriveForm)
            assert problem(app).startswith(message)
            assert message[:40] in dialog_text(app)
            for field_id, value in {**typed, "arrive_leaving": leaving, "arrive_reason": ""}.items():
                assert app.screen.query_one(f"#{field_id.replace('_', '-')}", Input).value == value
            assert app.screen.query_one("#arrive-consent", Checkbox).value is True
            assert app.screen.query_one("#arrive-room", Select).value == "Rimu"
        assert not any(s.room == "Rimu" for s in app.house.stays.staying(staff_of(app.house)))


async def test_arrival_into_a_taken_room_is_refused(demo_dir: Path, clock: FixedClock):
    """A room taken while the arrival form was open is refused by the service, and the form says so."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await press(pilot, "a")
        fill(app, arrive_name="Ana")
        # Meanwhile, at another terminal, someone else arrives in Rimu.
        app.house.stays.arrive(app.session, chosen_name="Pita", room="Rimu", planned_leaving=LATER)
        await save(pilot)
        assert isinstance(app.screen, ArriveForm)
        assert problem(app) == "Rimu has someone staying in it. Choose a free room."
        assert app.screen.query_one("#arrive-name", Input).value == "Ana"
        assert app.house.store.get(Guest, stay_in(app, "Rimu").guest_id).chosen_name == "Pita"


async def test_leaving_date_that_is_not_a_date_is_refused(demo_dir: Path, clock: FixedClock):
    """'2026-13-40' in the leaving-date form shows how dates are written; the typing stays."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Mānuka")
        await open_room(pilot, "Mānuka")
        await press(pilot, "e")
        assert isinstance(app.screen, LeavingDateForm)
        fill(app, leaving_date="2026-13-40", leaving_reason="Waiting for a flat")
        await save(pilot)
        assert isinstance(app.screen, LeavingDateForm)
        assert problem(app) == "Dates are written like 2026-11-23 (year-month-day); got '2026-13-40'"
        assert "Dates are written like 2026-11-23" in screen_text(app)
        assert app.screen.query_one("#leaving-date", Input).value == "2026-13-40"
        assert app.screen.query_one("#leaving-reason", Input).value == "Waiting for a flat"
        assert app.house.stays.get(staff_of(app.house), stay.id).planned_leaving == stay.planned_leaving


# -- 3. a guest's own session ---------------------------------------------------


async def test_guest_has_no_staff_keys(demo_dir: Path, clock: FixedClock):
    """Mere's own screen offers no check-in, move, leave or back-to-board; pressing them does nothing."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        screen = app.screen
        assert isinstance(screen, GuestScreen)
        for action in ("check_in", "move", "leave", "leaving_date", "out_tonight", "back"):
            assert screen.check_action(action, ()) is False, action
        # "i" works on every tab; the footer shows it on the intentions tab (its hidden twin works elsewhere).
        assert screen.check_action("rate", ()) and screen.check_action("intention_anywhere", ())
        assert screen.check_action("check_in_anywhere", ()) is False, "a twin never opens a staff key"
        footer = screen_text(app).splitlines()[-1]
        assert "Check in" not in footer and "Rate" in footer
        for key in ("c", "m", "l", "e", "o", "escape"):
            await press(pilot, key)
            assert app.screen is screen, key


async def test_guest_rates_her_own_wellbeing(demo_dir: Path, clock: FixedClock):
    """Mere rates her own four walls: no 'with the guest' tick, her own words kept."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        me = app.session
        await press(pilot, "w")
        assert isinstance(app.screen, RatingForm)
        assert not app.screen.query("#rate-with-guest")
        await press(pilot, "7", "tab", "6", "tab", "8", "tab", "9")
        fill(app, rate_words="Slept well")
        await save(pilot)
        assert isinstance(app.screen, GuestScreen)
        latest = app.house.wellbeing.for_stay(me, me.person_id, me.stay_id)[-1]
        assert (latest.tinana, latest.hinengaro, latest.whanau, latest.wairua) == (7, 6, 8, 9)
        assert latest.entered_by == me.person_id and latest.own_words == "Slept well"
        await press(pilot, "2")
        text = screen_text(app)
        assert "24 Nov 7" in text and "Slept well" in text


async def test_guest_sets_and_changes_her_own_intention(demo_dir: Path, clock: FixedClock):
    """Mere sets an intention in her own words and then changes it, with no tick to make."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        me = app.session
        await press(pilot, "i")
        assert isinstance(app.screen, IntentionForm)
        assert not app.screen.query("#intention-with-guest")
        fill(app, intention_words="Bake bread for the house")
        await save(pilot)
        mine = app.house.intentions.for_stay(me, me.person_id, me.stay_id)
        assert mine[-1].words == "Bake bread for the house" and mine[-1].set_by == me.person_id

        await press(pilot, "3")
        table = app.screen.query_one("#guest-intentions", DataTable)
        table.focus()
        await press(pilot, "down")
        assert table.cursor_row == len(mine) - 1
        await press(pilot, "s")
        assert isinstance(app.screen, ChangeIntentionForm)
        assert "Bake bread for the house" in screen_text(app)
        choose(app, "changed")
        fill(app, intention_new_words="Bake scones instead")
        await save(pilot)
        assert isinstance(app.screen, GuestScreen)
        changed = app.house.intentions.for_stay(me, me.person_id, me.stay_id)[-1]
        assert (changed.words, changed.status, changed.set_by) == ("Bake scones instead", "changed", me.person_id)
        assert "Bake scones instead" in screen_text(app)


# -- 4. people's words, shown as typed ------------------------------------------


async def test_arrival_fields_keep_odd_text_literally(demo_dir: Path, clock: FixedClock):
    """Markup, escapes, emoji and macrons in name, pronouns, reason and support show as typed; 100 kB is refused."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(220, 50)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        for typed, shown in ODD_NAMES:
            await press(pilot, "a")
            fill(
                app,
                arrive_name=typed,
                arrive_pronouns=typed,
                arrive_leaving="2026-12-20",
                arrive_reason=ODD,
                arrive_support=typed,
                arrive_consent=True,
            )
            await save(pilot)
            assert isinstance(app.screen, BoardScreen), problem(app)
            stay = stay_in(app, "Rimu")
            guest = app.house.store.get(Guest, stay.guest_id)
            assert (guest.chosen_name, guest.pronouns, guest.support_person) == (shown,) * 3
            assert stay.longer_stay_reason == ODD_SHOWN
            assert f"{shown} ({shown})" in board_line(app, "Rimu")
            await highlight_room(pilot, "Rimu")
            await press(pilot, "c")
            # The heading is cut at the dialog's width (names may be 60 characters), and never markup.
            assert str(app.screen.query_one(".form-title", Label).visual) == f"Check-in with {shown}"
            assert f"Check-in with {shown}"[:50] in dialog_text(app)
            await press(pilot, "escape")
            await open_room(pilot, "Rimu")
            text = screen_text(app)
            assert f"{shown} ({shown})" in text
            assert f"longer than the house's usual 14: {ODD_SHOWN}." in text
            assert f"Support person: {shown}" in text
            await press(pilot, "escape")
            app.house.stays.leave(app.session, stay.id, "keep")
            await press(pilot, "r")
        # A returning guest is offered back under their name, as typed.
        await press(pilot, "a")
        fill(app, arrive_name=MARKUP)
        await pilot.pause()
        (earlier,) = [g for g in app.house.store.find(Guest) if g.chosen_name == MARKUP]
        app.screen.query_one("#arrive-returning", Select).value = earlier.id
        await pilot.pause()
        assert f"Welcome back: {MARKUP}"[:50] in dialog_text(app)
        # 100 kB is more than a name or pronouns can hold: refused with the length, and kept in the form.
        fill(app, arrive_name=HUNDRED_KB)
        await save(pilot)
        assert problem(app) == "A chosen name can be at most 60 characters; got 100000."
        assert app.screen.query_one("#arrive-name", Input).value == HUNDRED_KB
        fill(app, arrive_name="Ana", arrive_pronouns=HUNDRED_KB)
        await save(pilot)
        assert problem(app) == "Pronouns can be at most 60 characters; got 100000."
        assert not any(s.room == "Rimu" for s in app.house.stays.staying(staff_of(app.house)))
        assert app.is_running


async def test_check_in_note_keeps_odd_text_literally(demo_dir: Path, clock: FixedClock):
    """A check-in note with markup, escapes, emoji and macrons shows as typed on the guest's record."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Rātā")
        await open_room(pilot, "Rātā")
        await press(pilot, "c", "tab")
        fill(app, check_in_note=ODD)
        await press(pilot, "enter")
        await pilot.pause()
        assert isinstance(app.screen, GuestScreen), problem(app)
        assert app.house.check_ins.for_stay(staff_of(app.house), stay)[-1].note == ODD_SHOWN
        assert ODD_SHOWN in newest_entry(app)
        assert app.is_running


async def test_rating_words_keep_odd_text_literally(demo_dir: Path, clock: FixedClock):
    """A rating's own words with markup, escapes, emoji and macrons show as typed on the Wellbeing tab."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Rātā")
        await open_room(pilot, "Rātā")
        await press(pilot, "2", "w")
        await rate(pilot, (5, 5, 5, 5), ODD)
        assert isinstance(app.screen, GuestScreen), problem(app)
        assert app.house.wellbeing.for_stay(app.session, stay.guest_id, stay.id)[-1].own_words == ODD_SHOWN
        await pilot.pause()
        assert ODD_SHOWN in newest_entry(app)
        assert app.is_running


async def test_intention_words_keep_odd_text_literally(demo_dir: Path, clock: FixedClock):
    """An intention with markup, escapes, emoji and macrons shows as typed, in its tab and its change form."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Rātā")
        await open_room(pilot, "Rātā")
        await press(pilot, "3", "i")
        fill(app, intention_words=ODD, intention_with_guest=True)
        await save(pilot)
        assert isinstance(app.screen, GuestScreen), problem(app)
        assert app.house.intentions.for_stay(app.session, stay.guest_id, stay.id)[-1].words == ODD_SHOWN
        assert ODD_SHOWN in screen_text(app)
        # The change form's heading is the intention's words (cut at the dialog's width), never markup.
        app.screen.query_one("#guest-intentions", DataTable).move_cursor(row=1)
        await press(pilot, "s")
        assert isinstance(app.screen, ChangeIntentionForm)
        assert str(app.screen.query_one(".form-title", Label).visual) == f"“{ODD_SHOWN}”"
        assert f"“{ODD_SHOWN}"[:50] in dialog_text(app)
        assert app.is_running


async def test_a_hundred_kilobytes_of_words_are_kept(demo_dir: Path, clock: FixedClock):
    """100 kB in a check-in note, a rating's words and an intention is saved, and the record still opens."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = stay_in(app, "Rātā")
        guest_id = stay.guest_id
        await open_room(pilot, "Rātā")
        await press(pilot, "c", "tab")
        fill(app, check_in_note=HUNDRED_KB)
        await press(pilot, "enter")
        assert isinstance(app.screen, GuestScreen), problem(app)
        await press(pilot, "w")
        await rate(pilot, (5, 5, 5, 5), HUNDRED_KB)
        assert isinstance(app.screen, GuestScreen), problem(app)
        await press(pilot, "i")
        fill(app, intention_words=HUNDRED_KB, intention_with_guest=True)
        await save(pilot)
        assert isinstance(app.screen, GuestScreen), problem(app)
        kept = HUNDRED_KB.strip()
        assert app.house.check_ins.for_stay(staff_of(app.house), stay)[-1].note == kept
        assert app.house.wellbeing.for_stay(app.session, guest_id, stay.id)[-1].own_words == kept
        assert app.house.intentions.for_stay(app.session, guest_id, stay.id)[-1].words == kept
        for tab in ("1", "2", "3"):
            await press(pilot, tab)
            assert "kōrero kōrero" in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen)
        assert app.is_running


async def test_rhythm_one_off_keeps_odd_text_literally(demo_dir: Path, clock: FixedClock):
    """A one-off's 'what' with markup, escapes, emoji and macrons shows as typed; 100 kB is refused."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await press(pilot, "y", "o")
        assert isinstance(app.screen, OneOffForm)
        fill(app, one_off_time="16:00", one_off_what=ODD)
        await save(pilot)
        assert isinstance(app.screen, RhythmScreen), problem(app)
        assert [i.what for i in app.house.rhythm.one_offs(pendulum.date(2026, 11, 24))] == [ODD_SHOWN]
        line = next(line for line in screen_text(app).splitlines() if "16:00" in line)
        assert ODD_SHOWN in line and "one-off" in line
        await press(pilot, "o")
        fill(app, one_off_time="17:00", one_off_what=HUNDRED_KB)
        await save(pilot)
        assert isinstance(app.screen, OneOffForm)
        assert problem(app) == "What happens can be at most 200 characters; got 100000."
        assert app.screen.query_one("#one-off-what", Input).value == HUNDRED_KB
        assert app.is_running


# -- 5. the rhythm screen -------------------------------------------------------


async def test_rhythm_one_off_for_a_day(demo_dir: Path, clock: FixedClock):
    """Right moves a day on, 'o' adds a one-off there, 't' and left come back; it shows that day only."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await press(pilot, "y")
        await press(pilot, "right")
        assert "Wednesday 25 November 2026  (tomorrow)" in screen_text(app)
        await press(pilot, "o")
        assert isinstance(app.screen, OneOffForm)
        assert app.screen.query_one("#one-off-day", Input).value == "2026-11-25"
        await press(pilot, "tab", *"13:30", "tab")
        fill(app, one_off_what="Trip to the beach")
        await save(pilot)
        assert isinstance(app.screen, RhythmScreen), problem(app)
        assert [i.what for i in app.house.rhythm.one_offs(pendulum.date(2026, 11, 25))] == ["Trip to the beach"]
        line = next(line for line in screen_text(app).splitlines() if "13:30" in line)
        assert "Trip to the beach" in line and "one-off" in line
        await press(pilot, "t")
        assert "Tuesday 24 November 2026  (today)" in screen_text(app)
        assert "Trip to the beach" not in screen_text(app)
        await press(pilot, "left")
        heading = next(line for line in screen_text(app).splitlines() if "November 2026" in line)
        assert heading.strip() == "Monday 23 November 2026"


async def test_rhythm_skips_an_everyday_item_for_one_day(demo_dir: Path, clock: FixedClock):
    """'x' on Breakfast skips it today only; tomorrow it is back."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await press(pilot, "y")
        assert "08:00" in screen_text(app) and "Breakfast" in screen_text(app)
        assert app.screen.query_one("#rhythm-items", DataTable).cursor_row == 0
        await press(pilot, "x")
        today, tomorrow = pendulum.date(2026, 11, 24), pendulum.date(2026, 11, 25)
        assert "Breakfast" not in [e.what for e in app.house.rhythm.day(today)]
        assert "Breakfast" not in screen_text(app)
        await press(pilot, "right")
        assert "Breakfast" in [e.what for e in app.house.rhythm.day(tomorrow)]
        assert "Breakfast" in screen_text(app)


async def test_rhythm_says_when_a_day_has_23_hours(demo_dir: Path, clock: FixedClock):
    """On 27 September 2026 (clocks go forward in Aotearoa) the heading says it is a 23-hour day."""
    clock.set(pendulum.datetime(2026, 9, 26, 10, 0, tz="Pacific/Auckland"))
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await press(pilot, "y")
        assert "Saturday 26 September 2026  (today)" in screen_text(app)
        assert "hour day" not in screen_text(app)
        await press(pilot, "right")
        heading = screen_text(app)
        assert "Sunday 27 September 2026  (tomorrow)" in heading
        assert "A 23-hour day" in heading
        await press(pilot, "right")
        assert "hour day" not in screen_text(app)


# -- bugs found on the way, fixed ---------------------------------------------------


async def test_rhythm_day_keys_are_shown_and_work_with_a_long_item(demo_dir: Path, clock: FixedClock):
    """The footer shows the day keys, and right moves a day on even with a long one-off (200 characters are allowed)."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await press(pilot, "y", "o")
        fill(app, one_off_time="16:00", one_off_what="Trip to the beach at Ōtaki with a picnic lunch " * 3)
        await save(pilot)
        assert isinstance(app.screen, RhythmScreen), problem(app)
        await press(pilot, "right")
        assert "Wednesday 25 November 2026  (tomorrow)" in screen_text(app)
        footer = screen_text(app).splitlines()[-1]
        assert "←→Day" in footer.replace(" ", ""), footer


async def test_guest_screen_says_whose_record_at_80x24(demo_dir: Path, clock: FixedClock):
    """At 80x24 the guest's name, room and day stay in view on the Check-ins and Wellbeing tabs."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await open_room(pilot, "Pōhutukawa")
        assert "Rosa (ia)  ·  Pōhutukawa" in screen_text(app)
        await press(pilot, "2")
        assert "Rosa (ia)  ·  Pōhutukawa" in screen_text(app)


async def test_no_room_chosen_is_explained(demo_dir: Path, clock: FixedClock):
    """A move or arrival with no room chosen, or with every room taken, says 'Choose a free room.'"""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await open_room(pilot, "Rātā")
        await press(pilot, "m")
        assert isinstance(app.screen, MoveRoomForm)
        await save(pilot)
        assert problem(app) == "Choose a free room."
        await press(pilot, "escape", "escape", "a")
        fill(app, arrive_name="Ana")
        app.screen.query_one("#arrive-room", Select).clear()
        await save(pilot)
        assert problem(app) == "Choose a free room."
        await press(pilot, "escape")
        assert isinstance(app.screen, LeaveUnsaved), "Ana's name was typed: Esc asks before it is lost"
        await pilot.click("#leave-anyway")
        # Every room taken: the arrival form still opens, and says why it cannot save.
        app.house.stays.arrive(app.session, chosen_name="Pita", room="Rimu", planned_leaving=LATER)
        await press(pilot, "r")
        with contextlib.suppress(TimeoutError):
            # If the app died under it, Pilot's key press would never return.
            await asyncio.wait_for(pilot.press("a"), timeout=2)
        assert app.is_running
        # Every room taken: no arrival form, and the board says why.
        assert isinstance(app.screen, BoardScreen)
        assert not any(isinstance(s, ArriveForm) for s in app.screen_stack)
