"""Stays and check-ins through the services: arriving, changing, leaving, and their rules."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.language import Finding
from crisishouse.models import CheckIn, Guest, Stay, ValidationError
from crisishouse.services import House, NotAllowed, ServiceError, Session, WordsToNotice
from crisishouse.services.check_ins import CheckIns
from crisishouse.services.pins import verify_pin
from crisishouse.text import clean_text
from tests.bad_input import BAD_WORDS, BIG
from tests.builders import TODAY, at
from tests.sessions import staff_of

LEAVING = pendulum.date(2026, 11, 30)
FREE_ROOM = "Rimu"


def arrive(house: House, staff: Session, name: str = "Kiri", room: str = FREE_ROOM, **kwargs) -> Stay:
    kwargs.setdefault("planned_leaving", LEAVING)
    return house.stays.arrive(staff, chosen_name=name, room=room, **kwargs)


def counts(house: House) -> tuple[int, int]:
    """How many guests and stays the store holds."""
    return len(house.store.find(Guest)), len(house.store.find(Stay))


def guest_of(house: House, stay: Stay) -> Guest:
    guest = house.store.get(Guest, stay.guest_id)
    assert guest is not None
    return guest


# --- arriving -----------------------------------------------------------------


def test_arrival_saves_the_guest_and_their_stay(demo_house: House, tama: Session):
    """Arriving stores the chosen name, pronouns, room, arrival and planned leaving."""
    stay = arrive(demo_house, tama, "Kiri", pronouns="she/her")
    saved = demo_house.stays.get(staff_of(demo_house), stay.id)
    assert saved.room == FREE_ROOM
    assert saved.arrived_at == demo_house.clock.now()
    assert saved.planned_leaving == LEAVING
    assert saved.is_staying
    guest = guest_of(demo_house, saved)
    assert (guest.chosen_name, guest.pronouns) == ("Kiri", "she/her")
    assert demo_house.stays.current_stay_of(staff_of(demo_house), guest.id).id == stay.id


def test_arrival_can_be_recorded_a_little_after_it_happened(demo_house: House, tama: Session):
    """An arrival earlier today is kept at the time the guest arrived."""
    stay = arrive(demo_house, tama, arrived_at=at(TODAY, 8, 15))
    assert demo_house.stays.get(staff_of(demo_house), stay.id).arrived_at == at(TODAY, 8, 15)


def test_pronouns_and_support_person_are_optional(demo_house: House, tama: Session):
    """With nothing offered, pronouns and support person stay empty."""
    guest = guest_of(demo_house, arrive(demo_house, tama))
    assert guest.pronouns is None
    assert guest.support_person is None
    assert guest.support_person_consent is False


def test_support_person_is_recorded_with_consent(demo_house: House, tama: Session):
    """A support person the guest agreed to record is kept."""
    stay = arrive(demo_house, tama, support_person="Hana (sister)", support_person_consent=True)
    guest = guest_of(demo_house, stay)
    assert guest.support_person == "Hana (sister)"
    assert guest.support_person_consent is True


def test_support_person_without_consent_is_refused_and_nothing_saved(demo_house: House, tama: Session):
    """A support person without the guest's consent is refused; no guest or stay is saved."""
    before = counts(demo_house)
    with pytest.raises(ValidationError, match="only when the guest agrees"):
        arrive(demo_house, tama, support_person="Hana", support_person_consent=False)
    assert counts(demo_house) == before


def test_pin_is_stored_only_as_a_hash(demo_house: House, tama: Session):
    """A guest's PIN is kept as a salted hash that verifies, never in clear."""
    guest = guest_of(demo_house, arrive(demo_house, tama, pin="4321"))
    assert guest.pin_hash is not None
    assert "4321" not in guest.pin_hash
    assert guest.pin_hash.startswith("scrypt$")
    assert verify_pin("4321", guest.pin_hash)
    assert not verify_pin("4322", guest.pin_hash)


def test_guest_signs_in_with_the_pin_given_at_arrival(demo_house: House, tama: Session):
    """The PIN set at arrival opens a guest session for that stay."""
    stay = arrive(demo_house, tama, "Kiri", pin="4321")
    session = demo_house.sign_in.sign_in("Kiri", "4321")
    assert (session.role, session.person_id, session.stay_id) == ("guest", stay.guest_id, stay.id)


