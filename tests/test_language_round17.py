"""The seventeenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A label starred out in its middle, however many stars.
        ("Cousin says she has b*****r, don't tell Nan.", "b*****r"),
        ("He reckons his dad is ps****tic again.", "ps****tic"),
        ("Texted: my a******c sister won't eat.", "a******c"),
        # "$" starting a word whose other letters are symbols too.
        ("He typed $u!c!d@l into the chat.", "$u!c!d@l"),
        ("She wrote $ch!z0 on the wall.", "$ch!z0"),
        # Middle dots and hyphenation points between syllables.
        ("Keep my de·pres·sion off the board.", "de·pres·sion"),
        ("Dad's ma‧nic again, Mum says.", "ma‧nic"),
        # Turned, reversed and stroked letters no normal form folds.
        ("Her ɐnorexia is back, her sister says.", "ɐnorexia"),
        ("Typed it as psychøsis in the group chat.", "psychøsis"),
        ("He wrote bipołar on the form.", "bipołar"),
        ("My mum's dəmentia is worse.", "dəmentia"),
        # Medicines hidden: a guest may name them, no one hides them.
        ("Back on cl0zap1ne, he says.", "cl0zap1ne"),
        ("On ant1depressants since June.", "ant1depressants"),
        # Names and service talk the earlier rounds did not list.
        ("Shell shock, the old family letters say.", "Shell shock"),
        ("History of polysubstance misuse per the letter.", "polysubstance misuse"),
        ("Ketamine dependence, per the GP.", "Ketamine dependence"),
        ("Old file says dysmorphophobia.", "dysmorphophobia"),
        ("Said the depresh is lifting.", "depresh"),
        ("Has decisional capacity for the plan, the reg wrote.", "decisional capacity"),
        ("Risk acutely elevated on Sunday.", "acutely elevated"),
        ("Notes describe idealising and devaluing the staff.", "idealising and devaluing"),
        ("Affective lability through the week.", "Affective lability"),
        ("Came from the locked ward on Friday.", "locked ward"),
        ("Ring the care co-ordinator on Monday.", "care co-ordinator"),
        ("Urine drug screen clear at the ED.", "Urine drug screen"),
        ("Her EPDS was high at the clinic.", "EPDS"),
        ("SRA completed at 0900.", "SRA"),
        ("RoSH low per probation.", "RoSH"),
        # Two capitals beside a finding are shorthand, not initials.
        ("Overnight: nil AH, slept well.", "nil AH"),
        ("VH reported after midnight.", "VH reported"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Starred swearing is not a label, and a starred word showing too little is nothing.
        "What a f***ing day, the bus never came.",
        "He said b*****d under his breath at the ref.",
        "That's d******d, the kids said about the ad.",
        "The p***y cat got into the pantry.",
        "s***t, forgot the milk",
        "Oh s***, the bus.",
        # Money and exclamations are not letters.
        "It was $5!! at the market.",
        "$$$ for the raffle.",
        # Dots between words, and names with stroked letters, are everyday.
        "Kai · karakia · waiata at six.",
        "Søren and Łukasz came for tea.",
        # Medicines named plainly are the guest's own words.
        "Back on lithium and feeling steadier.",
        "She takes her antidepressants with breakfast.",
        # Initials are someone; everyday senses stay.
        "AH had lunch with VH.",
        "Ah, reported it already.",
        "Rosh Hashanah dinner with the neighbours.",
        "The new ERP system goes live at work.",
        "We went to Edinburgh in the summer.",
        "The bipolar electrolytic capacitors arrived for the amp.",
        "The chatbot's answer was a confident hallucination about a book.",
        "Signed up for PD at work on spreadsheets.",
        "Put the TOC after the abstract in the thesis.",
        "He sectioned the stem and put the slide under the microscope.",
        "Dissociation of hydrogen on the catalyst surface.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []
