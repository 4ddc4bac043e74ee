"""Quitting asks for a staff or manager PIN."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from crisishouse.errors import HouseError
from crisishouse.screens.typed_fields import FIELD_KEYS, TypedFields
from crisishouse.services import House
from crisishouse.widgets.literal import literal


class QuitScreen(TypedFields, ModalScreen[bool]):
    """A staff member confirms quitting with their name and PIN."""

    BINDINGS = [Binding("escape", "cancel", "Stay in crisishouse"), *FIELD_KEYS]
    AUTO_FOCUS = "#quit-name"
    FIELDS = ("quit-name", "quit-pin")

    def __init__(self, house: House) -> None:
        super().__init__()
        self.house = house

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog", classes="dialog"):
            yield Label("Quit crisishouse? A staff member's name and PIN, please.")
            yield Input(placeholder="Staff name", id="quit-name")
            yield Input(placeholder="PIN", password=True, id="quit-pin", restrict=r"[0-9]*", max_length=8)
            yield Static("", id="quit-message")
            with Horizontal(classes="buttons"):
                yield Button("Quit", id="quit-confirm", variant="error")
                yield Button("Cancel", id="quit-cancel")

    def fields_done(self, *values: str) -> None:
        """Enter in the PIN: check it."""
        self._check(*values)

    @on(Button.Pressed, "#quit-confirm")
    def _confirm(self) -> None:
        self.after_typing(self._check)

    @work(thread=True, exclusive=True, group="quit")
    def _check(self, name: str, pin: str) -> None:
        try:
            self.house.sign_in.confirm_staff(name, pin)
        except HouseError as refused:
            self.app.call_from_thread(self._refused, str(refused))
            return
        self.app.call_from_thread(self.dismiss, True)

    def _refused(self, message: str) -> None:
        self.query_one("#quit-pin", Input).value = ""
        self.query_one("#quit-message", Static).update(literal(message))

    @on(Button.Pressed, "#quit-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
