"""Labels written wrong (`crisishouse/language/misspelt.py`), letters spaced out by any one mark, and
symbols for letters side by side.

These rules come from a generated set of disguises of the commonest labels (one letter off, no
vowels, backwards, letters spaced by "+", "~", "•" or ","), not from the corpus's lines.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisishouse.language import LanguageCheck
from crisishouse.language.misspelt import Misspellings, one_letter_off, skeleton
from crisishouse.language.vocabulary import builtin_misspelt
from tests.language_cases import assert_caught, flagged


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the plain way: the reference `one_letter_off` is held to."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


words = st.text(alphabet="abcde", min_size=0, max_size=7)


@given(words, words)
def test_one_letter_off_is_distance_one(a: str, b: str) -> None:
    assert one_letter_off(a, b) == (_distance(a, b) == 1)


@given(words, st.integers(0, 8), st.sampled_from(["drop", "add", "change", "swap"]), st.sampled_from("abcxyz"))
def test_one_edit_is_one_letter_off(word: str, at: int, edit: str, letter: str) -> None:
    at = min(at, len(word))
    if edit == "drop" and word:
        other = word[: min(at, len(word) - 1)] + word[min(at, len(word) - 1) + 1 :]
    elif edit == "add":
        other = word[:at] + letter + word[at:]
    elif edit == "change" and at < len(word):
        other = word[:at] + letter + word[at + 1 :]
    elif edit == "swap" and at + 1 < len(word):
        other = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:
        return
    assert one_letter_off(word, other) == (other != word)


def test_skeleton() -> None:
    assert skeleton("depression") == "dprssn"
    assert skeleton("anorexia") == "anrx"


@pytest.fixture(scope="module")
def misspellings() -> Misspellings:
    labels, not_misspelt = builtin_misspelt()
    return Misspellings.of(labels, not_misspelt)


@pytest.mark.parametrize(
    ("token", "label"),
    [
        ("dilusional", "delusional"),
        ("schizophrenai", "schizophrenia"),
        ("depresion", "depression"),
        ("psychossis", "psychosis"),
        ("dprssn", "depression"),
        ("schzphrn", "schizophrenia"),
        ("bplr", "bipolar"),
        ("ainerhpozihcs", "schizophrenia"),
        ("ralopib", "bipolar"),
    ],
)
def test_a_label_written_wrong(misspellings: Misspellings, token: str, label: str) -> None:
    assert misspellings.label_in(token) == label
    assert misspellings.label_in(token) == label  # and again, from what it has seen


@pytest.mark.parametrize(
    "token",
    [
        # English words a letter from a label, found in WordNet.
        "artistic",
        "repression",
        "repressive",
        "dipolar",
        "catalonia",
        "elusion",
        # The first letter wrong is never read as a slip; short labels are never read at all.
        "tipolar",
        "panic",
        "mainc",
        "magic",
        # Everyday words and abbreviations.
        "breakfast",
        "support",
        "rhythm",
        "hmmm",
        "cmht",
        "depressed",
        "bipolars",
    ],
)
def test_not_a_label(misspellings: Misspellings, token: str) -> None:
    label = misspellings.label_in(token)
    assert label is None or token.startswith(label)  # "bipolars": the label itself, a plural


def test_what_it_has_seen_stays_bounded() -> None:
    misspellings = Misspellings.of(["bipolar"], [])
    for n in range(25_000):
        misspellings.label_in(f"word{n}")
    assert len(misspellings.seen) <= 20_000
    assert misspellings.label_in("bipolr") == "bipolar"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Her brother's dilusional, the texts say.", "dilusional"),
        ("Nan's dementa is worse this week.", "dementa"),
        ("He typed dprssn into the chat.", "dprssn"),
        ("Wrote ralopib on the whiteboard.", "ralopib"),
        ("Cousin has b+i+p+o+l+a+r, he says.", "b+i+p+o+l+a+r"),
        ("Says she's a~n~o~r~e~x~i~c again.", "a~n~o~r~e~x~i~c"),
        ("m•a•n•i•c all weekend, whānau said.", "m•a•n•i•c"),
        ("The note said d,e,m,e,n,t,i,a.", "d,e,m,e,n,t,i,a"),
        # Symbols for letters side by side, or one closing the word.
        ("Nan's dement!@ is worse.", "dement!@"),
        ("He wrote depre$$!on on the form.", "depre$$!on"),
        # A letter escaped as on a web page or in an address.
        ("Pasted from the portal: Diagnosis: bip&#111;lar I.", "bip&#111;lar"),
        ("The link was /early-psych%6Fsis-signs, she said.", "psych%6Fsis"),
        # Turned upside down, the last letter first.
        ("He wrote ɐıuɐɯ on the whiteboard.", "ɐıuɐɯ"),
        # A prefix joined to a diagnosis; an abbreviation with an ending.
        ("Letter says nonpsychotic depression.", "nonpsychotic"),
        ("She called it semipsychotic, laughing.", "semipsychotic"),
        ("Peak OCDness in the kitchen today.", "OCDness"),
        ("Texting very BPDly, his mate said.", "BPDly"),
    ],
)
def test_flagged(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


@pytest.mark.parametrize(
    "text",
    [
        "Artistic kids at the marae made the posters.",
        "Catalonia on the telly, she wants to go one day.",
        "Repression was the topic of her history essay.",
        "The dipolar magnets arrived for the science fair.",
        "Rhythm and blues at the pub, hmmm, maybe.",
        "Options a,b,c,d on the form, tick one.",
        "3+4+5=12 on the kids' homework.",
        "Tea~coffee~milk on the shopping list.",
        "Pick up the O,C,D and E batteries.",
        "great!! see you at six",
        "100% sure, 50%off at the market, rock &amp; roll night.",
        "Me&#101;t at the marae, hello%20world.",
        "ʎɐp pooƃ ɐ, she wrote upside down; kırmızı elma.",
        "Email aroha@home.nz about the roster.",
        "Raffle tickets $2!! at the door.",
        "Found unresponsive in the car, the ambulance took him.",
        "The pup was unrestrained in the back seat.",
        "A nonaggressive dog, the neighbours say.",
        "He's preoccupied with the footy.",
        "They understand the roster now.",
    ],
)
def test_left_alone(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


def test_a_prefix_is_read_only_before_a_diagnosis(language_check: LanguageCheck) -> None:
    from crisishouse.language.checker import _after_prefix

    table = language_check._table
    assert _after_prefix("nonpsychotic", table) == "psychotic"
    assert _after_prefix("hypermanic", table) == "manic"
    # Jargon and deficit words after a prefix are plain English; a medicine is not a prefix.
    for word in ("unrestrained", "nonaggressive", "unresistant", "uncorroborated", "antipsychotics"):
        assert _after_prefix(word, table) is None, word


@pytest.mark.parametrize(
    "text",
    [
        # A service's word said of a plan, an answer or a market, in a sentence about no one.
        "An aggressive marketing campaign by the bank.",
        "The company had aggressive growth targets this year.",
        "The bank gave an evasive answer about the fees.",
    ],
)
def test_said_of_a_thing_of_no_one(language_check: LanguageCheck, text: str) -> None:
    assert flagged(language_check, text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # A note that leaves out whom it is about is about a guest; a person named keeps it theirs.
        ("Evasive answers, poor eye contact.", "Evasive"),
        ("Poverty of speech, monosyllabic answers.", "monosyllabic"),
        ("She gave evasive answers at the meeting.", "evasive"),
        ("He made aggressive comments to the staff.", "aggressive"),
        ("The guest gave an evasive answer about the rent.", "evasive"),
        ("Gave an evasive answer, then she left the room.", "evasive"),
        # Said of medicines it is compliance talk; a team in capitals; a noun before a noun.
        ("Plan: review the noncompliant meds.", "noncompliant"),
        ("The CMHT email came at noon.", "CMHT"),
        ("The delusions' main theme is the police.", "delusions"),
    ],
)
def test_still_said_of_someone(language_check: LanguageCheck, text: str, words: str) -> None:
    assert_caught(language_check, text, words)


def test_marks_in_a_run_longer_than_any_word_are_marks() -> None:
    from crisishouse.language.normalise import fold

    # Inside a word, "$" is an s; in a run of 90 letters and more, no word is hidden.
    assert fold("p$ychotic")[0] == "psychotic"
    long_run = "x" * 90 + "p$ychotic"
    assert fold(long_run)[0] == long_run
    # Runs are found again for each mark, whatever came before ("s***a" then "p$ycho").
    assert fold("s***a and p$ycho and a*b*c*d")[0] == "s***a and psycho and a.b.c.d"
