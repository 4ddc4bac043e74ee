"""What a form holds, and half-written forms kept back for the person writing them when the terminal locks.

Principle 11: the lock forgets the last person, half-typed text too, but
keeps it back for that person only. A draft lives in the app's memory
(never on disk), keyed by who was writing; it is given back when they sign
in again, is never shown to anyone else, and is gone when crisishouse quits.
A PIN typed into a form is never kept.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.widget import Widget
from textual.widgets import Checkbox, Input, OptionList, RadioButton, Select, TextArea
from textual.widgets.select import InvalidSelectValueError

if TYPE_CHECKING:
    from crisishouse.screens.form import FormScreen

FIELDS = "Input, TextArea, Checkbox, RadioButton, Select, OptionList"
"""Every widget a form's values are read from."""

FieldValues = tuple[tuple[str, Any], ...]
"""Each field's value in the order the form shows them, keyed by place and kind ("0:Input")."""


def form_fields(form: Widget) -> list[Widget]:
    """The widgets a person fills in, in order (a Select's own drop-down list is part of the Select)."""
    return [w for w in form.query(FIELDS) if not any(isinstance(a, Select) for a in w.ancestors)]


def is_text(key: str) -> bool:
    """Whether a value is typed text (not a tick or a choice)."""
    return key.endswith((":Input", ":TextArea"))


def field_values(form: Widget) -> FieldValues:
    """What the form's fields hold now."""
    values: list[tuple[str, Any]] = []
    for index, field in enumerate(form_fields(form)):
        key = f"{index}:{type(field).__name__}"
        if isinstance(field, Input):
            values.append((key, "" if field.password else field.value))
        elif isinstance(field, TextArea):
            values.append((key, field.text))
        elif isinstance(field, (Checkbox, RadioButton, Select)):
            values.append((key, field.value))
        elif isinstance(field, OptionList):
            values.append((key, field.highlighted))
    return tuple(values)


def put_back_text(form: Widget, values: FieldValues) -> None:
    """Give typed text back to the fields it was typed in (PIN fields stay empty)."""
    kept = dict(values)
    for index, field in enumerate(form_fields(form)):
        value = kept.get(f"{index}:{type(field).__name__}")
        if isinstance(field, Input) and isinstance(value, str) and not field.password:
            field.value = value
        elif isinstance(field, TextArea) and isinstance(value, str):
            field.text = value


def put_back_choices(form: Widget, values: FieldValues) -> None:
    """Give ticks and choices back; a choice no longer offered (a room taken since) is left as it is."""
    kept = dict(values)
    for index, field in enumerate(form_fields(form)):
        key = f"{index}:{type(field).__name__}"
        if key not in kept:
            continue
        value = kept[key]
        if isinstance(field, (Checkbox, RadioButton)) and isinstance(value, bool):
            field.value = value
        elif isinstance(field, Select):
            with contextlib.suppress(InvalidSelectValueError):
                field.value = value
        elif isinstance(field, OptionList) and isinstance(value, int) and value < field.option_count:
            field.highlighted = value


@dataclass(frozen=True)
class Draft:
    """A form cut off by the lock: how to make it again, and what it held."""

    form_type: type[FormScreen[Any]]
    made_with: tuple[tuple[Any, ...], dict[str, Any]]
    """The form's own arguments (the house, the person, the stay...)."""
    values: FieldValues


class Drafts:
    """The app's drafts, one a person: only ever given back to the person who wrote it."""

    def __init__(self) -> None:
        self._kept: dict[str, Draft] = {}

    def keep(self, person_id: str, form: FormScreen[Any]) -> None:
        """Keep what `form` holds for `person_id`, if anything was written in it."""
        if form.has_changes():
            self._kept[person_id] = Draft(type(form), form.made_with, field_values(form))

    def has_draft(self, person_id: str) -> bool:
        return person_id in self._kept

    def take(self, person_id: str) -> FormScreen[Any] | None:
        """The form `person_id` was writing, made again and ready to be filled back in; the draft is let go."""
        draft = self._kept.pop(person_id, None)
        if draft is None:
            return None
        args, kwargs = draft.made_with
        form = draft.form_type(*args, **kwargs)
        form.given_back = draft.values
        return form
