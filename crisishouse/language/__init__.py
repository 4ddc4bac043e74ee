"""The language check (principle 5: no diagnostic language).

Diagnoses, clinical jargon, deficit labels and compliance talk never reach a
handover or a guest's record unnoticed. The check says what it found, where,
what kind of language it is and which everyday words to use instead::

    >>> from crisishouse.language import check
    >>> finding, = check("Non compliant with meds again.")
    >>> finding.start, finding.end, finding.text, finding.kind
    (0, 13, 'Non compliant', 'compliance')
    >>> finding.explain()  # doctest: +ELLIPSIS
    '"Non compliant" is compliance talk; try: "chose not to take it today" or ...'

A checker compiles its vocabulary when it is built (a few tenths of a
second the first time, a few hundredths once the compiled vocabulary is in
the user's cache folder: see `cache`); build one per house and keep it.
`check()` then takes some tens of microseconds for a handover line and some
tens of milliseconds for 100 kB.

`check(text)` uses the built-in vocabulary; a house's own words and
exceptions (house.toml, ``[language]``) go into
``LanguageCheck.from_settings(settings)`` or
``LanguageCheck(extra=..., exceptions=...)``.

What is flagged and what is not
-------------------------------
Flagged: names of diagnoses (ICD-10 chapter V, ICD-10-CM chapter 5, ICD-11
chapter 6, the DSM-5, and any name ending in "disorder" or "syndrome") and
their everyday and derived forms ("schizophrenic", "bipolar", "psychotic",
"anorexic", "depression", "OCD-ish", "manicky"),
their abbreviations (BPD, PTSD, OCD ...), people named by a diagnosis ("a
schizophrenic", "the bipolar in room 3"), clinical jargon ("presenting with",
"decompensating", "low mood", "hallucinations"), deficit and judgemental
labels ("attention-seeking", "manipulative", "lacks insight", "frequent
flyer") and compliance talk ("non-compliant", "refused medication",
"absconded", legal status such as "CTO"). Clinical shorthand is found as a
class, and talk about capacity, engagement, presentation, speech, judgement
and risk by the words around it (see `rules`).

Not flagged, because they are the guest's own words for how they feel or for
the practical things of their life: feeling words ("anxious", "anxiety",
"worried", "low", "down", "depressed", "flat", "stressed", "scared",
"panicky", "a panic attack", "paranoid" and "paranoia" as a feeling,
"nightmares", "flashbacks", "can't sleep", "insomnia", "hearing voices",
"voices", "suicidal", "self-harm", "triggered", "obsessive", "hyper",
"antisocial" as in wanting to be alone, "crazy" and "mad" as everyday
words); medication, the pharmacy, the doctor, the GP, the psychiatrist and
the crisis team. Clinical phrases built on these words are still flagged
("paranoid schizophrenia", "paranoid ideation", "panic disorder", "anxiety
disorder", "suicidal ideation").

A word is found only as a whole word or as the start of a word with a plural,
possessive or derived ending: "manicure", "Romania", "address" and
"therapist" hold no flagged word. Case, plurals, hyphens and spaces inside
words, full-width letters, invisible characters and digits or symbols
standing for letters are seen through (see `normalise`). Everyday senses of
clinical words are left alone: the weather's depression, a compliant
building, a song called "Psycho" (see `rules`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crisishouse.on_demand import names_on_demand

if TYPE_CHECKING:
    from crisishouse.language.checker import Finding, LanguageCheck, check, default_check
    from crisishouse.language.vocabulary import KINDS, Entry, builtin_entries, builtin_exceptions

# The names below are loaded when first asked for (PEP 562): the house's settings read
# `crisishouse.language.vocabulary.KINDS` while the app opens, and importing the package
# should not load the checker (a tenth of a second) for that.
_WHERE = {
    "Finding": "checker",
    "LanguageCheck": "checker",
    "check": "checker",
    "default_check": "checker",
    "KINDS": "vocabulary",
    "Entry": "vocabulary",
    "builtin_entries": "vocabulary",
    "builtin_exceptions": "vocabulary",
}

__all__ = [
    "KINDS",
    "Entry",
    "Finding",
    "LanguageCheck",
    "builtin_entries",
    "builtin_exceptions",
    "check",
    "default_check",
]


__getattr__ = names_on_demand(__name__, _WHERE)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
