"""Signing in with a name and a PIN, and the terminal's wait after wrong PINs."""

from __future__ import annotations

import pendulum

from crisishouse.clock import Clock
from crisishouse.models import Guest, StaffMember, Stay
from crisishouse.services.errors import SignInRefused
from crisishouse.services.pins import verify_pin
from crisishouse.services.session import Session
from crisishouse.store import Store
from crisishouse.text import name_key

FREE_TRIES = 5
FIRST_WAIT_SECONDS = 30
LONGEST_WAIT_SECONDS = 15 * 60


class SignIn:
    """Checks PINs for this terminal.

    After five wrong PINs in a row the terminal waits before it will check
    another, and the wait doubles with each further wrong PIN.
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.wrong_in_a_row = 0
        self.locked_until: pendulum.DateTime | None = None

    def seconds_to_wait(self) -> int:
        """How long until the terminal will check a PIN again (0: now)."""
        if self.locked_until is None:
            return 0
        left = (self.locked_until - self.clock.now()).total_seconds()
        return max(0, int(left + 0.999))

    def _refuse_while_waiting(self) -> None:
        wait = self.seconds_to_wait()
        if wait:
            raise SignInRefused(
                f"Too many wrong PINs. This terminal will try again in {wait} seconds."
            )

    def _wrong(self) -> SignInRefused:
        self.wrong_in_a_row += 1
        if self.wrong_in_a_row >= FREE_TRIES:
            extra = self.wrong_in_a_row - FREE_TRIES
            wait = min(FIRST_WAIT_SECONDS * 2**extra, LONGEST_WAIT_SECONDS)
            self.locked_until = self.clock.now().add(seconds=wait)
            return SignInRefused(
                f"That name and PIN do not match. After {self.wrong_in_a_row} wrong "
                f"PINs this terminal waits {wait} seconds before the next try."
            )
        left = FREE_TRIES - self.wrong_in_a_row
        return SignInRefused(
            f"That name and PIN do not match. {left} more tries before the terminal waits."
        )

    def _staff_named(self, key: str) -> list[StaffMember]:
        return [s for s in self.store.find(StaffMember) if s.active and name_key(s.name) == key]

    def sign_in(self, name: str, pin: str) -> Session:
        """Sign in staff, the manager, or a guest with their own PIN."""
        self._refuse_while_waiting()
        key = name_key(name)
        if not key or not pin.strip():
            raise SignInRefused("Type your name and your PIN.")
        for member in self._staff_named(key):
            if verify_pin(pin, member.pin_hash):
                return self._success(Session(member.id, member.name, member.role))
        session = self._guest_session(key, pin)
        if session is not None:
            return self._success(session)
        raise self._wrong()

    def _guest_session(self, key: str, pin: str) -> Session | None:
        guests = [
            g for g in self.store.find(Guest) if g.pin_hash and name_key(g.chosen_name) == key
        ]
        for guest in guests:
            if guest.pin_hash and verify_pin(pin, guest.pin_hash):
                stays = sorted(
                    self.store.find(Stay, where={"guest_id": guest.id}),
                    key=lambda s: s.arrived_at,
                )
                stay_id = stays[-1].id if stays else None
                return Session(guest.id, guest.chosen_name, "guest", stay_id)
        return None

    def _success(self, session: Session) -> Session:
        self.wrong_in_a_row = 0
        self.locked_until = None
        return session

    def confirm_staff(self, name: str, pin: str) -> Session:
        """Check a staff or manager PIN (to quit the app); guests are refused."""
        self._refuse_while_waiting()
        key = name_key(name)
        for member in self._staff_named(key):
            if verify_pin(pin, member.pin_hash):
                return self._success(Session(member.id, member.name, member.role))
        raise self._wrong()
