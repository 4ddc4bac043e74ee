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
        # A scale out of its most.
        ("Rest home says her AMTS 6/10 this morning.", "AMTS 6/10"),
        # "MH" before what a note says of someone; a crisis plan.
        ("Keyworker and Hine updated her crisis safety plan today.", "safety plan"),
        ("Police note: he had an MH episode at work.", "MH episode"),
        # The service's adjective said of the person.
        ("She's escalating, give her some space.", "She's escalating"),
        # Abbreviations run in with a tag's tail; a short label with a consonant written twice.
        ("her ocdtok feed is all cleaning videos", "ocdtok"),
        ("my mate called him a pssycho for no reason", "pssycho"),
        # Old labels, slurs spelt as they sound, listed jargon.
        ("The 1970s file calls him mentally defective.", "mentally defective"),
        ("Kids at the bus stop were yelling physco at him.", "physco"),
        ("Letter says he has a mild ID and needs support at interviews.", "mild ID"),
        ("Insurer says her symptom burden is high.", "symptom burden"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A bus depot; a courier's depot; a spreadsheet's tabs; a date; a Holden; a manhole.
        "The bus is on the depot road, near the yard.",
        "He's on a depot contract with NZ Post until Christmas.",
        "Left the BD tabs open on the office laptop.",
        "Lease review 3/12 with the property manager at 10am.",
        "Parts for the VH of 1981 are hard to find now.",
        "MH flag is marked on the council drainage plan where the manhole is.",
        "FU with the landlord about the leaking gutter.",
        "Rainfall has been subnormal in Canterbury since March.",
        "Climate crisis presentation at the library on Thursday.",
        "Severe and enduring drought has hit Hawke's Bay farmers.",
        "Our house is on the at-risk register for landslips.",
        "Safety plan completed for the working bee: hi-vis vests and gloves.",
        "Drop the parcel off at the depot on Friday.",
        "He's escalating the complaint to the Ombudsman.",
        "They're behavioural economists at Treasury.",
        "The wharekai is a bit acoustic when it's empty, bring cushions.",
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


def test_a_sense_of_several_words_applies(language_check: LanguageCheck) -> None:
    """A sense named with spaces ("abc chart") is looked up as a finding's words are joined."""
    assert flagged(language_check, "The ABC chart on the kindy wall, letters for the tamariki.") == []
    assert flagged(language_check, "Staff filled in the ABC chart after the incident.") == ["ABC chart"]
