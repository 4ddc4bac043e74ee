"""Principle 11 at sign-in: a name and PIN are one person, wrong PINs are counted per name in the
house's data (every terminal, across restarts), and how long sign-in takes tells nothing about who has a PIN.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path

import pendulum
import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import Guest, StaffMember, Stay
from crisishouse.screens.lock import LockScreen
from crisishouse.services import House, ServiceError, Session, SignInRefused
from crisishouse.services import pins as pins_module
from crisishouse.services import stays as stays_module
from crisishouse.services.pins import PIN_TAKEN, hash_pin
from crisishouse.services.signin import MORE_THAN_ONE, SignInWait
from tests.pilot_helpers import opened, sign_in

LEAVING = pendulum.date(2026, 11, 30)
NOT_A_ROOM = "The shed"
"""Arrivals aimed here are refused under the lock, after the PIN was checked: nothing is saved."""


def arrive(house: House, staff: Session, name: str, pin: str | None, room: str = "Rimu", **kwargs) -> Stay:
    return house.stays.arrive(staff, chosen_name=name, room=room, planned_leaving=LEAVING, pin=pin, **kwargs)


def free_a_room(house: House, staff: Session) -> str:
    """The demo house has one room free (Rimu): another guest leaves to free a second."""
    leaving = next(s for s in house.stays.staying(staff) if s.room == "Rātā")
    house.stays.leave(staff, leaving.id, "keep")
    return leaving.room


def wrong(house: House, name: str, times: int = 1, pin: str = "9999") -> SignInRefused:
    """`times` wrong PINs for `name`; the last refusal."""
    last = None
    for _ in range(times):
        with pytest.raises(SignInRefused) as refused:
            house.sign_in.sign_in(name, pin)
        last = refused.value
    assert last is not None
    return last


def files_of(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".lock")


# --- a name and PIN are one person ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "pin"),
    [("Mere", "3333"), ("mere ", "3333"), ("Tama", "2222"), ("TAMA", "2222"), ("Aroha", "1111")],
    ids=["a guest's", "a guest's, typed another way", "a staff member's", "in capitals", "the manager's"],
)
def test_a_pin_already_used_with_the_name_is_refused(demo_house: House, tama: Session, name: str, pin: str):
    """A new guest cannot take a name and PIN someone has: the message says nothing of whose it is."""
    guests, stays = len(demo_house.store.find(Guest)), len(demo_house.store.find(Stay))
    with pytest.raises(ServiceError) as refused:
        arrive(demo_house, tama, name, pin)
    assert str(refused.value) == PIN_TAKEN
    assert (len(demo_house.store.find(Guest)), len(demo_house.store.find(Stay))) == (guests, stays)


def test_the_same_name_with_another_pin_is_welcome(demo_house: House, tama: Session):
    """Two people may share a name; each has their own PIN, and each signs in as themselves."""
    stay = arrive(demo_house, tama, "Tama", "2468")
    assert demo_house.sign_in.sign_in("Tama", "2222").role == "peer_staff"
    guest = demo_house.sign_in.sign_in("Tama", "2468")
    assert (guest.role, guest.person_id, guest.stay_id) == ("guest", stay.guest_id, stay.id)


def test_the_message_is_the_same_for_staff_and_guests(demo_house: House, tama: Session):
    """Whether the PIN is a staff member's or a guest's is not told."""
    messages = set()
    for name, pin in (("Tama", "2222"), ("Mere", "3333")):
        with pytest.raises(ServiceError) as refused:
            arrive(demo_house, tama, name, pin)
        messages.add(str(refused.value))
    assert messages == {PIN_TAKEN}
    assert "Tama" not in PIN_TAKEN and "staff" not in PIN_TAKEN and "guest" not in PIN_TAKEN


def _a_returning_guest(house: House, tama: Session, name: str, pin: str) -> Stay:
    stay = arrive(house, tama, name, pin, arrived_at=house.clock.now().subtract(days=3))
    house.stays.leave(tama, stay.id, "keep")
    return stay


def test_a_returning_guest_cannot_change_to_a_pin_in_use(demo_house: House, tama: Session):
    """Welcomed back with a new PIN that another guest of the same name has: refused; another PIN is fine."""
    before = _a_returning_guest(demo_house, tama, "Hana", "4040")
    arrive(demo_house, tama, "Hana", "5050", room=free_a_room(demo_house, tama))
    with pytest.raises(ServiceError, match="Choose another PIN"):
        arrive(demo_house, tama, "Hana", "5050", room="Rimu", returning_guest_id=before.guest_id)
    again = arrive(demo_house, tama, "Hana", "6060", room="Rimu", returning_guest_id=before.guest_id)
    assert again.guest_id == before.guest_id
    assert demo_house.sign_in.sign_in("Hana", "6060").person_id == before.guest_id
    # Keeping her own PIN is no clash with herself.
    demo_house.stays.leave(tama, again.id, "keep")
    assert (
        arrive(demo_house, tama, "Hana", None, room="Rimu", returning_guest_id=before.guest_id).guest_id
        == before.guest_id
    )


def test_a_returning_guest_with_a_new_name_chooses_a_new_pin(demo_house: House, tama: Session):
    """Her old PIN is only a hash: with a new name that others with PINs have, she chooses a new PIN too."""
    before = _a_returning_guest(demo_house, tama, "Hana", "4040")
    with pytest.raises(ServiceError, match="new PIN"):
        arrive(demo_house, tama, "Mere", None, returning_guest_id=before.guest_id)
    stay = arrive(demo_house, tama, "Mere", "4041", returning_guest_id=before.guest_id)
    assert demo_house.sign_in.sign_in("Mere", "4041").person_id == stay.guest_id


def test_set_up_checks_the_managers_pin_too(new_dir: Path, clock: FixedClock):
    """Making the manager goes through the same check (a new house has no one else: it is accepted)."""
    house = House.open(new_dir, clock)
    manager = house.set_up("Te Whare", "Aroha", "1234", "1234")
    assert house.sign_in.sign_in("Aroha", "1234").person_id == manager.id


def test_another_terminal_taking_the_pin_meanwhile_is_caught_under_the_lock(
    demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    """The PIN is checked before the lock (it is slow) and again under it: a clash made in between is refused."""
    here, there = House.open(demo_dir, clock), House.open(demo_dir, clock)
    tama_here, tama_there = here.sign_in.sign_in("Tama", "2222"), there.sign_in.sign_in("Tama", "2222")
    other_room = free_a_room(there, tama_there)
    checked_before_the_lock = stays_module.check_new_pin
    calls = []

    def meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        checked = checked_before_the_lock(*args, **kwargs)
        calls.append(1)
        if len(calls) == 1:
            arrive(there, tama_there, "Hana", "4242", room=other_room)
        return checked

    monkeypatch.setattr(stays_module, "check_new_pin", meanwhile)
    with pytest.raises(ServiceError, match="Choose another PIN"):
        arrive(here, tama_here, "Hana", "4242", room="Rimu")
    assert [g.chosen_name for g in here.store.find(Guest)].count("Hana") == 1


def test_two_people_with_one_name_and_pin_from_old_data_open_neither(demo_house: House):
    """Data saved before the rule may hold two: sign-in opens neither, says to ask the manager, counts nothing."""
    mere = demo_house.store.find(Guest, where={"chosen_name": "Mere"})[0]
    twin = Guest(chosen_name="mere", created_at=mere.created_at, pin_hash=hash_pin("3333"))
    demo_house.store.put(twin)
    with pytest.raises(SignInRefused) as refused:
        demo_house.sign_in.sign_in("Mere", "3333")
    assert str(refused.value) == MORE_THAN_ONE
    assert demo_house.sign_in.lockout.tries("Mere") == 0
    # The same for a staff member's name and PIN, and for confirming as staff.
    tama = demo_house.store.find(StaffMember, where={"name": "Tama"})[0]
    demo_house.store.put(Guest(chosen_name="Tama", created_at=mere.created_at, pin_hash=tama.pin_hash))
    for check in (demo_house.sign_in.sign_in, demo_house.sign_in.confirm_staff):
        with pytest.raises(SignInRefused, match="more than one person"):
            check("Tama", "2222")


def test_pins_tried_for_a_new_guests_name_are_counted(demo_house: House, tama: Session):
    """ "Choose another PIN" tells that someone of the name has it, so trying PIN after PIN waits, like sign-in."""
    for pin in ("1000", "1001", "1002", "1003", "1004"):
        with pytest.raises(ServiceError, match="not one of the house's rooms"):
            arrive(demo_house, tama, "Tama", pin, room=NOT_A_ROOM)
    with pytest.raises(ServiceError, match="Several PINs were tried for this name just now: try again in 30 seconds"):
        arrive(demo_house, tama, "Tama", "2222", room=NOT_A_ROOM)
    # Another name is not held up, and sign-in for the name is not either.
    with pytest.raises(ServiceError, match="not one of the house's rooms"):
        arrive(demo_house, tama, "Kiri", "1005", room=NOT_A_ROOM)
    assert demo_house.sign_in.sign_in("Tama", "2222").role == "peer_staff"


# --- the same work whoever has a PIN --------------------------------------------------------------


@pytest.fixture
def scrypt_runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the scrypt runs made through the PIN module."""
    runs: list[int] = []
    real = hashlib.scrypt

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(pins_module.hashlib, "scrypt", counted)
    return runs


