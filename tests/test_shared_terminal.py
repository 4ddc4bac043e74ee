"""A shared terminal is a shared room (principle 11): the lock forgets the last person.

Screens, notices and the clipboard are gone when the terminal locks; nothing
copied reaches the terminal's own clipboard; the F2 self-check locks like any
screen that acts for someone; settings text reaches the screen and the
printer clean; the data folder is the owner's alone; an erasure leaves no
temporary copy behind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from textual.widgets import Input

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import Guest, Stay
from crisishouse.screens.copy_form import SaveCopyForm
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.lock import LockScreen
from crisishouse.screens.staff_forms import SelfCheckForm
from crisishouse.screens.voice_forms import NoteForm
from crisishouse.services import House, Session
from crisishouse.store import Store
from tests.pilot_helpers import opened, press_f2, screen_text, sign_in

WORDS = "Nan's phone number is 021 555 0199"


class Seconds:
    """A clock for the idle lock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def said(app: CrisisHouseApp) -> str:
    """The screen's words on one line: a notice wraps inside its toast."""
    return " ".join(screen_text(app).replace("▌", " ").split())


async def _f2(pilot, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    """Sign on with F2 (answering yes to its question)."""
    await opened(pilot)
    await press_f2(pilot, name, pin)


async def _copy_from_a_note(pilot) -> None:  # type: ignore[no-untyped-def]
    """Mere types words into a note, selects them (Shift+Home) and copies them (Ctrl+C)."""
    app = pilot.app
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, NoteForm)
    app.screen.query_one("#note-text", Input).value = WORDS
    app.screen.query_one("#note-text", Input).cursor_position = len(WORDS)
    await pilot.press("shift+home", "ctrl+c")
    await pilot.pause()


# -- the clipboard ----------------------------------------------------------


async def test_the_clipboard_is_forgotten_at_lock(demo_dir: Path, clock: FixedClock):
    """Words Mere copied cannot be pasted into the lock screen, or a note, by the next person."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await _copy_from_a_note(pilot)
        assert app.clipboard == WORDS  # copying works within her session
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.clipboard == ""
        name = app.screen.query_one("#name", Input)
        name.focus()
        await pilot.press("ctrl+v")
        await pilot.pause()
        assert name.value == ""
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("escape", "tab", "enter", "n")  # her own draft came back to her: leave it, open a new note
        await pilot.pause()
        await pilot.press("ctrl+v")
        assert app.screen.query_one("#note-text", Input).value == ""


async def test_the_clipboard_is_forgotten_at_idle_lock(demo_dir: Path, clock: FixedClock):
    """The idle lock forgets the clipboard as Ctrl+L does."""
    seconds = Seconds()
    app = CrisisHouseApp(demo_dir, clock, idle_clock=seconds)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await _copy_from_a_note(pilot)
        assert app.clipboard == WORDS
        seconds.now += app.house.settings.idle_lock_minutes * 60
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert app.clipboard == ""


async def test_copying_sends_nothing_to_the_terminal(demo_dir: Path, clock: FixedClock, monkeypatch):
    """Ctrl+C keeps the words inside crisishouse: no OSC 52 to the terminal's clipboard."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        written: list[str] = []
        driver = app._driver
        assert driver is not None
        real_write = driver.write
        monkeypatch.setattr(driver, "write", lambda data: (written.append(data), real_write(data))[1])
        await _copy_from_a_note(pilot)
        app.copy_to_clipboard("straight from the app")
        assert app.clipboard == "straight from the app"
        assert not any("\x1b]52" in chunk for chunk in written), "the words went to the terminal's clipboard"


# -- notices ------------------------------------------------------------------


def _stay_of(app: CrisisHouseApp, name: str) -> Stay:
    store = app.house.store
    guests = {g.id: g for g in store.find(Guest)}
    return next(s for s in store.find(Stay, where={"left_at": None}) if guests[s.guest_id].chosen_name == name)


