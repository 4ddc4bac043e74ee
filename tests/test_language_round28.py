"""The twenty-eighth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A medicine for the mind with a dose and no unit, by name, brand or clip.
        ("Nan says to give the Epilim 500 at night.", "Epilim 500"),
        ("Keep his Concerta 36 in the locked drawer.", "Concerta 36"),
        ("Psych upped her lamo to 150 last week.", "lamo to 150"),
        ("Bottle set up for Hemi's sert 100 mane.", "sert 100"),
        # Tablets counted; a depot by its medicine; a scale out of its most.
        ("Flatmate says he took 15 x quetiapine last night.", "15 x quetiapine"),
        ("Been on 200 of quet since Easter.", "200 of quet"),
        ("Her Invega injection is due Tuesday.", "Invega injection"),
        ("Rest home nurse: GDS 9/15 today.", "GDS 9/15"),
        # Holds, leave and risk graded, as other services write them.
        ("Was on a 72hr hold in Brisbane last year.", "72hr hold"),
        ("Granted 2hrs unescorted for the tangi.", "2hrs unescorted"),
        ("CATT: moderate acute / high chronic, plan as before.", "moderate acute / high chronic"),
        # A scale named alone.
        ("Counsellor wants a repeat K10 next session.", "K10"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A model's name and number; a count of something else; one's own dose in one's own words.
        "His Quet 5 speaker is loud enough for the lounge.",
        "I'm on sertraline 50 and it's helping.",
        # Chronic pain; a 24-hour shop.
        "High chronic pain days, so she skipped the walk.",
        "The 24 hour dairy is open on Christmas Day.",
        # A horse's mane beside a number.
        "Brushed the mane 100 times before the show.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
