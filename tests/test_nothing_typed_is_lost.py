"""Made for a tired worker at 3 a.m. (issue 13): nothing typed is lost, keys do what they say, readable at 80x24.

Each behaviour is driven through the terminal with Pilot; the pictures
(80x24 and 120x40) are at the end. Update them with
`.venv/bin/python -m pytest tests/test_nothing_typed_is_lost.py --snapshot-update`
after looking at them in snapshot_report.html.
"""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input, Label, Static
from textual.widgets.input import Selection

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.board import BoardScreen, fit_widths
from crisishouse.screens.check_in_form import CheckInForm
from crisishouse.screens.copy_form import SaveCopyForm, removable_media, suggested_folder
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.keys import KeysPanel
from crisishouse.screens.lock import LockScreen
from crisishouse.screens.past_handovers import PastHandoversScreen
from crisishouse.screens.rating_form import RatingForm
from crisishouse.screens.rhythm_form import EverydayItemForm, OneOffForm
from crisishouse.screens.staff_forms import MentalHealthDayForm
from crisishouse.screens.stay_forms import ArriveForm, LeaveForm, MoveRoomForm
from crisishouse.screens.unsaved import LEAVE_QUESTION, LeaveUnsaved
from crisishouse.services import House
from crisishouse.settings import SETTINGS_FILE
from tests.builders import TZ
from tests.pilot_helpers import screen_rows, screen_text, sign_in
from tests.test_handover_pilot import _handover_ready

SIZES = [(80, 24), (120, 40)]
SIZE_IDS = ["80x24", "120x40"]
NOTE = "Made a cuppa together; [bold]talking[/] about home"


def said(app: CrisisHouseApp) -> str:
    """Every notice showing now, as one text."""
    return " ".join(str(n.message) for n in app._notifications)


async def open_room(pilot, room: str) -> None:  # type: ignore[no-untyped-def]
    """Highlight a room on the board and open its guest's record."""
    board = pilot.app.screen
    rooms = [line.room for line in board.view.rooms]
    board.query_one("#rooms", DataTable).move_cursor(row=rooms.index(room))
    await pilot.press("enter")
    await pilot.pause()


async def check_in_with_a_note(pilot) -> CheckInForm:  # type: ignore[no-untyped-def]
    """Tama opens a check-in with Mere from the board and types a note."""
    await pilot.press("c")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, CheckInForm)
    await pilot.press("tab")
    form.query_one("#check-in-note", Input).value = NOTE
    await pilot.pause()
    return form


# -- 1. nothing typed is lost ---------------------------------------------------------------


async def test_esc_on_typed_text_asks_first_and_staying_is_the_default(demo_dir: Path, clock: FixedClock):
    """Esc with a note typed asks; Enter (the default) and Esc keep writing; only "Leave" throws it away."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        form = await check_in_with_a_note(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveUnsaved)
        assert LEAVE_QUESTION in screen_text(app)
        assert app.screen.focused is not None and app.screen.focused.id == "keep-writing"
        await pilot.press("enter")  # the safe choice
        await pilot.pause()
        assert app.screen is form and form.query_one("#check-in-note", Input).value == NOTE
        await pilot.press("escape", "escape")  # the question, then Esc on the question: still writing
        await pilot.pause()
        assert app.screen is form and form.query_one("#check-in-note", Input).value == NOTE
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#leave-anyway")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.house.check_ins.for_stay(app.session, app.screen.view.rooms[0].stay)[-1].note != NOTE


async def test_esc_on_an_untouched_form_closes_at_once(demo_dir: Path, clock: FixedClock):
    """Nothing typed, nothing to lose: Esc closes without a question."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_a_draft_cut_off_by_the_idle_lock_comes_back_to_its_writer_only(demo_dir: Path, clock: FixedClock):
    """Tama's half-written check-in note is kept at the idle lock, never shown to Aroha, and back when Tama returns."""
    idle = [0.0]
    app = CrisisHouseApp(demo_dir, clock, idle_clock=lambda: idle[0])
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = app.screen.view.rooms[0].stay
        await check_in_with_a_note(pilot)
        idle[0] += app.house.settings.idle_lock_minutes * 60
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert "cuppa" not in screen_text(app)

        await sign_in(pilot, "Aroha", "1111")
        assert isinstance(app.screen, BoardScreen), "Aroha finds her board, not Tama's draft"
        assert not any(isinstance(s, CheckInForm) for s in app.screen_stack)
        assert "cuppa" not in screen_text(app) and "draft" not in said(app)
        await pilot.press("ctrl+l")
        await pilot.pause()

        await sign_in(pilot, "Tama", "2222")
        form = app.screen
        assert isinstance(form, CheckInForm), "Tama's form is back"
        assert form.query_one("#check-in-note", Input).value == NOTE
        assert form.focused is form.query_one("#check-in-note", Input), "back in the field that was being written"
        assert "What you were writing when the terminal locked is back" in said(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.house.check_ins.for_stay(app.session, stay)[-1].note == NOTE
        await pilot.press("ctrl+l")
        await pilot.pause()
        await sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen), "a draft is given back once"