def test_pin_that_is_not_digits_is_refused_and_nothing_saved(demo_house: House, tama: Session):
    """A PIN like "12ab" is refused with the rule, before anything is kept."""
    before = counts(demo_house)
    with pytest.raises(ServiceError, match="A PIN is 4 to 8 digits"):
        arrive(demo_house, tama, pin="12ab")
    assert counts(demo_house) == before


def test_arriving_in_the_future_is_refused(demo_house: House, tama: Session):
    """An arrival an hour from now is refused."""
    before = counts(demo_house)
    with pytest.raises(ServiceError, match="An arrival cannot be in the future"):
        arrive(demo_house, tama, arrived_at=demo_house.clock.now().add(hours=1))
    assert counts(demo_house) == before


def test_room_not_in_the_house_is_refused(demo_house: House, tama: Session):
    """A room the house does not have is refused, naming the house's rooms."""
    with pytest.raises(ServiceError, match=r"'Attic' is not one of the house's rooms: Kōwhai, .*Rimu\."):
        arrive(demo_house, tama, room="Attic")


def test_room_with_a_guest_in_it_is_refused(demo_house: House, tama: Session):
    """One guest per room: arriving into Mere's room is refused."""
    before = counts(demo_house)
    with pytest.raises(ServiceError, match="Kōwhai has someone staying in it. Choose a free room."):
        arrive(demo_house, tama, room="Kōwhai")
    assert counts(demo_house) == before


def test_planned_leaving_before_arrival_is_refused(demo_house: House, tama: Session):
    """A planned leaving date before the arrival date is refused."""
    with pytest.raises(ServiceError, match="The planned leaving date is before the arrival"):
        arrive(demo_house, tama, planned_leaving=TODAY.subtract(days=1))


def test_a_stay_up_to_the_longest_stay_needs_no_reason(demo_house: House, tama: Session):
    """Exactly the house's longest stay (14 nights) is fine without a reason."""
    stay = arrive(demo_house, tama, planned_leaving=TODAY.add(days=14))
    assert demo_house.stays._planned_nights(stay) == 14
    assert stay.longer_stay_reason is None


def test_a_stay_past_the_longest_stay_without_a_reason_is_refused(demo_house: House, tama: Session):
    """Fifteen nights with no reason is refused, asking for one in plain words."""
    before = counts(demo_house)
    with pytest.raises(
        ServiceError, match=r"That makes 15 nights, longer than the house's usual 14\. Say in plain words why"
    ):
        arrive(demo_house, tama, planned_leaving=TODAY.add(days=15))
    assert counts(demo_house) == before


def test_a_blank_reason_for_a_longer_stay_is_refused(demo_house: House, tama: Session):
    """A reason of only spaces is no reason."""
    with pytest.raises(ServiceError, match="Say in plain words why"):
        arrive(demo_house, tama, planned_leaving=TODAY.add(days=15), longer_stay_reason="   ")


def test_a_reason_of_only_terminal_codes_is_refused(demo_house: House, tama: Session):
    """A reason that is only escape sequences is cleaned to nothing, so it is no reason."""
    before = counts(demo_house)
    with pytest.raises(ServiceError, match="Say in plain words why"):
        arrive(demo_house, tama, planned_leaving=TODAY.add(days=15), longer_stay_reason="\x1b[2J\x1b]0;title\x07")
    assert counts(demo_house) == before


def test_a_longer_stay_with_a_reason_keeps_the_reason(demo_house: House, tama: Session):
    """Past the longest stay, the plain-words reason is kept with the stay."""
    stay = arrive(
        demo_house, tama, planned_leaving=TODAY.add(days=20), longer_stay_reason="Waiting for the flat to be ready"
    )
    assert demo_house.stays.get(staff_of(demo_house), stay.id).longer_stay_reason == "Waiting for the flat to be ready"


def test_a_guest_already_staying_cannot_arrive_again(demo_house: House, tama: Session, mere: Session):
    """Welcoming back a guest who is staying now is refused."""
    before = counts(demo_house)
    with pytest.raises(ServiceError, match="Mere is already staying"):
        arrive(demo_house, tama, "Mere", returning_guest_id=mere.person_id)
    assert counts(demo_house) == before


def test_welcoming_back_a_guest_who_does_not_exist_is_refused(demo_house: House, tama: Session):
    """A returning guest id that matches no one is refused."""
    with pytest.raises(ServiceError, match="There is no such guest to welcome back"):
        arrive(demo_house, tama, returning_guest_id="no-such-guest")


# --- returning guests ---------------------------------------------------------------


