"""Round forty-one's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A faculty someone lacks, as a report says it.
        ("The summary says Hemi lacks resilience, which made his nan laugh.", "lacks resilience"),
        ("Case notes: poor consequential thinking again.", "poor consequential thinking"),
        # "wrote that <name>": the name is a person, not a thing.
        ("The worker wrote that Sina lacks motivation, after one visit.", "lacks motivation"),
        # Risk under its heading.
        ("Handover sheet, risk: low-mod, nothing else.", "risk: low-mod"),
        # A triage's priority put on someone.
        ("The nurse put Tui down as P1 and rang the team.", "put Tui down as P1"),
        # Harm played down, as a report says.
        ("The report says he minimises his drinking.", "minimises his drinking"),
        # Written up in an exam's words, by name.
        ("The assessor described Mereana as hypervigilant.", "described Mereana as hypervigilant"),
        # A case presentation's age and sex.
        ("Referral: a 34F with two kids, new to Porirua.", "34F"),
        # Scales with a score.
        ("Brøset 2 at midnight, settled by morning.", "Brøset 2"),
        # A clinic's and a case manager's words.
        ("GP letter: worried well, reassured.", "worried well"),
        ("The plan calls him not work-ready.", "not work-ready"),
        # A clinical acronym spelt out clinically stays flagged, and so do its words; and letters someone has
        # or is stay a label, whatever plain words a bracket dresses them in.
        ("She was told she has borderline personality disorder (BPD).", "BPD"),
        ("He has BPD (Big Positive Drive) according to his file.", "BPD"),
        ("Hemi's OCD is worse; we also fixed the OpenOCD (Open On-Chip Debugger) config.", "OCD"),
        # A label someone owns, whatever everyday words are near; grandiose plans are a person's.
        ("Her mania got worse after the sharemarket crash.", "mania"),
        ("Grandiose plans to buy the whole street with a lotto win.", "Grandiose"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Acronyms the line spells out as plain words.
        "Partial discharge (PD) readings on the switchgear came back high.",
        "Eddy current testing (ECT) found a crack in the hub.",
        "The Department of Conservation (DOC) hut is booked.",
        "Meet at the PTSD (Pōneke Tramping and Social Division) clubrooms.",
        # Risks, priorities and harm of things.
        "Fire risk: high today, no open fires.",
        "Earthquake risk: moderate in Wellington, the council says.",
        "The hurricane was marked Cat 5 by the forecasters.",
        "Put Sina down as P2 on the roster for the carpark.",
        "She is minimising her use of plastic this month.",
        "Good traffic calming minimises the harm from speeding.",
        "She described Tama as elated about the baby.",
        "The council is not ready to engage with the hapū yet.",
        "We minimised the risk of flooding with new drains.",
        "The project lacked motivation after the funding cut.",
        # Sizes, money and grants are no one's age and sex.
        "We won a 10M grant for the marae.",
        "He drives a 4M truck for work.",
        # Everyday senses of this round: markets, currencies, mites, rivers, an organ, a pitch, chess, a horse,
        # software, a model, a parser, a company, a roof, the sun, the weather, a time zone, a band.
        "Railway mania, 1845: the chart never changes.",
        "The kiwi has been resistant at 61 US cents for a third session.",
        "Varroa is becoming resistant to the strips left in too long.",
        "Anomalies are measured against a 1991 to 2020 baseline of temperatures.",
        "Roll off everything below 80 Hz or the organ sounds psychotic through the PA.",
        "Groundstaff are filling a depression just short of a length.",
        "The Grob is a grandiose opening that rarely survives.",
        "The knight is splitting the rooks: a textbook fork.",
        "The old gelding's heart has decompensated.",
        "Fixed a bug where the sync could enter a manic retry loop.",
        "Strict RFC-compliant CSV parsing is now the default.",
        "The roof needs GAF shingles on indent.",
        "Sunspots come in bipolar pairs.",
        "Obs from the island had 45 knots gusting 60 by dawn.",
        "Maintenance begins at 2 a.m. MDT, 9 p.m. in Auckland.",
        'Catatonia\'s "International Velvet" was donated to the library.',
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
