"""The first tables of a data file, parsed without the rest.

Opening a house needs only core.json's small tables (the house's own notes
and its staff), while the file grows with every guest and stay of ten years.
Files are written with those tables first (`encode`), so they can be read
from the front of the file alone. That is only ever trusted for bytes that a
stamp vouches were checked whole, and whose head was found equal to what the
whole parse gave (`CheckedStamp`): a file written by hand, in another order
or with a table twice, is parsed whole as before.
"""

from __future__ import annotations

import json
from typing import Any

_DECODER = json.JSONDecoder()
_FIRST_READ = 64 * 1024
"""Bytes decoded at first: a ten-year house's head is about 40 kB."""


def head_of(raw: bytes, tables: tuple[str, ...]) -> dict[str, Any] | None:
    """The tables among `tables` that lead the file, up to the first other one.

    Returns None if the bytes do not begin as a data file written by
    `encode`. Says nothing of tables further on: the caller knows, from the
    stamp, whether the head is the whole of those tables.
    """
    size = _FIRST_READ
    while True:
        # A cut through a letter's bytes at the end is dropped; nothing before it is changed.
        text = raw[:size].decode(errors="ignore")
        try:
            return _leading_tables(text, tables)
        except (json.JSONDecodeError, IndexError):
            if size >= len(raw):
                return None
            size *= 4


def _leading_tables(text: str, tables: tuple[str, ...]) -> dict[str, Any] | None:
    if not text.startswith("{"):
        return None
    found: dict[str, Any] = {}
    at = 1
    while text[at] != "}":
        name, at = _DECODER.raw_decode(text, at)
        if not isinstance(name, str) or name not in tables or name in found or text[at] != ":":
            return found
        table, at = _DECODER.raw_decode(text, at + 1)
        if not isinstance(table, dict):
            return None
        found[name] = table
        if text[at] == ",":
            at += 1
        elif text[at] != "}":
            return None
    return found
