"""Staff wellbeing checks stay private; mental health days are taken without a reason."""

from __future__ import annotations

import dataclasses
import inspect

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import MentalHealthDay, StaffWellbeingCheck, ValidationError
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.mental_health_days import MentalHealthDays, leave_year
from crisishouse.services.staff_wellbeing import ChatRequest, StaffWellbeing
from tests.builders import TODAY, at

WALLS = {"tinana": 6, "hinengaro": 4, "whanau": 8, "wairua": 7}


@pytest.fixture
def sina(demo_house: House) -> Session:
    """Peer staff of the demo house besides Tama, signed in."""
    return demo_house.sign_in.sign_in("Sina", "5000")


def wellbeing(house: House, **settings) -> StaffWellbeing:
    return StaffWellbeing(dataclasses.replace(house.ctx, settings=dataclasses.replace(house.settings, **settings)))


def days(house: House, **settings) -> MentalHealthDays:
    return MentalHealthDays(dataclasses.replace(house.ctx, settings=dataclasses.replace(house.settings, **settings)))


# --- checks ---------------------------------------------------------------------


def test_a_four_walls_check_is_saved_for_oneself(demo_house: House, tama: Session):
    saved = wellbeing(demo_house).check(tama, WALLS, None, "Tired but good", wants_chat=False)
    assert (saved.staff_id, saved.tinana, saved.own_words) == (tama.person_id, 6, "Tired but good")
    assert wellbeing(demo_house).my_checks(tama)[0] == saved


@pytest.mark.parametrize(
    ("ratings", "overall", "message"),
    [
        (None, 6, "four walls"),
        ({"tinana": 5}, None, "missing taha hinengaro"),
        ({**WALLS, "mood": 3}, None, "Not one of the four walls: mood"),
    ],
)
def test_the_four_walls_house_refuses_other_shapes(demo_house: House, tama: Session, ratings, overall, message):
    with pytest.raises(ServiceError, match=message):
        wellbeing(demo_house).check(tama, ratings, overall)


def test_the_single_scale_house(demo_house: House, tama: Session):
    single = wellbeing(demo_house, staff_wellbeing_scale="single")
    assert single.check(tama, None, 7).overall == 7
    with pytest.raises(ServiceError, match="single scale, not the four walls"):
        single.check(tama, WALLS, None)
    with pytest.raises(ServiceError, match="0 to 10"):
        single.check(tama, None, None)


def test_ratings_stay_in_range(demo_house: House, tama: Session):
    with pytest.raises(ValidationError, match="0 to 10"):
        wellbeing(demo_house).check(tama, {**WALLS, "wairua": 11}, None)


def test_a_guest_cannot_record_a_staff_check(demo_house: House):
    with pytest.raises(NotAllowed):
        wellbeing(demo_house).check(Session("g", "Mere", "guest", "s"), WALLS, None)


def test_my_checks_and_trend_are_only_ones_own(demo_house: House, tama: Session, sina: Session):
    service = wellbeing(demo_house)
    service.check(sina, WALLS, None, "Sina's own words")
    service.check(tama, {"tinana": 2, "hinengaro": 2, "whanau": 2, "wairua": 4}, None)
    assert {c.staff_id for c in service.my_checks(tama)} == {tama.person_id}
    assert all(c.own_words != "Sina's own words" for c in service.my_checks(tama))
    trend = service.my_trend(tama)
    assert trend[-1].score == 2.5
    assert [p.at for p in trend] == sorted(p.at for p in trend)


def test_the_manager_cannot_reach_anyones_checks(demo_house: House, aroha: Session, tama: Session):
    """Every public method either refuses another's checks or gives the caller only their own."""
    service = wellbeing(demo_house)
    service.check(tama, WALLS, None, "private words", wants_chat=True)
    public = {name for name, _ in inspect.getmembers(StaffWellbeing, inspect.isfunction) if not name.startswith("_")}
    assert public == {"check", "my_checks", "my_trend", "chat_requests"}, "a new method needs a privacy test"
    for name in public:
        assert not {"staff_id", "person_id", "who"} & set(inspect.signature(getattr(service, name)).parameters)
    assert service.my_checks(aroha) == []
    assert service.my_trend(aroha) == []
    service.check(aroha, WALLS, None)
    assert {c.staff_id for c in service.my_checks(aroha)} == {aroha.person_id}
    requests = service.chat_requests(aroha)
    assert all(not isinstance(r, StaffWellbeingCheck) for r in requests)
    assert "private words" not in repr(requests) and "tinana" not in repr(requests)


def test_chat_requests_are_a_name_and_a_time(demo_house: House, aroha: Session, tama: Session, clock: FixedClock):
    service = wellbeing(demo_house)
    service.check(tama, WALLS, None, "would like to talk", wants_chat=True)
    asked = [r for r in service.chat_requests(aroha) if r.staff_id == tama.person_id]
    assert asked == [ChatRequest(tama.person_id, "Tama", clock.now())]
    assert {f.name for f in dataclasses.fields(ChatRequest)} == {"staff_id", "name", "asked_at"}
    # A later check without the ask stands instead of it.
    clock.advance(hours=1)
    service.check(tama, WALLS, None)
    assert tama.person_id not in {r.staff_id for r in service.chat_requests(aroha)}


def test_only_the_manager_sees_chat_requests(demo_house: House, tama: Session):
    with pytest.raises(NotAllowed, match="Only the house manager"):
        wellbeing(demo_house).chat_requests(tama)


# --- mental health days -----------------------------------------------------------


