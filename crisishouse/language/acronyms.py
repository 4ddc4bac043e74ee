"""Acronyms a line spells out as something else: "partial discharge (PD)", "OCD (Open On-Chip Debugger)".

Letters a service uses ("PD", "ECT", "OCD") are also an engineer's, a programmer's and a mechanic's. Where
the same line writes the words the letters stand for beside them, in brackets or after a comma, the letters
mean those words. The checker keeps the finding when those words are themselves flagged ("borderline personality
disorder (BPD)"): only a plain meaning clears it; and never where someone has or is the letters ("has BPD
(Big Positive Drive)", "Hemi's OCD"). One line only, so a line's findings never depend on what else was
written with it.
"""

from __future__ import annotations

import re
import unicodedata

# Words a spelt-out acronym may leave out ("Department of Conservation (DOC)").
_SMALL = frozenset(("of", "and", "the", "for", "on", "in", "to", "a", "an", "at", "by", "with"))
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’][^\W\d_]+)?")
_MOST_WORDS = 8
# Before the letters, these say someone has or is what they name: "has BPD (Big Positive Drive)" is a label
# dressed up, and so is "Hemi's OCD".
_HAD_BEFORE = re.compile(
    r"(?:(?<![^\W_])(?:has|have|had|having|with|is|was|are|were|got|gets|his|her|their|my|your|dx|diagnosed|of)"
    r"|['’]s)\s+$",
    re.IGNORECASE,
)


def _plain(word: str) -> str:
    """The word without its marks: "Pōneke" spells a P and an O like "Poneke"."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _pieces(word: str) -> list[str]:
    """A camel-cased word's pieces ("OnChip": "On", "Chip"); any other word whole."""
    if not word[:1].isupper() or word.isupper():
        return [word]
    pieces, current = [], ""
    for c in word:
        if c.isupper() and current and current[-1].islower():
            pieces.append(current)
            current = ""
        current += c
    return [*pieces, current]


def _initials(words: list[str], skip_small: bool) -> str:
    """The first letter of each word, and of each piece of a hyphened or camel-cased one ("On-Chip": "oc")."""
    letters = []
    for word in words:
        if skip_small and word.lower() in _SMALL:
            continue
        for piece in re.sub(r"['’].*", "", _plain(word)).split("-"):  # "Parkinson's": its letter, no "s" too
            letters += [p[0].lower() for p in _pieces(piece) if p]
    return "".join(letters)


def _spells(words: list[str], letters: str, from_end: bool) -> int:
    """How many of `words`, taken from the end (or the start), spell `letters`; 0 if none do."""
    for count in range(1, min(len(words), _MOST_WORDS) + 1):
        chosen = words[-count:] if from_end else words[:count]
        for skip_small in (False, True):
            if _initials(chosen, skip_small) == letters:
                return count
    return 0


def spelt_out(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where in `text` the line spells out the acronym at start..end as words, if it does.

    "Partial discharge (PD) readings": the span of "Partial discharge"; "OCD (Open On-Chip Debugger)":
    the span of what is in the brackets; "ECT, eddy current testing,": the span of the words after the
    comma. None when the acronym is not written in capitals, someone has or is it, or no words beside it
    spell it.
    """
    acronym = text[start:end]
    if not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
        return None
    if _HAD_BEFORE.search(text, max(0, start - 14), start) is not None:
        return None  # had or been by someone, whatever the brackets say
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    letters = acronym.lower()
    escaped = re.escape(acronym)
    # "... partial discharge (PD)": the words just before the bracket.
    for m in re.finditer(r"\(\s*" + escaped + r"\s*\)", text[line_start:line_end]):
        bracket = line_start + m.start()
        words = list(_WORD.finditer(text, line_start, bracket))[-_MOST_WORDS:]
        count = _spells([w.group() for w in words], letters, from_end=True)
        if count:
            return words[-count].start(), words[-1].end()
    # "ECT, eddy current testing, found ...": the words set off by a comma or a dash after it.
    for m in re.finditer(r"(?<![^\W_])" + escaped + r"\s*[,–—]\s*", text[line_start:line_end]):
        after = line_start + m.end()
        words = list(_WORD.finditer(text, after, min(line_end, after + 80)))
        count = _spells([w.group() for w in words], letters, from_end=False)
        if count:
            return words[0].start(), words[count - 1].end()
    # "OCD (Open On-Chip Debugger)": the words in the bracket after it (the letters may end a name run
    # together, "OpenOCD (...)", or stand a word or two before the bracket, "an ASD tug (azimuth stern drive)").
    for m in re.finditer(
        r"(?:(?<![^\W_])|(?<=[a-z]))" + escaped + r"(?:\s+[^\W\d_]+){0,2}\s*\(([^()\n]{3,80})\)",
        text[line_start:line_end],
    ):
        inside_start = line_start + m.start(1)
        words = list(_WORD.finditer(text, inside_start, line_start + m.end(1)))
        count = _spells([w.group() for w in words], letters, from_end=False)
        if count:
            return words[0].start(), words[count - 1].end()
    return None
