"""`crisishouse check`: every file, the settings, and the rules across records, changing nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.cli import main
from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn, Guest, RoomMove, Stay
from crisishouse.screens.lock import LockScreen
from crisishouse.screens.problem import ProblemScreen
from crisishouse.settings import Settings, save_settings
from crisishouse.store import Store, check_folder
from crisishouse.store.atomic import atomic_write
from crisishouse.store.convert import to_doc
from crisishouse.store.erase import PENDING
from crisishouse.store.schema import SCHEMA_VERSION
from tests.pilot_helpers import opened, screen_text

T0 = pendulum.datetime(2026, 11, 2, 1, 0, tz="UTC")  # 2 pm in Auckland
Docs = dict[str, dict]


def stay(sid: str, guest_id: str, room: str, days: int, left: int | None, **kw) -> Stay:
    return Stay(
        id=sid,
        guest_id=guest_id,
        room=room,
        arrived_at=T0.add(days=days),
        planned_leaving=T0.add(days=days + 7).date(),
        left_at=None if left is None else T0.add(days=left),
        **kw,
    )


def check_in(cid: str, stay_id: str, guest_id: str) -> CheckIn:
    return CheckIn(id=cid, guest_id=guest_id, stay_id=stay_id, at=T0, outcome="quiet_time", recorded_by="staff-1")


def good_tables() -> tuple[Docs, dict[str, Docs]]:
    """core.json and the stay files of a small house where every rule holds.

    Rātā is used twice, one stay after the other, and Aroha moved out of
    Kōwhai the moment Ben moved in: neither is a clash.
    """
    guests = [Guest(id=g, chosen_name=g.title(), created_at=T0) for g in ("aroha", "ben", "cai")]
    stays = [
        stay(
            "s-aroha",
            "aroha",
            "Rātā",
            0,
            None,
            moves=(RoomMove(at=T0.add(days=2), from_room="Kōwhai", to_room="Rātā", by="staff-1"),),
        ),
        stay("s-ben", "ben", "Kōwhai", 2, None),
        stay("s-cai-1", "cai", "Mānuka", -10, -5),
        stay("s-cai-2", "cai", "Mānuka", -5, None),
    ]
    core = {
        "meta": {"schema": {"version": SCHEMA_VERSION}, "erased": {"marks": ["0" * 32]}},
        "guests": {g.id: to_doc(g) for g in guests},
        "stays": {s.id: to_doc(s) for s in stays},
    }
    files = {s.id: {"check_ins": {f"c-{s.id}": to_doc(check_in(f"c-{s.id}", s.id, s.guest_id))}} for s in stays}
    return core, files


def write_house(data_dir: Path, core: Docs, files: dict[str, Docs]) -> None:
    (data_dir / "store" / "stays").mkdir(parents=True, exist_ok=True)
    atomic_write(data_dir / "store" / "core.json", json.dumps(core).encode())
    for stay_id, tables in files.items():
        atomic_write(data_dir / "store" / "stays" / f"{stay_id}.json", json.dumps(tables).encode())
    save_settings(data_dir, Settings(house_name="Te Whare"))


def snapshot(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}


def test_a_missing_folder_exits_2_and_says_so(tmp_path: Path, capsys):
    missing = tmp_path / "no-such-house"
    assert main(["check", "--data", str(missing)]) == 2
    assert f"no such folder: {missing}" in capsys.readouterr().err
    assert not missing.exists()


def test_a_house_where_every_rule_holds_is_ok(tmp_path: Path, capsys):
    data_dir = tmp_path / "house"
    write_house(data_dir, *good_tables())

    assert main(["check", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("OK")
    assert "PROBLEM" not in out


def test_the_demo_house_is_ok(demo_dir: Path):
    report = check_folder(demo_dir)
    assert report.ok, report.problems


def no_stay_for_a_guest(core: Docs, files: dict[str, Docs]) -> None:
    core["guests"]["dana"] = to_doc(Guest(id="dana", chosen_name="Dana", created_at=T0))


def guest_missing(core: Docs, files: dict[str, Docs]) -> None:
    del core["guests"]["ben"]


def stay_file_without_stay(core: Docs, files: dict[str, Docs]) -> None:
    files["s-gone"] = {"check_ins": {"c-x": to_doc(check_in("c-x", "s-gone", "aroha"))}}


def two_stays_in_one_room(core: Docs, files: dict[str, Docs]) -> None:
    core["stays"]["s-ben"]["room"] = "Rātā"


def a_move_into_a_held_room(core: Docs, files: dict[str, Docs]) -> None:
    """Aroha moves to Rātā a day after Cai's second stay began there."""
    core["stays"]["s-cai-2"]["room"] = "Rātā"
    core["stays"]["s-cai-2"]["arrived_at"] = T0.add(days=1).isoformat()


def record_of_another_stay(core: Docs, files: dict[str, Docs]) -> None:
    files["s-ben"]["check_ins"]["c-s-ben"]["stay_id"] = "s-aroha"


def record_of_another_guest(core: Docs, files: dict[str, Docs]) -> None:
    files["s-ben"]["check_ins"]["c-s-ben"]["guest_id"] = "aroha"


def erasure_not_finished(core: Docs, files: dict[str, Docs]) -> None:
    del core["guests"]["cai"]
    del core["stays"]["s-cai-1"], core["stays"]["s-cai-2"]
    core["meta"][PENDING] = {"items": [{"guest_id": "cai", "stay_ids": ["s-cai-1", "s-cai-2"]}]}


