"""Words, clauses and sentences as the language rules read them (shared by `rules` and `senses`)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from crisishouse.language.normalise import squash


def split_words(words: str) -> list[str]:
    """A list of words written as one string, a space or a line between them."""
    return words.split()


_split = split_words

# Between a head ("disorder") and what names it, these words end the name.
STOP = frozenset(
    _split(
        """
    a an the this that these those some any no such other another each every either neither
    of in on at to for from with without by as into onto about over under after before than
    and or but nor so yet if then because while when where who whom whose which what
    i me my mine we us our you your he him his she her hers they them their it its
    is was were be been being am are has have had having do does did get gets got getting
    not very quite really bit little much more most less least also too just only still even
    s t d ll re ve m
    diagnosed dx known query queried possible probable likely suspected presumed provisional
    working differential history hx past previous longstanding long-standing new old
    living lives lived suffers suffering suffered developed develops develop treated treatment
    meets meet criteria diagnosis diagnoses label labelled labeled called named
    per according referral letter notes file records report said says told
    specific particular various certain common different many several all both most
    """
    )
)

# Gaps that end a clause and a sentence.
_CLAUSE_END = re.compile(r"[.;:!?,\n()\[\]{}\"“”]")
_SENTENCE_END = re.compile(r"[.;!?\n]")


@lru_cache(maxsize=2048)
def ends_clause(gap: str) -> bool:
    """Whether the gap between two tokens ends a clause."""
    return _CLAUSE_END.search(gap) is not None


@lru_cache(maxsize=2048)
def ends_sentence(gap: str) -> bool:
    """Whether the gap between two tokens ends a sentence."""
    return _SENTENCE_END.search(gap) is not None


@lru_cache(maxsize=4096)
def in_capitals(written: str, at_least: int = 2) -> bool:
    """Whether `written` has `at_least` letters and every one is a capital ("LD", "P A R A N O I D")."""
    letters = [c for c in written if c.isalpha()]
    return len(letters) >= at_least and all(c.isupper() for c in letters)


def phrase_set(value: Any) -> frozenset[str]:
    """A table's phrase or phrases, each folded word by word (`normalise.squash`)."""
    if isinstance(value, str):
        value = [value]
    return frozenset(" ".join(squash(w) for w in str(v).split()) for v in (value or ()))
