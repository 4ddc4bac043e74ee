"""The keys panel (F1): what this screen is for, its own keys first, then the terminal's, then moving around.

Textual's own panel lists the focused table's fourteen moving keys before
anything else, and leaves a screen's less used keys below the edge at
80x24; this one is read from the same bindings (so it cannot drift from
them) in the order a person needs them.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

CLOSE_HINT = "F1 or Esc closes this panel."
_PALETTE = "Search every command here"


def _declared(node: object) -> list[Binding]:
    """The bindings crisishouse declares for a screen or the app, base class first (as Textual merges them).

    Read from the classes, not from the keys active now: a screen's Enter
    (open the guest) is still its meaning when the table in focus takes
    Enter to choose the row that opens.
    """
    declared: list[Binding] = []
    for cls in reversed(type(node).__mro__):
        if cls.__module__.startswith("crisishouse."):
            declared += Binding.make_bindings(cls.__dict__.get("BINDINGS", []))
    return declared


ANYWHERE = "_anywhere"
"""The suffix of a hidden twin binding: the same key and action, working where the shown one is not in the footer."""


def keys_table(screen: Screen[object]) -> Table:
    """The screen's keys as two columns, grouped, each action once with all its keys."""
    app = screen.app
    # action -> (keys, descriptions, enabled), for: the screen's own, the terminal's, moving around.
    groups: list[dict[str, tuple[list[str], list[str], bool]]] = [{}, {}, {}]

    def add(group: int, binding: Binding, enabled: bool) -> None:
        description = _PALETTE if binding.action == "command_palette" else binding.description
        if binding.system or not description:
            return
        # One line for one action whatever its parameters: "1 2 3 4 5 6  Check-ins, Wellbeing, ...".
        _namespace, action, _parameters = parse(binding.action)
        # A key that works on every tab but shows in the footer on one is one action here.
        action = action.removesuffix(ANYWHERE)
        keys, descriptions, was = groups[group].get(action, ([], [], False))
        groups[group][action] = (keys, descriptions, was or enabled)
        shown = app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
        if description not in descriptions:
            descriptions.append(description)

    house_keys = _declared(screen)
    for binding in house_keys:
        if binding.action.startswith("app."):
            continue
        _namespace, name, parameters = parse(binding.action)
        allowed = screen.check_action(name, parameters)
        if allowed is not False:
            add(0, binding, bool(allowed))
    for active in screen.active_bindings.values():
        if active.node is app or active.binding in house_keys:
            if active.node is app or active.binding.action.startswith("app."):
                add(1, active.binding, active.enabled)
        elif active.binding.action != "screen.copy_text":
            # The focused table's or field's keys, and Tab; copying stays inside crisishouse (see app.py).
            add(2, active.binding, active.enabled)
    # A form (a modal screen) hides the app's keys from its own, but not those that come first (Lock, Quit).
    for binding in _declared(app):
        _namespace, name, parameters = parse(binding.action)
        if binding.priority and app.check_action(name, parameters):
            add(1, binding, True)
    table = Table.grid(padding=(0, 1))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for title, group in zip(("This screen", "Anywhere", "Moving around"), groups, strict=True):
        if not group:
            continue
        if table.row_count:
            table.add_row("", "")
        table.add_row("", Text(title, style="bold underline"))
        for keys, descriptions, enabled in group.values():
            description = ", ".join(descriptions)
            words = Text(description) if enabled else Text(f"{description} (not now)", style="dim")
            table.add_row(Text(" ".join(keys)), words)
    return table


class KeysPanel(VerticalScroll, can_focus=False):
    """Beside the screen, never over it; F1 again or Esc closes it."""

    def compose(self) -> ComposeResult:
        # The screen's HELP is the app's own words, but it may hold "[" (the report's keys): never markup.
        yield Static(Text(self._help()), id="keys-help")
        yield Static(id="keys-table")
        yield Static(Text(CLOSE_HINT, style="italic"), id="keys-close")

    def _help(self) -> str:
        return " ".join(str(self.screen.HELP or "").split())

    def on_mount(self) -> None:
        self.show_keys()
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.call_after_refresh(self.show_keys)

    def show_keys(self) -> None:
        """Read the screen's keys again (focus moved, or a key became possible)."""
        if self.is_attached:
            self.query_one("#keys-table", Static).update(keys_table(self.screen))


def toggle_keys(screen: Screen[object]) -> None:
    """F1: open the panel on `screen`, or close it if open."""
    panels: Iterable[KeysPanel] = list(screen.query(KeysPanel))
    if panels:
        for panel in panels:
            panel.remove()
    else:
        screen.mount(KeysPanel(id="keys-panel"))


def close_keys(screen: Screen[object]) -> bool:
    """Esc: close the panel if it is open; False if there was none (Esc keeps its own meaning)."""
    panels = list(screen.query(KeysPanel))
    for panel in panels:
        panel.remove()
    return bool(panels)
