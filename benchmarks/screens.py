"""Screen steps, headless through Textual's Pilot, as ratios to a bare Textual screen.

Each step is timed from the key press to the new screen mounted and idle:

- sign-in to the board: name and PIN typed on the lock screen, timed from the
  Enter on the PIN. The PIN check is deliberately slow scrypt; the lock screen
  has it done while the PIN is typed, and Enter takes its answer. Timed too
  (printed, not a row of the issue's table): Enter when that answer is not
  there, so the check runs after Enter, as when Enter follows the last digit
  at once;
- a guest's record: Enter on the board, on the first room with a guest;
- the handover (h), the rhythm (y), My shifts (m), from the board.

The yardstick is `bare_screen.BareScreenApp`: `p` pushes a screen with a
Header, a 30-row DataTable and a Footer, timed the same way. All the apps
run in this one process and event loop, each in its own task: the bare
app and one crisishouse app per house, each started once (as a terminal
runs all day; the idle lock is kept off, and each round ends with Ctrl+L,
as a shift does). Rounds go one-year, ten-year, and before every step of
either house the bare screen is timed once more, so a busy machine weighs
on both alike. A step's figure is the median of its rounds over the median
of every bare push in the run. One round first, not counted, puts every
screen's modules in memory; its figures are printed as "first visit" (a
terminal's first time on each screen since it started). The same ratios
in CPU time of the process are printed too: they hardly move with other
work on the machine.

Run alone: `python benchmarks/screens.py [--days 365 3650] [--rounds 7] [--profile]`
(houses from the cache; --profile prints where each step's time goes, in this
thread, once the rounds are done).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import contextvars
import cProfile
import gc
import io
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import BENCH_DATA, FIGURES, STAFF_NAME, STAFF_PIN, Figure, heading, say

SIZE = (120, 40)
ROUNDS = 7
STEP_BUDGET = 1.25
STEP_TIMEOUT_S = 60.0
START_TIMEOUT_S = 300.0
LANGUAGE_WARM_UP_S = 3.5  # the app builds the language check in a worker 3 s after opening the house


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    key: str
    screen: str
    """The class name of the screen it opens (by name: importing it here would warm its module)."""


STEPS = (
    Step("sign-in", "sign-in to the board", "enter", "BoardScreen"),
    Step("guest", "a guest's record (Enter on the board)", "enter", "GuestScreen"),
    Step("handover", "the handover (h)", "h", "HandoverScreen"),
    Step("rhythm", "the rhythm (y)", "y", "RhythmScreen"),
    Step("me", "My shifts (m)", "m", "MyShiftsScreen"),
)


# -- waiting for "idle" ------------------------------------------------------------
#
# A screen is "ready" when all of these hold at once, checked after waiting:
#   1. every worker of the app has finished (a screen that loads its data in a
#      thread worker is not ready until the data is in);
#   2. `pilot.wait_for_scheduled_animations()`: every message queued for the
#      app and each widget of the current screen has been handled (so what a
#      finished worker handed back with call_from_thread is shown), animations
#      are over, the process is CPU-idle (Textual's own wait_for_idle), and
#      the screen has been laid out and rendered once more;
#   3. the current screen is the step's screen, no widget on it is `loading`
#      (a LoadingIndicator), and for the board and the bare screen their table
#      has rows.
# If a wait started more work (a worker, a timer), the loop goes round again.
# The Pilot's own waits cost the bare screen the same, which is why every
# figure is a ratio to it, measured the same way in the same run.


def _busy_workers(app: Any) -> list[Any]:
    from textual.worker import WorkerState

    return [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]


async def workers_done(app: Any, timeout: float = STEP_TIMEOUT_S) -> None:
    from textual.worker import WorkerState

    deadline = time.monotonic() + timeout
    while busy := _busy_workers(app):
        if time.monotonic() > deadline:
            raise TimeoutError(f"workers still busy after {timeout:.0f} s: {busy!r}")
        worker = busy[0]
        if worker.state == WorkerState.PENDING:
            await asyncio.sleep(0.001)
            continue
        with contextlib.suppress(Exception):  # a failed worker is the app's to say; here only "done" matters
            await asyncio.wait_for(worker.wait(), max(0.1, deadline - time.monotonic()))


def _nothing_loading(screen: Any) -> bool:
    from textual.widgets import LoadingIndicator

    return not screen.query(LoadingIndicator) and not any(
        getattr(w, "loading", False) for w in screen.walk_children(with_self=True)
    )


def _table_has_rows(screen: Any) -> bool:
    from textual.widgets import DataTable

    tables = screen.query(DataTable)
    return bool(tables) and tables.first().row_count > 0


def on_screen(app: Any, name: str) -> Callable[[], bool]:
    """Ready: the current screen is the class `name`, mounted, nothing loading (and a table with rows for some)."""
    needs_rows = name in ("BoardScreen", "BareScreen")

    def ready() -> bool:
        screen = app.screen
        if type(screen).__name__ != name or not screen.is_mounted or not _nothing_loading(screen):
            return False
        return _table_has_rows(screen) if needs_rows else True

    return ready


async def settle(pilot: Any, ready: Callable[[], bool], what: str, timeout: float = STEP_TIMEOUT_S) -> None:
    """Wait until `ready()` and the app is idle (see above)."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while True:
        await workers_done(app, timeout)
        await pilot.wait_for_scheduled_animations()
        if ready() and not _busy_workers(app):
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not ready after {timeout:.0f} s (screen: {app.screen!r})")
        await asyncio.sleep(0.001)


