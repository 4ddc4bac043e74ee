"""Validation shared by the records, with messages a person understands."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any, TypeVar

import pendulum

from crisishouse.errors import HouseError
from crisishouse.text import clean_line, clean_text

_UTC = pendulum.timezone("UTC")

C = TypeVar("C", bound=str)

NAME_MAX = 60
LINE_MAX = 200
TEXT_MAX = 200_000


class ValidationError(HouseError, ValueError):
    """A value a record cannot hold; `str()` is the message to show."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def new_id() -> str:
    """A fresh record id (never TinyDB's own document ids)."""
    return uuid.uuid4().hex


def set_field(record: Any, name: str, value: Any) -> None:
    """Replace a field of a frozen record while it is being built."""
    object.__setattr__(record, name, value)


def name_field(record: Any, name: str, what: str, *, required: bool = True) -> None:
    """Clean a short one-line field (a name, pronouns) and check its length."""
    value = getattr(record, name)
    if value is None:
        if required:
            raise ValidationError(f"{what} is needed.", name)
        return
    value = clean_line(str(value))
    if required and not value:
        raise ValidationError(f"{what} is needed.", name)
    if len(value) > NAME_MAX:
        raise ValidationError(f"{what} can be at most {NAME_MAX} characters; got {len(value)}.", name)
    set_field(record, name, value)


def line_field(record: Any, name: str, what: str, *, required: bool = True) -> None:
    """Clean a one-line field of up to LINE_MAX characters (a rhythm item)."""
    value = clean_line(str(getattr(record, name) or ""))
    if required and not value:
        raise ValidationError(f"{what} is needed.", name)
    if len(value) > LINE_MAX:
        raise ValidationError(f"{what} can be at most {LINE_MAX} characters; got {len(value)}.", name)
    set_field(record, name, value)


def text_field(record: Any, name: str, what: str, *, required: bool = False) -> None:
    """Clean free text (a note, own words): kept as typed, controls removed."""
    value = clean_text(str(getattr(record, name) or "")).strip()
    if required and not value:
        raise ValidationError(f"{what} is needed.", name)
    if len(value) > TEXT_MAX:
        raise ValidationError(
            f"{what} can be at most {TEXT_MAX:,} characters; got {len(value):,}.",
            name,
        )
    set_field(record, name, value)


def rating_field(record: Any, name: str, what: str) -> None:
    """A self-rating from 0 to 10."""
    value = getattr(record, name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            f"{what}: wellbeing ratings are whole numbers from 0 to 10; got {value!r}.",
            name,
        )
    if not 0 <= value <= 10:
        raise ValidationError(f"{what}: wellbeing ratings go from 0 to 10; got {value}.", name)


def one_of(value: object, choices: Iterable[C]) -> C | None:
    """The one of `choices` that `value` equals, typed as the choices are (a Literal); None if none.

    How a service turns the plain text a screen passes into a value a record's Literal field takes.
    """
    return next((choice for choice in choices if choice == value), None)


def choice_field(record: Any, name: str, what: str, allowed: tuple[str, ...]) -> None:
    """One of a closed set of values."""
    value = getattr(record, name)
    if value not in allowed:
        raise ValidationError(f"{what} must be one of {', '.join(allowed)}; got {value!r}.", name)


def instant_field(record: Any, name: str, what: str, *, required: bool = True) -> None:
    """A moment in time; stored in UTC."""
    value = getattr(record, name)
    if value is None:
        if required:
            raise ValidationError(f"{what} is needed.", name)
        return
    if not isinstance(value, pendulum.DateTime):
        raise ValidationError(f"{what} must be a date and time; got {value!r}.", name)
    if value.tzinfo is None:
        # A time with no zone could be house time or UTC: never guess.
        raise ValidationError(f"{what} needs a time zone; got {value!r}.", name)
    if value.tzinfo is not _UTC or value.fold:  # read from the store, it is in UTC already
        set_field(record, name, value.in_timezone("UTC"))


def date_field(record: Any, name: str, what: str, *, required: bool = True) -> None:
    """A calendar date in the house's zone."""
    value = getattr(record, name)
    if value is None:
        if required:
            raise ValidationError(f"{what} is needed.", name)
        return
    if isinstance(value, pendulum.DateTime) or not isinstance(value, pendulum.Date):
        raise ValidationError(f"{what} must be a date; got {value!r}.", name)


def id_field(record: Any, name: str, what: str, *, required: bool = True) -> None:
    """A reference to another record by its id."""
    value = getattr(record, name)
    if value is None and not required:
        return
    if not isinstance(value, str) or not value:
        raise ValidationError(f"{what} is needed.", name)
