"""Which table holds each kind of record, and which file that table is in.

The data is split so that saving one check-in never rewrites years of
history: the house's people and stays in `core.json`, everything about one
stay in `stays/<stay id>.json`, and staff and house records by month (UTC)
in `months/<YYYY-MM>.json`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pendulum

from crisishouse import models

SCHEMA_VERSION = 1
CORE = "core"


_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def stay_shard(stay_id: str) -> str:
    # Ids become file names: nothing that could leave the folder.
    if not _SAFE_ID.fullmatch(stay_id):
        raise ValueError(f"Not a stay id: {stay_id!r}")
    return f"stays/{stay_id}"


def month_shard(month: str) -> str:
    if not _MONTH.fullmatch(month):
        raise ValueError(f"Not a month (YYYY-MM): {month!r}")
    return f"months/{month}"


def month_of(value: pendulum.Date | pendulum.DateTime) -> str:
    if isinstance(value, pendulum.DateTime):
        value = value.in_timezone("UTC")
    return f"{value.year:04d}-{value.month:02d}"


@dataclass(frozen=True)
class Kind:
    """A kind of record: its class (by name), its table, and how to find its file."""

    class_name: str
    table: str
    placement: str
    """"core", "stay" or "month"."""
    shard_of: Callable[[Any], str]

    @property
    def cls(self) -> type:
        """The record's class, imported when first needed (`crisishouse.models` builds each on demand)."""
        cls: type = getattr(models, self.class_name)
        return cls


def _core(_record: Any) -> str:
    return CORE


def _by_stay(record: Any) -> str:
    return stay_shard(record.stay_id)


def _handover(record: models.HandoverEntry) -> str:
    if record.stay_id:
        return stay_shard(record.stay_id)
    return month_shard(month_of(record.shift_date))


KINDS: tuple[Kind, ...] = (
    Kind("Guest", "guests", "core", _core),
    Kind("Stay", "stays", "core", _core),
    Kind("StaffMember", "staff", "core", _core),
    Kind("RhythmItem", "rhythm", "core", _core),
    Kind("Erasure", "erasures", "core", _core),
    Kind("MonthTally", "month_tallies", "core", _core),
    Kind("CheckIn", "check_ins", "stay", _by_stay),
    Kind("WellbeingRating", "wellbeing", "stay", _by_stay),
    Kind("Intention", "intentions", "stay", _by_stay),
    Kind("AccessEvent", "access_events", "stay", _by_stay),
    Kind("GuestNote", "guest_notes", "stay", _by_stay),
    Kind("Statement", "statements", "stay", _by_stay),
    Kind("TalkRequest", "talk_requests", "stay", _by_stay),
    # Lines about a guest live with the stay; the house part by month.
    Kind("HandoverEntry", "handover", "stay", _handover),
    Kind("Shift", "shifts", "month", lambda r: month_shard(month_of(r.day))),
    Kind(
        "StaffWellbeingCheck",
        "staff_checks",
        "month",
        lambda r: month_shard(month_of(r.at)),
    ),
    Kind(
        "MentalHealthDay",
        "mental_health_days",
        "month",
        lambda r: month_shard(month_of(r.day)),
    ),
    Kind("HardEvent", "hard_events", "month", lambda r: month_shard(month_of(r.day))),
    Kind(
        "Debrief",
        "debriefs",
        "month",
        lambda r: month_shard(month_of(r.owed_since)),
    ),
)
CORE_HEAD: tuple[str, ...] = ("meta", "staff")
"""core.json's tables that opening a house reads (its notes, who may sign in as staff): written first."""
KIND_BY_NAME: dict[str, Kind] = {k.class_name: k for k in KINDS}
KIND_BY_TABLE: dict[str, Kind] = {k.table: k for k in KINDS}
META_TABLE = "meta"


def kind_of(cls: type) -> Kind:
    kind = KIND_BY_NAME.get(getattr(cls, "__name__", ""))
    if kind is None or kind.cls is not cls:
        raise TypeError(f"{getattr(cls, '__name__', cls)!r} is not a record the store keeps")
    return kind


# Migrations from version N to N+1, run in order at open after a backup.
# Each takes the Store and rewrites what changed.
MIGRATIONS: dict[int, Callable[[Any], None]] = {}
