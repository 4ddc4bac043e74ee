"""The lock screen: opaque, shows nothing of anyone's session, asks for a PIN."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from crisishouse.text import literal

if TYPE_CHECKING:
    from crisishouse.services import House, Session

# How long a sign-in waits for the house's data to finish opening.
OPEN_WAIT_SECONDS = 30


class LockScreen(Screen[None]):
    """Sign in with your name and PIN.

    It shows before the house's data has opened (see `attach`), and it is
    deliberately light (no Button: Enter signs in) so the terminal reaches
    it quickly however large the house's history is.
    """

    HELP = "Type your name and your PIN, then press Enter."
    AUTO_FOCUS = "#name"

    def __init__(self) -> None:
        super().__init__()
        self.house: House | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-in"):
            yield Static("", id="house-name")
            yield Label("Kia ora. Sign in to continue.", id="greeting")
            yield Input(placeholder="Your name", id="name")
            yield Input(placeholder="PIN", password=True, id="pin", restrict=r"[0-9]*", max_length=8)
            yield Label("Press Enter to sign in.", id="sign-in-hint")
            yield Static("", id="sign-in-message")
            yield Static("", id="demo-pins")

    def on_mount(self) -> None:
        if self.house is not None:
            self._show_house()

    def attach(self, house: House) -> None:
        """The house's data is open: show its name (and, in a demo, its PINs)."""
        self.house = house
        if self.is_mounted:
            self._show_house()

    def _show_house(self) -> None:
        assert self.house is not None
        self.query_one("#house-name", Static).update(literal(self.house.settings.house_name))
        demo = self.query_one("#demo-pins", Static)
        if self.house.is_demo:
            from crisishouse.demo import DEMO_SIGN_INS

            lines = ["Demo house: try any role"]
            lines += [f"{name:<7} {role:<14} PIN {pin}" for name, role, pin in DEMO_SIGN_INS]
            demo.update("\n".join(lines))
        demo.display = self.house.is_demo

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
    def _sign_in(self) -> None:
        name = self.query_one("#name", Input).value
        pin = self.query_one("#pin", Input).value
        self.query_one("#sign-in-message", Static).update("Checking…")
        self._check(name, pin)

    @work(thread=True, exclusive=True, group="sign-in")
    def _check(self, name: str, pin: str) -> None:
        # PIN hashing is deliberately slow: keep the screen responsive.
        from crisishouse.services import SignInRefused

        self.app.house_ready.wait(OPEN_WAIT_SECONDS)  # type: ignore[attr-defined]
        house = self.app.house  # type: ignore[attr-defined]
        if house is None:
            self.app.call_from_thread(self._refused, "The house's data is not open yet.")
            return
        try:
            session = house.sign_in.sign_in(name, pin)
        except SignInRefused as refused:
            self.app.call_from_thread(self._refused, str(refused))
            return
        self.app.call_from_thread(self._signed_in, session)

    def _refused(self, message: str) -> None:
        self.query_one("#pin", Input).value = ""
        self.query_one("#sign-in-message", Static).update(literal(message))
        self.query_one("#pin", Input).focus()

    def _signed_in(self, session: Session) -> None:
        self.reset()
        self.app.start_session(session)  # type: ignore[attr-defined]
