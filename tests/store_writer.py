"""Write records one by one into a data folder; run as a child process by the store tests.

Usage: python tests/store_writer.py DATA_DIR STAY_ID PREFIX COUNT [KIND]

Writes COUNT records with `Store.put`, one at a time. KIND is "checkin"
(the default: CheckIns in stay STAY_ID) or "guest" (Guests, in core.json).
Record ids are PREFIX-000000, PREFIX-000001, ... Each id is printed to
stdout, and stdout flushed, only AFTER its `put` has returned, so a parent
that kills this process knows exactly which writes had been acknowledged.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pendulum

from crisishouse.models import CheckIn, Guest
from crisishouse.store import Store


def record_for(kind: str, stay_id: str, record_id: str, index: int, at: pendulum.DateTime):
    if kind == "guest":
        return Guest(id=record_id, chosen_name=f"Guest {index}", created_at=at)
    if kind == "checkin":
        return CheckIn(
            id=record_id,
            guest_id=f"guest-{stay_id}",
            stay_id=stay_id,
            at=at,
            outcome="checked_in",
            recorded_by="staff-writer",
            note=f"check-in {index} by {record_id}",
        )
    raise SystemExit(f"unknown kind {kind!r}")


def main(argv: list[str]) -> int:
    if len(argv) not in (5, 6):
        print(__doc__, file=sys.stderr)
        return 2
    data_dir, stay_id, prefix, count = Path(argv[1]), argv[2], argv[3], int(argv[4])
    kind = argv[5] if len(argv) == 6 else "checkin"
    store = Store.open(data_dir)
    at = pendulum.now("UTC")
    out = sys.stdout
    for index in range(count):
        record_id = f"{prefix}-{index:06d}"
        store.put(record_for(kind, stay_id, record_id, index, at))
        # Only now is the write acknowledged.
        out.write(record_id + "\n")
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
