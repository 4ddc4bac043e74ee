"""When a guest's check-in is due, on the house's odd days: nights out in a row,
early check-in times, no check-in times, and the nights the clocks change.

The timing is read through `CheckIns.timing` with the check-ins given, so no
store is needed; a reference worked out here, straight from pendulum, checks it.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisishouse.clock import FixedClock
from crisishouse.services import House
from crisishouse.services.board import BoardView, RoomLine
from crisishouse.services.check_ins import (
    EARLY_GRACE,
    NONE_DUE,
    CheckIns,
    CheckInTiming,
)
from crisishouse.services.context import HouseContext
from crisishouse.settings import Settings
from crisishouse.store import Store
from tests.builders import TZ, a_stay, at, check_in

DEFAULT_TIMES = ((9, 0), (14, 0), (20, 0))
LONG_AGO = pendulum.datetime(2026, 11, 1, 10, 0, tz=TZ)
D = pendulum.date(2026, 11, 24)
"""A Tuesday: "today" in the exact tests."""

# Zones a house may set: both hemispheres, half-hour and 45-minute offsets and changes, none at all.
ZONES = (
    "Pacific/Auckland",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "UTC",
)
# Days the clock is swept over (from the house's midnight, for three days): both of
# Auckland's daylight-saving nights of 2026, London's and New York's autumn nights, an ordinary day.
SWEEP_FROM = (
    pendulum.date(2026, 4, 3),
    pendulum.date(2026, 4, 4),
    pendulum.date(2026, 4, 5),
    pendulum.date(2026, 9, 25),
    pendulum.date(2026, 9, 26),
    pendulum.date(2026, 9, 27),
    pendulum.date(2026, 10, 24),
    pendulum.date(2026, 10, 25),
    pendulum.date(2026, 3, 29),
    pendulum.date(2026, 10, 31),
    pendulum.date(2026, 11, 24),
)


# -- helpers -------------------------------------------------------------------------------


def check_ins_for(times: tuple[tuple[int, int], ...], tz: str, now: pendulum.DateTime) -> CheckIns:
    """Check-ins for a house with these times, the clock at `now` (no store: check-ins are given)."""
    house = Settings(time_zone=tz, check_in_times=tuple(sorted(pendulum.Time(h, m) for h, m in times)))
    return CheckIns(HouseContext(cast(Store, None), house, FixedClock(now), Path("."), lambda _text: []))


def timing(
    now: pendulum.DateTime,
    *,
    times: tuple[tuple[int, int], ...] = DEFAULT_TIMES,
    tz: str = TZ,
    arrived_at: pendulum.DateTime = LONG_AGO,
    nights_out: tuple[pendulum.Date, ...] = (),
    done_at: tuple[pendulum.DateTime, ...] = (),
) -> CheckInTiming:
    stay = a_stay(arrived_at, nights_out=tuple(sorted(set(nights_out))))
    made = [check_in(at=t) for t in sorted(done_at)]
    return check_ins_for(times, tz, now).due(stay, made)


# -- the crashes of the issue: nothing left in the old three-day window ----------------------


def test_morning_times_and_out_tonight_is_due_the_morning_after_next():
    """Times all before noon, the day's done, out tonight: tomorrow morning is skipped, the next is due."""
    found = timing(at(D, 11), times=((8, 0), (10, 0)), nights_out=(D,), done_at=(at(D, 10),))
    assert (found.overdue, found.next_due) == (False, at(D.add(days=2), 8))


def test_out_two_nights_running_with_the_usual_times():
    """Out tonight and tomorrow night at 13:00: due next at 14:00 the day after tomorrow."""
    found = timing(at(D, 13), nights_out=(D, D.add(days=1)), done_at=(at(D, 9),))
    assert (found.overdue, found.next_due) == (False, at(D.add(days=2), 14))