def _stay_and_leave(house: House, staff: Session, name: str, choice: str | None) -> Stay:
    """A guest who arrived this morning and left at 10:30 with `choice`."""
    stay = arrive(house, staff, name, arrived_at=at(TODAY, 8, 0))
    return house.stays.leave(staff, stay.id, choice)


@pytest.mark.parametrize("choice", ["keep", None])
def test_returning_guest_who_kept_their_record_is_found(demo_house: House, tama: Session, choice):
    """A past guest who kept their record (or made no choice) is offered, matched without case."""
    left = _stay_and_leave(demo_house, tama, "Kiri", choice)
    found = demo_house.stays.returning_guests(tama, "kiri")
    assert [r.guest.id for r in found] == [left.guest_id]
    assert found[0].last_stay.id == left.id


def test_returning_guest_words_give_the_leaving_date_in_house_time(demo_house: House, tama: Session):
    """Left at 10:30 on 24 November (house time, 23 November in UTC): the words say 24 November."""
    _stay_and_leave(demo_house, tama, "Kiri", "keep")
    (found,) = demo_house.stays.returning_guests(tama, "Kiri")
    assert found.words == "stayed before, last leaving 24 November 2026"


def test_returning_guest_is_welcomed_back_with_the_same_guest_id(demo_house: House, tama: Session, clock: FixedClock):
    """Welcoming back keeps the guest's id, so their earlier stay stays with them."""
    left = _stay_and_leave(demo_house, tama, "Kiri", "keep")
    clock.advance(minutes=30)
    again = arrive(demo_house, tama, "Kiri", returning_guest_id=left.guest_id)
    assert again.guest_id == left.guest_id
    assert again.id != left.id
    assert [s.id for s in demo_house.stays.stays_of(staff_of(demo_house), left.guest_id)] == [left.id, again.id]
    assert len([g for g in demo_house.store.find(Guest) if g.chosen_name == "Kiri"]) == 1


def test_guest_who_chose_erase_is_not_offered(demo_house: House, tama: Session):
    """A guest who chose to erase their record is not offered as returning."""
    _stay_and_leave(demo_house, tama, "Kiri", "erase")
    assert demo_house.stays.returning_guests(tama, "Kiri") == []


def test_returning_guest_is_found_however_the_macron_was_typed(demo_house: House, tama: Session):
    """ "a\u0304rama" (decomposed, lower case) finds Ārama; "Arama" without the macron does not."""
    left = _stay_and_leave(demo_house, tama, "Ārama", "keep")
    assert [r.guest.id for r in demo_house.stays.returning_guests(tama, "a\u0304rama")] == [left.guest_id]
    assert demo_house.stays.returning_guests(tama, "Arama") == []


def test_guest_staying_now_is_not_offered_as_returning(demo_house: House, tama: Session):
    """Mere is staying now, so she is not a returning guest."""
    assert demo_house.stays.returning_guests(tama, "Mere") == []


def test_returning_guest_search_with_an_empty_name_finds_no_one(demo_house: House, tama: Session):
    """An empty or blank name finds nobody."""
    assert demo_house.stays.returning_guests(tama, "  ") == []


# --- changing a stay -----------------------------------------------------------------


def test_stay_can_be_extended(demo_house: House, tama: Session, mere: Session):
    """Extending moves the planned leaving date later."""
    changed = demo_house.stays.change_leaving(tama, mere.stay_id, pendulum.date(2026, 11, 29))
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).planned_leaving == pendulum.date(2026, 11, 29)
    assert changed.planned_leaving == pendulum.date(2026, 11, 29)


def test_stay_can_be_shortened(demo_house: House, tama: Session, mere: Session):
    """Shortening moves the planned leaving date earlier."""
    demo_house.stays.change_leaving(tama, mere.stay_id, pendulum.date(2026, 11, 25))
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).planned_leaving == pendulum.date(2026, 11, 25)


def test_shortening_to_before_the_arrival_is_refused(demo_house: House, tama: Session, mere: Session):
    """Mere arrived on 20 November; a leaving date of 19 November is refused."""
    with pytest.raises(ServiceError, match="The planned leaving date is before the arrival"):
        demo_house.stays.change_leaving(tama, mere.stay_id, pendulum.date(2026, 11, 19))
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).planned_leaving == pendulum.date(2026, 11, 27)


