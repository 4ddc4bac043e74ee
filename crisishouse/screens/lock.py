"""The lock screen: opaque, shows nothing of anyone's session, asks for a PIN."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import terminal_of
from crisishouse.screens.confirm import ConfirmScreen
from crisishouse.screens.typed_fields import FIELD_KEYS, TypedFields
from crisishouse.widgets.literal import literal

if TYPE_CHECKING:
    from crisishouse.screens.shift_steps import ShiftStep, StepKind
    from crisishouse.services import House, Session
    from crisishouse.services.signin import Wait

# How long a sign-in waits for the house's data to finish opening.
OPEN_WAIT_SECONDS = 30


class LockScreen(TypedFields, Screen[None]):
    """Sign in with your name and PIN.

    It shows before the house's data has opened (see `attach`), and it is
    deliberately light (no Button: Enter signs in) so the terminal reaches
    it quickly however large the house's history is.
    """

    class SignedIn(Message):
        """Someone signed in with their name and PIN: the app opens their first screen."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session
            """Who signed in."""

    HELP = (
        "Type your name and your PIN, then press Enter to sign in. Staff: F2 instead signs on or off your shift, "
        "asking first; a sign-off made by mistake can be taken back with F2 for 10 minutes."
    )
    AUTO_FOCUS = "#name"
    BINDINGS = [Binding("f2", "shift", "Sign on or off a shift", id="shift"), *FIELD_KEYS]
    FIELDS = ("name", "pin")

    def __init__(self) -> None:
        super().__init__()
        self.house: House | None = None
        self._wait: Wait | None = None
        """The wait counted down on screen, after too many wrong PINs."""
        self._countdown: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-in"):
            yield Static("", id="house-name")
            yield Label("Kia ora. Sign in to continue.", id="greeting")
            yield Input(placeholder="Your name", id="name")
            yield Input(placeholder="PIN", password=True, id="pin", restrict=r"[0-9]*", max_length=8)
            yield Label("Press Enter to sign in.\nStaff: F2 signs on or off your shift.", id="sign-in-hint")
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
        sign_ins = self.house.demo_sign_ins()
        if sign_ins:
            lines = ["Demo house: try any role"]
            lines += [f"{s.name:<7} {s.role_words:<14} PIN {s.pin}" for s in sign_ins]
            demo.update("\n".join(lines))
        demo.display = bool(sign_ins)

    def reset(self) -> None:
        """Clear everything typed, ready for the next person."""
        self._stop_countdown()
        if self.house is not None:
            self.house.sign_in.ahead.forget()
        self.query_one("#name", Input).value = ""
        self.query_one("#pin", Input).value = ""
        self.query_one("#sign-in-message", Static).update("")
        self.query_one("#name", Input).focus()

    def fields_done(self, *values: str) -> None:
        """Enter in the PIN: sign in."""
        self._checking()
        self._check(*values)

    @on(Input.Changed, "#name")
    def _another_name(self) -> None:
        # A wait for one name is not another name's: stop counting it down.
        if self._wait is not None and self._wait.scope == "name":
            self._stop_countdown()

    @on(Input.Changed)
    def _typed(self) -> None:
        """A name and a PIN that could be whole: have the slow PIN check done now, so Enter need not wait for it."""
        if self.house is None:
            return
        name, pin = self.query_one("#name", Input).value, self.query_one("#pin", Input).value
        if self.house.sign_in.worth_checking_ahead(name, pin):
            self._check_ahead(self.house, name, pin)

    @work(thread=True, exclusive=True, group="pin-ahead", exit_on_error=False)
    def _check_ahead(self, house: House, name: str, pin: str) -> None:
        # A damaged file or a failure here is said by the sign-in itself, at Enter.
        with contextlib.suppress(HouseError):
            house.sign_in.check_ahead(name, pin)

    def _opened_house(self) -> House | None:
        """From a worker: wait for the house's data to open, or say it has not."""
        terminal = terminal_of(self)
        terminal.house_ready.wait(OPEN_WAIT_SECONDS)
        house = terminal.house
        if house is None:
            self.app.call_from_thread(self._refused, "The house's data is not open yet.")
        return house

    def _checking(self) -> None:
        self.query_one("#sign-in-message", Static).update("Checking…")

    @work(thread=True, exclusive=True, group="sign-in")
    def _check(self, name: str, pin: str) -> None:
        # PIN hashing is deliberately slow: keep the screen responsive.
        house = self._opened_house()
        if house is None:
            return
        try:
            session = house.sign_in.sign_in(name, pin)
        except HouseError as refused:
            # A damaged file is named in the message; nothing is changed.
            self.app.call_from_thread(self._refused, str(refused), getattr(refused, "wait", None))
            return
        self.app.call_from_thread(self._signed_in, session)

    def action_shift(self) -> None:
        """Sign on or off a shift (or take back a sign-off) with name and PIN, asked first; the terminal stays locked."""
        self._checking()
        self.after_typing(self._ask_about_shift)

    @work(thread=True, exclusive=True, group="sign-in")
    def _ask_about_shift(self, name: str, pin: str) -> None:
        house = self._opened_house()
        if house is None:
            return
        try:
            session = house.sign_in.confirm_staff(name, pin)
        except HouseError as refused:
            self.app.call_from_thread(self._refused, str(refused), getattr(refused, "wait", None))
            return
        # Loaded on F2, not with the lock screen: it brings in the house's services (a quarter second at start).
        from crisishouse.screens.shift_steps import next_step

        try:
            step = next_step(house, session)
        except HouseError as problem:
            self.app.call_from_thread(self._refused, str(problem))
            return
        self.app.call_from_thread(self._ask, session, step)

    def _ask(self, session: Session, step: ShiftStep) -> None:
        # The PIN has done its work: nothing typed waits behind the question.
        self.reset()

        from crisishouse.screens.shift_steps import declined

        def answered(yes: bool | None) -> None:
            if yes:
                self._take_step(session, step.kind)
            else:
                self.query_one("#sign-in-message", Static).update(literal(declined(step.kind)))

        question = ConfirmScreen(Text(step.question), step.yes, no=step.no, yes_variant="primary", session=session)
        self.app.push_screen(question, answered)

    @work(thread=True, exclusive=True, group="sign-in")
    def _take_step(self, session: Session, step: StepKind) -> None:
        from crisishouse.screens.shift_steps import take_step

        assert self.house is not None, "a question was asked, so the house is open"
        try:
            message = take_step(self.house, session, step)
        except HouseError as problem:
            # A damaged month file or a full disk: said plainly, the shift as it was.
            self.app.call_from_thread(self._refused, str(problem))
            return
        # A private self-check is offered at sign-on and sign-off, never required; not after taking one back.
        self.app.call_from_thread(self._shift_done, message, session if step != "take_back" else None)

    def _shift_done(self, message: str, signed_on: Session | None) -> None:
        self.reset()
        self.query_one("#sign-in-message", Static).update(literal(message))
        if signed_on is not None and self.house is not None:
            from crisishouse.screens.staff_forms import SelfCheckForm

            self.app.push_screen(SelfCheckForm(self.house, signed_on))

    def _refused(self, message: str, wait: Wait | None = None) -> None:
        self._stop_countdown()
        self.query_one("#pin", Input).value = ""
        self.query_one("#sign-in-message", Static).update(literal(message))
        self.query_one("#pin", Input).focus()
        if wait is not None:
            # Counted down each second, so no one need try a PIN just to learn how long is left.
            self._wait = wait
            self._countdown = self.set_interval(1, self._count_down)

    def _count_down(self) -> None:
        if self._wait is None or self.house is None:
            self._stop_countdown()
            return
        now = self.house.clock.now()
        self.query_one("#sign-in-message", Static).update(literal(self._wait.words(now)))
        if not self._wait.seconds_left(now):
            self._stop_countdown()

    def _stop_countdown(self) -> None:
        if self._countdown is not None:
            self._countdown.stop()
        self._countdown = None
        self._wait = None

    def _signed_in(self, session: Session) -> None:
        self.reset()
        self.post_message(self.SignedIn(session))
