"""CrisisHouseApp: wiring only. Screens ask the house's services; rules live there."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from crisishouse.screens.lock import LockScreen

if TYPE_CHECKING:
    from crisishouse.clock import Clock
    from crisishouse.services import House, Session

# The house's data (and the modules that read it) are opened in a worker
# while the lock screen is already showing, and other screens are imported
# when first needed: the terminal starts as fast however long the house's
# history is.

# Actions that must do nothing while the terminal is locked.
_LOCKED_OUT = {"command_palette", "quit", "lock"}
LANGUAGE_WARM_UP_SECONDS = 3
BACKUP_CHECK_SECONDS = 3600


class CrisisHouseApp(App[None]):
    """The house terminal."""

    TITLE = "crisishouse"
    CSS_PATH = "crisishouse.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit (asks for a staff PIN)", priority=True, id="quit"),
        Binding("ctrl+l", "lock", "Lock", tooltip="Lock the terminal now", priority=True, id="lock"),
        Binding("f1", "show_help_panel", "Keys", id="help"),
    ]

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.clock = clock
        self.house: House | None = None
        self.house_ready = threading.Event()
        """Set once the house's data is open (or could not be)."""
        self.session: Session | None = None
        """Who is signed in; None while the terminal is locked."""
        self._last_input = time.monotonic()
        self._idle_timer: Timer | None = None

    # -- start-up -------------------------------------------------------------

    def on_mount(self) -> None:
        self.open_house()

    def open_house(self) -> None:
        """Show the lock screen and open the data folder behind it."""
        self.house_ready.clear()
        self.push_screen(LockScreen())
        self._open_in_background()

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _open_in_background(self) -> None:
        from crisishouse.clock import Clock
        from crisishouse.services import House
        from crisishouse.settings import SettingsError
        from crisishouse.store import StoreError

        if self.clock is None:
            self.clock = Clock()
        try:
            house = House.open(self.data_dir, self.clock)
        except (StoreError, SettingsError, OSError) as error:
            self.call_from_thread(self._cannot_open, error)
        else:
            self.call_from_thread(self._opened, house)
        finally:
            self.house_ready.set()

    def _cannot_open(self, error: Exception) -> None:
        """Say what stops the house opening, and offer a backup if one helps."""
        from crisishouse.screens.problem import ProblemScreen
        from crisishouse.store import StoreDamaged

        damaged = error if isinstance(error, StoreDamaged) else None
        self.switch_screen(ProblemScreen(self.data_dir, str(error), damaged, self.clock))

    def _opened(self, house: House) -> None:
        self.house = house
        self.title = house.settings.house_name
        if house.is_set_up:
            if isinstance(self.screen, LockScreen):
                self.screen.attach(house)
        else:
            from crisishouse.screens.setup import SetupScreen

            self.switch_screen(SetupScreen(house))
        if self._idle_timer is None:
            idle = house.settings.idle_lock_minutes * 60
            self._idle_timer = self.set_interval(min(5.0, idle / 4), self._lock_if_idle)
            self.set_interval(BACKUP_CHECK_SECONDS, self._daily_backup)
        self._daily_backup()
        # Soon after start-up, not during it: the first note saved then need not wait for it.
        self.set_timer(LANGUAGE_WARM_UP_SECONDS, self._warm_language)

    @work(thread=True, exclusive=True, group="language", exit_on_error=False)
    def _warm_language(self) -> None:
        if self.house is not None:
            _ = self.house.language

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def _daily_backup(self) -> None:
        # Off the save path and off the screen's thread: no one waits for it.
        if self.house is not None:
            self.house.daily_backup()

    def house_is_set_up(self) -> None:
        """Called by the set-up screen once the manager exists."""
        assert self.house is not None
        self.title = self.house.settings.house_name
        lock = LockScreen()
        self.switch_screen(lock)
        lock.attach(self.house)

    # -- sessions -------------------------------------------------------------

    def start_session(self, session: Session) -> None:
        """Open the right first screen for who signed in."""
        assert self.house is not None
        self.session = session
        self.sub_title = f"{session.name} ({session.role_words})"
        if session.is_staff:
            from crisishouse.screens.board import BoardScreen

            self.push_screen(BoardScreen(self.house, session))
        else:
            from crisishouse.screens.guest import GuestScreen

            self.push_screen(GuestScreen(self.house, session, session.person_id))

    @property
    def locked(self) -> bool:
        """No one is signed in (set-up of a new house aside)."""
        return self.session is None and (self.house is None or self.house.is_set_up)

    def action_lock(self) -> None:
        """Lock now: close every screen of the session, show the lock screen."""
        if self.session is None:
            return
        self.session = None
        self.sub_title = ""
        while not isinstance(self.screen, LockScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, LockScreen):
            self.screen.reset()

    def on_event(self, event: events.Event):  # type: ignore[override]
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()
        return super().on_event(event)

    def _lock_if_idle(self) -> None:
        if self.house is None or self.session is None:
            return
        idle = self.house.settings.idle_lock_minutes * 60
        if time.monotonic() - self._last_input >= idle:
            self.action_lock()

    # -- keys and commands ----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.locked and action in _LOCKED_OUT:
            return False
        return True

    async def action_quit(self) -> None:
        """Quitting asks for a staff PIN, so no guest is left at a shell."""
        from crisishouse.screens.quit import QuitScreen

        if self.house is None or not self.house.is_set_up:
            self.exit()
            return
        if isinstance(self.screen, QuitScreen):
            return

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self.exit()

        self.push_screen(QuitScreen(self.house), done)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Only what the house needs: no screenshot of people's records to disk.
        if self.locked:
            return
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
        yield SystemCommand("Lock", "Lock the terminal now", self.action_lock)
        yield SystemCommand("Keys", "Show the keys for this screen", self.action_show_help_panel)
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
        yield SystemCommand("Quit", "Quit crisishouse (asks for a staff PIN)", self.action_quit)
