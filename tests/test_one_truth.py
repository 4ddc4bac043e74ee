"""Every change is read, checked and written under the house lock, from what is on disk."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import CheckIn, Guest, GuestNote, Stay, WellbeingRating
from crisishouse.services import House, ServiceError, Session
from crisishouse.store import RecordErased, RecordGone, RuleBroken, Store


def erase_mere(house: House, tama: Session, mere: Session) -> tuple[Guest, Stay]:
    guest = house.store.get(Guest, mere.person_id)
    stay = house.store.get(Stay, mere.stay_id)
    assert guest is not None and stay is not None
    house.stays.leave(tama, mere.stay_id, "erase")
    house.erasures.erase(tama, mere.person_id, "printed")
    return guest, stay


def test_a_second_terminal_cannot_bring_back_an_erased_guest(
    demo_dir: Path, clock: FixedClock, demo_house: House, tama: Session, mere: Session
):
    """Terminal B still shows Mere after A erased her: every save about her is refused, no stay file comes back."""
    other = House.open(demo_dir, clock)  # terminal B, opened before the erasure
    stale_stay = other.stays.get(tama, mere.stay_id)
    guest, _ = erase_mere(demo_house, tama, mere)
    stay_file = demo_dir / "store" / "stays" / f"{stale_stay.id}.json"

    with pytest.raises(ServiceError):
        other.check_ins.record(tama, stale_stay, "checked_in", "A good morning")
    with pytest.raises(RecordErased):
        other.store.put(
            CheckIn(
                guest_id=guest.id,
                stay_id=stale_stay.id,
                at=clock.now(),
                outcome="checked_in",
                recorded_by=tama.person_id,
            )
        )
    with pytest.raises(RecordErased):
        other.store.put(stale_stay)
    with pytest.raises(RecordErased):
        other.store.put(guest)
    with pytest.raises(RecordErased):
        other.store.put(GuestNote(guest_id=guest.id, stay_id=stale_stay.id, written_at=clock.now(), text="still here"))
    with pytest.raises((ServiceError, RecordGone)):
        other.stays.out_overnight(tama, stale_stay.id)
    assert not stay_file.exists()
    assert other.store.get(Guest, guest.id) is None
    assert other.store.check().ok, other.store.check().problems


def test_the_erased_marks_hold_no_id(demo_dir: Path, demo_house: House, tama: Session, mere: Session):
    """What keeps an erased guest out is a one-way mark: her ids appear nowhere in the data."""
    guest, stay = erase_mere(demo_house, tama, mere)
    raw = (demo_dir / "store" / "core.json").read_bytes()
    assert guest.id.encode() not in raw and stay.id.encode() not in raw
    assert demo_house.store.get_meta("erased")


def test_a_leaving_is_never_undone_by_a_stale_room_move(
    demo_dir: Path, clock: FixedClock, demo_house: House, tama: Session, mere: Session
):
    """B records Mere's leaving; A, still showing her staying, tries to move her: refused, the leaving stays."""
    other = House.open(demo_dir, clock)
    free = demo_house.stays.free_rooms(tama)[0]
    other.stays.leave(tama, mere.stay_id, "keep")
    with pytest.raises(ServiceError, match="ended"):
        demo_house.stays.move_room(tama, mere.stay_id, free)
    with pytest.raises(ServiceError, match="ended"):
        demo_house.stays.out_overnight(tama, mere.stay_id)
    with pytest.raises(ServiceError, match="ended"):
        demo_house.stays.change_leaving(tama, mere.stay_id, clock.now().date().add(days=3))
    assert demo_house.store.get(Stay, mere.stay_id).left_at is not None


def test_changes_from_two_terminals_both_land(
    demo_dir: Path, clock: FixedClock, demo_house: House, tama: Session, mere: Session
):
    """A night out from one terminal and a room move from another: the stay keeps both."""
    other = House.open(demo_dir, clock)
    free = demo_house.stays.free_rooms(tama)[0]
    other.stays.out_overnight(tama, mere.stay_id)
    demo_house.stays.move_room(tama, mere.stay_id, free)
    demo_house.stays.change_leaving(tama, mere.stay_id, clock.now().date().add(days=4))
    stay = House.open(demo_dir, clock).stays.get(tama, mere.stay_id)
    assert stay.room == free
    assert stay.nights_out and stay.planned_leaving == clock.now().date().add(days=4)


def test_a_room_is_checked_free_under_the_lock(demo_house: House, tama: Session, mere: Session, clock: FixedClock):
    """An arrival into Mere's room is refused however the caller got there."""
    room = demo_house.stays.get(tama, mere.stay_id).room
    with pytest.raises(ServiceError, match="has someone staying"):
        demo_house.stays.arrive(tama, chosen_name="Wiremu", room=room, planned_leaving=clock.now().date().add(days=2))
    with pytest.raises(ServiceError, match="has someone staying"):
        other = next(s for s in demo_house.stays.staying(tama) if s.id != mere.stay_id)
        demo_house.stays.move_room(tama, other.id, room)


