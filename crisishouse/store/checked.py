"""Which bytes of a data file were last checked, remembered across terminals.

Opening a house checks every record of core.json: on ten years, about 6,000
records and a tenth of a second before the lock screen. Bytes that this same
code checked before need not be checked again, so a stamp beside the file
holds a digest of the last bytes that passed, and of the checking code's own
source. Any other bytes are checked in full: a damaged file, one put back from
a backup or edited by hand, one written by another version of crisishouse.
A stamp that is lost, stale or garbled costs one full check and nothing else.

A stamp may also say that the file's first tables, read from the front of
the file alone, are exactly what the whole file holds of them (see `head`):
opening the house then reads only those.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from pathlib import Path

import pendulum

from crisishouse.store.atomic import FILE_MODE, temp_path_for

_DIGEST_SIZE = 32
_HEAD_MARK = b" head"


@functools.cache
def _code_digest() -> bytes | None:
    """A digest of the code that checks records (None: its source cannot be read, so never trust a stamp).

    Records are checked by the models, the store's conversions and the
    package's own helpers (text, house time), so every module at the top of
    the package and in `models/` and `store/` counts; so do the Python and
    pendulum that parse dates.
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.blake2b(digest_size=_DIGEST_SIZE)
    digest.update(sys.version.encode())
    try:
        dates = os.stat(pendulum.__file__)
        digest.update(f"{pendulum.__file__}:{dates.st_size}:{dates.st_mtime_ns}".encode())
        for folder in (package, package / "models", package / "store"):
            for source in sorted(folder.glob("*.py")):
                digest.update(source.name.encode())
                digest.update(source.read_bytes())
    except OSError:
        return None
    return digest.digest()


class CheckedStamp:
    """The stamp of one data file: `.<name>.checked` beside it (not a data file: backups leave it)."""

    def __init__(self, data_file: Path) -> None:
        self.path = data_file.with_name(f".{data_file.name}.checked")

    @staticmethod
    def digest(raw: bytes) -> str | None:
        """What the stamp holds for these bytes (None: no stamp can vouch for them)."""
        code = _code_digest()
        if code is None:
            return None
        return hashlib.blake2b(raw, digest_size=_DIGEST_SIZE, key=code).hexdigest()

    def vouches_for(self, digest: str | None, *, head: bool = False) -> bool:
        """True if the bytes of `digest` are the last ones checked and found good.

        With `head`, only if the stamp also vouches for the file's head.
        """
        if digest is None:
            return False
        try:
            # Without waiting: a pipe put where the stamp was must not hang the house.
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            return False
        try:
            held = os.read(fd, 2 * _DIGEST_SIZE + len(_HEAD_MARK) + 1)
        except OSError:
            return False
        finally:
            os.close(fd)
        if head:
            return held == digest.encode() + _HEAD_MARK
        return held in (digest.encode(), digest.encode() + _HEAD_MARK)

    def record(self, digest: str | None, *, head: bool = False) -> None:
        """Stamp the bytes of `digest` as checked (with `head`: their head too).

        Replaced whole, never written in place, so a reader sees one stamp or
        the other. Not made durable: a stamp lost in a power cut costs a check.
        A folder that refuses the write leaves no stamp, which is no harm.
        """
        if digest is None:
            return
        temp = temp_path_for(self.path)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
            try:
                os.write(fd, digest.encode() + (_HEAD_MARK if head else b""))
            finally:
                os.close(fd)
            os.replace(temp, self.path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temp)
