"""What is left after a guest's record is erased: that it happened, and counts.

Nothing here names or points to the guest: no id, no name, no dates of
birth, no exact days. A month's counts ("a stay of 6 nights that ended in
March") keep the funder's figures whole after the record itself is gone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pendulum

from crisishouse.models.checks import ValidationError, date_field, line_field, new_id

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclass(frozen=True, kw_only=True)
class MonthCount:
    """One month's share of an erased record, as numbers only."""

    month: str
    """YYYY-MM in the house's time zone."""
    stays_started: int = 0
    stays_ended: int = 0
    bed_nights: int = 0
    ended_lengths: tuple[int, ...] = ()
    """Nights of each stay that ended this month."""
    check_ins: int = 0
    quiet_times: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.month, str) or not _MONTH.fullmatch(self.month):
            raise ValidationError(f"A month is written YYYY-MM; got {self.month!r}.", "month")
        for name in ("stays_started", "stays_ended", "bed_nights", "check_ins", "quiet_times"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValidationError(f"A count cannot be {value!r}.", name)
        if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in self.ended_lengths):
            raise ValidationError("A stay's length is a whole number of nights.", "ended_lengths")


@dataclass(frozen=True, kw_only=True)
class Erasure:
    """A record was handed over and erased, on this day."""

    erased_on: pendulum.Date
    """The house's date of the erasure."""
    handed_over: str
    """How the complete record was given: "printed", "saved as a text file", or that it was declined."""
    counts: tuple[MonthCount, ...] = ()
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        date_field(self, "erased_on", "When it was erased")
        line_field(self, "handed_over", "How the record was handed over")