async def test_a_notice_does_not_stay_on_the_lock_screen(demo_dir: Path, clock: FixedClock, tmp_path: Path):
    """Tama saves Mere's copy ("Saved to …mere-record…"), locks: the lock screen shows no notice."""
    stick = tmp_path / "stick"
    stick.mkdir()
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = _stay_of(app, "Mere")
        app.push_screen(GuestScreen(app.house, app.session, stay.guest_id))
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, SaveCopyForm)
        app.screen.query_one("#copy-folder", Input).value = str(stick)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved to" in said(app)  # staff see where the file went
        assert any(str(stick) in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert not app._notifications
        assert "Saved to" not in said(app) and "record-2026" not in said(app)


async def test_a_notice_arriving_after_the_lock_is_not_shown(demo_dir: Path, clock: FixedClock):
    """A printout finishing after the terminal locked tells nobody: its person has gone."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        guest_screen = app.screen
        await pilot.press("ctrl+l")
        await pilot.pause()
        guest_screen.notify("Your copy was sent to the printer.")
        app.notify("Printed on the office printer and saved to /somewhere/mere.txt")
        await pilot.pause()
        assert "printer" not in said(app)


# -- guests are told plainly, without paths -----------------------------------


async def test_a_guest_printing_her_copy_sees_no_file_path(demo_dir: Path, clock: FixedClock):
    """With no printer set up, Mere is told her copy is saved and staff can print it: no folder named."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = said(app)
        assert "Your copy is saved; staff can print it for you." in shown
        assert "/" not in shown.split("Your copy", 1)[1].split(".", 1)[0]
        assert str(demo_dir) not in shown and "printouts" not in shown
        assert list((demo_dir / "printouts").glob("*own-record*.txt")), "the copy is saved all the same"


async def test_a_guest_saving_her_copy_sees_only_its_name(demo_dir: Path, clock: FixedClock, tmp_path: Path):
    """Mere saves her copy to a stick: the notice names the file, not where the terminal keeps it."""
    stick = tmp_path / "stick"
    stick.mkdir()
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#copy-folder", Input).value = str(stick)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = said(app)
        assert "Your copy is saved in the folder you chose" in shown
        assert str(stick) not in shown
        assert list(stick.glob("*.txt"))


# -- the F2 self-check ----------------------------------------------------------


async def test_the_self_check_after_f2_closes_at_idle_lock(demo_dir: Path, clock: FixedClock):
    """Tama signs on with F2 and walks away: the self-check in his name closes at the idle lock."""
    seconds = Seconds()
    app = CrisisHouseApp(demo_dir, clock, idle_clock=seconds)
    async with app.run_test(size=(80, 24)) as pilot:
        await _f2(pilot, "Tama", "2222")
        assert isinstance(app.screen, SelfCheckForm)
        assert app.session is None and app.acting_for is not None
        seconds.now += app.house.settings.idle_lock_minutes * 60 - 1
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckForm), "not idle long enough yet"
        seconds.now += 1
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert not any(isinstance(s, SelfCheckForm) for s in app.screen_stack)
        assert app.acting_for is None
        assert "signed on" not in screen_text(app)  # the lock screen forgets him too


async def test_the_self_check_after_f2_closes_at_ctrl_l(demo_dir: Path, clock: FixedClock):
    """Ctrl+L closes the self-check opened by F2, and nothing is saved in his name."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await _f2(pilot, "Tama", "2222")
        tama = app.house.sign_in.confirm_staff("Tama", "2222")
        checks_before = app.house.staff_wellbeing.my_checks(tama)
        assert isinstance(app.screen, SelfCheckForm)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert not any(isinstance(s, SelfCheckForm) for s in app.screen_stack)
        assert app.house.staff_wellbeing.my_checks(tama) == checks_before


async def test_typing_in_the_self_check_keeps_it_open(demo_dir: Path, clock: FixedClock):
    """Input resets the idle time: a staff member filling it in is not locked out mid-way."""
    seconds = Seconds()
    app = CrisisHouseApp(demo_dir, clock, idle_clock=seconds)
    async with app.run_test(size=(80, 24)) as pilot:
        await _f2(pilot, "Tama", "2222")
        seconds.now += app.house.settings.idle_lock_minutes * 60 - 1
        await pilot.press("5")
        seconds.now += 2
        app.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, SelfCheckForm)


# -- settings text ------------------------------------------------------------

OSC_TITLE = "\\u001b]0;owned\\u0007"
OSC_CLIPBOARD = "\\u001b]52;c;cm0gLXJmIH4=\\u0007"
RED = "\\u001b[31m"


def _escaped_settings(demo_dir: Path) -> None:
    """house.toml with escape sequences in the house name, a room, a shift and a rhythm item."""
    toml = (demo_dir / "house.toml").read_text(encoding="utf-8")
    toml = toml.replace(
        'name = "Te Whare Āwhina (demo)"', f'name = "Te Whare {OSC_TITLE}Āwhina{OSC_CLIPBOARD} [b]🌿[/b]"'
    )
    toml = toml.replace('"Rimu"]', f'"Ri{RED}mu"]')
    toml = toml.replace('name = "morning"', f'name = "morn{RED}ing"')
    toml = toml.replace('what = "Breakfast"', f'what = "Break{OSC_TITLE}fast"')
    assert toml.count("\\u001b") == 5
    (demo_dir / "house.toml").write_text(toml, encoding="utf-8")


def test_settings_are_cleaned_as_they_are_read(demo_dir: Path, clock: FixedClock):
    """Every text setting loses its escape sequences and keeps its macrons and emoji."""
    _escaped_settings(demo_dir)
    house = House.open(demo_dir, clock)
    settings = house.settings
    assert settings.house_name == "Te Whare Āwhina [b]🌿[/b]"
    assert "Rimu" in settings.rooms
    assert "morning" in [s.name for s in settings.shifts]
    assert "Breakfast" in [r.what for r in settings.rhythm]
    everything = repr(settings)
    assert "\x1b" not in everything and "\x07" not in everything


async def test_the_house_name_reaches_the_screen_clean_and_literal(demo_dir: Path, clock: FixedClock):
    """The lock screen and the header show the house's name as written, without the escapes."""
    _escaped_settings(demo_dir)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert "\x1b" not in app.title
        assert "Te Whare Āwhina [b]🌿[/b]" in screen_text(app)  # markup shown, not parsed
        await sign_in(pilot, "Tama", "2222")
        shown = screen_text(app)
        assert "Te Whare Āwhina [b]🌿[/b]" in shown and "owned" not in shown


