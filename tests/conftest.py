"""Shared fixtures: a fixed clock, a demo house built once, fresh folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.demo import build_demo
from crisishouse.services import House, Session

# Tuesday 24 November 2026, 10:30 in Auckland: mid-morning, after breakfast.
NOW = pendulum.datetime(2026, 11, 24, 10, 30, tz="Pacific/Auckland")


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