def test_extending_past_the_longest_stay_needs_a_reason(demo_house: House, tama: Session, mere: Session):
    """Extending Mere to 15 nights without a reason is refused and the stay is unchanged."""
    with pytest.raises(ServiceError, match="That makes 15 nights, longer than the house's usual 14"):
        demo_house.stays.change_leaving(tama, mere.stay_id, pendulum.date(2026, 12, 5))
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).planned_leaving == pendulum.date(2026, 11, 27)


def test_extending_past_the_longest_stay_with_a_reason_is_kept(demo_house: House, tama: Session, mere: Session):
    """With a reason, the longer stay and its reason are saved."""
    demo_house.stays.change_leaving(tama, mere.stay_id, pendulum.date(2026, 12, 5), "Her flat is ready on the 5th")
    saved = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    assert saved.planned_leaving == pendulum.date(2026, 12, 5)
    assert saved.longer_stay_reason == "Her flat is ready on the 5th"


def test_move_room_records_the_move(demo_house: House, tama: Session, mere: Session):
    """Moving a guest changes their room and records when, from, to and who."""
    demo_house.stays.move_room(tama, mere.stay_id, FREE_ROOM)
    saved = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    assert saved.room == FREE_ROOM
    assert len(saved.moves) == 1
    move = saved.moves[0]
    assert (move.from_room, move.to_room, move.by, move.at) == (
        "Kōwhai",
        FREE_ROOM,
        tama.person_id,
        demo_house.clock.now(),
    )


def test_a_moved_guests_old_room_is_free(demo_house: House, tama: Session, mere: Session):
    """After a move the room left behind can take a new guest."""
    demo_house.stays.move_room(tama, mere.stay_id, FREE_ROOM)
    stay = arrive(demo_house, tama, room="Kōwhai")
    assert demo_house.stays.get(staff_of(demo_house), stay.id).room == "Kōwhai"


def test_move_into_a_room_with_a_guest_is_refused(demo_house: House, tama: Session, mere: Session):
    """Moving Mere into Kauri, where Ben is staying, is refused."""
    with pytest.raises(ServiceError, match="Kauri has someone staying in it"):
        demo_house.stays.move_room(tama, mere.stay_id, "Kauri")
    saved = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    assert (saved.room, saved.moves) == ("Kōwhai", ())


def test_move_into_the_same_room_is_refused(demo_house: House, tama: Session, mere: Session):
    """Moving a guest into the room they are in is refused."""
    with pytest.raises(ServiceError, match="Kōwhai is already this guest's room"):
        demo_house.stays.move_room(tama, mere.stay_id, "Kōwhai")


def test_move_into_a_room_the_house_does_not_have_is_refused(demo_house: House, tama: Session, mere: Session):
    """Moving a guest into a room not in the house is refused."""
    with pytest.raises(ServiceError, match="'Attic' is not one of the house's rooms"):
        demo_house.stays.move_room(tama, mere.stay_id, "Attic")


def test_out_overnight_defaults_to_tonight(demo_house: House, tama: Session, mere: Session):
    """A night out with no date is tonight (the house's date)."""
    demo_house.stays.out_overnight(tama, mere.stay_id)
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).nights_out == (TODAY,)


def test_out_overnight_on_a_given_night_is_kept_once_in_order(demo_house: House, tama: Session, mere: Session):
    """Nights out are kept in date order, each night once."""
    demo_house.stays.out_overnight(tama, mere.stay_id, pendulum.date(2026, 11, 26))
    demo_house.stays.out_overnight(tama, mere.stay_id, TODAY)
    demo_house.stays.out_overnight(tama, mere.stay_id, pendulum.date(2026, 11, 26))
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).nights_out == (TODAY, pendulum.date(2026, 11, 26))


# --- leaving --------------------------------------------------------------------------


@pytest.mark.parametrize("choice", ["keep", "erase", None])
def test_leaving_records_the_time_and_the_guests_choice(demo_house: House, tama: Session, mere: Session, choice):
    """Leaving ends the stay now and keeps the guest's record choice (or none)."""
    demo_house.stays.leave(tama, mere.stay_id, choice)
    saved = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    assert saved.left_at == demo_house.clock.now()
    assert saved.record_choice == choice
    assert not saved.is_staying
    assert mere.stay_id not in {s.id for s in demo_house.stays.staying(staff_of(demo_house))}


def test_leaving_with_an_unknown_record_choice_is_refused(demo_house: House, tama: Session, mere: Session):
    """Only keep, erase or no choice yet are accepted."""
    with pytest.raises(ServiceError, match="The record choice is keep, erase, or not made yet"):
        demo_house.stays.leave(tama, mere.stay_id, "shred")
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).is_staying


