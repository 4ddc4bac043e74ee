"""Seeing through the ways a word can be written.

The language check compares words, not bytes. Before it looks for anything it
makes a *folded* copy of the text, remembering for every folded character
which character of the original it came from, so that what it finds can be
pointed at in the original text:

- Unicode compatibility forms become their plain letters (NFKC): full-width
  ``ｓｃｈｉｚｏ`` is ``schizo``, the ``ﬁ`` ligature is ``fi``.
- Invisible characters are dropped: zero-width spaces and joiners, the soft
  hyphen, word joiners, byte-order marks, bidirectional marks (every Unicode
  "format" character) and the invisible Hangul fillers.
- Case is folded, accents and macrons are set aside (``ā`` is ``a``): the
  vocabulary is English, and a macron must not hide a word.
- A few Cyrillic and Greek letters that look exactly like Latin ones (``а``,
  ``е``, ``о``, ``р``, ``с`` ...) are read as the Latin letters they imitate.

The folded text is then cut into *tokens* (runs of letters and digits). Two
neighbouring tokens are *joined* when only "soft" characters stand between
them: spaces and tabs, hyphens and dashes, apostrophes, underscores, or a
single full stop with no space around it (``O.C.D.``, ``F20.0``). The
checker reads a run of joined tokens as one string without the separators, so
``bi polar``, ``schizo-affective`` and ``non compliant`` are seen as
``bipolar``, ``schizoaffective`` and ``noncompliant``. A line break or any
other punctuation ends the run; brackets may stand between the words of a
phrase ("mood [affective] disorder") but not inside a word. (The checker sees through a space inside a
word only between pieces of two letters or more, or between single letters,
so "O C D" is OCD but "B and C to D" holds no "CTO".)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain

# Letters that look exactly like Latin letters, read as the Latin letter.
_LOOKALIKES = str.maketrans(
    {
        # Cyrillic lower case
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ӏ": "l",
        "һ": "h",
        "ԛ": "q",
        "ԝ": "w",
        # Cyrillic upper case
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "І": "I",
        "Ј": "J",
        "Ѕ": "S",
        # Greek
        "ο": "o",
        "Ο": "O",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ρ": "P",
        "Τ": "T",
        "Χ": "X",
        "Υ": "Y",
        "Ζ": "Z",
        # Latin look-alikes outside ASCII
        "ı": "i",
        "ɡ": "g",
        "ɑ": "a",
    }
)
# Invisible characters that are not Unicode format characters.
_INVISIBLE_EXTRA = frozenset("\u115f\u1160\u3164\uffa0\u034f")

_GAP_AND_TOKEN = re.compile(r"([\W_]*)([^\W_]+)")
# Characters that may stand inside a word without ending it.
_SOFT_GAP = re.compile(r"[ \t\-\u2010\u2011\u2012\u2013\u2014\u2212\u2043'\u2019\u2018\u02bc`_]+")
_SPACES = re.compile(r"[ \t]+")
_BRACKETS = re.compile(r"[ \t]*[\[\](){}][ \t\[\](){}]*")
NOT_JOINED, JOINED, SPACED, BRACKETED = 0, 1, 2, 3
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character as the checker reads it: possibly empty, possibly several."""
    if ch in _INVISIBLE_EXTRA or unicodedata.category(ch) == "Cf":
        return ""
    text = unicodedata.normalize("NFKC", ch.translate(_LOOKALIKES)).casefold()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_LOOKALIKES)


def fold(text: str) -> tuple[str, Sequence[int] | None]:
    """The folded text, and for each of its characters the index it came from.

    The index is None when the folding kept every character in place (plain
    ASCII text): then folded index i is original index i.
    """
    if text.isascii():
        return text.lower(), None
    parts: list[str] = []
    index: list[int] = []
    for run in _ASCII_RUNS.finditer(text):
        start, end = run.span()
        chunk = run.group()
        if chunk.isascii():
            parts.append(chunk.lower())
            index.extend(range(start, end))
            continue
        for offset, ch in enumerate(chunk):
            folded = fold_char(ch)
            if folded:
                parts.append(folded)
                index.extend([start + offset] * len(folded))
    return "".join(parts), index


def visible(text: str) -> str:
    """`text` in compatibility form without invisible characters, case kept."""
    return "".join(
        unicodedata.normalize("NFKC", ch.translate(_LOOKALIKES))
        for ch in text
        if ch not in _INVISIBLE_EXTRA and unicodedata.category(ch) != "Cf"
    )


@dataclass(frozen=True)
class Tokens:
    """The words of a text, ready for the checker.

    words[i] is the i-th token in folded form; joined[i] says whether it
    continues the word before it: NOT_JOINED, JOINED (a hyphen, an
    apostrophe, a full stop without spaces), SPACED (only spaces or tabs
    between them) or BRACKETED (a bracket, as in "mood [affective] disorder":
    it may stand between the words of a phrase, never inside a word).
    `span(i, j)` gives the offsets in the ORIGINAL text from the start of
    token i to the end of token j.
    """

    words: Sequence[str]
    joined: Sequence[int]
    _edges: Sequence[int]
    _index: Sequence[int] | None

    def span(self, first: int, last: int) -> tuple[int, int]:
        start, end = self._edges[2 * first], self._edges[2 * last + 1]
        if self._index is None:
            return start, end
        return self._index[start], self._index[end - 1] + 1

    def __len__(self) -> int:
        return len(self.words)


def tokens(text: str) -> Tokens:
    """Cut `text` into folded tokens, remembering where each came from."""
    folded, index = fold(text)
    pairs = _GAP_AND_TOKEN.findall(folded)
    if not pairs:
        return Tokens((), (), (), index)
    gaps, words = zip(*pairs, strict=False)
    joined = list(map(_soft_gap, gaps))
    joined[0] = NOT_JOINED
    # Running offsets: end of gap 0, end of word 0, end of gap 1, ...
    edges = list(accumulate(map(len, chain.from_iterable(pairs))))
    return Tokens(words, joined, edges, index)


@lru_cache(maxsize=1024)
def _soft_gap(gap: str) -> int:
    if gap == ".":
        return JOINED
    if _BRACKETS.fullmatch(gap):
        return BRACKETED
    if _SOFT_GAP.fullmatch(gap) is None:
        return NOT_JOINED
    return SPACED if _SPACES.fullmatch(gap) else JOINED


def squash(phrase: str) -> str:
    """A vocabulary phrase as the checker compares it: folded, separators gone.

    Raises:
        ValueError: the phrase has no letters, or punctuation that would
            break it into pieces the checker could never join again.
    """
    return squash_with_breaks(phrase)[0]


def squash_with_breaks(phrase: str) -> tuple[str, frozenset[int]]:
    """`squash(phrase)`, and where in it the phrase's own words meet."""
    found = tokens(phrase)
    if not len(found):
        raise ValueError(f"{phrase!r} has no letters to look for")
    if not all(j in (JOINED, SPACED) for j in found.joined[1:]):
        raise ValueError(
            f"{phrase!r} holds punctuation that ends a word; use only letters, spaces, hyphens and apostrophes"
        )
    breaks = frozenset(accumulate(len(w) for w in found.words[:-1]))
    return "".join(found.words), breaks
