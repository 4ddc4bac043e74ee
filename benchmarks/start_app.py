"""Child process for the cold-start benchmark: start an app headless, then exit.

    python benchmarks/start_app.py crisishouse DATA_DIR   # until the LockScreen can sign in
    python benchmarks/start_app.py bare                   # until the one Label is mounted

Run in a fresh interpreter each time, so imports count. The parent times the
whole process from spawn to exit; this prints one JSON line with the phases it
can see from inside (seconds since this script began running), the wall
clock when it was ready, so the parent can time spawn to ready, and the
processor time the process had used by then (its interpreter's start included).
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

TIMEOUT_S = 60.0


def _since() -> float:
    return round(time.perf_counter() - T0, 4)


async def _wait_for(pilot, ready, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + TIMEOUT_S
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} after {TIMEOUT_S:.0f} s (screen: {pilot.app.screen!r})")
        await pilot.pause(0.005)


async def _crisishouse(data_dir: Path) -> dict[str, float]:
    from crisishouse.app import CrisisHouseApp
    from crisishouse.screens.lock import LockScreen

    phases = {"imported": _since()}
    app = CrisisHouseApp(data_dir, keep_start_up_out_of_collections=True)
    async with app.run_test(size=(80, 24)) as pilot:
        phases["running"] = _since()
        await _wait_for(pilot, lambda: isinstance(app.screen, LockScreen), "LockScreen")
        phases["lock_screen"] = _since()
        # Ready means ready to sign in: the house's data is open behind it.
        await _wait_for(pilot, lambda: getattr(app.screen, "house", None) is not None, "open house")
        phases["ready"] = _since()
        phases["ready_clock"] = time.time()
        phases["ready_cpu"] = time.process_time()
    phases["exited"] = _since()
    return phases


async def _bare() -> dict[str, float]:
    from bare_app import BareApp
    from textual.widgets import Label

    phases = {"imported": _since()}
    app = BareApp()

    def mounted() -> bool:
        labels = app.screen.query(Label)
        return bool(labels) and labels.first().is_mounted

    async with app.run_test(size=(80, 24)) as pilot:
        phases["running"] = _since()
        await _wait_for(pilot, mounted, "mounted Label")
        phases["ready"] = _since()
        phases["ready_clock"] = time.time()
        phases["ready_cpu"] = time.process_time()
    phases["exited"] = _since()
    return phases


def main(argv: list[str]) -> int:
    if argv[:1] == ["bare"]:
        phases = asyncio.run(_bare())
    elif argv[:1] == ["crisishouse"] and len(argv) == 2:
        phases = asyncio.run(_crisishouse(Path(argv[1])))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(phases), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
