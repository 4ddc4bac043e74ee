"""The core file's check is remembered across terminals, for exactly the bytes that passed.

Opening a house checks every record of core.json. A stamp beside it lets
the next terminal skip a check of bytes this same code already passed; any
other bytes (damage, a hand edit, a backup put back, a stamp from elsewhere)
are checked in full.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

import crisishouse.store.checked as checked_module
import crisishouse.store.validate as validate_module
from crisishouse.clock import FixedClock
from crisishouse.models import Guest
from crisishouse.store import Store, StoreDamaged
from crisishouse.store.checked import CheckedStamp
from crisishouse.store.schema import CORE
from tests.builders import T0, guest, replace_with


@pytest.fixture
def records_checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of every record the store checks, in order."""
    seen: list[str] = []
    real = validate_module.from_doc

    def counting(cls: type, doc: dict[str, Any]) -> Any:
        seen.append(doc.get("id", "?"))
        return real(cls, doc)

    monkeypatch.setattr(validate_module, "from_doc", counting)
    return seen


@pytest.fixture
def house(tmp_path: Path) -> Path:
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, clock=FixedClock(T0))
    for name in ("Aroha", "Ben", "Tūī"):
        store.put(guest(name))
    return data_dir


def core_of(data_dir: Path) -> Path:
    return data_dir / "store" / "core.json"


def stamp_of(data_dir: Path) -> Path:
    return CheckedStamp(core_of(data_dir)).path


def reopen(data_dir: Path) -> Store:
    """A new terminal's opening (nothing kept from another Store)."""
    return Store.open(data_dir, clock=FixedClock(T0))


def with_guest_field(data_dir: Path, gid: str, field: str, value: Any) -> None:
    """core.json rewritten by hand with one field of one guest changed."""
    data = json.loads(core_of(data_dir).read_bytes())
    data["guests"][gid][field] = value
    replace_with(core_of(data_dir), json.dumps(data).encode())


def test_a_second_terminal_does_not_check_again_what_the_first_checked(house: Path, records_checked: list[str]):
    stamp_of(house).unlink()
    reopen(house)
    assert sorted(records_checked) == ["aroha", "ben", "tūī"]
    records_checked.clear()
    store = reopen(house)
    assert records_checked == []
    assert [g.chosen_name for g in store.find(Guest)] == ["Aroha", "Ben", "Tūī"]


def test_what_a_terminal_saves_is_stamped_so_the_next_opening_skips_its_check(house: Path, records_checked: list[str]):
    store = reopen(house)
    store.put(guest("Mere"))
    records_checked.clear()
    reopen(house)
    assert records_checked == []


def test_a_record_damaged_after_the_stamp_stops_the_opening(house: Path):
    reopen(house)
    assert stamp_of(house).exists()
    with_guest_field(house, "ben", "created_at", "not a time")
    with pytest.raises(StoreDamaged, match="its guests record ben is not valid"):
        reopen(house)


def test_a_record_edited_by_hand_into_another_valid_one_is_checked_once_then_trusted(
    house: Path, records_checked: list[str]
):
    reopen(house)
    with_guest_field(house, "ben", "chosen_name", "Benjamin")
    records_checked.clear()
    reopen(house)
    assert sorted(records_checked) == ["aroha", "ben", "tūī"]
    records_checked.clear()
    reopen(house)
    assert records_checked == []


def test_a_stamp_from_another_house_vouches_for_nothing_here(tmp_path: Path, house: Path):
    other = tmp_path / "other"
    Store.open(other, clock=FixedClock(T0)).put(guest("Kiri"))
    reopen(other)
    reopen(house)
    with_guest_field(house, "aroha", "created_at", 12)
    shutil.copyfile(stamp_of(other), stamp_of(house))
    with pytest.raises(StoreDamaged, match="aroha"):
        reopen(house)


def stamp_garbled(path: Path) -> None:
    path.write_bytes(b"\x00\xffnot a digest")


def stamp_empty(path: Path) -> None:
    path.write_bytes(b"")


