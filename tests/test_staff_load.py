"""The manager's load view, roster gaps, hard events and debriefs, with hand-built rosters."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import Shift
from crisishouse.services import House, NotAllowed, ServiceError
from crisishouse.services.debriefs import Debriefs
from crisishouse.services.load import LoadRow
from crisishouse.services.shifts import Shifts
from tests.builders import TODAY, TZ
from tests.sessions import session_of

PRIVATE = {"tinana", "hinengaro", "whanau", "wairua", "overall", "own_words", "words", "ratings"}


def worked(house: House, name: str, days_ago: list[int], shift: str = "morning", signed: bool = True) -> None:
    """Put worked shifts straight into the store, `days_ago` before today."""
    staff_id = session_of(house, name).person_id
    records = []
    for ago in days_ago:
        times = Shifts(house.settings).named(TODAY.subtract(days=ago), shift)
        records.append(
            Shift(
                staff_id=staff_id,
                day=times.day,
                name=times.name,
                starts_at=times.starts,
                ends_at=times.ends,
                signed_on_at=times.starts if signed else None,
                signed_off_at=times.ends if signed else None,
            )
        )
    house.store.put_many(records)


def row(house: House, name: str) -> LoadRow:
    rows = house.load.load(session_of(house, "Aroha"))
    return next(r for r in rows if r.name == name)


# --- load -------------------------------------------------------------------------


def test_only_the_manager_sees_load(staffed_house: House):
    with pytest.raises(NotAllowed, match="Only the house manager"):
        staffed_house.load.load(session_of(staffed_house, "Tama"))


def test_a_quiet_fortnight_raises_no_flags(staffed_house: House):
    worked(staffed_house, "Tama", [1, 2, 4, 5])
    tama = row(staffed_house, "Tama")
    assert (tama.shifts_7_days, tama.hours_7_days, tama.flags) == (4, 32, ())
    assert (tama.longest_run_28_days, tama.days_since_day_off) == (2, 0)


def test_too_many_shifts_in_seven_days(staffed_house: House):
    worked(staffed_house, "Tama", [1, 2, 3, 4, 5, 6])
    assert row(staffed_house, "Tama").flags == ("6 shifts in the last 7 days (the house's guide is 5)",)


def test_too_many_days_in_a_row(staffed_house: House):
    """Seven days in a row, more than a week ago: only the run is flagged."""
    worked(staffed_house, "Tama", [10, 11, 12, 13, 14, 15, 16])
    tama = row(staffed_house, "Tama")
    assert tama.longest_run_28_days == 7
    assert tama.flags == ("7 days in a row (the house's guide is 6)",)


def test_no_full_day_off(staffed_house: House):
    """Nights every other day leave no whole date free: the mornings after are work too."""
    worked(staffed_house, "Tama", [1, 3, 5, 7, 9], shift="night")
    tama = row(staffed_house, "Tama")
    assert tama.days_since_day_off == 10 and tama.longest_run_28_days == 1
    assert tama.flags == ("no full day off in 10 days (the house's guide is 10)",)


def test_too_many_nights_in_a_row(staffed_house: House):
    worked(staffed_house, "Tama", [2, 3, 4], shift="night")
    tama = row(staffed_house, "Tama")
    assert tama.nights_28_days == 3
    assert tama.flags == ("3 nights in a row (the house's guide is 2)",)


def test_a_debrief_owed_too_long(staffed_house: House, clock: FixedClock):
    tama = session_of(staffed_house, "Tama")
    worked(staffed_house, "Tama", [5])
    clock.set(clock.now().subtract(days=5))
    staffed_house.debriefs.note_hard_event(tama, "A hard morning", TODAY.subtract(days=5), "morning")
    clock.set(pendulum.datetime(2026, 11, 24, 10, 30, tz=TZ))
    assert row(staffed_house, "Tama").flags == ("a debrief owed for 5 days (the house's guide is 3)",)
    assert (row(staffed_house, "Tama").debriefs_owed, row(staffed_house, "Tama").oldest_debrief_days) == (1, 5)


def test_actual_hours_where_signed_else_rostered(staffed_house: House):
    worked(staffed_house, "Tama", [1], signed=False)
    times = Shifts(staffed_house.settings).named(TODAY.subtract(days=2), "morning")
    staffed_house.store.put(
        Shift(
            staff_id=session_of(staffed_house, "Tama").person_id,
            day=times.day,
            name="morning",
            starts_at=times.starts,
            ends_at=times.ends,
            signed_on_at=times.starts.subtract(minutes=10),
            signed_off_at=times.ends.add(minutes=20),
        )
    )
    assert row(staffed_house, "Tama").hours_7_days == 8 + 8.5


def test_the_heaviest_load_is_on_top(staffed_house: House):
    worked(staffed_house, "Sina", [1, 2])
    worked(staffed_house, "Tama", [2, 3, 4], shift="night")
    rows = staffed_house.load.load(session_of(staffed_house, "Aroha"))
    assert [r.name for r in rows] == ["Tama", "Sina", "Aroha"]


def test_load_rows_hold_no_private_ratings_or_words(staffed_house: House):
    tama = session_of(staffed_house, "Tama")
    staffed_house.staff_wellbeing.check(
        tama, {"tinana": 3, "hinengaro": 3, "whanau": 3, "wairua": 3}, None, "secret own words", wants_chat=True
    )
    assert not PRIVATE & {f.name for f in dataclasses.fields(LoadRow)}
    rows = staffed_house.load.load(session_of(staffed_house, "Aroha"))
    assert "secret own words" not in repr(rows)
    assert next(r for r in rows if r.name == "Tama").wants_chat


def test_mental_health_days_in_the_load_view(staffed_house: House):

    staffed_house.mental_health_days.take(session_of(staffed_house, "Sina"), TODAY.add(days=1))
    sina = row(staffed_house, "Sina")
    assert (sina.mental_health_days_used, sina.mental_health_days_left) == (1, 4)


# --- gaps --------------------------------------------------------------------------


def test_every_unfilled_shift_is_a_gap(staffed_house: House):
    gaps = staffed_house.load.gaps(session_of(staffed_house, "Aroha"), TODAY, 2)
    assert len(gaps) == 6 and all(g.staff_id is None for g in gaps)
    assert gaps[0].words(TZ) == "Tuesday 24 November, morning shift 07:00 to 15:00: Nobody is rostered."


def test_a_rostered_shift_that_would_cross_a_guide(staffed_house: House):
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    worked(staffed_house, "Tama", [1, 2, 3, 4, 5])
    roster = staffed_house.roster
    roster.assign(aroha, tama.person_id, TODAY.add(days=1), "night")
    roster.assign(aroha, tama.person_id, TODAY.add(days=4), "night")
    gaps = staffed_house.load.gaps(aroha, TODAY.add(days=1), 4)
    tamas = [g for g in gaps if g.staff_id == tama.person_id]
    assert [g.shift.day for g in tamas] == [TODAY.add(days=1)]
    assert tamas[0].reasons == ("their 6th shift in 7 days (the house's guide is 5)",)
    assert not any(g.shift.name == "night" and g.staff_id is None and g.shift.day == TODAY.add(days=1) for g in gaps)


def test_nights_in_a_row_ahead(staffed_house: House):
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    roster = staffed_house.roster
    for ahead in (1, 2, 3):
        roster.assign(aroha, tama.person_id, TODAY.add(days=ahead), "night")
    tamas = [g for g in staffed_house.load.gaps(aroha, TODAY, 7) if g.staff_id]
    assert [(g.shift.day, g.reasons) for g in tamas] == [
        (TODAY.add(days=3), ("their 3rd night in a row (the house's guide is 2)",))
    ]


def test_only_the_manager_sees_gaps(staffed_house: House):
    with pytest.raises(NotAllowed):
        staffed_house.load.gaps(session_of(staffed_house, "Tama"), TODAY)


# --- hard events and debriefs ---------------------------------------------------------


def test_a_hard_event_owes_a_debrief_to_everyone_on_the_shift(staffed_house: House):
    aroha, tama, sina = (
        session_of(staffed_house, "Aroha"),
        session_of(staffed_house, "Tama"),
        session_of(staffed_house, "Sina"),
    )
    worked(staffed_house, "Tama", [0], signed=False)
    worked(staffed_house, "Aroha", [0], signed=False)
    debriefs = staffed_house.debriefs
    event = debriefs.note_hard_event(sina, "A guest was very distressed; we stayed with them.")
    assert (event.day, event.shift_name, event.noted_by) == (TODAY, "morning", sina.person_id)
    owed = debriefs.debriefs_owed(aroha)
    assert sorted(o.staff_name for o in owed) == ["Aroha", "Sina", "Tama"]
    assert [o.staff_name for o in debriefs.debriefs_owed(tama)] == ["Tama"]


def test_hard_event_words_go_through_the_check(staffed_house: House):
    def refuse(words: str) -> list[object]:
        if "mad" in words:
            raise ServiceError("The language check found: mad")
        return []

    debriefs = Debriefs(replace(staffed_house.ctx, find_words=refuse))
    with pytest.raises(ServiceError, match="language check"):
        debriefs.note_hard_event(session_of(staffed_house, "Tama"), "It was mad")
    assert debriefs.debriefs_owed(session_of(staffed_house, "Aroha")) == []


@pytest.mark.parametrize(
    ("words", "day", "shift", "message"),
    [
        ("  ", None, None, "A few words"),
        ("Hard", TODAY, None, "both the day and the shift"),
        ("Hard", TODAY, "evening", "no 'evening' shift"),
        ("Hard", TODAY, "night", "not started yet"),
    ],
)
def test_noting_a_hard_event_refuses_bad_requests(staffed_house: House, words, day, shift, message):
    with pytest.raises(ServiceError, match=message):
        staffed_house.debriefs.note_hard_event(session_of(staffed_house, "Tama"), words, day, shift)


def test_recording_a_debrief(staffed_house: House):
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    debriefs = staffed_house.debriefs
    debriefs.note_hard_event(tama, "Hard morning")
    owed = debriefs.debriefs_owed(tama)[0].debrief
    with pytest.raises(NotAllowed):
        debriefs.record_debrief(tama, owed.id, "done")
    with pytest.raises(ServiceError, match="offered, done or declined"):
        debriefs.record_debrief(aroha, owed.id, "owed")
    assert debriefs.record_debrief(aroha, owed.id, "offered").offered_at is not None
    assert debriefs.debriefs_owed(tama)[0].debrief.status == "offered"
    assert debriefs.record_debrief(aroha, owed.id, "declined").closed_at is not None
    assert debriefs.debriefs_owed(aroha) == []
    with pytest.raises(ServiceError, match="already declined"):
        debriefs.record_debrief(aroha, owed.id, "done")
    with pytest.raises(ServiceError, match="no such debrief"):
        debriefs.record_debrief(aroha, "nope1", "done")


def test_a_debrief_marked_by_mistake_is_taken_back(staffed_house: House, clock: FixedClock):
    """Marked on the wrong row: had goes back to offered, offered to owed; after ten minutes it stays."""
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    debriefs = staffed_house.debriefs
    debriefs.note_hard_event(tama, "Hard morning")
    owed = debriefs.debriefs_owed(tama)[0].debrief
    with pytest.raises(ServiceError, match="nothing to take back"):
        debriefs.undo_record(aroha, owed.id)
    debriefs.record_debrief(aroha, owed.id, "offered")
    clock.advance(minutes=5)
    debriefs.record_debrief(aroha, owed.id, "done")
    assert debriefs.debriefs_owed(aroha) == []
    with pytest.raises(NotAllowed):
        debriefs.undo_record(tama, owed.id)
    back = debriefs.undo_record(aroha, owed.id)
    assert (back.status, back.closed_at, back.offered_at) == ("offered", None, owed.offered_at or back.offered_at)
    assert [o.debrief.status for o in debriefs.debriefs_owed(aroha)] == ["offered"]
    # The offer was made 5 minutes ago: still within the window, so it too can be taken back.
    assert debriefs.undo_record(aroha, owed.id).status == "owed"
    debriefs.record_debrief(aroha, owed.id, "declined")
    clock.advance(minutes=10)
    with pytest.raises(ServiceError, match="last 10 minutes"):
        debriefs.undo_record(aroha, owed.id)
    assert debriefs.debriefs_owed(aroha) == []


def test_the_load_view_shows_cover_shifts(staffed_house: House, clock: FixedClock):
    """Covering is allowed, and the manager sees the load it adds: a flag, not a refusal."""
    aroha, tama = session_of(staffed_house, "Aroha"), session_of(staffed_house, "Tama")
    staffed_house.roster.assign(aroha, tama.person_id, TODAY, "morning")
    staffed_house.roster.assign(aroha, tama.person_id, TODAY, "night")
    clock.set(pendulum.datetime(2026, 11, 25, 8, 0, tz=TZ))
    (row,) = [r for r in staffed_house.load.load(aroha) if r.name == "Tama"]
    assert row.cover_shifts_7_days == 1
    assert "1 cover shift in the last 7 days (8 h more)" in row.flags
    (sina,) = [r for r in staffed_house.load.load(aroha) if r.name == "Sina"]
    assert sina.cover_shifts_7_days == 0 and not any("cover" in f for f in sina.flags)


def test_the_demo_house_load_view_runs(demo_house: House):
    aroha = demo_house.sign_in.sign_in("Aroha", "1111")
    rows = demo_house.load.load(aroha)
    assert len(rows) == 10
    assert [len(r.flags) for r in rows] == sorted((len(r.flags) for r in rows), reverse=True)