def test_an_arrival_is_one_write(demo_house: House, tama: Session, clock: FixedClock, monkeypatch: pytest.MonkeyPatch):
    """The guest and their stay land together: a failed write leaves neither."""
    import crisishouse.store.storage as storage
    from crisishouse.store import StoreWriteError

    room = demo_house.stays.free_rooms(tama)[0]
    guests_before = {g.id for g in demo_house.store.find(Guest)}

    def refuse(path: Path, payload: bytes) -> None:
        raise StoreWriteError(path, OSError(28, "No space left on device"))

    monkeypatch.setattr(storage, "atomic_write", refuse)
    with pytest.raises(StoreWriteError):
        demo_house.stays.arrive(tama, chosen_name="Wiremu", room=room, planned_leaving=clock.now().date().add(days=2))
    monkeypatch.undo()
    assert {g.id for g in demo_house.store.find(Guest)} == guests_before


def test_store_update_reads_from_disk_and_refuses_a_changed_identity(tmp_path: Path):
    """update() hands the change what is on disk now, never a caller's copy."""
    a = Store.open(tmp_path / "house")
    b = Store.open(tmp_path / "house")
    t0 = pendulum.datetime(2026, 1, 5, 9, tz="UTC")
    a.put(Guest(id="g1", chosen_name="Ana", created_at=t0))
    a.put(Stay(id="s1", guest_id="g1", room="1", arrived_at=t0, planned_leaving=t0.date().add(days=3)))
    b.update(Stay, "s1", lambda s: replace(s, nights_out=(t0.date(),)))
    seen: list[Stay] = []

    def move(s: Stay) -> Stay:
        seen.append(s)
        return replace(s, room="2")

    a.update(Stay, "s1", move)
    assert seen[0].nights_out == (t0.date(),)
    assert a.get(Stay, "s1").nights_out == (t0.date(),) and a.get(Stay, "s1").room == "2"
    with pytest.raises(RecordGone):
        a.update(Stay, "nope", move)
    with pytest.raises(TypeError):
        a.update(Stay, "s1", lambda s: replace(s, id="s2"))


def test_store_refuses_records_that_break_rules_across_records(tmp_path: Path):
    """A stay needs its guest; a record kept with a stay belongs to that stay's guest."""
    store = Store.open(tmp_path / "house")
    t0 = pendulum.datetime(2026, 1, 5, 9, tz="UTC")
    with pytest.raises(RuleBroken):
        store.put(Stay(id="s1", guest_id="nobody", room="1", arrived_at=t0, planned_leaving=t0.date()))
    store.put_many(
        [
            Guest(id="g1", chosen_name="Ana", created_at=t0),
            Stay(id="s1", guest_id="g1", room="1", arrived_at=t0, planned_leaving=t0.date()),
        ]
    )
    with pytest.raises(RuleBroken):
        store.put(
            WellbeingRating(
                guest_id="g2",
                stay_id="s1",
                at=t0,
                entered_by="x",
                with_guest=True,
                tinana=5,
                hinengaro=5,
                whanau=5,
                wairua=5,
            )
        )


def test_a_longer_demo_house_holds_each_room_once(tmp_path: Path, clock: FixedClock):
    """The demo never has a guest arrive before the last one left the room: `check` finds it whole."""
    from crisishouse.demo import build_demo

    folder = tmp_path / "demo"
    build_demo(folder, days=90, clock=clock, seed=3)
    report = Store.open(folder).check()
    assert report.ok, report.problems


def test_two_terminals_erasing_one_guest_count_her_once(
    demo_dir: Path, clock: FixedClock, demo_house: House, tama: Session, mere: Session
):
    """B erases Mere while A is half-way through erasing her: A is refused and the funder's counts hold one erasure."""
    from crisishouse.models import Erasure

    demo_house.stays.leave(tama, mere.stay_id, "erase")
    other = House.open(demo_dir, clock)
    guest, stays = demo_house.erasures._guest_and_stays(tama, mere.person_id)  # A has read her
    before = len(demo_house.store.find(Erasure))
    other.erasures.erase(tama, mere.person_id, "printed")  # B erases
    with pytest.raises(RecordGone, match="already been erased"):
        demo_house.erasures._erase(guest, stays, "printed")
    assert len(demo_house.store.find(Erasure)) == before + 1


def test_an_erasure_is_refused_when_her_stays_changed_meanwhile(demo_house: House, tama: Session, mere: Session):
    """The stays read before the erasure must be the stays erased: a new stay since means nothing is erased."""
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    guest, stays = demo_house.erasures._guest_and_stays(tama, mere.person_id)
    with pytest.raises(RuleBroken, match="stays changed"):
        demo_house.erasures._erase(guest, stays[:-1], "printed")
    assert demo_house.store.get(Guest, guest.id) is not None


def test_an_erased_guests_sign_in_counts_go_with_her(demo_dir: Path, demo_house: House, tama: Session, mere: Session):
    """A wrong PIN for Mere leaves a mark of her name in the data; erasing her removes it, live and in backups."""
    import json

    from crisishouse.services import SignInRefused
    from crisishouse.services.signin import name_marks

    with pytest.raises(SignInRefused):
        demo_house.sign_in.sign_in("Mere", "0000")
    demo_house.daily_backup()
    marks = [m for fields in name_marks("Mere").values() for ms in fields.values() for m in ms]
    core = demo_dir / "store" / "core.json"
    assert any(m.encode() in core.read_bytes() for m in marks)
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    demo_house.erasures.erase(tama, mere.person_id, "printed")
    for path in [core, *(demo_dir / "backups").glob("*/core.json")]:
        raw = path.read_bytes()
        assert not any(m.encode() in raw for m in marks), path
        json.loads(raw)
