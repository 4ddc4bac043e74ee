"""Who may do what is checked once, where a request enters the services.

One service calling another within a request does not check the session
again (each check is a read of the house's data); a new request does.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import crisishouse.services.session as session_module
from crisishouse.services import House, NotAllowed, Session
from tests.spies import record_calls


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every session the services check, in order."""
    return record_calls(monkeypatch, session_module, "verify_session", lambda store, session: session)


def first_guest(house: House, tama: Session) -> str:
    line = next(line for line in house.board.view(tama).staying if line.guest is not None)
    assert line.guest is not None
    return line.guest.id


REQUESTS: dict[str, Callable[[House, Session, str], object]] = {
    "the board": lambda house, tama, _guest: house.board.view(tama),
    "the handover cards": lambda house, tama, _guest: house.handover.cards(tama),
    "the handover document": lambda house, tama, _guest: house.handover.document(tama),
    "printing the handover": lambda house, tama, _guest: house.handover.print_handover(tama),
    "a guest's record": lambda house, tama, guest: house.records.open(tama, guest),
    "a guest's own record to print": lambda house, tama, guest: house.own_record.sections(tama, guest),
}


@pytest.mark.parametrize("request_name", sorted(REQUESTS))
def test_one_request_checks_the_session_once(
    demo_house: House, tama: Session, checks: list[object], request_name: str
) -> None:
    guest = first_guest(demo_house, tama)
    checks.clear()
    REQUESTS[request_name](demo_house, tama, guest)
    assert checks == [tama]


def test_each_new_request_checks_again(demo_house: House, tama: Session, checks: list[object]) -> None:
    demo_house.board.view(tama)
    demo_house.board.view(tama)
    assert checks == [tama, tama]


def test_a_session_checked_within_a_request_is_not_trusted_by_the_next(
    demo_house: House, tama: Session, checks: list[object]
) -> None:
    forged = Session(tama.person_id, tama.name, "manager")
    demo_house.board.view(tama)
    with pytest.raises(NotAllowed):
        demo_house.load.load(forged)
    assert checks == [tama, forged]


def test_words_to_notice_point_into_the_text_as_it_is_stored(demo_house: House, mere: Session) -> None:
    """Typed with a control character and spaces around it, the finding's span is the word in the saved text."""
    from crisishouse.services import WordsToNotice

    typed = "  \x1b[31mMy\tschizophrenia is loud  "
    with pytest.raises(WordsToNotice) as found:
        demo_house.handover.add_line(mere, mere.person_id, typed)
    saved = demo_house.handover.add_line(mere, mere.person_id, typed, words_noticed=True)
    for finding in found.value.findings:
        assert "schizophrenia" in saved.text[finding.start : finding.end].casefold()
