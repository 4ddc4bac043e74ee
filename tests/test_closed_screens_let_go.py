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
from tests.pilot_helpers import sign_in


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
