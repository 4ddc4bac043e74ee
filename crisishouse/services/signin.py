"""Signing in with a name and a PIN, and the wait after wrong PINs.

Wrong PINs are counted per name, in the house's data: every terminal sees
the same count, and a restart does not clear it (principle 11). A guest's
wrong PINs for their own name never make staff wait; a terminal trying many
names is slowed by a short wait for the whole house.

Nothing typed is kept: a name is kept only as a one-way mark of its name
key, the PIN not at all, and a name's count is forgotten a day after its
last wrong PIN (or at once, when that name signs in).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any, Literal

import pendulum

from crisishouse.clock import Clock
from crisishouse.models import Stay
from crisishouse.services.errors import SignInRefused
from crisishouse.services.pin_ahead import CheckedAhead
from crisishouse.services.pins import PinHolder, is_pin, matching, pin_holders
from crisishouse.services.session import Session
from crisishouse.store import Store
from crisishouse.text import name_key, plural

FREE_TRIES = 5
FIRST_WAIT_SECONDS = 30
LONGEST_WAIT_SECONDS = 15 * 60
FORGET_AFTER_HOURS = 24
"""A name's wrong PINs are forgotten this long after the last one."""

HOUSE_WINDOW_SECONDS = 10 * 60
HOUSE_WRONG_LIMIT = 20
"""This many wrong PINs on the house's terminals within the window, whatever the names ..."""
HOUSE_WAIT_SECONDS = 60
"""... and sign-in waits this long for everyone after each further one."""

META_KEY = "sign_in_waits"
"""Where the counts are kept in the house's data (core.json's meta)."""

WaitScope = Literal["name", "house"]

DO_NOT_MATCH = "That name and PIN do not match."
MORE_THAN_ONE = (
    "This name and PIN belong to more than one person here, so sign-in cannot tell who you are. "
    "Please ask the house manager to give one of you a new PIN."
)


def wait_words(seconds: int) -> str:
    """ "30 seconds", "2 minutes", "14 minutes 5 seconds"."""
    if seconds < 120:
        return plural(seconds, "second")
    minutes, rest = divmod(seconds, 60)
    return plural(minutes, "minute") + (f" {plural(rest, 'second')}" if rest else "")


@dataclass(frozen=True)
class Wait:
    """Sign-in waits until `until` for one name, or for the whole house."""

    until: pendulum.DateTime
    scope: WaitScope

    def seconds_left(self, now: pendulum.DateTime) -> int:
        return max(0, math.ceil((self.until - now).total_seconds()))

    def words(self, now: pendulum.DateTime) -> str:
        """What the lock screen says while the wait lasts (and once it is over)."""
        left = self.seconds_left(now)
        if not left:
            return "You can try again now."
        if self.scope == "house":
            return f"Many wrong PINs on this house's terminals just now: try again in {wait_words(left)}."
        return f"Too many wrong PINs for this name: try again in {wait_words(left)}."


class SignInWait(SignInRefused):
    """Refused because sign-in waits; `wait` says until when, so a screen can count it down."""

    def __init__(self, message: str, wait: Wait) -> None:
        super().__init__(message)
        self.wait = wait


def name_marks(name: str) -> dict[str, dict[str, list[str]]]:
    """What the sign-in counts keep about a name: dropped when that guest's record is erased."""
    key = name_key(name)
    return {META_KEY: {field: [_mark(field, key)] for field in ("names", "new_pins")}}


def _mark(field: str, key: str) -> str:
    """A one-way mark of a name key: the data never holds the names people typed."""
    return hashlib.sha256(f"crisishouse-{field}:{key}".encode()).hexdigest()[:32]


def _instant(value: Any) -> pendulum.DateTime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = pendulum.parse(value)
    except (ValueError, TypeError):
        return None
    return parsed if isinstance(parsed, pendulum.DateTime) else None


