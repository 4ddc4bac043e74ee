"""People's words on screen: shown exactly, never parsed as markup."""

from __future__ import annotations

from rich.text import Text

from crisishouse.text import clean_text


def literal(value: str, style: str = "") -> Text:
    """A Rich `Text` that shows `value` exactly, never interpreting markup."""
    return Text(clean_text(value), style=style)
