"""CrisisHouseApp: wiring only. Screens ask the house's services; rules live there."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from crisishouse.clock import Clock
from crisishouse.errors import HouseError
from crisishouse.screens.base import SIGNED_IN_STYLES, HouseScreen, LockNow
from crisishouse.screens.keys import KeysPanel, close_keys, toggle_keys
from crisishouse.screens.lock import LockScreen
from crisishouse.services import House
from crisishouse.text import clean_line

if TYPE_CHECKING:
    from crisishouse.screens.drafts import Drafts
    from crisishouse.screens.problem import ProblemScreen
    from crisishouse.screens.setup import SetupScreen
    from crisishouse.services import Session

# The modules that read the house's data are imported with the app, before
# Textual starts its own threads (imported while they run, they took twice
# as long); the house opens before the lock screen's first frame. Other
# screens are imported when first needed.

# Actions that must do nothing while the terminal is locked.
_LOCKED_OUT = {"command_palette", "quit", "lock"}
LANGUAGE_WARM_UP_SECONDS = 3
SERVICES_WARM_UP_SECONDS = 0.2
"""After the lock screen shows, the services are built one by one, this far apart, while someone types."""
BACKUP_CHECK_SECONDS = 3600


class CrisisHouseApp(App[None]):
    """The house terminal."""

    TITLE = "crisishouse"
    CSS_PATH = "crisishouse.tcss"
    BINDINGS = [
        # Quit is rare and asks for a PIN: F1 lists it, so the footer keeps its room for each screen's keys.
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit (asks for a staff PIN)", priority=True, show=False, id="quit"),
        Binding("ctrl+l", "lock", "Lock", tooltip="Lock the terminal now", priority=True, id="lock"),
        Binding("f1", "keys", "Keys", tooltip="Show or hide the keys of this screen", id="help"),
        # Ahead of the screen's own Esc, and only while the keys panel is open.
        Binding("escape", "close_keys", "Close the keys", show=False, priority=True, id="close-keys"),
    ]

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        idle_clock: Callable[[], float] = time.monotonic,
        *,
        keep_start_up_out_of_collections: bool = False,
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.keep_start_up_out_of_collections = keep_start_up_out_of_collections
        """Once the start-up's warm-up is done, collect garbage once and freeze what is left (see `_settle_memory`).
        For the terminal's own process only (`crisishouse run`): it is for the life of the process."""
        self.clock = clock
        self.house: House | None = None
        self.house_ready = threading.Event()
        """Set once the house's data is open (or could not be)."""
        self.session: Session | None = None
        """Who is signed in; None while the terminal is locked."""
        self.idle_clock = idle_clock
        """Seconds, for the idle lock only (tests pass their own)."""
        self._last_input = idle_clock()
        self.idle_timer: Timer | None = None
        """Calls `lock_if_idle` every few seconds once the house is open (tests move `idle_clock` and call it)."""
        self._drafts: Drafts | None = None
        self.copy_folders: dict[str, Path] = {}
        """The folder each person last saved a copy of a record in, for this run of the app only."""

    @property
    def drafts(self) -> Drafts:
        """Forms cut off by the lock, kept back in memory for the person writing them."""
        # Made when first needed: the forms' modules are not needed to show the lock screen.
        if self._drafts is None:
            from crisishouse.screens.drafts import Drafts

            self._drafts = Drafts()
        return self._drafts

    # -- start-up -------------------------------------------------------------

    def on_mount(self) -> None:
        self.open_house()

    def open_house(self) -> None:
        """Open the data folder and show the lock screen, or what stops the house opening.

        On the screen's own thread, before its first frame: opened in a thread beside the
        lock screen, the interpreter took turns between the two and the terminal was ready
        to sign in later (the lock screen a little sooner, the house about 250 ms later).
        """
        self.house_ready.clear()
        self.push_screen(LockScreen())
        if self.clock is None:
            self.clock = Clock()
        try:
            house = House.open(self.data_dir, self.clock)
        except (HouseError, OSError) as error:
            self._cannot_open(error)
        except Exception as error:
            self._cannot_open(
                RuntimeError(f"Something in the house's data could not be used ({error!r}). Run crisishouse check.")
            )
        else:
            self._opened(house)
        finally:
            self.house_ready.set()

    def _cannot_open(self, error: Exception) -> None:
        """Say what stops the house opening, and offer a backup if one helps."""
        from crisishouse.screens.problem import ProblemScreen
        from crisishouse.store import StoreDamaged

        damaged = error if isinstance(error, StoreDamaged) else None
        assert self.clock is not None, "opening the house sets the clock first"
        self.switch_screen(ProblemScreen(self.data_dir, str(error), damaged, self.clock))

    def _opened(self, house: House) -> None:
        self.house = house
        self.title = clean_line(house.settings.house_name)
        if house.is_set_up:
            if isinstance(self.screen, LockScreen):
                self.screen.attach(house)
        else:
            from crisishouse.screens.setup import SetupScreen

            self.switch_screen(SetupScreen(house))
        if self.idle_timer is None:
            idle = house.settings.idle_lock_minutes * 60
            self.idle_timer = self.set_interval(min(5.0, idle / 4), self.lock_if_idle)
            self.set_interval(BACKUP_CHECK_SECONDS, self._daily_backup)
        self._daily_backup()
        # Soon after start-up, not during it: the first note saved then need not wait for it.
        self.set_timer(LANGUAGE_WARM_UP_SECONDS, self._warm_language)
        self.set_timer(SERVICES_WARM_UP_SECONDS, self._read_signed_in_styles)
        self.set_timer(SERVICES_WARM_UP_SECONDS, self._warm_services)

    def _read_signed_in_styles(self) -> None:
        # Most of the stylesheet is for the screens behind the lock: read while
        # someone types, so the first board shown does not wait for it.
        if not self.stylesheet.has_source(str(SIGNED_IN_STYLES)):
            self.stylesheet.read(SIGNED_IN_STYLES)
            self.refresh_css(animate=False)

    def _warm_services(self) -> None:
        # On this thread, a few ms at a time: a name being typed on the lock screen never waits long.
        house = self.house
        try:
            more = house is not None and house.warm_next()
        except Exception:
            # Left for the screen that needs it to meet (and say) when it asks: never a crash here.
            return
        if more:
            self.set_timer(SERVICES_WARM_UP_SECONDS / 4, self._warm_services)

    @work(thread=True, exclusive=True, group="language", exit_on_error=False)
    def _warm_language(self) -> None:
        if self.house is not None:
            self.house.language.warm()
        if self.keep_start_up_out_of_collections:
            self._settle_memory()

    def _settle_memory(self) -> None:
        """Keep what start-up built out of every later garbage collection.

        The house's data, its services and the language check live as long as the
        terminal, yet Python's full collections scanned them each time (on ten years,
        100 to 200 ms, often in the middle of opening a screen). Collected once here,
        while the lock screen waits, then frozen, they are never scanned again; what
        is built later is collected as before, and data read again later is freed as
        before (reference counting still frees a frozen object nothing holds; only a
        cycle among them would stay, and start-up leaves none that it drops later).
        """
        gc.collect()
        gc.freeze()

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def _daily_backup(self) -> None:
        # Off the save path and off the screen's thread: no one waits for it.
        if self.house is not None:
            self.house.daily_backup()

    def on_problem_screen_open_again(self, _message: ProblemScreen.OpenAgain) -> None:
        """A backup was restored or a file set aside: open the house again."""
        self.pop_screen()
        self.open_house()

    def on_setup_screen_set_up(self, _message: SetupScreen.SetUp) -> None:
        self.house_is_set_up()

    def house_is_set_up(self) -> None:
        """The manager exists: the house opens to the lock screen."""
        assert self.house is not None
        self.title = clean_line(self.house.settings.house_name)
        lock = LockScreen()
        self.switch_screen(lock)
        lock.attach(self.house)

    # -- sessions -------------------------------------------------------------

    @on(LockScreen.SignedIn)
    def _signed_in(self, message: LockScreen.SignedIn) -> None:
        self.start_session(message.session)

    @on(LockNow)
    def _lock_now(self) -> None:
        self.action_lock()

    def start_session(self, session: Session) -> None:
        """Open the right first screen for who signed in, and give back what they were writing when it locked."""
        assert self.house is not None
        self.session = session
        self.sub_title = clean_line(f"{session.name} ({session.role_words})")
        # A safe point to pick up a changed house.toml: no screen of this session is open yet.
        if self.house.reread_settings():
            self.title = clean_line(self.house.settings.house_name)
        if session.is_staff:
            from crisishouse.screens.board import BoardScreen

            first: HouseScreen = BoardScreen(self.house, session)
        else:
            from crisishouse.screens.guest import GuestScreen

            first = GuestScreen(self.house, session, session.person_id)
        self.push_screen(first)
        draft = self.drafts.take(session.person_id)
        if draft is not None:
            self.push_screen(draft, lambda saved: first.action_refresh() if saved is not None else None)
            self.notify(
                "What you were writing when the terminal locked is back. Save it, or press Esc to leave it.",
                title="Your draft",
                timeout=15,
            )

    @property
    def acting_for(self) -> Session | None:
        """Who the terminal acts for: the person signed in, or a staff member
        at the self-check offered when they sign on or off with F2 (the
        terminal otherwise locked). Every screen that acts for someone keeps
        them in `session`; while one is open, the idle lock and Ctrl+L apply.
        """
        if self.session is not None:
            return self.session
        for screen in reversed(self.screen_stack):
            # A form in someone's name (the self-check after F2) has a session too, not only a HouseScreen.
            acting = getattr(screen, "session", None)
            if acting is not None:
                return acting
        return None

    @property
    def locked(self) -> bool:
        """No one is signed in or acted for (set-up of a new house aside)."""
        return self.acting_for is None and (self.house is None or self.house.is_set_up)

    def action_lock(self) -> None:
        """Lock now: close every screen of the session, forget what it left behind, show the lock screen."""
        acting = self.acting_for
        if acting is None:
            return
        self._keep_draft(acting)
        self.session = None
        self.sub_title = ""
        while not isinstance(self.screen, LockScreen) and len(self.screen_stack) > 2:
            self.pop_screen()
        if isinstance(self.screen, LockScreen):
            self.screen.reset()
        # The next person finds nothing of this one: no notice, nothing to paste.
        self.clear_notifications()
        self.copy_to_clipboard("")

    def _keep_draft(self, acting: Session) -> None:
        """Keep the form open at the lock (the topmost) for the person writing it, and only for them."""
        from crisishouse.screens.form import FormScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, FormScreen):
                writer = getattr(screen, "session", None) or acting
                self.drafts.keep(writer.person_id, screen)
                return

    def copy_to_clipboard(self, text: str) -> None:
        """Copy within crisishouse only.

        Textual also sends the text to the terminal's clipboard (OSC 52),
        where it would outlive the lock and reach the computer's other
        programs: people's words stay in the app, and are forgotten at lock.
        """
        self._clipboard = text

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # A notice arriving after the lock (a printout finishing, say) belongs to
        # the person who has gone: the lock screen shows nobody's news.
        if self.locked:
            return
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = self.idle_clock()
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        """Lock when no key or mouse has moved for the house's idle minutes, while acting for anyone."""
        if self.house is None or self.acting_for is None:
            return
        idle = self.house.settings.idle_lock_minutes * 60
        if self.idle_clock() - self._last_input >= idle:
            self.action_lock()

    # -- keys and commands ----------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_keys":
            # Otherwise Esc goes on to the screen (back, cancel).
            return bool(self.screen.query(KeysPanel))
        return not (self.locked and action in _LOCKED_OUT)

    def action_keys(self) -> None:
        """F1 shows this screen's keys; F1 again hides them."""
        toggle_keys(self.screen)

    def action_close_keys(self) -> None:
        close_keys(self.screen)

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
        if isinstance(screen, HouseScreen):
            yield from screen.palette_commands()
        yield SystemCommand("Lock", "Lock the terminal now", self.action_lock)
        yield SystemCommand("Keys", "Show or hide the keys for this screen (F1)", self.action_keys)
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
        yield SystemCommand("Quit", "Quit crisishouse (asks for a staff PIN)", self.action_quit)
