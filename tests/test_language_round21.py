"""The twenty-first round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # "rn" passing for "m".
        ("Wrote that she's rnanic again.", "rnanic"),
        ("Reckons the new bloke is dernentia-bound.", "dernentia"),
        # Short labels written backwards.
        ("Someone left 'cinam' on the whiteboard.", "cinam"),
        ("Tagged ozihcs on the fence.", "ozihcs"),
        # When a medicine is given, beside the medicine's own things.
        ("The dosette says TDS, she only takes two.", "TDS"),
        ("Nocte tablets are by the jug.", "Nocte"),
        # Names, slang and service words the earlier rounds did not list.
        ("Her trich is worse when she's tired.", "trich"),
        ("Said he'd been depro all winter.", "depro"),
        ("Called a relapser by his cousin.", "relapser"),
        ("Vitals WNL this morning.", "WNL"),
        ("BIB ambulance at 3, slept till ten.", "BIB ambulance"),
        ("Nihilistic ideas in the referral.", "Nihilistic ideas"),
        ("Re-referral from the GP on Friday.", "Re-referral"),
        ("Triaged as routine by the line.", "Triaged as routine"),
        ("Discharged to primary care in June.", "Discharged to primary care"),
        ("The letter keeps describing her as disengaged.", "disengaged"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "Her horse has a lovely mane, we brushed it for the show.",
        "The modern barn on the corner burnt down in the storm.",
        "Turn left at the church and return the trailer by five.",
        "The clutch disengaged when he pushed the lever.",
        "The teachers have PD this afternoon, school closes at twelve.",
        "The DAO voted to burn half its tokens.",
        "The ASD put out a warning about ransomware.",
        "Use the ADD opcode on the two registers.",
        "Cinema tickets are half price on Tuesdays.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