def test_printouts_carry_settings_text_clean(demo_dir: Path, clock: FixedClock):
    """The handover (house name, shift, rhythm) and a guest's copy print without escape sequences."""
    _escaped_settings(demo_dir)
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    mere = house.sign_in.sign_in("Mere", "3333")
    outcome = house.own_record.print_copy(mere, mere.person_id)
    handover, _left_out = house.handover.print_handover(tama)
    for path in (outcome.saved_to, handover.saved_to):
        printed = path.read_text(encoding="utf-8")
        assert "Te Whare Āwhina" in printed
        assert "\x1b" not in printed and "\x07" not in printed and "owned" not in printed
    assert "morning" in handover.saved_to.read_text(encoding="utf-8")


# -- the data folder ------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_folder_open_to_others_is_made_owner_only(demo_dir: Path, clock: FixedClock):
    """A data folder made beforehand with 0755 (files 0644) is tightened when the house opens."""
    for folder, _dirs, files in os.walk(demo_dir):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)
    House.open(demo_dir, clock)
    for folder in (
        demo_dir,
        demo_dir / "store",
        demo_dir / "store" / "stays",
        demo_dir / "backups",
        demo_dir / "printouts",
    ):
        if folder.exists():
            assert _mode(folder) == 0o700, folder
    for folder, _dirs, files in os.walk(demo_dir):
        assert _mode(Path(folder)) & 0o077 == 0, folder
        for name in files:
            assert _mode(Path(folder) / name) & 0o077 == 0, Path(folder) / name


def test_known_folders_and_top_files_are_tightened_every_opening(demo_dir: Path, clock: FixedClock):
    """Even when the data folder itself is owner-only, store/, backups/ and the top files are checked."""
    os.chmod(demo_dir, 0o700)
    os.chmod(demo_dir / "store", 0o755)
    os.chmod(demo_dir / "house.toml", 0o644)
    os.chmod(demo_dir / "store" / "core.json", 0o644)
    Store.open(demo_dir, clock)
    assert _mode(demo_dir / "store") == 0o700
    assert _mode(demo_dir / "house.toml") == 0o600
    assert _mode(demo_dir / "store" / "core.json") == 0o600


def test_a_symbolic_link_in_the_data_folder_is_left_alone(demo_dir: Path, clock: FixedClock, tmp_path: Path):
    """A link to a file elsewhere does not have that file's permissions changed."""
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not the house's", encoding="utf-8")
    os.chmod(elsewhere, 0o644)
    (demo_dir / "a-link").symlink_to(elsewhere)
    os.chmod(demo_dir, 0o755)
    Store.open(demo_dir, clock)
    assert _mode(elsewhere) == 0o644


# -- erasure --------------------------------------------------------------------


def test_erasure_removes_temporary_copies_of_the_stay(demo_house: House, demo_dir: Path, tama: Session, mere: Session):
    """A write cut short left `.STAY.json.tmp-…` (live and in a backup): erasing the guest removes it."""
    stay_ids = [s.id for s in demo_house.stays.stays_of(tama, mere.person_id)]
    demo_house.store.backup("before-test")
    live = demo_dir / "store" / "stays"
    strays = [live / f".{stay_ids[-1]}.json.tmp-0123456789ab"]
    strays += [
        b / "stays" / f".{stay_ids[-1]}.json.tmp-ba9876543210"
        for b in (demo_dir / "backups").iterdir()
        if (b / "stays").is_dir()
    ]
    strays.append(demo_dir / "store" / ".core.json.tmp-feedfacecafe")
    for stray in strays:
        stray.write_text('{"notes": "ZEBRA thinking about home, Mere"}', encoding="utf-8")
    other = live / ".someone-else.json.tmp-0123456789ab"
    other.write_text("{}", encoding="utf-8")
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    demo_house.erasures.erase(tama, mere.person_id, "printed")
    left = [s for s in strays if s.exists()]
    assert left == []
    assert other.exists(), "another stay's temporary file is not this erasure's to remove"
