"""Past handovers: the saved copies, exactly as they were printed."""

from __future__ import annotations

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen
from crisishouse.widgets.house_footer import HouseFooter
from crisishouse.widgets.literal import literal


class PastHandoversScreen(HouseScreen):
    """Choose a saved handover on the left; read it on the right."""

    HELP = (
        "Past handovers, newest first, as they were printed: line for line, never rewrapped. "
        "Tab moves to the text; the arrow keys scroll it, left and right too when it is wider than the screen."
    )
    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal():
            yield OptionList(id="past-list")
            # Scrolls both ways: the printed lines are kept as they are, however narrow the screen.
            with ScrollableContainer(id="past-text-scroll"):
                yield Static("", id="past-text")
        yield HouseFooter()

    def on_mount(self) -> None:
        found = self.house.handover.past_printouts(self.session)
        options = self.query_one("#past-list", OptionList)
        for path in found:
            options.add_option(Option(self._label(path.stem), id=path.name))
        if not found:
            self.query_one("#past-text", Static).update("No handover has been printed yet.")
        else:
            options.highlighted = 0

    def _label(self, stem: str) -> str:
        """ "24 Nov morning, printed Tue 10:30" from the saved copy's name (short: the text needs the room)."""
        stamp, _, rest = stem.partition("-handover-")
        parts = rest.split("-")
        try:
            printed = pendulum.from_format(stamp, "YYYYMMDDTHHmmss", tz="UTC").in_timezone(
                self.house.settings.time_zone
            )
            day = pendulum.from_format("-".join(parts[:3]), "YYYY-MM-DD").format("D MMM")
        except ValueError:
            return stem
        return f"{day} {' '.join(parts[3:])}".strip() + f", printed {printed.format('ddd HH:mm')}"

    @on(OptionList.OptionHighlighted, "#past-list")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        try:
            text = self.house.handover.read_printout(self.session, str(event.option.id))
        except (HouseError, OSError) as problem:
            text = str(problem)
        self.query_one("#past-text", Static).update(literal(text))