def stamp_a_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def stamp_a_pipe(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def stamp_a_link_to_nothing(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.with_name("nowhere"))


def stamp_too_long(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"0")


def stamp_unreadable(path: Path) -> None:
    path.chmod(0)


STAMP_DAMAGE = {
    "garbled": stamp_garbled,
    "empty": stamp_empty,
    "a folder": stamp_a_folder,
    "a pipe": stamp_a_pipe,
    "a link to nothing": stamp_a_link_to_nothing,
    "one byte too long": stamp_too_long,
    "without read permission": stamp_unreadable,
}


@pytest.mark.parametrize("damage", list(STAMP_DAMAGE))
def test_a_damaged_stamp_costs_a_full_check_and_nothing_else(house: Path, records_checked: list[str], damage: str):
    reopen(house)
    STAMP_DAMAGE[damage](stamp_of(house))
    records_checked.clear()
    store = reopen(house)
    if damage != "without read permission" or os.geteuid() != 0:  # root reads whatever the mode
        assert sorted(records_checked) == ["aroha", "ben", "tūī"]
    assert len(store.find(Guest)) == 3


def test_a_damaged_stamp_never_hides_a_damaged_record(house: Path):
    reopen(house)
    stamp_garbled(stamp_of(house))
    with_guest_field(house, "tūī", "created_at", None)
    with pytest.raises(StoreDamaged, match="tūī"):
        reopen(house)


def test_other_checking_code_does_not_trust_this_codes_stamp(
    house: Path, records_checked: list[str], monkeypatch: pytest.MonkeyPatch
):
    reopen(house)
    records_checked.clear()
    monkeypatch.setattr(checked_module, "_code_digest", lambda: b"another version of crisishouse".ljust(32))
    reopen(house)
    assert sorted(records_checked) == ["aroha", "ben", "tūī"]


def test_unreadable_checking_code_trusts_no_stamp(house: Path, records_checked: list[str], monkeypatch):
    reopen(house)
    records_checked.clear()
    monkeypatch.setattr(checked_module, "_code_digest", lambda: None)
    reopen(house)
    reopen(house)
    assert sorted(records_checked) == ["aroha", "aroha", "ben", "ben", "tūī", "tūī"]


def test_the_code_digest_changes_with_any_source_of_the_checks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    checked_module._code_digest.cache_clear()
    here = checked_module._code_digest()
    assert here is not None and len(here) == 32
    real_read = Path.read_bytes

    def one_model_changed(path: Path) -> bytes:
        raw = real_read(path)
        return raw + b"\n# changed" if path.name == "guest.py" and path.parent.name == "models" else raw

    monkeypatch.setattr(Path, "read_bytes", one_model_changed)
    checked_module._code_digest.cache_clear()
    try:
        assert checked_module._code_digest() not in (None, here)
    finally:
        monkeypatch.undo()
        checked_module._code_digest.cache_clear()
    assert checked_module._code_digest() == here


def test_a_save_that_leaves_a_record_failing_its_checks_is_not_stamped(house: Path, records_checked: list[str]):
    store = reopen(house)
    bad = dict(json.loads(core_of(house).read_bytes()))
    bad["guests"] = {**bad["guests"], "ben": {**bad["guests"]["ben"], "created_at": "soon"}}
    before = stamp_of(house).read_bytes()
    store._db(CORE).storage.write(bad)
    assert stamp_of(house).read_bytes() == before
    with pytest.raises(StoreDamaged, match="ben"):
        reopen(house)


def test_a_backup_put_back_is_checked_in_full(house: Path, records_checked: list[str]):
    store = reopen(house)
    backup = store.backup("test")
    store.put(guest("Mere"))
    shutil.copyfile(backup.path / "core.json", core_of(house))  # as a person mending it by hand would
    records_checked.clear()
    reopen(house)
    assert sorted(records_checked) == ["aroha", "ben", "tūī"]


def test_backups_leave_the_stamp_behind(house: Path):
    store = reopen(house)
    backup = store.backup("test")
    assert stamp_of(house).exists()
    assert not any(p.name.endswith(".checked") for p in backup.path.rglob("*"))


def test_a_stamp_that_cannot_be_written_does_not_stop_the_house(house: Path, records_checked: list[str]):
    """A folder holding a file where the stamp goes: no stamp replaces it, and no temporary file is left."""
    stamp_of(house).unlink()
    stamp_of(house).mkdir()
    (stamp_of(house) / "something").write_bytes(b"kept")
    store = reopen(house)
    store.put(guest("Mere"))
    records_checked.clear()
    assert len(reopen(house).find(Guest)) == 4
    assert sorted(records_checked) == ["aroha", "ben", "mere", "tūī"]
    assert (stamp_of(house) / "something").read_bytes() == b"kept"
    assert [p.name for p in stamp_of(house).parent.iterdir() if p.name.startswith(".core.json.checked")] == [
        ".core.json.checked"
    ]


def test_only_the_core_file_is_stamped(house: Path):
    from tests.builders import stay

    store = reopen(house)
    store.put(stay("s1", guest_id="aroha"))
    stamps = sorted(p.name for p in (house / "store").rglob("*.checked"))
    assert stamps == [".core.json.checked"]


def test_a_stamp_half_written_when_a_terminal_was_killed_is_cleared_at_the_next_opening(house: Path):
    from crisishouse.store.atomic import temp_path_for

    stray = temp_path_for(stamp_of(house))
    stray.write_bytes(b"0123")
    reopen(house)
    assert not stray.exists()
    assert stamp_of(house).exists()