def test_leaving_before_arriving_is_refused(demo_house: House, tama: Session, mere: Session):
    """Mere arrived 20 November at 17:45; leaving at 17:00 that day is refused."""
    with pytest.raises(ServiceError, match="A guest cannot leave before they arrived"):
        demo_house.stays.leave(tama, mere.stay_id, "keep", left_at=at(pendulum.date(2026, 11, 20), 17, 0))
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id).is_staying


def test_a_stay_that_has_ended_cannot_be_changed(demo_house: House, tama: Session, mere: Session):
    """After leaving, extending, moving or leaving again is refused."""
    demo_house.stays.leave(tama, mere.stay_id, "keep")
    with pytest.raises(ServiceError, match="This stay has ended"):
        demo_house.stays.leave(tama, mere.stay_id, "keep")
    with pytest.raises(ServiceError, match="This stay has ended"):
        demo_house.stays.change_leaving(tama, mere.stay_id, pendulum.date(2026, 11, 29))
    with pytest.raises(ServiceError, match="This stay has ended"):
        demo_house.stays.move_room(tama, mere.stay_id, FREE_ROOM)


def test_a_room_is_free_again_once_its_guest_has_left(demo_house: House, tama: Session, mere: Session):
    """After Mere leaves, a new guest can arrive into Kōwhai at once."""
    demo_house.stays.leave(tama, mere.stay_id, "keep")
    stay = arrive(demo_house, tama, room="Kōwhai")
    assert demo_house.stays.get(staff_of(demo_house), stay.id).room == "Kōwhai"


def test_a_backdated_arrival_cannot_overlap_the_rooms_last_stay(demo_house: House, tama: Session):
    """A guest left Rimu at 10:00; an arrival into Rimu recorded for 09:30 is refused."""
    first = arrive(demo_house, tama, "Kiri", arrived_at=at(TODAY, 8, 0))
    demo_house.stays.leave(tama, first.id, "keep", left_at=at(TODAY, 10, 0))
    with pytest.raises(ServiceError, match="Rimu has someone staying in it"):
        arrive(demo_house, tama, "Ana", arrived_at=at(TODAY, 9, 30))
    assert arrive(demo_house, tama, "Ana", arrived_at=at(TODAY, 10, 0)).room == FREE_ROOM


def test_a_backdated_arrival_cannot_overlap_a_guest_who_moved_out_of_the_room(
    demo_house: House, tama: Session, mere: Session, clock: FixedClock
):
    """Mere was in Kōwhai until 10:00; an arrival into Kōwhai recorded for 09:00 is refused."""
    clock.set(at(TODAY, 10, 0))
    demo_house.stays.move_room(tama, mere.stay_id, FREE_ROOM)
    clock.set(at(TODAY, 10, 30))
    with pytest.raises(ServiceError, match="Kōwhai has someone staying in it"):
        arrive(demo_house, tama, "Ana", room="Kōwhai", arrived_at=at(TODAY, 9, 0))


# --- the longest stay note --------------------------------------------------------------


def test_no_note_early_in_an_ordinary_stay(demo_house: House, tama: Session, mere: Session):
    """Mere's stay (day 5 of 7) gets no note."""
    assert (
        demo_house.stays.longest_stay_note(
            staff_of(demo_house), demo_house.stays.get(staff_of(demo_house), mere.stay_id)
        )
        is None
    )


def test_note_when_a_stay_nears_the_longest_stay(demo_house: House, tama: Session, clock: FixedClock):
    """Two nights before the longest stay, the note counts the night gently."""
    stay = arrive(demo_house, tama, planned_leaving=TODAY.add(days=14))
    clock.set(at(TODAY.add(days=11), 10, 30))
    assert demo_house.stays.longest_stay_note(staff_of(demo_house), stay) is None
    clock.set(at(TODAY.add(days=12), 10, 30))
    assert (
        demo_house.stays.longest_stay_note(staff_of(demo_house), stay)
        == "Night 13; the house's usual longest stay is 14 nights."
    )


def test_note_for_a_stay_planned_past_the_longest_stay_gives_the_reason(demo_house: House, tama: Session):
    """A planned 20-night stay says so, with its reason."""
    stay = arrive(demo_house, tama, planned_leaving=TODAY.add(days=20), longer_stay_reason="flat ready on the 14th")
    assert demo_house.stays.longest_stay_note(staff_of(demo_house), stay) == (
        "Planned for 20 nights, longer than the house's usual 14: flat ready on the 14th."
    )