def test_every_sign_in_runs_scrypt_the_same_number_of_times(demo_house: House, tama: Session, scrypt_runs: list[int]):
    """No one of the name, one staff member, one guest, two people sharing a name: the same number of runs."""
    arrive(demo_house, tama, "Tama", "2468")  # a guest who shares Tama's name
    scrypt_runs.clear()
    attempts = {
        "no such name": ("Nobody", "9999"),
        "a staff member's name": ("Aroha", "9999"),
        "a guest's name": ("Mere", "9999"),
        "a name two people share": ("Tama", "9999"),
        "a guest's right PIN": ("Mere", "3333"),
        "a staff member's right PIN": ("Aroha", "1111"),
        "two people's name, one's right PIN": ("Tama", "2468"),
    }
    runs = {}
    for what, (name, pin) in attempts.items():
        scrypt_runs.clear()
        with contextlib.suppress(SignInRefused):
            demo_house.sign_in.sign_in(name, pin)
        runs[what] = len(scrypt_runs)
    assert set(runs.values()) == {pins_module.CHECKS_PER_ATTEMPT}, runs
    scrypt_runs.clear()
    with pytest.raises(SignInRefused):
        demo_house.sign_in.confirm_staff("Nobody", "9999")
    assert len(scrypt_runs) == pins_module.CHECKS_PER_ATTEMPT


