"""The nineteenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Every letter written more than once, some three times.
        ("Wrote sccchizzzo on the fridge.", "sccchizzzo"),
        ("Texted that he's depppresssed and maaanic.", "maaanic"),
        # A person named by what they did or were told they had.
        ("A known overdoser, the letter says.", "overdoser"),
        ("Called a frequent attempter at triage.", "frequent attempter"),
        ("The GP calls her a somatiser.", "somatiser"),
        ("Was postnatally depressed after her first.", "postnatally depressed"),
        # Names, shorthand and slang the earlier rounds did not list.
        ("Has an ABI from a fall in 2019.", "ABI"),
        ("MCI, the memory clinic says.", "MCI"),
        ("Booked in for TMS next month.", "TMS"),
        ("Buprenorphine 8mg SL each morning.", "8mg SL"),
        ("Said the tism gets loud in crowds.", "tism"),
        ("Posted about sewer slide thoughts.", "sewer slide"),
        ("Complex needs, per the housing referral.", "Complex needs"),
        # Note-taking shorthand: seen by, discussed with, hours as a fraction.
        ("S/b reg this morning, plan unchanged.", "S/b"),
        ("D/w the duty worker at 3.", "D/w"),
        ("Last drink 3/24 ago, per the whānau.", "3/24"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "She stepped down as treasurer of the netball club.",
        "Post it c/o the school office, the courier knows it.",
        "His new PC has an RX card for gaming.",
        "Her aunty was promoted to CTO at a fintech in Wellington.",
        "Put the money in a low-risk term deposit.",
        "The OST for the film is on Spotify.",
        "The 24/7 helpline number is on the fridge.",
        "Cut the cake into 24 pieces, 1/24 each.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


def test_stepped_down_from_a_ward_is_still_flagged(language_check: LanguageCheck) -> None:
    assert_caught(language_check, "Stepped down from the acute ward on Friday.", "Stepped down")
