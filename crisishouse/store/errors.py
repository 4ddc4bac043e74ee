"""What can go wrong with the house's data, in words a person can act on."""

from __future__ import annotations

from pathlib import Path

from crisishouse.errors import HouseError


class StoreError(HouseError):
    """Base of the store's errors; `str()` is the message to show."""


class StoreDamaged(StoreError):
    """A data file cannot be read. It is never overwritten."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"The data file {path} cannot be read: {reason}.")


class StoreWriteError(StoreError):
    """A save failed; the data saved before it is intact."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.error = error
        why = error.strerror or str(error)
        super().__init__(f"Could not save to {path}: {why}. Nothing was changed; what was saved before is intact.")


class StoreTooNew(StoreError):
    """The data was written by a newer crisishouse than this one."""


class RecordGone(StoreError):
    """The record to change is no longer there (another terminal removed it)."""


class RuleBroken(StoreError):
    """A save refused because it would break a rule that spans records.

    Checked inside the house lock against what is on disk, so two terminals
    cannot both pass the check and then both write.
    """


class RecordErased(RuleBroken):
    """A save about a guest whose record was erased: never written again."""


class NotDamaged(StoreError):
    """A file offered for restoring reads well now: restoring it would throw away what was saved since."""
