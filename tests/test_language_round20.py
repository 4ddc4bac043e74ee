"""The twentieth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import itertools

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A medicine by name and when or how it is given, without a unit.
        ("Takes her lithium nocte, no fuss.", "lithium nocte"),
        ("Sertraline 100 mane since March.", "Sertraline 100 mane"),
        ("Had 2mg lorazepam PO before the move.", "lorazepam PO"),
        # Words joined by underscores, as in a user or file name.
        ("His handle is psych0tic_dave on the game.", "psych0tic"),
        ("Saved it as bipolar_notes_final.docx.", "bipolar"),
        # Letters from the Armenian alphabet that look Latin.
        ("Wrote that she's bіpօlar on the form.", "bіpօlar"),
        ("Said the pѕychօsis came back.", "pѕychօsis"),
        # A label written wrong in two pieces.
        ("Reckons his brother is bi-poler.", "bi-poler"),
        ("She called it skitzo-frenia.", "skitzo-frenia"),
        # A note's history is clinical, not a history lesson.
        ("Family history of bipolar on her dad's side.", "bipolar"),
        ("Long history of bipolar, per the referral.", "bipolar"),
        # Names and jargon the earlier rounds did not list.
        ("The old file just says melancholia.", "melancholia"),
        ("Hx TBI after a fall off the roof.", "TBI"),
        ("Diagnosed with borderline in her teens.", "Diagnosed with borderline"),
        ("He has been unmedicated since winter.", "unmedicated"),
        ("Grossly disorganised at triage, calmer now.", "Grossly disorganised"),
        ("Her sister gave collateral by phone.", "gave collateral"),
        ("Wants to avoid being rehospitalised.", "rehospitalised"),
        # What the everyday senses above must not hide (each found in review).
        ("The news called him a mental patient man.", "mental patient"),
        ("The patient staff ratio is high on the ward.", "The patient"),
        ("Risk of delirium tremens, drinks a bottle of vodka a day.", "delirium"),
        ("He was in seclusion under section 29 overnight.", "seclusion"),
        ("On line of sight, camera in the lounge.", "line of sight"),
        ("He got sectioned last winter and still loves pizza night.", "sectioned"),
        ("Self-harm risk remains high overnight.", "harm risk"),
        ("Diazepam 5-10 PO, max twice a day.", "Diazepam 5-10 PO"),
        ("Sertraline 50/100 mane, alternate days.", "Sertraline 50/100 mane"),
        ("Zoloft mane with breakfast.", "Zoloft mane"),
        ("She has demeռtia now.", "demeռtia"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "The patient man at the garage fixed the van for free.",
        "What a patient teacher she is with the kids.",
        "We chose the campsite for its seclusion and the swimming hole.",
        "Sectioned the oranges for the kids' lunchboxes.",
        "Move the modem so there's a clear line of sight to the lounge.",
        "Picked up a Delirium Tremens from the craft beer shop.",
        "Watched Melancholia on Neon, the Kirsten Dunst film.",
        "The world was bipolar through the Cold War, two superpowers.",
        "Post the forms to the PO box in town.",
        "Budget_2026_final.xlsx is on the shared drive.",
        "A well-being check-in for the whole team.",
        "He's a co-operative bloke, easy to work with.",
        "Diagnosed with borderline diabetes last year, watching her sugar.",
        "She had an unmedicated birth with her first baby.",
        "There's a melancholia to autumn in Dunedin.",
        "ran out of paracetamol im going to the chemist",
        "Their lithium bid for the mine was turned down.",
        "Took her lithium om nom",
        "Buy paracetamol\nSC rugby tickets",
        "She says she has been on anti-psychotics since she was twenty.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


def test_underscores_keep_each_finding_where_it_was_written(language_check: LanguageCheck) -> None:
    """Read apart or as written, a finding's offsets and words are the text's own, never overlapping."""
    text = "user: schizo_queen99 and bip_lar"
    found = language_check.check(text)
    assert [(f.text, text[f.start : f.end]) for f in found] == [("schizo", "schizo"), ("bip_lar", "bip_lar")]
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_a_name_on_a_line_of_its_own_is_read_apart_where_it_stands(language_check: LanguageCheck) -> None:
    """The run read apart is the one between spaces, tabs or line breaks that holds the underscore."""
    text = "Messages from:\npsych0tic_dave\tand\r\nschizo_queen99"
    assert [text[f.start : f.end] for f in language_check.check(text)] == ["psych0tic", "schizo"]


def test_a_masked_letter_is_still_read_as_one(language_check: LanguageCheck) -> None:
    """An underscore inside one word still hides a letter: read apart, it finds nothing more."""
    assert [f.text for f in language_check.check("was d_lusional today")] == ["d_lusional"]