def test_a_wrong_pin_for_an_unknown_name_is_saved_like_a_known_one(demo_house: House):
    """Both count a wrong try in the house's data (the same write), and neither keeps the name or PIN typed."""
    core = demo_house.data_dir / "store" / "core.json"
    for name in ("Zebedee", "Tama"):
        before = core.read_bytes()
        wrong(demo_house, name, pin="86420")
        assert core.read_bytes() != before
        assert demo_house.sign_in.lockout.tries(name) == 1
    every_file = files_of(demo_house.data_dir)
    assert b"Zebedee" not in every_file and b"zebedee" not in every_file
    # The PIN as it was typed, standing alone: the house's random ids and hashes hold any five digits now
    # and then ("...a86420f..."), which is no PIN kept.
    assert re.search(rb"(?<![0-9A-Za-z])86420(?![0-9A-Za-z])", every_file) is None


# --- wrong PINs, counted per name in the house's data ---------------------------------------------


def test_tries_left_are_said_in_plain_words(demo_house: House):
    """4, 3, 2 more tries, then "1 more try"."""
    said = [str(wrong(demo_house, "Tama")) for _ in range(4)]
    assert [s.split(". ", 1)[1] for s in said] == [
        "4 more tries before sign-in waits.",
        "3 more tries before sign-in waits.",
        "2 more tries before sign-in waits.",
        "1 more try before sign-in waits.",
    ]


