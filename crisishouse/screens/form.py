"""A modal form: fields, a message where a problem is explained, Save and Cancel.

Each form asks a service to do the work in `save`; whatever the service
refuses is shown in words under the fields, and nothing typed is lost.

Enter moves on through the fields and never ticks a box: Space does. A
tired hand pressing Enter to get through a form must not share a private
note or tick a consent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Static

from crisishouse.errors import HouseError
from crisishouse.widgets.literal import literal

T = TypeVar("T")


class FormScreen(ModalScreen[T]):
    """Base of the house's forms. Subclasses give `heading`, `fields` and `save`."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        # Ahead of the box's own Enter (which would tick it); only while a box has focus.
        Binding("enter", "enter_on_box", "Next field", show=False, priority=True),
    ]
    AUTO_FOCUS = "Input, OptionList, RadioSet, Select, Checkbox"
    heading = ""

    def fields(self) -> Iterable[Widget]:
        """The form's fields."""
        return ()

    def save(self) -> T:
        """Ask the service; raise a HouseError to refuse."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        # The heading and the buttons stay in view; only the fields scroll.
        with Vertical(classes="dialog form"):
            # Headings can hold people's words (a name, an intention): never markup.
            yield Label(literal(self.heading), classes="form-title")
            scroll = VerticalScroll(classes="form-fields")
            scroll.can_focus = False
            with scroll:
                yield from self.fields()
            yield Static("", id="form-problem")
            with Horizontal(classes="buttons"):
                yield Button("Save", id="form-save", variant="primary")
                yield Button("Cancel", id="form-cancel")
                yield Label("Ctrl+S saves, Esc cancels", classes="form-keys")

    def on_mount(self) -> None:
        if self.query(Checkbox):
            self.query_one(".form-keys", Label).update("Ctrl+S saves, Esc cancels\nSpace ticks a box")

    def text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def ticked(self, field_id: str) -> bool:
        return self.query_one(f"#{field_id}", Checkbox).value

    def problem(self, message: str) -> None:
        """Show what is wrong; everything typed stays as it was."""
        shown = self.query_one("#form-problem", Static)
        shown.update(literal(message))
        shown.scroll_visible()

    def _move_on_from(self, field: Widget) -> None:
        # Enter moves on through the fields; on the last field it saves.
        fields = list(self.query("Input, Checkbox, Select, RadioSet, OptionList"))
        if fields and field is fields[-1]:
            self.action_save()
        else:
            self.focus_next()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self._move_on_from(event.input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter_on_box":
            # Anywhere else Enter keeps its own meaning (submit a field, press a button).
            return isinstance(self.focused, Checkbox)
        return True

    def action_enter_on_box(self) -> None:
        """Enter on a box moves on, leaving it as it was."""
        if isinstance(self.focused, Checkbox):
            self._move_on_from(self.focused)

    @on(Button.Pressed, "#form-save")
    def action_save(self) -> None:
        try:
            result: Any = self.save()
        except HouseError as problem:
            self.problem(str(problem))
            return
        self.dismiss(result)

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def labelled(label: str, widget: Widget) -> Iterable[Widget]:
    """A field with its label above it."""
    yield Label(label, classes="field-label")
    yield widget


def beside(label: str, widget: Widget) -> Widget:
    """A short field with its label to the left (a number, a time)."""
    return Horizontal(Label(label, classes="beside-label"), widget, classes="field-row")
