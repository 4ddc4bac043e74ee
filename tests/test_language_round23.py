"""The twenty-third round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Scales read off a form, with their number.
        ("Pain clinic wrote NRS 6/10 on a good day.", "NRS 6/10"),
        ("Sleep letter: ISI 19, a leaflet about caffeine.", "ISI 19"),
        ("SCOFF of 3 on the form from student health.", "SCOFF of 3"),
        ("Weighed on Monday, BMI 16.4.", "BMI 16.4"),
        # Shorthand of time, triage and checks.
        ("Last saw the team 2/12 ago, she thinks.", "2/12"),
        ("Triaged as cat 3 and sent home with a leaflet.", "Triaged as cat 3"),
        ("Checked on Wiremu q15 overnight as he asked.", "Checked on Wiremu q15"),
        ("Obs q30 until the morning.", "Obs q30"),
        ("He mentioned AVH at tea.", "mentioned AVH"),
        ("Her VH were worse after dark.", "Her VH"),
        # Words services use of a person, a placement or a home.
        ("The form says independent with IADLs.", "IADLs"),
        ("Mum has his EDE-Q from the clinic.", "EDE-Q"),
        ("LWBS twice this month at the hospital.", "LWBS"),
        ("NG feeds for a month, years back.", "NG feeds"),
        ("Her affect lifted once the kids rang.", "Her affect"),
        ("Nihilistic thoughts at night, he said.", "Nihilistic thoughts"),
        ("Incongruent smiling while talking about the fire.", "Incongruent smiling"),
        ("A second placement breakdown since June.", "placement breakdown"),
        ("Transition of care plan due Monday.", "Transition of care"),
        ("Called it his grippy sock holiday.", "grippy sock holiday"),
        ("The flat is an MH tenancy through the trust.", "MH tenancy"),
        ("The sisters, folie a deux per the letter.", "folie a deux"),
        ("The old file says Cotard's.", "Cotard's"),
        ("Whānau say he's overdue for his depot.", "his depot"),
        # A tag that runs a short label into a word, in small letters.
        ("Her bio says #adhdlife and a rainbow.", "adhdlife"),
        # Underscores join what stands for letters too.
        ("His gamer tag is Ⓟⓣⓢⓓ_kid.", "Ⓟⓣⓢⓓ"),
        # A label made an adverb after a word that is also a thing ("spoke", a wheel's).
        ("She spoke manically about the weekend.", "manically"),
        ("He spoke delusionally about the car park.", "delusionally"),
        # Shorthand begun in capitals is never a title, whatever media word is near.
        ("Lists his PMHx, then talks about playing rugby.", "PMHx"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "Her affect on the whole team was lovely.",
        "The bus depot is by the station.",
        "We drove past the depot on the way to the beach.",
        "Kei te kā te ahi i te hāngī.",
        "The boys scoff their kai after rugby.",
        "The cat was rated five stars by the vet.",
        "Q30 on the census asks about iwi.",
        "dnw lol, staying in tonight",
        "Her mum said ah, that's nice.",
        "His ah-ha moment came on the bus.",
        "We meet on 3/12 for the Christmas lunch.",
        "The Mazda RX-8 is parked by the hedge.",
        "PT role at the library: 20 hours a week, casual.",
        "A nihilistic punk band played the Cuba Dupa stage.",
        "The colours are incongruent with the brand guide.",
        "#asdfgh was the password he used, ha.",
        "#didyouknow #manicure #psychology #madness",
        "Tama+Mere are cooking tonight.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
