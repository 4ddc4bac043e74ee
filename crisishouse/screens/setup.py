"""First run on a new data folder: the house's name, and its manager."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from crisishouse.errors import HouseError
from crisishouse.services import House
from crisishouse.widgets.literal import literal


class SetupScreen(Screen[None]):
    """Set up a new house."""

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

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        if event.input.id == "manager-pin-again":
            self._set_up()
        else:
            self.focus_next()

    @on(Button.Pressed, "#setup-button")
    def _set_up(self) -> None:
        values = [
            self.query_one(f"#{i}", Input).value
            for i in ("house-name-input", "manager-name", "manager-pin", "manager-pin-again")
        ]
        try:
            self.house.set_up(*values)
        except HouseError as problem:
            self.query_one("#setup-message", Static).update(literal(str(problem)))
            return
        self.post_message(self.SetUp())
