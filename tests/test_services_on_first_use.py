"""The house's services are imported and built when first asked for, once, on the house's current settings.

The lock screen needs only the sign-in, so a terminal starts without the
rest; the app builds them one at a time while someone types their name.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.lock import LockScreen
from crisishouse.services import House
from crisishouse.services import board as board_module
from crisishouse.services import handover as handover_module
from crisishouse.services import stays as stays_module
from crisishouse.services.on_first_use import services_of
from crisishouse.settings import save_settings
from tests.pilot_helpers import sign_in

ROOT = Path(__file__).resolve().parent.parent

_OPENED_IN_A_FRESH_PROCESS = """
import sys
from pathlib import Path
from crisishouse.app import CrisisHouseApp
from crisishouse.services import House
house = House.open(Path(sys.argv[1]))
assert house.is_set_up
print(" ".join(sorted(m for m in sys.modules if m.startswith("crisishouse."))))
"""

# What only the screens after sign-in need; none of it is on the way to the lock screen.
_NOT_BEFORE_SIGN_IN = [
    "crisishouse.services.board",
    "crisishouse.services.handover",
    "crisishouse.services.erasure",
    "crisishouse.services.guest_record",
    "crisishouse.services.load",
    "crisishouse.screens.form",
    "crisishouse.screens.drafts",
    # Records the lock screen never reads (each module builds its classes when imported).
    "crisishouse.models.check_in",
    "crisishouse.models.guest_voice",
    "crisishouse.models.handover",
    "crisishouse.models.handover_document",
    "crisishouse.models.intention",
    "crisishouse.models.shifts",
    "crisishouse.models.staff_care",
]


def test_opening_a_house_imports_no_service_it_does_not_need(demo_dir: Path):
    """A fresh interpreter, as a terminal starts: the app and an opened house, without the other screens' services."""
    done = subprocess.run(
        [sys.executable, "-c", _OPENED_IN_A_FRESH_PROCESS, str(demo_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    imported = set(done.stdout.split())
    assert "crisishouse.services.signin" in imported
    assert sorted(imported & set(_NOT_BEFORE_SIGN_IN)) == []


def test_each_service_is_built_once_and_shared(demo_house: House):
    """Asked for twice, the same service; the services a service works with are the house's own."""
    assert demo_house.board is demo_house.board
    records = demo_house.records
    assert [s for s in vars(records).values() if type(s).__name__ == "Stays"] == [demo_house.stays]


def test_a_service_works_from_the_house_context(demo_house: House):
    """Built on the house's context: its store and settings are the house's."""
    for name in services_of(House):
        service = getattr(demo_house, name)
        assert service.ctx is demo_house.ctx, name
        assert service.store is demo_house.store and service.settings is demo_house.settings, name


def test_threads_asking_at_once_get_one_service(house: House, monkeypatch: pytest.MonkeyPatch):
    """A worker and the screen asking for the same service at the same moment share one (a slow build)."""

    class SlowHandover(handover_module.Handover):
        def __init__(self, *args: Any) -> None:
            time.sleep(0.05)  # long enough for every thread to be asking while it builds
            super().__init__(*args)

    monkeypatch.setattr(handover_module, "Handover", SlowHandover)
    start = threading.Barrier(8)
    got: list[object] = []

    def ask() -> None:
        start.wait()
        got.append(house.handover)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(got) == 8 and all(g is got[0] for g in got)
    assert isinstance(got[0], SlowHandover)


def test_new_settings_build_every_service_again(house: House):
    """A changed house.toml: each service, built before or not, works from the new settings."""
    before = {name: getattr(house, name) for name in services_of(House)}
    save_settings(house.data_dir, replace(house.settings, house_name="Te Whare Hou", rooms=("Kōwhai", "Rātā")))
    assert house.reread_settings() is True
    for name in services_of(House):
        service = getattr(house, name)
        assert service is not before[name], name
        assert service.settings.rooms == ("Kōwhai", "Rātā"), name


def test_a_service_that_cannot_be_built_is_not_kept(house: House, monkeypatch: pytest.MonkeyPatch):
    """A failure while building raises, keeps nothing half made, and the next ask builds it afresh."""

    def broken(*_args: object) -> object:
        raise RuntimeError("cannot build the board")

    monkeypatch.setattr(board_module, "Board", broken)
    with pytest.raises(RuntimeError, match="cannot build the board"):
        _ = house.board
    assert "board" not in vars(house)
    monkeypatch.undo()
    assert isinstance(house.board, board_module.Board)


def test_warming_builds_one_at_a_time_until_all_are_built(house: House):
    """Each step builds one service more; the last step says none is left."""
    names = services_of(House)
    steps = 0
    while True:
        built = sum(name in vars(house) for name in names)
        more = house.warm_next()
        steps += 1
        assert sum(name in vars(house) for name in names) == built + 1
        if not more:
            break
    assert steps <= len(names) and all(name in vars(house) for name in names)
    assert house.warm_next() is False


async def test_the_app_builds_the_services_while_the_lock_screen_waits(demo_dir: Path, clock: FixedClock):
    """The lock screen is ready before the services; they are built soon after, and signing in works either way."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, LockScreen) and app.house is not None
        assert not all(name in vars(app.house) for name in services_of(House))
        for _ in range(100):
            if all(name in vars(app.house) for name in services_of(House)):
                break
            await pilot.pause(0.05)
        assert all(name in vars(app.house) for name in services_of(House))
        await sign_in(pilot, "Tama", "2222")
        assert app.session is not None


async def test_signing_in_before_the_warm_up_works(demo_dir: Path, clock: FixedClock):
    """Someone quicker than the warm-up: the board builds what it needs as it opens."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.house is not None and "board" not in vars(app.house)
        await sign_in(pilot, "Tama", "2222")
        assert type(app.screen).__name__ == "BoardScreen"
        assert "board" in vars(app.house)


def test_new_settings_wait_for_a_service_being_built(house: House, monkeypatch: pytest.MonkeyPatch):
    """A worker building a service while the settings change: its service and the ones it uses share a context.

    (The new context was set outside the building lock, so a service could be built on the
    new context around services built on the old.)
    """

    class SlowStays(stays_module.Stays):
        def __init__(self, *args: Any) -> None:
            time.sleep(0.2)  # the settings change while this is being built
            super().__init__(*args)

    monkeypatch.setattr(stays_module, "Stays", SlowStays)
    got: list[Any] = []
    worker = threading.Thread(target=lambda: got.append(house.records))
    worker.start()
    time.sleep(0.05)
    save_settings(house.data_dir, replace(house.settings, house_name="Te Whare Hou"))
    assert house.reread_settings() is True
    worker.join()
    records = got[0]
    used = [s for s in vars(records).values() if isinstance(s, stays_module.Stays)]
    assert used and all(s.ctx is records.ctx for s in used)
    assert house.records is not records and house.records.ctx is house.ctx


def test_a_house_of_another_kind_keeps_the_same_services():
    """A subclass of House has its services too: dropped on new settings, warmed one at a time."""

    class LocalHouse(House):
        pass

    assert services_of(LocalHouse) == services_of(House) and "board" in services_of(LocalHouse)


async def test_a_failing_warm_up_leaves_the_lock_screen_working(
    demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    """A service that cannot be built during the warm-up: no crash; the screen that needs it meets it."""

    def broken(self: House) -> bool:
        raise RuntimeError("cannot build a service")

    monkeypatch.setattr(House, "warm_next", broken)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        assert isinstance(app.screen, LockScreen) and app.is_running
        await sign_in(pilot, "Tama", "2222")
        assert app.session is not None