def test_out_two_weeks_of_nights_in_a_row():
    """A long run of nights out is searched past, however long."""
    nights = tuple(D.add(days=n) for n in range(14))
    found = timing(at(D, 13), nights_out=nights, done_at=(at(D, 9),))
    assert (found.overdue, found.next_due) == (False, at(D.add(days=14), 14))


def test_no_check_in_times_means_none_due():
    """A house with no check-in times: nothing is due and nothing is overdue, no crash."""
    found = timing(at(D, 13), times=())
    assert (found.overdue, found.next_due) == (False, None)


def test_an_arrival_later_today_is_due_after_arriving():
    """A stay entered ahead of the guest: the next slot is one after they arrive."""
    found = timing(at(D, 8), arrived_at=at(D, 15))
    assert (found.overdue, found.next_due) == (False, at(D, 20))


def test_the_board_shows_none_due_and_lists_no_one_as_due():
    """The board's due line skips a guest with nothing due; the board column says so in words."""
    from crisishouse.screens.board import _next_words

    nothing = CheckInTiming(None, None, overdue=False)
    line = RoomLine("Rimu", stay=a_stay(LONG_AGO), timing=nothing)
    assert BoardView(at(D, 13), (line,), None, None).check_ins_due == ()
    assert _next_words(nothing, TZ, at(D, 13)) == NONE_DUE == "none due"


def test_the_board_lists_due_guests_earliest_first():
    early = RoomLine("Rimu", stay=a_stay(LONG_AGO), timing=CheckInTiming(None, at(D, 9), overdue=True))
    later = RoomLine("Kauri", stay=a_stay(LONG_AGO), timing=CheckInTiming(None, at(D, 14), overdue=True))
    fine = RoomLine("Rātā", stay=a_stay(LONG_AGO), timing=CheckInTiming(None, at(D, 20), overdue=False))
    assert BoardView(at(D, 15), (later, fine, early), None, None).check_ins_due == (early, later)


# -- exact edges ------------------------------------------------------------------------------


@pytest.mark.parametrize(("early_minutes", "overdue"), [(0, False), (29, False), (30, False), (31, True)])
def test_the_early_grace_is_thirty_minutes(early_minutes: int, overdue: bool):
    """A check-in 30 minutes before the 14:00 slot counts for it; 31 minutes before does not."""
    found = timing(at(D, 14, 5), done_at=(at(D, 14).subtract(minutes=early_minutes),))
    assert found.overdue is overdue
    assert found.next_due == (at(D, 14) if overdue else at(D, 20))


def test_grace_is_the_constant():
    assert pendulum.duration(minutes=30) == EARLY_GRACE


def test_a_night_out_begins_at_noon():
    """Out tonight: the 11:59 slot is still due, the 12:00 one is not."""
    found = timing(at(D, 12, 1), times=((11, 59), (12, 0)), nights_out=(D,))
    assert (found.overdue, found.next_due) == (True, at(D, 11, 59))
    done = timing(at(D, 12, 1), times=((11, 59), (12, 0)), nights_out=(D,), done_at=(at(D, 11, 59),))
    assert (done.overdue, done.next_due) == (False, at(D.add(days=1), 12))


def test_a_night_out_ends_at_noon_the_next_day():
    """Back from a night out: 11:59 the next day is not due, 12:00 is."""
    found = timing(at(D.add(days=1), 12, 0), times=((11, 59), (12, 0)), nights_out=(D,), done_at=(at(D, 11, 59),))
    assert (found.overdue, found.next_due) == (True, at(D.add(days=1), 12))
    before = timing(at(D.add(days=1), 11, 59), times=((11, 59), (12, 0)), nights_out=(D,), done_at=(at(D, 11, 59),))
    assert (before.overdue, before.next_due) == (False, at(D.add(days=1), 12))


