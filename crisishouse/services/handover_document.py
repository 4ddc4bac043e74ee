"""A handover as it will be printed: only agreed lines, in the house's words.

Built by the handover service, laid out by `crisishouse.printing`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pendulum


@dataclass(frozen=True)
class GuestSection:
    """One guest's part of the handover."""

    chosen_name: str
    room: str
    stay_words: str
    """ "day 3 of 7", "leaving today"."""
    intentions: tuple[str, ...]
    """Each intention with its status: "ring my sister (working on it)"."""
    lines: tuple[str, ...]
    """The guest's agreed lines, oldest first. Lines not agreed never get here."""
    ratings: str | None = None
    """The latest ratings, only when the guest chose to share them."""


@dataclass(frozen=True)
class HandoverDocument:
    """Everything one printed handover holds."""

    house_name: str
    shift_name: str
    shift_starts: pendulum.DateTime
    """Local time in the house's zone."""
    shift_ends: pendulum.DateTime
    guests: tuple[GuestSection, ...]
    house_lines: tuple[str, ...]
    """The house part written by staff: tasks and notes."""
    arrivals: tuple[str, ...]
    """Guests who arrived during this shift, in words."""
    leavings: tuple[str, ...]
    """Leavings expected, in words."""
    rhythm_ahead: tuple[tuple[str, str], ...]
    """The next shift's rhythm: ("08:00", "Breakfast")."""
    prepared_by: str

    def texts(self) -> list[tuple[str, str]]:
        """Every piece of people's words in the document, with where it is.

        The last-moment language check reads these.
        """
        found: list[tuple[str, str]] = []
        for guest in self.guests:
            where = f"{guest.chosen_name} ({guest.room})"
            found += [(f"{where}, line {n}", line) for n, line in enumerate(guest.lines, 1)]
            found += [(f"{where}, intention {n}", words) for n, words in enumerate(guest.intentions, 1)]
        found += [(f"house part, line {n}", line) for n, line in enumerate(self.house_lines, 1)]
        found += [(f"rhythm at {time}", what) for time, what in self.rhythm_ahead]
        return found
