"""The funder's counts for a month, kept up to date as stays end.

A stay's share of each month is final once it has ended (no check-in comes
after a leaving), so it is added to its months' tallies in the same write
as the leaving. The month's report then adds only the few stays still going,
instead of reading every stay the house has had. Tallies are derived data:
they can always be worked out again from the stays and erasures kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from crisishouse.models.checks import ValidationError, line_field
from crisishouse.models.erasure import MonthCount


@dataclass(frozen=True, kw_only=True)
class MonthTally:
    """One month's counts from every stay that has ended (erased ones included)."""

    counts: MonthCount
    time_zone: str
    """The zone the house's dates were read in: a tally from another zone is worked out again."""
    id: str
    """The month, YYYY-MM (one tally a month)."""
    debriefs_done: tuple[str, ...] = ()
    """Debriefs had (closed "done") this month, as "<month filed>/<id>": the report reads only those."""

    def __post_init__(self) -> None:
        if not isinstance(self.counts, MonthCount):
            raise ValidationError("A month's tally holds counts.", "counts")
        if self.id != self.counts.month:
            raise ValidationError(f"A month's tally is kept under its month; got {self.id!r}.", "id")
        line_field(self, "time_zone", "The time zone")
        if any(not isinstance(k, str) or k.count("/") != 1 for k in self.debriefs_done):
            raise ValidationError("A debrief is noted as <month>/<id>.", "debriefs_done")
