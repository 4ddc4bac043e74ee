"""The thirty-third round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A person's mind as a case on a form, a file or a roster.
        ("He was let go on psychiatric grounds in 2019.", "psychiatric grounds"),
        ("Off sick 1/52 for psych reasons, the roster says.", "psych reasons"),
        ("The bank put a mental health flag on Aroha's file.", "mental health flag"),
        ("Flight crew noted a possible psychiatric episode at the gate.", "psychiatric episode"),
        ("He needs psych clearance before he can go back on the boats.", "psych clearance"),
        ("Ship's doctor kept him under psychiatric watch until Lyttelton.", "psychiatric watch"),
        ("The form asks about any mental health hospitalisations.", "mental health hospitalisations"),
        # Each 1 an l or an i in the one word; an 8 for a b; a bracket for a c.
        ("Someone wrote 5ch1z0phr3n1c on the bus shelter.", "5ch1z0phr3n1c"),
        ("They called her 8i-polar in the group chat, 81p014r in the next.", "81p014r"),
        ("Text from the ex: you're a p$y(hotic mess.", "p$y(hotic"),
        # A short slur backwards, or with a consonant twice.
        ("Tagged on the fence: rettun.", "rettun"),
        ("Kids yelled nuttter at him from the bus.", "nuttter"),
        # A medicine for the mind's level in the blood; self-harm's shorthand; war's old names; a service's words.
        ("Cloz level due Friday, bloods at 8.", "Cloz level"),
        ("Valproate level came back fine.", "Valproate level"),
        ("Working diagnosis ?ADHD, seen in clinic.", "?ADHD"),
        ("Grandad's army file says combat stress reaction.", "combat stress reaction"),
        ("The agent wrote that the seller seemed mentally unstable.", "mentally unstable"),
        # ... and on held_out_33: voices heard saying something, a clinic's patient, an ambulance's job, the law.
        ("Triage: AH telling him to leave the house, sitting quietly now.", "AH telling"),
        ("Front desk note: MH pt, allow extra time.", "MH pt"),
        ("St John: another psych job at the same address.", "psych job"),
        ("Counsel argued a disease of the mind at the time.", "disease of the mind"),
        ("The dean calls her a school refuser.", "school refuser"),
        ("The court made a compulsory care order under the IDCCR Act.", "compulsory care order"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A mental health day, week or course; a podcast's episode of something; a thriller; the show Psych.
        "Tama took a mental health day on Friday and went fishing.",
        "It's mental health awareness week at the marae.",
        "A mental health episode of the podcast came out today.",
        "Nan watched a psychological thriller and couldn't sleep.",
        "We watched a Psych episode with the kids.",
        # Leaving for mental health reasons, in a person's own plain words; the grounds of an old hospital.
        "I left that job for mental health reasons, and I'm glad.",
        "The psych grounds crew mows the field every Tuesday.",
        # An insurer's cover; a battery's lithium and a rock's; everyday tired and shocked.
        "The policy covers psychological injury claims at work.",
        "Lithium levels in the groundwater near the mine are rising.",
        "The All Blacks looked shell-shocked after half-time.",
        # Words with brackets, ones and eights that are not letters hidden.
        "My friend(s) are coming for kai at 6.",
        "B1ll and L1ll are in room 11 at 11am.",
        "The 8 ball final is at the RSA on Saturday.",
        # A landform's hollow, a busy sharemarket, a building's compliance, a baby's lungs, a heart's hole,
        # a head injury's conscious level, a sales team; war's names worn and felt by all; a power plan.
        "Lake Taupō fills a huge volcanic depression.",
        "The sharemarket was manic after the Reserve Bank announcement.",
        "The lift's compliance schedule is due with the building warrant of fitness.",
        "Born at 27 weeks, baby has chronic lung disease (BPD) and is on oxygen at night.",
        "The cardiologist says the small ASD, a hole in her heart, may close by itself.",
        "Fell off the roof, GCS 14, query skull fracture, St John on the way.",
        "BD team meeting at 10, bring the sales figures.",
        "Combat fatigues on sale at the army surplus, $25 a pair.",
        "Voters have battle fatigue after six weeks of billboards.",
        "The power company's high service user plan starts at 8000 kWh.",
        "ESR found clozapine levels in the wastewater alongside caffeine.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []
