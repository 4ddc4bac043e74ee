"""The funder's monthly counts: stays, bed nights, occupancy, check-ins, staff days; no one named.

Update this file's snapshot with
`.venv/bin/python -m pytest tests/test_report.py -k test_report_screen --snapshot-update`
after looking at the new picture in snapshot_report.html.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import errno
import io
import json
import os
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from zoneinfo import ZoneInfo

import pendulum
import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.cli import main
from crisishouse.clock import FixedClock
from crisishouse.demo import build_demo
from crisishouse.models import CheckIn, Debrief, Erasure, Guest, MentalHealthDay, MonthCount, StaffMember, Stay
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.month_counts import TALLIES_META
from crisishouse.services.report import MonthReport, Reports, build_month_report, report_csv, stay_month_counts
from crisishouse.settings import Settings, load_settings
from crisishouse.store import Store, StoreWriteError
from tests.builders import NOW, TODAY, TZ
from tests.pilot_helpers import screen_text, sign_in

BAD_MONTH = "a month is written YYYY-MM, like 2026-10"


def at(text: str) -> pendulum.DateTime:
    """A wall-clock time in the house's zone, "2026-10-29 14:00"."""
    return pendulum.from_format(text, "YYYY-MM-DD HH:mm", tz=TZ)


def manager(house: House) -> Session:
    member = next(m for m in house.store.find(StaffMember) if m.role == "manager")
    return Session(member.id, member.name, member.role)


def stay(house: House, arrived: str, left: str | None = None, room: str = "Rātā", name: str = "Kiri") -> Stay:
    """A guest and their stay, put straight into the store."""
    guest = Guest(chosen_name=name, created_at=at(arrived))
    arrived_at = at(arrived)
    made = Stay(
        guest_id=guest.id,
        room=room,
        arrived_at=arrived_at,
        planned_leaving=(at(left) if left else arrived_at.add(days=7)).in_timezone(TZ).date(),
        left_at=at(left) if left else None,
    )
    house.store.put_many([guest, made])
    return made


def check_ins(house: House, made: Stay, *times: tuple[str, str]) -> list[CheckIn]:
    found = [
        CheckIn(guest_id=made.guest_id, stay_id=made.id, at=at(when), outcome=outcome, recorded_by="staff-1")
        for when, outcome in times
    ]
    house.store.put_many(found)
    return found


def reports(house: House, settings: Settings | None = None) -> Reports:
    return Reports(replace(house.ctx, settings=settings or house.settings))


def month(house: House, which: str, settings: Settings | None = None) -> MonthReport:
    return reports(house, settings).month(manager(house), which)


# --- who may see them ------------------------------------------------------------------


def test_only_the_manager_sees_the_counts(
    demo_house: House, aroha: Session, tama: Session, mere: Session, tmp_path: Path
):
    counts = demo_house.reports
    out = tmp_path / "out"
    out.mkdir()
    for someone in (tama, mere):
        with pytest.raises(NotAllowed, match="Only the house manager can see the funder's counts"):
            counts.month(someone, "2026-11")
        with pytest.raises(NotAllowed):
            counts.save_csv(someone, "2026-11", out / "counts.csv")
        with pytest.raises(NotAllowed):
            counts.save_for_funder(someone, "2026-11", out)
    assert not list(out.iterdir())
    november = counts.month(aroha, "2026-11")
    assert november.month == "2026-11" and november.stays_started > 0 and november.bed_nights > 0
    assert november.title == "Te Whare Āwhina (demo): counts for November 2026"


def test_a_bad_month_is_refused_in_plain_words(house: House):
    for bad in ("2026-13", "oct", "2026-1", "26-10", "2026-10-01", ""):
        with pytest.raises(ValueError, match=BAD_MONTH):
            build_month_report(house.store, house.settings, bad, TODAY)
        with pytest.raises(ServiceError, match=BAD_MONTH):
            month(house, bad)


# --- hand-built stays --------------------------------------------------------------------


