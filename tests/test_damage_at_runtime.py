"""Damage found while the house is open: said plainly, never spread, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import Guest, Stay
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.lock import LockScreen
from crisishouse.screens.problem import ProblemScreen
from crisishouse.services import House
from crisishouse.store import StoreDamaged, StoreError
from crisishouse.store.schema import month_of
from tests.pilot_helpers import opened, press_f2, screen_text, sign_in


def stay_of(house: House, session, name: str) -> Stay:  # type: ignore[no-untyped-def]
    for stay in house.stays.staying(session):
        guest = house.store.get(Guest, stay.guest_id)
        if guest is not None and guest.chosen_name == name:
            return stay
    raise AssertionError(f"{name} is not staying")


def spoil_a_record(path: Path, table: str, field: str = "at") -> bytes:
    """Give one record of `table` a value its class refuses; return the new bytes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    first = next(iter(data[table]))
    data[table][first][field] = "not a date"
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
    path.write_bytes(raw)
    return raw


def test_a_bad_record_makes_the_stay_file_damaged_and_is_never_rewritten(demo_house: House, tama, demo_dir: Path):
    """Reading a stay file holding a bad record says which file; a save into it is refused; its bytes stay."""
    stay = stay_of(demo_house, tama, "Mere")
    path = demo_dir / "store" / "stays" / f"{stay.id}.json"
    raw = spoil_a_record(path, "check_ins")
    with pytest.raises(StoreDamaged) as caught:
        demo_house.check_ins.for_stay(tama, stay)
    assert caught.value.path == path and "check_ins record" in str(caught.value)
    with pytest.raises(StoreError):
        demo_house.check_ins.record(tama, stay, "checked_in", "A good morning")
    assert path.read_bytes() == raw


def test_a_bad_record_in_core_stops_opening_and_offers_the_backup(demo_dir: Path, clock: FixedClock):
    """A bad record in core.json is found as the house opens, with the file named (not a silent lock screen)."""
    House.open(demo_dir, clock).daily_backup()
    core = demo_dir / "store" / "core.json"
    raw = spoil_a_record(core, "stays", "arrived_at")
    with pytest.raises(StoreDamaged) as caught:
        House.open(demo_dir, clock)
    assert caught.value.path == core
    assert core.read_bytes() == raw


async def test_app_shows_the_problem_screen_for_a_bad_core_record(demo_dir: Path, clock: FixedClock):
    """The terminal opens on the problem screen, naming core.json, instead of a lock screen that says nothing."""
    House.open(demo_dir, clock).daily_backup()
    spoil_a_record(demo_dir / "store" / "core.json", "stays", "arrived_at")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        assert isinstance(app.screen, ProblemScreen)
        assert "core.json" in screen_text(app)


async def test_board_shows_every_other_guest_when_one_stay_file_is_damaged(demo_dir: Path, clock: FixedClock):
    """A damaged stay file is named on the board; the other guests are still there and nothing crashes."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    stay = stay_of(house, tama, "Mere")
    others = [house.store.get(Guest, s.guest_id).chosen_name for s in house.stays.staying(tama) if s.id != stay.id]
    spoil_a_record(demo_dir / "store" / "stays" / f"{stay.id}.json", "check_ins")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen)
        text = screen_text(app)
        assert "Mere" in text and "cannot be read" in text
        for name in others:
            assert name in text
        # Opening her record and the handover say what is wrong, and the app keeps running.
        for key in ("enter", "escape", "h", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running


async def test_f2_with_a_damaged_month_file_says_so(demo_dir: Path, clock: FixedClock):
    """F2 at the lock screen with this month's file damaged gives a message, not a traceback; the file is unchanged."""
    month = demo_dir / "store" / "months" / f"{month_of(clock.now())}.json"
    month.write_bytes(b'{"shifts": {"x": ')
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await press_f2(pilot, "Tama", "2222")
        assert isinstance(app.screen, LockScreen) and app.is_running
        assert "cannot be read" in screen_text(app)
    assert month.read_bytes() == b'{"shifts": {"x": '


