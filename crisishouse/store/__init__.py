"""The store: the only package that imports TinyDB."""

from crisishouse.store.backups import Backup
from crisishouse.store.errors import (
    NotDamaged,
    RecordErased,
    RecordGone,
    RuleBroken,
    StoreDamaged,
    StoreError,
    StoreTooNew,
    StoreWriteError,
)
from crisishouse.store.recovery import (
    CheckReport,
    check_folder,
    newest_good_backup,
    restore_from_backup,
    set_damaged_aside,
)
from crisishouse.store.schema import month_of
from crisishouse.store.store import AppendOnly, Store, ToErase

__all__ = [
    "AppendOnly",
    "Backup",
    "CheckReport",
    "NotDamaged",
    "RecordErased",
    "RecordGone",
    "RuleBroken",
    "Store",
    "StoreDamaged",
    "StoreError",
    "StoreTooNew",
    "StoreWriteError",
    "ToErase",
    "check_folder",
    "month_of",
    "newest_good_backup",
    "restore_from_backup",
    "set_damaged_aside",
]
