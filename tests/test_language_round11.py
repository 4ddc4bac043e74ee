"""The eleventh round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from crisishouse.language.normalise import sound
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("hallusinations", "hallucinations"),
        ("sooicidal", "suicidal"),
        ("depreshun", "depression"),
        ("psykosis", "psychosis"),
        ("dissosiation", "dissociation"),
    ],
)
def test_spellings_that_sound_alike_sound_the_same(written: str, meant: str):
    assert sound(written) == sound(meant)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Spelt as it sounds, or in other letters.
        ("Keeps hallusinating at night, she says.", "hallusinating"),
        ("Rang feeling sooicidal, no plan.", "sooicidal"),
        ("Her mum says it's depreshun.", "depreshun"),
        ("Bio says ᴘꜱʏᴄʜᴏᴛɪᴄ and proud.", "ᴘꜱʏᴄʜᴏᴛɪᴄ"),
        ("Whānau text: been D E L U S I O N A L all week, watching the telly", "D E L U S I O N A L"),
        # Shorthand asked about, scored or measured.
        ("Asked about SI, she said not today.", "about SI"),
        ("Command AH again overnight.", "Command AH"),
        ("CIWA-Ar 14 at noon.", "CIWA-Ar 14"),
        ("Serum prolactin pending.", "Serum prolactin"),
        ("Li level due Friday.", "Li level"),
        ("PRN diazepam given at 9.", "PRN diazepam"),
        ("Started on OST last year.", "on OST"),
        ("Under a PPPR order since 2019.", "PPPR order"),
        # Names and jargon.
        ("Capgras delusion noted in the letter.", "Capgras delusion"),
        ("A history of health anxiety.", "health anxiety"),
        ("Letter says BED and OSDD.", "BED"),
        ("Diurnal variation in mood reported.", "Diurnal variation in mood"),
        ("Behavioural escalation on the ward.", "Behavioural escalation"),
        ("Treatment as usual for now.", "Treatment as usual"),
        ("Psychosis-prone, says the file.", "Psychosis-prone"),
        ("Rapid pressured talking on the phone.", "pressured"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "The bot hallucinated a timetable that isn't real.",
        "The treasurer absconded with the club's cash.",
        "No school Friday, it's a PD day for the teachers.",
        "She's doing her carpentry apprenticeship through the ITO.",
        "Titration in chemistry turned the flask pink.",
        "Blood test for her lithium levels on Tuesday.",
        "The cows 6 paddocks over got out again.",
        "Send an SOS text if the van breaks down.",
        "Felt pressured by the landlord to sign.",
        "The film's OST is on repeat in the lounge.",
        "Bed 4 is free tonight.",
        "A decision about the station.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []


def test_a_title_in_capitals_is_still_a_title(language_check: LanguageCheck):
    """Spelt-out capitals are hidden, but a title of one capitalised word near a word about films stays a title."""
    assert flagged(language_check, "We watched Psycho, the film, last night.") == []