async def test_a_draft_keeps_ticks_and_choices_but_never_a_pin(demo_dir: Path, clock: FixedClock):
    """An arrival cut off by Ctrl+L comes back with the name, room and consent tick; the guest's PIN is not kept."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ArriveForm)
        form.query_one("#arrive-name", Input).value = "Wiremu"
        form.query_one("#arrive-support", Input).value = "his aunty Huia"
        form.query_one("#arrive-consent").value = True
        form.query_one("#arrive-pin", Input).value = "4455"
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        await sign_in(pilot, "Tama", "2222")
        await pilot.pause()
        back = app.screen
        assert isinstance(back, ArriveForm) and back is not form
        assert back.query_one("#arrive-name", Input).value == "Wiremu"
        assert back.query_one("#arrive-support", Input).value == "his aunty Huia"
        assert back.query_one("#arrive-consent").value is True
        assert back.query_one("#arrive-pin", Input).value == "", "a PIN is never kept"
        assert app.drafts.take(app.session.person_id) is None


# -- 2. dates and times ----------------------------------------------------------------------


async def test_a_prefilled_date_is_edited_from_its_end_and_a_wrong_one_is_replaced_by_typing(
    demo_dir: Path, clock: FixedClock
):
    """Entering a date leaves the cursor at its end (two Backspaces take two digits); after an error, typing replaces."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("m", "d")
        await pilot.pause()
        assert isinstance(app.screen, MentalHealthDayForm)
        day = app.screen.query_one("#mh-day", Input)
        assert app.screen.focused is day
        assert day.selection == Selection.cursor(len("2026-11-24")), "nothing selected, the cursor at the end"
        await pilot.press("backspace", "backspace")
        assert day.value == "2026-11-"
        await pilot.press(*["backspace"] * 8, *"friday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Dates are written like" in str(app.screen.query_one("#form-problem", Static).content)
        assert app.screen.focused is day and day.value == "friday", "kept as typed"
        await pilot.press(*"2026-12-01")
        assert day.value == "2026-12-01", "typed again, not added to the end"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MentalHealthDayForm)


async def test_a_wrong_date_is_focused_when_save_was_pressed_elsewhere(demo_dir: Path, clock: FixedClock):
    """With the Save button pressed, the date the problem quotes takes the focus back, its text selected."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("y", "o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OneOffForm)
        form.query_one("#one-off-day", Input).value = "next friday"
        form.query_one("#one-off-time", Input).value = "2pm"
        form.query_one("#one-off-what", Input).value = "Beach"
        await pilot.click("#form-save")
        await pilot.pause()
        day = form.query_one("#one-off-day", Input)
        assert form.focused is day and day.selection == Selection(0, len("next friday"))


async def test_time_fields_say_the_forms_they_accept(demo_dir: Path, clock: FixedClock):
    """The rhythm's time fields say "14:30 or 2:30 pm", and 2:30 pm is kept as 14:30."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("y", "a")
        await pilot.pause()
        assert isinstance(app.screen, EverydayItemForm)
        labels = [str(label.content) for label in app.screen.query(Label)]
        assert "Time (14:30 or 2:30 pm)" in labels and not any("24-hour" in label for label in labels)
        app.screen.query_one("#rhythm-time", Input).value = "2:30 pm"
        app.screen.query_one("#rhythm-what", Input).value = "Waiata"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(i.what == "Waiata" and (i.time.hour, i.time.minute) == (14, 30) for i in app.house.rhythm.everyday())
        await pilot.press("o")
        await pilot.pause()
        assert "Time (14:30 or 2:30 pm)" in [str(label.content) for label in app.screen.query(Label)]


