"""The twenty-ninth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A dose in its unit, then the medicine for the mind or the opioid it is of; a brand or OST with its dose.
        ("Night staff gave the 2mg halo at 2300.", "2mg halo"),
        ("Was on 40mg of citalopram before the move.", "40mg of citalopram"),
        ("Pharmacy has her 30ml methadone ready at nine.", "30ml methadone"),
        ("Hine's Ritalin 20mg is in the blister pack.", "Ritalin 20mg"),
        # Lithium's level, a medicine poisoning someone, a dose changed at review.
        ("Bloods back: Li 0.9, all fine.", "Li 0.9"),
        ("Admitted with Li toxicity two winters ago.", "Li toxicity"),
        ("Psych says quet increased to 200 from Friday.", "quet increased to 200"),
        # Admissions counted, holds by number, a ward status as a noun.
        ("History of 3x prev adm at Te Whare Ahuru.", "3x prev adm"),
        ("Mate says he was put on a 5150 in San Diego.", "on a 5150"),
        ("Taken to hospital under 136 by the Met.", "under 136"),
        ("Told the driver she was a voluntary, so she could go home.", "a voluntary"),
        # Not oriented.
        ("Daughter rang: Koro was not oriented when she got there.", "not oriented"),
        # Pro-eating-disorder slang; a handle; a capital I for an l at a word's end; a section report.
        ("Her caption said 'ana & mia forever' 🦋", "ana & mia"),
        ("Stop following @psycho_vibes99, it's not ok.", "@psycho"),
        ("Text said 'you're so deIusionaI'", "deIusionaI"),
        ("Lawyer says the s133 report is due Monday.", "s133 report"),
        # Service, court and therapy jargon, listed.
        ("Lost to follow-up after the move to Napier.", "Lost to follow-up"),
        ("Presents as younger than stated age.", "younger than stated age"),
        ("Reassurance seeking most of the night.", "Reassurance seeking"),
        ("Report says he is unfit to stand trial.", "unfit to stand trial"),
        ("Her mental state remains fragile, per whānau.", "mental state remains"),
        ("Ward says he was specialled for two nights.", "specialled"),
        ("Chart: DNACPR discussed with whānau.", "DNACPR"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A body's reading is no one's mind; petrol; a person named Li; a lithium battery.
        "Koro's BP was 150/90 at the marae health check.",
        "BP 91 is 20c cheaper at the Z on Lincoln Rd.",
        "Li Wei came round for tea at 6.",
        "The drill's Li-ion battery is 18V, charging in the shed.",
        "Li 1.30 pickup from school, she's got netball after.",
        "Article about lithium toxicity in the lakes near the old battery plant.",
        # Cooking amounts and a halo; one's own dose; a dose changed in one's own words.
        "Add 5ml of vanilla to the batter.",
        "I take 20mg of fluoxetine every morning.",
        "My sertraline went up to 100 last month.",
        # Volunteer work, an informal chat, orientation for a job, a thing that seems paranoid.
        "She does a voluntary shift at the op shop on Tuesdays.",
        "Had an informal chat with the landlord about the heat pump.",
        "Not orientated towards sales, she'd rather be in the kitchen.",
        "It seems paranoid but lock your car at the beach.",
        # Two friends called Ana and Mia; a band, a council's section, a bus route.
        "Ana and Mia went to the beach with the kids.",
        "Growth since the flood has been real: post-traumatic growth, the counsellor called it.",
        "The forensic unit of the police came to look at the burgled car.",
        "The 136 bus goes under the motorway at Henderson.",
        "Kids under 136 cm can't go on the big hydroslide.",
        "The map's not oriented north-up, flip it before the track.",
        "The council's s42A report on the subdivision is online.",
        "The house meets criteria for the Healthy Homes standards now.",
        "Dad's got the 5150 amp cranked in the garage again.",
        "ana and mia went to the beach with their cousins, back by 5",
        "Virtual reality testing at the library on Thursday, free for rangatahi.",
        "Future-oriented plan for the garden: fruit trees this year.",
        "The vacuum attachment style doesn't fit the new Dyson.",
        "IPS consultant is picking Eru up at 8 for the forklift course.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
