"""Sign-in: PINs stored only as hashes, the wait after wrong PINs, who gets in."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.clock import FixedClock
from crisishouse.services import House, ServiceError, SignInRefused
from crisishouse.services.pins import hash_pin, verify_pin


def test_pin_hash_is_salted_scrypt():
    """The same PIN hashes differently each time, and verifies."""
    first, second = hash_pin("4827"), hash_pin("4827")
    assert first != second
    assert first.startswith("scrypt$")
    assert verify_pin("4827", first)
    assert not verify_pin("4828", first)


@pytest.mark.parametrize("pin", ["12", "123456789", "12a4", "", "١٢٣٤"])
def test_bad_pin_format_is_refused(pin: str):
    """A PIN is 4 to 8 ASCII digits."""
    with pytest.raises(ServiceError, match="A PIN is 4 to 8 digits"):
        hash_pin(pin)


def test_pins_are_only_hashes_on_disk(new_dir: Path, clock: FixedClock):
    """No file of the house holds a PIN in clear."""
    house = House.open(new_dir, clock)
    house.set_up("Te Whare", "Aroha", "48273915", "48273915")
    for path in new_dir.rglob("*"):
        if path.is_file():
            assert b"48273915" not in path.read_bytes(), path


def test_demo_pins_are_only_hashes_on_disk(demo_dir: Path):
    """The demo's PINs are stored hashed too."""
    for path in demo_dir.rglob("*.json"):
        data = path.read_bytes()
        assert b'"1111"' not in data and b'"3333"' not in data


def test_staff_guest_and_manager_sign_in(demo_house: House):
    """Each role signs in with its own name and PIN; the name ignores case."""
    assert demo_house.sign_in.sign_in("aroha", "1111").role == "manager"
    assert demo_house.sign_in.sign_in("TAMA ", "2222").role == "peer_staff"
    guest = demo_house.sign_in.sign_in("Mere", "3333")
    assert guest.role == "guest" and guest.stay_id


def test_wrong_pin_says_how_many_tries_are_left(demo_house: House):
    """The first wrong PINs say how many tries remain."""
    with pytest.raises(SignInRefused, match="4 more tries"):
        demo_house.sign_in.sign_in("Tama", "9999")


def test_five_wrong_pins_make_the_terminal_wait_longer_each_time(demo_house: House, clock: FixedClock):
    """After 5 wrong PINs the terminal waits 30 s, then 60 s, and refuses even a right PIN meanwhile."""
    sign_in = demo_house.sign_in
    for _ in range(4):
        with pytest.raises(SignInRefused):
            sign_in.sign_in("Tama", "9999")
    with pytest.raises(SignInRefused, match="waits 30 seconds"):
        sign_in.sign_in("Tama", "9999")
    with pytest.raises(SignInRefused, match="try again in 30 seconds"):
        sign_in.sign_in("Tama", "2222")
    clock.advance(seconds=31)
    with pytest.raises(SignInRefused, match="waits 60 seconds"):
        sign_in.sign_in("Tama", "9999")
    clock.advance(seconds=61)
    assert sign_in.sign_in("Tama", "2222").name == "Tama"
    assert sign_in.seconds_to_wait() == 0
    with pytest.raises(SignInRefused, match="4 more tries"):
        sign_in.sign_in("Tama", "9999")


def test_unknown_name_is_refused_like_a_wrong_pin(demo_house: House):
    """An unknown name gets the same answer as a wrong PIN (it reveals nothing)."""
    with pytest.raises(SignInRefused, match="do not match"):
        demo_house.sign_in.sign_in("Nobody", "2222")


def test_empty_name_or_pin_asks_for_both(demo_house: House):
    """Nothing typed is not counted as a wrong PIN."""
    with pytest.raises(SignInRefused, match="Type your name and your PIN"):
        demo_house.sign_in.sign_in("", "")
    assert demo_house.sign_in.wrong_in_a_row == 0


def test_quitting_needs_staff_not_a_guest(demo_house: House):
    """A guest's PIN does not confirm quitting; a staff PIN does."""
    with pytest.raises(SignInRefused):
        demo_house.sign_in.confirm_staff("Mere", "3333")
    assert demo_house.sign_in.confirm_staff("Tama", "2222").is_staff


def test_set_up_refuses_mismatched_pins(new_dir: Path, clock: FixedClock):
    """The two PINs at set-up must match; nothing is saved otherwise."""
    house = House.open(new_dir, clock)
    with pytest.raises(ServiceError, match="not the same"):
        house.set_up("Te Whare", "Aroha", "1234", "4321")
    assert not house.is_set_up


def test_set_up_names_the_house_and_only_once(new_dir: Path, clock: FixedClock):
    """Set-up writes house.toml with the name and makes the manager, once."""
    house = House.open(new_dir, clock)
    house.set_up("Te Whare o Rongo", "Aroha", "1234", "1234")
    assert 'name = "Te Whare o Rongo"' in (new_dir / "house.toml").read_text(encoding="utf-8")
    assert House.open(new_dir, clock).settings.house_name == "Te Whare o Rongo"
    with pytest.raises(ServiceError, match="already set up"):
        house.set_up("Other", "Someone", "1234", "1234")


@pytest.mark.parametrize("holders", [0, 1, 2])
def test_the_pin_checks_of_one_sign_in_run_side_by_side(monkeypatch: pytest.MonkeyPatch, holders: int):
    """Each check waits for the other to start: run one after the other, they would never meet."""
    import threading

    from crisishouse.services import pins

    meet = threading.Barrier(pins.CHECKS_PER_ATTEMPT, timeout=10)
    checked: list[str] = []

    def waits_for_the_other(pin: str, stored: str) -> bool:
        meet.wait()
        checked.append(stored)
        return stored == "mine"

    monkeypatch.setattr(pins, "verify_pin", waits_for_the_other)
    hashes = ["mine", "theirs"][:holders]
    assert pins.matching("1234", hashes) == ([0] if holders else [])
    assert len(checked) == pins.CHECKS_PER_ATTEMPT, "the same number of checks however many hold the name"
