"""What the house's screens share: the house and the person acted for, forms, notices and the palette.

A binding with a tooltip is offered in the command palette, its tooltip the
title: the palette and the footer are fed from the same `BINDINGS`, and
the palette offers only what the screen's `check_action` allows now, so it
never offers what the footer would refuse.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from textual.actions import parse
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen

from crisishouse.errors import HouseError

if TYPE_CHECKING:
    from crisishouse.services import House, Session

FormResult = TypeVar("FormResult")

SIGNED_IN_STYLES = Path(os.path.abspath(Path(__file__).parent.parent / "signed_in.tcss"))
"""The styles of every screen behind the lock (the lock screen's own are the app's CSS_PATH).

A screen that uses them names them as its CSS_PATH, so Textual reads them
with the first such screen if the app has not read them already (it does,
once the lock screen is up: reading them before its first frame slowed the
start by about a tenth).
"""


class Terminal(Protocol):
    """What a screen may read of the app it runs in (`CrisisHouseApp`)."""

    house: House | None
    """The house's data, once it has opened."""
    session: Session | None
    """Who is signed in; None while the terminal is locked."""
    house_ready: threading.Event
    """Set once the house's data is open (or could not be)."""
    copy_folders: dict[str, Path]
    """The folder each person last saved a copy of a record in (in memory, for the app's life)."""


def terminal_of(node: DOMNode) -> Terminal:
    """The app `node` runs in, typed as the screens know it."""
    # Screens sit below the app and never import it; the app is this shape.
    return cast(Terminal, node.app)


class LockNow(Message):
    """The house no longer knows the person signed in (made inactive, say): the app locks the terminal."""


def _let_go_of_closed_headers(app: App[object]) -> None:
    app.mutate_reactive(App.title)
    app.mutate_reactive(App.sub_title)


class HouseScreen(Screen[None]):
    """A screen acting for one person (`session`) on the house's data (`house`)."""

    CSS_PATH = SIGNED_IN_STYLES

    # The terminal's keys, first in every footer (a screen's own follow): F1
    # and Lock are never cut off at 80 columns, and are always in one place.
    BINDINGS = [
        Binding("f1", "app.keys", "Keys", id="keys"),
        Binding("ctrl+l", "app.lock", "Lock", id="lock-here"),
    ]

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session
        """Who this screen acts for: the app locks while any screen acts for someone."""

    @property
    def terminal(self) -> Terminal:
        """The app, as the screens know it."""
        return terminal_of(self)

    def on_unmount(self) -> None:
        # Textual's Header watches the app's title and sub-title, and the app lets a closed watcher go
        # only when that value next changes, which is seldom: without this, every screen closed since
        # would keep its header in memory, and a terminal that runs all week would grow and pause to
        # collect it. Telling the watchers again (the headers on screen show the same) lets them go.
        app = self.app
        app.call_later(_let_go_of_closed_headers, app)

    # -- reading again, forms and notices ------------------------------------

    def action_refresh(self) -> None:
        """Read from the house's services again and show it (each screen says what it shows)."""

    def push_form(self, form: Screen[FormResult], then: Callable[[FormResult], object] | None = None) -> None:
        """Open a form; when it closes with a result, `then` hears it and the screen reads again.

        A form closed without a result (cancelled) changes nothing, so nothing is read again.
        A form with nothing to choose from (no free room) is not opened: the screen says why.
        """
        from crisishouse.screens.form import FormScreen  # not on the way to the lock screen

        if isinstance(form, FormScreen):
            try:
                reason = form.cannot_open()
            except HouseError as problem:
                self.show_problem(problem)
                return
            if reason is not None:
                self.notify(reason, markup=False)
                return

        def closed(result: FormResult | None) -> None:
            if result is None:
                return
            if then is not None:
                then(result)
            self.action_refresh()

        self.app.push_screen(form, closed)

    def show_problem(self, problem: HouseError, *, title: str = "", timeout: float | None = None) -> None:
        """Show what the house refused, or what went wrong, exactly as it is worded (never as markup)."""
        self.notify(str(problem), title=title, severity="error", markup=False, timeout=timeout)

    def try_change(self, change: Callable[[], object]) -> bool:
        """Ask a service for a change: a refusal is shown as a notice, else the screen reads again."""
        try:
            change()
        except HouseError as problem:
            self.show_problem(problem)
            return False
        self.action_refresh()
        return True

    def action_back(self) -> None:
        self.dismiss()

    # -- the command palette --------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the palette: its bindings with a tooltip, as `check_action` allows now."""
        for binding in self.BINDINGS:
            if not isinstance(binding, Binding) or not binding.tooltip:
                continue
            _namespace, name, parameters = parse(binding.action)
            # None (shown dimmed in the footer) is no more offered than False.
            if self.check_action(name, parameters) is not True:
                continue
            key = self.app.get_key_display(binding)
            yield SystemCommand(
                binding.tooltip, f"{binding.description} (key {key})", partial(self.run_action, binding.action)
            )
        yield from self.more_palette_commands()

    def more_palette_commands(self) -> Iterable[SystemCommand]:
        """Commands offered only in the palette, with no key of their own."""
        return ()