def test_the_wait_grows_to_fifteen_minutes(demo_house: House, clock: FixedClock):
    """30 s, 60 s, 2, 4, 8 minutes, then 15 minutes at most."""
    refused = wrong(demo_house, "Tama", 5)
    waits = []
    for _ in range(6):
        assert isinstance(refused, SignInWait)
        waits.append(refused.wait.seconds_left(clock.now()))
        clock.advance(seconds=waits[-1])
        refused = wrong(demo_house, "Tama")
    assert waits == [30, 60, 120, 240, 480, 900]
    assert "waits 15 minutes" in str(refused)


def test_a_guests_wrong_pins_do_not_make_staff_wait(demo_house: House):
    """Mere's wrong PINs are Mere's: Tama and Aroha sign in at once."""
    refused = wrong(demo_house, "Mere", 6)
    assert isinstance(refused, SignInWait) and refused.wait.scope == "name"
    assert demo_house.sign_in.sign_in("Tama", "2222").role == "peer_staff"
    assert demo_house.sign_in.sign_in("Aroha", "1111").role == "manager"
    with pytest.raises(SignInWait, match="try again in"):
        demo_house.sign_in.sign_in("Mere", "3333")


def test_a_second_terminal_sees_the_wait(demo_dir: Path, clock: FixedClock):
    """Five wrong PINs at one terminal: the right PIN at another terminal waits too."""
    lounge, office = House.open(demo_dir, clock), House.open(demo_dir, clock)
    wrong(lounge, "Tama", 5)
    with pytest.raises(SignInRefused, match="try again in 30 seconds"):
        office.sign_in.sign_in("Tama", "2222")
    with pytest.raises(SignInRefused, match="try again in 30 seconds"):
        office.sign_in.confirm_staff("Tama", "2222")
    assert office.sign_in.seconds_to_wait("Tama") == 30
    # Both terminals count into the one count.
    clock.advance(seconds=30)
    with pytest.raises(SignInRefused, match="waits 60 seconds"):
        office.sign_in.sign_in("Tama", "9999")
    assert lounge.sign_in.seconds_to_wait("tama") == 60


def test_a_restart_does_not_clear_the_wait(demo_dir: Path, clock: FixedClock):
    """The count is in the house's data: a reopened house still waits, and still counts."""
    wrong(House.open(demo_dir, clock), "Tama", 5)
    reopened = House.open(demo_dir, clock)
    with pytest.raises(SignInRefused, match="try again in 30 seconds"):
        reopened.sign_in.sign_in("Tama", "2222")
    clock.advance(seconds=31)
    assert House.open(demo_dir, clock).sign_in.sign_in("Tama", "2222").name == "Tama"
    # Signing in cleared the count, for every terminal.
    with pytest.raises(SignInRefused, match="4 more tries"):
        reopened.sign_in.sign_in("Tama", "9999")


def test_a_names_count_is_forgotten_a_day_after_its_last_wrong_pin(demo_house: House, clock: FixedClock):
    """Three wrong PINs, then a day without one: the name starts again."""
    wrong(demo_house, "Tama", 3)
    clock.advance(hours=24, minutes=1)
    assert "4 more tries" in str(wrong(demo_house, "Tama"))


