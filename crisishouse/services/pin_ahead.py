"""A PIN checked while it is typed, so Enter need not wait for the slow check.

The check is deliberately slow (scrypt, see `pins`), and the board after a
sign-in should open as fast as any screen. Once a name and a PIN that could
be whole (4 to 8 digits) are typed, the lock screen has the same check done
in the background; Enter then takes its answer instead of starting again.

Checking ahead decides nothing. It counts no wrong PIN and clears no count,
it is not done while sign-in waits, and its answer is only ever taken by a
sign-in, which first refuses during a wait as always, and then only for the
same name and PIN and the same people with the same PIN hashes on disk at
Enter. The answer is taken once, and forgotten when the typing changes,
when the lock screen clears, or after `KEPT_SECONDS`. The PIN itself is not
kept: only a keyed one-way mark of it, to know the one typed at Enter.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass

import pendulum

from crisishouse.clock import Clock
from crisishouse.text import name_key

Holders = tuple[tuple[str, str], ...]
"""(person id, PIN hash) of everyone with a PIN and the name, in `pin_holders`' order."""

KEPT_SECONDS = 60
"""An answer not taken by a sign-in within this long is forgotten."""

_KEY = secrets.token_bytes(32)
"""This process's own key for marks of PINs: a mark means nothing outside it."""


def _mark(name: str, pin: str) -> tuple[str, bytes]:
    return name_key(name), hmac.new(_KEY, pin.strip().encode(), hashlib.sha256).digest()


@dataclass(frozen=True)
class _Ahead:
    typed: tuple[str, bytes]
    """The name's key and a mark of the PIN."""
    holders: Holders
    """Who was checked and their PIN hashes, in the order the answer's positions refer to."""
    answer: Future[list[int]]
    at: pendulum.DateTime


class CheckedAhead:
    """At most one PIN check made ahead of Enter, for this terminal."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._ahead: _Ahead | None = None

    def _fresh(self, ahead: _Ahead) -> bool:
        return (self.clock.now() - ahead.at).total_seconds() <= KEPT_SECONDS

    def check(self, name: str, pin: str, holders: Holders, matching: Callable[[], list[int]]) -> None:
        """Check now (in this thread) what `matching` answers for this name, PIN and holders, for Enter to take."""
        typed = _mark(name, pin)
        ahead = _Ahead(typed, holders, Future(), self.clock.now())
        with self._lock:
            current = self._ahead
            if current is not None and current.typed == typed and current.holders == holders and self._fresh(current):
                return  # already checked, or being checked
            self._ahead = ahead
        try:
            ahead.answer.set_result(matching())
        except BaseException as failed:
            ahead.answer.set_exception(failed)
            with self._lock:
                if self._ahead is ahead:
                    self._ahead = None

    def take(self, name: str, pin: str, holders: Holders) -> list[int] | None:
        """The positions matched, if this very name, PIN and holders were checked ahead; None if not.

        Waits for a check still running. Whatever it finds, nothing is kept for a later sign-in.
        """
        with self._lock:
            ahead, self._ahead = self._ahead, None
        if ahead is None or ahead.typed != _mark(name, pin) or ahead.holders != holders or not self._fresh(ahead):
            return None
        try:
            return list(ahead.answer.result())
        except Exception:
            return None  # checked again at Enter, where a failure is said

    def forget(self) -> None:
        """Drop any answer: the typing changed, or the lock screen cleared."""
        with self._lock:
            self._ahead = None
