"""Records to stored documents and back, at the store's edge.

Instants are stored as ISO 8601 in UTC, dates as YYYY-MM-DD, times as HH:MM.
Decoders are worked out once per record class from its type hints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable
from typing import Any

import pendulum

Decoder = Callable[[Any], Any]


_PLAIN = frozenset({str, int, float, bool, type(None)})
"""Stored as they are: most fields of most records (checked first, by exact type)."""


def encode_value(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, pendulum.DateTime):
        if value.utcoffset() == _NO_OFFSET:
            # Already in UTC (as nearly every instant is): its ISO form is the UTC one.
            return value.isoformat()
        return value.in_timezone("UTC").isoformat()
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    if isinstance(value, pendulum.Time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, tuple | list):
        return [encode_value(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_doc(value)
    return value


def to_doc(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record's fields."""
    cls: type = type(record)
    return {name: encode_value(getattr(record, name)) for name in _field_names(cls)}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A record class's field names, worked out once (a demo saves hundreds of thousands of records)."""
    return tuple(f.name for f in dataclasses.fields(cls))


_UTC = pendulum.timezone("UTC")
_NO_OFFSET = dt.timedelta(0)


def _decode_datetime(raw: str) -> pendulum.DateTime:
    moment = dt.datetime.fromisoformat(raw)
    if moment.utcoffset() == _NO_OFFSET:
        # Stored in UTC, as the store writes it: built as is, the same moment a conversion would give.
        return pendulum.DateTime(
            moment.year,
            moment.month,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
            moment.microsecond,
            tzinfo=_UTC,
        )
    return pendulum.instance(moment).in_timezone("UTC")


def _decode_date(raw: str) -> pendulum.Date:
    d = dt.date.fromisoformat(raw)
    return pendulum.Date(d.year, d.month, d.day)


def _decode_time(raw: str) -> pendulum.Time:
    t = dt.time.fromisoformat(raw)
    return pendulum.Time(t.hour, t.minute)


def _identity(raw: Any) -> Any:
    return raw


def _decoder_for(hint: Any) -> Decoder:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) == 1:
            decode = _decoder_for(inner[0])
            return lambda raw: None if raw is None else decode(raw)
        return _identity
    if origin is tuple:
        decode = _decoder_for(typing.get_args(hint)[0])
        return lambda raw: tuple(decode(v) for v in raw)
    if hint is pendulum.DateTime:
        return _decode_datetime
    if hint is pendulum.Date:
        return _decode_date
    if hint is pendulum.Time:
        return _decode_time
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return functools.partial(from_doc, hint)
    return _identity


@functools.cache
def _decoders(cls: type) -> tuple[tuple[str, Decoder], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _decoder_for(hints[f.name])) for f in dataclasses.fields(cls))


def from_doc(cls: type, doc: dict[str, Any]) -> Any:
    """Rebuild a record (validated again by its own checks) from a document."""
    return cls(**{name: decode(doc[name]) for name, decode in _decoders(cls) if name in doc})
