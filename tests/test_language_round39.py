"""Round thirty-nine's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Letters said one by one, an "a" or an "i" hyphened in among them.
        ("Honestly he's so a-dee-aitch-dee, can't sit still in church.", "a-dee-aitch-dee"),
        # A diagnosis's capitals shuffled, said of someone who "is" them.
        ("Ignore him, he is DHDA when the footy's on.", "DHDA"),
        # Risk to others or self with its level, a verb between or the level first.
        ("Handover: RTS was moderate, settled by midnight.", "RTS was moderate"),
        ("Low RTO and RTS at review.", "Low RTO"),
        # A triage's code or category.
        ("Caller given triage category B by the phone nurse.", "triage category B"),
        ("Triaged as 2, seen within the hour.", "Triaged as 2"),
        ("Ambulance logged him as Category 3 mental health.", "Category 3 mental health"),
        # Eye contact graded, and rapport marked.
        ("E/C fleeting throughout, sat by the door.", "E/C fleeting"),
        ("Poor EC, answered in single words.", "Poor EC"),
        ("Rapport ++ with the new kaimahi.", "Rapport ++"),
        # The service's adjective said of someone's kin.
        ("Her son was escalating since the power went off.", "Her son was escalating"),
        # Kept steady by medicines, with no one named.
        ("Review: settled on current medication.", "settled on current medication"),
        # Moved up a service's levels of care.
        ("Tuesday she was stepped up to the crisis team.", "was stepped up to the crisis"),
        # A long stay named by the adjective alone, and a form's class.
        ("The old notes call him a chronic, nothing else.", "a chronic"),
        ("He was assessed as high-needs by the NASC.", "assessed as high-needs"),
        # A service's words for someone who stays away, their capacity, their problems.
        ("The discharge letter calls Rawiri a poor engager.", "poor engager"),
        ("Hemi was found lacking capacity by the second doctor.", "lacking capacity"),
        ("A referral for co-existing problems went in on Friday.", "co-existing problems"),
        # "Called her ...": a label put on a person, not a title, whatever is read after.
        ("The report called him Psycho and he read it twice.", "Psycho"),
        # A name after a verb of saying is who the label is said of, not a thing.
        ("Everyone at the marae reckons Mikey is schizo now.", "schizo"),
        # Still a named condition: one surname before the "'s", or two had by someone.
        ("The letter says Tourette's Disorder, not tics.", "Tourette's Disorder"),
        ("Nana has Charles Bonnet's Syndrome and sees faces at night.", "Charles Bonnet's Syndrome"),
        # Someone's own condition, whatever everyday words are near.
        ("Her depression deepened once the ice on the roads kept her home.", "depression"),
        # A word of a sense across a clause's end is no sense of it.
        ("He decompensated, heart rate up, pacing.", "decompensated"),
        # Said of someone, by what they have or are.
        ("Mental state NAD, she takes vitamin D.", "NAD"),
        ("He has ASD, obsessed with his router.", "ASD"),
        # Section 30 of the Mental Health Act itself.
        ("Papers say Section 30 of the Mental Health Act.", "Section 30"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A band's or a singer's song by a two-word name.
        "Joy Division's Disorder still sounds fresh on the old vinyl.",
        # A time zone after a clock's time.
        "The webinar starts at 10am MDT, so 5am for us.",
        "Kick-off is 7:30 MDT in Denver.",
        # Hyphened words that are no letters said.
        "Got an a-ok from the landlord about the cat.",
        # Codes that happen to share letters, not said of anyone.
        "The gate code is HDAD.",
        # Not risk, nor a triage, nor eye contact.
        "The low RTO airline lost my bag.",
        "Triage 3 things on the list before lunch.",
        "Can you triage a few emails for me?",
        "The EC is good at making rules for Europe.",
        # A situation, not a person, escalating; a bid from someone.
        "The situation with her son is escalating at school.",
        "The bid from my brother was escalating and we lost the auction.",
        # Codes and names of things, "is" the letters.
        "My call sign is PSTD in the ham radio club.",
        "His Twitch handle is real DHDA.",
        # Other risks, triages, eye contacts and rapports.
        "Courier said RTO was high because nobody was home.",
        "The RTO is low-cost and NZQA registered.",
        "The vet put our dog on triage code C.",
        "Cat 2 mental health first aid course is on Saturday.",
        "Soil EC was poor so we added compost.",
        "Our sparky is a good EC, registered and cheap.",
        "Rapport - the new cafe on Cuba St - is worth a look.",
        "Great session, rapport+ with the buyer, sale closed.",
        # Steady on a regime, stepping up, a chronic, high needs, capacity: of things, plants and bodies.
        "His diabetes is settled on current meds.",
        "Tomatoes stable on current regime of seaweed feed.",
        "She stepped up to the specialist team at work.",
        "The leaky tap is a chronic and a half.",
        "The lamb was listed as high needs by the farmer.",
        "The app lacked capacity on launch day.",
        "There are co-existing problems with the drainage.",
        "Two community engagers came round for the census.",
        # Stepping up in the everyday sense, a chronic thing.
        "Moana stepped up to the plate when the coach was sick.",
        "It's a chronic shortage of houses in Tauranga.",
        "The puppy is high needs, the breeder warned us.",
        # Another Act's section.
        "Section 30 of the Resource Management Act sets out what councils do.",
        # Everyday senses of this round: science, a failing heart, a supplement, the weather, a power account,
        # a cyber agency.
        "Freezing-point depression is why salt melts the ice on the path.",
        "Dad was in decompensated heart failure when the ambulance came.",
        "The chemist sells NAD+ supplements but says the evidence is thin.",
        "The weather obs from the Chateau showed minus six and strong wind.",
        "Send the LOA so the power company can switch the account.",
        "The ASD warned about a flaw in home routers.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
