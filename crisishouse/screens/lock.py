"""The lock screen: opaque, shows nothing of anyone's session, asks for a PIN."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from crisishouse.services import House, SignInRefused
from crisishouse.text import literal


class LockScreen(Screen[None]):
    """Sign in with your name and PIN."""

    HELP = "Type your name and your PIN, then press Enter."
    AUTO_FOCUS = "#name"

    def __init__(self, house: House) -> None:
        super().__init__()
        self.house = house

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="sign-in"):
            yield Static(literal(self.house.settings.house_name), id="house-name")
            yield Label("Kia ora. Sign in to continue.", id="greeting")
            yield Input(placeholder="Your name", id="name")
            yield Input(placeholder="PIN", password=True, id="pin", restrict=r"[0-9]*", max_length=8)
            yield Button("Sign in", id="sign-in-button", variant="primary")
            yield Static("", id="sign-in-message")
            if self.house.is_demo:
                yield Static(self._demo_help(), id="demo-pins")

    def _demo_help(self) -> str:
        from crisishouse.demo import DEMO_SIGN_INS

        lines = ["Demo house: try any role"]
        lines += [f"{name:<7} {role:<14} PIN {pin}" for name, role, pin in DEMO_SIGN_INS]
        return "\n".join(lines)

    def reset(self) -> None:
        """Clear everything typed, ready for the next person."""
        self.query_one("#name", Input).value = ""
        self.query_one("#pin", Input).value = ""
        self.query_one("#sign-in-message", Static).update("")
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _to_pin(self) -> None:
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    @on(Button.Pressed, "#sign-in-button")
    def _sign_in(self) -> None:
        name = self.query_one("#name", Input).value
        pin = self.query_one("#pin", Input).value
        self.query_one("#sign-in-message", Static).update("Checking…")
        self._check(name, pin)

    @work(thread=True, exclusive=True, group="sign-in")
    def _check(self, name: str, pin: str) -> None:
        # PIN hashing is deliberately slow: keep the screen responsive.
        try:
            session = self.house.sign_in.sign_in(name, pin)
        except SignInRefused as refused:
            self.app.call_from_thread(self._refused, str(refused))
            return
        self.app.call_from_thread(self._signed_in, session)

    def _refused(self, message: str) -> None:
        self.query_one("#pin", Input).value = ""
        self.query_one("#sign-in-message", Static).update(literal(message))
        self.query_one("#pin", Input).focus()

    def _signed_in(self, session) -> None:  # type: ignore[no-untyped-def]
        self.reset()
        self.app.start_session(session)  # type: ignore[attr-defined]
