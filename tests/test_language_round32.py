"""The thirty-second round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A medicine for the mind by brand or name with its release or depot's name, and its dose.
        ("Her Invega Sustenna 100 is due on the 3rd.", "Invega Sustenna 100"),
        ("Keep the Zypine ODT 5mg in the locked drawer.", "Zypine ODT 5mg"),
        ("Lithicarb 250 twice a day, she knows the routine.", "Lithicarb 250"),
        # A dose at a sentence's end or before a comma is still a dose.
        ("Back on venlafaxine XR 150, the GP says.", "venlafaxine XR 150"),
        # Visions of something a person sees.
        ("VH of spiders on the ceiling again overnight.", "VH"),
        # A run of capital I's for l's; the Act's own test; a verdict; how unwell, as a service says it.
        ("They called him mentaIIy unwell in the group chat.", "mentaIIy"),
        ("The certificate says an abnormal state of mind.", "abnormal state of mind"),
        ("Found not guilty by reason of insanity in 2011.", "not guilty by reason of insanity"),
        ("Ward says she's too acute for respite tonight.", "too acute"),
        ("Registrar calls it anosognosia.", "anosognosia"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A Holden's year and a club's vice-chair; a dose's thousands; a bill split; a company's officer.
        "Parts for the VH of 1981 are hard to find now.",
        "Invitation from VH of the rūnanga for the Matariki breakfast.",
        "We're splitting the power bill four ways this month.",
        "The new CTO starts Monday and reports to the board.",
        # A letter of authority; a road crew's traffic management; the cartoons; a sharp turn; a camera.
        "She needs a LOA signed so her sister can talk to IRD.",
        "TMS on site from 7am, stop/go on Hutt Road all morning.",
        "Looney Tunes marathon on Sunday for the tamariki.",
        "The turn into the driveway is too acute for the trailer.",
        "The camera has high acuity lenses for the night shots.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
