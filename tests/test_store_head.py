"""Opening a house reads the head of core.json alone: its notes and its staff, written first.

The rest of core.json (every guest and stay of ten years) is parsed when a
request first needs it, or by the app soon after the lock screen shows. The
head is only read alone for bytes a stamp vouches were checked whole and
whose head was found to be exactly what the whole file holds of those tables.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crisishouse.store.head as head_module
from crisishouse.clock import FixedClock
from crisishouse.models import Guest, StaffMember
from crisishouse.services import House
from crisishouse.store import Store, StoreDamaged
from crisishouse.store.atomic import encode
from crisishouse.store.checked import CheckedStamp
from crisishouse.store.head import head_of
from crisishouse.store.schema import CORE, CORE_HEAD
from tests.builders import T0, guest, replace_with


def staff(name: str, role: str = "peer_staff") -> StaffMember:
    return StaffMember(name=name, role=role, pin_hash="scrypt$x", id=name.lower())


@pytest.fixture
def house(tmp_path: Path) -> Path:
    data_dir = tmp_path / "house"
    store = Store.open(data_dir, clock=FixedClock(T0))
    store.put(staff("Aroha", "manager"))
    for name in ("Ben", "Tūī", "Ngaio"):
        store.put(guest(name))
    store.set_meta("notes", {"said": "kia ora"})
    return data_dir


def core_of(data_dir: Path) -> Path:
    return data_dir / "store" / "core.json"


def reopen(data_dir: Path) -> Store:
    """A new terminal's opening (nothing kept from another Store)."""
    return Store.open(data_dir, clock=FixedClock(T0))


def head_only(store: Store) -> bool:
    return store._db(CORE).storage.head_only


def names(store: Store, cls: type) -> list[str]:
    return sorted(getattr(r, "name", None) or r.chosen_name for r in store.find(cls))


# -- what is written, and read from the front ----------------------------------


def test_the_head_tables_are_written_first_whatever_order_they_were_made_in(house: Path):
    data = json.loads(core_of(house).read_bytes())
    assert list(data)[: len(CORE_HEAD)] == list(CORE_HEAD)
    shuffled = {"guests": data["guests"], "staff": data["staff"], "meta": data["meta"]}
    assert list(json.loads(encode(shuffled, CORE_HEAD))) == ["meta", "staff", "guests"]
    assert json.loads(encode(shuffled, CORE_HEAD)) == shuffled


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | _TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)
_TABLE = st.dictionaries(_TEXT, st.dictionaries(_TEXT, _VALUE, max_size=4), max_size=4)


@settings(max_examples=150, deadline=None)
@given(
    tables=st.dictionaries(st.sampled_from(["meta", "staff", "guests", "stays", "zeta"]), _TABLE, max_size=5),
    first_read=st.integers(min_value=1, max_value=200),
)
def test_the_head_read_alone_is_what_the_whole_file_holds_of_those_tables(
    tables: dict[str, Any], first_read: int
) -> None:
    # A tiny first read cuts through letters (ā, emoji) and values: every cut is read on.
    head_module._FIRST_READ, real = first_read, head_module._FIRST_READ
    try:
        raw = encode(tables, CORE_HEAD)
        assert head_of(raw, CORE_HEAD) == {t: tables[t] for t in CORE_HEAD if t in tables}
    finally:
        head_module._FIRST_READ = real


@pytest.mark.parametrize(
    "raw",
    [b"", b"[]", b'{"meta":', b'{"meta":[1]}', b"not json", b'{"meta":{}x', '{"meta":{"a":"ā'.encode()],
)
def test_bytes_that_do_not_begin_as_a_data_file_have_no_head(raw: bytes):
    assert head_of(raw, CORE_HEAD) is None


# -- opening --------------------------------------------------------------------


def test_opening_a_vouched_house_reads_only_the_head(house: Path):
    reopen(house)  # the first opening after the saves checks and stamps the head
    store = reopen(house)
    assert head_only(store)
    assert store.get_meta("notes") == {"said": "kia ora"}
    assert names(store, StaffMember) == ["Aroha"]
    assert store.schema_version == 1
    assert head_only(store), "the notes and the staff come from the head alone"
    assert names(store, Guest) == ["Ben", "Ngaio", "Tūī"]
    assert not head_only(store), "asking for guests parses the whole file"


