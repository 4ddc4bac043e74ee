"""First run on a new data folder: the house's name and its manager."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from crisishouse.models import StaffMember
from crisishouse.services.errors import ServiceError
from crisishouse.services.pins import (
    check_new_pin,
    check_pin_format,
    hash_pin,
    refuse_taken_pin,
)
from crisishouse.settings import Settings, save_settings
from crisishouse.store import Store
from crisishouse.text import clean_line


def is_set_up(store: Store) -> bool:
    """True once the house has a manager."""
    return any(s.role == "manager" for s in store.find(StaffMember))


def set_up_house(
    store: Store, data_dir: Path, settings: Settings, house_name: str, manager_name: str, pin: str, pin_again: str
) -> tuple[Settings, StaffMember]:
    """Name the house and make its manager. Refused once the house is set up."""
    if is_set_up(store):
        raise ServiceError("This house is already set up.")
    house_name = clean_line(house_name)
    if not house_name:
        raise ServiceError("Give the house a name.")
    if len(house_name) > 80:
        raise ServiceError("A house name can be at most 80 characters.")
    check_pin_format(pin)
    if pin.strip() != pin_again.strip():
        raise ServiceError("The two PINs are not the same.")
    manager = StaffMember(name=manager_name, role="manager", pin_hash=hash_pin(pin))
    # A name and PIN are one person's, staff or guest (a new house has no one else, but data may).
    checked = check_new_pin(store, manager.name, pin)
    new_settings = replace(settings, house_name=house_name)
    with store.transaction():
        # Asked again under the lock: two terminals setting up one new house make one manager.
        if is_set_up(store):
            raise ServiceError("This house is already set up.")
        refuse_taken_pin(store, manager.name, pin, checked, not_for=manager.id)
        save_settings(data_dir, new_settings)
        store.put(manager)
    return new_settings, manager