BROKEN_RULES: dict[str, tuple[Callable[[Docs, dict[str, Docs]], None], str]] = {
    "guest with no stay": (no_stay_for_a_guest, "core.json: guest dana has no stay."),
    "stay whose guest is missing": (
        guest_missing,
        "core.json: stay s-ben belongs to guest ben, who is not in core.json.",
    ),
    "stay file with no stay": (
        stay_file_without_stay,
        "s-gone.json: there is no stay s-gone in core.json for this file.",
    ),
    "one room, two stays": (
        two_stays_in_one_room,
        "Room Rātā is held by two stays at the same time (s-aroha and s-ben, from 4 November 2026, 14:00).",
    ),
    "a move into a held room": (
        a_move_into_a_held_room,
        "Room Rātā is held by two stays at the same time (s-cai-2 and s-aroha, from 4 November 2026, 14:00).",
    ),
    "record of another stay": (
        record_of_another_stay,
        "check_ins record c-s-ben says it belongs to stay s-aroha, not s-ben.",
    ),
    "record of another guest": (
        record_of_another_guest,
        "check_ins record c-s-ben is about guest aroha, but stay s-ben is guest ben's.",
    ),
    "erasure not finished": (
        erasure_not_finished,
        "An erasure of a guest's record (2 stays) was begun but not finished. Opening the house finishes it.",
    ),
}


@pytest.mark.parametrize("rule", list(BROKEN_RULES))
def test_each_broken_rule_across_records_is_one_plain_sentence(tmp_path: Path, capsys, rule: str):
    break_it, sentence = BROKEN_RULES[rule]
    core, files = good_tables()
    break_it(core, files)
    data_dir = tmp_path / "house"
    write_house(data_dir, core, files)
    before = snapshot(data_dir)

    assert main(["check", "--data", str(data_dir)]) == 1

    out = capsys.readouterr().out
    problems = [line.removeprefix("PROBLEM: ") for line in out.splitlines() if line.startswith("PROBLEM: ")]
    assert len(problems) == 1, problems
    assert problems[0].endswith(sentence)
    assert "1 problem found" in out
    assert snapshot(data_dir) == before, "check changes nothing"


@pytest.mark.parametrize(
    ("payload", "words"),
    [(b"\xff\xfe\x00", "not text"), (b"", "is empty"), (b'[house]\nrooms = "one"\n', "house.rooms should be a list")],
)
def test_house_toml_problems_are_reported(tmp_path: Path, capsys, payload: bytes, words: str):
    data_dir = tmp_path / "house"
    write_house(data_dir, *good_tables())
    (data_dir / "house.toml").write_bytes(payload)

    assert main(["check", "--data", str(data_dir)]) == 1

    out = capsys.readouterr().out
    assert f"PROBLEM: {data_dir / 'house.toml'}" in out and words in out
    assert (data_dir / "house.toml").read_bytes() == payload


def test_a_house_toml_missing_while_a_backup_holds_one_is_reported(tmp_path: Path):
    data_dir = tmp_path / "house"
    write_house(data_dir, *good_tables())
    Store.open(data_dir).backup("test")
    (data_dir / "house.toml").unlink()

    report = check_folder(data_dir)

    assert [p for p in report.problems if "house.toml is missing" in p]


def test_a_folder_with_no_house_toml_and_no_backup_is_fine(tmp_path: Path):
    data_dir = tmp_path / "house"
    write_house(data_dir, *good_tables())
    (data_dir / "house.toml").unlink()
    assert check_folder(data_dir).ok


# -- restoring only core.json ----------------------------------------------------


def add_a_stay_since_the_backup(data_dir: Path, clock: FixedClock) -> str:
    store = Store.open(data_dir, clock)
    store.backup("test")
    guest = Guest(chosen_name="Rua", created_at=clock.now())
    new = Stay(guest_id=guest.id, room="Rimu", arrived_at=clock.now(), planned_leaving=clock.now().add(days=3).date())
    store.put(guest)
    store.put(new)
    store.put(check_in("c-rua", new.id, guest.id))
    return new.id


def test_check_finds_stays_an_older_core_json_does_not_know(demo_dir: Path, clock: FixedClock):
    """Restoring core.json alone from an older backup leaves newer stay files: check names them."""
    new_stay = add_a_stay_since_the_backup(demo_dir, clock)
    backup = Store.open(demo_dir, clock).list_backups()[0]
    (demo_dir / "store" / "core.json").write_bytes((backup.path / "core.json").read_bytes())

    report = check_folder(demo_dir)

    assert report.problems == [
        f"{demo_dir / 'store' / 'stays' / new_stay}.json: there is no stay {new_stay} in core.json for this file."
    ]


async def test_restoring_an_older_core_json_shows_what_no_longer_agrees(demo_dir: Path, clock: FixedClock):
    new_stay = add_a_stay_since_the_backup(demo_dir, clock)
    core = demo_dir / "store" / "core.json"
    core.write_bytes(core.read_bytes()[:200])
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ProblemScreen)
        await pilot.click("#restore")
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        text = " ".join(screen_text(app).replace("│", " ").split())
        assert "Restored core.json from the backup of Tuesday 24 November 2026, 10:30." in text
        assert f"there is no stay {new_stay} in core.json" in text
        assert "crisishouse check" in text
        await pilot.click("#open-house")
        await opened(pilot)
        assert isinstance(app.screen, LockScreen)
        assert app.house is not None and app.house.is_set_up