def test_a_stay_across_a_month_boundary_splits_its_bed_nights(house: House):
    stay(house, "2026-10-29 14:00", "2026-11-03 10:00")
    october, november = month(house, "2026-10"), month(house, "2026-11")
    assert (october.stays_started, october.stays_ended, october.bed_nights) == (1, 0, 3)
    assert (october.average_length, october.longest_length) == (None, None)
    assert (november.stays_started, november.stays_ended, november.bed_nights) == (0, 1, 2)
    assert (november.average_length, november.longest_length) == (5.0, 5)


def test_a_stay_still_going_counts_only_nights_begun_before_today(house: House, clock: FixedClock):
    stay(house, "2026-11-20 15:00")
    stay(house, "2026-10-30 11:00", room="Rimu")
    stay(house, "2026-11-24 09:00", room="Kauri")  # arrived this morning: no night yet
    november = month(house, "2026-11")
    assert november.bed_nights == 4 + 23 and november.stays_started == 2 and november.stays_ended == 0
    assert month(house, "2026-10").bed_nights == 2
    clock.set(at("2026-11-24 23:50"))
    assert month(house, "2026-11").bed_nights == 4 + 23, "tonight is not counted until tomorrow"
    clock.set(at("2026-11-25 00:10"))
    assert month(house, "2026-11").bed_nights == 5 + 24 + 1


def test_a_same_day_stay_has_no_nights(house: House):
    stay(house, "2026-11-10 10:00", "2026-11-10 18:30")
    november = month(house, "2026-11")
    assert (november.stays_started, november.stays_ended, november.bed_nights) == (1, 1, 0)
    assert (november.average_length, november.longest_length) == (0.0, 0)
    assert dict(november.rows())["Average length of stay"] == "0.0 nights"


def test_months_with_a_daylight_saving_change_go_by_the_house_date(house: House):
    """April (clocks back on the 5th) and September (forward on the 27th) in Auckland."""
    # Just after midnight on 1 April in Auckland is still 31 March in UTC.
    april = stay(house, "2026-04-01 00:30", "2026-04-06 10:00")
    check_ins(house, april, ("2026-04-05 02:30", "quiet_time"), ("2026-04-01 00:45", "checked_in"))
    # Across the spring-forward night: two nights, whatever the hours.
    september = stay(house, "2026-09-26 20:00", "2026-09-28 10:00", room="Rimu")
    check_ins(house, september, ("2026-09-27 03:30", "asleep"))
    # Left just after midnight on 1 October: 30 September in UTC, October in the house.
    late = stay(house, "2026-09-29 12:00", "2026-10-01 00:30", room="Kauri")
    check_ins(house, late, ("2026-10-01 00:15", "quiet_time"))
    staff = manager(house).person_id
    house.store.put_many(
        [
            MentalHealthDay(staff_id=staff, day=pendulum.date(2026, 4, 30), recorded_at=at("2026-04-29 08:00")),
            MentalHealthDay(staff_id=staff, day=pendulum.date(2026, 5, 1), recorded_at=at("2026-04-30 08:00")),
            Debrief(
                hard_event_id="event-1",
                staff_id=staff,
                owed_since=at("2026-09-30 22:00"),
                status="done",
                closed_at=at("2026-10-01 00:30"),
            ),
            Debrief(
                hard_event_id="event-2",
                staff_id=staff,
                owed_since=at("2026-07-02 10:00"),
                status="done",
                closed_at=at("2026-09-30 16:00"),
            ),
            Debrief(
                hard_event_id="event-3",
                staff_id=staff,
                owed_since=at("2026-09-02 10:00"),
                status="declined",
                closed_at=at("2026-09-03 16:00"),
            ),
        ]
    )
    march, in_april = month(house, "2026-03"), month(house, "2026-04")
    assert (march.stays_started, march.bed_nights, march.check_ins_done) == (0, 0, 0)
    assert (in_april.stays_started, in_april.stays_ended, in_april.bed_nights) == (1, 1, 5)
    assert (in_april.check_ins_done, in_april.chose_quiet_time, in_april.mental_health_days) == (2, 1, 1)
    assert (in_april.nights_counted, in_april.longest_length) == (30, 5)
    in_september, october = month(house, "2026-09"), month(house, "2026-10")
    assert (in_september.stays_started, in_september.stays_ended, in_september.bed_nights) == (2, 1, 2 + 2)
    assert (in_september.check_ins_done, in_september.debriefs_done, in_september.nights_counted) == (1, 1, 30)
    assert (october.stays_ended, october.longest_length, october.bed_nights) == (1, 2, 0)
    assert (october.check_ins_done, october.chose_quiet_time, october.debriefs_done) == (1, 1, 1)
    assert month(house, "2026-05").mental_health_days == 1


