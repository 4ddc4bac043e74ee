"""Te Whare Tapa Whā: a trend for each of the four walls, with its latest numbers."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalGroup
from textual.widgets import Label, Sparkline, Static

from crisishouse.services.wellbeing import WallTrend

WALLS = ("tinana", "hinengaro", "whanau", "wairua")
RECENT = 5
"""How many of a wall's latest ratings are shown as numbers beside its trend."""


class FourWalls(VerticalGroup):
    """Each wall's ratings over the stay: a sparkline, and the latest few in numbers with their days."""

    def compose(self) -> ComposeResult:
        for wall in WALLS:
            with Vertical(classes="wall"):
                yield Label("", id=f"wall-{wall}-label", classes="wall-label")
                with Horizontal(classes="wall-row"):
                    yield Sparkline([], id=f"wall-{wall}", classes="wall-trend")
                    yield Static("", id=f"wall-{wall}-values", classes="wall-values")

    def show(self, trends: tuple[WallTrend, ...], tz: str) -> None:
        """Show each wall's trend, days in the house's zone."""
        for trend in trends:
            self.query_one(f"#wall-{trend.wall}-label", Label).update(trend.label)
            self.query_one(f"#wall-{trend.wall}", Sparkline).data = trend.values or [0]
            recent = Text()
            for at, value in trend.points[-RECENT:]:
                if recent:
                    recent.append("  ")
                # No-break spaces keep each date with its number.
                recent.append(f"{at.in_timezone(tz).format('D MMM')}\u00a0".replace(" ", "\u00a0"))
                recent.append(str(value), style="bold")
            self.query_one(f"#wall-{trend.wall}-values", Static).update(recent or Text("No ratings yet."))
