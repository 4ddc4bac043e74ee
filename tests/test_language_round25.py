"""The twenty-fifth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A medicine for the mind clipped by the chart: long clips alone, short ones as a dose or someone's.
        ("Gave the clonaz at 2100, settled after.", "clonaz"),
        ("Back on sertra since the ward.", "sertra"),
        ("quet 25 at night, she asked for it early", "quet"),
        ("His arip was late from the chemist.", "arip"),
        ("Refused zop again, made a milo instead.", "zop"),
        ("Stat IM olanz on the ward per the letter.", "olanz"),
        # When a medicine is given, written on its own.
        ("The qds ones are in the top drawer.", "qds"),
        # Voices and visions in capitals where a note puts them.
        ("Said the CAH were worse after the phone call.", "CAH"),
        ("Having VH again overnight, rang the team.", "VH"),
        ("AH louder tonight per her.", "AH"),
        ("Still hearing VH at night, she says.", "VH"),
        # A faculty of the mind named as lacking or unsteady; a presentation summed up; status and routes.
        ("The letter talks about cognitive deficits since the accident.", "cognitive deficits"),
        ("Report says marked affective instability.", "affective instability"),
        ("OT wrote poor impulse control at meals.", "poor impulse control"),
        ("Discharge summary: psychotic presentation, now settled.", "psychotic presentation"),
        ("Came in as an informal patient last year.", "informal patient"),
        ("They put her on the clinical pathway.", "clinical pathway"),
        ("The certificate says a danger to himself.", "danger to himself"),
        ("Twice-daily risk monitoring, per the team.", "risk monitoring"),
        ("Referred for a forensic bed, none free.", "forensic bed"),
        ("Social worker questioned her capacity to parent.", "capacity to parent"),
        # Run in with other words; named by its Greek; a verb made from a label.
        ("The kids at school called him totesschizo.", "totesschizo"),
        ("#bipolarwarrior on her profile again", "bipolarwarrior"),
        ("Her file says nosophobia.", "nosophobia"),
        ("He's been psychosing since Tuesday, his sister said.", "psychosing"),
        # Two capitals listed with a diagnosis; a diagnosis's abbreviation in its capitals.
        ("Lives with LD and autism, loves waka ama.", "LD"),
        ("The GP letter says SMI, nothing else.", "SMI"),
        ("Assessment mentions RSD and nothing about mahi.", "RSD"),
        ("The Sx started after the move.", "Sx"),
        # The chart's capitals where what follows says what they are.
        ("She said she was SI last night but is safe now.", "SI"),
        ("MA use most days per the referrer.", "MA"),
        ("On a 1:1 at the unit since Friday.", "On a 1:1"),
        ("Her depot is due on Thursday.", "Her depot"),
        ("s16 hearing set for next week.", "s16 hearing"),
        # A note's own word for what is seen: what is seen comes after "of".
        ("Reports VH of dogs in the corridor.", "VH"),
        # An episode that is no show's: the name before it stays found.
        ("History of Cotard's during a psychotic episode.", "Cotard's"),
        # A sound-alike written by ear.
        ("Her nan says she's bye polar.", "bye polar"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Words and names that begin as a medicine does; a dose of nothing.
        "The zop zop sound of the jandals on the deck.",
        "Esci is coming round for kai.",
        "We saw a quetzal at the zoo.",
        "Olanzapine is the one she takes, she said.",
        # Water and football; a car; an exclamation; a unit.
        "TDS reading of the tank water was 140 ppm.",
        "His VH Commodore is up on blocks again.",
        "AH, that's where the keys went!",
        "AH and VH went to the beach.",
        "Cooked for AH and had AH round again on Sunday.",
        "The SI unit of force is the newton.",
        # A thing's deficit or instability, a dish's presentation, a club's status, a river's watch.
        "The budget deficit is in the news again.",
        "A hearing impairment loop is fitted in the hall.",
        "The school presentation is on Friday at 10.",
        "Capacity to care for 40 children at the new daycare.",
        "The council has capacity to manage the hall bookings.",
        "Forensic accounting found the missing money.",
        # Phobias of prejudice, of small rooms, of water in chemistry.
        "That comment was homophobic, so we had a kōrero about it.",
        "I'm a bit claustrophobic in lifts.",
        "The jacket has a hydrophobic coating.",
        # A mind-word that is a discipline; a medicine against; a film.
        "She's studying neuropsychology at Vic.",
        "Antipsychotics are on the shelf at the chemist, the pharmacist said.",
        "We watched American Psycho on Friday.",
        # Everyday senses the last round's unseen part flagged.
        "The vet nurse used bipolar forceps on the cat.",
        "Crypto mania is back at the dairy.",
        "The council wants an EIS before the motorway goes through.",
        "Ham radio club chasing DX contacts from the Chathams.",
        "Optometrist measured his PD for the new glasses.",
        "The provider's compliance fees went up again.",
        "The agronomist called it a borderline crop.",
        "ME/CFS made the course load hard this term.",
        # Psyched up for a game; a 1:1 with a manager; a bus depot.
        "The team is psyched up for the final.",
        "On a 1:1 call with my manager at 10.",
        "The bus drivers at her depot are on strike.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Capitals no list knows, beside a finding in the same sentence, are its shorthand too.
        ("Pt found by flatmate, GCS 14, NKDA, Hx OD x2.", ["Pt", "GCS 14", "NKDA", "Hx", "OD"]),
        ("Dx schizophrenia, NKDA, EWS 2 on arrival.", ["Dx", "schizophrenia", "NKDA", "EWS"]),
        ("Dx schizophrenia, booked for the OPA next week.", ["Dx", "schizophrenia", "OPA"]),
        ("Bipolar disorder noted, DBT group waitlist at the clinic.", ["Bipolar disorder", "DBT"]),
        # Not past the sentence's end; not a service's or an agency's own name, nor the body's.
        ("Bipolar disorder noted. DBT group waitlist at the clinic.", ["Bipolar disorder"]),
        ("Reactive attachment disorder noted in his CYFS file.", ["Reactive attachment disorder"]),
        ("Dx bipolar, UTI last month, AOD worker visiting.", ["Dx", "bipolar"]),
        # Two capitals may be someone's initials: left alone even beside one.
        ("On a CTO, seen by the PES reg, plan RV with the KW.", ["On a CTO", "PES reg"]),
        # Everyday capitals stay everyday beside one: a place, a benefit, the time, a drug's street name.
        ("Dx bipolar, lives in AKL, on WINZ, ETA 3pm.", ["Dx", "bipolar"]),
        ("Harmful use of MDMA at the festival.", ["Harmful use"]),
        # A sentence with no finding gains none; nor does the next sentence from the one before.
        ("Took the kids to MOTAT then KFC. Dx is bipolar.", ["Dx is bipolar"]),
        ("Dx is bipolar. Took the kids to MOTAT then to the ASB branch.", ["Dx is bipolar"]),
        # Shouting says nothing.
        ("DX BIPOLAR PER GP LETTER", ["DX", "BIPOLAR"]),
    ],
)
def test_shorthand_beside_a_finding(language_check: LanguageCheck, text: str, expected: list[str]) -> None:
    assert flagged(language_check, text) == expected
