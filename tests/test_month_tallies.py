"""The funder's month tallies: kept as stays end, always equal to counting every stay again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn, Erasure, MonthTally, Stay
from crisishouse.services import House, Session
from crisishouse.services.month_counts import TALLIES_META, Tally, stay_month_counts, tallies_built
from crisishouse.services.report import MonthReport, build_month_report
from crisishouse.settings import save_settings

MONTHS = ["2026-09", "2026-10", "2026-11", "2026-12"]


def counted_again(house: House, month: str) -> Tally:
    """The month's stay counts worked out from every stay and erasure on file (no tallies)."""
    tz = house.settings.time_zone
    today = house.clock.now().in_timezone(tz).date()
    total = Tally()
    for stay in house.store.find(Stay):
        for count in stay_month_counts(stay, house.store.find(CheckIn, stay_id=stay.id), tz, today):
            if count.month == month:
                total.add(count)
    for erasure in house.store.find(Erasure):
        for count in erasure.counts:
            if count.month == month:
                total.add(count)
    return total


def stay_figures(report: MonthReport) -> tuple[object, ...]:
    return (report.stays_started, report.stays_ended, report.bed_nights, report.longest_length, report.check_ins_done)


def assert_tallies_hold(house: House) -> None:
    today = house.clock.now().in_timezone(house.settings.time_zone).date()
    for month in MONTHS:
        report = build_month_report(house.store, house.settings, month, today)
        again = counted_again(house, month)
        lengths = again.ended_lengths
        expected = (
            again.stays_started,
            again.stays_ended,
            again.bed_nights,
            max(lengths, default=None),
            again.check_ins,
        )
        assert stay_figures(report) == expected, month


def test_the_demo_keeps_tallies_equal_to_a_full_count(demo_house: House):
    assert tallies_built(demo_house.store, demo_house.settings.time_zone)
    assert demo_house.store.find(MonthTally)
    assert_tallies_hold(demo_house)


def test_leavings_arrivals_and_erasures_keep_the_tallies_true(
    demo_house: House, tama: Session, aroha: Session, mere: Session, clock: FixedClock
):
    someone = next(s for s in demo_house.stays.staying(tama) if s.id != mere.stay_id)
    demo_house.stays.leave(tama, someone.id, "keep")
    assert_tallies_hold(demo_house)
    clock.advance(days=3)
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    demo_house.erasures.erase(aroha, mere.person_id, "printed")
    assert_tallies_hold(demo_house)
    clock.advance(days=30)
    for stay in demo_house.stays.staying(tama):
        demo_house.stays.leave(tama, stay.id, None)
    assert_tallies_hold(demo_house)


def test_a_leaving_lands_in_its_months_tally_in_the_same_write(demo_house: House, tama: Session):
    stay = demo_house.stays.staying(tama)[0]
    before = demo_house.store.get(MonthTally, "2026-11")
    assert before is not None
    left = demo_house.stays.leave(tama, stay.id, "keep")
    after = demo_house.store.get(MonthTally, "2026-11")
    assert after is not None and after.counts.stays_ended == before.counts.stays_ended + 1
    # Another terminal reading the house's files sees both at once.
    other = House.open(demo_house.data_dir, demo_house.clock)
    assert other.store.get(Stay, left.id).left_at is not None
    assert other.store.get(MonthTally, "2026-11") == after


def test_a_second_terminal_leaving_at_the_same_time_is_counted_too(demo_house: House, tama: Session):
    other = House.open(demo_house.data_dir, demo_house.clock)
    first, second = demo_house.stays.staying(tama)[:2]
    demo_house.stays.leave(tama, first.id, "keep")
    other.stays.leave(tama, second.id, "keep")
    assert_tallies_hold(demo_house)


def test_tallies_missing_or_removed_are_worked_out_again(demo_house: House, tama: Session):
    """A house from before tallies, or with them lost, counts the same."""
    store = demo_house.store
    with store.transaction():
        for tally in store.find(MonthTally):
            store.remove(tally)
    store.set_meta(TALLIES_META, {"built": False})
    demo_house.stays.leave(tama, demo_house.stays.staying(tama)[0].id, "keep")
    assert not store.find(MonthTally)  # nothing half-kept while they are missing
    assert_tallies_hold(demo_house)
    assert tallies_built(store, demo_house.settings.time_zone)


def test_a_new_time_zone_works_the_tallies_out_again(demo_house: House, demo_dir: Path, clock: FixedClock):
    save_settings(demo_dir, dataclasses.replace(demo_house.settings, time_zone="Europe/London"))
    london = House.open(demo_dir, clock)
    assert not tallies_built(london.store, "Europe/London")
    assert_tallies_hold(london)
    assert {t.time_zone for t in london.store.find(MonthTally)} == {"Europe/London"}


@pytest.mark.parametrize("bad", [{"counts": "x", "time_zone": "UTC", "id": "2026-11"}])
def test_a_tally_is_kept_under_its_own_month(bad: dict[str, object]):
    from crisishouse.models import MonthCount, ValidationError

    with pytest.raises(ValidationError):
        MonthTally(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        MonthTally(counts=MonthCount(month="2026-10"), time_zone="UTC", id="2026-11")
    assert MonthTally(counts=MonthCount(month="2026-11"), time_zone="UTC", id="2026-11").id == "2026-11"
    assert pendulum.date(2026, 11, 1)


def test_debriefs_had_are_counted_from_the_tally_and_checked_against_the_debrief(
    demo_house: House, tama: Session, aroha: Session
):
    today = demo_house.clock.now().in_timezone(demo_house.settings.time_zone).date()

    def had() -> int:
        return build_month_report(demo_house.store, demo_house.settings, "2026-11", today).debriefs_done

    before = had()
    demo_house.debriefs.note_hard_event(tama, "A hard morning")
    owed = demo_house.debriefs.debriefs_owed(aroha)[0].debrief
    demo_house.debriefs.record_debrief(aroha, owed.id, "done")
    assert had() == before + 1
    demo_house.debriefs.undo_record(aroha, owed.id)
    assert had() == before
    # A note in the tally the debrief does not bear out (a write that never landed) is not counted.
    tally = demo_house.store.get(MonthTally, "2026-11")
    assert tally is not None
    demo_house.store.put(dataclasses.replace(tally, debriefs_done=(*tally.debriefs_done, f"2026-11/{owed.id}")))
    assert had() == before


def test_a_months_report_reads_only_the_files_it_needs(demo_house: House, aroha: Session, monkeypatch):  # type: ignore[no-untyped-def]
    opened: set[str] = set()
    real = type(demo_house.store)._db

    def counting(store, shard):  # type: ignore[no-untyped-def]
        opened.add(shard)
        return real(store, shard)

    demo_house.reports.month(aroha, "2026-10")
    monkeypatch.setattr(type(demo_house.store), "_db", counting)
    demo_house.reports.month(aroha, "2026-10")
    staying = len(demo_house.stays.staying(aroha))
    months = {s for s in opened if s.startswith("months/")}
    assert months <= {"months/2026-09", "months/2026-10", "months/2026-11"}
    assert len([s for s in opened if s.startswith("stays/")]) <= staying
