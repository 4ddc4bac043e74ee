"""When the house's data cannot be opened: say what is wrong, offer a backup."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Static

from crisishouse.clock import Clock
from crisishouse.services.recovery import newest_good_backup, restore_from_backup, set_damaged_aside
from crisishouse.store import StoreDamaged, StoreError
from crisishouse.text import literal


class ProblemScreen(Screen[None]):
    """The data folder cannot be opened. Nothing has been overwritten."""

    def __init__(self, data_dir: Path, message: str, damaged: StoreDamaged | None, clock: Clock) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.message = message
        self.damaged = damaged
        self.clock = clock
        self.backup = newest_good_backup(data_dir, damaged.path) if damaged else None

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="problem", classes="dialog"):
            yield Static("crisishouse cannot open this house's data", id="problem-title")
            yield Static(literal(self.message), id="problem-message")
            if self.damaged is not None:
                yield Static(
                    "The damaged file has not been changed. Restoring keeps it aside "
                    f"in {self.data_dir / 'damaged'} for inspection.",
                    id="problem-keep",
                )
            if self.backup is not None:
                yield Static(
                    literal(f"The newest good backup of it is from {self.backup.taken_at.format('dddd D MMMM YYYY, HH:mm')} UTC."),
                    id="problem-backup",
                )
            elif self.damaged is not None:
                yield Static("No backup holds a good copy of this file.", id="problem-backup")
            with Horizontal(classes="buttons"):
                if self.backup is not None:
                    yield Button("Restore the backup", id="restore", variant="primary")
                elif self.damaged is not None:
                    yield Button("Set the file aside and start without it", id="set-aside", variant="warning")
                yield Button("Quit", id="problem-quit")

    @on(Button.Pressed, "#restore")
    def _restore(self) -> None:
        assert self.damaged is not None and self.backup is not None
        try:
            restore_from_backup(self.data_dir, self.damaged.path, self.backup, self.clock)
        except (OSError, StoreError) as error:
            self._failed(error)
            return
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
        self.query_one("#problem-message", Static).update(
            literal(f"{self.message}\n\nThat did not work: {error}")
        )

    def _reopen(self) -> None:
        self.dismiss()
        self.app.open_house()  # type: ignore[attr-defined]

    @on(Button.Pressed, "#problem-quit")
    def _quit(self) -> None:
        self.app.exit()
