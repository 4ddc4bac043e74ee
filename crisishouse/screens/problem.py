"""When the house's data cannot be opened: say what is wrong, offer a backup."""

from __future__ import annotations

from pathlib import Path

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Static

from crisishouse.clock import Clock
from crisishouse.errors import HouseError
from crisishouse.services.recovery import (
    house_time_zone,
    newest_good_backup,
    newest_settings_backup,
    problems_after_restore,
    restore_from_backup,
    restore_settings,
    set_damaged_aside,
    settings_problem,
)
from crisishouse.store import StoreDamaged
from crisishouse.widgets.literal import literal

SHOWN_PROBLEMS = 8
"""Problems found after a restore that fit on the screen; `crisishouse check` lists all."""


class ProblemScreen(Screen[None]):
    """The data folder cannot be opened. Nothing has been overwritten."""

    class OpenAgain(Message):
        """A backup was restored, or a file set aside: the app closes this screen and opens the house again."""

    def __init__(self, data_dir: Path, message: str, damaged: StoreDamaged | None, clock: Clock) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.message = message
        self.damaged = damaged
        self.clock = clock
        self.time_zone = house_time_zone(data_dir)
        self.backup = newest_good_backup(data_dir, damaged.path) if damaged else None
        self.settings_wrong = damaged is None and settings_problem(data_dir) is not None
        """The problem is `house.toml` (the app passes no damaged data file for it)."""
        self.settings_backup = newest_settings_backup(data_dir) if self.settings_wrong else None

    def _when(self, moment: pendulum.DateTime, pattern: str = "dddd D MMMM YYYY, HH:mm") -> str:
        """A time as the house reads it: in its own time zone."""
        return moment.in_timezone(self.time_zone).format(pattern)

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="problem", classes="dialog"):
            yield Static("crisishouse cannot open this house's data", id="problem-title")
            yield Static(literal(self.message), id="problem-message")
            yield from self._what_can_be_done()
            if self.settings_backup is not None:
                day = self._when(self.settings_backup.taken_at, "D MMM YYYY")
                with Horizontal(classes="buttons"):
                    yield Button(
                        f"Restore house.toml from the backup of {day}", id="restore-settings", variant="primary"
                    )
            with Horizontal(classes="buttons"):
                if self.backup is not None:
                    yield Button("Restore the backup", id="restore", variant="primary")
                elif self.damaged is not None:
                    yield Button("Set the file aside and start without it", id="set-aside", variant="warning")
                opener = Button("Open the house", id="open-house", variant="primary")
                opener.display = False  # shown once a restore found records to look at
                yield opener
                yield Button("Quit", id="problem-quit")

    def _what_can_be_done(self) -> ComposeResult:
        """The lines under the message: what was kept, and which backup helps."""
        aside = self.data_dir / "damaged"
        if self.damaged is not None:
            yield Static(
                f"The damaged file has not been changed. Restoring keeps it aside in {aside} for inspection.",
                id="problem-keep",
            )
            if self.backup is not None:
                relative = self._relative(self.damaged.path)
                taken = self._when(self.backup.taken_at)
                saved = self._when(self.backup.saved_at(relative))
                # A copy kept from an earlier backup is older than the backup: say so.
                as_saved = "" if saved == taken else f", as it was saved on {saved}"
                yield Static(
                    literal(f"The backup of {taken} holds a good copy of it{as_saved}."),
                    id="problem-backup",
                )
            else:
                yield Static("No backup holds a good copy of this file.", id="problem-backup")
        elif self.settings_wrong:
            if self.settings_backup is not None:
                taken = self._when(self.settings_backup.taken_at)
                yield Static(
                    literal(
                        f"The backup of {taken} holds a good house.toml. house.toml has not been "
                        f"changed; restoring keeps it aside in {aside} for inspection."
                    ),
                    id="problem-backup",
                )
            else:
                yield Static(
                    "No backup holds a good house.toml. Mend the file in a text editor "
                    "(see README.md), then start crisishouse again.",
                    id="problem-backup",
                )

    def _relative(self, path: Path) -> str:
        return str(Path(path).resolve().relative_to((self.data_dir / "store").resolve()))

    @on(Button.Pressed, "#restore")
    def _restore(self) -> None:
        assert self.damaged is not None and self.backup is not None
        try:
            restore_from_backup(self.data_dir, self.damaged.path, self.backup, self.clock)
            found = problems_after_restore(self.data_dir, self.damaged.path)
        except (OSError, HouseError) as error:
            self._failed(error)
            return
        restored = (
            f"Restored {self._relative(self.damaged.path)} from the backup of {self._when(self.backup.taken_at)}."
        )
        if found:
            self._show_found(restored, found)
            return
        self.app.notify(restored, title="Restored", markup=False)
        self._reopen()

    def _show_found(self, restored: str, found: list[str]) -> None:
        """An older core.json can disagree with files saved since: say where, then let the house open."""
        lines = [f"- {p}" for p in found[:SHOWN_PROBLEMS]]
        if len(found) > SHOWN_PROBLEMS:
            lines.append(f"… and {len(found) - SHOWN_PROBLEMS} more.")
        self.query_one("#problem-title", Static).update("The backup was restored")
        self.query_one("#problem-message", Static).update(
            literal(
                f"{restored} Some records saved since then do not agree with it:\n"
                + "\n".join(lines)
                + "\nRun `crisishouse check` to see them all."
            )
        )
        for widget in self.query("#problem-keep, #problem-backup, #restore"):
            widget.display = False
        self.query_one("#open-house", Button).display = True

    @on(Button.Pressed, "#open-house")
    def _open_anyway(self) -> None:
        self._reopen()

    @on(Button.Pressed, "#restore-settings")
    def _restore_settings(self) -> None:
        assert self.settings_backup is not None
        try:
            restore_settings(self.data_dir, self.settings_backup, self.clock)
        except (OSError, HouseError) as error:
            self._failed(error)
            return
        self.app.notify(
            f"Restored house.toml from the backup of {self._when(self.settings_backup.taken_at)}.",
            title="Restored",
            markup=False,
        )
        self._reopen()

    @on(Button.Pressed, "#set-aside")
    def _set_aside(self) -> None:
        assert self.damaged is not None
        try:
            set_damaged_aside(self.data_dir, self.damaged.path, self.clock)
        except OSError as error:
            self._failed(error)
            return
        self._reopen()

    def _failed(self, error: Exception) -> None:
        self.query_one("#problem-message", Static).update(literal(f"{self.message}\n\nThat did not work: {error}"))

    def _reopen(self) -> None:
        self.post_message(self.OpenAgain())

    @on(Button.Pressed, "#problem-quit")
    def _quit(self) -> None:
        self.app.exit()
