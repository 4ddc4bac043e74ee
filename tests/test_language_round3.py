"""The language check's third round (issue 15): what it now sees through, and what it still leaves alone.

Chopped words ("de-pr-e-ss-ive"), a later word of a phrase spelt out
("attention s.e.e.k.i.n.g"), abbreviations in the plural and in capitals only
("CTOs", "AH"), words that are everyday as written but a label when disguised
("pαrαnoid"), and clinical words said of a thing ("the market was manic").
"""

from __future__ import annotations

import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisishouse.language import check
from crisishouse.language.vocabulary import thing_words


def flagged(text: str) -> list[str]:
    """The flagged words of `text`, in order; each finding's offsets must point at its words."""
    findings = check(text)
    assert all(text[f.start : f.end] == f.text for f in findings)
    return [f.text for f in findings]


# ---------------------------------------------------------------------------
# 1. Chopped words: `_chunked_cuts` and `_splits_fit`
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Notes say de-pr-e-ss-ive episode.", ["de-pr-e-ss-ive episode"]),
        ("ps-y-ch-otic", ["ps-y-ch-otic"]),
        ("schi-z-o-phrenic", ["schi-z-o-phrenic"]),
        # One cut beside a single letter, or a short word, is everyday writing.
        ("x-ray of the knee", []),
        ("T-shirt and jeans", []),
        ("co-op run", []),
        ("B-and-C-to-D", []),
        ("re-e-valuate", []),
    ],
)
def test_a_word_chopped_into_three_pieces_or_more_is_seen_through(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


# Words of six letters or more that the check flags as written.
CHOPPABLE = ("psychotic", "bipolar", "depressive", "schizophrenic", "autistic")


@settings(deadline=None)  # the first check may compile the vocabulary
@given(word=st.sampled_from(CHOPPABLE), data=st.data())
def test_a_chopped_word_is_found_whatever_the_piece_sizes(word: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(1, len(word) - 1), min_size=2), label="cuts"))
    marks = data.draw(st.lists(st.sampled_from("-."), min_size=len(cuts), max_size=len(cuts)), label="marks")
    bounds = [0, *cuts, len(word)]
    pieces = [word[a:b] for a, b in pairwise(bounds)]
    chopped = pieces[0] + "".join(mark + piece for mark, piece in zip(marks, pieces[1:], strict=True))
    assert flagged(f"Notes say {chopped} today.") == [chopped]


