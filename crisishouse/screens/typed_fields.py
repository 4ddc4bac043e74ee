"""Keys that arrive together on a screen of typed fields land in the field they were meant for.

Textual hands each key to the focused field and lets Tab and Enter bubble up
from it on a later turn, so in a burst (a fast typist, a slow link, a paste)
the keys after a Tab went on into the field it should have left: on the lock
screen, the PIN in clear in the name field. `TypedFields` makes Tab,
Shift+Tab and Enter the screen's own keys, handled before the next key is
handed on, and reads the fields only once they have taken their keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

FIELD_KEYS: list[BindingType] = [
    Binding("tab", "next_field", "Next field", show=False, priority=True),
    Binding("shift+tab", "previous_field", "Previous field", show=False, priority=True),
    Binding("enter", "enter_field", "Next field, or done", show=False, priority=True),
    # Enter typed before the app has the terminal (as it starts) arrives as a line feed, Ctrl+J.
    Binding("ctrl+j", "enter_field", "Next field, or done", show=False, priority=True),
]
"""Put in a `TypedFields` screen's BINDINGS."""


class TypedFields:
    """Mixed into a screen (a `Screen` or a `ModalScreen`) whose `FIELDS` are typed in order; Enter in
    the last one calls `fields_done`. Its BINDINGS take `FIELD_KEYS`."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    """The ids of the fields, in order."""

    def fields_done(self, *values: str) -> None:
        """Enter in the last field: the values of every field, each with all its keys."""
        raise NotImplementedError

    def _screen(self) -> Screen[Any]:
        assert isinstance(self, Screen), "TypedFields is mixed into a screen"
        return self

    def _fields(self) -> list[Input]:
        return [self._screen().query_one(f"#{field}", Input) for field in self.FIELDS]

    def action_next_field(self) -> None:
        self._screen().focus_next()

    def action_previous_field(self) -> None:
        self._screen().focus_previous()

    def action_enter_field(self) -> None:
        """In a field, go on to the next, or in the last, finish; elsewhere (a button), Enter is its own."""
        screen, fields = self._screen(), self._fields()
        focused = screen.focused
        if not isinstance(focused, Input) or focused not in fields:
            raise SkipAction()
        at = fields.index(focused)
        if at + 1 < len(fields):
            screen.set_focus(fields[at + 1])
        else:
            self.after_typing(self.fields_done)

    def after_typing(self, then: Callable[..., object]) -> None:
        """Call `then(*values)` once every field has taken the keys already handed to it.

        A field takes its keys on its own turns: keys that came with the Enter may not be in it
        yet, so the fields are read after them, one field's turn after another's.
        """
        fields = self._fields()

        def read() -> None:
            then(*(field.value for field in fields))

        step: Callable[[], object] = read
        for field in reversed(fields):
            step = _later(field, step)
        step()


def _later(field: Input, then: Callable[[], object]) -> Callable[[], object]:
    return lambda: field.call_later(then)