# --- guests cannot change stays -----------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda h, s, stay_id: arrive(h, s, "Kiri"), id="arrive"),
        pytest.param(
            lambda h, s, stay_id: h.stays.change_leaving(s, stay_id, pendulum.date(2026, 11, 29)), id="change_leaving"
        ),
        pytest.param(lambda h, s, stay_id: h.stays.move_room(s, stay_id, FREE_ROOM), id="move_room"),
        pytest.param(lambda h, s, stay_id: h.stays.out_overnight(s, stay_id), id="out_overnight"),
        pytest.param(lambda h, s, stay_id: h.stays.leave(s, stay_id, "keep"), id="leave"),
        pytest.param(lambda h, s, stay_id: h.stays.returning_guests(s, "Moana"), id="returning_guests"),
    ],
)
def test_guest_session_is_refused_every_stay_change(demo_house: House, mere: Session, change):
    """A guest's own session cannot make or change stays, even their own."""
    before = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    saved = counts(demo_house)
    with pytest.raises(NotAllowed, match="Only staff can"):
        change(demo_house, mere, mere.stay_id)
    assert demo_house.stays.get(staff_of(demo_house), mere.stay_id) == before
    assert counts(demo_house) == saved


def test_manager_can_welcome_a_guest(demo_house: House, aroha: Session):
    """The house manager is staff too and can record an arrival."""
    assert arrive(demo_house, aroha).room == FREE_ROOM


# --- check-ins ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "words"),
    [
        ("checked_in", "checked in"),
        ("quiet_time", "chose quiet time"),
        ("out", "out of the house"),
        ("asleep", "asleep, left be"),
    ],
)
def test_check_in_outcomes_are_saved_with_their_words(demo_house: House, tama: Session, mere: Session, outcome, words):
    """Each outcome is saved; quiet time reads "chose quiet time", a good outcome."""
    stay = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    saved = demo_house.check_ins.record(tama, stay, outcome)
    last = demo_house.check_ins.for_stay(staff_of(demo_house), stay)[-1]
    assert last.id == saved.id
    assert (last.outcome, last.outcome_words) == (outcome, words)
    assert (last.recorded_by, last.at, last.guest_id) == (tama.person_id, demo_house.clock.now(), mere.person_id)


def test_check_in_note_is_optional(demo_house: House, tama: Session, mere: Session):
    """A check-in without a note saves an empty note."""
    stay = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    demo_house.check_ins.record(tama, stay, "checked_in")
    assert demo_house.check_ins.for_stay(staff_of(demo_house), stay)[-1].note == ""


def test_check_in_note_is_kept(demo_house: House, tama: Session, mere: Session):
    """A note written with the guest is saved with the check-in."""
    stay = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    demo_house.check_ins.record(tama, stay, "checked_in", "Made scones for the house.")
    assert demo_house.check_ins.for_stay(staff_of(demo_house), stay)[-1].note == "Made scones for the house."


def test_unknown_check_in_outcome_is_refused(demo_house: House, tama: Session, mere: Session):
    """An outcome that is not one of the four is refused."""
    stay = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    before = len(demo_house.check_ins.for_stay(staff_of(demo_house), stay))
    with pytest.raises(ServiceError, match="Unknown check-in outcome 'missing'"):
        demo_house.check_ins.record(tama, stay, "missing")
    assert len(demo_house.check_ins.for_stay(staff_of(demo_house), stay)) == before


def test_check_in_for_a_departed_stay_is_refused(demo_house: House, tama: Session):
    """A stay that ended days ago gets no check-in."""
    departed = next(s for s in demo_house.store.find(Stay) if not s.is_staying)
    before = len(demo_house.check_ins.for_stay(staff_of(demo_house), departed))
    with pytest.raises(ServiceError, match="This guest has left; check-ins are for guests staying"):
        demo_house.check_ins.record(tama, departed, "checked_in")
    assert len(demo_house.check_ins.for_stay(staff_of(demo_house), departed)) == before


def test_check_in_for_a_stay_that_ended_after_it_was_read_is_refused(demo_house: House, tama: Session, mere: Session):
    """A stay read before the guest left (another terminal's view) still gets no check-in."""
    stale = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    demo_house.stays.leave(tama, mere.stay_id, "keep")
    before = len(demo_house.check_ins.for_stay(staff_of(demo_house), stale))
    with pytest.raises(ServiceError, match="This guest has left"):
        demo_house.check_ins.record(tama, stale, "checked_in")
    assert len(demo_house.check_ins.for_stay(staff_of(demo_house), stale)) == before


