"""What the language check's tests share: what a check flags, a span caught, and where a corpus line marks its words."""

from __future__ import annotations

import re

from crisishouse.language import LanguageCheck


def flagged(check: LanguageCheck, text: str) -> list[str]:
    """The words the check flags in `text`, in order."""
    return [f.text for f in check.check(text)]


def assert_caught(check: LanguageCheck, text: str, words: str) -> None:
    """A finding holds `words`, or lies within them."""
    found = flagged(check, text)
    assert any(words in f or f in words for f in found), found


def marked_span(sentence: str, marked: str) -> tuple[int, int]:
    """Where the words marked after "||" stand in a corpus sentence.

    As a whole word first, in the case they were marked in, then in any case:
    "SI" in "Crisis team ... said SI present" is the abbreviation, not the
    letters inside "Crisis" (a bare search found those first).
    """
    whole = rf"(?<!\w){re.escape(marked)}(?!\w)"
    for pattern, flags in ((whole, 0), (whole, re.IGNORECASE), (re.escape(marked), re.IGNORECASE)):
        found = re.search(pattern, sentence, flags)
        if found is not None:
            return found.span()
    raise ValueError(f"{marked!r} is not in {sentence!r}")
