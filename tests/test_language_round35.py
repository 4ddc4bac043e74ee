"""The thirty-fifth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Any label of six letters or more written backwards, and a hidden everyday-alone word backwards,
        # even after "my": no one writes a word backwards but to hide it.
        ("Group chat says the new guy is citohcysp.", "citohcysp"),
        ("She called the neighbour ainerhpozihcs over the fence.", "ainerhpozihcs"),
        ("Someone scrawled enilredrob on her locker.", "enilredrob"),
        ("I reckon my flatmate is dionarap about the power bill.", "dionarap"),
        ("I was dionarap all night, lol.", "dionarap"),
        # Three letters or more each written twice (drawn out by a guest of themselves or their own, as said aloud, it stays theirs).
        ("The comments called him sschizzoo all week.", "sschizzoo"),
        ("The comments say he is boorrderlinee, honestly.", "boorrderlinee"),
        # A bracket closing a word, for its c; "!(" for "ic".
        ("Text from Sam: u r so psychoti( lately.", "psychoti("),
        ("He's acting all man!( again.", "man!("),
        # An affect described, as a mental-state exam does.
        ("Seen in clinic: odd affect, answered in single words.", "odd affect"),
        ("Review: fixed affect throughout, eye contact fleeting.", "fixed affect"),
        ("Bright, reactive affect this morning.", "reactive affect"),
        # A faculty a report finds wanting.
        ("Section 4 of the report: poor coping since the move.", "poor coping"),
        ("The assessor noted limited reflective capacity in both parents.", "limited reflective capacity"),
        ("Intake form: impaired insight, refuses follow-up.", "impaired insight"),
        ("She has poor boundaries with the other residents.", "poor boundaries"),
        # Voices or visions as a chart guesses at them.
        ("Night obs: appeared to be responding to unseen others at 0200.", "responding to unseen others"),
        ("Responded to unseen others twice overnight.", "Responded to unseen others"),
        # Risk graded toward self and others; a diagnosis not otherwise specified.
        ("Triage form: moderate risk to self, low to others.", "moderate risk to self"),
        ("Old letter lists EDNOS and PDD-NOS.", "PDD-NOS"),
        # Voices queried with a question mark, as a chart writes it.
        ("Sitting up at 3am muttering, ?VH, offered a drink.", "VH"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Backwards: a palindrome, a word that is another word backwards.
        "Stressed is desserts spelt backwards, Nan reminded us at pudding time.",
        "The racecar and the kayak are both palindromes.",
        # Doubled letters: the bookkeeper's committee in Mississippi.
        "The bookkeeper told the committee about the trip to Mississippi.",
        # Brackets: a sad face, a word bracketed, a note in brackets.
        "so sad :( see you tomorrow",
        "The meeting (about the roster) ran late.",
        "Bring your friend(s) to the hāngī.",
        # "affect" as a verb, and as everyday mix-ups of it.
        "The cold can affect her knees on the walk.",
        "Will the wet weather affect the game on Saturday?",
        "Strange how the moon can affect people.",
        "The new dampers had a stable affect on the footbridge sway.",
        "The new tax rules come into full affect from 1 April.",
        # Wanting, but not a person's faculty; one's own.
        "The paddock has poor boundaries fencing on the east side.",
        "Impaired coping stones on the retaining wall need replacing.",
        "Limited reflective capacity on the old road signs, so they are being replaced.",
        "Reduced Insight licences next year, only five seats.",
        "I know my poor coping shows some days.",
        # Invisible friends and others unseen in a game; risk in a notice.
        "The kids were talking to unseen friends in the garden game.",
        "DOC report on whales reacting to external stimuli like ship noise.",
        # NOS and Axis as everyday words.
        "Kia ora to the NOS box crew.",
        "Axis 2 of the chart shows sales by month.",
        "Axis II: Temperature, on the right-hand side of the chart.",
        "Line item: LED-NOS, 40 units of new old stock bulbs.",
        "The Axis powers lost the war in 1945.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
