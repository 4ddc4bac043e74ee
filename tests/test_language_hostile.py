"""One long line can hold what the check works hardest on: the work must grow with the text, not faster.

Counted, not timed (the times are in `make language-report`): each test counts the calls that used
to be made once per match instead of once per word or per sentence.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crisishouse.language import LanguageCheck, check, normalise, rules


def test_a_word_of_one_letter_run_long_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    collapsed = normalise._collapsed.__wrapped__

    def counting(word: str) -> tuple[str, ...]:
        calls.append(word)
        return collapsed(word)

    monkeypatch.setattr(normalise, "_collapsed", counting)
    assert check("a" * 20_000) == []
    assert len(calls) == 1  # not once for each of its 6,666 runs of three


def test_per_the_referral_over_and_over_is_one_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    hearsay = rules.Rules._hearsay

    def counting(self: rules.Rules, found, starts, ends, w):  # type: ignore[no-untyped-def]
        calls.append(w)
        return hearsay(self, found, starts, ends, w)

    monkeypatch.setattr(rules.Rules, "_hearsay", counting)
    text = "per the referral she is well and " * 500
    findings = check(text)
    assert len(findings) == 1 and findings[0].start == 0
    assert len(calls) == 1  # the first reaches the sentence's end; the others are inside it


def test_two_wildcard_words_are_read_wide_only_a_few_times_a_text() -> None:
    word = "p*ych*path"
    found = normalise.tokens(" ".join([word] * 100))
    assert found.alts is not None
    wide = [alts for alts in found.alts if "psychopath" in alts]
    assert 0 < len(wide) <= normalise._WIDE_READINGS
    assert all(len(alts) <= 26 * 26 + 5 for alts in found.alts)


@pytest.mark.parametrize(
    "text",
    ["a" * 5_000, "per the referral " * 300, "b1p0lar " * 500, "p*ych*tic " * 300, "s c h i z o " * 300],
)
def test_findings_point_into_long_hostile_lines(text: str) -> None:
    for found in check(text):
        assert text[found.start : found.end] == found.text


def test_the_sentence_of_each_token_is_worked_out_once() -> None:
    found = normalise.tokens("One two. Three four five! Six")
    firsts, lasts = found.sentence(rules._ends_sentence)
    assert firsts == [0, 0, 2, 2, 2, 5] and lasts == [1, 1, 4, 4, 4, 5]
    assert found.sentence(rules._ends_sentence) is found.sentence(rules._ends_sentence)


def test_a_house_checker_sees_the_same_as_the_built_in_one() -> None:
    line = "Referral says pαrαnoid; the market was manic; de-pr-e-ss-ive episode."
    assert [f.text for f in LanguageCheck().check(line)] == [f.text for f in check(line)]


def _as_typed(line: str) -> list[str]:
    return [line[:n] for n in range(1, len(line) + 1)]


def test_every_line_of_the_corpus_is_checked_as_it_is_typed() -> None:
    # The handover form checks each keystroke's text: a line cut off anywhere ("s.c.h.1") must not raise.
    from pathlib import Path

    corpus = Path(__file__).parent / "language_corpus"
    lines = [
        line.partition("||")[0].rstrip()
        for path in sorted(corpus.glob("*/evasion.txt")) + sorted(corpus.glob("*/clinical_shorthand.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) > 500
    for line in lines:
        for typed in _as_typed(line):
            for found in check(typed):
                assert typed[found.start : found.end] == found.text


@given(st.text(alphabet=st.sampled_from("abcdehiloprsz01345 ._-/*$@|AΑа\u200b"), max_size=40))
def test_any_text_of_letters_digits_and_separators_is_checked(text: str) -> None:
    for found in check(text):
        assert text[found.start : found.end] == found.text
