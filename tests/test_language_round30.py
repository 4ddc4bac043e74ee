"""The thirtieth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A medicine for the mind named with its dose, then when it is given (no horse's mane).
        ("GP started her on Ritalin 10 mane from Monday.", "Ritalin 10"),
        # A depot someone is on or off; when they are given, then the medicines.
        ("Whānau say he's been off his depot since June.", "off his depot"),
        # Review in a fraction of a year; a scale out of its most; visions of something.
        ("Psych to RV 6/12, sooner if needed.", "6/12"),
        ("Rest home says her AMTS 6/10 this morning.", "AMTS 6/10"),
        ("VH of spiders on the ceiling again overnight.", "VH"),
        # "MH" before what a note says of someone; the chart's FU.
        ("Police note: MH concerns, taken to ED.", "MH concerns"),
        ("FU with the team on Thursday.", "FU with"),
        # The service's adjective said of the person; a joke's word for autistic.
        ("She's escalating, give her some space.", "She's escalating"),
        ("Honestly I'm so acoustic, the mall was too much.", "so acoustic"),
        # Abbreviations run in with a tag's tail; a short label with a consonant written twice.
        ("her ocdtok feed is all cleaning videos", "ocdtok"),
        ("my mate called him a pssycho for no reason", "pssycho"),
        # Old labels, slurs spelt as they sound, listed jargon.
        ("The 1970s file calls him mentally defective.", "mentally defective"),
        ("Kids at the bus stop were yelling physco at him.", "physco"),
        ("Letter says he has a mild ID and needs support at interviews.", "mild ID"),
        ("Insurer says her symptom burden is high.", "symptom burden"),
        ("Prison has him on the at-risk register this week.", "at-risk register"),
        ("Student's safety plan completed with the counsellor.", "safety plan completed"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A bus depot; a guest's own medicine; a complaint escalated; economists; music.
        "The bus is on the depot road, near the yard.",
        "Drop the parcel off at the depot on Friday.",
        "He's escalating the complaint to the Ombudsman.",
        "They're behavioural economists at Treasury.",
        "I'm a bit acoustic tonight, just me and the guitar.",
        "It was a very acoustic set at the Tuning Fork.",
        # Te reo's long vowel written twice; weather below the usual.
        "Maania te papa i te ua.",
        "Subnormal temperatures this week, frost on the lawn.",
        # A building site's safety plan; initials; a shouted verb.
        "Safety plan completed for the event on Saturday.",
        "MH and VH went to the beach.",
        "DID you take the bins out?? truck comes at 6",
        # Periodic detention, a term deposit, a drench's make-up, a chemist's complexes, a quiet place.
        "He did PD on Saturdays back in the 90s, periodic detention.",
        "Rolled the TD over at the bank for another 6 months.",
        "New formulation of the lamb drench, read the label first.",
        "Labile metal complexes, from today's chem lecture.",
        "Loved the seclusion of the bach at Purakaunui.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
