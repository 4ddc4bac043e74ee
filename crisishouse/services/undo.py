"""How long a change stays easy to take back: the few minutes after a mistaken key."""

from __future__ import annotations

import pendulum

UNDO_WINDOW = pendulum.duration(minutes=10)
UNDO_WORDS = "10 minutes"


def still_undoable(done_at: pendulum.DateTime | None, now: pendulum.DateTime) -> bool:
    """Done within the undo window (and not in the future, which would be a clock gone wrong)."""
    return done_at is not None and done_at <= now < done_at + UNDO_WINDOW
