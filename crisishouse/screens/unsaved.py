"""The question before a form's typed text is thrown away (principle 12): staying is the default."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from crisishouse.screens.base import SIGNED_IN_STYLES

LEAVE_QUESTION = "Leave without saving what you typed?"


class LeaveUnsaved(ModalScreen[bool]):
    """True to leave the form and lose what was typed; Enter or Esc keeps writing."""

    CSS_PATH = SIGNED_IN_STYLES
    BINDINGS = [Binding("escape", "keep_writing", "Keep writing")]
    AUTO_FOCUS = "#keep-writing"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="leave-unsaved"):
            yield Label(LEAVE_QUESTION, id="leave-unsaved-question")
            yield Label("What you typed is not saved yet.", classes="field-label")
            with Horizontal(classes="buttons"):
                yield Button("Keep writing", id="keep-writing", variant="primary")
                yield Button("Leave without saving", id="leave-anyway", variant="warning")

    @on(Button.Pressed, "#keep-writing")
    def action_keep_writing(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#leave-anyway")
    def _leave(self) -> None:
        self.dismiss(True)