def test_a_house_opened_on_its_head_answers_as_one_opened_whole(house: Path, monkeypatch: pytest.MonkeyPatch):
    reopen(house)
    headed = reopen(house)
    monkeypatch.setattr(CheckedStamp, "vouches_for", lambda self, digest, head=False: False)
    whole = reopen(house)
    assert not head_only(whole)
    for store in (headed, whole):
        store.put(guest("Hemi"))
    assert names(headed, Guest) == names(whole, Guest) == ["Ben", "Hemi", "Ngaio", "Tūī"]
    assert headed.get_meta("notes") == whole.get_meta("notes")


def test_another_terminals_save_after_the_opening_is_seen(house: Path):
    reopen(house)
    first = reopen(house)
    assert head_only(first)
    second = reopen(house)
    second.put(staff("Mere"))
    second.set_meta("notes", {"said": "ka kite"})
    second.put(guest("Rangi"))
    assert first.get_meta("notes") == {"said": "ka kite"}
    assert names(first, StaffMember) == ["Aroha", "Mere"]
    assert names(first, Guest) == ["Ben", "Ngaio", "Rangi", "Tūī"]


def test_one_request_sees_one_moment_though_it_read_the_head_first(house: Path, tmp_path: Path):
    # Another terminal's save, made beforehand in a copy (a Store in this process would end the request's moment).
    later = tmp_path / "later"
    shutil.copytree(house, later)
    second = reopen(later)
    second.put(guest("Rangi"))
    second.set_meta("notes", {"said": "ka kite"})
    reopen(house)
    first = reopen(house)
    with first.reading():
        assert first.get_meta("notes") == {"said": "kia ora"}
        replace_with(core_of(house), core_of(later).read_bytes())
        assert names(first, Guest) == ["Ben", "Ngaio", "Tūī"], "the moment the request began with"
        assert first.get_meta("notes") == {"said": "kia ora"}
    assert names(first, Guest) == ["Ben", "Ngaio", "Rangi", "Tūī"]
    assert first.get_meta("notes") == {"said": "ka kite"}


def test_a_save_in_a_house_opened_on_its_head_keeps_everything_else(house: Path):
    reopen(house)
    store = reopen(house)
    store.set_meta("other", {"x": 1})
    assert names(reopen(house), Guest) == ["Ben", "Ngaio", "Tūī"]
    store.put(staff("Mere"))
    again = reopen(house)
    assert names(again, Guest) == ["Ben", "Ngaio", "Tūī"]
    assert names(again, StaffMember) == ["Aroha", "Mere"]
    assert again.get_meta("notes") == {"said": "kia ora"}


def hand_written(data_dir: Path, payload: bytes) -> None:
    replace_with(core_of(data_dir), payload)


def test_a_table_written_twice_by_hand_is_read_as_the_whole_file_reads_it(house: Path):
    """json keeps a key's last value; the head alone would see the first: such bytes are never read on their head."""
    data = json.loads(core_of(house).read_bytes())
    text = encode(data, CORE_HEAD).decode()
    hand_written(
        house, (text[:-1] + ',"meta":' + json.dumps({"notes": {"id": "notes", "said": "later"}}) + "}").encode()
    )
    reopen(house)  # checked in full, and stamped
    store = reopen(house)
    assert not head_only(store)
    assert store.get_meta("notes") == {"id": "notes", "said": "later"}


@pytest.mark.parametrize(
    "bend",
    [
        pytest.param(lambda record: {**record, "active": 1}, id="true written as 1"),
        pytest.param(lambda record: {k: record[k] for k in reversed(list(record))}, id="fields in another order"),
    ],
)
def test_a_table_written_twice_that_only_looks_equal_is_never_read_on_its_head(house: Path, bend: Any):
    """A first "staff" table that == the last one (1 == True, order ignored) but is not the same text."""
    data = json.loads(core_of(house).read_bytes())
    first = {key: bend(record) for key, record in reversed(list(data["staff"].items()))}
    text = encode(data, CORE_HEAD).decode()
    hand_written(house, ('{"staff":' + json.dumps(first) + "," + text[1:]).encode())
    reopen(house)  # checked in full (the last "staff" is what json keeps), and stamped
    store = reopen(house)
    assert not head_only(store)
    assert store._db(CORE).storage.read_table("staff") == data["staff"]


def test_a_request_keeps_its_moment_while_another_thread_reads_a_newer_one(house: Path, tmp_path: Path):
    """The warm-up, or a sign-in beside the board, reads core.json outside the request's scope."""
    import threading

    later = tmp_path / "later"
    shutil.copytree(house, later)
    reopen(later).put(guest("Rangi"))
    store = reopen(house)
    names(store, Guest)  # parsed whole
    with store.reading():
        assert names(store, Guest) == ["Ben", "Ngaio", "Tūī"]
        replace_with(core_of(house), core_of(later).read_bytes())
        other = threading.Thread(target=lambda: names(store, Guest))  # no scope: reads the newer file
        other.start()
        other.join()
        assert names(store, Guest) == ["Ben", "Ngaio", "Tūī"], "the moment the request began with"
    assert names(store, Guest) == ["Ben", "Ngaio", "Rangi", "Tūī"]


