"""Small helpers to show times and records in the house's words."""

from __future__ import annotations

import pendulum
from rich.text import Text

from crisishouse.services.rhythm import RhythmEntry
from crisishouse.widgets.literal import literal


def house_time(instant: pendulum.DateTime, tz: str, now: pendulum.DateTime) -> str:
    """ "14:00" today, "Tue 14:00" on another day, in the house's zone."""
    local = instant.in_timezone(tz)
    if local.date() == now.in_timezone(tz).date():
        return local.format("HH:mm")
    return local.format("ddd HH:mm")


def rhythm_line(now_item: RhythmEntry | None, next_item: RhythmEntry | None, tz: str, now: pendulum.DateTime) -> Text:
    """ "Now: Lunch (12:30)   Next: Walk to the park (15:00)"."""
    line = Text()
    if now_item is not None:
        line.append("Now: ", style="bold")
        line.append_text(literal(now_item.what))
        line.append(f" (since {house_time(now_item.at, tz, now)})")
    if next_item is not None:
        if line:
            line.append("   ")
        line.append("Next: ", style="bold")
        line.append_text(literal(next_item.what))
        line.append(f" ({house_time(next_item.at, tz, now)})")
        if next_item.note:
            line.append(f"  {next_item.note}")
    return line or Text("No rhythm items set.")