def test_the_language_check_is_given_the_note(demo_house: House, tama: Session, mere: Session):
    """The house's language check sees the note before it is kept."""
    seen: list[str] = []

    def find_words(text: str) -> list[Finding]:
        seen.append(text)
        return []

    check_ins = CheckIns(replace(demo_house.ctx, find_words=find_words))
    check_ins.record(tama, demo_house.stays.get(staff_of(demo_house), mere.stay_id), "checked_in", "Enjoyed the walk.")
    assert seen == ["Enjoyed the walk."]


def test_words_the_language_check_finds_save_nothing(demo_house: House, tama: Session, mere: Session):
    """When the check finds words, what it found comes through and no check-in is saved."""
    stay = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    before = demo_house.check_ins.for_stay(staff_of(demo_house), stay)
    with pytest.raises(WordsToNotice, match='"non-compliant" is compliance talk; try: '):
        demo_house.check_ins.record(tama, stay, "checked_in", "non-compliant")
    assert demo_house.check_ins.for_stay(staff_of(demo_house), stay) == before


# --- people's words, as typed ---------------------------------------------------------------


@pytest.mark.parametrize("value", list(BAD_WORDS.values()), ids=list(BAD_WORDS))
@pytest.mark.parametrize("field", ["chosen_name", "pronouns", "support_person"])
def test_name_fields_keep_the_words_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, field: str, value: str
):
    """Markup, escapes, emoji and macrons in a name field are kept as typed, controls removed."""
    fields = {"chosen_name": "Kiri", field: value}
    if field == "support_person":
        fields["support_person_consent"] = True
    name = fields.pop("chosen_name")
    stay = arrive(demo_house, tama, name, **fields)
    again = House.open(demo_dir, clock)
    assert getattr(guest_of(again, stay), field) == clean_text(value)


def test_decomposed_macrons_are_stored_composed(demo_house: House, tama: Session):
    """A name typed with a combining macron is stored as the single letter ā."""
    guest = guest_of(demo_house, arrive(demo_house, tama, "Ma\u0304ori"))
    assert guest.chosen_name == "Māori"
    assert len(guest.chosen_name) == 5


@pytest.mark.parametrize("field", ["chosen_name", "pronouns", "support_person"])
def test_name_fields_take_sixty_characters(demo_house: House, tama: Session, field: str):
    """Sixty characters (macron letters typed decomposed count once) are accepted."""
    value = "ā" * 30 + "a\u0304" * 30
    fields = {"chosen_name": "Kiri", field: value, "support_person_consent": True}
    name = fields.pop("chosen_name")
    stay = arrive(demo_house, tama, name, **fields)
    assert getattr(guest_of(demo_house, stay), field) == "ā" * 60


@pytest.mark.parametrize(
    ("field", "what"),
    [("chosen_name", "A chosen name"), ("pronouns", "Pronouns"), ("support_person", "A support person")],
)
@pytest.mark.parametrize(("value", "got"), [("K" * 61, "61"), (BIG, "")], ids=["61 characters", "100 kB"])
def test_too_long_name_fields_are_refused_and_nothing_saved(
    demo_house: House, tama: Session, field: str, what: str, value: str, got: str
):
    """Over 60 characters is refused with the limit named; no guest or stay is saved."""
    fields = {"chosen_name": "Kiri", field: value, "support_person_consent": True}
    name = fields.pop("chosen_name")
    before = counts(demo_house)
    with pytest.raises(ValidationError, match=f"{what} can be at most 60 characters; got {got}"):
        arrive(demo_house, tama, name, **fields)
    assert counts(demo_house) == before


def test_a_chosen_name_of_only_terminal_codes_is_refused(demo_house: House, tama: Session):
    """A name that is nothing once escape sequences are removed is refused."""
    before = counts(demo_house)
    with pytest.raises(ValidationError, match="A chosen name is needed"):
        arrive(demo_house, tama, "\x1b[2J\x1b]0;title\x07")
    assert counts(demo_house) == before


