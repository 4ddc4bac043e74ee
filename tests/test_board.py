"""The house board and the guest's own view, through the services."""

from __future__ import annotations

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import Guest, Stay
from crisishouse.services import House, NotAllowed, Session

TZ = "Pacific/Auckland"


def test_board_lists_every_room_with_who_is_in_it(demo_house: House, tama: Session):
    """Every room of the house appears once; staying guests show day n of m."""
    view = demo_house.board.view(tama)
    assert [r.room for r in view.rooms] == list(demo_house.settings.rooms)
    assert len(view.staying) == 7
    for line in view.staying:
        assert line.guest is not None and line.stay is not None
        assert line.stay_words.startswith(("day ", "leaving today"))


def test_board_is_refused_to_a_guest_session(demo_house: House, mere: Session):
    """A guest cannot read the board: it shows other guests."""
    with pytest.raises(NotAllowed, match="Only staff"):
        demo_house.board.view(mere)


def test_guest_sees_only_their_own_stay(demo_house: House, mere: Session, tama: Session):
    """A guest's session gets its own stay and is refused another guest's."""
    own = demo_house.records.open(mere, mere.person_id)
    assert own.guest.chosen_name == "Mere"
    other = next(r for r in demo_house.board.view(tama).staying if r.guest.chosen_name != "Mere")
    with pytest.raises(NotAllowed):
        demo_house.records.open(mere, other.guest.id)


def test_day_n_of_m_counts_from_arrival_in_house_time():
    """Arriving at 23:30 Monday house time, Tuesday is day 2 (not UTC's day 1)."""
    arrived = pendulum.datetime(2026, 11, 23, 23, 30, tz=TZ)
    stay = Stay(guest_id="g", room="Rimu", arrived_at=arrived, planned_leaving=pendulum.date(2026, 11, 30))
    assert stay.day_of(pendulum.date(2026, 11, 24), TZ) == (2, 7)


def test_check_in_due_then_done(demo_house: House, tama: Session, clock: FixedClock):
    """After the 14:00 slot passes a guest is due; recording a check-in clears it."""
    clock.set(pendulum.datetime(2026, 11, 24, 14, 5, tz=TZ))
    view = demo_house.board.view(tama)
    assert view.check_ins_due, "every guest is due just after the 14:00 slot"
    line = view.check_ins_due[0]
    assert line.timing.next_due == pendulum.datetime(2026, 11, 24, 14, 0, tz=TZ)
    demo_house.check_ins.record(tama, line.stay, "quiet_time")
    after = demo_house.board.view(tama)
    assert line.stay.id not in {r.stay.id for r in after.check_ins_due}
    mine = next(r for r in after.staying if r.stay.id == line.stay.id)
    assert mine.timing.last.outcome_words == "chose quiet time"
    assert mine.timing.next_due == pendulum.datetime(2026, 11, 24, 20, 0, tz=TZ)


def test_guest_cannot_record_a_check_in(demo_house: House, mere: Session):
    """Recording check-ins is staff work; a guest session is refused at the service."""
    stay = demo_house.store.get(Stay, mere.stay_id)
    with pytest.raises(NotAllowed):
        demo_house.check_ins.record(mere, stay, "checked_in")


def test_rhythm_now_and_next(demo_house: House):
    """At 10:30 the house hui (10:00) is on and lunch (12:30) is next."""
    current, upcoming = demo_house.rhythm.now_and_next(demo_house.clock.now())
    assert current.what == "House hui"
    assert upcoming.what == "Lunch"


def test_rhythm_before_breakfast_is_last_nights_quiet_time(demo_house: House, clock: FixedClock):
    """At 03:00 what is on is the night before's quiet time; next is breakfast."""
    clock.set(pendulum.datetime(2026, 11, 24, 3, 0, tz=TZ))
    current, upcoming = demo_house.rhythm.now_and_next(clock.now())
    assert current.what == "Quiet time" and upcoming.what == "Breakfast"


@pytest.mark.parametrize(
    ("day", "hours"),
    [(pendulum.date(2026, 9, 27), 23), (pendulum.date(2026, 4, 5), 25), (pendulum.date(2026, 11, 24), 24)],
)
def test_rhythm_keeps_wall_clock_times_on_dst_days(demo_house: House, day: pendulum.Date, hours: int):
    """On 23- and 25-hour days every item is at its wall-clock time."""
    entries = demo_house.rhythm.day(day)
    assert [e.at.in_timezone(TZ).format("HH:mm") for e in entries] == [
        "08:00",
        "10:00",
        "12:30",
        "15:00",
        "18:00",
        "22:00",
    ]
    start = pendulum.datetime(day.year, day.month, day.day, tz=TZ)
    assert (start.add(days=1) - start).in_hours() == hours


def test_check_in_slot_in_the_spring_forward_gap_moves_forward(demo_dir, clock: FixedClock):
    """A 02:30 check-in on the spring-forward night is due at 03:30 instead."""
    (demo_dir / "house.toml").write_text('[check_ins]\ntimes = ["02:30", "09:00"]\n', encoding="utf-8")
    house = House.open(demo_dir, clock)
    slots = house.check_ins.slots(pendulum.date(2026, 9, 27))
    assert [s.in_timezone(TZ).format("HH:mm") for s in slots] == ["03:30", "09:00"]


def test_a_new_guest_appears_on_the_board(demo_house: House, tama: Session):
    """A stay saved in the free room shows on the next board read."""
    free = next(r.room for r in demo_house.board.view(tama).rooms if r.stay is None)
    guest = Guest(chosen_name="Tūī [bold]x[/]", created_at=demo_house.clock.now())
    demo_house.store.put(guest)
    demo_house.store.put(
        Stay(
            guest_id=guest.id, room=free, arrived_at=demo_house.clock.now(), planned_leaving=pendulum.date(2026, 11, 30)
        )
    )
    line = next(r for r in demo_house.board.view(tama).rooms if r.room == free)
    assert line.guest.chosen_name == "Tūī [bold]x[/]"
    assert line.stay_words == "day 1 of 6"


def test_no_check_in_is_due_while_a_guest_is_out_overnight(demo_house: House, tama: Session, clock: FixedClock):
    """A guest out tonight is not due at 20:00, nor at 09:00 the next morning."""
    line = demo_house.board.view(tama).staying[0]
    demo_house.stays.out_overnight(tama, line.stay.id)
    clock.set(pendulum.datetime(2026, 11, 24, 20, 30, tz=TZ))
    assert line.stay.id not in {r.stay.id for r in demo_house.board.view(tama).check_ins_due}
    clock.set(pendulum.datetime(2026, 11, 25, 9, 30, tz=TZ))
    assert line.stay.id not in {r.stay.id for r in demo_house.board.view(tama).check_ins_due}
    clock.set(pendulum.datetime(2026, 11, 25, 14, 30, tz=TZ))
    assert line.stay.id in {r.stay.id for r in demo_house.board.view(tama).check_ins_due}
