"""One request reads one moment of the house; looking records up by their fields finds what a scan finds."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crisishouse.models import Stay
from crisishouse.store import Store
from crisishouse.store.convert import to_doc
from crisishouse.store.storage import _READ_ONCE, AtomicJSONStorage, read_once
from tests.builders import T0, guest, stay


def elsewhere(write: Callable[[], object]) -> None:
    """Run `write` as another terminal would: not inside this request (its own thread, its own context)."""
    done = threading.Thread(target=write)
    done.start()
    done.join()


def opened(folder: Path) -> Store:
    """A house with the guests these tests' stays belong to."""
    store = Store.open(folder)
    for name in ("Ana", "Ben", "Cy", "Moved"):
        store.put(guest(name))
    return store


@pytest.fixture
def terminals(tmp_path: Path) -> tuple[Store, Store]:
    """This terminal and another on the same house, with Ana staying in s1."""
    here = opened(tmp_path / "house")
    here.put(stay("s1", guest_id="ana"))
    return here, Store.open(tmp_path / "house")


def test_inside_a_reading_a_file_is_read_once_and_outside_every_time(terminals: tuple[Store, Store]):
    here, there = terminals
    with here.reading():
        assert [s.id for s in here.find(Stay, where={"guest_id": "ana"})] == ["s1"]
        elsewhere(lambda: there.put(stay("s2", guest_id="ana")))
        # The same moment for the whole request: not half of another terminal's change.
        assert [s.id for s in here.find(Stay, where={"guest_id": "ana"})] == ["s1"]
        assert here.get(Stay, "s2") is None
    assert [s.id for s in here.find(Stay, where={"guest_id": "ana"})] == ["s1", "s2"]
    assert here.get(Stay, "s2") is not None


def test_a_change_inside_a_reading_starts_from_disk_and_is_seen_after(terminals: tuple[Store, Store]):
    here, there = terminals
    with here.reading():
        here.find(Stay)
        elsewhere(lambda: there.put(stay("s2", guest_id="ana")))
        with here.transaction():
            # Inside the lock every read is from disk: a rule checked here holds when the write lands.
            assert {s.id for s in here.find(Stay)} == {"s1", "s2"}
        here.put(stay("s3", guest_id="ana"))  # a write reads the file from disk first: s2 is kept
        assert {s.id for s in here.find(Stay, where={"guest_id": "ana"})} == {"s1", "s2", "s3"}
    assert {s.id for s in Store.open(here.data_dir).find(Stay)} == {"s1", "s2", "s3"}


def test_a_reading_inside_a_reading_is_the_same_one(terminals: tuple[Store, Store]):
    here, there = terminals
    with here.reading():
        here.find(Stay)
        elsewhere(lambda: there.put(stay("s2", guest_id="ana")))
        with here.reading():
            assert [s.id for s in here.find(Stay)] == ["s1"]
        assert [s.id for s in here.find(Stay)] == ["s1"]


def stored(left: pendulum.DateTime | None) -> object:
    """A leaving time as the store keeps it (what `where` compares)."""
    return None if left is None else to_doc(stay("x", left_at=left))["left_at"]


GUESTS = st.sampled_from(["ana", "ben", "cy"])
LEFT: st.SearchStrategy[pendulum.DateTime | None] = st.sampled_from([None, T0.add(days=3)])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    stays=st.lists(st.tuples(GUESTS, LEFT), max_size=25),
    asked=GUESTS,
    left=LEFT,
    later=st.lists(st.tuples(GUESTS, LEFT), max_size=5),
)
def test_finding_by_fields_finds_what_a_scan_finds_in_the_same_order(
    tmp_path_factory: pytest.TempPathFactory,
    stays: list[tuple[str, pendulum.DateTime | None]],
    asked: str,
    left: pendulum.DateTime | None,
    later: list[tuple[str, pendulum.DateTime | None]],
):
    folder = tmp_path_factory.mktemp("house")
    store = opened(folder)
    other = Store.open(folder)
    for n, (guest_id, left_at) in enumerate(stays):
        store.put(stay(f"s{n:02d}", guest_id=guest_id, left_at=left_at))

    def scan(reader: Store) -> tuple[list[str], list[str]]:
        every = reader.find(Stay)
        return (
            [s.id for s in every if s.guest_id == asked],
            [s.id for s in every if s.guest_id == asked and s.left_at == left],
        )

    def found(reader: Store) -> tuple[list[str], list[str]]:
        return (
            [s.id for s in reader.find(Stay, where={"guest_id": asked})],
            [s.id for s in reader.find(Stay, where={"guest_id": asked, "left_at": stored(left)})],
        )

    assert found(store) == scan(store)
    # Another terminal's changes are found too: the lookup follows the file.
    for n, (guest_id, left_at) in enumerate(later):
        other.put(stay(f"t{n:02d}", guest_id=guest_id, left_at=left_at))
    if stays:
        other.put(stay("s00", guest_id="moved"))
    assert found(store) == scan(store)


def test_a_request_compares_an_unchanged_file_with_what_was_parsed_once(tmp_path: Path):
    # core.json is megabytes on a ten-year house and a board's request reads it fifty times:
    # each read after the first must match by identity, not compare the whole file again.
    path = tmp_path / "core.json"
    path.write_text(json.dumps({"notes": {"1": {"text": "kia ora " * 1000}}}), encoding="utf-8")
    storage = AtomicJSONStorage(path)
    data = storage.read()  # parsed before this request, from bytes read then
    with read_once():
        assert storage.read() is data
        scope = _READ_ONCE.get()
        assert scope is not None and storage._parsed is not None
        assert storage._parsed[0] is scope[storage]
        assert storage.read() is data
    path.write_text(json.dumps({"notes": {}}), encoding="utf-8")
    assert storage.read() == {"notes": {}}  # a changed file is still parsed again