def test_occupancy_is_bed_nights_over_the_rooms_nights_counted(house: House, clock: FixedClock):
    two_rooms = replace(house.settings, rooms=("Rātā", "Rimu"))
    stay(house, "2026-09-20 12:00", "2026-11-01 10:00")  # every October night
    stay(house, "2026-10-10 12:00", "2026-10-25 10:00", room="Rimu")  # 15 nights
    stay(house, "2026-11-01 12:00", room="Rimu")  # every November night so far
    october = month(house, "2026-10", two_rooms)
    assert (october.rooms, october.nights_counted, october.bed_nights) == (2, 31, 46)
    assert october.occupancy == pytest.approx(46 / 62)
    assert dict(october.rows())["Occupancy"] == "74.2%"
    november = month(house, "2026-11", two_rooms)
    assert (november.nights_counted, november.bed_nights) == (23, 23)
    assert november.occupancy == 0.5 and dict(november.rows())["Occupancy"] == "50.0%"
    assert dict(november.rows())["Nights of the month counted"] == "23 of 30 so far"
    december = month(house, "2026-12", two_rooms)
    assert (december.nights_counted, december.occupancy) == (0, None)
    assert dict(december.rows())["Occupancy"] == "none"
    clock.set(at("2026-12-01 00:30"))
    assert month(house, "2026-12", two_rooms).occupancy is None
    assert month(house, "2026-11", two_rooms).nights_counted == 30


def test_average_and_longest_are_over_stays_that_ended_in_the_month(house: House):
    stay(house, "2026-10-01 12:00", "2026-10-03 10:00", room="Rātā")  # 2
    stay(house, "2026-10-04 12:00", "2026-10-09 10:00", room="Rātā")  # 5
    stay(house, "2026-09-25 12:00", "2026-10-06 10:00", room="Rimu")  # 11, begun in September
    stay(house, "2026-10-20 12:00", "2026-11-20 10:00", room="Kauri")  # ends in November
    october = month(house, "2026-10")
    assert (october.stays_ended, october.average_length, october.longest_length) == (3, 6.0, 11)
    rows = dict(october.rows())
    assert (rows["Average length of stay"], rows["Longest stay"]) == ("6.0 nights", "11 nights")
    assert month(house, "2026-11").longest_length == 31


def test_an_empty_month_is_zeros_and_none(house: House):
    empty = month(house, "2026-10")
    assert (empty.stays_started, empty.bed_nights, empty.check_ins_done, empty.debriefs_done) == (0, 0, 0, 0)
    assert (empty.occupancy, empty.average_length, empty.longest_length) == (0.0, None, None)
    rows = dict(empty.rows())
    assert (rows["Occupancy"], rows["Average length of stay"], rows["Longest stay"]) == ("0.0%", "none", "none")
    row = next(csv.DictReader(io.StringIO(report_csv([empty]))))
    assert (row["average_length_nights"], row["longest_length_nights"], row["occupancy_percent"]) == ("", "", "0.0")


# --- erasure keeps the counts whole ----------------------------------------------------------