class Lockout:
    """Tries counted per name in the house's data, with a growing wait.

    Five free tries; then 30 seconds, doubling with each further one, to 15
    minutes. Every change is read, checked and written under the house lock,
    so two terminals counting at once lose neither count.
    """

    def __init__(self, store: Store, clock: Clock, field: str = "names", *, house_wide: bool = True) -> None:
        self.store = store
        self.clock = clock
        self.field = field
        """Which count this is: wrong PINs at sign-in ("names"), or PINs tried for a new guest."""
        self.house_wide = house_wide

    def _state(self) -> dict[str, Any]:
        return self.store.get_meta(META_KEY) or {}

    def _entry(self, state: dict[str, Any], key: str, now: pendulum.DateTime) -> dict[str, Any]:
        """This name's count, or an empty one if there is none or it is forgotten."""
        entry = (state.get(self.field) or {}).get(_mark(self.field, key))
        if not isinstance(entry, dict):
            return {}
        last = _instant(entry.get("last"))
        if last is None or now - last > pendulum.duration(hours=FORGET_AFTER_HOURS):
            return {}
        return entry

    def tries(self, name: str) -> int:
        """Tries counted for this name (0 once it has signed in)."""
        key = name_key(name)
        if not key:
            return 0
        count = self._entry(self._state(), key, self.clock.now()).get("wrong", 0)
        return count if isinstance(count, int) else 0

    def wait(self, name: str | None = None) -> Wait | None:
        """The wait now in force for this name (or the whole house), if any."""
        now = self.clock.now()
        state = self._state()
        waits = []
        if self.house_wide:
            house_until = _instant(state.get("house_until"))
            if house_until is not None and house_until > now:
                waits.append(Wait(house_until, "house"))
        key = name_key(name) if name else ""
        if key:
            until = _instant(self._entry(state, key, now).get("until"))
            if until is not None and until > now:
                waits.append(Wait(until, "name"))
        return max(waits, key=lambda w: w.until, default=None)

    def count(self, name: str) -> tuple[int, Wait | None]:
        """Count one more try for this name: how many now, and the wait it starts (if any)."""
        key = name_key(name)
        with self.store.transaction():
            now = self.clock.now()
            state = self._state()
            entries = self._kept(state, now)
            entry = self._entry(state, key, now)
            so_far = entry.get("wrong")
            wrong = (so_far if isinstance(so_far, int) else 0) + 1
            wait = None
            until = None
            if wrong >= FREE_TRIES:
                seconds = min(FIRST_WAIT_SECONDS * 2 ** min(wrong - FREE_TRIES, 16), LONGEST_WAIT_SECONDS)
                until = now.add(seconds=seconds)
                wait = Wait(until, "name")
            entries[_mark(self.field, key)] = {
                "wrong": wrong,
                "last": now.to_iso8601_string(),
                "until": until.to_iso8601_string() if until else None,
            }
            changed: dict[str, Any] = {self.field: entries}
            if self.house_wide:
                window_start = now.subtract(seconds=HOUSE_WINDOW_SECONDS)
                recent = [t for t in state.get("recent") or [] if (i := _instant(t)) is not None and i > window_start]
                recent = [*recent, now.to_iso8601_string()][-HOUSE_WRONG_LIMIT:]
                changed["recent"] = recent
                if len(recent) >= HOUSE_WRONG_LIMIT:
                    house_until = now.add(seconds=HOUSE_WAIT_SECONDS)
                    changed["house_until"] = house_until.to_iso8601_string()
                    if wait is None or house_until > wait.until:
                        wait = Wait(house_until, "house")
            self.store.set_meta(META_KEY, changed)
        return wrong, wait

    def clear(self, name: str) -> None:
        """This name signed in: its count starts again (written only if there is one)."""
        key = name_key(name)
        mark = _mark(self.field, key)
        if mark not in (self._state().get(self.field) or {}):
            return
        with self.store.transaction():
            now = self.clock.now()
            entries = self._kept(self._state(), now)
            entries.pop(mark, None)
            self.store.set_meta(META_KEY, {self.field: entries})

    def _kept(self, state: dict[str, Any], now: pendulum.DateTime) -> dict[str, Any]:
        """The counts still remembered (older ones are dropped as the data is written)."""
        kept = {}
        for mark, entry in (state.get(self.field) or {}).items():
            last = _instant(entry.get("last")) if isinstance(entry, dict) else None
            if last is not None and now - last <= pendulum.duration(hours=FORGET_AFTER_HOURS):
                kept[mark] = entry
        return kept


def _who(holders: list[PinHolder]) -> tuple[tuple[str, str], ...]:
    return tuple((h.person_id, h.pin_hash) for h in holders)