async def test_f2_with_the_disk_full_says_so(demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch):
    """F2 when no save can be written: a plain message, the terminal still locked and running."""
    import errno

    import crisishouse.store.storage as storage

    def full(path: Path, payload: bytes) -> None:
        from crisishouse.store.errors import StoreWriteError

        raise StoreWriteError(path, OSError(errno.ENOSPC, "No space left on device"))

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        monkeypatch.setattr(storage, "atomic_write", full)
        await press_f2(pilot, "Tama", "2222")
        assert isinstance(app.screen, LockScreen) and app.is_running
        assert "No space left" in screen_text(app)


async def test_a_guest_whose_stay_file_is_damaged_is_told_plainly(demo_dir: Path, clock: FixedClock):
    """Mere signs in while her stay file holds a bad record: a plain message, no traceback, nothing rewritten."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    path = demo_dir / "store" / "stays" / f"{stay_of(house, tama, 'Mere').id}.json"
    raw = spoil_a_record(path, "check_ins")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        for key in ("tab", "enter", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
        assert "cannot be read" in screen_text(app) or any(
            "cannot be read" in str(n.message) for n in app._notifications
        )
    assert path.read_bytes() == raw


async def test_b_restores_a_damaged_stay_file_from_the_newest_good_backup(demo_dir: Path, clock: FixedClock):
    """The board offers the damaged file's backup copy on b; afterwards Mere's row reads again."""
    house = House.open(demo_dir, clock)
    house.daily_backup()
    tama = house.sign_in.sign_in("Tama", "2222")
    path = demo_dir / "store" / "stays" / f"{stay_of(house, tama, 'Mere').id}.json"
    spoil_a_record(path, "check_ins")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        assert "cannot be read" in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert "cannot be read" not in screen_text(app)
    assert list((demo_dir / "damaged").rglob(path.name)), "the damaged copy is kept aside"
    House.open(demo_dir, clock).check_ins.for_stay(tama, stay_of(house, tama, "Mere"))


def test_todays_backup_names_a_damaged_month_file_and_restores_it(demo_dir: Path, clock: FixedClock, tama):
    """A month file damaged between backups is found as the day's backup reads it back, named, and restored."""
    house = House.open(demo_dir, clock)
    month = demo_dir / "store" / "months" / f"{month_of(clock.now())}.json"
    house.daily_backup()
    month.write_bytes(b"{garbled")
    clock.advance(days=1)
    later = House.open(demo_dir, clock)
    later.daily_backup()
    assert later.backup_problem is not None and month.name in later.backup_problem
    signed = later.sign_in.sign_in("Tama", "2222")
    assert later.damaged_files(signed) == [month]
    words = later.restore_damaged(signed, month)
    assert "restored" in words and month.read_bytes() != b"{garbled"
    assert later.damaged_files(signed) == []


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda core: core.write_bytes(b"{}"), id="emptied to {}"),
        pytest.param(lambda core: core.write_bytes(b'{"meta": {"schema": {"version": 1}}}'), id="only the schema"),
        pytest.param(lambda core: core.unlink(), id="deleted"),
    ],
)
def test_a_lost_core_is_never_taken_for_a_new_house(demo_dir: Path, clock: FixedClock, damage):
    """core.json emptied or deleted beside a house's backups and stay files: refused, explained, backup offered."""
    House.open(demo_dir, clock).daily_backup()
    core = demo_dir / "store" / "core.json"
    damage(core)
    before = core.read_bytes() if core.exists() else None
    with pytest.raises(StoreDamaged, match="not a new house") as caught:
        House.open(demo_dir, clock)
    assert (core.read_bytes() if core.exists() else None) == before
    from crisishouse.store import newest_good_backup

    assert newest_good_backup(demo_dir, caught.value.path) is not None


def test_a_deleted_core_beside_stay_files_is_refused_even_without_backups(demo_dir: Path, clock: FixedClock):
    """With no backup at all, stay files are enough to know this was a house."""
    import shutil

    shutil.rmtree(demo_dir / "backups", ignore_errors=True)
    (demo_dir / "store" / "core.json").unlink()
    with pytest.raises(StoreDamaged, match="stay files"):
        House.open(demo_dir, clock)


