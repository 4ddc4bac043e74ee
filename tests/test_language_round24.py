"""The twenty-fourth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A scale named in capitals, read with its number, whatever the scale.
        ("The rest home wrote DRS score 4 on the form.", "DRS score 4"),
        ("Her CPS score of 3 came with the referral.", "CPS score of 3"),
        ("Report attached: LSI-R total 28.", "LSI-R total 28"),
        ("Said aloud on the tape: G A D seven, then the date.", "G A D seven"),
        # Doses at night in the chart's capitals; times over days or weeks.
        ("Mirtazapine 15mg ON since the ward.", "15mg ON"),
        ("Poor appetite x3/7 per his sister.", "x3/7"),
        ("Sertraline, 28/7 supply from the chemist.", "28/7"),
        # Observation levels in full; triage codes; a route given.
        ("Observations level 3 overnight on the ward.", "Observations level 3"),
        ("Triage code 4 at the front desk.", "Triage code 4"),
        ("Depot administered IM yesterday at the clinic.", "administered IM"),
        # What a team keeps or does, in its capitals.
        ("The ABC chart is in the office, fill it in after each time.", "ABC chart"),
        ("He finished the DAST screen with the nurse.", "DAST screen"),
        # A section said aloud and extended.
        ("Section twelve extended for a fortnight, per the letter.", "Section twelve extended"),
        # Bent forms: lightly, with a hyphen allowed where the word was cut.
        ("Nana is a bit dement-ish at tea time.", "dement-ish"),
        ("He's been anorexish since exams.", "anorexish"),
        ("Too depress-ey for the party, his mum reckons.", "depress-ey"),
        ("Too depress-y to come to kapa haka, his aunty says.", "depress-y"),
        ("Gets a bit anorex-ish around exams, her sister says.", "anorex-ish"),
        # Hidden: letters circled in black, digits for two letters, a doubled capital, Greek letters.
        ("His post said 🅜🅐🅝🅘🅒 all week.", "🅜🅐🅝🅘🅒"),
        ("Her cousin called her menta11y i11 on the group chat.", "i11"),
        ("The letter still says ADHHD in the heading.", "ADHHD"),
        ("Her brother is sυicidal, she texted at 2am.", "sυicidal"),
        ("Her ex calls her skizo on Facebook.", "skizo"),
        # Named after someone, had by someone, whatever song is sung.
        ("Koro with Alzheimer's sang a waiata after kai.", "Alzheimer's"),
        # Sleep and eating scales in their capitals; "did not wait" said of someone.
        ("The sleep clinic wrote his AHI is 38.", "AHI is 38"),
        ("SCOFF 3 on the GP's form.", "SCOFF 3"),
        ("He DNW after four hours at ED.", "DNW"),
        # Service words said of a person.
        ("Resident exit seeking after tea most nights.", "exit seeking"),
        ("She's been isolating in her bedroom since Sunday.", "isolating in her bedroom"),
        ("He no longer meets threshold for the team.", "threshold"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Scores of school, sport, money and games.
        "His ATAR score 92 got him into Otago.",
        "The ABs score 40 points against Samoa.",
        "GST total 120 for the quarter, ask the accountant.",
        "Her NPS score 70 at work this month.",
        "NZ scored 3 tries in the second half.",
        "PGA total 270 strokes at the Open.",
        # A dose, and a day; a route that is a word; a date.
        "He takes 10mg on Mondays with breakfast.",
        "TURN THE 10MG ON NOW",
        "They given im a lift home after footy.",
        "Her birthday is 14/7, a Tuesday this year.",
        # A section of land; screens and charts of everyday things.
        "Section 4 extended to the fence line in 1980.",
        "The PC screen is cracked again.",
        "The ANZ chart of the exchange rate is on the news.",
        # Everyday senses: a golf green, sales, a bike race, a Bible, a workplace survey.
        "There's a slight depression on the ninth green.",
        "The Boxing Day sales are absolutely manic.",
        "The race had a manic start with riders everywhere.",
        "The minister used a Bible concordance for the sermon.",
        "The staff engagement survey closes Friday.",
        "She is isolating at home with covid in her room.",
        "Their PDA at the bus stop was a lot.",
        "Manish came round for tea.",
        "AHHH no, the bus left!",
        "Went to the AOD counsellor and came back proud.",
        # A guest's words about their own whānau stay theirs.
        "My dad's speech was pressured by the time limit.",
        "My sister was sooo paranoiiid about the exam.",
        # What the attack on this round found: games, weather, roadworks, specials, him, fire, tags.
        "The XYZ score 3-1 at half time.",
        "My FPL total 58 this week, gutted.",
        "UV score 11 today, slip slop slap.",
        "Shampoo 400ml ON SPECIAL at the Warehouse.",
        "Panadol 500mg ON SPECIAL at the chemist this week.",
        "24/7 supply of hot water at the new place.",
        "Sky Tower observation level 2 is closed for a tour.",
        "Cyclone Gabrielle was rated category 3 by MetService.",
        "Should've given im 20 bucks for petrol.",
        "Roadworks on section two extended until Friday.",
        "Ahi at 6 tonight for the hāngī.",
        "Scoff 2 each then bed, kids.",
        "Check q15 of the homework before kai.",
        "10/12 history quiz tomorrow, wish me luck.",
        "The EQC assessor came round about the cracks.",
        "Put the UV chart on the wall by the door.",
        "The courier is at his depot till 5.",
        "Told off for PDA at the school ball.",
        "ugh DNW to go back to work tomorrow",
        "Nihilistic talk about the Warriors again.",
        "Her mood board is incongruent with the brand.",
        "The sparky is isolating the bedroom circuit.",
        "We met threshold for the council grant.",
        "Go the reds!",
        "Maania te papa i te ua.",
        "#obsessed #padlock #mdtrends #smokeshow",
        "The TPP deal was in the news again.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