def test_many_names_tried_make_the_whole_house_wait_a_little(demo_house: House, clock: FixedClock):
    """20 wrong PINs in 10 minutes, whatever the names: every name waits a minute, then one try a minute."""
    for n in range(19):
        wrong(demo_house, f"Guess {n}")
        clock.advance(seconds=10)
    refused = wrong(demo_house, "Guess 19")
    assert isinstance(refused, SignInWait) and refused.wait.scope == "house"
    assert "waits 60 seconds" in str(refused)
    with pytest.raises(SignInWait, match="on this house's terminals just now: try again in 60 seconds"):
        demo_house.sign_in.sign_in("Tama", "2222")
    assert demo_house.sign_in.seconds_to_wait() == 60
    clock.advance(seconds=60)
    assert demo_house.sign_in.sign_in("Tama", "2222").role == "peer_staff"
    # Within the ten minutes, each further wrong PIN brings the wait back.
    assert isinstance(wrong(demo_house, "Guess 20"), SignInWait)
    clock.advance(minutes=10)
    assert not isinstance(wrong(demo_house, "Guess 21"), SignInWait)


def test_nothing_typed_is_not_counted(demo_house: House):
    """An empty name or PIN is asked for again, not counted, and runs no scrypt."""
    for name, pin in (("", ""), ("Tama", ""), ("  ", "2222")):
        with pytest.raises(SignInRefused, match="Type your name and your PIN"):
            demo_house.sign_in.sign_in(name, pin)
    assert demo_house.sign_in.lockout.tries("Tama") == 0


def test_a_guests_right_pin_does_not_confirm_staff(demo_house: House):
    """Confirming as staff (quitting, signing on) with a guest's name and PIN is answered like a wrong PIN."""
    with pytest.raises(SignInRefused, match="do not match. 4 more tries"):
        demo_house.sign_in.confirm_staff("Mere", "3333")
    assert demo_house.sign_in.confirm_staff("Tama", "2222").is_staff


# --- the lock screen counts the wait down ----------------------------------------------------------


def _message(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#sign-in-message").content)


async def test_the_lock_screen_counts_the_wait_down(demo_dir: Path, clock: FixedClock):
    """After the fifth wrong PIN the wait is shown, counted down each second, and ends in "try again now"."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        wrong(app.house, "Tama", 4)
        await sign_in(pilot, "Tama", "9999")
        assert isinstance(app.screen, LockScreen)
        assert "waits 30 seconds" in _message(app)
        clock.advance(seconds=12)
        await pilot.pause(1.2)
        assert _message(app) == "Too many wrong PINs for this name: try again in 18 seconds."
        clock.advance(seconds=18)
        await pilot.pause(1.2)
        assert _message(app) == "You can try again now."
        await sign_in(pilot, "Tama", "2222")
        assert app.session is not None and app.session.name == "Tama"


async def test_locking_forgets_the_countdown(demo_dir: Path, clock: FixedClock):
    """The next person at the terminal does not see someone else's wait counting down."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        wrong(app.house, "Mere", 4)
        await sign_in(pilot, "Mere", "9999")
        assert "waits 30 seconds" in _message(app)
        app.screen.query_one("#name").value = "Tama"
        clock.advance(seconds=5)
        await pilot.pause(1.2)
        assert "try again" not in _message(app)


def test_an_arrival_that_goes_through_clears_the_count_of_pins_tried(demo_house: House, tama: Session):
    """A tired worker's retries before a welcome that succeeds never leave the name waiting afterwards."""
    for pin in ("1000", "1001", "1002", "1003"):
        with pytest.raises(ServiceError, match="not one of the house's rooms"):
            arrive(demo_house, tama, "Kiri", pin, room=NOT_A_ROOM)
    free = demo_house.stays.free_rooms(tama)[0]
    arrive(demo_house, tama, "Kiri", "1004", room=free)
    assert demo_house.stays.pins_tried.wait("Kiri") is None
    assert demo_house.stays.pins_tried.count("Kiri")[0] == 1
