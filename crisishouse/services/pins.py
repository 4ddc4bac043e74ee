"""PINs: stored only as salted scrypt hashes, never in clear.

A name and PIN identify exactly one person (principle 11): a PIN already
used with the same name (by staff or a guest) is refused when it is set,
and checking a PIN does the same work however many people have the name.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from crisishouse.models import Guest, StaffMember
from crisishouse.services.errors import ServiceError
from crisishouse.store import Store
from crisishouse.text import name_key

_N, _R, _P, _LEN = 2**14, 8, 1, 32

CHECKS_PER_ATTEMPT = 2
"""The fewest scrypt runs one sign-in makes, whether the name has no PIN, one or two.

Checks against a stand-in hash make up the number, so how long a wrong PIN
takes tells nothing about who has a PIN. (A name shared by more PIN holders
than this takes one run each: that shows only that three or more people
with a PIN share the name.)
"""

_STAND_IN = f"scrypt${_N}${_R}${_P}${'00' * 16}${'00' * _LEN}"
"""A hash of the same cost as a real one, checked when there is no one to check against."""

PIN_TAKEN = "Choose another PIN: this one cannot be used with this name."
"""Said when a PIN is already used with the same name; it tells nothing about whose it is."""


def is_pin(pin: str) -> bool:
    """Whether `pin` has a PIN's form: 4 to 8 digits (spaces around aside)."""
    pin = pin.strip()
    return pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8


def check_pin_format(pin: str) -> str:
    """A PIN is 4 to 8 digits."""
    if not is_pin(pin):
        raise ServiceError("A PIN is 4 to 8 digits.")
    return pin.strip()


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of the PIN, with its parameters."""
    pin = check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=_LEN)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """True if `pin` matches the stored hash (in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(
            pin.strip().encode(),
            salt=bytes.fromhex(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(bytes.fromhex(digest)),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


def matching(pin: str, hashes: Sequence[str]) -> list[int]:
    """The positions of the hashes `pin` matches.

    Every hash is checked (never stopping at the first match), and stand-in
    checks make up `CHECKS_PER_ATTEMPT`: the work is the same for a name no
    one has, a name one person has, and a name two people share.
    """
    checks = [*hashes, *[_STAND_IN] * (CHECKS_PER_ATTEMPT - len(hashes))]
    # scrypt lets go of the interpreter while it works: the checks run side by side, so
    # a sign-in waits about one check on a machine with two cores, not two.
    with ThreadPoolExecutor(max_workers=CHECKS_PER_ATTEMPT) as checking:
        results = list(checking.map(partial(verify_pin, pin), checks))
    return [i for i in range(len(hashes)) if results[i]]


@dataclass(frozen=True)
class PinHolder:
    """Someone who can sign in: an active staff member, or a guest with a PIN."""

    person_id: str
    name: str
    pin_hash: str
    staff: StaffMember | None = None
    guest: Guest | None = None


def pin_holders(store: Store, name: str) -> list[PinHolder]:
    """Everyone with a PIN whose name matches `name` (case and form aside), staff first."""
    key = name_key(name)
    if not key:
        return []

    def named(text: str) -> bool:
        return name_key(text) == key

    found = [
        PinHolder(m.id, m.name, m.pin_hash, staff=m)
        for m in store.find(StaffMember, text_test=("name", named))
        if m.active
    ]
    # Only guests of this name are rebuilt, not every guest the house has had.
    found += [
        PinHolder(g.id, g.chosen_name, g.pin_hash, guest=g)
        for g in store.find(Guest, text_test=("chosen_name", named))
        if g.pin_hash
    ]
    return found


PinsChecked = dict[tuple[str, str], bool]
"""(person id, their PIN hash) -> whether a new PIN matched it."""


def check_new_pin(store: Store, name: str, pin: str, *, not_for: str | None = None) -> PinsChecked:
    """Before a step: check a new PIN against everyone else with the name (slow).

    Raises ServiceError if someone else with the name has the PIN already.
    Returns what was checked, for `refuse_taken_pin` to check again cheaply
    under the house lock.
    """
    checked: PinsChecked = {}
    for holder in pin_holders(store, name):
        if holder.person_id != not_for:
            checked[(holder.person_id, holder.pin_hash)] = verify_pin(pin, holder.pin_hash)
    if any(checked.values()):
        raise ServiceError(PIN_TAKEN)
    return checked


def refuse_taken_pin(store: Store, name: str, pin: str, checked: PinsChecked, *, not_for: str | None = None) -> None:
    """Under the house lock: refuse the PIN if anyone else with the name has it now.

    Only people added, or PINs changed, since `check_new_pin` are checked
    again, so the lock is held for a PIN check only when another terminal
    changed something in between.
    """
    for holder in pin_holders(store, name):
        if holder.person_id == not_for:
            continue
        known = checked.get((holder.person_id, holder.pin_hash))
        if known or (known is None and verify_pin(pin, holder.pin_hash)):
            raise ServiceError(PIN_TAKEN)


def others_named(store: Store, name: str, *, not_for: str | None = None) -> list[PinHolder]:
    """Everyone else with a PIN and this name."""
    return [h for h in pin_holders(store, name) if h.person_id != not_for]