def test_a_new_folder_is_still_a_new_house(new_dir: Path, clock: FixedClock):
    """An empty folder opens as a new house, and opening it again (schema only, a first backup) still does."""
    house = House.open(new_dir, clock)
    assert not house.is_set_up
    house.daily_backup()
    assert not House.open(new_dir, clock).is_set_up


async def test_the_board_locks_when_the_house_no_longer_knows_the_person(demo_dir: Path, clock: FixedClock):
    """Tama is made inactive while his board is open: the next refresh locks the terminal, showing nothing more."""
    from dataclasses import replace

    from crisishouse.models import StaffMember

    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen)
        store = app.house.store
        tama = next(m for m in store.find(StaffMember) if m.name == "Tama")
        store.put(replace(tama, active=False))
        app.screen.action_refresh()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen) and app.session is None


def test_a_file_mended_by_another_terminal_is_never_restored_over(demo_dir: Path, clock: FixedClock):
    """Terminal A still offers the restore after B mended the file and saved a check-in: refused, nothing lost."""
    from crisishouse.services import ServiceError

    house = House.open(demo_dir, clock)
    month = demo_dir / "store" / "months" / f"{month_of(clock.now())}.json"
    house.daily_backup()
    month.write_bytes(b"{garbled")
    clock.advance(days=1)
    a, b = House.open(demo_dir, clock), House.open(demo_dir, clock)
    a.daily_backup()
    tama_a, tama_b = a.sign_in.sign_in("Tama", "2222"), b.sign_in.sign_in("Tama", "2222")
    b.restore_damaged(tama_b, month)
    stay = stay_of(b, tama_b, "Mere")
    saved = b.check_ins.record(tama_b, stay, "checked_in", "Saved after the mend")
    assert a.damaged_files(tama_a) == [month]
    with pytest.raises(ServiceError, match="reads well now"):
        a.restore_damaged(tama_a, month)
    assert a.damaged_files(tama_a) == []
    assert saved.id in {c.id for c in a.check_ins.for_stay(tama_a, stay)}


def test_a_restore_never_leaves_a_moment_without_the_file(
    demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    """The restored copy is renamed over the damaged file: another terminal never finds it missing."""
    import crisishouse.store.backups as backups

    house = House.open(demo_dir, clock)
    house.daily_backup()
    core = demo_dir / "store" / "core.json"
    spoil_a_record(core, "stays", "arrived_at")
    real = backups.atomic_write
    seen: list[bool] = []

    def watching(path: Path, payload: bytes) -> None:
        seen.append(path.exists())
        real(path, payload)

    monkeypatch.setattr(backups, "atomic_write", watching)
    from crisishouse.store import newest_good_backup, restore_from_backup

    kept = restore_from_backup(demo_dir, core, newest_good_backup(demo_dir, core), clock)
    assert seen == [True] and kept is not None and kept.exists()
    House.open(demo_dir, clock)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("erasing", {"items": [{"guest_id": "x", "stay_ids": 5}]}),
        ("erasing", {"items": 5}),
        ("erasing", {"items": [{"stay_ids": []}]}),
        ("erased", {"marks": "x"}),
        ("sign_in_waits", {"names": []}),
        ("schema", {"version": "1"}),
    ],
)
def test_a_hand_damaged_meta_record_is_named_at_opening_and_by_check(demo_dir: Path, clock: FixedClock, key, value):
    """A meta record of the wrong shape makes core.json damaged: named at opening and by check, never a traceback."""
    from crisishouse.store import check_folder

    core = demo_dir / "store" / "core.json"
    data = json.loads(core.read_text(encoding="utf-8"))
    data["meta"][key] = value
    core.write_text(json.dumps(data), encoding="utf-8")
    raw = core.read_bytes()
    with pytest.raises(StoreDamaged, match=key):
        House.open(demo_dir, clock)
    report = check_folder(demo_dir)
    assert any(key in p for p in report.problems)
    assert core.read_bytes() == raw


def test_check_names_a_folder_where_core_json_should_be(demo_dir: Path):
    """check never says OK when a folder stands where core.json should be."""
    import shutil

    from crisishouse.store import check_folder

    core = demo_dir / "store" / "core.json"
    core.unlink()
    core.mkdir()
    report = check_folder(demo_dir)
    assert not report.ok and any("not a data file" in p for p in report.problems)
    shutil.rmtree(core)
