"""The eighteenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # An abbreviation said letter by letter, and in letters from other scripts that look Latin.
        ("Cousin says it's his pee tee es dee from the army.", "pee tee es dee"),
        ("Mum calls it her gee ay dee.", "gee ay dee"),
        ("Signed the card ꓑꓔꓢꓓ warrior.", "ꓑꓔꓢꓓ"),
        ("Wrote ᎪᎠᎻᎠ on the whiteboard.", "ᎪᎠᎻᎠ"),
        # An r not said; a label made a verb.
        ("Auntie reckons he's bi-polah.", "bi-polah"),
        ("Felt the doctor bipolared her in five minutes.", "bipolared"),
        # A chart's arrow after what it measures; medicines and their timing.
        ("Overnight: appetite ↓, energy ↓.", "appetite ↓"),
        ("Meds BD, keep them in the office.", "Meds BD"),
        ("Sertraline 50mg OM from Monday.", "50mg OM"),
        # Names, screens and service words the earlier rounds did not list.
        ("Her MoCA was 24 last month.", "MoCA"),
        ("On the IAPT list in Leeds before she came home.", "IAPT"),
        ("Known IVDU, per the referral.", "IVDU"),
        ("RAG rated red at the huddle.", "RAG rated"),
        ("Collat from her sister this morning.", "Collat"),
        ("Misdiagnosed twice, the letter says.", "Misdiagnosed"),
        ("Impulsivity is the team's worry.", "Impulsivity"),
        ("Feels psychiatrised by all of it.", "psychiatrised"),
        ("Calls cannabis psychotogenic for him.", "psychotogenic"),
        ("Follows pro-ana pages, her sister said.", "pro-ana"),
        ("Texted that she wants to unalive herself.", "unalive herself"),
        ("Passivity phenomena reported at night.", "Passivity phenomena"),
        ("An acute on chronic risk picture.", "acute on chronic"),
        ("AUD, per the addiction service.", "AUD"),
        # "History of" is the notes' phrase, not the history books' depression.
        ("History of depression since 2015.", "depression"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # Words that are letter names, said as words.
        "Oh, see you at tea then.",
        "I see, oh dear, why not.",
        "Why oh why is the bus late.",
        "Bee sting on the deck, dee-lightful day otherwise.",
        # Everyday senses: weather, money, an app, a craze, a class talk.
        "A low-pressure depression over the strait has stopped the ferries.",
        "The bank statement says OD beside the balance.",
        "She changed money into NOK at the airport.",
        "Tap the ADD button to put milk on the list.",
        "The trip cost 400 AUD for the flights.",
        "Pokémon card mania has taken over the kura.",
        "Her slide presentation on native birds went well.",
        # The guest's own words stay theirs: a phobia, a medicine, a service.
        "She has a phobia of lifts.",
        "Back on lithium since June.",
        "The community mental health team dropped off her forms.",
        # Not a craze: a count of episodes is the notes' word.
        "Hallelujah and Noah sang at the marae.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


def test_a_count_of_manias_is_still_flagged(language_check: LanguageCheck) -> None:
    assert_caught(language_check, "Two manias in one year, the letter says.", "manias")
