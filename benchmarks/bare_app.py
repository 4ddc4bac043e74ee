"""The yardstick for cold start: a bare Textual app that shows one Label."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label


class BareApp(App[None]):
    """Nothing but one Label."""

    def compose(self) -> ComposeResult:
        yield Label("Kia ora", id="hello")
