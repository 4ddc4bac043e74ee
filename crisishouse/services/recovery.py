"""When the house's data cannot be opened: find a good backup, restore it, or set the file aside.

There is no House yet at this point, so these work on the data folder.
"""

from crisishouse.store import newest_good_backup, restore_from_backup, set_damaged_aside

__all__ = ["newest_good_backup", "restore_from_backup", "set_damaged_aside"]
