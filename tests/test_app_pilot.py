"""The house terminal driven as people use it (Textual Pilot)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.binding import Binding

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.lock import LockScreen
from crisishouse.screens.problem import ProblemScreen
from crisishouse.screens.quit import QuitScreen
from crisishouse.screens.setup import SetupScreen
from crisishouse.services import House
from crisishouse.store import Store
from tests.pilot_helpers import opened, screen_text, sign_in, type_sign_in, workers_done


@pytest.mark.parametrize(
    ("name", "pin", "screen"),
    [("Aroha", "1111", BoardScreen), ("Tama", "2222", BoardScreen), ("Mere", "3333", GuestScreen)],
)
async def test_each_demo_role_signs_in(demo_dir: Path, clock: FixedClock, name: str, pin: str, screen: type):
    """Manager and peer staff reach the house board; a guest reaches their own stay."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LockScreen)
        await type_sign_in(pilot, name, pin)
        assert isinstance(app.screen, screen)
        assert app.session is not None and app.session.name == name


async def test_board_shows_rooms_and_rhythm(demo_dir: Path, clock: FixedClock):
    """The board lists the rooms, day n of m, and the rhythm now and next."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        text = screen_text(app)
        assert "Kōwhai" in text and "Mere" in text
        assert "Now: House hui" in text and "Next: Lunch" in text
        assert app.screen.query_one("#rooms").row_count == 8


async def test_guest_screen_shows_no_other_guest(demo_dir: Path, clock: FixedClock):
    """Mere's own screen names no other guest staying."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        others = [
            r.guest.chosen_name for r in app.house.board.view(app.session).staying if r.guest.chosen_name != "Mere"
        ]
        app.action_lock()
        await pilot.pause()
        await sign_in(pilot, "Mere", "3333")
        text = screen_text(app)
        assert "Kia ora" in text and "Mere" in text
        for other in others:
            assert other not in text


async def test_wrong_pin_stays_locked_with_a_message(demo_dir: Path, clock: FixedClock):
    """A wrong PIN keeps the lock screen and says so."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "9999")
        assert isinstance(app.screen, LockScreen)
        assert app.session is None
        assert "do not match" in screen_text(app)


async def test_lock_key_closes_the_session(demo_dir: Path, clock: FixedClock):
    """Ctrl+L locks at once: the board is gone from the stack, the fields are empty."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.session is None
        assert not any(isinstance(s, BoardScreen) for s in app.screen_stack)
        assert app.screen.query_one("#name").value == ""
        assert "Mere" not in screen_text(app).replace("Mere    guest", "")


async def test_idle_terminal_locks_itself(demo_dir: Path, clock: FixedClock):
    """After the house's idle minutes with no input, the terminal locks itself."""
    # The idle clock moves only when told: the test moves it instead of waiting.
    idle = [0.0]
    app = CrisisHouseApp(demo_dir, clock, idle_clock=lambda: idle[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen)
        assert app.idle_timer is not None, "the house's idle check runs on a timer once it is open"
        idle[0] += app.house.settings.idle_lock_minutes * 60 - 1
        app.lock_if_idle()  # what the timer calls
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen), "not idle long enough yet"
        idle[0] += 1
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.session is None


async def test_palette_and_quit_do_nothing_while_locked(demo_dir: Path, clock: FixedClock):
    """On the lock screen ctrl+p opens no palette and ctrl+q does not quit."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.is_running


async def test_quitting_asks_for_a_staff_pin(demo_dir: Path, clock: FixedClock):
    """Ctrl+Q asks for a staff PIN: a guest's PIN is refused, Tama's quits."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen)
        await pilot.press(*"Mere", "enter", *"3333", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, QuitScreen) and app.is_running
        app.screen.query_one("#quit-name").value = "Tama"
        app.screen.query_one("#quit-pin").value = "2222"
        await pilot.click("#quit-confirm")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 0


