"""crisishouse performance figures (`make bench`).

Prints figures and whether each is within its budget. It never fails on a
slow figure: it is a report. It exits non-zero only if something crashed
(a part that crashes is said, and the other parts still run).

1. Two demo houses (`crisishouse demo`, an 8-bed house): one year and ten
   years of house life (the default retention), cached in
   .bench-data/demo-365 and demo-3650 and rebuilt only if missing or if
   `crisishouse check` fails on them (houses.py). The ten-year build is the
   `crisishouse demo --days 3650` figure (budget: 30 s), timed when it is
   built and kept in the cache's stamp (demo-3650.json).
2. Screen steps headless through Pilot (sign-in to the board, a guest's
   record, the handover, the rhythm, My shifts), each as a ratio to a bare
   Textual screen with a Header, a 30-row DataTable and a Footer timed the
   same way in the same run, on both houses (screens.py, bare_screen.py;
   budget: 1.25x each, the same on one year as on ten).
3. Cold start to a lock screen ready to sign in, in a fresh interpreter each
   time, against a bare one-Label Textual app (cold_start.py, start_app.py,
   bare_app.py; budget: 1.5x), on both houses.
4. The funder's counts for one month, a new terminal's first ask and a
   second (funder.py; budget: 100 ms on the ten-year house).
5. Saving, on the ten-year house: a durable check-in save (median under
   10 ms; the first 50 after opening each under 50 ms), the daily backup,
   the house lock (saves.py).
6. Peak memory after signing in and reaching the board (memory_app.py;
   budget: under 250 MB), on both houses.

Everything works on temporary copies of the houses, so the cache stays clean.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import cold_start
import funder
import houses
import saves
import screens
from common import BENCH_DATA, FIGURES, HERE, STAFF_NAME, STAFF_PIN, Figure, heading, run_child, say, verdict
from houses import CachedHouse

ONE_YEAR, TEN_YEARS = 365, 3650
T = TypeVar("T")
DEMO_BUDGET_S = 30.0
MEMORY_BUDGET_MB = 250.0


def bench_memory(data_dir: Path, label: str) -> float:
    heading(f"Peak memory: signed in as staff, on the board, {label} house")
    done = run_child(
        [sys.executable, str(HERE / "memory_app.py"), str(data_dir), STAFF_NAME, STAFF_PIN], "the memory run"
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    peak = float(seen["board_mib"])
    ok = peak < MEMORY_BUDGET_MB
    say(
        f"peak RSS (VmHWM) at the lock screen {seen['lock_mib']:.1f} MB; on the board {peak:.1f} MB "
        f"(MB = MiB here; budget < {MEMORY_BUDGET_MB:.0f} MB)  {verdict(ok)}"
    )
    FIGURES.append(Figure(f"peak RSS on the board, {label}", f"{peak:.1f} MB", f"< {MEMORY_BUDGET_MB:.0f} MB", ok))
    return peak


def demo_figure(house: CachedHouse) -> None:
    if house.build_s is None:
        FIGURES.append(Figure(f"crisishouse demo --days {house.days}", "not timed (old cache)", "-", None))
        return
    ok = house.build_s <= DEMO_BUDGET_S
    when = "built in this run" if house.built_now else f"from the cache: timed {house.built_at}"
    say(f"`crisishouse demo --days {house.days}`: {house.build_s:.1f} s ({when}; budget {DEMO_BUDGET_S:.0f} s)")
    FIGURES.append(
        Figure(
            f"crisishouse demo --days {house.days} ({'now' if house.built_now else 'cached, ' + house.built_at})",
            f"{house.build_s:.0f} s",
            f"<= {DEMO_BUDGET_S:.0f} s",
            ok,
        )
    )


CRASHED: list[str] = []
"""Parts that crashed: the run goes on to the next part, and exits 1 at the end."""


def part(what: str, measure: Callable[[], T]) -> T | None:
    """Run one part of the bench; if it crashes, say so and go on (None)."""
    try:
        return measure()
    except Exception:
        say(f"!! {what} CRASHED:")
        say(traceback.format_exc().rstrip())
        CRASHED.append(what)
        FIGURES.append(Figure(what, "CRASHED", "-", None))
        return None


def issue_table(
    results: screens.ScreenResults | None,
    cold: dict[str, float] | None,
    counts: dict[str, tuple[float, float]] | None,
    save: tuple[float, float] | None,
    peak: dict[str, float] | None,
    ten: CachedHouse,
) -> None:
    """The figures of issue 14, in its order (ratios to the bare Textual figure of this run)."""
    heading("Issue 14: each figure as the issue lists it")
    width = 46

    def row(what: str, one: str, ten: str, budget: str, ok: bool | None = None) -> None:
        mark = "" if ok is None or ok else "  OVER"
        say(f"{what:<{width}} {one:>14} {ten:>14}   {budget}{mark}")

    if results is not None:
        one_run, ten_run = results.houses
        row("step", f"{one_run.label} house", f"{ten_run.label} house", "budget")
        for step in screens.STEPS:
            ratios = [results.ratio(h, step.name) for h in (one_run, ten_run)]
            row(
                step.label,
                f"{ratios[0]:.2f}x",
                f"{ratios[1]:.2f}x",
                f"{screens.STEP_BUDGET}x bare",
                max(ratios) <= screens.STEP_BUDGET,
            )
        row("(the bare Textual screen: median)", "", f"{results.bare_median:.0f} ms", "")
    else:
        row("screen steps", "", "CRASHED", "")
    if cold is not None:
        ratios = list(cold.values())
        row(
            "cold start to the lock screen (vs one Label)",
            f"{ratios[0]:.2f}x",
            f"{ratios[-1]:.2f}x",
            f"{cold_start.COLD_RATIO_BUDGET}x bare",
            max(ratios) <= cold_start.COLD_RATIO_BUDGET,
        )
    if counts is not None:
        for n, what in enumerate(("first", "second")):
            asks = [c[n] for c in counts.values()]
            row(
                f"funder's counts, one month ({what} ask)",
                f"{asks[0]:.0f} ms",
                f"{asks[-1]:.0f} ms",
                f"{funder.BUDGET_MS:.0f} ms",
                asks[-1] <= funder.BUDGET_MS,
            )
    if ten.build_s is not None:
        when = "built in this run" if ten.built_now else f"from the cache, timed {ten.built_at}"
        row(
            f"crisishouse demo --days {ten.days}",
            "",
            f"{ten.build_s:.0f} s",
            f"{DEMO_BUDGET_S:.0f} s ({when})",
            ten.build_s <= DEMO_BUDGET_S,
        )
    if save is not None:
        row(
            "check-in save, median / p95",
            "",
            f"{save[0]:.1f} / {save[1]:.1f} ms",
            f"median < {saves.CHECK_IN_MEDIAN_BUDGET_MS:.0f} ms",
            save[0] < saves.CHECK_IN_MEDIAN_BUDGET_MS,
        )
    if peak is not None:
        peaks = list(peak.values())
        row(
            "peak RSS, signed in on the board",
            f"{peaks[0]:.0f} MB",
            f"{peaks[-1]:.0f} MB",
            f"< {MEMORY_BUDGET_MB:.0f} MB",
            max(peaks) < MEMORY_BUDGET_MB,
        )
    if CRASHED:
        say(f"Crashed (no figure): {', '.join(CRASHED)}")


def summary(total_s: float) -> None:
    heading("Summary")
    width = max(len(f.what) for f in FIGURES)
    vwidth = max(len(f.value) for f in FIGURES)
    bwidth = max(len(f.budget) for f in FIGURES)
    say(f"{'figure':<{width}}  {'value':>{vwidth}}  {'budget':<{bwidth}}  result")
    say(f"{'-' * width}  {'-' * vwidth}  {'-' * bwidth}  ------")
    for f in FIGURES:
        say(f"{f.what:<{width}}  {f.value:>{vwidth}}  {f.budget:<{bwidth}}  {f.verdict}")
    over = [f for f in FIGURES if f.ok is False]
    say()
    say(f"{len(over)} over budget (a report: this is not a failure)" if over else "All budgets met.")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    say(
        f"Benchmarks took {total_s:.0f} s on {os.cpu_count()} CPUs (Python {sys.version.split()[0]})"
        + (f"; load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min)." if load else ".")
    )


def main() -> int:
    begun = time.perf_counter()
    say("crisishouse benchmarks")
    heading("Demo houses (cached in .bench-data)")
    one = houses.ensure(ONE_YEAR)
    ten = houses.ensure(TEN_YEARS)
    demo_figure(ten)
    FIGURES.append(Figure("ten-year house: records / folder", f"{ten.records:,} / {ten.size_mb:.0f} MB", "-", None))
    for leftover in BENCH_DATA.glob("work-*"):  # from a run that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    # The copies live beside the cache, on the same file system, so fsync costs what it costs there.
    with tempfile.TemporaryDirectory(prefix="work-", dir=BENCH_DATA) as tmp:
        one_work = houses.working_copy(one, Path(tmp))
        ten_work = houses.working_copy(ten, Path(tmp))
        both = [(one.label, one_work), (ten.label, ten_work)]
        results = part("screen steps", lambda: screens.bench_screens(both))
        cold = part("cold start", lambda: cold_start.bench_cold_start(both))
        counts = part("funder's counts", lambda: {label: funder.bench_funder(path, label) for label, path in both})
        part("first saves and the daily backup", lambda: saves.bench_saves(ten_work, ten.label))
        save = part("check-in saves", lambda: saves.bench_check_in_cost(ten_work, ten.label))
        peak = part("peak memory", lambda: {label: bench_memory(path, label) for label, path in both})
        heading("The board's view from the services (no budget: part of a sign-in)")
        part("board view, one year", lambda: saves.bench_board_view(one_work, one.label))
        part("board view, ten years", lambda: saves.bench_board_view(ten_work, ten.label))
    summary(time.perf_counter() - begun)
    issue_table(results, cold, counts, save, peak, ten)
    return 1 if CRASHED else 0


if __name__ == "__main__":
    sys.exit(main())
