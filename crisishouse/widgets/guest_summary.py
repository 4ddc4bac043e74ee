"""The lines at the top of a guest's record: who, which room, day n of m, and what they asked."""

from __future__ import annotations

import pendulum
from rich.text import Text
from textual.widgets import Static

from crisishouse.models import ENTRY_KINDS
from crisishouse.services.guest_record import GuestRecord
from crisishouse.widgets.formatting import house_time
from crisishouse.widgets.literal import literal


class GuestSummary(Static):
    """The guest by their chosen name, their stay, and any talk they are waiting for."""

    def show(self, record: GuestRecord, tz: str, now: pendulum.DateTime, *, greet: bool) -> None:
        """Show the summary; `greet` says "Kia ora" first, for the guest in their own session."""
        text = Text("Kia ora ", style="bold") if greet else Text()
        text.append_text(literal(record.guest.chosen_name, style="bold"))
        if record.guest.pronouns:
            text.append(" (")
            text.append_text(literal(record.guest.pronouns))
            text.append(")")
        if record.stay is not None:
            text.append("  ·  ")
            text.append_text(literal(record.stay.room))
            text.append(f"  ·  {record.stay_words}")
            if record.stay.is_staying:
                text.append(f"  ·  planned to leave {record.stay.planned_leaving.format('ddd D MMM')}")
            if record.stay.nights_out and record.stay.nights_out[-1] >= now.in_timezone(tz).date():
                text.append("  ·  out overnight tonight")
        if record.longest_note:
            text.append("\n")
            text.append_text(literal(record.longest_note, style="italic"))
        if record.earlier_stays:
            text.append("\nStayed before: ")
            text.append_text(literal("; ".join(record.earlier_stays)))
        if record.guest.support_person:
            text.append("\nSupport person: ")
            text.append_text(literal(record.guest.support_person))
        waiting = [r for r in record.talk_requests if r.is_open]
        if waiting:
            text.append("\nWould like to talk about: ", style="bold")
            text.append(", ".join(f"{ENTRY_KINDS[r.about_kind]} ({house_time(r.asked_at, tz, now)})" for r in waiting))
        self.update(text)
