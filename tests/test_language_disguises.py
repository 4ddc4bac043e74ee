"""The check against generated disguises of the commonest labels (`tests/language_disguises.py`).

Floors, not goals: `make language-report` prints each way of hiding and what it missed.
"""

from __future__ import annotations

import pytest

from crisishouse.language import LanguageCheck
from tests.language_disguises import DISGUISES, measure

EACH_AT_LEAST = 0.85
ALL_AT_LEAST = 0.97


@pytest.fixture(scope="module")
def results(language_check: LanguageCheck):  # type: ignore[no-untyped-def]
    return measure(language_check)


@pytest.mark.parametrize("way", list(DISGUISES))
def test_each_way_of_hiding(results, way: str) -> None:  # type: ignore[no-untyped-def]
    caught = results[way]
    assert caught.of > 0
    assert caught.share >= EACH_AT_LEAST, f"{way}: {caught.caught}/{caught.of}, missed {sorted(set(caught.missed))}"


def test_all_ways_together(results) -> None:  # type: ignore[no-untyped-def]
    caught = sum(r.caught for r in results.values())
    of = sum(r.of for r in results.values())
    assert caught / of >= ALL_AT_LEAST, f"{caught}/{of}"