# -- 3. keys and help ------------------------------------------------------------------------


async def test_f1_toggles_the_keys_and_esc_closes_them(demo_dir: Path, clock: FixedClock):
    """F1 opens the keys, F1 closes them; Esc closes them too, and only then goes back."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("y", "f1")
        await pilot.pause()
        assert app.screen.query(KeysPanel)
        await pilot.press("f1")
        await pilot.pause()
        assert not app.screen.query(KeysPanel)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(KeysPanel) and app.screen.__class__.__name__ == "RhythmScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_f1_shows_a_forms_keys_and_esc_closes_them_before_cancelling(demo_dir: Path, clock: FixedClock):
    """On a form, F1 lists Save and Cancel; Esc closes the keys and leaves the form open."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("w", "f1")
        await pilot.pause()
        assert isinstance(app.screen, RatingForm) and app.screen.query(KeysPanel)
        shown = screen_text(app)
        assert re.search(r"\^s\s*Save", shown) and re.search(r"esc\s*Cancel", shown), shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RatingForm) and not app.screen.query(KeysPanel)


async def test_the_keys_panel_lists_the_screens_own_keys_first(demo_dir: Path, clock: FixedClock):
    """On the board: Open, the footer's keys and the hidden Me and Erase, before the terminal's and the table's."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("f1")
        await pilot.pause()
        shown = screen_text(app)
        order = [shown.find(words) for words in ("This screen", "Open", "My shifts and days", "Anywhere", "Lock")]
        assert all(place >= 0 for place in order) and order == sorted(order), shown
        assert "Erase a record (not now)" in shown, "a key not possible now is said so, dimmed"
        assert "Moving around" not in shown.split("Anywhere")[0], "the table's keys come last"
        assert "Funder" not in shown, "peer staff are never shown the manager's keys"


@pytest.mark.parametrize(("name", "pin", "keys"), [("Tama", "2222", ""), ("Aroha", "1111", ""), ("Tama", "2222", "y")])
async def test_footers_fit_80_columns_with_f1_and_lock_first(demo_dir: Path, clock: FixedClock, name, pin, keys):
    """The board and the rhythm: the footer's last key is whole at 80 columns, F1 and Lock first."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, name, pin)
        await pilot.press(*keys)
        await pilot.pause()
        footer = app.screen.query_one("Footer")
        shown = [key for key in footer.query("FooterKey") if key.display]
        # First, or after the rhythm's day keys (the table in focus holds left and right first).
        assert "Keys" in [key.description for key in shown[:3]]
        assert max(key.region.right for key in shown) <= 80, [k.description for k in shown]
        assert "palette" not in screen_text(app).splitlines()[-1], "F1 lists the palette: its room goes to the keys"


@pytest.mark.parametrize(
    ("name", "pin", "keys"),
    [
        ("Tama", "2222", "m"),
        ("Aroha", "1111", "f"),
        ("Aroha", "1111", "w"),
        ("Aroha", "1111", "o"),
        ("Mere", "3333", ""),
    ],
)
async def test_every_screen_shows_f1_and_lock_at_80_columns(demo_dir: Path, clock: FixedClock, name, pin, keys):
    """However many keys a screen has, F1 and Lock are in its footer at 80 columns."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, name, pin)
        await pilot.press(*keys)
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert footer.startswith("f1 Keys^l Lock"), footer


# -- 4. readable at 80x24 --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "first_label"),
    [("a", "The name they choose (initials are fine)"), ("yo", "Date (YYYY-MM-DD)")],
)
async def test_a_form_opens_with_its_first_label_in_view(demo_dir: Path, clock: FixedClock, keys, first_label):
    """At 80x24 the arrival and one-off forms open at their top: the first label shows, the first field has focus."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen.query_one(".form-fields", VerticalScroll).scroll_y == 0
        assert first_label in screen_text(app)


