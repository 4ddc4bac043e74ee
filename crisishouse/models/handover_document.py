"""A handover as it will be printed: only agreed lines, in the house's words.

Plain data: built by the handover service
(`crisishouse.services.handover_document`), laid out by
`crisishouse.page_layout`. It is also kept beside each saved printout (as
JSON), so that a copy can be cleaned of one guest's lines when that
guest's record is erased.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

import pendulum


@dataclass(frozen=True)
class GuestSection:
    """One guest's part of the handover."""

    chosen_name: str
    room: str
    stay_words: str
    """ "day 3 of 7", "leaving today" (`Stay.day_words`)."""
    intentions: tuple[str, ...]
    """Each intention with its status: "ring my sister (working on it)"."""
    lines: tuple[str, ...]
    """The guest's agreed lines, oldest first. Lines not agreed never get here."""
    ratings: str | None = None
    """The latest ratings, only when the guest chose to share them."""
    guest_id: str = ""
    line_statements: tuple[str, ...] = ()
    """The guest's own statement on each line ("" for none), in the order of `lines`."""
    intention_statements: tuple[str, ...] = ()
    """The guest's own statement on each intention ("" for none)."""

    def statement_on_line(self, n: int) -> str:
        return self.line_statements[n] if n < len(self.line_statements) else ""

    def statement_on_intention(self, n: int) -> str:
        return self.intention_statements[n] if n < len(self.intention_statements) else ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GuestSection:
        # JSON gives lists where the section keeps tuples.
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
        return cls(**fields)


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
    arrival_guests: tuple[str, ...] = ()
    """The guest id of each arrival, in the order of `arrivals`."""
    leaving_guests: tuple[str, ...] = ()
    """The guest id of each leaving, in the order of `leavings`."""
    cleaned: tuple[str, ...] = ()
    """Notes that this copy was cleaned of an erased guest's lines."""

    def texts(self) -> list[tuple[str, str]]:
        """Every piece of people's words in the document, with where it is.

        The last-moment language check reads these.
        """
        found: list[tuple[str, str]] = []
        for guest in self.guests:
            where = f"{guest.chosen_name} ({guest.room})"
            for n, line in enumerate(guest.lines):
                found.append((f"{where}, line {n + 1}", line))
                if guest.statement_on_line(n):
                    found.append((f"{where}, their statement on line {n + 1}", guest.statement_on_line(n)))
            for n, words in enumerate(guest.intentions):
                found.append((f"{where}, intention {n + 1}", words))
                if guest.statement_on_intention(n):
                    found.append((f"{where}, their statement on intention {n + 1}", guest.statement_on_intention(n)))
            if guest.ratings:
                found.append((f"{where}, shared ratings", guest.ratings))
        found += [(f"house part, line {n}", line) for n, line in enumerate(self.house_lines, 1)]
        found += [(f"rhythm at {time}", what) for time, what in self.rhythm_ahead]
        return found

    @property
    def guest_ids(self) -> list[str]:
        """Every guest this document names."""
        ids = [g.guest_id for g in self.guests] + list(self.arrival_guests) + list(self.leaving_guests)
        return sorted({i for i in ids if i})

    def without_guest(self, guest_id: str, note: str) -> HandoverDocument:
        """This document with nothing of one guest left in it, and a note saying so."""
        arrivals = [(g, a) for g, a in zip(self.arrival_guests, self.arrivals, strict=False) if g != guest_id]
        leavings = [(g, w) for g, w in zip(self.leaving_guests, self.leavings, strict=False) if g != guest_id]
        return replace(
            self,
            guests=tuple(g for g in self.guests if g.guest_id != guest_id),
            arrivals=tuple(a for _, a in arrivals),
            arrival_guests=tuple(g for g, _ in arrivals),
            leavings=tuple(w for _, w in leavings),
            leaving_guests=tuple(g for g, _ in leavings),
            cleaned=(*self.cleaned, note),
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["shift_starts"] = self.shift_starts.isoformat()
        data["shift_ends"] = self.shift_ends.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HandoverDocument:
        fields = dict(data)
        fields["shift_starts"] = pendulum.parse(data["shift_starts"])
        fields["shift_ends"] = pendulum.parse(data["shift_ends"])
        fields["guests"] = tuple(GuestSection.from_dict(g) for g in data["guests"])
        for name in ("house_lines", "arrivals", "leavings", "arrival_guests", "leaving_guests", "cleaned"):
            fields[name] = tuple(data.get(name, ()))
        fields["rhythm_ahead"] = tuple(tuple(r) for r in data.get("rhythm_ahead", ()))
        return cls(**fields)
