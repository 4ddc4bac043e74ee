"""A modal form: fields, a message where a problem is explained, Save and Cancel.

Each form asks a service to do the work in `save`; whatever the service
refuses is shown in words under the fields, and nothing typed is lost:
Esc asks before it throws typed text away, and a form cut off by the lock
is kept back for the person writing it (see drafts.py).

Enter moves on through the fields and never ticks a box or chooses an
option: Space does. A tired hand pressing Enter to get through a form must
not share a private note, tick a consent or choose to erase a record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from crisishouse.errors import HouseError
from crisishouse.screens.base import SIGNED_IN_STYLES
from crisishouse.screens.drafts import FieldValues, field_values, form_fields, is_text, put_back_choices, put_back_text
from crisishouse.screens.unsaved import LeaveUnsaved
from crisishouse.widgets.literal import literal

T = TypeVar("T")

KEYS_HINT = "Ctrl+S saves, Esc cancels"
# Enter on these moves on; Space ticks or chooses.
_BOXES = (Checkbox, RadioSet)


class FormScreen(ModalScreen[T]):
    """Base of the house's forms. Subclasses give `heading`, `fields` and `save`."""

    CSS_PATH = SIGNED_IN_STYLES

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        # A modal screen hides the app's own keys: F1 is given again here.
        Binding("f1", "app.keys", "Keys", show=False),
        # Ahead of the box's own Enter (which would tick it); only while a box has focus.
        Binding("enter", "enter_on_box", "Next field", show=False, priority=True),
    ]
    # Focused in on_mount instead: Textual's auto focus comes before the first
    # layout and scrolls the first field to the middle, hiding its label.
    AUTO_FOCUS = ""
    FIRST_FIELD = "Input, OptionList, RadioSet, Select, Checkbox"
    """What takes the focus when the form opens: the first of these."""
    heading = ""

    made_with: tuple[tuple[Any, ...], dict[str, Any]]
    """The arguments the form was made with, to make it again for a draft."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        form = super().__new__(cls)
        form.made_with = (args, kwargs)
        return form

    def __init__(self) -> None:
        super().__init__()
        self.given_back: FieldValues = ()
        """What a draft held, put back in the fields when the form opens."""
        self._opened_with: FieldValues = ()

    def fields(self) -> Iterable[Widget]:
        """The form's fields."""
        return ()

    def save(self) -> T:
        """Ask the service; raise a HouseError to refuse."""
        raise NotImplementedError

    def cannot_open(self) -> str | None:
        """Why the form cannot be filled in now (nothing to choose from), said instead of opening it.

        Raises:
            HouseError: the service refused to say.
        """
        return None

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
                yield Label(KEYS_HINT, classes="form-keys")

    def on_mount(self) -> None:
        if self.query("Checkbox, RadioSet"):
            self.query_one(".form-keys", Label).update(f"{KEYS_HINT}\nSpace ticks or chooses")
        for field in self.query(Input):
            # Entering a field puts the cursor at the end of what is there: two
            # Backspaces take two characters off a date, not the whole date.
            field.select_on_focus = False
        self._opened_with = field_values(self)
        first = next((w for w in self.query(self.FIRST_FIELD) if w.focusable), None)
        if first is not None:
            self.set_focus(first, scroll_visible=False)
        if self.given_back:
            put_back_text(self, self.given_back)
            # After the typed text has had its effect (a returning guest's name fills in a choice).
            self.call_after_refresh(put_back_choices, self, self.given_back)
            # Back where the writing was: the first field whose words were given back.
            opened = dict(self._opened_with)
            now = field_values(self)
            fields = form_fields(self)
            written = next(
                (fields[i] for i, (key, value) in enumerate(now) if is_text(key) and opened[key] != value), None
            )
            if written is not None:
                self.set_focus(written, scroll_visible=False)

    # -- what has been typed --------------------------------------------------

    def has_typed(self) -> bool:
        """Text was typed (or given back from a draft) and not saved."""
        now = dict(field_values(self))
        return any(is_text(key) and now.get(key) != value for key, value in self._opened_with)

    def has_changes(self) -> bool:
        """Anything was typed, ticked or chosen (moving a highlight is not a change)."""
        now = dict(field_values(self))
        return any(not key.endswith(":OptionList") and now.get(key) != value for key, value in self._opened_with)

    def text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def ticked(self, field_id: str) -> bool:
        return self.query_one(f"#{field_id}", Checkbox).value

    def problem(self, message: str) -> None:
        """Show what is wrong; everything typed stays as it was.

        The field the problem quotes ("got 'friday'") takes the focus with
        its text selected: what was typed is still there to read, and typing
        again replaces it rather than adding to it.
        """
        shown = self.query_one("#form-problem", Static)
        shown.update(literal(message))
        quoted = next(
            (f for f in self.query(Input) if f.value.strip() and repr(f.value.strip()) in message and not f.password),
            None,
        )
        if quoted is not None:
            quoted.focus()
            quoted.select_all()
        self.call_after_refresh(shown.scroll_visible)

    # -- keys -----------------------------------------------------------------

    def _in_order(self) -> list[Widget]:
        """What Enter moves through: each field, a set of choices counting once."""
        order: list[Widget] = []
        for field in form_fields(self):
            target = field.parent if isinstance(field, RadioButton) and isinstance(field.parent, RadioSet) else field
            if isinstance(target, Widget) and target not in order:
                order.append(target)
        return order

    def _move_on_from(self, field: Widget) -> None:
        # Enter moves on through the fields; on the last field it saves.
        fields = self._in_order()
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
            return isinstance(self.focused, _BOXES)
        return True

    def action_enter_on_box(self) -> None:
        """Enter on a box or a set of choices moves on, leaving it as it was."""
        if isinstance(self.focused, _BOXES):
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
        """Close without saving; typed text is thrown away only when the person says so."""
        if not self.has_typed():
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(LeaveUnsaved(), answered)


def labelled(label: str, widget: Widget) -> Iterable[Widget]:
    """A field with its label above it."""
    yield Label(label, classes="field-label")
    yield widget


def beside(label: str, widget: Widget) -> Widget:
    """A short field with its label to the left (a number, a time)."""
    return Horizontal(Label(label, classes="beside-label"), widget, classes="field-row")
