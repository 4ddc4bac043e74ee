"""The tenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A word left to the guest, graded by how staff track a label.
        ("Deemed paranoid by the last team.", "paranoid"),
        ("She was labelled borderline at nineteen.", "borderline"),
        ("He is thought to be obsessive about the dishes.", "obsessive"),
        ("Known to be self-harming at night.", "self-harming"),
        # Shorthand marked present or absent.
        ("VH++ this morning, settled by lunch.", "VH++"),
        ("Nurse says SI -ve, plan to review.", "SI -ve"),
        ("Letter: HI neg.", "HI neg"),
        ("Referral reads AH pos.", "AH pos"),
        # How often someone is watched, the frequency after the word.
        ("Checks every q30 min overnight.", "Checks every q30 min"),
        ("Observations q1h until review.", "Observations q1h"),
        # Missed appointments, histories and scales.
        ("FTA x2 at the clinic this month.", "FTA x2"),
        ("FTA'd clinic twice.", "FTA'd clinic"),
        ("Background of AOD use since her teens.", "AOD use"),
        ("BVC score of 3 on the ward.", "BVC score of 3"),
        ("A DASA of 7 overnight.", "DASA of 7"),
        ("Schiz hx per the letter.", "Schiz"),
        ("Referred to the IHT for a fortnight.", "IHT"),
        ("Now under the IHT for a fortnight.", "IHT"),
        ("Back under the CMHT since June.", "CMHT"),
        # An abbreviation in capitals with an ending.
        ("Called an ADHDer by the school.", "ADHDer"),
        ("Very BPDish in the notes, she says.", "BPDish"),
        # Describing words around a presentation, and labels for a person.
        ("A bizarre presentation on arrival.", "bizarre presentation"),
        ("Subdued in presentation after the call.", "Subdued in presentation"),
        ("Poorly motivated with the chores.", "Poorly motivated"),
        ("Seen behaving inappropriately in the lounge.", "behaving inappropriately"),
        ("A repeat presenter at the hospital.", "repeat presenter"),
        ("A complex needs client of the NGO.", "complex needs client"),
        ("Gravely disabled, the US letter said.", "Gravely disabled"),
        ("Admitted for stabilisation last year.", "for stabilisation"),
        # Plain words spelt out or cut up to hide them.
        ("The form asks for her d.i.a.g.n.o.s.i.s first.", "d.i.a.g.n.o.s.i.s"),
        ("Noted as hossstile with the cook.", "hossstile"),
        ("Written up as n-o-n-e-n-g-a-g-e-d.", "n-o-n-e-n-g-a-g-e-d"),
        ("Marked non-insightful in the review.", "non-insightful"),
        # Two capitals listed with a diagnosis in capitals.
        ("Intake form: ADHD and ID.", "ID"),
        ("Known PD/BPD from the letter.", "PD"),
        ("History of OCD, MI.", "MI"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert words in flagged(language_check, text) or any(words in found for found in flagged(language_check, text)), (
        flagged(language_check, text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "I was labelled borderline once and I hate it.",
        "I thought paranoid people were the ones on TV.",
        "Hi +ve vibes only at the hui.",
        "Dasa is coming for kai on Sunday.",
        "The FTA with China made the news.",
        "Spoke to LD and MB about the roster.",
        "She said her diagnosis is hers to talk about.",
        "The hostile takeover of the dairy was on the news.",
        "A grandiose old villa on the corner.",
        "The unkempt old hedge needs a trim.",
        "Gave a great presentation at polytech.",
        "q3 figures are due to the board.",
        "The ball landed behind the baseline.",
        "THE BALL LANDED BEHIND THE BASELINE!",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []


def test_two_capitals_alone_or_in_small_letters_stay_a_persons_initials(language_check: LanguageCheck):
    assert flagged(language_check, "LD rang about the van.") == []
    assert flagged(language_check, "asd and ld") == ["asd"]
    assert flagged(language_check, "ASD and Ld came by") == ["ASD"]
