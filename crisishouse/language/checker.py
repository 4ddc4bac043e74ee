"""The checker: finds the vocabulary's words in a text, however they are written."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from crisishouse.language.normalise import BRACKETED, SPACED, squash, squash_with_breaks, tokens, visible
from crisishouse.language.vocabulary import (
    KINDS,
    Entry,
    builtin_entries,
    builtin_exceptions,
    entry_from,
)

# Plurals and possessives found without being listed ("-'s" is "-s" once the
# apostrophe is read as part of the word).
ENDINGS = ("s", "es")

_WORD_BEFORE = re.compile(r"(\w+)\W*$")
# "I DID it", "to ADD", "felt SAD": after these, a word in capitals is the
# everyday word said loudly, not an abbreviation.
_SUBJECTS = frozenset(
    [
        "i",
        "we",
        "you",
        "they",
        "he",
        "she",
        "it",
        "who",
        "to",
        "please",
        "felt",
        "feel",
        "feels",
        "feeling",
        "so",
        "very",
        "really",
        "too",
        "bit",
        "quite",
        "am",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "just",
    ]
)
_WORD_AFTER = re.compile(r"\W*(\w+)")


@dataclass(frozen=True)
class Finding:
    """Words found in a text: where (offsets into the original text), what and instead."""

    start: int
    end: int
    text: str
    kind: str
    suggestion: str

    def explain(self) -> str:
        """One line for people: '"non-compliant" is compliance talk; try: "chose ..."'."""
        shown = " ".join(visible(self.text).split())
        ideas = " or ".join(f'"{idea.strip()}"' for idea in self.suggestion.split(";") if idea.strip())
        return f'"{shown}" is {KINDS.get(self.kind, self.kind)}; try: {ideas}'

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "suggestion": self.suggestion,
        }


class LanguageCheck:
    """A checker built once from the vocabulary, a house's extra words and exceptions.

    Building it compiles every word form into lookup tables; `check` is then
    cheap enough to run as people type.

    Args:
        extra: the house's own words: `Entry` objects, mappings or objects
            with `words` (a phrase or a list of phrases), `kind` (one of
            KINDS) and `suggestion`. They win over the built-in words.
        exceptions: phrases never flagged. A finding inside an exception or
            overlapping one is dropped ("bipolar bear" excepted leaves "a
            bipolar bear" alone); a finding that holds an exception and more
            is kept ("depression" excepted still flags "clinical depression").
        builtin: start from the built-in vocabulary (default True).
    """

    def __init__(
        self,
        extra: Iterable[Any] = (),
        exceptions: Iterable[str] = (),
        *,
        builtin: bool = True,
    ) -> None:
        entries = list(builtin_entries()) if builtin else []
        entries += [entry_from(item) for item in extra]
        exception_phrases = list(builtin_exceptions()) if builtin else []
        exception_phrases += [str(p) for p in exceptions]
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.exceptions: tuple[str, ...] = tuple(exception_phrases)

        # key -> (entry, where the phrase's own words meet in the key)
        base: dict[str, tuple[Entry, frozenset[int]]] = {}
        ended: dict[str, tuple[Entry, frozenset[int]]] = {}
        for entry in self.entries:
            for phrase in entry.words:
                key, breaks = squash_with_breaks(phrase)
                if key in base:
                    breaks |= base[key][1]
                base[key] = (entry, breaks)
                if not entry.exact_case:
                    for ending in ENDINGS:
                        ended[key + ending] = (entry, breaks)
        excepted: set[str] = set()
        for phrase in self.exceptions:
            key = squash(phrase)
            excepted.add(key)
            excepted.update(key + ending for ending in ENDINGS)
        prefixes: set[str] = set()
        for key in (*base, *ended, *excepted):
            prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self._base = base
        self._ended = ended
        self._excepted = excepted
        self._prefixes = frozenset(prefixes)

    @classmethod
    def from_settings(cls, settings: Any) -> LanguageCheck:
        """The checker for a house: built-in words plus its `[language]` settings."""
        return cls(
            extra=getattr(settings, "language_extra", ()),
            exceptions=getattr(settings, "language_exceptions", ()),
        )

    def check(self, text: str) -> list[Finding]:
        """Everything in `text` that the vocabulary flags, in order, never overlapping."""
        if not text:
            return []
        found = tokens(text)
        words, joined = found.words, found.joined
        base, ended, excepted, prefixes = self._base, self._ended, self._excepted, self._prefixes
        candidates: list[tuple[int, int, Entry]] = []
        exception_spans: list[tuple[int, int]] = []
        count = len(words)
        for i, word in enumerate(words):
            if word not in prefixes:
                continue
            joined_up = ""
            j = i
            while True:
                joined_up += words[j]
                if joined_up not in prefixes:
                    break
                hit = base.get(joined_up) or ended.get(joined_up)
                if hit is not None and (j == i or _splits_fit(words, joined, i, j, hit[1])):
                    candidates.append((*found.span(i, j), hit[0]))
                if joined_up in excepted:
                    exception_spans.append(found.span(i, j))
                j += 1
                if j == count or not joined[j]:
                    break
        if not candidates:
            return []
        exception_spans.sort()
        exception_starts = [s for s, _ in exception_spans]
        longest_exception = max((e - s for s, e in exception_spans), default=0)
        findings: list[Finding] = []
        last_end = -1
        candidates.sort(key=lambda c: (c[0], -c[1]))
        for start, end, entry in candidates:
            if start < last_end:
                continue
            if exception_spans and _excepted(start, end, exception_spans, exception_starts, longest_exception):
                continue
            if entry.exact_case and not self._capitals_meant(text, start, end):
                continue
            findings.append(Finding(start, end, text[start:end], entry.kind, entry.suggestion))
            last_end = end
        return findings

    def _capitals_meant(self, text: str, start: int, end: int) -> bool:
        """An abbreviation that is also a word (ADD, DID) counts only in capitals.

        Not when shouted (a neighbouring word in capitals too, "I DID IT"),
        nor straight after a subject, "to" or a feeling word ("I DID", "to
        ADD", "felt SAD"): then it is the everyday word said loudly.
        """
        letters = [c for c in visible(text[start:end]) if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        after = _WORD_AFTER.match(text, end, min(len(text), end + 40))
        if before is not None and visible(before.group(1)).casefold() in _SUBJECTS:
            return False
        for neighbour in (before, after):
            if neighbour is None:
                continue
            word = visible(neighbour.group(1))
            if len(word) >= 2 and word.isupper() and word.casefold() not in self._base:
                return False
        return True


def _splits_fit(words: Sequence[str], joined: Sequence[int], first: int, last: int, breaks: frozenset[int]) -> bool:
    """Whether tokens first..last, found joined up, may be read as one word.

    Where the phrase has its own word break, anything soft may stand ("a
    schizophrenic", "non-compliant", "mood [affective] disorder"); a bracket
    nowhere else. Elsewhere a split is seen through only
    between single letters ("O C D", "P.T.S.D.") or between pieces of two
    letters or more ("schizo-affective"); and a space only inside a word of
    six letters or more ("bi polar", "non compliant"). So "B and C to D" holds
    no "CTO", "import pandas as pd" no "ASPD", "[a-f0-9]" no "F09". A final
    "s" after an apostrophe is a possessive ("schizophrenic's").
    """
    offset = 0
    length = sum(len(words[k]) for k in range(first, last + 1))
    for k in range(first + 1, last + 1):
        offset += len(words[k - 1])
        if offset in breaks:
            continue
        if joined[k] == BRACKETED:
            return False
        before, after = len(words[k - 1]), len(words[k])
        if before == 1 and after == 1:
            continue
        if joined[k] == SPACED:
            if before == 1 or after == 1 or length < 6:
                return False
        elif (before == 1 or after == 1) and not (k == last and words[k] == "s"):
            return False
    return True


def _excepted(
    start: int,
    end: int,
    spans: list[tuple[int, int]],
    span_starts: list[int],
    longest: int,
) -> bool:
    """Whether a finding at start..end is (partly) an exception's words.

    A finding inside an exception, or overlapping one ("a bipolar" against
    the exception "bipolar bear"), is dropped; a finding that holds an
    exception and more ("clinical depression" against "depression") stays.
    """
    first = bisect_left(span_starts, start - longest)
    last = bisect_left(span_starts, end)
    for s, e in spans[first:last]:
        if e <= start:
            continue
        holds_it_and_more = start <= s and e <= end and (s, e) != (start, end)
        if not holds_it_and_more:
            return True
    return False


_DEFAULT: LanguageCheck | None = None


def default_check() -> LanguageCheck:
    """The checker with the built-in vocabulary only, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LanguageCheck()
    return _DEFAULT


def check(text: str) -> list[Finding]:
    """Diagnoses, jargon, deficit labels and compliance talk in `text` (built-in words only)."""
    return default_check().check(text)
