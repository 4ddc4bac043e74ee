"""The twelfth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from crisishouse.language.normalise import tokens
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Marks for letters: doubled, in a word begun by "$", a picture among letters.
        ("Talked about s**cide risk with the team.", "s**cide"),
        ("Very d__usional about the neighbours.", "d__usional"),
        ("Possible d_m_ntia per the letter.", "d_m_ntia"),
        ("Made $u1c1dal comments in the car.", "$u1c1dal"),
        ("Very para🙂noid about the neighbours.", "para🙂noid"),
        # Sound-alikes in other letters, and across a hyphen.
        ("Quite del00sional about the phone.", "del00sional"),
        ("Aunty says he's sy-kotik again.", "sy-kotik"),
        # Plain words spelt out or in look-alike letters.
        ("Ambulance: o.v.e.r.d.o.s.e at home.", "o.v.e.r.d.o.s.e"),
        ("Due for his d_e_p_o_t Friday.", "d_e_p_o_t"),
        ("Was in the p.s.y.c.h unit last year.", "p.s.y.c.h"),
        # Forms of labels.
        ("Manicking all weekend, the whānau say.", "Manicking"),
        ("ADHDing hard today, she laughs.", "ADHDing"),
        ("Feeling depressy since the funeral.", "depressy"),
        # Names and shorthand.
        ("BP1 per the old letter.", "BP1"),
        ("She calls it her AuDHD.", "AuDHD"),
        ("Pathological demand avoidance in the report.", "Pathological demand avoidance"),
        ("DC summary still to come.", "DC summary"),
        ("EPDS of 14 at the clinic.", "EPDS of 14"),
        ("AIMS testing next week.", "AIMS testing"),
        ("QTc was fine on the ECG.", "QTc"),
        ("Monthly KW visit on Tuesday.", "KW visit"),
        # Jargon.
        ("Executive dysfunction noted in the OT report.", "Executive dysfunction"),
        ("Staff were de-escalating in the lounge.", "de-escalating"),
        ("Good help-seeking tonight.", "help-seeking"),
        ("High psychosocial needs, says the referral.", "psychosocial needs"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "Two for $5 at the dairy.",
        "He wrote n_u_t_s on the whiteboard.",
        "A previous overdose is hers to talk about, she said.",
        "The bus depot is past the school.",
        "Mixing concrete in a wheelbarrow for the new post.",
        "The platform pumps out about 30,000 BPD of crude.",
        "Our TDS meter says the tank water is fine.",
        "An old CRT telly for retro games.",
        "A NAD amplifier from the op shop.",
        "He did an AMA on Reddit about the rescue.",
        "A pica is a unit in printing, the design tutor said.",
        "The kids were acting out the story of Māui.",
        "The clerk absconded with the bank's gold in 1880.",
        "I love you 🙂 see you soon.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []


def test_a_picture_among_letters_keeps_every_offset():
    """A finding's span still points at what was typed, picture and all."""
    text = "Very para🙂noid today"
    found = LanguageCheck().check(text)
    assert [text[f.start : f.end] for f in found] == ["para🙂noid"]
    assert len(tokens(text).words) == 3
