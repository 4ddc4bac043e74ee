"""Ending the app when its terminal is gone.

A terminal window closed, or a tmux server killed, hangs up the app's
terminal, but the hang-up signal does not always reach the app (run by
`make`, it goes to make). Textual's writer then dies on the dead terminal,
the screen thread waits on it for ever and the input thread spins: a
process that holds a core and never ends. A thread of our own notices the
terminal is gone and ends the process. Every save is atomic and durable
(as a kill is), so nothing written is lost.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

HUNG_UP = 129
"""The exit status of a process ended by a hang-up (128 + SIGHUP)."""


def terminal_gone(fd: int) -> bool:
    """Whether `fd`, a terminal when the app started, is no longer one (hung up or closed)."""
    return not os.isatty(fd)  # its attributes read with EIO once hung up, EBADF once closed


def watch_terminal(
    fds: tuple[int, ...],
    *,
    every: float = 2.0,
    gone: Callable[[int], bool] = terminal_gone,
    end: Callable[[int], object] = os._exit,
) -> threading.Thread | None:
    """Start a daemon thread that ends the process (`end(HUNG_UP)`) once the terminal is gone.

    Watches each of `fds` that is a terminal now (Textual draws on standard error and reads standard
    input; standard output may be redirected): the terminal is gone when any of them no longer is one.
    Returns None (and watches nothing) when none of them is a terminal.
    """
    watched = tuple(fd for fd in fds if not gone(fd))
    if not watched:
        return None

    def watch() -> None:
        stop = threading.Event()
        while not stop.wait(every):
            if any(gone(fd) for fd in watched):
                end(HUNG_UP)
                return

    thread = threading.Thread(target=watch, name="crisishouse-terminal-watch", daemon=True)
    thread.start()
    return thread
