"""Check-ins, pinned down edge by edge (so `make mutation` finds every change).

Recording one: who may, what is refused and in which words, what is kept.
Reading them: the words a guest is told about a stay not theirs, and the
last check-in shown beside what is due. And where the next slot is searched
for when a stay begins days ahead.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn, Guest, StaffMember
from crisishouse.services.check_ins import CheckIns, CheckInTiming
from crisishouse.services.context import HouseContext
from crisishouse.services.errors import NotAllowed, ServiceError
from crisishouse.services.session import Session
from crisishouse.settings import Settings
from crisishouse.store import Store
from tests.builders import NOW, TZ, a_stay, at

ARRIVED = NOW.subtract(days=3)
TAMA = Session(person_id="staff-1", name="Tama", role="peer_staff")
MERE = Session(person_id="g1", name="Mere", role="guest", stay_id="s1")
ANA = Session(person_id="g2", name="Ana", role="guest", stay_id="s2")


class Words:
    """A word check that notes what it was shown and refuses a flagged word."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, text: str) -> list[object]:
        self.seen.append(text)
        if "flagged" in text:
            raise ServiceError("Those words were flagged.")
        return []


@pytest.fixture
def words() -> Words:
    return Words()


@pytest.fixture
def check_ins(tmp_path: Path, clock: FixedClock, words: Words) -> CheckIns:
    store = Store.open(tmp_path / "house", clock)
    store.put_many(
        [
            StaffMember(id="staff-1", name="Tama", role="peer_staff", pin_hash="x"),
            Guest(id="g1", chosen_name="Mere", created_at=ARRIVED),
            Guest(id="g2", chosen_name="Ana", created_at=ARRIVED),
            Guest(id="g3", chosen_name="Hone", created_at=ARRIVED),
            a_stay(ARRIVED, "s1", "g1"),
            a_stay(ARRIVED, "s2", "g2"),
            a_stay(ARRIVED, "s3", "g3", left_at=NOW.subtract(days=1)),
        ]
    )
    house = Settings(time_zone=TZ, check_in_times=(pendulum.Time(9, 0), pendulum.Time(14, 0), pendulum.Time(20, 0)))
    return CheckIns(HouseContext(store, house, clock, tmp_path / "house", words))


# -- recording ------------------------------------------------------------------------------


def test_a_check_in_keeps_what_was_said_by_whom_and_when(check_ins: CheckIns, words: Words):
    stay = a_stay(ARRIVED, "s1", "g1")
    made = check_ins.record(TAMA, stay, "checked_in", "Had a cup of tea")
    assert (made.guest_id, made.stay_id, made.at, made.outcome, made.recorded_by, made.note) == (
        "g1",
        "s1",
        NOW,
        "checked_in",
        "staff-1",
        "Had a cup of tea",
    )
    assert check_ins.store.get(CheckIn, made.id, stay_id="s1") == made
    assert words.seen == ["Had a cup of tea"]
    plain = check_ins.record(TAMA, stay, "checked_in")
    assert plain.note == ""
    assert check_ins.store.get(CheckIn, plain.id, stay_id="s1").note == ""
    assert words.seen == ["Had a cup of tea", ""]


def test_flagged_words_are_refused_until_noticed(check_ins: CheckIns, words: Words):
    stay = a_stay(ARRIVED, "s1", "g1")
    with pytest.raises(ServiceError, match="^Those words were flagged.$"):
        check_ins.record(TAMA, stay, "checked_in", "some flagged words")
    assert check_ins.store.find(CheckIn, stay_id="s1") == []
    made = check_ins.record(TAMA, stay, "checked_in", "some flagged words", words_noticed=True)
    assert made.note == "some flagged words"
    assert words.seen == ["some flagged words"]


def test_only_staff_record_a_check_in(check_ins: CheckIns):
    with pytest.raises(NotAllowed) as caught:
        check_ins.record(MERE, a_stay(ARRIVED, "s1", "g1"), "checked_in")
    assert str(caught.value) == "Only staff can record a check-in."


def test_an_unknown_outcome_is_refused_in_words(check_ins: CheckIns):
    with pytest.raises(ServiceError) as caught:
        check_ins.record(TAMA, a_stay(ARRIVED, "s1", "g1"), "fine")
    assert str(caught.value) == "Unknown check-in outcome 'fine'."


def test_a_stay_not_saved_or_ended_takes_no_check_in(check_ins: CheckIns):
    with pytest.raises(ServiceError) as caught:
        check_ins.record(TAMA, a_stay(ARRIVED, "s9", "g1"), "checked_in")
    assert str(caught.value) == "There is no such stay."
    with pytest.raises(ServiceError) as caught:
        check_ins.record(TAMA, a_stay(ARRIVED, "s3", "g3"), "checked_in")
    assert str(caught.value) == "This guest has left; check-ins are for guests staying."
    assert check_ins.store.find(CheckIn, stay_id="s3") == []


# -- reading --------------------------------------------------------------------------------


def test_a_guest_reads_only_their_own_check_ins(check_ins: CheckIns, clock: FixedClock):
    mine = a_stay(ARRIVED, "s1", "g1")
    first = check_ins.record(TAMA, mine, "checked_in")
    clock.advance(minutes=5)
    second = check_ins.record(TAMA, mine, "checked_in", "later")
    assert check_ins.for_stay(MERE, mine) == [first, second]
    theirs = a_stay(ARRIVED, "s2", "g2")
    with pytest.raises(NotAllowed) as caught:
        check_ins.for_stay(MERE, theirs)
    assert str(caught.value) == "A guest's session can only read check-ins for themselves."
    with pytest.raises(NotAllowed) as caught:
        check_ins.timing(MERE, theirs)
    assert str(caught.value) == "A guest's session can only read check-ins for themselves."
    assert check_ins.timing(MERE, mine).last == second


def test_timing_shows_the_last_check_in_whether_overdue_or_not(check_ins: CheckIns, clock: FixedClock):
    day = NOW.in_timezone(TZ).date()
    stay = a_stay(ARRIVED, "s1", "g1")
    early = check_ins.record(TAMA, stay, "checked_in")  # 10:30, after the 09:00 slot
    clock.advance(minutes=5)
    done = check_ins.record(TAMA, stay, "checked_in", "again")
    assert check_ins.timing(TAMA, stay) == CheckInTiming(done, at(day, 14), overdue=False)
    assert check_ins.due(stay, [early, done]) == CheckInTiming(done, at(day, 14), overdue=False)
    clock.set(at(day, 15))
    assert check_ins.timing(TAMA, stay) == CheckInTiming(done, at(day, 14), overdue=True)
    assert check_ins.due(stay, []) == CheckInTiming(None, at(day, 14), overdue=True)


# -- a stay that begins days ahead ------------------------------------------------------------


def test_a_stay_beginning_days_ahead_is_due_after_its_house_arrival_day(tmp_path: Path):
    """Arriving at 10:00 three days on (the day before, in UTC) with one 09:00 check-in: due the next morning.

    The arrival's day is the house's (Auckland), not UTC's: counting from
    UTC's date would stop the search a day short and find nothing due.
    """
    day = NOW.in_timezone(TZ).date()
    arrives = at(day.add(days=3), 10)
    assert arrives.in_timezone("UTC").date() == day.add(days=2)
    house = Settings(time_zone=TZ, check_in_times=(pendulum.Time(9, 0),))
    found = CheckIns(HouseContext(cast(Store, None), house, FixedClock(NOW), Path("."), lambda _text: [])).due(
        a_stay(arrives, "s1", "g1"), []
    )
    assert found == CheckInTiming(None, at(day.add(days=4), 9), overdue=False)