def test_a_slot_is_due_at_its_minute_not_before():
    """At 13:59 the 14:00 slot is next; at 14:00 it is due."""
    before = timing(at(D, 13, 59), done_at=(at(D, 9),))
    assert (before.overdue, before.next_due) == (False, at(D, 14))
    on_the_minute = timing(at(D, 14), done_at=(at(D, 9),))
    assert (on_the_minute.overdue, on_the_minute.next_due) == (True, at(D, 14))
    done_early = timing(at(D, 14), done_at=(at(D, 13, 50),))
    assert (done_early.overdue, done_early.next_due) == (False, at(D, 20))


def test_yesterdays_missed_slot_is_due_this_morning():
    """One check-in a day at 09:00: at 08:00 yesterday's 09:00 is still due, unless it was done."""
    found = timing(at(D, 8), times=((9, 0),))
    assert (found.overdue, found.next_due) == (True, at(D.subtract(days=1), 9))
    done = timing(at(D, 8), times=((9, 0),), done_at=(at(D.subtract(days=1), 8, 30),))
    assert (done.overdue, done.next_due) == (False, at(D, 9))
    missed = timing(at(D, 8), times=((9, 0),), done_at=(at(D.subtract(days=1), 8, 29),))
    assert (missed.overdue, missed.next_due) == (True, at(D.subtract(days=1), 9))


def test_a_slot_from_before_yesterday_is_not_chased():
    """Out the night before last (skipping yesterday's 09:00): the 09:00 before that is not due now."""
    found = timing(at(D, 8), times=((9, 0),), nights_out=(D.subtract(days=2),))
    assert (found.overdue, found.next_due) == (False, at(D, 9))


def test_a_slot_before_arriving_is_not_due():
    """Arriving at 14:01, the 14:00 slot is not due; arriving at 14:00, it is."""
    assert timing(at(D, 15), arrived_at=at(D, 14, 1)).next_due == at(D, 20)
    assert timing(at(D, 15), arrived_at=at(D, 14)) == CheckInTiming(None, at(D, 14), overdue=True)


# -- properties ----------------------------------------------------------------------------------


def reference_slots(times: tuple[tuple[int, int], ...], tz: str, day: pendulum.Date) -> list[pendulum.DateTime]:
    """The house's rule straight from pendulum: a skipped time moves on past the gap, a repeated one is the second."""
    return sorted(
        pendulum.datetime(day.year, day.month, day.day, h, m, tz=tz, fold=1).in_timezone("UTC") for h, m in times
    )


def out_then(slot: pendulum.DateTime, tz: str, nights_out: tuple[pendulum.Date, ...]) -> bool:
    """Noon of a night out to noon the next day, on the house's clocks."""
    shown = slot.in_timezone(tz)
    night = shown.date() if shown.hour >= 12 else shown.date().subtract(days=1)
    return night in nights_out


@st.composite
def odd_days(draw: st.DrawFn) -> dict:
    tz = draw(st.sampled_from(ZONES))
    times = tuple(sorted(draw(st.sets(st.tuples(st.integers(0, 23), st.integers(0, 59)), min_size=1, max_size=6))))
    start = draw(st.sampled_from(SWEEP_FROM))
    now = pendulum.datetime(start.year, start.month, start.day, tz=tz).add(minutes=draw(st.integers(0, 3 * 24 * 60)))
    now = now.in_timezone("UTC")
    today = now.in_timezone(tz).date()
    nights_out = tuple(today.add(days=n) for n in draw(st.sets(st.integers(-4, 6), max_size=8)))
    arrived_at = now.subtract(minutes=draw(st.integers(-24 * 60, 6 * 24 * 60)))
    done_at = tuple(sorted(now.subtract(minutes=m) for m in draw(st.lists(st.integers(0, 4 * 24 * 60), max_size=6))))
    return {
        "now": now,
        "times": times,
        "tz": tz,
        "arrived_at": arrived_at,
        "nights_out": nights_out,
        "done_at": done_at,
    }


