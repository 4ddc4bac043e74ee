"""The services take nothing on the caller's word: whose a stay is, and who a session is, come from the house's data.

(Every method of the refusal table is also tried with forged sessions and relabelled copies in
test_guest_refusals.py; these are the rest.)
"""

from __future__ import annotations

import inspect
from dataclasses import replace

import pendulum
import pytest

from crisishouse.models import Guest, StaffMember
from crisishouse.services import House, NotAllowed, Session, SignInRefused
from crisishouse.services import session as session_module
from tests.sessions import service_classes, staff_of


def test_every_method_that_takes_a_session_checks_it(demo_house: House):
    """A public service method taking a session is wrapped to check it against the house's data."""
    unchecked = []
    count = 0
    for class_name, cls in service_classes(demo_house).items():
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            params = list(inspect.signature(fn).parameters)
            if name.startswith("_") or len(params) < 2 or params[1] != "session":
                continue
            count += 1
            if not session_module.checks_its_session(fn):
                unchecked.append(f"{class_name}.{name}")
    assert count > 60
    assert unchecked == []


def test_a_staff_member_no_longer_on_the_staff_is_refused(demo_house: House, tama: Session):
    """Tama's session, once he is no longer on the staff: refused, and his PIN no longer signs in."""
    assert demo_house.board.view(tama).rooms
    demo_house.store.update(StaffMember, tama.person_id, lambda m: replace(m, active=False))
    with pytest.raises(NotAllowed, match="not one the house knows"):
        demo_house.board.view(tama)
    with pytest.raises(SignInRefused, match="do not match"):
        demo_house.sign_in.sign_in("Tama", "2222")


def test_an_erased_guests_session_is_refused(demo_house: House, mere: Session, tama: Session):
    """A guest's session outlives nothing of her: once her record is erased, it reaches nothing."""
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    assert demo_house.records.open(mere, mere.person_id).guest.id == mere.person_id
    demo_house.erasures.erase(tama, mere.person_id, "printed")
    with pytest.raises(NotAllowed):
        demo_house.records.open(mere, mere.person_id)


def test_a_guest_with_no_stay_has_a_session(demo_house: House, clock):  # type: ignore[no-untyped-def]
    """A guest's session need not name a stay (a record with no stay yet): it is checked, and works."""
    guest = Guest(chosen_name="Ari", created_at=clock.now())
    demo_house.store.put(guest)
    record = demo_house.records.open(Session(guest.id, "Ari", "guest"), guest.id)
    assert record.guest.id == guest.id and record.stay is None


def test_a_session_is_checked_once_per_call_from_outside(demo_house: House, tama: Session, monkeypatch):  # type: ignore[no-untyped-def]
    """The board asks many services; the session is read from the house's data once for it, not per service."""
    checks = []
    real = session_module.verify_session

    def counted(store, session):  # type: ignore[no-untyped-def]
        checks.append(session)
        return real(store, session)

    monkeypatch.setattr(session_module, "verify_session", counted)
    view = demo_house.board.view(tama)
    assert len(view.staying) > 3
    assert checks == [tama]
    checks.clear()
    demo_house.records.open(tama, view.staying[0].guest.id)  # type: ignore[union-attr]
    assert checks == [tama]


def test_timing_and_the_longest_stay_note_read_the_stay_as_saved(demo_house: House, tama: Session, mere: Session):
    """A copy with other nights out, another arrival or another planned leaving changes nothing: the saved stay counts."""
    saved = demo_house.stays.get(tama, mere.stay_id)
    altered = replace(
        saved,
        arrived_at=saved.arrived_at.subtract(days=40),
        planned_leaving=saved.planned_leaving.add(days=60),
        nights_out=(pendulum.date(2026, 11, 24),),
    )
    assert demo_house.check_ins.timing(tama, altered) == demo_house.check_ins.timing(tama, saved)
    assert demo_house.stays.longest_stay_note(tama, altered) == demo_house.stays.longest_stay_note(tama, saved)
    assert demo_house.check_ins.for_stay(mere, altered) == demo_house.check_ins.for_stay(mere, saved)


def test_a_guest_reaches_her_own_stay_through_a_copy(demo_house: House, mere: Session):
    """Her own stay, however the copy reads, still works for her (only the id is taken)."""
    own = demo_house.stays.get(mere, mere.stay_id)
    assert demo_house.check_ins.for_stay(mere, replace(own, guest_id="someone-else"))
    assert demo_house.check_ins.timing(mere, replace(own, guest_id="someone-else")).last is not None


def test_a_made_up_staff_session_is_refused(demo_house: House):
    """The session tests once used everywhere, "test-staff", is no one: refused; a real staff member's works."""
    with pytest.raises(NotAllowed, match="not one the house knows"):
        demo_house.stays.staying(Session("test-staff", "Test staff", "peer_staff"))
    assert demo_house.stays.staying(staff_of(demo_house))
