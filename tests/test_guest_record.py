"""A guest's record through the services: who may open it, and the access log staff openings leave."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import FOUR_WALLS, AccessEvent
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.text import clean_text
from tests.bad_input import BAD_WORDS
from tests.sessions import staff_of

TZ = "Pacific/Auckland"
WALLS = {"tinana": 6, "hinengaro": 4, "whanau": 8, "wairua": 5}


@pytest.fixture
def kiri(demo_house: House, tama: Session) -> Session:
    """A second guest, staying in the free room, signed in with her own PIN."""
    demo_house.stays.arrive(
        tama, chosen_name="Kiri", room="Rimu", planned_leaving=pendulum.date(2026, 11, 30), pin="4321"
    )
    return demo_house.sign_in.sign_in("Kiri", "4321")


def access_events(house: House, stay_id: str) -> list[AccessEvent]:
    """The stay's access log, oldest first."""
    return sorted(house.store.find(AccessEvent, stay_id=stay_id), key=lambda e: e.at)


def new_events(house: House, stay_id: str, before: list[AccessEvent]) -> list[AccessEvent]:
    known = {e.id for e in before}
    return [e for e in access_events(house, stay_id) if e.id not in known]


# --- who may open a record --------------------------------------------------------------------


def test_guest_opens_their_own_record(demo_house: House, mere: Session):
    """Mere's session opens her own record, about her current stay."""
    record = demo_house.records.open(mere, mere.person_id)
    assert record.guest.id == mere.person_id
    assert record.stay is not None and record.stay.id == mere.stay_id
    assert record.check_ins and all(c.stay_id == mere.stay_id for c in record.check_ins)
    assert [t.wall for t in record.trends] == list(FOUR_WALLS)


def test_guest_is_refused_another_guests_record(demo_house: House, mere: Session, kiri: Session):
    """Kiri's session cannot open Mere's record, and nothing is logged against Mere's stay."""
    before = access_events(demo_house, mere.stay_id)
    with pytest.raises(NotAllowed, match="A guest's session can only open a record for themselves"):
        demo_house.records.open(kiri, mere.person_id)
    assert access_events(demo_house, mere.stay_id) == before


def test_staff_open_any_guests_record(demo_house: House, tama: Session, mere: Session):
    """Staff may open a staying guest's record."""
    assert demo_house.records.open(tama, mere.person_id).guest.chosen_name == "Mere"


def test_opening_a_guest_who_does_not_exist_is_refused(demo_house: House, tama: Session):
    """An unknown guest id is refused plainly."""
    with pytest.raises(ServiceError, match="There is no such guest"):
        demo_house.records.open(tama, "no-such-guest")


def test_record_shows_day_n_of_m(demo_house: House, mere: Session):
    """Mere arrived 20 November planning to leave the 27th: on the 24th it is day 5 of 7."""
    record = demo_house.records.open(mere, mere.person_id)
    assert (record.day_n, record.of_m, record.stay_words) == (5, 7, "day 5 of 7")


def test_record_of_a_guest_who_left_gives_the_leaving_date_in_house_time(
    demo_house: House, tama: Session, mere: Session
):
    """Mere left at 10:30 on 24 November house time (23 November in UTC): "left 24 November 2026"."""
    demo_house.stays.leave(tama, mere.stay_id, "keep")
    record = demo_house.records.open(tama, mere.person_id)
    assert record.stay_words == "left 24 November 2026"


def test_record_holds_what_was_just_recorded(demo_house: House, tama: Session, mere: Session):
    """A check-in, a rating and an intention made now all show in the guest's own record."""
    check_in = demo_house.check_ins.record(tama, demo_house.stays.get(staff_of(demo_house), mere.stay_id), "quiet_time")
    rating = demo_house.wellbeing.rate(mere, mere.person_id, WALLS)
    intention = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    record = demo_house.records.open(mere, mere.person_id)
    assert record.check_ins[-1].id == check_in.id
    assert record.check_ins[-1].outcome_words == "chose quiet time"
    assert record.ratings[-1].id == rating.id
    assert {t.wall: t.values[-1] for t in record.trends} == WALLS
    assert intention.id in {i.id for i in record.intentions}


def test_record_mentions_a_stay_past_the_longest_stay(demo_house: House, tama: Session, kiri: Session):
    """A stay planned past the house's longest stay carries the gentle note and its reason."""
    demo_house.stays.change_leaving(tama, kiri.stay_id, pendulum.date(2026, 12, 14), "Flat ready on the 14th")
    record = demo_house.records.open(kiri, kiri.person_id)
    assert record.longest_note == "Planned for 20 nights, longer than the house's usual 14: Flat ready on the 14th."


# --- the access log ---------------------------------------------------------------------------