def erase(house: House, made: Stay) -> Erasure:
    """What the erasure will do: keep the stay's counts, remove the stay and all about it."""
    found = house.store.find(CheckIn, stay_id=made.id)
    counts = stay_month_counts(made, found, house.settings.time_zone, TODAY)
    for check_in in found:
        house.store.remove(check_in)
    house.store.remove(made)
    guest = house.store.get(Guest, made.guest_id)
    if guest is not None:
        house.store.remove(guest)
    erasure = Erasure(erased_on=TODAY, handed_over="printed", counts=counts)
    house.store.put(erasure)
    return erasure


def test_one_stays_share_of_each_month(house: House):
    made = stay(house, "2026-10-30 11:00", "2026-11-02 10:00")
    found = check_ins(
        house,
        made,
        ("2026-10-30 20:00", "quiet_time"),
        ("2026-10-31 09:00", "checked_in"),
        ("2026-11-01 00:10", "quiet_time"),
    )
    assert stay_month_counts(made, found, TZ, TODAY) == (
        MonthCount(month="2026-10", stays_started=1, bed_nights=2, check_ins=2, quiet_times=1),
        MonthCount(month="2026-11", stays_ended=1, bed_nights=1, ended_lengths=(3,), check_ins=1, quiet_times=1),
    )
    going = stay(house, "2026-11-22 15:00", room="Rimu")
    assert stay_month_counts(going, [], TZ, TODAY) == (MonthCount(month="2026-11", stays_started=1, bed_nights=2),)
    assert stay_month_counts(going, found, TZ, TODAY)[0].check_ins == 0, "another stay's check-ins are left out"


def test_the_counts_are_the_same_after_an_erasure(house: House):
    kept = stay(house, "2026-10-25 11:00", "2026-11-04 10:00", name="Kiri")
    erased = stay(house, "2026-10-28 11:00", "2026-11-03 10:00", room="Rimu", name="Hōne")
    check_ins(house, kept, ("2026-10-26 09:00", "checked_in"))
    check_ins(
        house,
        erased,
        ("2026-10-28 20:00", "quiet_time"),
        ("2026-11-01 00:30", "quiet_time"),
        ("2026-11-02 14:00", "out"),
    )
    before = [month(house, m) for m in ("2026-10", "2026-11")]
    erasure = erase(house, erased)
    assert [c.month for c in erasure.counts] == ["2026-10", "2026-11"]
    assert not house.store.find(CheckIn, stay_id=erased.id) and house.store.get(Stay, erased.id) is None
    assert [month(house, m) for m in ("2026-10", "2026-11")] == before


def test_the_demo_counts_are_the_same_after_erasures(demo_house: House, aroha: Session):
    counts = demo_house.reports
    before = counts.month(aroha, "2026-11")
    ended = [s for s in demo_house.store.find(Stay) if s.left_at is not None]
    assert len(ended) >= 3
    for made in ended[:3]:
        erase(demo_house, made)
    assert counts.month(aroha, "2026-11") == before


# --- saving the CSV ----------------------------------------------------------------------------


def test_save_csv_writes_the_month(house: House, tmp_path: Path):
    stay(house, "2026-10-29 14:00", "2026-11-03 10:00")
    saved = reports(house).save_csv(manager(house), "2026-10", tmp_path / "october.csv")
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert [(r["month"], r["stays_started"], r["bed_nights"], r["occupancy_percent"]) for r in rows] == [
        ("2026-10", "1", "3", "1.2")
    ]
    assert "Kiri" not in saved.read_text(encoding="utf-8")


def test_save_csv_refuses_a_folder_that_is_not_there(house: House, tmp_path: Path):
    with pytest.raises(ServiceError, match="There is no folder"):
        reports(house).save_csv(manager(house), "2026-10", tmp_path / "nowhere" / "october.csv")
    with pytest.raises(ServiceError, match="is a folder"):
        reports(house).save_csv(manager(house), "2026-10", tmp_path)
    with pytest.raises(ServiceError, match=BAD_MONTH):
        reports(house).save_for_funder(manager(house), "Oct 2026", tmp_path)
    assert not (tmp_path / "reports").exists()


