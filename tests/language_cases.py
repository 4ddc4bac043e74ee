"""What the tests of the language check's rounds share: what a check flags, and a span caught."""

from __future__ import annotations

from crisishouse.language import LanguageCheck


def flagged(check: LanguageCheck, text: str) -> list[str]:
    """The words the check flags in `text`, in order."""
    return [f.text for f in check.check(text)]


def assert_caught(check: LanguageCheck, text: str, words: str) -> None:
    """A finding holds `words`, or lies within them."""
    found = flagged(check, text)
    assert any(words in f or f in words for f in found), found
