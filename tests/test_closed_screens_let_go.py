"""A terminal runs all week: the screens it closes do not stay in memory."""

from __future__ import annotations

import gc
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Header

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.handover import HandoverScreen
from tests.pilot_helpers import opened, sign_in


def alive(kind: type[Widget]) -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, kind))


async def test_screens_opened_and_closed_all_shift_are_let_go(demo_dir: Path, clock: FixedClock):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen)
        for _ in range(4):
            for key, opens in (("h", HandoverScreen), ("enter", GuestScreen)):
                await pilot.press(key)
                await pilot.pause()
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert isinstance(app.screen, opens)
                await pilot.press("escape")
                await pilot.pause()
        await pilot.pause()
        # Before, every header closed stayed, held by the app's watch on its title: 9 here, and more each hour.
        assert alive(Header) == len(app.screen.query(Header)) == 1
        assert alive(HandoverScreen) == alive(GuestScreen) == 0


async def test_the_terminal_keeps_what_start_up_built_out_of_later_collections(demo_dir: Path, clock: FixedClock):
    # Only `crisishouse run` asks for it (it is for the life of the process); a test app does not.
    for asked in (False, True):
        app = CrisisHouseApp(demo_dir, clock, keep_start_up_out_of_collections=asked)
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                await opened(pilot)
                app._warm_language()  # as the app does a few seconds after the house opens
                await app.workers.wait_for_complete()
                assert app.house is not None and app.house.language is not None
                assert (gc.get_freeze_count() > 0) is asked
        finally:
            gc.unfreeze()