async def test_a_long_form_scrolls_with_a_scrollbar_and_its_buttons_stay(demo_dir: Path, clock: FixedClock):
    """Mere's rating form at 80x24: "In your own words" is reached by scrolling, the scrollbar shows, Save stays."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, RatingForm)
        fields = app.screen.query_one(".form-fields", VerticalScroll)
        assert fields.max_scroll_y > 0 and fields.show_vertical_scrollbar
        assert app.screen.query_one("#form-save").region.bottom <= 24
        app.screen.query_one("#rate-words", Input).focus()
        await pilot.pause()
        await pilot.pause()
        assert fields.scroll_y > 0 and "In your own words" in screen_text(app)
        app.screen.problem("A problem said at length:\n" + "one more line of it\n" * 4)
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#form-save").region.bottom <= 24, "a long problem leaves the buttons in view"
        assert "one more line of it" in screen_text(app)


def test_board_columns_give_way_in_turn_and_never_the_time():
    """The last check-in wraps first, then the name, then the stay; the room and the next time keep their width."""
    natural = [10, 17, 11, 26, 19]
    assert fit_widths(natural, 200) == natural
    assert fit_widths(natural, 70) == [10, 17, 11, 13, 19], "never narrower than its heading"
    assert fit_widths(natural, 60) == [10, 12, 11, 13, 19]
    assert fit_widths(natural, 50)[0::4] == [10, 19]


def evening_check_ins(house: House, clock: FixedClock) -> None:
    """Everyone's 20:00 check-in, done at 20:04 on Tuesday (some chose quiet time)."""
    clock.set(pendulum.datetime(2026, 11, 24, 20, 4, tz=TZ))
    tama = house.sign_in.sign_in("Tama", "2222")
    for n, stay in enumerate(house.stays.staying(tama)):
        house.check_ins.record(tama, stay, "quiet_time" if n % 2 else "checked_in")


@pytest.mark.parametrize(("hour", "next_time"), [(21, "Wed 09:00"), (0, "09:00")], ids=["21:30", "00:30"])
async def test_the_next_check_in_time_is_never_cut(demo_dir: Path, clock: FixedClock, hour: int, next_time: str):
    """At 80 columns, late in the evening and after midnight, each "Next" shows its whole time."""
    evening_check_ins(House.open(demo_dir, clock), clock)
    clock.set(pendulum.datetime(2026, 11, 25 if hour < 12 else 24, hour, 30, tz=TZ))
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        board = app.screen
        shown = screen_text(app)
        for line in board.view.rooms:
            if line.stay is not None:
                row = next(r for r in shown.splitlines() if r.strip().startswith(line.room))
                assert row.rstrip().endswith(next_time), row
        assert "Last check-in" in shown
        table = board.query_one("#rooms", DataTable)
        assert table.virtual_size.width <= table.size.width, "nothing is off to the right"


async def test_past_handovers_show_the_printed_lines_unwrapped(demo_dir: Path, clock: FixedClock):
    """At 120x40 every printed line of a past handover shows whole, as it was printed."""
    _handover_ready(demo_dir, clock)
    house = House.open(demo_dir, clock)
    outcome, _left = house.handover.print_handover(house.sign_in.sign_in("Tama", "2222"))
    printed = outcome.saved_to.read_text(encoding="utf-8")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("h", "v")
        await pilot.pause()
        assert isinstance(app.screen, PastHandoversScreen)
        rows = screen_text(app).splitlines()
        for line in printed.splitlines()[:30]:
            if line.strip():
                assert any(line.strip() in row for row in rows), f"{line!r} is not one line on the screen"


