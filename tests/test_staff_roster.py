"""The roster and signing on and off: who may change it, its rules, and hours across midnight and DST."""

from __future__ import annotations

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import Shift
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.roster import Roster
from crisishouse.services.shifts import Shifts
from crisishouse.services.staff_records import hours_of
from tests.builders import TODAY, at
from tests.sessions import session_of


@pytest.fixture
def roster(staffed_house: House) -> Roster:
    return staffed_house.roster


def test_the_manager_assigns_and_staff_read_the_roster(staffed_house: House, roster: Roster):
    """A shift takes its times from the house's pattern and shows on the roster."""
    tama = session_of(staffed_house, "Tama")
    shift = roster.assign(session_of(staffed_house, "Aroha"), tama.person_id, TODAY.add(days=7), "afternoon")
    assert (shift.starts_at, shift.ends_at) == (at(TODAY.add(days=7), 15), at(TODAY.add(days=7), 23))
    assert roster.roster(tama, TODAY, 14) == [shift]
    assert staffed_house.store.get(Shift, shift.id, month="2026-12") == shift


def test_only_the_manager_changes_the_roster(staffed_house: House, roster: Roster):
    tama = session_of(staffed_house, "Tama")
    with pytest.raises(NotAllowed, match="Only the house manager"):
        roster.assign(tama, tama.person_id, TODAY, "night")
    shift = roster.assign(session_of(staffed_house, "Aroha"), tama.person_id, TODAY, "night")
    with pytest.raises(NotAllowed):
        roster.unassign(tama, shift.id)


def test_a_guest_cannot_read_the_roster(staffed_house: House, roster: Roster):
    # A real guest: a made-up session is refused before its role is looked at.
    stay = staffed_house.stays.arrive(
        session_of(staffed_house, "Aroha"),
        chosen_name="Mere",
        room=staffed_house.settings.rooms[0],
        planned_leaving=TODAY.add(days=3),
    )
    with pytest.raises(NotAllowed, match="Only staff"):
        roster.roster(Session(stay.guest_id, "Mere", "guest", stay.id), TODAY, 7)


@pytest.mark.parametrize(
    ("staff", "day", "name", "message"),
    [
        ("nobody", TODAY, "night", "no such staff member"),
        ("Tama", TODAY, "evening", "no 'evening' shift"),
        ("Tama", TODAY.subtract(days=1), "night", "not past days"),
    ],
)
def test_assigning_refuses_bad_requests(staffed_house: House, roster: Roster, staff, day, name, message):
    staff_id = session_of(staffed_house, staff).person_id if staff != "nobody" else "nobody1"
    with pytest.raises(ServiceError, match=message):
        roster.assign(session_of(staffed_house, "Aroha"), staff_id, day, name)


def test_a_second_shift_the_same_day_is_cover(staffed_house: House, roster: Roster):
    """Covering is normal: a second shift that day is allowed and recorded as cover; the same one twice is not."""
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    first = roster.assign(aroha, tama.person_id, TODAY.add(days=1), "morning")
    assert not first.cover
    with pytest.raises(ServiceError, match="already on the morning shift then"):
        roster.assign(aroha, tama.person_id, TODAY.add(days=1), "morning")
    second = roster.assign(aroha, tama.person_id, TODAY.add(days=1), "night")
    assert second.cover
    # Two people on one shift is fine, and neither is cover.
    assert not roster.assign(aroha, session_of(staffed_house, "Sina").person_id, TODAY.add(days=1), "morning").cover


def test_a_shift_overlapping_another_of_theirs_is_refused(staffed_house: House, roster: Roster):
    """Nobody works two shifts at once: the night into tomorrow overlaps nothing, but twice the same night does."""
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    roster.assign(aroha, tama.person_id, TODAY.add(days=1), "night")
    with pytest.raises(ServiceError, match="already on the night shift then"):
        roster.assign(aroha, tama.person_id, TODAY.add(days=1), "night")
    assert not roster.assign(aroha, tama.person_id, TODAY.add(days=2), "morning").cover


def test_nobody_is_rostered_on_their_mental_health_day(staffed_house: House, roster: Roster):
    tama = session_of(staffed_house, "Tama")
    staffed_house.mental_health_days.take(tama, TODAY.add(days=2))
    with pytest.raises(ServiceError, match="mental health day"):
        roster.assign(session_of(staffed_house, "Aroha"), tama.person_id, TODAY.add(days=2), "morning")


def test_unassigning(staffed_house: House, roster: Roster):
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    shift = roster.assign(aroha, tama.person_id, TODAY.add(days=3), "night")
    roster.unassign(aroha, shift.id)
    assert roster.roster(tama, TODAY, 7) == []
    with pytest.raises(ServiceError, match="no such shift"):
        roster.unassign(aroha, shift.id)


def test_a_shift_signed_on_to_stays(staffed_house: House, roster: Roster):
    tama = session_of(staffed_house, "Tama")
    shift = roster.sign_on(tama)
    with pytest.raises(ServiceError, match="signed on to"):
        roster.unassign(session_of(staffed_house, "Aroha"), shift.id)


# --- signing on and off ---------------------------------------------------------


def test_signing_on_to_the_rostered_shift_within_the_hour(staffed_house: House, roster: Roster, clock: FixedClock):
    tama = session_of(staffed_house, "Tama")
    rostered = roster.assign(session_of(staffed_house, "Aroha"), tama.person_id, TODAY, "afternoon")
    clock.set(at(TODAY, 14, 5))
    signed = roster.sign_on(tama)
    assert signed.id == rostered.id and signed.signed_on_at == at(TODAY, 14, 5)
    assert roster.on_shift(tama) == signed


