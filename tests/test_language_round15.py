"""The fifteenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # An emoji letter asked for as a picture (a variation selector after it) is still a letter.
        ("Her bi🅿️olar meds are in the office.", "bi🅿️olar"),
        ("🅰️DHD, she says, not lazy.", "🅰️DHD"),
        # An abbreviation written as its own mixed case, and no English word.
        ("EtOH heavy on Friday.", "EtOH"),
        # A word in capitals across a colon, or a code with one letter, is no shouting.
        ("From the fax: SI passive, no plan.", "SI"),
        ("Ref from CRT - 41M, wants two nights.", "CRT"),
        # A wrapper whose first words are physical, naming a mental condition after them.
        ("Working diagnosis: alcohol-induced psychosis.", "Working diagnosis"),
        ("Known to have vascular dementia, per the GP.", "Known to have vascular dementia"),
        # A name first in a sentence, before a deed: someone, not a thing.
        ("Maria disengaged from the team in June.", "disengaged from"),
        # Risk to self or others with its level; the crisis resolution team; body dysmorphia.
        ("RTS moderate, RTO low.", "RTS moderate"),
        ("BDD, so mirrors are hard.", "BDD"),
        # Names and service talk the earlier rounds did not list.
        ("The letter says adjustment reaction.", "adjustment reaction"),
        ("Had a nervous breakdown in her twenties, the file says.", "nervous breakdown"),
        ("Gambling addiction, the referral says.", "Gambling addiction"),
        ("Referential thinking about the radio.", "Referential thinking"),
        ("Fleeting thoughts of death last week.", "Fleeting thoughts of death"),
        ("Under compulsory treatment until May.", "compulsory treatment"),
        ("A voluntary admission last year.", "voluntary admission"),
        ("Daily living skills have slipped.", "Daily living skills"),
        ("Vulnerable to exploitation in town.", "Vulnerable to exploitation"),
        ("Waiting on a psychiatric review.", "psychiatric review"),
        ("Discharge planning on Friday.", "Discharge planning"),
        ("Superficial lacerations to the forearm.", "Superficial lacerations"),
        ("Guarded and suspicious at intake.", "Guarded and suspicious"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "I ❤️ the kai here, and the ☀️ today.",
        "I DID IT, I ACTUALLY DID IT!",
        "Diagnosis: drug allergy to penicillin.",
        "The RTO is the polytech she enrols with.",
        "An old CRT telly in the garage for the retro games.",
        "He sectioned a grapefruit for breakfast.",
        "Mandarins sectioned into wedges for the kids.",
        "Boxing Day mania at the mall, queues out the door.",
        "Rain pools in the depression by the letterbox.",
        "Etoh is how she spells her cat's name.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []
