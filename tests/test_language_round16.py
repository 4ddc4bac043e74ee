"""The sixteenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A circle for an O; bars between the letters of an abbreviation; "ye" sounded as "i".
        ("Says his ⭕CD is bad today.", "⭕CD"),
        ("Form reads B|P|D in the box.", "B|P|D"),
        ("Nan calls it bye-polar.", "bye-polar"),
        # Orientation run together; a delirium screen with its score; the police's section.
        ("Paramedics: AOx4, settled.", "AOx4"),
        ("4AT of 5 on the ward.", "4AT of 5"),
        ("Brought in on a s109 last night.", "s109"),
        # Early warning signs in capitals; hourly visual checks.
        ("Whānau know her EWS well.", "EWS"),
        ("Hourly visuals overnight, as agreed.", "Hourly visuals"),
        # Names and service talk the earlier rounds did not list.
        ("Wernicke's, years ago, from the drink.", "Wernicke's"),
        ("The least restrictive option, the team said.", "least restrictive option"),
        ("A safeguarding concern about the kids.", "safeguarding concern"),
        ("Reduced need for sleep and big plans.", "Reduced need for sleep"),
        ("Voices of a commanding nature at night.", "of a commanding nature"),
        ("Seen by psych liaison in ED.", "psych liaison"),
        ("Discharged back to primary care in March.", "Discharged back to primary care"),
        ("Known cutter, per the old notes.", "Known cutter"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # The everyday senses stay: the sea, a cricket call, a training body, a bird walk.
        "The skipper reckons a depression will bring big swells to the coast.",
        "A borderline lbw call, and the umpire gave it not out.",
        "Her apprenticeship is run by an ITO now.",
        "Bird obs walk at the wetland on Saturday.",
        # A bar in a long run of letters, or among many letters, is no spacer.
        "The tally read a|b|c|d|e|f on the board.",
        "○ kai at 6, ○ dishes after.",
        "Say bye, polar bears are on the telly.",
        "A 4at carburettor for the old mower.",
        "Use the box cutter on the cardboard.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []
