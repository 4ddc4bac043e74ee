"""What the language check found in someone's words, shown with the words: marked where, and explained why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from crisishouse.widgets.literal import literal


def marked(text: str, findings: Sequence[Any]) -> Text:
    """The words as typed, with what the check found underlined (never only by colour: reversed and bold too)."""
    shown = literal(text)
    for finding in findings:
        shown.stylize("bold underline reverse", finding.start, finding.end)
    return shown


def explained(findings: Sequence[Any]) -> Text:
    """Why, in plain words: a line for each finding, after a blank line (empty when nothing was found)."""
    shown = Text()
    if findings:
        shown.append("\n")
    for finding in findings:
        shown.append("\n• ")
        shown.append_text(literal(finding.explain()))
    return shown


def highlighted(text: str, findings: Sequence[Any]) -> Text:
    """The words as typed, with what the check found underlined, and why."""
    return marked(text, findings).append_text(explained(findings))
