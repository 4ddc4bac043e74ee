"""Round forty-five's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Kessler's scales: the K6 and the K10, however they are written.
        ("Her K-10 came back at 31.", "K-10"),
        ("K6 of 14 at the GP.", "K6"),
        # "Baseline" where a person is at it, back to it, or has one of their own.
        ("Mere is back to baseline after the weekend.", "back to baseline"),
        ("He is not at his baseline yet.", "his baseline"),
        ("Tama's baseline is calm and chatty.", "baseline"),
        ("More withdrawn than baseline today.", "than baseline"),
        ("Returned to baseline within a week.", "to baseline"),
        ("Baseline functioning: works part-time, drives.", "Baseline functioning"),
        # A label said of a group of people is said of the people in it.
        ("Half the night shift crew are addicts, the boss reckons.", "addicts"),
        ("The whole class is psychotic this term, said the relief teacher.", "psychotic"),
        # More labels looked for written one letter off, or two letters swapped.
        ("That landlord is so nuerotic about the bins.", "nuerotic"),
        ("The hypochondirac in flat 2 rang again.", "hypochondirac"),
        ("She was dissocaiting through the whole meeting.", "dissocaiting"),
        ("He's a bit histironic when the footy's on.", "histironic"),
        # Sound-alikes spelt with "ch" or a hard "c".
        ("The hipocondriac on site 9 asked about the river.", "hipocondriac"),
        ("He is an alchoholic, the neighbour says.", "alchoholic"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # K and a number that is no Kessler scale: a glider, a school's years.
        "The crosswind is within limits for the K-21.",
        "It's a K-12 school on the edge of town.",
        # "Baseline" of a sport, a survey, a tuning, a dive.
        "In winter a 7 mm wetsuit is the baseline for diving.",
        "I tune to a baseline of A440 and stretch the octaves.",
        "The ball landed just behind the baseline.",
        "The baseline survey goes out in March.",
        # A market, a tide: things, not groups of people.
        "The market was manic all week before the holiday.",
        # English words one letter from a label.
        "There was necrotic tissue on the lamb's leg.",
        # A word written otherwise, read as the label, is an exception's like the label written right.
        "No alkoholic drinks are sold at the grounds.",
        "There were alchoholic drinks on the table.",
        "A non-alkoholic beer, please.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # What a treatment or care meets or resists, joined by a hyphen, stays the service's words.
        ("He is treatment-resistant, the letter says.", "treatment-resistant"),
        ("She has been care-resistant at the rest home.", "care-resistant"),
        ("Tama is med-compliant now.", "compliant"),
        # A relapse with no physical condition as its subject: someone between, or relapsing on something.
        ("She relapsed after her asthma flared.", "relapsed"),
        ("Hx of a chronic and relapsing course.", "relapsing"),
        ("After the flu Sione relapsed and started using again.", "relapsed"),
        ("With her broken ankle she relapsed over the holidays.", "relapsed"),
        ("During a bad asthma week he was relapsing most nights.", "relapsing"),
        ("Through the gout flare-up relapsed on the pokies, his sister says.", "relapsed"),
        # "Baseline" near, off or towards a person's.
        ("Hemi is well off baseline today.", "off baseline"),
        ("Aroha is coming back towards baseline.", "towards baseline"),
        # Splitting people (left to the vocabulary: a thing's splitting is too like a roster's or a shift's).
        ("Accused of splitting the weekend crew again.", "splitting"),
        ("He has been splitting the day and night staff all week.", "splitting"),
        ("She keeps splitting the nurses against each other.", "splitting"),
    ],
)
def test_still_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # What a thing resists, meets or depends on, joined by a hyphen.
        "Tubeless sealant keeps the tyre puncture-resistant up to a 6 mm hole.",
        "All the new wiring is code-compliant.",
        "The walk is weather-dependent, so bring a coat.",
        # A physical condition's course.
        "Her asthma relapsed in the cold snap.",
        "Mastitis in the back quarter relapsed after treatment, so she is being dried off.",
    ],
)
def test_said_of_things(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
