"""The words the check looks for, kept as data.

Files in ``crisishouse/language/data/`` hold the built-in vocabulary:

- ``icd10_chapter_v.json``, ``icd10cm_chapter_5.json``,
  ``icd11_chapter_6.json`` and ``dsm5_names.json``: diagnostic labels from the
  WHO ICD-10 chapter V, the ICD-10-CM chapter 5, the WHO ICD-11 chapter 6 and
  the DSM-5 names, each holding only what the ones before it lack, generated
  by ``build_vocabulary.py`` and committed, so the house needs nothing but
  these files at run time (``physical_words.json``, generated too, names
  physical conditions for the rules);
- ``vocabulary.toml``: written by hand: the everyday forms of diagnoses
  ("schizophrenic", "bipolar"), their abbreviations (BPD, PTSD ...), clinical
  jargon, deficit labels and compliance talk, each with everyday words to use
  instead, the built-in exceptions (phrases never flagged, such as
  "non-alcoholic" or "splitting the bill"), and the near and sense rules
  (see ``rules.py``).

A house adds its own words and exceptions in ``house.toml`` (``[language]``).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

KINDS: dict[str, str] = {
    "diagnosis": "a diagnosis or diagnostic label",
    "jargon": "clinical jargon",
    "deficit": "a deficit or judgemental label",
    "compliance": "compliance talk",
}

VOCABULARY_FILE = "vocabulary.toml"
ICD_FILE = "icd10_chapter_v.json"
PHYSICAL_FILE = "physical_words.json"
# The generated diagnostic labels, each file holding only what the ones before it lack.
DIAGNOSIS_FILES = (
    (ICD_FILE, "ICD-10"),
    ("icd10cm_chapter_5.json", "ICD-10-CM"),
    ("icd11_chapter_6.json", "ICD-11"),
    ("dsm5_names.json", "DSM-5"),
)


@dataclass(frozen=True)
class Entry:
    """Words of one kind with the everyday words to use instead.

    `words` are the forms to look for; plurals and possessives ("-s", "-es",
    "'s") are found without being listed. `exact_case` is for abbreviations
    that are also everyday words (ADD, SAD, DID): they are found only when
    written in capitals, and not in a run of shouted capitals.
    """

    words: tuple[str, ...]
    kind: str
    suggestion: str
    exact_case: bool = False
    source: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"kind should be one of {', '.join(KINDS)}; got {self.kind!r} for {self.words!r}")
        if not self.words or not all(isinstance(w, str) and w.strip() for w in self.words):
            raise ValueError(f"words should be one or more words or phrases; got {self.words!r}")
        if not isinstance(self.suggestion, str) or not self.suggestion.strip():
            raise ValueError(f"suggestion should be some everyday words; got {self.suggestion!r}")


def entry_from(item: Any, source: str = "house") -> Entry:
    """An Entry from an Entry, a mapping or an object with words/kind/suggestion."""
    if isinstance(item, Entry):
        return item
    # Whatever the item holds: Entry checks each part and says what is wrong.
    words: Any
    kind: Any
    suggestion: Any
    if isinstance(item, Mapping):
        words, kind, suggestion = item.get("words"), item.get("kind"), item.get("suggestion")
        exact = bool(item.get("exact_case", item.get("case") == "exact"))
    else:
        words = getattr(item, "words", None)
        kind = getattr(item, "kind", None)
        suggestion = getattr(item, "suggestion", None)
        exact = bool(getattr(item, "exact_case", False))
    if isinstance(words, str):
        words = (words,)
    return Entry(tuple(words or ()), kind, suggestion, exact, source)


def _read(name: str) -> str:
    return resources.files("crisishouse.language").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _hand() -> dict[str, Any]:
    return tomllib.loads(_read(VOCABULARY_FILE))


@lru_cache(maxsize=1)
def builtin_entries() -> tuple[Entry, ...]:
    """The built-in vocabulary: the generated diagnostic labels first, the hand-written list after.

    Later entries win when the same words appear twice.
    """
    hand = _hand()
    entries = []
    for name, label in DIAGNOSIS_FILES:
        # One Entry for each kind of words with the same suggestion: thousands of codes, few entries.
        grouped: dict[tuple[str, str, bool], list[str]] = {}
        for e in json.loads(_read(name))["entries"]:
            grouped.setdefault((e["kind"], e["suggestion"], False), []).extend(e["words"])
            grouped.setdefault((e["kind"], e["suggestion"], True), []).extend(e["codes"])
        for (kind, suggestion, exact), words in grouped.items():
            if words:
                entries.append(Entry(tuple(words), kind, suggestion, exact, label))
    entries += [entry_from(e, source="vocabulary.toml") for e in hand.get("entry", [])]
    return tuple(entries)


# The source of an entry found only when its word is hidden (see `builtin_alone`).
HIDDEN_ONLY = "vocabulary.toml, when hidden"
# ... and of an everyday-alone word's compounds only ("anxious-looking"), when `derived = "compounds"`.
COMPOUNDS_ONLY = "vocabulary.toml, in compounds"
# ... and of a rule's medicine name clipped ("olanz"): never a place, though "off the zopi" reads as one.
CLIPPED = "rule, a medicine clipped"
DOSED = "rule, a medicine named with its dose"


@lru_cache(maxsize=1)
def builtin_alone() -> tuple[tuple[Entry, Entry | None], ...]:
    """The `[[everyday_alone]]` words: everyday as written, a label when hidden or bent.

    Each gives the entry its words are found by only when they are disguised
    ("pαrαnoid", "b0rderline", "parrranoid"), and, when its table says
    `derived = true`, the entry its derived forms are always found by
    ("paranoically", "borderliney"), or with `derived = "compounds"` only its
    compounds ("anxious-looking", "depressed-seeming"), or None.
    """
    found = []
    for table in _hand().get("everyday_alone", []):
        words = table.get("words")
        hidden = entry_from({**table, "words": words}, source=HIDDEN_ONLY)
        derived = table.get("derived")
        bent = None
        if derived:
            source = COMPOUNDS_ONLY if derived == "compounds" else VOCABULARY_FILE
            bent = entry_from({**table, "words": words}, source=source)
        found.append((hidden, bent))
    return tuple(found)


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]:
    """The `[[near]]` and `[[sense]]` tables of vocabulary.toml (see `rules`)."""
    hand = _hand()
    return tuple(hand.get("near", [])), tuple(hand.get("sense", []))


THINGS_FILE = "thing_words.json"


@lru_cache(maxsize=1)
def thing_words() -> tuple[frozenset[str], ...]:
    """Nouns for concrete things, other things, times and people, and the abbreviations that are English words.

    From WordNet: generated, see build_things.
    """
    document = json.loads(_read(THINGS_FILE))
    kinds = ("concrete", "things", "times", "persons", "caps", "verbs", "animals")
    return tuple(frozenset(document[k]) for k in kinds)


@lru_cache(maxsize=1)
def physical_words() -> frozenset[str]:
    """Words naming physical conditions ("diabetes", "asthma"): generated, see build_vocabulary."""
    return frozenset(json.loads(_read(PHYSICAL_FILE))["words"])


@lru_cache(maxsize=1)
def builtin_starred() -> frozenset[str]:
    """The labels looked for with their middle starred out ("s*******a"): `starred` in vocabulary.toml."""
    return frozenset(_hand().get("starred", []))


@lru_cache(maxsize=1)
def builtin_misspelt() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The labels looked for written wrong (`misspelt`), and the English words beside them (`not_misspelt`)."""
    hand = _hand()
    return tuple(hand.get("misspelt", [])), tuple(hand.get("not_misspelt", []))


def builtin_exceptions() -> tuple[str, ...]:
    """Phrases the built-in vocabulary never flags ("non-alcoholic", "splitting the bill")."""
    return tuple(_hand().get("exceptions", []))