@pytest.mark.parametrize("value", [*BAD_WORDS.values(), BIG], ids=[*BAD_WORDS, "100 kB"])
def test_longer_stay_reason_keeps_the_words_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, value: str
):
    """A longer-stay reason is kept as typed (controls removed) and reads back the same."""
    stay = arrive(demo_house, tama, planned_leaving=TODAY.add(days=20), longer_stay_reason=value)
    again = House.open(demo_dir, clock)
    assert again.stays.get(staff_of(again), stay.id).longer_stay_reason == clean_text(value)


@pytest.mark.parametrize("value", [*BAD_WORDS.values(), BIG], ids=[*BAD_WORDS, "100 kB"])
def test_longer_stay_reason_given_when_extending_keeps_the_words(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, mere: Session, value: str
):
    """A reason given when extending is kept as typed and reads back the same."""
    demo_house.stays.change_leaving(tama, mere.stay_id, pendulum.date(2026, 12, 10), value)
    again = House.open(demo_dir, clock)
    assert again.stays.get(staff_of(again), mere.stay_id).longer_stay_reason == clean_text(value)


@pytest.mark.parametrize("value", [*BAD_WORDS.values(), BIG], ids=[*BAD_WORDS, "100 kB"])
def test_check_in_note_keeps_the_words_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, mere: Session, value: str
):
    """A check-in note is kept as typed (controls removed) and reads back the same."""
    saved = demo_house.check_ins.record(
        tama, demo_house.stays.get(staff_of(demo_house), mere.stay_id), "checked_in", value
    )
    again = House.open(demo_dir, clock)
    notes = {
        c.id: c.note for c in again.check_ins.for_stay(staff_of(again), again.stays.get(staff_of(again), mere.stay_id))
    }
    assert notes[saved.id] == clean_text(value)
    assert again.store.get(CheckIn, saved.id, stay_id=mere.stay_id).note == clean_text(value)


# --- a room's times follow each other ---------------------------------------------------


def test_a_leaving_before_the_guests_last_move_is_refused(demo_house: House, tama: Session, mere: Session):
    """A leaving timed before the guest's last room move would leave the old room held after they had gone.

    (As when one terminal asks for a leaving while another moves the guest: the leaving's time is
    taken under the lock, and one given by hand must come after the move.)
    """
    before_move = demo_house.clock.now()
    demo_house.clock.advance(minutes=30)
    demo_house.stays.move_room(tama, mere.stay_id, FREE_ROOM)
    with pytest.raises(ServiceError, match="cannot leave before their last room move"):
        demo_house.stays.leave(tama, mere.stay_id, "keep", left_at=before_move.add(minutes=10))
    saved = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    assert saved.left_at is None and saved.room == FREE_ROOM
    # Kōwhai was Mere's until the move: an arrival backdated into that time is refused.
    with pytest.raises(ServiceError, match="Kōwhai has someone staying in it"):
        arrive(demo_house, tama, room="Kōwhai", arrived_at=before_move.add(minutes=20))
    left = demo_house.stays.leave(tama, mere.stay_id, "keep")
    assert left.left_at == demo_house.clock.now()


def test_a_stay_saved_leaving_before_its_last_move_still_holds_its_old_room_until_the_move(
    demo_house: House, tama: Session, mere: Session
):
    """A stay already saved with its leaving before its last move (by an older version, or by hand) is not
    skipped on its leaving alone: the room it moved out of stays held until the move."""
    start = demo_house.clock.now()
    demo_house.clock.advance(minutes=30)
    moved = demo_house.stays.move_room(tama, mere.stay_id, FREE_ROOM)
    demo_house.store.put(replace(moved, left_at=start.add(minutes=5), record_choice="keep"))
    with pytest.raises(ServiceError, match="Kōwhai has someone staying in it"):
        arrive(demo_house, tama, room="Kōwhai", arrived_at=start.add(minutes=20))
    assert arrive(demo_house, tama, room="Kōwhai").room == "Kōwhai"


def test_a_move_is_never_timed_before_the_stays_arrival(demo_house: House, tama: Session, mere: Session):
    """An arrival a few minutes ahead of the clock, then a move: the move comes after the arrival."""
    demo_house.stays.leave(tama, mere.stay_id, "keep")  # Kōwhai is free from now
    demo_house.clock.advance(minutes=1)
    ahead = demo_house.clock.now().add(minutes=4)
    stay = arrive(demo_house, tama, arrived_at=ahead)
    moved = demo_house.stays.move_room(tama, stay.id, "Kōwhai")
    assert moved.moves[0].at >= stay.arrived_at
    times = moved.room_times()
    assert all(start <= end for _room, start, end in times if end is not None)