def test_staff_opening_writes_an_access_event(demo_house: House, tama: Session, mere: Session):
    """Who, their role, when and what: written to the guest's stay when staff open the record."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(tama, mere.person_id)
    (event,) = new_events(demo_house, mere.stay_id, before)
    assert (event.actor_id, event.actor_name, event.actor_role) == (tama.person_id, "Tama", "peer staff")
    assert event.at == demo_house.clock.now()
    assert event.what == "your record"
    assert (event.guest_id, event.stay_id) == (mere.person_id, mere.stay_id)


def test_manager_opening_is_logged_with_the_managers_role(demo_house: House, aroha: Session, mere: Session):
    """The manager's opening is logged as the house manager."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(aroha, mere.person_id, "your check-ins")
    (event,) = new_events(demo_house, mere.stay_id, before)
    assert (event.actor_name, event.actor_role, event.what) == ("Aroha", "house manager", "your check-ins")


def test_access_event_is_kept_in_the_store(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, mere: Session
):
    """The access event is still there when the house is opened again."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(tama, mere.person_id)
    again = House.open(demo_dir, clock)
    assert [e.actor_name for e in new_events(again, mere.stay_id, before)] == ["Tama"]


def test_opening_again_within_five_minutes_is_not_logged_twice(
    demo_house: House, tama: Session, mere: Session, clock: FixedClock
):
    """The same staff opening the same thing four minutes later is the same opening."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(tama, mere.person_id)
    clock.advance(minutes=4)
    demo_house.records.open(tama, mere.person_id)
    assert len(new_events(demo_house, mere.stay_id, before)) == 1


def test_opening_again_after_five_minutes_is_logged_again(
    demo_house: House, tama: Session, mere: Session, clock: FixedClock
):
    """Six minutes later the same opening is written again, at the new time."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(tama, mere.person_id)
    first = clock.now()
    clock.advance(minutes=6)
    demo_house.records.open(tama, mere.person_id)
    assert [e.at for e in new_events(demo_house, mere.stay_id, before)] == [first, clock.now()]


def test_opening_something_else_within_five_minutes_is_logged(demo_house: House, tama: Session, mere: Session):
    """Opening a different part of the record is a new opening, even straight away."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(tama, mere.person_id, "your record")
    demo_house.records.open(tama, mere.person_id, "your handover card")
    assert [e.what for e in new_events(demo_house, mere.stay_id, before)] == ["your record", "your handover card"]


def test_another_staff_member_opening_within_five_minutes_is_logged(
    demo_house: House, tama: Session, aroha: Session, mere: Session
):
    """A second staff member opening the same record straight away is logged too."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(tama, mere.person_id)
    demo_house.records.open(aroha, mere.person_id)
    assert [e.actor_name for e in new_events(demo_house, mere.stay_id, before)] == ["Tama", "Aroha"]


def test_guest_opening_their_own_record_writes_no_access_event(demo_house: House, mere: Session, clock: FixedClock):
    """A guest reading their own record is not logged, however often."""
    before = access_events(demo_house, mere.stay_id)
    demo_house.records.open(mere, mere.person_id)
    clock.advance(minutes=10)
    demo_house.records.open(mere, mere.person_id)
    assert access_events(demo_house, mere.stay_id) == before


# --- people's words, read back through the record -----------------------------------------------


@pytest.mark.parametrize("value", list(BAD_WORDS.values()), ids=list(BAD_WORDS))
def test_record_reads_back_names_and_notes_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, value: str
):
    """A name and a check-in note with markup, escapes, emoji or macrons read back as typed, controls removed."""
    stay = demo_house.stays.arrive(
        tama, chosen_name=value, pronouns=value, room="Rimu", planned_leaving=pendulum.date(2026, 11, 30)
    )
    demo_house.check_ins.record(tama, stay, "checked_in", value)
    again = House.open(demo_dir, clock)
    record = again.records.open(again.sign_in.sign_in("Tama", "2222"), stay.guest_id)
    assert record.guest.chosen_name == clean_text(value)
    assert record.guest.pronouns == clean_text(value)
    assert record.check_ins[-1].note == clean_text(value)


def test_a_returning_guest_is_offered_their_history(demo_house, clock):
    """Welcomed back, a guest's record lists their earlier stay in words."""
    import pendulum

    from crisishouse.models import Stay

    tama = demo_house.sign_in.sign_in("Tama", "2222")
    mere = demo_house.sign_in.sign_in("Mere", "3333")
    stay = demo_house.store.get(Stay, mere.stay_id)
    demo_house.stays.leave(tama, stay.id, "keep")
    clock.advance(days=3)
    [found] = demo_house.stays.returning_guests(tama, "mere")
    demo_house.stays.arrive(
        tama,
        chosen_name="Mere",
        room="Rimu",
        planned_leaving=pendulum.date(2026, 12, 2),
        returning_guest_id=found.guest.id,
    )
    record = demo_house.records.open(tama, mere.person_id)
    assert record.stay.room == "Rimu"
    assert record.earlier_stays == ("20 November 2026 to 24 November 2026 in Kōwhai",)
