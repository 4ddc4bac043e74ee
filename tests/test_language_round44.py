"""Round forty-four's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # An American hold, done to someone or placed.
        ("ED note: 5150 not placed this time.", "5150 not placed"),
        ("She says she was 5150'd in LA.", "5150'd"),
        # An obsession's subtype by its name.
        ("Her scrupulosity makes Sunday hard.", "scrupulosity"),
        # A crossword near, but said of someone: the label stays.
        ("He's psycho, he did the crossword at 3am and shouted at staff.", "psycho"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A bus company's depots.
        "The bus company has a depot every few kilometres.",
        # Everyday senses of this round: a crossword's answers, a dictionary, a mirror, a car, a model railway,
        # a guitar, a chainsaw, a violin, glass, a fish tank, speedway, a word's origin, a port, rats.
        '7 down: "Craze hidden in Romania (5)", answer MANIA.',
        'Chambers marks that word "obs." for obsolete.',
        "The grandiose gilt mirror came out of an old hotel lobby.",
        "The 1972 Valiant is now fully compliant after the new seatbelts went on.",
        "Dry air can leave a guitar's tone sounding blunted.",
        "Fresh strings brought the violin back to its baseline brightness.",
        "Borosilicate is far more resistant to thermal shock than soda-lime glass.",
        "The ich came back in the tank, a classic relapse.",
        "It's absolute mania on the back straight as the sprint cars go three wide!",
        'Word origins: "histrionic" comes from the Latin histrio, an actor.',
        "Your container is discharged at the ECT terminal in Rotterdam.",
        "Rats are hypervigilant around anything new, so leave the traps unset.",
        # Walking up and down a hallway is no crossword's; a house is hard to place, a dog easily triggered, a
        # courier gets a depot.
        "The kids ran up and down the hallway all afternoon.",
        "The villa is hard to place on the market with that roof.",
        "Our dog is easily triggered by the postie.",
        "The courier company got a depot every fifty kilometres.",
        # A forklift's and a postcode's number.
        "The Toyota 5150 forklift needs a service.",
        "Postcode 5150 is in the Adelaide Hills.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