def test_save_csv_refuses_a_folder_it_cannot_write(house: House, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # running as root: say the folder is read-only
        monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != locked)
    try:
        with pytest.raises(ServiceError, match="cannot be written to"):
            reports(house).save_csv(manager(house), "2026-10", locked / "october.csv")
    finally:
        locked.chmod(0o700)
    assert not list(locked.iterdir())


def test_a_failed_write_is_said_plainly(house: House, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def full_disk(path: Path, payload: bytes) -> None:
        raise StoreWriteError(path, OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr("crisishouse.services.report.atomic_write", full_disk)
    with pytest.raises(ServiceError, match="No space left on device"):
        reports(house).save_csv(manager(house), "2026-10", tmp_path / "october.csv")


def test_save_for_funder_names_the_file_after_the_house(house: House):
    saved = reports(house).save_for_funder(manager(house), "2026-10", house.data_dir)
    assert saved == house.data_dir / "reports" / "test-house-2026-10.csv"
    assert saved.read_text(encoding="utf-8").startswith("month,stays_started,stays_ended,bed_nights,")


# --- the command line ------------------------------------------------------------------------------


@pytest.fixture
def at_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's clock stands at the tests' NOW."""
    monkeypatch.setattr("crisishouse.clock.Clock.now", lambda self: NOW.in_timezone("UTC"))


def test_cli_prints_the_month(house: House, capsys: pytest.CaptureFixture[str], at_now: None):
    stay(house, "2026-10-29 14:00", "2026-11-03 10:00")
    assert main(["report", "--month", "2026-10", "--data", str(house.data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Test house: counts for October 2026\n")
    assert "no names" in out and "Kiri" not in out
    assert re.search(r"Bed nights +3\n", out) and re.search(r"Average length of stay +none\n", out)
    assert main(["report", "--data", str(house.data_dir)]) == 0, "last month, when no month is given"
    assert "counts for October 2026" in capsys.readouterr().out


def test_cli_refuses_a_bad_month(house: House, capsys: pytest.CaptureFixture[str]):
    for bad in ("2026-13", "oct"):
        assert main(["report", "--month", bad, "--data", str(house.data_dir)]) == 2
        captured = capsys.readouterr()
        assert BAD_MONTH in captured.err and captured.out == ""


def test_cli_refuses_a_folder_that_is_not_a_house(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["report", "--month", "2026-10", "--data", str(tmp_path / "empty")]) == 2
    assert "is not a house's data folder" in capsys.readouterr().err
    assert not (tmp_path / "empty").exists(), "nothing is made"


def test_cli_reports_a_damaged_file(house: House, capsys: pytest.CaptureFixture[str]):
    (house.data_dir / "store" / "core.json").write_text('{"stays": {', encoding="utf-8")
    assert main(["report", "--month", "2026-10", "--data", str(house.data_dir), "--csv"]) == 2
    assert "cannot be read" in capsys.readouterr().err


# --- a year of the demo, counted again from the raw files ---------------------------------------------


MONTHS = ("2025-11", "2026-04", "2026-09", "2026-10", "2026-11")


@pytest.fixture(scope="module")
def year_house(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """365 days of demo house life to 24 November 2026, with an erasure and a long-owed debrief."""
    folder = tmp_path_factory.mktemp("report-year") / "house"
    build_demo(folder, days=365, clock=FixedClock(NOW), seed=7)
    store = Store.open(folder, FixedClock(NOW))
    store.put_many(
        [
            Erasure(
                erased_on=pendulum.date(2026, 10, 20),
                handed_over="printed",
                counts=(
                    MonthCount(month="2026-09", stays_started=1, bed_nights=3, check_ins=8, quiet_times=2),
                    MonthCount(
                        month="2026-10", stays_ended=1, bed_nights=9, ended_lengths=(12,), check_ins=30, quiet_times=4
                    ),
                ),
            ),
            Debrief(
                hard_event_id="event-old",
                staff_id="staff-1",
                owed_since=at("2026-07-20 22:00"),
                status="done",
                closed_at=at("2026-10-01 00:30"),
            ),
        ]
    )
    # The erasure is written by hand, as a house from before month tallies kept it: they are worked out again.
    store.set_meta(TALLIES_META, {"built": False})
    return folder


def _local(iso: str, tz: ZoneInfo) -> dt.date:
    return dt.datetime.fromisoformat(iso).astimezone(tz).date()


def count_from_files(folder: Path, which: str, today: dt.date) -> dict[str, object]:
    """The month's figures from the JSON files, day by day, without the report's code or the store."""
    settings = tomllib.loads((folder / "house.toml").read_text(encoding="utf-8"))
    tz = ZoneInfo(settings["house"]["time_zone"])
    rooms = len(settings["house"]["rooms"])
    year, number = (int(part) for part in which.split("-"))
    first = dt.date(year, number, 1)
    last = dt.date(year, number, calendar.monthrange(year, number)[1])
    core = json.loads((folder / "store" / "core.json").read_text(encoding="utf-8"))
    started = ended = nights = check_ins = quiet = 0
    lengths: list[int] = []
    for doc in core["stays"].values():
        arrived = _local(doc["arrived_at"], tz)
        left = _local(doc["left_at"], tz) if doc["left_at"] else None
        started += first <= arrived <= last
        if left is not None and first <= left <= last:
            ended += 1
            lengths.append((left - arrived).days)
        night = arrived
        while night < (left or today):
            nights += first <= night <= last
            night += dt.timedelta(days=1)
        stay_file = folder / "store" / "stays" / f"{doc['id']}.json"
        for check_in in json.loads(stay_file.read_text(encoding="utf-8")).get("check_ins", {}).values():
            if first <= _local(check_in["at"], tz) <= last:
                check_ins += 1
                quiet += check_in["outcome"] == "quiet_time"
    for erasure in core.get("erasures", {}).values():
        for count in erasure["counts"]:
            if count["month"] == which:
                started += count["stays_started"]
                ended += count["stays_ended"]
                nights += count["bed_nights"]
                lengths += count["ended_lengths"]
                check_ins += count["check_ins"]
                quiet += count["quiet_times"]
    days_off = debriefs = 0
    for path in (folder / "store" / "months").glob("*.json"):
        tables = json.loads(path.read_text(encoding="utf-8"))
        days_off += sum(
            first <= dt.date.fromisoformat(d["day"]) <= last for d in tables.get("mental_health_days", {}).values()
        )
        debriefs += sum(
            d["status"] == "done" and d["closed_at"] is not None and first <= _local(d["closed_at"], tz) <= last
            for d in tables.get("debriefs", {}).values()
        )
    counted = 0 if today <= first else last.day if today > last else (today - first).days
    return {
        "rooms": rooms,
        "nights_counted": counted,
        "stays_started": started,
        "stays_ended": ended,
        "bed_nights": nights,
        "occupancy": nights / (rooms * counted) if counted else None,
        "average_length": sum(lengths) / len(lengths) if lengths else None,
        "longest_length": max(lengths) if lengths else None,
        "check_ins_done": check_ins,
        "chose_quiet_time": quiet,
        "mental_health_days": days_off,
        "debriefs_done": debriefs,
    }


def guest_names(folder: Path) -> set[str]:
    core = json.loads((folder / "store" / "core.json").read_text(encoding="utf-8"))
    return {g["chosen_name"] for g in core["guests"].values()}


def test_a_year_of_the_demo_counted_again_from_the_files(year_house: Path):
    store, settings = Store.open(year_house, FixedClock(NOW)), load_settings(year_house)
    for which in MONTHS:
        report = build_month_report(store, settings, which, TODAY)
        expected = count_from_files(year_house, which, dt.date(2026, 11, 24))
        got = {name: getattr(report, name) for name in expected}
        assert got == pytest.approx(expected), which
        assert report.bed_nights > 0 and report.check_ins_done > 0
    october = build_month_report(store, settings, "2026-10", TODAY)
    assert october.debriefs_done >= 1 and october.longest_length >= 12
    assert sum(build_month_report(store, settings, m, TODAY).mental_health_days for m in MONTHS[1:]) > 0


def test_the_years_csv_reads_back_to_the_same_numbers(year_house: Path):
    store, settings = Store.open(year_house, FixedClock(NOW)), load_settings(year_house)
    made = [build_month_report(store, settings, m, TODAY) for m in MONTHS]
    rows = list(csv.DictReader(io.StringIO(report_csv(made))))
    assert [r["month"] for r in rows] == list(MONTHS)
    for report, row in zip(made, rows, strict=True):
        for name in (
            "stays_started",
            "stays_ended",
            "bed_nights",
            "rooms",
            "nights_counted",
            "check_ins_done",
            "chose_quiet_time",
            "mental_health_days",
            "debriefs_done",
        ):
            assert int(row[name]) == getattr(report, name), name
        assert float(row["occupancy_percent"]) == pytest.approx(report.occupancy * 100, abs=0.05)
        assert float(row["average_length_nights"]) == pytest.approx(report.average_length, abs=0.05)
        assert int(row["longest_length_nights"]) == report.longest_length


@pytest.mark.parametrize("which", ["2026-04", "2026-10"])
def test_the_cli_prints_the_same_csv_and_no_names(
    year_house: Path, which: str, capsys: pytest.CaptureFixture[str], at_now: None
):
    expected = report_csv([build_month_report(Store.open(year_house), load_settings(year_house), which, TODAY)])
    assert main(["report", "--month", which, "--data", str(year_house), "--csv"]) == 0
    as_csv = capsys.readouterr().out
    assert as_csv == expected
    assert main(["report", "--month", which, "--data", str(year_house)]) == 0
    as_table = capsys.readouterr().out
    names = guest_names(year_house)
    assert "Mere" in names and len(names) > 10
    for shown in (as_csv, as_table):
        for name in names:
            assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", shown), name
        assert not re.search(r"\d{4}-\d{2}-\d{2}", shown), "no dates, only the month"


# --- the screen --------------------------------------------------------------------------------------------


async def test_the_manager_reads_and_saves_the_counts(demo_dir: Path, clock: FixedClock):
    from crisishouse.screens.report import ReportScreen

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        await app.push_screen(ReportScreen(app.house, app.session))
        await pilot.pause()
        shown = screen_text(app)
        assert "counts for October 2026" in shown and "no names" in shown
        await pilot.press("right_square_bracket")
        november = app.house.reports.month(app.session, "2026-11")
        shown = screen_text(app)
        assert "counts for November 2026" in shown
        for label, value in november.rows():
            assert re.search(rf"{re.escape(label)} +{re.escape(value)}", shown), label
        await pilot.press("]")
        assert app.screen.shown_month == "2026-11", "no month after the current one"
        await pilot.press("[")
        assert "counts for October 2026" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        saved = demo_dir / "reports" / "te-whare-awhina-demo-2026-10.csv"
        assert saved.is_file()
        assert next(csv.DictReader(saved.open(encoding="utf-8")))["month"] == "2026-10"
        await pilot.press("escape")
        assert not isinstance(app.screen, ReportScreen)


async def test_peer_staff_see_no_counts_on_the_screen(demo_dir: Path, clock: FixedClock):
    from crisishouse.screens.report import ReportScreen

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await app.push_screen(ReportScreen(app.house, app.session))
        await pilot.pause()
        assert "Only the house manager can see the funder's counts" in screen_text(app)
        assert "Bed nights" not in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert not (demo_dir / "reports").exists()


def test_report_screen(snap_compare, demo_dir: Path, clock: FixedClock):
    """November's counts on the 14-day demo, at 80x24."""
    from crisishouse.screens.report import ReportScreen

    async def counts(pilot):
        await sign_in(pilot, "Aroha", "1111")
        await pilot.app.push_screen(ReportScreen(pilot.app.house, pilot.app.session))
        await pilot.pause()
        await pilot.press("]")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=(80, 24), run_before=counts)
