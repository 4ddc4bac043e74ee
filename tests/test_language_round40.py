"""Round forty's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Appointments not attended, counted in the clinic's capitals.
        ("Second DNA this month, so the nurse will ring Hemi.", "Second DNA"),
        ("He DNA'd the Tuesday slot again.", "DNA'd"),
        # A measured intelligence quotient.
        ("The old file puts his FSIQ of 71 in every letter.", "FSIQ of 71"),
        # Opioid substitution as a service names it.
        ("Moana started OST in March and walks to the chemist each day.", "started OST"),
        # A count, then the chart's times a day.
        ("Two TDS with food, the label says.", "Two TDS"),
        # Voices marked present with the mark first.
        ("Referral lists him as +VH since the weekend.", "VH"),
        # A triage scale by its name.
        ("ATS 2 on arrival at Middlemore.", "ATS 2"),
        # Held on another country's form.
        ("She was placed on a Form 3 in Melbourne.", "placed on a Form 3"),
        # A service's gate, by its threshold.
        ("Letter says he didn't meet threshold for support.", "didn't meet threshold"),
        # Said as it sounds, and one letter off.
        ("Don't mind him, he's a nuttah.", "nuttah"),
        ("She says they secitoned her last year.", "secitoned"),
        # Conditions by a colloquial, a British or an old name; labels clipped or punned.
        ("Her GP wrote dermatillomania on the form.", "dermatillomania"),
        ("The report mentions a personality difficulty.", "personality difficulty"),
        ("The letter calls her a dry alco.", "alco"),
        ("Stop calling him a tard.", "tard"),
        # A service's words for wanting, coping and accepting.
        ("Noted amotivation at the review.", "amotivation"),
        ("The report says he is refusing services again.", "refusing services"),
        ("Worker says she is outside her window of tolerance.", "window of tolerance"),
        # A sense's words in another clause, or of someone's own: the label stays.
        ("He was sectioned after a fight, the whānau are selling the paddock.", "sectioned"),
        ("Her relapse after the bladder infection was hard on everyone.", "relapse"),
        # A question after a comma has no thing for its subject.
        ("Someone left the milk out, was it the bulimic one?", "bulimic"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A DNA test, a soundtrack, a listing's bedrooms, a school's Form 1.
        "The third DNA test came back from the lab.",
        "The OST of that film is on repeat in the car.",
        "2 BD flat in Mt Eden, close to the bus.",
        "He was in a Form 1 class at Rutherford.",
        # A building, a fundraiser or an application short of a threshold.
        "The house didn't meet the threshold for the subsidy.",
        "The fundraiser didn't meet threshold.",
        "Sadly our application does not meet threshold for funding.",
        # A Blu-ray, a battery's amp-hours, a school's Form 1 team, an awareness week, a drink, a snitch.
        "Grab one BD player at the Warehouse.",
        "The battery rating is 20 +AH on the packaging.",
        "She was placed on a Form 1 sports team.",
        "Cat 2 mental health week events are on at school.",
        "The alco pops are in the chilly bin.",
        "Don't be a narc, just let him have the lollies.",
        "The non-attenders at the hui will get the minutes by email.",
        # Everyday senses of this round: cows, a cat's bladder, bacteria, cladding, a mare, a beer, a market,
        # a bird, a car, land, flax, a band.
        "The cows stopped ruminating after the maize change, then chewed their cud again.",
        "The cat had a relapse of her bladder crystals after the diet change.",
        "The staph was resistant to flucloxacillin, so the doctor changed the antibiotic.",
        "The unit's cladding is non-compliant with clause E2.",
        "TPR obs on the mare every four hours, ring the vet if she goes quiet.",
        "Six Delirium Tremens glasses with the pink elephant logo, never used.",
        "Friday's manic sell-off on the NZX50 was one fund rebalancing.",
        "The Arctic tern is a bipolar species, seen at both ends of the planet.",
        "New ECT sensor and fresh tyres, WOF till December.",
        "The old market garden has been sectioned into 600 m² lots.",
        "Splitting the old flax clumps in autumn keeps them vigorous.",
        "Catatonia's International Velvet still sounds good on the car radio, the singles especially.",
        # Sounds and letters that are ordinary words.
        "The boat's rudder broke on the way to Motuihe.",
        "We bought a sectional couch on Trade Me.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