def test_signing_on_before_ones_own_shift_covers_the_one_on_now(staffed_house: House, roster: Roster):
    """At 10:30 Tama's afternoon shift is hours off: signing on now covers the morning, and the afternoon stays his."""
    tama = session_of(staffed_house, "Tama")
    afternoon = roster.assign(session_of(staffed_house, "Aroha"), tama.person_id, TODAY, "afternoon")
    assert (
        roster.sign_on_question(tama)
        == "You are not rostered now. Sign on to cover the morning shift (07:00 to 15:00)?"
    )
    covered = roster.sign_on(tama)
    assert (covered.name, covered.cover) == ("morning", True)
    assert [s.id for s in roster.roster(tama, TODAY, 1)] == [covered.id, afternoon.id]


def test_signing_on_with_nothing_rostered_records_the_current_shift(staffed_house: House, roster: Roster):
    tama = session_of(staffed_house, "Tama")
    shift = roster.sign_on(tama)
    assert (shift.name, shift.day, shift.staff_id) == ("morning", TODAY, tama.person_id)
    assert roster.roster(tama, TODAY, 1) == [shift]


def test_signing_on_twice_or_off_without_on_is_refused(staffed_house: House, roster: Roster):
    tama = session_of(staffed_house, "Tama")
    with pytest.raises(ServiceError, match="not signed on"):
        roster.sign_off(tama)
    roster.sign_on(tama)
    with pytest.raises(ServiceError, match="already signed on"):
        roster.sign_on(tama)
    with pytest.raises(ServiceError, match="future"):
        roster.sign_off(tama, at=at(TODAY, 23))


def test_actual_hours_are_signed_off_less_signed_on(staffed_house: House, roster: Roster, clock: FixedClock):
    tama = session_of(staffed_house, "Tama")
    roster.sign_on(tama, at=at(TODAY, 6, 50))
    clock.set(at(TODAY, 15, 20))
    done = roster.sign_off(tama)
    assert done.signed_off_at == at(TODAY, 15, 20)
    assert hours_of(done) == 8.5 and done.rostered_hours == 8
    assert roster.on_shift(tama) is None


def test_a_guest_cannot_sign_on(roster: Roster):
    with pytest.raises(NotAllowed):
        roster.sign_on(Session("g1", "Mere", "guest", "s1"))


@pytest.mark.parametrize(
    ("day", "hours"),
    [(pendulum.date(2026, 11, 24), 8), (pendulum.date(2026, 4, 4), 9), (pendulum.date(2026, 9, 26), 7)],
)
def test_night_hours_across_midnight_and_daylight_saving(
    staffed_house: House, roster: Roster, clock: FixedClock, day, hours
):
    """23:00 to 07:00 is 8 hours, 9 when clocks go back (April), 7 when they go forward (September)."""
    clock.set(at(day.subtract(days=3), 9))
    tama = session_of(staffed_house, "Tama")
    shift = roster.assign(session_of(staffed_house, "Aroha"), tama.person_id, day, "night")
    assert shift.rostered_hours == hours == Shifts(staffed_house.settings).named(day, "night").hours
    clock.set(at(day, 23))
    roster.sign_on(tama)
    clock.set(at(day.add(days=1), 7))
    assert hours_of(roster.sign_off(tama)) == hours


def test_signing_off_asks_first_and_can_be_taken_back(staffed_house: House, roster: Roster, clock: FixedClock):
    """F2 mid-shift: the question names the shift and the hours; a mistaken sign-off is taken back."""
    tama = session_of(staffed_house, "Tama")
    with pytest.raises(ServiceError, match="not signed on to a shift, so there is nothing to sign off"):
        roster.sign_off_question(tama)
    roster.sign_on(tama)
    clock.advance(minutes=54)
    assert roster.sign_off_question(tama) == "Sign off the morning shift now (0.9 h)?"
    assert roster.last_sign_off(tama) is None
    off = roster.sign_off(tama)
    assert roster.on_shift(tama) is None
    assert roster.last_sign_off(tama) == off
    clock.advance(minutes=3)
    back = roster.undo_sign_off(tama)
    assert back.id == off.id and back.signed_off_at is None and back.signed_on_at == off.signed_on_at
    assert roster.on_shift(tama) == back
    assert roster.last_sign_off(tama) is None


def test_a_sign_off_is_taken_back_only_soon_and_only_ones_own(staffed_house: House, roster: Roster, clock: FixedClock):
    tama, sina = session_of(staffed_house, "Tama"), session_of(staffed_house, "Sina")
    roster.sign_on(tama)
    clock.advance(hours=2)
    roster.sign_off(tama)
    with pytest.raises(ServiceError, match="no sign-off from the last 10 minutes"):
        roster.undo_sign_off(sina)
    clock.advance(minutes=10)
    with pytest.raises(ServiceError, match="no sign-off from the last 10 minutes"):
        roster.undo_sign_off(tama)
    assert roster.on_shift(tama) is None


def test_signing_on_again_after_signing_off_is_refused_not_doubled(
    staffed_house: House, roster: Roster, clock: FixedClock
):
    """The same shift twice would double the hours: refused, pointing to taking the sign-off back."""
    tama = session_of(staffed_house, "Tama")
    roster.sign_on(tama)
    clock.advance(hours=1)
    roster.sign_off(tama)
    clock.advance(minutes=20)
    for asking in (roster.sign_on_question, roster.sign_on):
        with pytest.raises(ServiceError, match="signing on again would count it twice"):
            asking(tama)
    assert len(roster.roster(tama, TODAY, 1)) == 1
