"""The thirty-first round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A court's words for a mind; other countries' orders; a section's Act written short.
        ("Lawyer says they will run a defence of insanity.", "defence of insanity"),
        ("Judge accepted diminished responsibility in the end.", "diminished responsibility"),
        ("Brisbane papers: Temporary Treatment Order made on Monday.", "Temporary Treatment Order"),
        ("Report under s23 of the CP(MIP) Act is due.", "CP(MIP) Act"),
        # A stay on a ward by its fraction; "MH" before a review; a gamer's tag wrapped in x's.
        ("Aunty says a 3/7 admission, then home.", "3/7"),
        ("Letter says MH review next month.", "MH review"),
        ("Stop replying to xXpsychoXx, just block him.", "xXpsychoXx"),
        # Therapy's popular words; culture's own names; a label with a vowel dropped.
        ("Podcast says she's trauma-bonded to him.", "trauma-bonded"),
        ("My aunty says Mum has hwa-byung from all the stress.", "hwa-byung"),
        ("Some dmented guy yelled at the bus driver.", "dmented"),
        ("Talkback calls them psychiatric cases, which is awful.", "psychiatric cases"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A venue's capacity assessed; a vet's prognosis; a body's observations; a printer's measure.
        "The network capacity assessment is due from Chorus.",
        "Vet gave a guarded prognosis for the old dog.",
        "Nurse did his obs before the knee op, all fine.",
        "Set the headline across a 12-pica column.",
        # A freight company's system; a garden sectioned off; a path cemented; an Xbox.
        "Logistics email: our TMS logs every freight movement between the yards.",
        "We're sectioning off the lounge for the kids' party.",
        "Koro cemented the path on Saturday.",
        "The xbox is in the lounge, controllers in the drawer.",
        # A guest's medicine and its pharmacy are theirs to name.
        "Her methadone dosing is at the Unichem at 8.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
