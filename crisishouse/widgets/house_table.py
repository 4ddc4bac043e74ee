"""A table read again after every change that keeps its highlight on the same record, its last column wrapped.

A tired hand presses a key on the highlighted row, the table is filled
again, and the next key must land on the same person: so the highlight
follows the record (each row's key), not the row number. If the record has
left the list, the highlight stays at the same height, on the row there now.

People's words are the last column; it is as wide as the screen leaves and
wraps, so nothing anyone wrote is cut off at the screen's edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.measure import Measurement
from rich.text import Text
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

Row = tuple[str, Sequence[object]]
"""A row: its record's key (an id), then its cells."""

NARROWEST_WRAP = 16
"""Below this many columns the last column stops wrapping, and the table scrolls sideways instead."""


class HouseTable(DataTable[object]):
    """A row per record, filled again with `fill`; the highlight stays on the record it was on."""

    def __init__(
        self, *headings: str | Text, id: str, wrap: bool = True, zebra_stripes: bool = False, header_height: int = 1
    ) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes, header_height=header_height)
        self.headings = headings
        """The column headings, left to right."""
        self.wrap = wrap
        """The last column wraps to the width left (people's words); else it is as wide as its longest cell."""
        self.keys: list[str] = []
        """The rows' keys, in the order shown."""
        self._rows: list[Row] = []
        self._fitted_to = 0
        self._waiting: tuple[str | None, bool] | None = None
        """Rows given before the table had a width: the record to highlight, and whether from the top."""

    def fill(self, rows: Iterable[Row], *, highlight: str | None = None, from_top: bool = False) -> None:
        """Show these rows, the highlight on the same record as before.

        Args:
            rows: The rows, each with its record's key.
            highlight: Highlight this record instead, if it is shown (one just brought back, say).
            from_top: Highlight the first row: the rows are another list (another guest's lines).
        """
        self._rows = list(rows)
        if self.wrap and not self.size.width:
            self.keys = [key for key, _cells in self._rows]
            # Not laid out yet: how the words wrap depends on the width, so the table is
            # filled once, when its first size is known (`on_resize`), not now and again then.
            waiting = self._waiting
            self._waiting = (highlight or (waiting[0] if waiting else None), from_top)
            return
        self._refill(highlight, from_top=from_top)

    def highlight(self, key: str) -> bool:
        """Move the highlight to the record with this key, if it is shown here."""
        if self._waiting is not None:
            if key not in self.keys:
                return False
            self._waiting = (key, self._waiting[1])
            return True
        try:
            row = self.get_row_index(key)
        except RowDoesNotExist:
            return False
        self.move_cursor(row=row)
        return True

    def move_cursor(
        self,
        *,
        row: int | None = None,
        column: int | None = None,
        animate: bool = False,
        scroll: bool = True,
    ) -> None:
        if self._waiting is not None and row is not None and 0 <= row < len(self.keys):
            # Rows not filled in yet: the highlight goes there when they are.
            self._waiting = (self.keys[row], False)
            return
        super().move_cursor(row=row, column=column, animate=animate, scroll=scroll)

    def highlighted_key(self) -> str | None:
        """The highlighted row's key, or None in an empty table."""
        if self._waiting is not None and self._waiting[0] in self.keys:
            return self._waiting[0]
        if not self.keys or not 0 <= self.cursor_row < len(self.keys):
            return None
        return self.keys[self.cursor_row]

    def _refill(self, highlight: str | None = None, *, from_top: bool = False) -> None:
        if from_top:
            was_on, was_at, was_scrolled = None, 0, 0.0
        else:
            was_on, was_at, was_scrolled = self.highlighted_key(), self.cursor_row, self.scroll_y
        if not self.columns:
            self.add_columns(*self.headings)
        self.clear()
        self._fit_last_column()
        for key, cells in self._rows:
            self.add_row(*cells, key=key, height=self._height(cells))
        self.keys = [key for key, _cells in self._rows]
        if not self.row_count:
            return
        row = min(was_at, self.row_count - 1)
        for wanted in (highlight, was_on):
            if wanted is not None:
                try:
                    row = self.get_row_index(wanted)
                    break
                except RowDoesNotExist:
                    continue
        if row == was_at:
            # The same place: the view stays as it was, not scrolled to a tall row's end.
            self.move_cursor(row=row, scroll=False)
            self.call_after_refresh(self.scroll_to, y=was_scrolled, animate=False)
        else:
            self.move_cursor(row=row)

    def _height(self, cells: Sequence[object]) -> int | None:
        """1 for a row that fits on one line; None (measured by the table) for one that wraps.

        A row of auto height is rendered whole to measure it before the table shows: most
        rows (a check-in's few words) need no measuring.
        """
        shown = [_shown(cell) for cell in cells]
        if any("\n" in text.plain for text in shown):
            return None
        last = self.ordered_columns[-1] if self.columns else None
        if self.wrap and last is not None and not last.auto_width and shown and shown[-1].cell_len > last.width:
            return None
        return 1

    def _fit_last_column(self) -> None:
        """Make the last column as wide as the table leaves, so its words wrap rather than run off."""
        width = self.size.width
        self._fitted_to = width
        if not self.wrap or not width or not self.columns:
            return
        *others, last = self.ordered_columns
        console = self.app.console
        used = 0
        for n, column in enumerate(others):
            cells = [column.label, *(cells[n] for _key, cells in self._rows if n < len(cells))]
            widest = max(Measurement.get(console, console.options, _shown(cell)).maximum for cell in cells)
            used += widest + 2 * self.cell_padding
        # Room for the scrollbar, which shows once the wrapped rows outgrow the table.
        left = width - used - 2 * self.cell_padding - self.styles.scrollbar_size_vertical
        last.auto_width = left < NARROWEST_WRAP
        last.width = max(left, NARROWEST_WRAP)

    def on_resize(self, event: events.Resize) -> None:
        # A new width wraps the words afresh (a tab shown for the first time, a larger window).
        if self._waiting is not None and event.size.width:
            highlight, from_top = self._waiting
            self._waiting = None
            self._refill(highlight, from_top=from_top)
        elif self.wrap and self._rows and event.size.width != self._fitted_to:
            self._refill()


def _shown(cell: object) -> Text:
    """A cell as the table shows it (plain strings are the program's own words)."""
    if isinstance(cell, Text):
        return cell
    return Text(str(cell))
