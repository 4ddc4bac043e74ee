"""Times, records and files built the same way across the test files: one meaning to each name.

Fixtures (a house, signed-in people) are in conftest.py; sessions without a
PIN are in sessions.py.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pendulum

from crisishouse.models import CheckIn, Guest, HandoverEntry, Stay
from crisishouse.models.check_in import CheckInOutcome
from crisishouse.services import House, Session

TZ = "Pacific/Auckland"
"""The demo house's zone, and the zone of every house the tests build unless they say otherwise."""
NOW = pendulum.datetime(2026, 11, 24, 10, 30, tz=TZ)
"""Tuesday 24 November 2026, 10:30 in Auckland: mid-morning, after breakfast (the `clock` fixture's time)."""
TODAY = NOW.date()
SPRING_FORWARD = pendulum.date(2026, 9, 27)
"""Auckland's clocks go forward: 02:00 NZST -> 03:00 NZDT."""
FALL_BACK = pendulum.date(2026, 4, 5)
"""Auckland's clocks go back: 03:00 NZDT -> 02:00 NZST."""
T0 = pendulum.datetime(2025, 3, 1, 9, 30, tz="UTC")
"""When the store tests' records were made (a plain UTC day, far from the demo's)."""


# -- times ---------------------------------------------------------------------------------


def at(day: pendulum.Date, hour: int, minute: int = 0, tz: str = TZ) -> pendulum.DateTime:
    """A wall-clock time on `day` in the house's zone."""
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz)


# -- records for the store tests, made at T0 and never through the services ---------------


def guest(name: str, gid: str | None = None) -> Guest:
    """A guest whose id is `gid`, or her name in lower case."""
    return Guest(id=gid or name.lower(), chosen_name=name, created_at=T0)


def stay(sid: str, guest_id: str = "aroha", left_at: pendulum.DateTime | None = None) -> Stay:
    """A week's stay in room 1, from T0."""
    return Stay(
        id=sid,
        guest_id=guest_id,
        room="1",
        arrived_at=T0,
        planned_leaving=T0.add(days=7).date(),
        left_at=left_at,
    )


def check_in(
    cid: str | None = None,
    stay_id: str = "stay-1",
    guest_id: str = "guest-1",
    *,
    note: str = "",
    outcome: CheckInOutcome = "checked_in",
    at: pendulum.DateTime = T0,
) -> CheckIn:
    """A check-in by staff-1 (with a new id unless `cid` is given)."""
    ids: dict[str, Any] = {} if cid is None else {"id": cid}
    return CheckIn(guest_id=guest_id, stay_id=stay_id, at=at, outcome=outcome, recorded_by="staff-1", note=note, **ids)


def a_stay(arrived_at: pendulum.DateTime, sid: str | None = None, guest_id: str = "guest-1", **more: Any) -> Stay:
    """A stay in Rimu planned to the end of 2026, not saved (the check-in timing tests' stay)."""
    if sid is not None:
        more["id"] = sid
    return Stay(
        guest_id=guest_id, room="Rimu", arrived_at=arrived_at, planned_leaving=pendulum.date(2026, 12, 31), **more
    )


# -- records made through the services -------------------------------------------------------


def agreed_line(house: House, staff: Session, guest_id: str, text: str) -> HandoverEntry:
    """A handover line about a guest for this shift, read back to the guest and agreed."""
    return house.handover.agree(staff, house.handover.add_line(staff, guest_id, text), read_back=True)


# -- files -----------------------------------------------------------------------------------


def raw(path: Path) -> dict[str, Any]:
    """A data file as JSON, read past the store."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def mode_of(path: Path) -> int:
    """The permission bits of `path`."""
    return stat.S_IMODE(os.stat(path).st_mode)


def replace_with(path: Path, payload: bytes) -> None:
    """Damage a file the way a tool that writes a new file would (a new inode)."""
    scratch = path.with_name("damage-scratch")
    scratch.write_bytes(payload)
    os.replace(scratch, path)


def flat(text: str) -> str:
    """Text with every run of whitespace made one space (a page wraps at 80 columns)."""
    return " ".join(text.split())
