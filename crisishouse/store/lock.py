"""One lock for the whole house, across processes and threads.

Every read-modify-write of a data file happens while holding it, so two
terminals (or textual-serve's one process per browser tab) never lose each
other's writes.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crisishouse.store.atomic import FILE_MODE


class HouseLock:
    """An exclusive `flock` on a lock file, re-entrant within one thread.

    Other threads of the process wait on a thread lock; other processes wait
    on the `flock`. The file is opened when the outermost `held` begins and
    closed when it ends, so a process holds no descriptor while it waits.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @property
    def is_held(self) -> bool:
        """True while some thread of this process is inside `held`."""
        return self._fd is not None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the house lock for the `with` block (blocks until it is free).

        Raises:
            OSError: the lock file cannot be opened or locked; nothing is held.
        """
        with self._thread_lock:
            self._enter()
            try:
                yield
            finally:
                self._leave()

    def _enter(self) -> None:
        if self._depth == 0:
            self._fd = self._lock_file()
        self._depth += 1

    def _leave(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            fd, self._fd = self._fd, None
            assert fd is not None, "the outermost hold opened it"
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    def _lock_file(self) -> int:
        """Open the lock file and take the `flock`; never leaves the file open on failure."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except BaseException:
            os.close(fd)
            raise
        return fd
