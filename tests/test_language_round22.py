"""The twenty-second round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Letters in brackets, and an abbreviation run into a word as a tag runs them.
        ("Carved ⒮⒞⒣⒤⒵⒪ into the desk.", "⒮⒞⒣⒤⒵⒪"),
        ("Posted #OCDlife with a photo of the tins.", "OCDlife"),
        # A word written to hide it is no title, even capitalised after "read".
        ("The sign read Maaaniac in red paint.", "Maaaniac"),
        ("Her story read Ps1chotic at the top.", "Ps1chotic"),
        # Shorthand said of a person, and of cannabis as a habit.
        ("Smoking THC nightly, she says.", "Smoking THC"),
        ("w/d symptoms settled by Tuesday.", "w/d"),
        ("Collects her MMT from the chemist.", "MMT"),
        # Names, labels and service words the earlier rounds did not list.
        ("BPSD in the evenings, per the rest home.", "BPSD"),
        ("Her antenatal depression was talked about.", "antenatal depression"),
        ("Called a known alkie at the pub.", "alkie"),
        ("She is panic-prone, the report says.", "panic-prone"),
        ("He needs containment, the team said.", "needs containment"),
        ("Presented at the police station at 3am with his brother.", "Presented at the police"),
        ("Awaiting allocation since March.", "Awaiting allocation"),
        ("He tried to OD in May.", "tried to OD"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "The SI unit of length is the metre.",
        "THC levels are tested at the hemp farm by the council.",
        "Ping me an IM on Teams when the van's back.",
        "An odd shout from the kitchen: tea's ready.",
        "Twenty-odd people came to the hui.",
        "Containment of the oil spill took a week.",
        "She presented at the conference in Rotorua.",
        "The old hotel looks grandiose with its chandeliers.",
        "The Kessler syndrome is about space junk hitting satellites.",
        "That skate park is rad.",
        "We watched Psycho, the Hitchcock film, on Friday.",
        # Found in review: names, places and things the first rules of this round took for labels.
        "Si was in the kitchen making tea when I arrived.",
        "Her answer was sí, she is learning Spanish.",
        "Ed presented the slides on Tuesday.",
        "The choir presented at the hospital chapel on Sunday.",
        "She works w/d from 9 to 3 at the bakery.",
        "Flat: 2 bdrm, w/d off laundry.",
        "The band played a RAD set at the festival.",
        "Her MSEdge browser crashed again.",
        "He sent it to PRNewswire for the launch.",
        "Pick up the blister pack from the pharmacy on Mane, thanks.",
        "Containment needed for the wasp nest, per the pest guy.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("She has PD, her school counsellor says.", "PD"),
        ("Her ADD makes following instructions hard.", "ADD"),
        ("Her ASD makes her a target for scams.", "ASD"),
        ("MOCA done, she drew the clock well, loves art.", "MOCA"),
        ("Grandiose, says he is buying the hotel next door.", "Grandiose"),
        ("Very grandiose today, talked about the palace he'd build.", "grandiose"),
    ],
)
def test_an_everyday_sense_never_hides_the_label_said_of_a_person(
    language_check: LanguageCheck, text: str, words: str
) -> None:
    """Found in review: the cues of the new everyday senses (school, scams, art, hotels) beside a person's label."""
    assert_caught(language_check, text, words)
