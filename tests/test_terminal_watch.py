"""A closed terminal ends the app (a killed tmux left it spinning on a core, for ever)."""

from __future__ import annotations

import os
import threading

from crisishouse.terminal_watch import HUNG_UP, terminal_gone, watch_terminal


def test_a_terminal_is_gone_once_its_other_end_is_closed():
    main, child = os.openpty()
    try:
        assert not terminal_gone(child)
        os.close(main)
        assert terminal_gone(child)
    finally:
        os.close(child)


def test_a_file_or_a_closed_descriptor_is_no_terminal(tmp_path):
    with open(tmp_path / "f", "w") as f:
        assert terminal_gone(f.fileno())
    assert terminal_gone(987)


def test_the_watch_ends_the_process_once_the_terminal_is_gone():
    main, child = os.openpty()
    ended = threading.Event()
    codes: list[int] = []

    def end(code: int) -> None:
        codes.append(code)
        ended.set()

    try:
        thread = watch_terminal((child,), every=0.01, end=end)
        assert thread is not None and thread.daemon
        assert not ended.wait(0.1), "ended while the terminal was there"
        os.close(main)
        assert ended.wait(5)
        assert codes == [HUNG_UP]
    finally:
        os.close(child)


def test_nothing_is_watched_without_a_terminal(tmp_path):
    with open(tmp_path / "f", "w") as f:
        assert watch_terminal((f.fileno(),), end=lambda code: None) is None


def test_a_redirected_stream_is_not_watched_but_the_terminal_still_is(tmp_path):
    """`crisishouse run > log`: Textual draws on standard error, still the terminal."""
    main, child = os.openpty()
    ended = threading.Event()
    try:
        with open(tmp_path / "log", "w") as log:
            thread = watch_terminal((log.fileno(), child), every=0.01, end=lambda code: ended.set())
            assert thread is not None
            assert not ended.wait(0.1), "a file is no terminal gone"
            os.close(main)
            assert ended.wait(5)
    finally:
        os.close(child)