async def test_past_handovers_are_not_rewrapped_at_80_columns(demo_dir: Path, clock: FixedClock):
    """Narrower than the page, the printed lines keep their places (and scroll sideways) rather than wrap."""
    _handover_ready(demo_dir, clock)
    house = House.open(demo_dir, clock)
    outcome, _left = house.handover.print_handover(house.sign_in.sign_in("Tama", "2222"))
    printed = outcome.saved_to.read_text(encoding="utf-8").splitlines()
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("h", "v")
        await pilot.pause()
        rows = screen_rows(app)
        first, last = "Mere  ·  room Kōwhai", "Lia  ·  room Mānuka"
        on_screen = [next(i for i, row in enumerate(rows) if words in row) for words in (first, last)]
        on_paper = [next(i for i, line in enumerate(printed) if words in line) for words in (first, last)]
        assert on_screen[1] - on_screen[0] == on_paper[1] - on_paper[0], "a line was wrapped onto two"


async def test_moving_with_no_room_free_says_so_and_opens_nothing(demo_dir: Path, clock: FixedClock):
    """With every room taken, m says no room is free, and no empty choice opens."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        app.house.stays.arrive(
            app.session, chosen_name="Wiremu", room="Rimu", planned_leaving=pendulum.date(2026, 12, 1)
        )
        await pilot.press("r")
        await open_room(pilot, "Kōwhai")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, GuestScreen)
        assert not any(isinstance(s, MoveRoomForm) for s in app.screen_stack)
        assert "No room is free to move to" in said(app)


async def test_the_leaving_form_starts_with_nothing_chosen(demo_dir: Path, clock: FixedClock):
    """The record's fate is the guest's choice: nothing is chosen for them, Enter chooses nothing, saving asks."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await open_room(pilot, "Kauri")
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LeaveForm)
        assert form.query_one("#leave-choice").pressed_button is None
        await pilot.press("enter")  # Enter never chooses: it moves on (and, on the last field, saves)
        await pilot.pause()
        assert form.query_one("#leave-choice").pressed_button is None
        assert "Choose with the guest" in str(form.query_one("#form-problem", Static).content)
        assert app.screen is form


# -- 5. saving a copy ------------------------------------------------------------------------


def test_a_mounted_stick_is_found_and_an_unmounted_folder_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """/media/<user>/*, /run/media/<user>/*, /media/* and /mnt/* are looked at; only mount points count."""
    monkeypatch.setattr("crisishouse.screens.copy_form._user", lambda: "tama")
    for folder in ("media/tama/KAI_STICK", "run/media/tama/OTHER", "mnt/old-backup", "mnt/usb"):
        (tmp_path / folder).mkdir(parents=True)
    mounted = {tmp_path / "media/tama/KAI_STICK", tmp_path / "run/media/tama/OTHER", tmp_path / "mnt/usb"}
    found = removable_media(tmp_path, user="tama", is_mount=lambda p: p in mounted)
    assert found == [tmp_path / "media/tama/KAI_STICK", tmp_path / "run/media/tama/OTHER", tmp_path / "mnt/usb"]
    assert suggested_folder(None, tmp_path, is_mount=lambda p: p in mounted) == str(found[0])
    assert suggested_folder(None, tmp_path, is_mount=lambda _p: False) == str(Path.home())
    assert suggested_folder(tmp_path / "mnt/old-backup", tmp_path, is_mount=lambda _p: False) == str(
        tmp_path / "mnt/old-backup"
    ), "the folder last used comes first while it is there"


