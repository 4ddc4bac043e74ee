"""The funder's counts for one month: a new terminal's first ask, and a second ask.

    python benchmarks/funder.py DATA_DIR     # one child run: prints one JSON line

Each run is a fresh interpreter: House.open on the house, the manager signs
in, then `house.reports.month(session, month)` for last month (as
`crisishouse report` counts by default) is timed twice. The first ask
includes importing the report's modules, as a terminal's first press of `f`
does.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from common import FIGURES, HERE, MANAGER_NAME, MANAGER_PIN, Figure, heading, run_child, say, verdict

RUNS = 3
BUDGET_MS = 100.0


def _child(data_dir: Path) -> dict[str, object]:
    from crisishouse.housetime import house_today
    from crisishouse.services import House

    started = time.perf_counter()
    house = House.open(data_dir)
    open_ms = (time.perf_counter() - started) * 1000
    session = house.sign_in.sign_in(MANAGER_NAME, MANAGER_PIN)
    today = house_today(house.clock.now(), house.settings.time_zone)
    month = today.start_of("month").subtract(months=1).format("YYYY-MM")
    asks = []
    for _ in range(2):
        started = time.perf_counter()
        report = house.reports.month(session, month)
        asks.append((time.perf_counter() - started) * 1000)
    return {
        "month": month,
        "open_ms": open_ms,
        "first_ms": asks[0],
        "second_ms": asks[1],
        "bed_nights": report.bed_nights,
        "check_ins": report.check_ins_done,
    }


def bench_funder(data_dir: Path, label: str) -> tuple[float, float]:
    """The median first and second asks (ms)."""
    heading(f"The funder's counts for one month, {label} house ({RUNS} fresh processes)")
    runs = []
    for n in range(RUNS):
        done = run_child([sys.executable, str(HERE / "funder.py"), str(data_dir)], "the funder's counts")
        seen = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append(seen)
        say(
            f"  run {n + 1}: House.open {seen['open_ms']:.0f} ms; first ask {seen['first_ms']:.1f} ms; "
            f"second ask {seen['second_ms']:.1f} ms  ({seen['month']}: {seen['bed_nights']} bed nights, "
            f"{seen['check_ins']} check-ins)"
        )
    first = statistics.median(r["first_ms"] for r in runs)
    second = statistics.median(r["second_ms"] for r in runs)
    ok_first, ok_second = first <= BUDGET_MS, second <= BUDGET_MS
    say(
        f"median first ask {first:.1f} ms {verdict(ok_first)}; second ask {second:.1f} ms {verdict(ok_second)} "
        f"(budget {BUDGET_MS:.0f} ms)"
    )
    say("(Run 1 is the first ask ever on this copy: it includes anything the house builds once for its counts.)")
    budget = f"<= {BUDGET_MS:.0f} ms"
    FIGURES.append(Figure(f"funder's counts, one month, {label}: first ask", f"{first:.0f} ms", budget, ok_first))
    FIGURES.append(Figure(f"funder's counts, one month, {label}: second ask", f"{second:.0f} ms", budget, ok_second))
    return first, second


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(_child(Path(argv[0]))), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