def due_slots_between(case: dict, start: pendulum.DateTime, end: pendulum.DateTime) -> list[pendulum.DateTime]:
    """Every slot in [start, end] the guest is due for, by the reference rule."""
    tz = case["tz"]
    day = start.in_timezone(tz).date().subtract(days=1)
    found = []
    while day <= end.in_timezone(tz).date().add(days=1):
        found += [
            s
            for s in reference_slots(case["times"], tz, day)
            if start <= s <= end and s >= case["arrived_at"] and not out_then(s, tz, case["nights_out"])
        ]
        day = day.add(days=1)
    return sorted(found)


@settings(max_examples=200, deadline=None)
@given(odd_days())
def test_timing_holds_on_odd_days(case: dict):
    """Never raises; the slot given is a real one the guest is due for, overdue or next as it should be."""
    found = timing(**case)
    now, tz = case["now"], case["tz"]
    assert found.next_due is not None
    due = found.next_due
    assert due in reference_slots(case["times"], tz, due.in_timezone(tz).date())
    assert not out_then(due, tz, case["nights_out"])
    assert due >= case["arrived_at"]
    counts = [d for d in case["done_at"] if d >= due - EARLY_GRACE]
    day_before = now.in_timezone(tz).date().subtract(days=1)
    yesterday = pendulum.datetime(day_before.year, day_before.month, day_before.day, tz=tz).in_timezone("UTC")
    if found.overdue:
        assert yesterday <= due <= now
        assert counts == [], "a check-in within the grace counts as done"
        assert due_slots_between(case, due.add(seconds=1), now) == [], "the latest slot passed is the one due"
    else:
        assert due > now
        assert due_slots_between(case, now.add(seconds=1), due.subtract(seconds=1)) == [], "no earlier slot skipped"
        passed = due_slots_between(case, yesterday, now)
        if passed:
            assert [d for d in case["done_at"] if d >= passed[-1] - EARLY_GRACE], "the latest slot passed was done"


@settings(max_examples=200, deadline=None)
@given(odd_days(), st.integers(0, 30), st.integers(31, 120))
def test_a_check_in_within_the_grace_counts(case: dict, early: int, too_early: int):
    """An overdue slot: a check-in 0 to 30 minutes before it clears it; 31 or more does not."""
    found = timing(**case)
    if not found.overdue:
        return
    slot = found.next_due
    assert slot is not None
    cleared = timing(**{**case, "done_at": (*case["done_at"], slot.subtract(minutes=early))})
    assert not cleared.overdue
    still = timing(**{**case, "done_at": (*case["done_at"], slot.subtract(minutes=too_early))})
    assert (still.overdue, still.next_due) == (True, slot)


# -- the board, through the house ------------------------------------------------------------


def test_the_board_opens_for_a_house_with_no_check_in_times(demo_dir: Path, clock: FixedClock):
    """`times = []` in house.toml: the board opens, no one is due, each guest's next is none."""
    (demo_dir / "house.toml").write_text("[check_ins]\ntimes = []\n", encoding="utf-8")
    house = House.open(demo_dir, clock)
    view = house.board.view(house.sign_in.sign_in("Tama", "2222"))
    assert view.staying and view.check_ins_due == ()
    assert {line.timing.next_due for line in view.staying if line.timing} == {None}


def test_the_board_opens_with_a_guest_out_two_nights_running(demo_dir: Path, clock: FixedClock):
    """Out tonight and tomorrow night, after 20:00: the board opens and shows the 14:00 two days on."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    stay = house.board.view(tama).staying[0].stay
    assert stay is not None
    house.stays.out_overnight(tama, stay.id, D)
    house.stays.out_overnight(tama, stay.id, D.add(days=1))
    clock.set(pendulum.datetime(2026, 11, 24, 20, 30, tz=TZ))
    house.check_ins.record(tama, stay, "checked_in")
    line = next(r for r in house.board.view(tama).staying if r.stay and r.stay.id == stay.id)
    assert line.timing is not None
    assert (line.timing.overdue, line.timing.next_due) == (False, at(D.add(days=2), 14))
