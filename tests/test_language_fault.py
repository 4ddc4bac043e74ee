"""A fault in the language check flags the whole text as not checked, and nothing else breaks.

The check runs on every key typed in a form. A bug in it must neither take
the app down with the words being typed, nor let words it could not read
through to a printed page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.language import LanguageCheck
from crisishouse.language.checker import UNCHECKED
from crisishouse.services import House, Session, WordsToNotice
from crisishouse.services.handover_document import PrintRefused
from tests.pilot_helpers import screen_text, sign_in


def broken(*_args: Any, **_kwargs: Any) -> Any:
    raise IndexError("a fault in the check")


@pytest.fixture
def faulty(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every check fails inside, as a bug reading past a text's tokens would."""
    monkeypatch.setattr(LanguageCheck, "_vocabulary", broken)


@pytest.mark.usefixtures("faulty")
@pytest.mark.parametrize("text", ["Would like porridge", "x", "Tūī 🌿 \x1b[31m[b]bold[/b]", "a" * 100_000])
def test_a_fault_flags_the_whole_text_as_not_checked(text: str):
    (finding,) = LanguageCheck().check(text)
    assert (finding.start, finding.end, finding.text, finding.kind) == (0, len(text), text, UNCHECKED)
    assert finding.explain().startswith("These words could not be checked")
    assert "cannot be printed" in finding.explain()


@pytest.mark.usefixtures("faulty")
def test_nothing_typed_is_still_nothing_found():
    assert LanguageCheck().check("") == []


def test_a_working_check_never_says_not_checked():
    check = LanguageCheck()
    for text in ("Would like porridge", "Presenting as non-compliant", "s.c.h.1", "Imp:"):
        assert all(f.kind != UNCHECKED for f in check.check(text))


@pytest.mark.usefixtures("faulty")
def test_a_guest_is_shown_the_fault_before_saving_and_may_keep_the_words(demo_house: House, mere: Session):
    with pytest.raises(WordsToNotice) as shown:
        demo_house.handover.add_line(mere, mere.person_id, "Would like a quiet morning")
    assert [f.kind for f in shown.value.findings] == [UNCHECKED]
    kept = demo_house.handover.add_line(mere, mere.person_id, "Would like a quiet morning", words_noticed=True)
    assert kept.text == "Would like a quiet morning"


@pytest.mark.usefixtures("faulty")
def test_words_the_check_could_not_read_are_never_printed(
    demo_house: House, tama: Session, mere: Session, demo_dir: Path
):
    line = demo_house.handover.add_line(tama, mere.person_id, "Would like porridge for breakfast")
    demo_house.handover.agree(mere, line)
    with pytest.raises(PrintRefused, match="could not be checked"):
        demo_house.handover.print_handover(tama)
    assert not (demo_dir / "printouts").exists()


@pytest.mark.usefixtures("faulty")
async def test_typing_into_the_handover_form_with_a_faulty_check_keeps_the_app_and_the_words(
    demo_dir: Path, clock: FixedClock
):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        field = app.screen.query_one("#line-text", Input)
        field.focus()
        await pilot.press(*"Wants a walk")
        await pilot.pause()
        assert app.is_running
        assert field.value == "Wants a walk"
        shown = str(app.screen.query_one("#line-check", Static).render())
        assert "could not be checked" in shown
        assert "could not be checked" in screen_text(app)
