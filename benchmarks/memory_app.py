"""Child process for the peak-memory benchmark.

    python benchmarks/memory_app.py DATA_DIR [NAME PIN]

Opens the app headless on DATA_DIR, signs in (demo staff Tama, PIN 2222, by
default) by typing as a person would, waits for the BoardScreen, and prints
one JSON line with the peak resident set size (VmHWM, or ru_maxrss) in MiB, taken at
the lock screen and again on the board.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import resource
import sys
import time
from pathlib import Path

TIMEOUT_S = 60.0


def _peak_mib() -> float:
    """This process's peak resident set size, in MiB.

    On Linux, VmHWM from /proc/self/status: ru_maxrss there outlives exec, so a
    child of a large parent (make bench's, with its apps and houses open)
    would report the parent's size from before the exec.
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)  # kB
    # ru_maxrss: KiB on Linux, bytes on macOS.
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":
        kb /= 1024
    return round(kb / 1024, 1)


async def _measure(data_dir: Path, name: str, pin: str) -> dict[str, object]:
    from crisishouse.app import CrisisHouseApp
    from crisishouse.screens.board import BoardScreen
    from crisishouse.screens.lock import LockScreen

    result: dict[str, object] = {}
    app = CrisisHouseApp(data_dir, keep_start_up_out_of_collections=True)
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + TIMEOUT_S
        while not isinstance(app.screen, LockScreen):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no LockScreen (screen: {app.screen!r})")
            await pilot.pause(0.01)
        await pilot.pause()
        result["lock_mib"] = _peak_mib()

        await pilot.press(*name)
        await pilot.press("enter")
        await pilot.press(*pin)
        started = time.perf_counter()
        await pilot.press("enter")
        while not isinstance(app.screen, BoardScreen):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if time.monotonic() > deadline:
                message = app.screen.query("#sign-in-message")
                said = str(message.first().render()) if message else ""
                raise TimeoutError(f"no BoardScreen (screen: {app.screen!r}; says {said!r})")
        await pilot.pause()
        result["enter_to_board_s"] = round(time.perf_counter() - started, 3)
        result["board_mib"] = _peak_mib()
    return result


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 3):
        print(__doc__, file=sys.stderr)
        return 2
    name, pin = (argv[1], argv[2]) if len(argv) == 3 else ("Tama", "2222")
    print(json.dumps(asyncio.run(_measure(Path(argv[0]), name, pin))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