async def timed_press(
    pilot: Any, key: str, ready: Callable[[], bool], what: str, profile: cProfile.Profile | None = None
) -> tuple[float, float]:
    """Press `key` and wait for `ready` and idle: how long (ms), and the CPU time this process used (ms).

    The CPU time (every thread of this process: workers too) hardly moves with other work on the
    machine, so it shows whether a slow wall time is the step's own or a busy machine's.
    """
    if profile is not None:
        profile.enable()
    started, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await settle(pilot, ready, what)
    took, cpu_took = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
    if profile is not None:
        profile.disable()
    return took, cpu_took


# -- apps running side by side -------------------------------------------------------


class Driven:
    """An app running headless (run_test) in its own task; `run(op)` runs `op(pilot)` in that app's context."""

    def __init__(self, app: Any, name: str) -> None:
        self.app = app
        self.name = name
        self.pilot: Any = None
        self._context: contextvars.Context | None = None
        self._ready = asyncio.Event()
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def _main(self) -> None:
        async with self.app.run_test(size=SIZE) as pilot:
            self.pilot = pilot
            # Textual keeps the active app in context variables: ops run in a copy of this task's context.
            self._context = contextvars.copy_context()
            self._ready.set()
            await self._stop.wait()

    async def start(self) -> None:
        self._task = asyncio.create_task(self._main(), name=f"bench {self.name}")
        ready = asyncio.create_task(self._ready.wait())
        await asyncio.wait({self._task, ready}, return_when=asyncio.FIRST_COMPLETED)
        if not self._ready.is_set():
            ready.cancel()
            await self._task  # raises what stopped it
            raise RuntimeError(f"{self.name} stopped before it was running")

    async def run(self, op: Callable[[Any], Coroutine[Any, Any, Any]], timeout: float = START_TIMEOUT_S) -> Any:
        assert self._task is not None and self._context is not None
        task: asyncio.Task[Any] = asyncio.create_task(op(self.pilot), context=self._context)
        done, _ = await asyncio.wait({task, self._task}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            return task.result()
        task.cancel()
        if self._task in done:
            self._task.result()  # the app crashed: raise why
            raise RuntimeError(f"{self.name} stopped in the middle of a step")
        raise TimeoutError(f"{self.name}: a step took over {timeout:.0f} s (screen: {self.app.screen!r})")

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            await self._task
        # Let the app and its house go: held on to, they would weigh on every later figure of the run (GC, memory).
        self.app = self.pilot = self._context = self._task = None


# -- the yardstick ---------------------------------------------------------------------


async def bare_push(pilot: Any) -> tuple[float, float]:
    ms = await timed_press(pilot, "p", on_screen(pilot.app, "BareScreen"), "bare screen")
    await bare_back(pilot)
    return ms


async def bare_back(pilot: Any) -> None:
    await pilot.press("escape")
    await settle(pilot, lambda: type(pilot.app.screen).__name__ != "BareScreen", "bare app back")


# -- a crisishouse app ---------------------------------------------------------------


async def _open(pilot: Any) -> None:
    """Until the lock screen can sign in, with the house's background start-up work done."""
    app = pilot.app
    await settle(
        pilot,
        lambda: type(app.screen).__name__ == "LockScreen" and getattr(app.screen, "house", None) is not None,
        "lock screen with the house open",
        START_TIMEOUT_S,
    )
    opened = time.monotonic()
    app.house.language.warm()  # the app builds and warms it in a worker soon after opening: done now, off the clock
    await asyncio.sleep(max(0.0, LANGUAGE_WARM_UP_S - (time.monotonic() - opened)))
    await workers_done(app, START_TIMEOUT_S)  # the language worker, the first daily backup of the copy
    await pilot.wait_for_scheduled_animations()


async def _type_name_and_pin(pilot: Any) -> None:
    app = pilot.app
    if type(app.screen).__name__ != "LockScreen":
        raise RuntimeError(f"expected the lock screen, found {app.screen!r}")
    name = app.screen.query_one("#name")
    name.focus()
    await pilot.press(*STAFF_NAME, "enter", *STAFF_PIN)
    pin = app.screen.query_one("#pin")
    if name.value != STAFF_NAME or pin.value != STAFF_PIN or not pin.has_focus:
        raise RuntimeError(f"typing the sign-in went wrong: name {name.value!r}, PIN typed {len(pin.value)} digits")


async def _highlight_a_guest(pilot: Any) -> str:
    """Put the board's cursor on the first room with a guest; that room."""
    from textual.widgets import DataTable

    board = pilot.app.screen
    rooms = board.view.rooms
    row = next((i for i, line in enumerate(rooms) if line.guest is not None), None)
    if row is None:
        raise RuntimeError("no guest is staying in the demo house")
    board.query_one(DataTable).move_cursor(row=row)
    await pilot.wait_for_scheduled_animations()
    return str(rooms[row].room)


async def _back_to_board(pilot: Any) -> None:
    app = pilot.app
    for _ in range(3):
        await pilot.press("escape")
        await settle(pilot, lambda: True, "after Esc")
        if type(app.screen).__name__ == "BoardScreen":
            return
    raise RuntimeError(f"Esc did not go back to the board (screen: {app.screen!r})")


async def _widgets_on_screen(pilot: Any) -> int:
    return len(list(pilot.app.screen.walk_children(with_self=True)))


async def _enter_with_nothing_checked_ahead(pilot: Any) -> tuple[float, float]:
    """Sign-in as when Enter comes before the check made while typing has finished: the check runs after Enter."""
    pilot.app.house.sign_in.ahead.forget()
    return await timed_press(pilot, "enter", on_screen(pilot.app, "BoardScreen"), "sign-in, checked at Enter")


async def _lock(pilot: Any) -> None:
    await pilot.press("ctrl+l")
    await settle(pilot, lambda: type(pilot.app.screen).__name__ == "LockScreen", "lock screen after Ctrl+L")


@dataclass
class HouseRun:
    label: str
    data: Path
    driven: Driven
    times: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    first: dict[str, float] = field(default_factory=dict)
    widgets: dict[str, int] = field(default_factory=dict)
    """How many widgets each step's screen has (counted at the first visit)."""
    room: str = ""
    sign_in_service: list[float] = field(default_factory=list)
    """The sign-in service call alone (ms): what the lock screen's worker does, PIN checks and all."""
    checked_at_enter: list[float] = field(default_factory=list)
    """Sign-in to the board (ms) with nothing checked while the PIN was typed: the check runs after Enter."""


async def _round(house: HouseRun, bare: Driven, yardstick: Yardstick, counted: bool, profile: bool) -> None:
    ch = house.driven
    for step in STEPS:
        if step.name == "sign-in":
            await ch.run(_type_name_and_pin)
        elif step.name == "guest":
            house.room = await ch.run(_highlight_a_guest)
        bare_ms, bare_cpu = await bare.run(bare_push)
        profiler = cProfile.Profile() if profile else None

        async def press(
            pilot: Any, step: Step = step, profiler: cProfile.Profile | None = profiler
        ) -> tuple[float, float]:
            return await timed_press(pilot, step.key, on_screen(pilot.app, step.screen), step.label, profiler)

        ms, cpu = await ch.run(press)
        if profiler is not None:
            _print_profile(f"{house.label}: {step.label} ({ms:.0f} ms)", profiler)
        if counted:
            yardstick.wall.append(bare_ms)
            yardstick.cpu.append(bare_cpu)
            house.times.setdefault(step.name, []).append(ms)
            house.cpu.setdefault(step.name, []).append(cpu)
        elif not profile:
            house.first[step.name] = ms
            house.widgets[step.name] = await ch.run(_widgets_on_screen)
        if step.name != "sign-in":
            await ch.run(_back_to_board)
    await ch.run(_lock)
    if counted:
        await ch.run(_type_name_and_pin)
        await bare.run(bare_push)  # as before every step: the bare app's turn first
        ms, _cpu = await ch.run(_enter_with_nothing_checked_ahead)
        house.checked_at_enter.append(ms)
        await ch.run(_lock)
        # The lock screen's worker asks the house this: timed alone, between steps, with every app idle.
        started = time.perf_counter()
        ch.app.house.sign_in.sign_in(STAFF_NAME, STAFF_PIN)
        house.sign_in_service.append((time.perf_counter() - started) * 1000)


def _print_profile(title: str, profiler: cProfile.Profile, lines: int = 14) -> None:
    """The step's heaviest functions: crisishouse's by cumulative time, then any by own time (this thread only)."""
    say(f"-- profile: {title}")
    for what, order, pattern in (
        ("crisishouse, cumulative", "cumulative", r"crisishouse/"),
        ("any, own", "tottime", r""),
    ):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(pattern, lines)
        body = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(body) if "ncalls" in line), len(body))
        say(f"   [{what}] s, function")
        column = 3 if order == "cumulative" else 1
        for line in body[start + 1 :]:
            parts = line.split(None, 5)
            if len(parts) == 6:
                where = parts[5].replace(str(Path(sys.prefix)), "<venv>").replace(str(Path.cwd()) + "/", "")
                say(f"   {float(parts[column]):7.3f}  {where[:150]}")


