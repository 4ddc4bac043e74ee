"""The board fills its rooms table once when it opens, and again only when the view or its widths change.

Each fill lays the whole screen out again: the board is the first screen after every sign-in, so it
fills as it mounts, in widths for the most room the table can have, and its first layout is its only one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.screens.board import BoardScreen, RoomsTable
from tests.pilot_helpers import sign_in


@pytest.fixture
def fills(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How wide the rooms table was at each fill (a fill starts by clearing its columns)."""
    seen: list[int] = []
    clear = RoomsTable.clear

    def counted(self: RoomsTable, columns: bool = False) -> RoomsTable:
        if columns:
            seen.append(self.size.width)
        return clear(self, columns)

    monkeypatch.setattr(RoomsTable, "clear", counted)
    return seen


async def test_the_board_fills_its_rooms_once_on_sign_in(demo_dir: Path, clock: FixedClock, fills: list[int]):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen)
        assert app.screen.query_one(RoomsTable).row_count == 8
        table = app.screen.query_one(RoomsTable)
        assert fills == [0], "filled once, as it mounted, before it was first laid out"
        assert columns_fit(table), "in widths that fit the table as laid out"


@pytest.mark.parametrize("size", [(120, 12), (80, 10), (80, 40)])
async def test_a_board_too_short_or_narrow_for_its_rooms_fills_once_and_fits(
    demo_dir: Path, clock: FixedClock, fills: list[int], size: tuple[int, int]
):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=size) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one(RoomsTable)
        assert table.row_count == 8
        assert fills == [0], "the most room it could have was already too little: no second fill"
        assert columns_fit(table)


def columns_fit(table: RoomsTable) -> bool:
    return sum(column.get_render_width(table) for column in table.columns.values()) <= table.size.width


async def test_the_rooms_fill_again_when_the_width_or_the_view_changes(
    demo_dir: Path, clock: FixedClock, fills: list[int]
):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.pause()
        table = app.screen.query_one(RoomsTable)
        assert columns_fit(table)

        fills.clear()
        await pilot.press("r")  # read again: a new view is shown, once
        await pilot.pause()
        assert len(fills) == 1
        assert table.row_count == 8

        fills.clear()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not fills, "the columns still fit: nothing to fill again"
        assert columns_fit(table) and table.row_count == 8

        fills.clear()
        await pilot.press("f1")  # the keys panel takes room beside the board
        await pilot.pause()
        await pilot.pause()
        assert fills and fills[-1] == table.size.width, "narrower: the columns give way"
        assert table.row_count == 8
