"""The twenty-sixth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Dependence on or withdrawal from a substance, as a clinic names it.
        ("Referral says ketamine dependence, keen to cut down.", "ketamine dependence"),
        ("Opioid withdrawal last time, so the GP is involved.", "Opioid withdrawal"),
        # How well someone tells their story, graded.
        ("The letter calls him an unreliable historian.", "unreliable historian"),
        # An old manual's code given for someone.
        ("The file from Sydney codes her as 296.33, whatever that means.", "296.33"),
        # A dose with how many; discharged as the chart writes it; the police's sections.
        ("On 50mg x2 at night since the ward.", "50mg x2"),
        ("D/C'd home on Friday with the team following up.", "D/C'd"),
        ("Three s110s this year, per the police.", "s110s"),
        # A medicine clipped after its dose, or stopped; lithium and midazolam clipped too.
        ("Takes 200 quet at night.", "quet"),
        ("She's off the zopi now.", "zopi"),
        ("He stopped his lith a month ago.", "lith"),
        ("Given 5mg midaz by the ambos.", "midaz"),
        # Voices or visions queried in capitals.
        ("Talking to the corner again (AH?), stayed with her.", "AH?"),
        # A capital I for an l; look-alike letters whoever writes them; two letters swapped.
        ("Her bio says BorderIine in big letters.", "BorderIine"),
        ("my ραrαnοid flatmate again", "ραrαnοid"),
        ("The shcizo from the bus stop is back.", "shcizo"),
        # Labels and service words of the writers this round was tuned on.
        ("Developmentally delayed as a child, his mum says.", "Developmentally delayed"),
        ("The report mentions criminogenic needs.", "criminogenic needs"),
        ("Laughing, responding to unseen stimuli overnight.", "responding to unseen stimuli"),
        ("She did the PHQ at the medical centre.", "PHQ"),
        # A medicine for the mind with its dose, as a chart lists it; the hospital's liaison team.
        ("Three days into sertraline 50mg and feeling flat.", "sertraline 50mg"),
        ("Seen by ED liaison before discharge.", "ED liaison"),
        ("C-L consult on ward 9 this morning.", "C-L consult"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # An insult at a driver; a train; a teacher with a class.
        "Some moron parked across the driveway again.",
        "The train derailment is all over the news.",
        "She has good rapport with the kids at kōhanga.",
        # Names and a shop's code; a capital I in a name; a drawn-out word of one's own.
        "McIntyre and DeIonte came round for a feed.",
        "I was sooo paranoiiid about the exam.",
        "Ana and Mia came for tea.",
        # Everyday senses the last round's unseen part flagged.
        "Josh works in compliance at the bank.",
        "Recipe card on the fridge: ADD 2 CUPS FLOUR, THEN THE BUTTER",
        "Oil's around 78 US a barrel and the new field is meant to do 40,000 bpd",
        # Her own medicine, in her own words; a medicine that is no medicine for the mind.
        "I'm on sertraline 50mg and it's helping.",
        "Two paracetamol 500mg for the headache.",
        # A price and a code of no one.
        "The bill came to 300.02 with the tip.",
        "Section 2 of the form, code 296, is the postcode bit.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
