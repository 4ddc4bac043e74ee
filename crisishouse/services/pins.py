"""PINs: stored only as salted scrypt hashes, never in clear."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from crisishouse.services.errors import ServiceError

_N, _R, _P, _LEN = 2**14, 8, 1, 32


def check_pin_format(pin: str) -> str:
    """A PIN is 4 to 8 digits."""
    pin = pin.strip()
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise ServiceError("A PIN is 4 to 8 digits.")
    return pin


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