def test_taking_a_day_keeps_only_the_date(demo_house: House, tama: Session):
    taken = days(demo_house).take(tama, TODAY.add(days=3))
    assert {f.name for f in dataclasses.fields(MentalHealthDay)} == {"staff_id", "day", "recorded_at", "id"}
    assert (taken.staff_id, taken.day) == (tama.person_id, TODAY.add(days=3))
    assert "reason" not in inspect.signature(MentalHealthDays.take).parameters


def test_taking_a_day_refuses_the_past_and_a_second_one(demo_house: House, tama: Session):
    service = days(demo_house)
    with pytest.raises(ServiceError, match="not a past day"):
        service.take(tama, TODAY.subtract(days=1))
    service.take(tama, TODAY)
    with pytest.raises(ServiceError, match="already have a mental health day"):
        service.take(tama, TODAY)


def test_taking_a_day_past_the_allowance(demo_house: House, tama: Session):
    service = days(demo_house, mental_health_days_a_year=2)
    before = service.allowance(tama).used
    for offset in range(2 - before):
        service.take(tama, TODAY.add(days=offset + 1))
    with pytest.raises(ServiceError, match="used all 2 of your mental health days"):
        service.take(tama, TODAY.add(days=20))


def test_who_sees_an_allowance(demo_house: House, tama: Session, sina: Session, aroha: Session):
    service = days(demo_house)
    assert service.allowance(tama).staff_id == tama.person_id
    assert service.allowance(aroha, tama.person_id).staff_id == tama.person_id
    with pytest.raises(NotAllowed, match="Only the house manager"):
        service.allowance(sina, tama.person_id)


def test_the_leave_year():
    assert leave_year(pendulum.date(2027, 3, 31), "04-01") == (pendulum.date(2026, 4, 1), pendulum.date(2027, 3, 31))
    assert leave_year(pendulum.date(2027, 4, 1), "04-01") == (pendulum.date(2027, 4, 1), pendulum.date(2028, 3, 31))
    assert leave_year(pendulum.date(2026, 11, 24), "01-01") == (pendulum.date(2026, 1, 1), pendulum.date(2026, 12, 31))


def test_days_count_in_the_leave_year_they_fall_in(demo_house: House, tama: Session, clock: FixedClock):
    """31 March 2027 is the old leave year's last day; 1 April starts the new one."""
    clock.set(at(pendulum.date(2027, 3, 31), 9))
    service = days(demo_house, mental_health_days_a_year=5)
    service.take(tama, pendulum.date(2027, 3, 31))
    service.take(tama, pendulum.date(2027, 4, 1))
    service.take(tama, pendulum.date(2027, 4, 2))
    old = service.allowance(tama)
    assert (old.year_starts, old.year_ends, old.used, old.left) == (
        pendulum.date(2026, 4, 1),
        pendulum.date(2027, 3, 31),
        1,
        4,
    )
    clock.set(at(pendulum.date(2027, 4, 1), 9))
    new = service.allowance(tama)
    assert (new.year_starts, new.used, new.left) == (pendulum.date(2027, 4, 1), 2, 3)


def test_a_day_taken_leaves_the_rostered_shift_as_a_gap(demo_house: House, tama: Session, aroha: Session):
    day = TODAY.add(days=30)
    roster = demo_house.roster
    shift = roster.assign(aroha, tama.person_id, day, "afternoon")
    load = demo_house.load
    assert not any(g.shift.name == "afternoon" and g.staff_id is None for g in load.gaps(aroha, day, 1))
    days(demo_house).take(tama, day)
    assert shift not in roster.roster(tama, day, 1)
    gaps = load.gaps(aroha, day, 1)
    assert any(g.shift.name == "afternoon" and g.staff_id is None for g in gaps)


def test_the_house_wires_the_staff_services(demo_house):
    """The house offers the staff services, and a hard event's words go through the language check."""
    from crisishouse.services import WordsToNotice

    tama = demo_house.sign_in.sign_in("Tama", "2222")
    aroha = demo_house.sign_in.sign_in("Aroha", "1111")
    with pytest.raises(WordsToNotice):
        demo_house.debriefs.note_hard_event(tama, "A guest was non-compliant and manipulative")
    demo_house.debriefs.note_hard_event(tama, "A hard evening; we got through it together")
    assert any(d.debrief.staff_id == tama.person_id for d in demo_house.debriefs.debriefs_owed(aroha))
    assert demo_house.load.load(aroha)


def test_the_trend_reads_back_only_as_far_as_its_checks_go(
    demo_house: House, tama: Session, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    """Ten checks this month and an older one: the trend is the newest ten, read no further back than this month."""
    service = wellbeing(demo_house)
    clock.advance(days=-70)
    service.check(tama, {"tinana": 1, "hinengaro": 1, "whanau": 1, "wairua": 1}, None)
    clock.advance(days=70)
    for score in range(10):
        clock.advance(minutes=5)
        service.check(tama, {"tinana": score, "hinengaro": score, "whanau": score, "wairua": score}, None)
    opened: set[str] = set()
    real = type(demo_house.store)._db

    def counting(store, shard):  # type: ignore[no-untyped-def]
        opened.add(shard)
        return real(store, shard)

    monkeypatch.setattr(type(demo_house.store), "_db", counting)
    trend = service.my_trend(tama)
    assert [p.score for p in trend] == [float(s) for s in range(10)]
    # The roster ahead fills December's file: read, but nothing before this month.
    assert {s for s in opened if s.startswith("months/")} <= {"months/2026-11", "months/2026-12"}
    # Every check is still there for the whole list, the one from 70 days ago too.
    assert any(c.tinana == 1 and c.wairua == 1 for c in service.my_checks(tama))
