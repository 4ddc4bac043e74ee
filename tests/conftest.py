"""Shared fixtures: a fixed clock, a demo house built once, a new house, fresh folders, people signed in.

Plain helpers are in builders.py (times, records, files) and sessions.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.demo import build_demo
from crisishouse.language import LanguageCheck
from crisishouse.models import StaffMember
from crisishouse.services import House, Session
from crisishouse.services.pins import hash_pin
from tests.builders import NOW


@pytest.fixture(autouse=True)
def _no_real_house(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never touch a developer's own house."""
    monkeypatch.setenv("CRISISHOUSE_DATA", str(tmp_path / "no-house-here"))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 14-day demo house, built once per test run."""
    folder = tmp_path_factory.mktemp("demo-template") / "house"
    build_demo(folder, days=14, clock=FixedClock(NOW), seed=7)
    return folder


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo house for one test."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def demo_house(demo_dir: Path, clock: FixedClock) -> House:
    return House.open(demo_dir, clock)


@pytest.fixture
def new_dir(tmp_path: Path) -> Path:
    """An empty folder for a new house."""
    return tmp_path / "new-house"


@pytest.fixture
def house(new_dir: Path, clock: FixedClock) -> House:
    """A new house, set up with its manager Aroha (PIN 1111) and no one else."""
    house = House.open(new_dir, clock)
    house.set_up("Test house", "Aroha", "1111", "1111")
    return house


@pytest.fixture
def staffed_house(house: House) -> House:
    """The new house with two peer staff besides Aroha: Tama and Sina (PIN 2468)."""
    house.store.put_many(
        [StaffMember(name=name, role="peer_staff", pin_hash=hash_pin("2468")) for name in ("Tama", "Sina")]
    )
    return house


@pytest.fixture
def tama(demo_house: House) -> Session:
    """Peer staff, signed in."""
    return demo_house.sign_in.sign_in("Tama", "2222")


@pytest.fixture
def aroha(demo_house: House) -> Session:
    """The house manager, signed in."""
    return demo_house.sign_in.sign_in("Aroha", "1111")


@pytest.fixture
def mere(demo_house: House) -> Session:
    """A guest staying in Kōwhai, signed in with her own PIN."""
    return demo_house.sign_in.sign_in("Mere", "3333")


@pytest.fixture
def kiri(demo_house: House, tama: Session) -> Session:
    """A second guest, staying in the demo house's free room (Rimu), signed in with her own PIN."""
    demo_house.stays.arrive(
        tama, chosen_name="Kiri", room="Rimu", planned_leaving=pendulum.date(2026, 11, 30), pin="4321"
    )
    return demo_house.sign_in.sign_in("Kiri", "4321")


@pytest.fixture(scope="session")
def language_check() -> LanguageCheck:
    """One built-in language check for the tests that only read it (building one takes a moment)."""
    return LanguageCheck()
