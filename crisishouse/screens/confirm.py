"""A yes-or-no question with the consequence spelt out, the safe answer chosen until another is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from textual.widgets.button import ButtonVariant

    from crisishouse.services import Session


class ConfirmScreen(ModalScreen[bool]):
    """Ask first. Enter on the focused button and Escape both keep things as they are.

    The safe answer has the focus, so a tired hand pressing Enter changes nothing.
    """

    BINDINGS = [Binding("escape", "no", "Cancel")]
    AUTO_FOCUS = "#confirm-no"

    def __init__(
        self,
        question: Text,
        yes: str,
        *,
        no: str = "Cancel",
        yes_variant: ButtonVariant = "error",
        session: Session | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.yes_variant: ButtonVariant = yes_variant
        self.session = session
        """Who is asked, when no one is signed in (F2 at the lock screen): the idle lock closes the question too."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="confirm-yes", variant=self.yes_variant)
                yield Button(self.no, id="confirm-no")

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_no(self) -> None:
        self.dismiss(False)
