"""Round forty-three's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A label's letters shuffled, in capitals, as a puzzle sets it.
        ("Quiz night: unscramble SITUATIC for a free coffee.", "SITUATIC"),
        # Gambling and sleep scales with a score.
        ("His PGSI 17 was read out at the group.", "PGSI 17"),
        # A triage's letter, insight and judgement graded together, an exam's word as a note records it.
        ("He's so SITUATIC lol, ignore him.", "SITUATIC"),
        ("Summary: I/J limited, settled on the ward.", "I/J limited"),
        ("He was noted to be perplexed at the review.", "noted to be perplexed"),
        # Opioid substitution, someone's own; observations all night.
        ("Tama collects his OST from the chemist each morning.", "his OST"),
        ("q15 overnight, a torch in her face each time.", "q15"),
        # Old asylums' names, a subtype's nickname, a condition named in Chinese.
        ("The 1880 ledger lists him as a dipsomaniac.", "dipsomaniac"),
        ("奶奶说他有自闭症。", "自闭症"),
        # An exam's and a programme's words.
        ("The letter says her engagement was superficial.", "engagement was superficial"),
        ("Maintenance mECT every month since June.", "mECT"),
        # Letters the line spells out clinically, or that someone has, stay flagged.
        ("She had ECT, electroconvulsive therapy, in 1998.", "ECT"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Capitals that are words, a beast's name, a brand; minutes, a soundtrack, a bus, a theatre's rows.
        "We saw a CAIMAN at the zoo in Auckland.",
        "It's in my Gmail under STARRED, hang on.",
        "The wine label said CASTILUN, whatever that means.",
        "The treasurer was noted to be guarded about the budget figures.",
        "My OST playlist is on repeat in the car.",
        "We get the Q15 overnight service from Britomart.",
        "Seats in rows I/J poor view of the stage.",
        "Email attachment issues again, the PDF is too big.",
        "The PRESIDENT of the club spoke first.",
        # An acronym spelt out beside it in plain words.
        "The rail train uses ECT, eddy current testing, on the curves.",
        "Port Otago's new ASD tug (azimuth stern drive) arrives in March.",
        # Everyday senses of this round: music, a lake, a fish stock, perfume, print, a bloom, an octopus, an
        # island, a mushroom, fruit, flowers, a drone, house prices, a ball, a crossword.
        "The Scherzo gets almost manic by the coda, so keep the horns bright.",
        "The crater lake has cooled back towards its baseline.",
        "The roughy stock can take decades to climb back to baseline.",
        "Vetiver gives the blend an earthy baseline under the citrus.",
        "The parapet is earthquake-prone and non-compliant until strengthened.",
        "Myrtle rust shows a yellow pustule presentation on new leaves.",
        "The plankton bloom was blunted by the marine heatwave.",
        "The crayfish stock had a relapse, so the catch limit was cut.",
        "The octopus went into the isolation tank for obs.",
        "Giant wētā survive on the island thanks to seclusion from rats.",
        "Psilocybe weraroa is a native hallucinogenic mushroom.",
        "No kiwifruit variety is fully resistant to Psa.",
        "Rain before picking caused splitting in the cherries.",
        "Proteas have a grandiose, architectural look in a foyer.",
        "Auckland house prices have been in a depression since the peak.",
        "The ball took a tangential bounce off the crossbar.",
        "Clue 14 across, two magnetic poles (7), gave BIPOLAR.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
