"""The thirty-sixth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A medicine taken at the chart's times, the medicine unsaid; risk in a form's three boxes.
        ("Hemi has his nocte with a cup of Milo.", "has his nocte"),
        ("Sione takes them BD, he set an alarm on his phone.", "takes them BD"),
        ("The referral rated her mod/low/low.", "mod/low/low"),
        # Kept steady by medicines, as a letter says.
        ("Letter from the team: settled on his current depot.", "settled on his current depot"),
        # A withdrawal scale done or scored; an assessment booked.
        ("CIWA 14 at handover, shaky hands.", "CIWA 14"),
        ("Ax done Monday with the new team.", "Ax done"),
        # A 2 written for a z.
        ("Someone keyed 'skit2o' into the car door.", "skit2o"),
        # A service's and other countries' words.
        ("The GP wondered about a functional overlay.", "functional overlay"),
        ("Her cousin says she was Baker Acted twice in Miami.", "Baker Acted"),
        ("Two inpt admissions last year, per the letter.", "inpt"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "She takes hers with milk and two sugars.",
        "The tide was high/low/high over the long weekend.",
        "The market is stable on the current figures.",
        "COWS and calves were moved to the back paddock.",
        "AX Dog Food is on special at Pak'nSave.",
        "See you 2day at the marae, bring h2o for the kids.",
        "Our b2b sales doubled this quarter.",
        # Everyday senses: a café's compliance, a knee's OCD, a model's error, a bank's CTO, an engine's timing.
        "The café failed its food safety compliance check on Tuesday.",
        "The surgeon said the knee pain is OCD, osteochondritis dissecans, so a scan is next.",
        "The model's MSE dropped once we added the rainfall data.",
        "The new CTO at the bank is moving everything to the cloud.",
        "The mechanic retarded the ignition timing to stop the pinging.",
        "Send the documents by DX Mail to the lawyer's office.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
