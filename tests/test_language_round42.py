"""Round forty-two's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A service's letters in capitals.
        ("Referral says AN-R, and she wants to cook with us.", "AN-R"),
        ("The Vancouver letter mentions an NCRMD finding.", "NCRMD"),
        # The old institutions' categories, still heard as insults.
        ("The 1910 file calls him a cretin.", "cretin"),
        # A forensic report's and a programme's words.
        ("The summary mentions callous-unemotional traits.", "callous-unemotional traits"),
        ("She is weight-restored, the programme says.", "weight-restored"),
        # Observations every so many minutes; a nurse at all times.
        ("He was on q15 overnight, the note says.", "on q15"),
        ("Mere has been on specials since 0600.", "on specials"),
        # A scale that came back at a number.
        ("AUDIT-C came back at 11 at the clinic.", "AUDIT-C came back at 11"),
        # A faculty someone lacks.
        ("The OT noted poor impulse control while cooking.", "poor impulse control"),
        # Emoji in a run inside a word; "sectioned" said as it sounds.
        ("Stop calling her schi🌀🌀zo, she can hear you.", "schi🌀🌀zo"),
        ("They sekshuned him last year in Napier.", "sekshuned"),
        # A capital inside a scale's name is no title's, whatever is read nearby.
        ("Her MoCA got read out at the family meeting.", "MoCA"),
        # A name's possessive first in a sentence is a person's.
        ("Lorraine's challenging behaviour is worse on Wednesdays.", "challenging behaviour"),
        # Said of someone, the everyday words near are no sense.
        ("His MDD got worse when he lost money trading.", "MDD"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Shop specials, a bus, a school's form, a warm-up, a party, a wedding, a talk, a site's safety.
        "Countdown has mince on specials this week.",
        "Mince has been on specials since Monday.",
        "The q15 bus was late again.",
        "Jump on q15 bus to town.",
        "Form 1 signed the permission slips for camp.",
        "ARMS UP everyone, big stretch before the walk!",
        "The DUP walked out of Stormont again.",
        "My cousin tried to elope to Rarotonga in 1972.",
        "Kiri gave a mental health presentation to the rugby club.",
        "Visitors showed poor safety awareness around the new machinery.",
        # Things "sectioned", "blunted", "resistant", in their plain senses.
        "We sectioned the stopbank every 20 metres to work out the fill.",
        "The incisal edges are blunted from years of wear.",
        "The pā was built to be resistant to artillery.",
        "A labile, unstable airmass will bring thunderstorms this afternoon.",
        "The market's been catatonic since Easter, hardly a listing moved.",
        "Sunny, elevated section with views and total seclusion from the road.",
        "Heading dogs are hypervigilant around sheep; it's bred into them.",
        "My sourdough starter went manic in the hot water cupboard.",
        "Every component in the library is WCAG compliant.",
        "The silo mural is grandiose in scale: fifteen metres of kererū.",
        "Relapsing fever is caused by a spirochaete.",
        # Letters of modelling, trading, statistics, power and oil.
        "Backtesting the futures strategy gave an MDD of 18 percent.",
        "We used a DID design to compare the fare trial with Dunedin.",
        "Online PD monitoring found partial discharge on the 220 kV cable.",
        "The prospectus overstated output from the field at 2,500 BPD and the wells are dry.",
        "The giraffe calf was born with an ASD, a small hole between the chambers, the vets say.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