@pytest.mark.parametrize(
    "rewrite",
    [
        pytest.param(lambda d: json.dumps(d, indent=2).encode(), id="spaced out"),
        pytest.param(lambda d: json.dumps({k: d[k] for k in reversed(list(d))}).encode(), id="staff last"),
    ],
)
def test_a_file_written_another_way_is_read_whole_until_the_house_writes_it(house: Path, rewrite: Any):
    data = json.loads(core_of(house).read_bytes())
    hand_written(house, rewrite(data))
    reopen(house)
    store = reopen(house)
    assert not head_only(store)
    assert names(store, StaffMember) == ["Aroha"]
    assert store.get_meta("notes") == {"said": "kia ora"}
    store.put(guest("Rangi"))  # the house's own write puts the head first again
    reopen(house)
    assert head_only(reopen(house))


def test_damage_after_the_stamp_stops_the_opening(house: Path):
    reopen(house)
    raw = core_of(house).read_bytes()
    hand_written(house, raw.replace(b'"chosen_name":"Ben"', b'"chosen_name":""'))
    with pytest.raises(StoreDamaged):
        reopen(house)


def test_damage_in_the_body_after_the_head_was_read_is_found_when_the_body_is_read(house: Path):
    reopen(house)
    store = reopen(house)
    assert head_only(store)
    raw = core_of(house).read_bytes()
    hand_written(house, raw.replace(b'"chosen_name":"Ben"', b'"chosen_name":""'))
    with pytest.raises(StoreDamaged):
        store.find(Guest)


# -- the app's warm-up ------------------------------------------------------------


def test_the_house_parses_the_rest_first_when_warming_up(house: Path):
    reopen(house)
    opened = House.open(house, FixedClock(T0))
    assert head_only(opened.store)
    assert opened.warm_next()
    assert not head_only(opened.store)
    assert not opened.store.parse_core(), "nothing more to parse"


def test_the_next_opening_after_a_save_reads_only_the_head(house: Path):
    """What a terminal saves is stamped, head and all: the next terminal opens on the head at once."""
    Store.open(house, clock=FixedClock(T0)).put(guest("Rangi"))
    assert head_only(reopen(house))


def test_one_request_reading_more_files_than_are_kept_open_gets_each_its_own(tmp_path: Path):
    """A storage closed to keep at most OPEN_SHARDS open, and another opened in the same request, may get
    its id: the request must still read each file's own records (it was once handed another stay's)."""
    from crisishouse.models import CheckIn
    from crisishouse.store.store import OPEN_SHARDS
    from tests.builders import check_in

    data_dir = tmp_path / "house"
    store = Store.open(data_dir, clock=FixedClock(T0))
    count = OPEN_SHARDS + 16
    for n in range(count):
        store.put(check_in(cid=f"c{n}", stay_id=f"s{n}"))
    store = reopen(data_dir)
    for n in range(count):  # outside a request first: every file opened, most closed again
        assert [c.id for c in store.find(CheckIn, stay_id=f"s{n}")] == [f"c{n}"]
    with store.reading():
        for _ in range(2):
            for n in range(count):
                assert [c.id for c in store.find(CheckIn, stay_id=f"s{n}")] == [f"c{n}"]


def test_a_request_and_another_thread_taking_turns_parse_each_moment_once(house: Path, tmp_path: Path):
    """Two moments side by side (a request's, a newer one another thread read) are each parsed and checked once."""
    import threading

    later = tmp_path / "later"
    shutil.copytree(house, later)
    reopen(later).put(guest("Rangi"))
    store = reopen(house)
    names(store, Guest)
    parses: list[bytes] = []
    storage = store._db(CORE).storage
    real = storage._check

    def counting(data: Any, raw: bytes) -> None:
        parses.append(raw)
        real(data, raw)

    storage._check = counting  # type: ignore[method-assign]
    with store.reading():
        names(store, Guest)
        replace_with(core_of(house), core_of(later).read_bytes())
        for _ in range(5):
            other = threading.Thread(target=lambda: names(store, Guest))
            other.start()
            other.join()
            assert names(store, Guest) == ["Ben", "Ngaio", "Tūī"]
    assert len(parses) == 1, "the newer moment checked once; the request's never again"
