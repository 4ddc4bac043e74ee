"""The check's shortcuts for long texts find exactly what the long way finds.

A text with many findings has their everyday senses remembered by their
surroundings, and a token of letters and digits is tried only with the
shapes that may begin with its first character. Neither may change a
finding: these compare both ways on long texts made of the corpus's own
lines, on lines made to be hard, and on any text of letters, digits and
separators.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crisishouse.language.checker as checker_module
from crisishouse.language import LanguageCheck

CORPUS = Path(__file__).parent / "language_corpus"


def corpus_sentences() -> list[str]:
    lines = []
    for path in sorted(CORPUS.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lines.append(line.partition("||")[0].strip())
    return lines


@pytest.fixture(scope="module")
def check() -> LanguageCheck:
    return LanguageCheck()


@pytest.fixture(scope="module")
def long_way() -> Any:
    """The check with both shortcuts off: every finding's sense read afresh, every shape tried."""
    return _long


class _AllShapes(dict):  # type: ignore[type-arg]
    """Every shape for any first character: what the check tried before the filter."""

    def __init__(self, shapes: list[Any]) -> None:
        super().__init__()
        self.shapes = shapes

    def get(self, _key: Any, _default: Any = None) -> list[Any]:
        return self.shapes


LINES = corpus_sentences()


@pytest.mark.parametrize("seed", range(12))
def test_long_texts_of_corpus_lines_find_the_same_both_ways(check: LanguageCheck, long_way: Any, seed: int):
    rng = random.Random(seed)
    text = (" " if seed % 2 else "\n").join(rng.choice(LINES) for _ in range(150))
    found = check.check(text)
    assert len(found) > checker_module._MANY_FINDINGS
    assert found == long_way(check, text)


@pytest.mark.parametrize(
    "unit",
    [
        "b1p0lar ",
        "He was manic at tea. ",
        "p*ych*tic ",
        "k10 of 31, q15 obs, s136 leave, 15mg mane, lvl2 obs, gcs15, ats2, mmpi2 ",
        "The Depression. the depression on the map. Psycho was on TV. ",
        "Manic ",
        "a manic market, a paranoid mate, known to be self-harming ",
        "BPD/PD/LD ",
        "I DID it. DID noted, ADD and SAD too; felt SAD\n",
    ],
)
def test_the_same_words_over_and_over_find_the_same_both_ways(check: LanguageCheck, long_way: Any, unit: str):
    text = unit * (20_000 // len(unit))
    assert check.check(text) == long_way(check, text)


@pytest.mark.parametrize(
    "pair",
    [
        # The same offsets, other words: a thing or a person before "was manic".
        ("the market was manic. ", "the mother was manic. "),
        # The same words near, another one further off: someone in the sentence, or no one.
        ("he, then later, the tide was manic. Kai at six. ", "so, then later, the tide was manic. Kai at six. "),
    ],
)
def test_findings_alike_nearby_but_not_further_off_are_each_read(
    check: LanguageCheck, long_way: Any, pair: tuple[str, str]
):
    text = "".join(pair) * 80
    found = check.check(text)
    assert len(found) == 80  # one of each pair only
    assert found == long_way(check, text)


def test_a_finding_near_either_end_of_a_long_text_is_read_in_its_own_surroundings(check: LanguageCheck, long_way: Any):
    """The first and last words have other surroundings than the middle ones."""
    text = "Psycho " + "b1p0lar " * 200 + "Psycho, the film"
    found = check.check(text)
    assert found[0].text == "Psycho"  # no word about films near: a label
    assert found[-1].text == "b1p0lar"  # "Psycho, the film": a title
    assert found == long_way(check, text)


_WORDS = [
    "b1p0lar",
    "k10",
    "q15",
    "s136",
    "15mg",
    "mane",
    "obs",
    "manic",
    "the",
    "Depression",
    "Psycho",
    "AH+",
    "paranoid",
    "known",
    "to",
    "be",
    "a",
    "market",
    "was",
    "p*ych*tic",
    "0cd",
    "1:1",
    "2/52",
    "x3",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(_WORDS) | st.text(alphabet="ab1:0/-*. s", max_size=6),
        min_size=65,
        max_size=140,
    ),
    st.sampled_from([" ", ". ", ", ", "\n", "-"]),
)
def test_any_long_text_finds_the_same_both_ways(words: list[str], sep: str):
    check = _shared_check()
    text = sep.join(words)
    assert check.check(text) == _long(check, text)


_CHECK: list[LanguageCheck] = []


def _shared_check() -> LanguageCheck:
    if not _CHECK:
        _CHECK.append(LanguageCheck())
    return _CHECK[0]


def _long(check: LanguageCheck, text: str) -> list[Any]:
    rules = check._rules
    assert rules is not None
    kept_many, kept_from = checker_module._MANY_FINDINGS, rules._mixed_from
    checker_module._MANY_FINDINGS = 10**9
    rules._mixed_from = _AllShapes(list(rules._mixed))
    try:
        return check.check(text)
    finally:
        checker_module._MANY_FINDINGS, rules._mixed_from = kept_many, kept_from


def _symbols_read_one_by_one(text: str) -> str:
    """Each symbol read afresh in its own run, nothing remembered: what the normaliser did before
    it read a run written again once."""
    from crisishouse.language import normalise

    chars = list(text)
    for m in normalise._SYMBOL.finditer(text):
        low, high = normalise._Runs(text).span(normalise._ALL_MARKS, m.start())
        if high - low > normalise._LONGEST_RUN:
            continue
        letter = normalise._symbol_read(text, m.start(), m.group(), normalise._Runs(text))
        if letter is not None:
            chars[m.start()] = letter
    return "".join(chars)


_HIDDEN = ["dement!@", "s*******a", "A*D*H*D", "$u!c!d@l", "n_u_t_s", "|oony", "dementi@", "great!!", "$5", "D|I|D"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_HIDDEN) | st.text(alphabet="abs1l$@!|*_#¥", min_size=1, max_size=9),
        min_size=1,
        max_size=60,
    ),
    st.sampled_from([" ", "", ". ", "\n", "-", "*"]),
    st.integers(min_value=1, max_value=5),
)
def test_symbols_for_letters_read_by_run_as_one_by_one(pieces: list[str], sep: str, times: int):
    from crisishouse.language.normalise import _symbols_as_letters

    text = sep.join(pieces * times)
    assert _symbols_as_letters(text) == _symbols_read_one_by_one(text)


@pytest.mark.parametrize("unit", ["s*******a ", "dement!@ ", "$!$!$@!a", "a*b*c*d*", "n_u_t_s "])
def test_a_hundred_kilobytes_of_symbols_read_by_run_as_one_by_one(unit: str):
    from crisishouse.language.normalise import _symbols_as_letters

    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    assert _symbols_as_letters(text) == _symbols_read_one_by_one(text)
