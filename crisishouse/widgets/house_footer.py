"""The footer of every house screen: Textual's Footer, laid out again only when its keys change.

Textual's Footer builds all its keys afresh on every "bindings changed" signal,
and a screen sends several as it opens (mounting, focus, each refresh of its
data), so each key was built and styled four or five times before the screen
was idle: a third of the time it took to open a screen. This footer waits for
the signals of one refresh to pass and builds its keys again only if what it
would show is different.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; the type of a footer's keys

if TYPE_CHECKING:
    from textual.screen import Screen

Shown = tuple[tuple[str, str, str, bool, str], ...]


class HouseFooter(Footer):
    """A Footer that rebuilds its keys once per change, not once per signal."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Shown | None = None
        """What the keys on show were built from (None: none built yet)."""
        self._waiting = False
        """A rebuild is asked for after the next refresh: later signals before it add nothing."""

    def _what_it_shows(self) -> Shown:
        """The keys the footer would show now: key, label, action, enabled, tooltip, in order."""
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip or binding.tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )

    def compose(self) -> ComposeResult:
        # The keys come with the screen's first layout, not in a second one after it.
        self.set_reactive(Footer._bindings_ready, True)
        self._shown = self._what_it_shows()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Born as compact as the footer: else each key is styled twice more as it
                # mounts (its own default, then the footer's value, each a class change).
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._waiting:
            return
        if self.is_attached and screen is self.screen:
            self._waiting = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._waiting = False
        if not self.is_attached or self._what_it_shows() == self._shown:
            return
        await self.recompose()
