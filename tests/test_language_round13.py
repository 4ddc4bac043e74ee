"""The thirteenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from crisishouse.language.normalise import sound
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("written", "meant"),
    [("sighkotic", "psychotic"), ("demensha", "dementia"), ("nartsisistic", "narcissistic")],
)
def test_more_spellings_that_sound_alike_sound_the_same(written: str, meant: str):
    assert sound(written) == sound(meant)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Calls himself sighkotic when he's tired.", "sighkotic"),
        ("Nan's rest home says demensha.", "demensha"),
        ("A tag that read b🅸polar.", "b🅸polar"),
        ("Written as B*P*D on the form.", "B*P*D"),
        ("Spaced out as s__c__h__i__z__o in the chat.", "s__c__h__i__z__o"),
        ("Her CDR 0.5 at the memory clinic.", "CDR 0.5"),
        ("SDS 9 for alcohol.", "SDS 9"),
        ("GAD-7 scored 15 last week.", "scored 15"),
        ("Poor e/c throughout.", "e/c"),
        ("Denies HI towards staff.", "HI"),
        ("HI towards the ex, he says.", "HI towards"),
        ("Sundowning most nights, the daughter says.", "Sundowning"),
        ("Magical thinking about the numbers on buses.", "Magical thinking"),
        ("Back from LOA on Sunday.", "LOA"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "Hi to everyone at the hui!",
        "The yacht's LOA is nine metres.",
        "A 3D printer's stepper motor is a bipolar one with four wires.",
        "Tangential forces on the bike wheel, for her physics assignment.",
        "Sand the enamel so the new paint has adherence.",
        "The ANC won the election in 1994.",
        "The new motorway needs an EIS before the earthworks.",
        "Oil field output was 40,000 BPD.",
        "The train derailment at Ohakune made the news.",
        "5*3*2 is thirty.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []
