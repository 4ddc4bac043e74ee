"""A house table given rows before it is laid out fills once, at its width, with the highlight asked for."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from crisishouse.widgets.house_table import HouseTable


def _rows(*names: str) -> list[tuple[str, tuple[object, ...]]]:
    return [(name.lower(), (Text(name), Text(f"{name} said something rather long " * 3))) for name in names]


class _FilledOnMount(App[None]):
    """Fills its table as a screen does: in on_mount, before the first layout."""

    def __init__(self, then: str) -> None:
        super().__init__()
        self.then = then

    def compose(self) -> ComposeResult:
        yield HouseTable("Who", "Words", id="t")

    def on_mount(self) -> None:
        table = self.query_one(HouseTable)
        assert table.size.width == 0, "the point of this test: rows come before the table has a width"
        table.fill(_rows("Ana", "Ben", "Cy", "Di"))
        if self.then == "highlight":
            assert table.highlight("cy")
            assert not table.highlight("nobody")
        elif self.then == "move":
            table.move_cursor(row=2)
        elif self.then == "fill again":
            table.fill(_rows("Zoe", "Ana", "Ben", "Cy", "Di"), highlight="cy")


@pytest.mark.parametrize(("then", "row"), [("nothing", 0), ("highlight", 2), ("move", 2), ("fill again", 3)])
async def test_rows_given_before_layout_are_filled_once_at_the_tables_width(
    monkeypatch: pytest.MonkeyPatch, then: str, row: int
):
    widths: list[int] = []
    refill = HouseTable._refill

    def counted(self: HouseTable, highlight: str | None = None, *, from_top: bool = False) -> None:
        widths.append(self.size.width)
        refill(self, highlight, from_top=from_top)

    monkeypatch.setattr(HouseTable, "_refill", counted)
    app = _FilledOnMount(then)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(HouseTable)
        assert widths == [60], "filled once, when laid out"
        assert table.cursor_row == row
        assert table.highlighted_key() == table.keys[row]
        assert table.row_count == len(table.keys)
        last = table.ordered_columns[-1]
        assert last.width < 60, "the words wrap to the width left"


class _Plain(App[None]):
    def compose(self) -> ComposeResult:
        yield HouseTable("Who", "Words", id="t")


async def test_only_rows_that_wrap_are_measured_and_every_word_is_shown():
    app = _Plain()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(HouseTable)
        long = "words that go on well past the edge of a forty column table"
        table.fill(
            [
                ("short", (Text("Ana"), Text("fine"))),
                ("long", (Text("Ben"), Text(long))),
                ("lines", (Text("Cy"), Text("one\ntwo"))),
            ]
        )
        await pilot.pause()
        heights = {key.value: row.height for key, row in table.rows.items()}
        assert heights["short"] == 1
        assert heights["long"] > 1, "a long line wraps onto more lines"
        assert heights["lines"] == 2
        assert not table.rows[next(k for k in table.rows if k.value == "short")].auto_height