class SignIn:
    """Checks names and PINs for this terminal, counting wrong PINs in the house's data."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.lockout = Lockout(store, clock)
        self.ahead = CheckedAhead(clock)
        """A PIN checked while it was typed (see `check_ahead`)."""
        self._last_name = ""

    @property
    def wrong_in_a_row(self) -> int:
        """Wrong PINs counted for the name last typed here."""
        return self.lockout.tries(self._last_name)

    def seconds_to_wait(self, name: str | None = None) -> int:
        """How long until sign-in will check a PIN for `name` (0: now); no name: the whole house's wait."""
        wait = self.lockout.wait(name)
        return wait.seconds_left(self.clock.now()) if wait else 0

    def _refuse_while_waiting(self, name: str) -> None:
        wait = self.lockout.wait(name)
        if wait is not None:
            raise SignInWait(wait.words(self.clock.now()), wait)

    def _wrong(self, name: str) -> SignInRefused:
        wrong, wait = self.lockout.count(name)
        now = self.clock.now()
        if wait is not None and wait.scope == "house":
            return SignInWait(
                f"{DO_NOT_MATCH} There have been many wrong PINs on this house's terminals just now, "
                f"so sign-in waits {wait_words(wait.seconds_left(now))} before the next try.",
                wait,
            )
        if wait is not None:
            return SignInWait(
                f"{DO_NOT_MATCH} After {wrong} wrong PINs for this name, sign-in waits "
                f"{wait_words(wait.seconds_left(now))} before the next try.",
                wait,
            )
        left = FREE_TRIES - wrong
        return SignInRefused(f"{DO_NOT_MATCH} {left} more {'try' if left == 1 else 'tries'} before sign-in waits.")

    def worth_checking_ahead(self, name: str, pin: str) -> bool:
        """Whether a name and PIN as typed so far could be whole; if not, any answer checked ahead is forgotten."""
        if name_key(name) and is_pin(pin):
            return True
        self.ahead.forget()
        return False

    def check_ahead(self, name: str, pin: str) -> None:
        """While a PIN is typed, before Enter: do its slow check now, for a sign-in to take (see `pin_ahead`).

        Nothing is decided or counted here; a PIN that cannot be whole, or a name that must wait, is not checked.
        """
        if not self.worth_checking_ahead(name, pin) or self.lockout.wait(name) is not None:
            self.ahead.forget()
            return
        holders = pin_holders(self.store, name)
        self.ahead.check(name, pin, _who(holders), lambda: matching(pin, [h.pin_hash for h in holders]))

    def _check(self, name: str, pin: str) -> list[PinHolder]:
        """Everyone this name and PIN fit, after the same work whoever has a PIN."""
        self._last_name = name
        try:
            if not name_key(name) or not pin.strip():
                raise SignInRefused("Type your name and your PIN.")
            self._refuse_while_waiting(name)
        except SignInRefused:
            self.ahead.forget()  # nothing checked ahead outlives a sign-in that goes no further
            raise
        holders = pin_holders(self.store, name)
        found = self.ahead.take(name, pin, _who(holders))
        if found is None:
            found = matching(pin, [h.pin_hash for h in holders])
        return [holders[i] for i in found]

    def sign_in(self, name: str, pin: str) -> Session:
        """Sign in staff, the manager, or a guest with their own PIN."""
        found = self._check(name, pin)
        if not found:
            raise self._wrong(name)
        if len(found) > 1:
            # Data from before a name and PIN had to be one person's: open neither.
            raise SignInRefused(MORE_THAN_ONE)
        self.lockout.clear(name)
        return self._session(found[0])

    def confirm_staff(self, name: str, pin: str) -> Session:
        """Check a staff or manager PIN (to quit the app, or sign on a shift); guests are refused."""
        found = self._check(name, pin)
        if len(found) > 1:
            raise SignInRefused(MORE_THAN_ONE)
        if not found or found[0].staff is None:
            # A guest's own name and PIN are answered like a wrong PIN here: no staff member has them.
            raise self._wrong(name)
        self.lockout.clear(name)
        return self._session(found[0])

    def _session(self, holder: PinHolder) -> Session:
        if holder.staff is not None:
            return Session(holder.staff.id, holder.staff.name, holder.staff.role)
        assert holder.guest is not None
        guest = holder.guest
        stays = sorted(self.store.find(Stay, where={"guest_id": guest.id}), key=lambda s: s.arrived_at)
        return Session(guest.id, guest.chosen_name, "guest", stays[-1].id if stays else None)