# ---------------------------------------------------------------------------
# 2. A later word of a phrase spelt out: `_add_prefixes`
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doctor wrote attention s.e.e.k.i.n.g on the form.", ["attention s.e.e.k.i.n.g"]),
        ("a.t.t.e.n.t.i.o.n s.e.e.k.i.n.g", ["a.t.t.e.n.t.i.o.n s.e.e.k.i.n.g"]),
    ],
)
def test_a_later_word_of_a_phrase_spelt_out_is_found(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


# ---------------------------------------------------------------------------
# 3. Abbreviations in the plural and in capitals only: `_capitals_meant`
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both CTOs renewed", ["CTOs"]),
        ("Discharged with TTOs.", ["TTOs"]),
        # Two capitals alone may be a guest's initials (initials are fine as a name): only plurals count,
        # and the shorthand where a note says what someone reported, denied or complained of.
        ("Family reported AH and VH.", ["reported AH"]),
        ("AH and VH went to the beach.", []),
        ("Reports of AHs and VHs overnight.", ["AHs", "VHs"]),
        ("plan to titrate APs", ["APs"]),
        # Said aloud ("!"), after a subject or a feeling word, or not in capitals: everyday words.
        ("AH! I forgot", []),
        ("He said DID!", []),
        ("he was SAD", []),
        ("I DID it", []),
        ("He lifted his arms", []),
    ],
)
def test_abbreviations_count_in_capitals_and_in_the_plural(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


# ---------------------------------------------------------------------------
# 4. Everyday-alone words: `builtin_alone`, `_add_alone` and `_hidden`
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # As written, they are the guest's everyday words.
        ("I was a bit paranoid about the phone", []),
        ("borderline late for the bus", []),
        ("Paranoid at the shops", []),
        ("obsessively tidy", []),
        # Disguised, they are a label someone hid: Greek alpha, a tripled r, Cyrillic о and е,
        # a digit, letters spaced out.
        ("Referral says pαrαnoid about the neighbours.", ["pαrαnoid"]),
        ("Night: parrranoid about staff.", ["parrranoid"]),
        ("bоrdеrline per the ED doctor", ["bоrdеrline"]),
        ("Borderl1ne and splitting", ["Borderl1ne", "splitting"]),  # "splitting" is jargon of its own
        ("Hyster1cal on the phone.", ["Hyster1cal"]),
        ("p a r a n o i d at handover", ["p a r a n o i d"]),
        # The guest's own first-person words stay theirs, however they spell them.
        ("I was sooo paraaanoid lol", []),
        # Derived forms of some are flagged as written.
        ("Her paranoias came back", ["paranoias"]),
        ("Borderliney behaviour", ["Borderliney"]),
        ("Paranoically guarded", ["Paranoically"]),
        ("Borderline-ish reaction", ["Borderline-ish"]),
    ],
)
def test_everyday_alone_words_are_flagged_only_when_disguised_or_bent(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


# Everyday sentences about someone else (a first-person one keeps even a disguised word the guest's own).
TEMPLATES = (
    "{w} about the neighbours.",
    "Seemed {w} at handover.",
    "Quite {w} about the phone today.",
    "{w} and tearful after the call.",
    "Staff say {w} about the food.",
    "Referral: {w}, wants quiet.",
    "Very {w} on the bus home.",
    "Mum says {w} lately.",
)
# What may stand for a letter of "paranoid" or "borderline": Cyrillic and Greek look-alikes, or a digit.
# (Were one of these the Latin letter itself, the disguised sentence would equal the plain one and fail.)
LOOKALIKES = {
    "a": "аα4",
    "A": "АΑ4",
    "e": "еε3",
    "E": "ЕΕ3",
    "o": "оο0",
    "O": "ОΟ0",
    "i": "іι1",
    "I": "ІΙ1",
    "p": "рρ",
    "P": "РΡ",
    "B": "ВΒ",
    "n": "η",
    "N": "Ν",
    "d": "ԁ",
    "l": "ӏ1",
}


@settings(deadline=None)  # the first check may compile the vocabulary
@given(
    template=st.sampled_from(TEMPLATES),
    word=st.sampled_from(("paranoid", "borderline")),
    data=st.data(),
)
def test_an_everyday_alone_word_is_flagged_when_one_letter_is_disguised(
    template: str, word: str, data: st.DataObject
) -> None:
    # As people write it: small letters, a capital first, or all capitals. (Capitals put in and
    # out through the word, "pArAnOiD", hide it: that is a disguise of its own, tested below.)
    plain = data.draw(st.sampled_from((word, word.title(), word.upper())), label="written")
    assert flagged(template.format(w=plain)) == []
    at = data.draw(st.sampled_from([k for k, c in enumerate(plain) if c in LOOKALIKES]), label="at")
    disguised = plain[:at] + data.draw(st.sampled_from(LOOKALIKES[plain[at]]), label="look-alike") + plain[at + 1 :]
    assert flagged(template.format(w=disguised)) == [disguised]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pArAnOiD about the neighbours again tonight.", ["pArAnOiD"]),
        ("BoRdErLiNe, per the ward.", ["BoRdErLiNe"]),
        ("Paranoid about the phone bill.", []),
        ("PARANOID about the phone bill.", []),
        ("McParanoid is a silly name.", []),
    ],
)
def test_capitals_in_and_out_through_a_word_hide_it(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


# ---------------------------------------------------------------------------
# 5. Things, not people: `Senses.said_of_a_thing` and `thing_words`
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Said of a thing, in a sentence about no one: everyday.
        ("The market was manic this week, shares all over the place.", []),
        ("The tide was manic at the bar, surf club closed.", []),
        ("The formulation of the new cough syrup tastes better.", []),
        ("The depressions on the map show old riverbeds.", []),
        # Said of a person, or of no thing at all.
        ("She was manic at the shops.", ["manic"]),
        ("The guest was manic.", ["manic"]),
        ("Pt was manic overnight.", ["Pt", "manic"]),
        ("Manic at the bus stop.", ["Manic"]),
        # A time, a setting's noun, a drink or drug, an act or a person after "of" or "for" is no thing.
        ("Risk assessment for the weekend.", ["Risk assessment"]),
        ("Formulation for the MDT meeting.", ["Formulation for the MDT"]),
        ("Harmful use of alcohol.", ["Harmful use"]),
        ("Harmful use of MDMA or related drugs", ["Harmful use"]),
        ("Delusions of persecution.", ["Delusions"]),
        ("Manipulation of staff.", ["Manipulation"]),
        ("Usual suspects in the lounge.", ["Usual suspects"]),
        # A thing, but someone in the sentence: the word may be said of them (the person guard).
        ("The market was manic, she said.", ["manic"]),
        ("The depressions on the map worried him.", ["depressions"]),
        ("The guest made a formulation of the cough syrup.", ["formulation"]),
    ],
)
def test_a_clinical_word_said_of_a_thing_is_everyday(text: str, expected: list[str]) -> None:
    assert flagged(text) == expected


def test_thing_words_sorts_nouns_into_things_times_and_people() -> None:
    nouns = thing_words()
    assert len(nouns) == 7 and all(isinstance(group, frozenset) for group in nouns)
    concrete, things, times, persons, caps, verbs, animals = nouns
    assert {"dog", "insect"} <= animals <= concrete
    # "paint" is a thing and a verb: "she paints" is no plural of a thing.
    assert "paint" in concrete and "paint" in verbs
    # Abbreviations that are English words too: only these can be a word said loudly.
    assert {"add", "sad", "did", "odd"} <= caps and not {"crhtt", "etoh", "cmht"} & caps
    assert {"syrup", "map"} <= concrete
    assert {"guest", "nurse"} <= persons
    # Drinks and drugs are what a diagnosis is "of": never things.
    assert not {"alcohol", "cocaine"} & (concrete | things | times | persons)
    # "ward" is first a person (then a hospital room): not a thing.
    assert "ward" in persons and "ward" not in concrete | things | times


@pytest.mark.skipif(
    not Path("/usr/share/wordnet/index.noun").is_file(),
    reason="WordNet comes from Debian's wordnet-base, a build dependency only",
)
def test_thing_words_json_is_up_to_date() -> None:
    # The committed nouns leave out the vocabulary's own words: a new word in vocabulary.toml means a rebuild.
    run = subprocess.run(
        [sys.executable, "-m", "crisishouse.language.build_things", "--check"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
