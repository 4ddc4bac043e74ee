"""Past handovers: the saved copies, exactly as they were printed."""

from __future__ import annotations

import pendulum
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from crisishouse.errors import HouseError
from crisishouse.screens.base import HouseScreen
from crisishouse.widgets.literal import literal


class PastHandoversScreen(HouseScreen):
    """Choose a saved handover on the left; read it on the right."""

    HELP = "Past handovers, newest first, as they were printed."
    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal():
            yield OptionList(id="past-list")
            with VerticalScroll(id="past-text-scroll"):
                yield Static("", id="past-text")
        yield Footer()

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
        """ "2026-11-24 morning, printed Tue 10:30" from the saved copy's name."""
        stamp, _, rest = stem.partition("-handover-")
        try:
            printed = pendulum.from_format(stamp, "YYYYMMDDTHHmmss", tz="UTC").in_timezone(
                self.house.settings.time_zone
            )
        except ValueError:
            return stem
        parts = rest.split("-")
        words = f"{'-'.join(parts[:3])} {' '.join(parts[3:])}".strip()
        return f"{words}, printed {printed.format('ddd HH:mm')}"

    @on(OptionList.OptionHighlighted, "#past-list")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        try:
            text = self.house.handover.read_printout(self.session, str(event.option.id))
        except (HouseError, OSError) as problem:
            text = str(problem)
        self.query_one("#past-text", Static).update(literal(text))
