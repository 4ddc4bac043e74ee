"""First run on a new data folder: the house's name, and its manager."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from crisishouse.errors import HouseError
from crisishouse.screens.typed_fields import FIELD_KEYS, TypedFields
from crisishouse.services import House
from crisishouse.widgets.literal import literal


class SetupScreen(TypedFields, Screen[None]):
    """Set up a new house."""

    BINDINGS = FIELD_KEYS
    FIELDS = ("house-name-input", "manager-name", "manager-pin", "manager-pin-again")

    class SetUp(Message):
        """The house has its name and its manager: the app shows the lock screen."""

    AUTO_FOCUS = "#house-name-input"

    def __init__(self, house: House) -> None:
        super().__init__()
        self.house = house

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="setup", classes="dialog"):
            yield Label("Welcome. Let's set up this house.", id="setup-title")
            yield Input(placeholder="The house's name", id="house-name-input")
            yield Input(placeholder="The manager's name", id="manager-name")
            yield Input(
                placeholder="Manager's PIN (4 to 8 digits)",
                password=True,
                id="manager-pin",
                restrict=r"[0-9]*",
                max_length=8,
            )
            yield Input(
                placeholder="The same PIN again",
                password=True,
                id="manager-pin-again",
                restrict=r"[0-9]*",
                max_length=8,
            )
            yield Button("Set up the house", id="setup-button", variant="primary")
            yield Static("", id="setup-message")

    def fields_done(self, *values: str) -> None:
        """Enter in the PIN typed again: set up the house."""
        self._set_up(*values)

    @on(Button.Pressed, "#setup-button")
    def _pressed(self) -> None:
        self.after_typing(self._set_up)

    def _set_up(self, house_name: str, manager_name: str, pin: str, pin_again: str) -> None:
        try:
            self.house.set_up(house_name, manager_name, pin, pin_again)
        except HouseError as problem:
            self.query_one("#setup-message", Static).update(literal(str(problem)))
            return
        self.post_message(self.SetUp())
