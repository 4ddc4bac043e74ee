"""The twenty-seventh round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Written to hide it, a label is no title or name, whatever its surroundings.
        ("Her reel got a comment: 'pSyChOtIc' and nothing else.", "pSyChOtIc"),
        ("His gamer tag is 'sch1z0' now, his sister says.", "sch1z0"),
        # A keycap round a digit is no break in a word; "@" starts a hidden word of digits too.
        ("Someone wrote b1️⃣polar on the bus shelter.", "b1️⃣polar"),
        ("A comment called her an '@n0rex1c' under the photo.", "@n0rex1c"),
        # Slurs with their endings; scales named alone; a court's report; a most in a day.
        ("Kids at school called him spazzy.", "spazzy"),
        ("She scored 21 on the MoCA last month.", "MoCA"),
        ("Court wants a s38 report before sentencing.", "s38 report"),
        ("Olanzapine wafers, max 20mg/24h.", "max 20mg/24h"),
        # The chart's words of the last round's writers.
        ("Dictated: a and oh times three, settled.", "a and oh times three"),
        ("Back on an inpatient order since Friday.", "inpatient order"),
        ("Nurses suggested a low stimulus room tonight.", "low stimulus"),
        ("The letter says chronically suicidal.", "chronically suicidal"),
        ("The referral says history of by polar one.", "by polar one"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A film and a song by their names; spacing and being spaced out; a keycap for a number.
        "We watched Psycho on Friday night.",
        "Totally spaced on wheelie bin night, sorry whānau.",
        "The spacing on the poster is off.",
        "Press 1️⃣ for yes on the survey.",
        # Everyday senses the last round's unseen part flagged: a firm's CTO, an overdraft, a title, another Act.
        "The new CTO at Rangi's work started Monday, big on AI.",
        "Her OD limit is $500 and she's hit it, the bank rang.",
        "Mx is the title Jamie prefers on letters.",
        "Section 11 of the Building Act covers the definitions.",
        # Handles and money.
        "@jo123 said hi on the group chat.",
        "It cost $5 at the dairy.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