async def test_save_copy_starts_at_the_stick_and_remembers_the_folder_for_that_person(
    demo_dir: Path, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The form starts at a mounted stick; the next time it starts where Tama saved; Aroha is not offered Tama's."""
    stick = tmp_path / "media" / "house" / "STICK"
    stick.mkdir(parents=True)
    chosen = tmp_path / "mere-copy"
    chosen.mkdir()
    monkeypatch.setattr("crisishouse.screens.copy_form.removable_media", lambda *a, **k: [stick])
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await open_room(pilot, "Kōwhai")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyForm)
        folder = app.screen.query_one("#copy-folder", Input)
        assert folder.value == str(stick)
        folder.value = str(chosen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert list(chosen.glob("*.txt"))
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#copy-folder", Input).value == str(chosen)
        app.screen.dismiss(None)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await sign_in(pilot, "Aroha", "1111")
        await open_room(pilot, "Kōwhai")
        await pilot.press("x")
        await pilot.pause()
        assert app.screen.query_one("#copy-folder", Input).value == str(stick)


# -- 6. a changed house.toml -----------------------------------------------------------------


def _rename_house(demo_dir: Path, name: str) -> None:
    path = demo_dir / SETTINGS_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'(?m)^name = ".*"$', f'name = "{name}"', text, count=1), encoding="utf-8")


async def test_a_changed_house_toml_is_picked_up_by_the_board(demo_dir: Path, clock: FixedClock):
    """A new house name in house.toml reaches the title at the board's next refresh, and the board says so."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        _rename_house(demo_dir, "Te Whare Hou")
        await pilot.press("r")
        await pilot.pause()
        assert app.house.settings.house_name == "Te Whare Hou" and app.title == "Te Whare Hou"
        assert "the house now works from the new settings" in said(app)


async def test_a_bad_house_toml_keeps_the_old_settings_and_the_board_says_why(demo_dir: Path, clock: FixedClock):
    """A broken house.toml does not crash or change anything; the board names the problem until it is fixed."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        before = app.house.settings
        path = demo_dir / SETTINGS_FILE
        good = path.read_bytes()
        path.write_text('[house]\nname = "unfinished\n', encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        assert app.is_running and app.house.settings is before
        problem = app.screen.query_one("#settings-problem", Static)
        assert problem.display and "house.toml is not valid TOML" in str(problem.content)
        assert "keeps the settings it had" in screen_text(app)
        path.write_bytes(good)
        await pilot.press("r")
        await pilot.pause()
        assert not app.screen.query_one("#settings-problem", Static).display


async def test_a_changed_house_toml_is_picked_up_at_sign_in(demo_dir: Path, clock: FixedClock):
    """Changed while the terminal was locked, the settings are read again when someone signs in."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("ctrl+l")
        await pilot.pause()
        _rename_house(demo_dir, "Te Whare Hou")
        await sign_in(pilot, "Mere", "3333")
        assert app.title == "Te Whare Hou"


# -- pictures ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_arrival_form_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The arrival form opens at its top, its first label in view, with a scrollbar for the rest."""

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_leave_without_saving_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Esc on a typed check-in note: the question, with "Keep writing" chosen."""

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")
        await check_in_with_a_note(pilot)
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_keys_panel_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """F1 on the board: what it is for, its own keys first, then the terminal's."""

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_rating_form_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Mere's rating form: four walls, and her own words below, reached by scrolling at 80x24."""

    async def run_before(pilot):
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("w")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_one_off_form_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The one-off form: its date first, the time saying the forms it takes."""

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("y", "o")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_leaving_form_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """Ben leaves: nothing is chosen for him."""

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")
        await open_room(pilot, "Kauri")
        await pilot.press("l")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_board_after_midnight_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The board at 00:30: yesterday's check-ins and the morning's times, none cut."""
    evening_check_ins(House.open(demo_dir, clock), clock)
    clock.set(pendulum.datetime(2026, 11, 25, 0, 30, tz=TZ))

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_board_with_a_bad_house_toml_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The board saying plainly that house.toml was changed and cannot be used."""

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")
        (demo_dir / SETTINGS_FILE).write_text('[house]\nname = "unfinished\n', encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_past_handovers_picture(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """A past handover as printed: its own lines, scrolled sideways when the screen is narrower."""
    _handover_ready(demo_dir, clock)
    house = House.open(demo_dir, clock)
    house.handover.print_handover(house.sign_in.sign_in("Tama", "2222"))

    async def run_before(pilot):
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("h", "v")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=run_before)
