"""The fourteenth round's rules (issue 15), each as a class of wording, with what it must leave alone.

Sentences here are written for these tests, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_cases import assert_caught, flagged


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A name that is also a thing (a genus, a city) is someone, not a thing owning the word.
        ("Key worker: Maria disengaged from the team in May.", "disengaged from"),
        ("Phoned the CMHT, Sofia disengaged from services again.", "disengaged from"),
        # How long or how much is no physical word: "chronic", "severe", "recurrent".
        ("Letter: chronic adjustment disorder, seen monthly.", "chronic adjustment disorder"),
        ("Referral says recurrent hoarding disorder.", "recurrent hoarding disorder"),
        # Single letters with dots are shorthand, never a title, even by a word about reading.
        ("I read S.H. on the risk form.", "S.H"),
        ("The email read O.C.D. in the subject line.", "O.C.D"),
        # A form's field is no oil field.
        ("The diagnosis field reads BPD on the referral.", "BPD"),
        # Names of conditions and jargon the earlier rounds did not list.
        ("Mum's Alzheimer's is why she forgets the stove.", "Alzheimer's"),
        ("Seen by neuro for non-epileptic seizures last year.", "non-epileptic seizures"),
        ("Young onset dementia, per the memory clinic.", "Young onset dementia"),
        ("Registrar found no first rank symptoms.", "first rank symptoms"),
        ("Some awareness of illness, the GP says.", "awareness of illness"),
        ("MSE: loosened associations at times.", "loosened associations"),
        ("Under a restriction order until March.", "restriction order"),
        ("Her cognition has worsened since the fall.", "cognition has worsened"),
        # Derived forms: "-adjacent", "-coded", "-atey", "-esso".
        ("The referrer wrote 'psychosis-adjacent' and we asked why.", "psychosis-adjacent"),
        ("Called it OCD-coded behaviour.", "OCD-coded"),
        ("Been a bit hallucinatey, the text says.", "hallucinatey"),
        ("Whānau say he's depresso again.", "depresso"),
        # Sound-alikes: "-ya" for "-ia" (read as "y" before the "tia" rule), "-um" for "-m".
        ("Her nan's dementya is worse at night.", "dementya"),
        ("Please don't write autizzum in my notes.", "autizzum"),
        # Observations by the hour, shorthand for medicine allergies, the liaison team.
        ("3-hrly checks agreed with the crisis team.", "3-hrly checks"),
        ("On 2 hourly visual obs last night.", "2 hourly visual obs"),
        ("Form says NKDA.", "NKDA"),
        ("C-L team saw him on the ward.", "C-L team"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str):
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        # A thing owning the word, written as a thing: the old senses stay.
        "Mandarins sectioned into quarters for the kids' lunch.",
        "The paint formulation changed, so the tins look whiter.",
        "Everyone calls the old bank on Lambton Quay grandiose.",
        "The rosa sectioned off by the fence is flowering.",
        # Physical names keep their own "chronic".
        "A chronic kidney disorder, so no salt in her kai.",
        "Chronic bleeding disorder: no aspirin.",
        # Barrels a day still.
        "The rig pumps about 30,000 BPD of crude.",
        "Oil production is down to a few thousand BPD at that field.",
        # Declining is not always cognition.
        "She declined the memory game and went for a walk.",
        "Watched Psycho by Hitchcock and read the book after.",
        "An espresso and a session at the gym.",
        "A possum got into the premium birdseed again.",
        "We check the hāngī hourly and the bread every 2 hours.",
        "Her album of waiata is on the kitchen shelf.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str):
    assert flagged(language_check, text) == []


def test_a_listed_abbreviation_is_found_however_long_the_text(language_check: LanguageCheck):
    """Two capitals listed beside a diagnosis in capitals, after a hundred findings: still found.

    (A long text once skipped the listing, so a line's findings hung on what else was written with it.)
    """
    line = "Intake sheet lists ASD and LD in the first box."
    alone = flagged(language_check, line)
    assert alone == ["ASD", "LD"]
    long_text = " ".join(["Dx BPD, hx of OD, on q15 obs."] * 40 + [line])
    assert flagged(language_check, long_text)[-2:] == alone
