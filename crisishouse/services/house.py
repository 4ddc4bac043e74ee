"""The house: its settings, its store and its services, built in one place."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from crisishouse.clock import Clock
from crisishouse.models import StaffMember
from crisishouse.services.context import HouseContext
from crisishouse.services.demo_house import DEMO_META, DEMO_SIGN_INS, DemoSignIn
from crisishouse.services.errors import ServiceError
from crisishouse.services.on_first_use import OnFirstUse, renew, services_of
from crisishouse.services.session import Session, checks_sessions, require_staff
from crisishouse.services.setup import is_set_up, set_up_house
from crisishouse.services.signin import SignIn
from crisishouse.settings import SETTINGS_FILE, Settings, SettingsError, load_settings, settings_from_bytes
from crisishouse.store import Store

if TYPE_CHECKING:
    from crisishouse.language import Finding, LanguageCheck
    from crisishouse.services.board import Board
    from crisishouse.services.check_ins import CheckIns
    from crisishouse.services.debriefs import Debriefs
    from crisishouse.services.erasure import Erasures
    from crisishouse.services.guest_record import GuestRecords
    from crisishouse.services.guest_voice import GuestVoice
    from crisishouse.services.handover import Handover
    from crisishouse.services.intentions import Intentions
    from crisishouse.services.load import Load
    from crisishouse.services.mental_health_days import MentalHealthDays
    from crisishouse.services.own_record import OwnRecords
    from crisishouse.services.report import Reports
    from crisishouse.services.rhythm import Rhythm
    from crisishouse.services.roster import Roster
    from crisishouse.services.staff_wellbeing import StaffWellbeing
    from crisishouse.services.stays import Stays
    from crisishouse.services.wellbeing import Wellbeing

_S = "crisishouse.services."


@checks_sessions
class House:
    """One house's data and rules. Screens talk only to this.

    Its services are imported and built when first asked for (the lock screen
    needs only the sign-in); `warm_next` builds them one at a time beforehand.
    """

    ctx: HouseContext
    """What every service works from (`renew` sets it, with the services dropped, in one step)."""
    rhythm: OnFirstUse[Rhythm] = OnFirstUse(_S + "rhythm", "Rhythm")
    stays: OnFirstUse[Stays] = OnFirstUse(_S + "stays", "Stays")
    check_ins: OnFirstUse[CheckIns] = OnFirstUse(_S + "check_ins", "CheckIns")
    wellbeing: OnFirstUse[Wellbeing] = OnFirstUse(_S + "wellbeing", "Wellbeing", "stays")
    intentions: OnFirstUse[Intentions] = OnFirstUse(_S + "intentions", "Intentions", "stays")
    voice: OnFirstUse[GuestVoice] = OnFirstUse(_S + "guest_voice", "GuestVoice", "stays")
    records: OnFirstUse[GuestRecords] = OnFirstUse(
        _S + "guest_record", "GuestRecords", "stays", "wellbeing", "intentions", "voice"
    )
    own_record: OnFirstUse[OwnRecords] = OnFirstUse(_S + "own_record", "OwnRecords", "stays", "records", "voice")
    erasures: OnFirstUse[Erasures] = OnFirstUse(_S + "erasure", "Erasures", "stays")
    board: OnFirstUse[Board] = OnFirstUse(_S + "board", "Board", "check_ins", "rhythm", "stays", "voice", "erasures")
    roster: OnFirstUse[Roster] = OnFirstUse(_S + "roster", "Roster")
    staff_wellbeing: OnFirstUse[StaffWellbeing] = OnFirstUse(_S + "staff_wellbeing", "StaffWellbeing")
    mental_health_days: OnFirstUse[MentalHealthDays] = OnFirstUse(_S + "mental_health_days", "MentalHealthDays")
    debriefs: OnFirstUse[Debriefs] = OnFirstUse(_S + "debriefs", "Debriefs")
    load: OnFirstUse[Load] = OnFirstUse(_S + "load", "Load", "mental_health_days", "debriefs", "staff_wellbeing")
    handover: OnFirstUse[Handover] = OnFirstUse(
        _S + "handover", "Handover", "stays", "intentions", "rhythm", "records", "voice"
    )

    def __init__(self, data_dir: Path, store: Store, settings: Settings, clock: Clock) -> None:
        self.data_dir = Path(data_dir)
        self.store = store
        self.clock = clock
        self._set_up = is_set_up(store)
        self._settings_bytes = self._settings_file_bytes()
        self.settings_problem: str | None = None
        """Why a changed house.toml is not in use (the house keeps the settings it had), until it is fixed."""
        self._build(settings)

    def _build(self, settings: Settings) -> None:
        before = getattr(self, "settings", None)
        self.settings = settings
        # The check built (and warmed) for the same words is kept: a changed rota leaves it as it was.
        same_words = before is not None and (before.language_extra, before.language_exceptions) == (
            settings.language_extra,
            settings.language_exceptions,
        )
        self._language: LanguageCheck | None = getattr(self, "_language", None) if same_words else None
        # Every service works from one context; the language check is built
        # only when words are first checked (it takes a moment).
        # The services are built again on this context when next asked for.
        renew(self, HouseContext(self.store, settings, self.clock, self.data_dir, self._find_words))
        self._reports: Reports | None = None
        if not hasattr(self, "sign_in"):
            self.sign_in = SignIn(self.store, self.clock)

    def _settings_file_bytes(self) -> bytes | None:
        try:
            return (self.data_dir / SETTINGS_FILE).read_bytes()
        except OSError:
            return None

    def reread_settings(self) -> bool:
        """Use house.toml again if its bytes changed since it was read (call it where no work is half done).

        A file that cannot be used now (missing, not TOML, a bad value)
        leaves the settings as they were, and `settings_problem` says why.

        Returns:
            True if the house now works from new settings.
        """
        raw = self._settings_file_bytes()
        if raw == self._settings_bytes:
            return False
        self._settings_bytes = raw
        keeps = f"The house keeps the settings it had until {SETTINGS_FILE} is put right."
        if raw is None:
            self.settings_problem = f"{SETTINGS_FILE} has gone from the data folder, or cannot be read. {keeps}"
            return False
        try:
            # Named without its folder: the board says what is wrong, `crisishouse where` says where.
            settings = settings_from_bytes(Path(SETTINGS_FILE), raw)
        except SettingsError as problem:
            self.settings_problem = f"{problem} {keeps}"
            return False
        self.settings_problem = None
        if settings == self.settings:
            return False  # a comment or a blank line: nothing to rebuild
        self._build(settings)
        return True

    @property
    def reports(self) -> Reports:
        """The funder's counts (imported when the manager first asks)."""
        if self._reports is None:
            from crisishouse.services.report import Reports

            self._reports = Reports(self.ctx)
        return self._reports

    @property
    def language(self) -> LanguageCheck:
        """The house's language check, built when first needed (it takes a moment)."""
        if self._language is None:
            from crisishouse.language import LanguageCheck

            self._language = LanguageCheck.from_settings(self.settings)
        return self._language

    def _find_words(self, text: str) -> list[Finding]:
        return self.language.check(text)

    @classmethod
    def open(cls, data_dir: Path, clock: Clock | None = None) -> House:
        """Open a house's data folder (created if new).

        Raises:
            SettingsError: `house.toml` has a bad value.
            StoreDamaged: a data file cannot be read.
            StoreTooNew: the data is from a newer crisishouse.
        """
        clock = clock or Clock()
        settings = load_settings(Path(data_dir))
        store = Store.open(Path(data_dir), clock)
        with store.reading():
            house = cls(Path(data_dir), store, settings, clock)
            pending = store.pending_erasures()
        # A terminal stopped in the middle of an erasure: finish it first.
        if pending:
            house.erasures.finish_pending()
        return house

    def warm_next(self) -> bool:
        """Build one service not built yet (importing its module), ahead of the screen that needs it.

        First, if opening read only the head of the house's core data, parse the rest.

        Returns:
            True while some are still to build.
        """
        if self.store.parse_core():
            return True
        waiting = [name for name in services_of(type(self)) if name not in vars(self)]
        if waiting:
            getattr(self, waiting[0])
        return len(waiting) > 1

    @property
    def is_set_up(self) -> bool:
        """The house has a manager (asked often: kept, not reread)."""
        return self._set_up

    def set_up(self, house_name: str, manager_name: str, pin: str, pin_again: str) -> StaffMember:
        """First run: name the house and make its manager."""
        settings, manager = set_up_house(
            self.store, self.data_dir, self.settings, house_name, manager_name, pin, pin_again
        )
        self._build(settings)
        self._settings_bytes = self._settings_file_bytes()  # the house's own writing is no change to pick up
        self._set_up = True
        return manager

    def daily_backup(self) -> None:
        """Take today's backup if it has not been taken (slow: run it in the background).

        First, clear what writes cut short by a crash left behind (see `Store.remove_stray_temp_files`).
        """
        with contextlib.suppress(OSError):  # a folder that cannot be listed must not stop the backup
            self.store.remove_stray_temp_files()
        self.store.daily_backup()

    @property
    def backup_problem(self) -> str | None:
        """Why today's backup could not be made, and which live files it found damaged."""
        from crisishouse.store.backups import describe_damage

        found = self.store.damage_found
        damage = describe_damage(found, self.settings.time_zone) if found is not None else None
        return " ".join(p for p in (self.store.backup_problem, damage) if p) or None

    def damaged_files(self, session: Session) -> list[Path]:
        """Data files under store/ that today's backup found damaged (staff only)."""
        require_staff(session, "see damaged data files")
        found = self.store.damage_found
        if found is None:
            return []
        return [self.store.root / r for r in found.damaged if r.endswith(".json") and (self.store.root / r).exists()]

    def _no_longer_damaged(self, relative: str) -> None:
        found = self.store.damage_found
        if found is not None and relative in found.damaged:
            rest = tuple(r for r in found.damaged if r != relative)
            self.store.damage_found = replace(found, damaged=rest) if rest else None

    def restore_damaged(self, session: Session, path: Path) -> str:
        """Put the newest good backup copy of a damaged data file in its place; the damaged one is kept aside.

        Safe while other terminals are open: the restore holds the house lock,
        and every terminal rereads a file whose bytes changed.
        """
        require_staff(session, "restore a data file from a backup")
        from crisishouse.store import NotDamaged, newest_good_backup, restore_from_backup

        root = self.store.root.resolve()
        path = Path(path).resolve()
        if root not in path.parents or path.suffix != ".json":
            raise ServiceError("Only the house's own data files can be restored.")
        backup = newest_good_backup(self.data_dir, path)
        shown = path.relative_to(root)
        if backup is None:
            raise ServiceError(
                f"No backup holds a good copy of store/{shown}. Run crisishouse check, and ask for help."
            )
        try:
            restore_from_backup(self.data_dir, path, backup, self.clock)
        except NotDamaged as mended:
            self._no_longer_damaged(str(shown))
            raise ServiceError(str(mended)) from None
        self._no_longer_damaged(str(shown))
        when = backup.taken_at.in_timezone(self.settings.time_zone).format("D MMMM YYYY, HH:mm")
        return f"store/{shown} was restored from the backup of {when}; the damaged file is kept under damaged/."

    @property
    def is_demo(self) -> bool:
        """A demo house (made by `crisishouse demo`); never a real one."""
        meta = self.store.get_meta(DEMO_META)
        return bool(meta and meta.get("demo"))

    def demo_sign_ins(self) -> tuple[DemoSignIn, ...]:
        """Who a newcomer may sign in as, with their PINs: in a demo house only."""
        return DEMO_SIGN_INS if self.is_demo else ()