async def test_escape_cancels_quitting(demo_dir: Path, clock: FixedClock):
    """Escape on the quit dialog returns to the screen you were on."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)


async def test_first_run_sets_up_the_house(new_dir: Path, clock: FixedClock):
    """A new folder asks for the house's name and manager, then the manager signs in."""
    app = CrisisHouseApp(new_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, SetupScreen)
        await pilot.press(*"Te Whare Rongo", "enter", *"Hēmi", "enter", *"2468", "enter", *"2468", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert not app.screen.query_one("#demo-pins").display, "PINs are shown only in a demo house"
        assert "PIN 1111" not in screen_text(app)
        await sign_in(pilot, "Hēmi", "2468")
        assert isinstance(app.screen, BoardScreen)
        assert app.title == "Te Whare Rongo"


async def test_first_run_explains_a_bad_pin(new_dir: Path, clock: FixedClock):
    """A short PIN at set-up gets a clear message and nothing is saved."""
    app = CrisisHouseApp(new_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press(*"Te Whare", "enter", *"Hemi", "enter", *"12", "enter", *"12", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "A PIN is 4 to 8 digits" in screen_text(app)
    assert not House.open(new_dir, clock).is_set_up


async def test_damaged_file_offers_the_newest_backup(demo_dir: Path, clock: FixedClock):
    """A truncated core file: the problem is shown, the backup restores, the house opens."""
    Store.open(demo_dir, clock).backup("test")
    core = demo_dir / "store" / "core.json"
    damaged = core.read_bytes()[: core.stat().st_size // 2]
    core.write_bytes(damaged)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ProblemScreen)
        assert "cut short" in screen_text(app)
        assert core.read_bytes() == damaged
        await pilot.click("#restore")
        await opened(pilot)
        assert isinstance(app.screen, LockScreen)
        assert app.house is not None and app.house.is_set_up
    json.loads(core.read_text(encoding="utf-8"))
    kept = list((demo_dir / "damaged").rglob("core.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


async def test_peoples_words_are_shown_literally(demo_dir: Path, clock: FixedClock):
    """A guest name holding Rich markup and escapes shows as typed, without crashing."""
    from crisishouse.models import Guest, Stay

    store = Store.open(demo_dir, clock)
    stay = next(s for s in store.find(Stay, where={"left_at": None}))
    guest = store.get(Guest, stay.guest_id)
    from dataclasses import replace

    store.put(replace(guest, chosen_name="[bold red]x[/] [@click=app.quit]Q[/]\x1b[2J"))
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen)
        assert "[bold red]x[/] [@click=app.quit]Q[/]" in screen_text(app)


def _palette(app: CrisisHouseApp) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


def _allowed_tooltips(app: CrisisHouseApp) -> list[str]:
    """The tooltips of the screen's bindings its `check_action` allows now (the footer's keys)."""
    screen = app.screen
    return [
        b.tooltip
        for b in screen.BINDINGS
        if isinstance(b, Binding) and b.tooltip and screen.check_action(b.action, ()) is True
    ]


async def test_the_palette_offers_the_boards_keys_each_role_may_use(demo_dir: Path, clock: FixedClock):
    """The board's palette is its keys: peer staff are offered no manager's screen, the manager is."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        staff = _palette(app)
        assert staff[: len(_allowed_tooltips(app))] == _allowed_tooltips(app)
        assert "A guest arrives: welcome them into a free room" in staff
        assert not [t for t in staff if t.startswith(("Staff load", "The roster", "The funder"))]
        assert staff[-4:] == ["Lock", "Keys", "Theme", "Quit"], "the app's own commands stay"
        await pilot.press("ctrl+l")
        await sign_in(pilot, "Aroha", "1111")
        manager = _palette(app)
        assert [t for t in manager if t.startswith(("Staff load", "The roster", "The funder"))] == [
            "Staff load: shifts, hours, days off, debriefs owed",
            "The roster: the next 14 days, and the gaps",
            "The funder's monthly counts (house manager)",
        ]


async def test_a_guest_is_offered_her_own_acts_and_the_notes_keys_on_the_notes_tab(demo_dir: Path, clock: FixedClock):
    """Mere's palette holds what her footer holds: her own acts, never staff's, the note keys only on the notes tab."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        offered = _palette(app)
        assert "Write a note of your own" in offered
        assert "Record a check-in with this guest" not in offered and "The guest leaves" not in offered
        assert "Change the words of the highlighted note" not in offered
        await pilot.press("5")
        assert "Change the words of the highlighted note" in _palette(app)


async def test_a_palette_command_does_what_its_key_does(demo_dir: Path, clock: FixedClock):
    """Chosen in the palette, "A guest arrives" opens the arrival form, as the a key does."""
    from crisishouse.screens.stay_forms import ArriveForm

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("ctrl+p")
        await pilot.press(*"guest arrives")
        await workers_done(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArriveForm)


async def test_the_lock_screen_is_ready_to_sign_in_when_it_first_shows(demo_dir: Path, clock: FixedClock):
    """The house opens before the lock screen's first frame: no wait, no worker left opening it."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, LockScreen)
        assert app.house is not None and app.screen.house is app.house
        assert app.house_ready.is_set()
        assert not [w for w in app.workers if w.group == "open"]


async def test_the_app_clears_what_crashed_writes_left_soon_after_it_opens(demo_dir: Path, clock: FixedClock):
    """A stay file's temporary copy from a write cut short (it may hold a guest's words) is gone once the app is up."""
    stays = demo_dir / "store" / "stays"
    stray = stays / f".{next(stays.glob('*.json')).name}.tmp-0123456789ab"
    stray.write_text('{"check_ins": {"half-writ', encoding="utf-8")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await workers_done(pilot)
        assert not stray.exists()
