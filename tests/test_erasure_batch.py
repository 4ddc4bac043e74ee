"""Several departed guests erased at once: each checked as one is, one write of the house's data, counts kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.clock import FixedClock
from crisishouse.housetime import house_today
from crisishouse.models import Erasure, Guest, Stay
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.store import check_folder
from crisishouse.store.storage import AtomicJSONStorage
from tests.builders import TZ
from tests.test_erasure import reports


def two_leave_choosing_erasure(house: House, tama: Session, mere: Session) -> list[str]:
    """Mere and a new guest, Kiri, leave; both choose erasure. Their guest ids."""
    today = house_today(house.clock.now(), TZ)
    kiri = house.stays.arrive(tama, chosen_name="Kiri", room="Rimu", planned_leaving=today.add(days=2))
    house.stays.leave(tama, mere.stay_id, "erase")
    house.stays.leave(tama, kiri.id, "erase")
    return [mere.person_id, kiri.guest_id]


def test_two_guests_are_erased_in_one_write_and_their_counts_kept(
    demo_house: House, tama: Session, mere: Session, monkeypatch: pytest.MonkeyPatch
):
    ids = two_leave_choosing_erasure(demo_house, tama, mere)
    figures_before = reports(demo_house)
    earlier = {e.id for e in demo_house.store.find(Erasure)}
    written: list[str] = []
    real = AtomicJSONStorage.write

    def spy(self: AtomicJSONStorage, data: dict) -> None:
        written.append(self.path.name)
        real(self, data)

    monkeypatch.setattr(AtomicJSONStorage, "write", spy)
    erasures = demo_house.erasures.erase_each(tama, ids, "saved")
    assert len(erasures) == 2
    assert written.count("core.json") == 2, "one write to erase both, one to note both done"
    for guest_id in ids:
        assert demo_house.store.get(Guest, guest_id) is None
        assert not demo_house.store.find(Stay, where={"guest_id": guest_id})
    assert {e.id for e in demo_house.store.find(Erasure)} - earlier == {e.id for e in erasures}
    assert reports(demo_house) == figures_before, "the funder's counts do not change when records go"
    assert demo_house.store.pending_erasures() == []
    assert check_folder(demo_house.store.data_dir).problems == []


def test_one_guest_who_did_not_choose_erasure_stops_the_whole_batch(demo_house: House, tama: Session, mere: Session):
    today = house_today(demo_house.clock.now(), TZ)
    kiri = demo_house.stays.arrive(tama, chosen_name="Kiri", room="Rimu", planned_leaving=today.add(days=2))
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    demo_house.stays.leave(tama, kiri.id, "keep")
    with pytest.raises(ServiceError, match="Kiri did not choose erasure"):
        demo_house.erasures.erase_each(tama, [mere.person_id, kiri.guest_id], "saved")
    assert demo_house.store.get(Guest, mere.person_id) is not None, "nothing erased"
    assert demo_house.store.get(Guest, kiri.guest_id) is not None


def test_a_guest_cannot_erase_and_the_record_must_be_handed_over_first(demo_house: House, tama: Session, mere: Session):
    ids = two_leave_choosing_erasure(demo_house, tama, mere)
    with pytest.raises(NotAllowed):
        demo_house.erasures.erase_each(mere, ids, "saved")
    with pytest.raises(ServiceError, match="complete record"):
        demo_house.erasures.erase_each(tama, ids, "not said")
    assert all(demo_house.store.get(Guest, i) is not None for i in ids)


def test_a_stop_after_the_batch_is_finished_at_the_next_opening(
    demo_house: House, demo_dir: Path, tama: Session, mere: Session, clock: FixedClock
):
    ids = two_leave_choosing_erasure(demo_house, tama, mere)
    with pytest.MonkeyPatch.context() as patch:

        def stop(guest_ids: object) -> None:
            raise RuntimeError("the terminal stopped")

        patch.setattr(demo_house.store, "erasures_done", stop)
        with pytest.raises(RuntimeError, match="the terminal stopped"):
            demo_house.erasures.erase_each(tama, ids, "saved")
    assert sorted(g for g, _ in demo_house.store.pending_erasures()) == sorted(ids)
    again = House.open(demo_dir, clock)
    assert again.store.pending_erasures() == []
    assert all(again.store.get(Guest, i) is None for i in ids)