@dataclass
class Yardstick:
    """The bare screen's pushes: wall and CPU times (ms)."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


@dataclass
class ScreenResults:
    houses: list[HouseRun]
    bare: Yardstick
    bare_first: float
    bare_widgets: int

    @property
    def bare_times(self) -> list[float]:
        return self.bare.wall

    @property
    def bare_median(self) -> float:
        return statistics.median(self.bare.wall)

    def ratio(self, house: HouseRun, step: str) -> float:
        """The step's median wall time over the bare screen's."""
        return statistics.median(house.times[step]) / self.bare_median

    def cpu_ratio(self, house: HouseRun, step: str) -> float:
        """The step's median CPU time over the bare screen's."""
        return statistics.median(house.cpu[step]) / statistics.median(self.bare.cpu)


async def _measure(houses: list[tuple[str, Path]], rounds: int, profile: bool) -> ScreenResults:
    from bare_screen import BareScreenApp

    bare = Driven(BareScreenApp(), "bare app")
    await bare.start()
    runs: list[HouseRun] = []
    try:
        from crisishouse.app import CrisisHouseApp

        for label, data in houses:
            started = time.perf_counter()
            # idle_clock: the idle lock never comes (a run outlasts its 5 minutes); the bench locks with Ctrl+L.
            driven = Driven(
                CrisisHouseApp(data, idle_clock=lambda: 0.0, keep_start_up_out_of_collections=True),
                f"crisishouse on the {label} house",
            )
            await driven.start()
            await driven.run(_open)
            say(
                f"  {label} house open on the lock screen, its start-up work done, in {time.perf_counter() - started:.1f} s"
            )
            runs.append(HouseRun(label, data, driven))
        yardstick = Yardstick()
        bare_first, _ = await bare.run(bare_push)
        await bare.run(lambda pilot: pilot.press("p"))
        bare_widgets = await bare.run(_widgets_on_screen)
        await bare.run(bare_back)
        for n in range(rounds + 1):
            started = time.perf_counter()
            for house in runs:
                await _round(house, bare, yardstick, counted=n > 0, profile=False)
            what = "first round (not counted: first visits)" if n == 0 else f"round {n} of {rounds}"
            say(f"  {what} in {time.perf_counter() - started:.1f} s")
        if profile:
            for house in runs:
                await _round(house, bare, Yardstick(), counted=False, profile=True)
        return ScreenResults(runs, yardstick, bare_first, bare_widgets)
    finally:
        for house in runs:
            await house.driven.stop()
        await bare.stop()


def _cell(ratio: float, ms: float) -> str:
    return f"{ratio:5.2f}x {'PASS' if ratio <= STEP_BUDGET else 'OVER'} ({ms:4.0f} ms)"


def report(results: ScreenResults) -> None:
    houses = results.houses
    bare = results.bare_times
    say(
        f"Bare Textual screen (Header, 30-row DataTable, Footer): median {results.bare_median:.0f} ms of {len(bare)} "
        f"pushes (min {min(bare):.0f}, max {max(bare):.0f}); first push {results.bare_first:.0f} ms"
    )
    say(f"Guest's record: the first room with a guest ({', '.join(f'{h.label}: room {h.room}' for h in houses)}).")
    say()
    width = max(len(s.label) for s in STEPS)
    col = 25
    header = f"{'step (median, x bare)':<{width}}  " + "".join(f"{h.label + ' house':<{col}}" for h in houses)
    if len(houses) == 2:
        header += f"{houses[1].label} / {houses[0].label}"
    say(header + f"   budget {STEP_BUDGET}x")
    for step in STEPS:
        line = f"{step.label:<{width}}  "
        ratios = []
        for house in houses:
            ratio = results.ratio(house, step.name)
            ratios.append(ratio)
            line += f"{_cell(ratio, statistics.median(house.times[step.name])):<{col}}"
            FIGURES.append(
                Figure(
                    f"{step.label}, {house.label} house",
                    f"{ratio:.2f}x bare",
                    f"<= {STEP_BUDGET}x",
                    ratio <= STEP_BUDGET,
                )
            )
        if len(ratios) == 2:
            line += f"{ratios[1] / ratios[0]:5.2f}"
        say(line)
    say()
    bare_cpu = statistics.median(results.bare.cpu)
    say(f"The same steps in CPU time of this process (all its threads; the bare screen: median {bare_cpu:.0f} ms).")
    say("A busy machine stretches wall times, hardly CPU times: a step over budget in both is slow itself.")
    say(f"{'step (median CPU, x bare CPU)':<{width}}  " + "".join(f"{h.label + ' house':<{col}}" for h in houses))
    for step in STEPS:
        cells = [
            f"{results.cpu_ratio(h, step.name):5.2f}x ({statistics.median(h.cpu[step.name]):4.0f} ms)" for h in houses
        ]
        say(f"{step.label:<{width}}  " + "".join(f"{c:<{col}}" for c in cells))
    say()
    say("Spread (ms, min-max of the counted rounds), the first visit since the app started (not counted),")
    say(f"and the widgets on the screen (the bare screen has {results.bare_widgets}):")
    for step in STEPS:
        parts = [
            f"{h.label}: {min(h.times[step.name]):.0f}-{max(h.times[step.name]):.0f}, first {h.first[step.name]:.0f}"
            for h in houses
        ]
        say(f"  {step.label:<{width}}  " + ";  ".join(parts) + f";  {houses[-1].widgets[step.name]} widgets")
    say("The sign-in above takes the answer of the PIN check made while the PIN was typed. The check itself,")
    say("the sign-in service alone (`house.sign_in.sign_in` with nothing checked ahead: deliberately slow scrypt,")
    say("and the session), run between rounds; and a sign-in whose check runs after Enter (Enter at once):")
    for h in houses:
        service = statistics.median(h.sign_in_service)
        at_enter = statistics.median(h.checked_at_enter)
        say(
            f"  {h.label}: service median {service:.0f} ms ({service / results.bare_median:.2f}x bare); "
            f"sign-in checked at Enter {at_enter:.0f} ms ({at_enter / results.bare_median:.2f}x bare)"
        )
        FIGURES.append(Figure(f"sign-in service alone, {h.label} (median)", f"{service:.0f} ms", "-", None))
        FIGURES.append(
            Figure(
                f"sign-in, PIN checked at Enter, {h.label} (median)",
                f"{at_enter / results.bare_median:.2f}x bare",
                "-",
                None,
            )
        )
    FIGURES.append(Figure("bare Textual screen push (median)", f"{results.bare_median:.0f} ms", "-", None))


def bench_screens(houses: list[tuple[str, Path]], rounds: int = ROUNDS, profile: bool = False) -> ScreenResults:
    heading(f"Screen steps, headless through Pilot at {SIZE[0]}x{SIZE[1]} ({rounds} rounds, medians)")
    say("From the key press to the new screen mounted and idle, against a bare Textual screen timed")
    say("the same way before every step, in the same process.")
    results = asyncio.run(_measure(houses, rounds, profile))
    gc.collect()
    report(results)
    return results


def main(argv: list[str]) -> int:
    import shutil

    from houses import cache_dir

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, nargs="+", default=[365, 3650])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--profile", action="store_true", help="profile each step once more, after the rounds")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="work-", dir=BENCH_DATA) as tmp:
        houses = []
        for days in args.days:
            source = cache_dir(days)
            if not (source / "store" / "core.json").exists():
                say(f"No cached {days}-day house: run `make bench` first.")
                return 2
            work = Path(tmp) / source.name
            shutil.copytree(source, work, symlinks=True)
            shutil.rmtree(work / "backups", ignore_errors=True)
            houses.append((f"{days / 365:g}-year" if days % 365 == 0 else f"{days}-day", work))
        bench_screens(houses, args.rounds, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
