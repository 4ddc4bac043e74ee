"""Rounds thirty-six to thirty-eight's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A medicine taken at the chart's times, the medicine unsaid.
        ("Hemi has his nocte with a cup of Milo.", "has his nocte"),
        ("Sione takes them BD, he set an alarm on his phone.", "takes them BD"),
        # Kept steady by medicines, as a letter says.
        ("Letter from the team: settled on his current depot.", "settled on his current depot"),
        # A withdrawal scale done or scored.
        ("CIWA 14 at handover, shaky hands.", "CIWA 14"),
        # A 2 written for a z.
        ("Someone keyed 'skit2o' into the car door.", "skit2o"),
        # A service's and other countries' words.
        ("The GP wondered about a functional overlay.", "functional overlay"),
        ("Her cousin says she was Baker Acted twice in Miami.", "Baker Acted"),
        ("Two inpt admissions last year, per the letter.", "inpt"),
        # Round 37: a test by its edition, with what it found; a report's and a rest home's words.
        ("His WISC-V results were sent to the school.", "WISC-V"),
        ("The ADOS-2 testing is booked for March.", "ADOS-2"),
        ("Kahu's CELF-5 came back low.", "CELF-5"),
        ("The rest home calls Nana an elopement risk.", "elopement risk"),
        ("Night note: not contracting for safety.", "not contracting for safety"),
        ("She has been drug-seeking behaviour free for a month, the GP wrote.", "drug-seeking behaviour"),
        # A capitalised label before a name or a letter's capitals is still a label.
        ("Psychotic Tama at lunch again.", "Psychotic"),
        ("Known Schizophrenic Man, 45, brought in by Police.", "Schizophrenic"),
        ("Diagnosis: Paranoid Schizophrenia.", "Paranoid Schizophrenia"),
        # Round 38: a diagnosis's capitals shuffled or with one twice; someone escalating or deteriorating;
        # a service's gate; a family drawn too close; other services' words.
        ("Her cousin reckons she has PSTD from the crash.", "PSTD"),
        ("Teacher says he has ADDHD and can't sit still.", "ADDHD"),
        ("The caller was escalating before the line dropped.", "escalating"),
        ("He'd been deteriorating since the move, his sister said.", "deteriorating"),
        ("The crisis team said she doesn't meet criteria.", "doesn't meet criteria"),
        ("The report calls him enmeshed with his mum.", "enmeshed with his mum"),
        ("The old form said acopia.", "acopia"),
        # A label everyday alone, cut by a hyphen where no words meet: hidden, whoever writes it.
        ("The note said she was para-noid about the car outside.", "para-noid"),
        ("I felt para-noid all day.", "para-noid"),
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
        # Round 37: editions of other things; an animal's or a plant's illness; a streamer's and a programmer's tools.
        "The COVID-19 results came back negative for the whole whānau.",
        "Grandad's MIG-21 model kit is on the shelf.",
        "Tama's PS-5 is broken again.",
        "Kia ora team, the RTX-4 benchmark scores are up on the Teams channel.",
        "NCEA-2 results came out this morning.",
        # Round 37's attack: a farm's, a sport's, a fund's and a fire season's words.
        "To-do: COWS done, calves fed, check the trough.",
        "Front Ax done, rear one next week when the parts arrive.",
        "Fire risk low/low/mod for Tuesday to Thursday.",
        "Tama has his stat sheet from Saturday's game.",
        "The mare has her mane plaited for the show.",
        "The fish tank is stable on the current dose of water conditioner.",
        "We're not contracting for safety audits this year.",
        "The beagle at the airport is their best drug seeker.",
        "The ball was border-line out, but the ref let it go.",
        "The baker acted fast when the oven caught fire.",
        # A capitalised label named with a capitalised noun: a song's, a band's name.
        "Radiohead's Paranoid Android is on the playlist.",
        "King Crimson's 21st Century Schizoid Man opens with a heavy riff.",
        # Round 38: a thing deteriorating or escalating, a house's criteria, a heart's depression.
        "The roads have been deteriorating for weeks.",
        "Costs were escalating for months.",
        "The house didn't meet criteria for the subsidy.",
        "ST depression on the ECG means cardiology will review him.",
        "Stand-up has moved to 9am MDT because half the dev team is in Denver.",
        "The cat's gone AWOL again, probably under the deck.",
        "Surveyors remeasured the baseline after the earthquake.",
        # Round 38's attack: switches, codes and plates; grants' criteria; firms, vines and cords enmeshed.
        "Flip the SPDT switch on the left before you power up the pump.",
        "His personalised plate says DHDA, no idea what it stands for.",
        "Guest wifi is HADD-GUEST, password is on the fridge.",
        "Our club didn't meet the entry criteria for the regional sports grant.",
        "Our school doesn't meet the criteria for the lunch programme funding.",
        "His business is enmeshed with his father's old firm.",
        "The company's finances were enmeshed with the family trust.",
        "The angle on that cut is not acute enough for the mitre joint.",
        "Bro my gaming addiction is real, played FIFA till 3am.",
        "The vet said the heifer was anorexic and running a temperature.",
        "This treatment-resistant black spot has wrecked my roses.",
        "OBS keeps crashing every time I add my webcam as a source.",
        "Our DAO layer in the Java app needs refactoring.",
        "The school's SIS crashed, so attendance is on paper today.",
        "She has been on anti-psychotics for years, she says.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
