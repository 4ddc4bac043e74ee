"""crisishouse performance figures (`make bench`).

Prints figures and whether each is within its budget. It never fails on a
slow figure: it is a report. It exits non-zero only if something crashed.

1. A five-year demo house (`crisishouse demo --days 1825`, an 8-bed house),
   cached in .bench-data/demo-1825 and rebuilt only if missing or if
   `crisishouse check` fails on it.
2. Cold start to the lock screen, in a fresh interpreter each time, against
   a bare Textual app showing one Label (budget: within 1.5x of it).
3. One durable save: a check-in recorded by staff (budget: under 50 ms).
4. Peak memory after signing in and reaching the board (budget: under 250 MB).
5. Building the board view (no budget: for information).
6. The cost of a check-in save over many saves, and of the house lock
   alone (budget: check-in save median under 10 ms).

Everything that writes works on a temporary copy, so the cache stays clean.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DAYS = 1825
CACHE = ROOT / ".bench-data" / f"demo-{DAYS}"
STAMP = CACHE.with_name(CACHE.name + ".json")  # how and when the cache was built
PYCACHE = ROOT / ".bench-data" / "pycache"  # the app children's .pyc files, outside the source tree

COLD_RUNS = 7
SAVES = 50
BOARD_VIEWS = 20
CHECK_IN_SAVES = 200
LOCK_ROUNDS = 1000
CHILD_TIMEOUT_S = 300

COLD_RATIO_BUDGET = 1.5
SAVE_BUDGET_MS = 50.0
CHECK_IN_MEDIAN_BUDGET_MS = 10.0
MEMORY_BUDGET_MB = 250.0

STAFF_NAME, STAFF_PIN = "Tama", "2222"


@dataclass
class Figure:
    what: str
    value: str
    budget: str
    ok: bool | None  # None: no budget

    @property
    def verdict(self) -> str:
        return "-" if self.ok is None else ("PASS" if self.ok else "OVER")


FIGURES: list[Figure] = []


def say(text: str = "") -> None:
    print(text, flush=True)


def heading(text: str) -> None:
    say()
    say(f"== {text} " + "=" * max(0, 70 - len(text)))


def verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER budget"


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def folder_mb(path: Path) -> float:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                total += os.lstat(os.path.join(folder, name)).st_size
    return total / 1_000_000


def crisishouse_cmd(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("crisishouse")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "crisishouse", *args]


def child_env(bytecode: bool = True) -> dict[str, str]:
    """The app children's environment.

    With `bytecode` (the default) they always read and write .pyc files, kept
    under .bench-data/pycache, so a start is measured as an installed app
    starts, whatever PYTHONDONTWRITEBYTECODE says. Without it: this shell's
    environment unchanged.
    """
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def run_child(cmd: list[str], what: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, cwd=ROOT, env=env or child_env()
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{what} failed (exit {done.returncode}): {' '.join(cmd)}\n"
            f"--- stdout ---\n{done.stdout[-3000:]}\n--- stderr ---\n{done.stderr[-3000:]}"
        )
    return done


# -- 1. the data folder ---------------------------------------------------------


def cache_passes_check() -> bool:
    if not (CACHE / "store" / "core.json").exists():
        return False
    done = subprocess.run(
        crisishouse_cmd("check", "--data", str(CACHE)),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        cwd=ROOT,
    )
    if done.returncode != 0:
        say(f"`crisishouse check` failed on the cache (exit {done.returncode}):")
        say("\n".join(done.stdout.splitlines()[-5:] + done.stderr.splitlines()[-5:]))
    return done.returncode == 0


def prepare_data() -> Path:
    from crisishouse.store import check_folder

    heading(f"1. Demo data: {DAYS} days of an 8-bed house")
    started = time.perf_counter()
    ready = cache_passes_check()
    check_s = time.perf_counter() - started
    if ready:
        built = json.loads(STAMP.read_text()) if STAMP.exists() else {}
        say(
            f"Using the cached folder {CACHE.relative_to(ROOT)} "
            f"(built {built.get('built_at', '?')}; `crisishouse check` passed in {check_s:.1f} s)"
        )
        build_s = built.get("build_s")
        if build_s is not None:
            say(f"Build time when it was made: {build_s:.1f} s")
            FIGURES.append(Figure(f"build demo --days {DAYS} (cached)", f"{build_s:.1f} s", "-", None))
    else:
        say(f"Building {CACHE.relative_to(ROOT)} with `crisishouse demo --days {DAYS}` …")
        building = CACHE.with_name(CACHE.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        started = time.perf_counter()
        done = run_child(crisishouse_cmd("demo", "--data", str(building), "--days", str(DAYS)), "crisishouse demo")
        build_s = time.perf_counter() - started
        say(done.stdout.strip())
        shutil.rmtree(CACHE, ignore_errors=True)
        os.replace(building, CACHE)
        STAMP.write_text(
            json.dumps(
                {
                    "days": DAYS,
                    "build_s": round(build_s, 2),
                    "built_at": time.strftime("%Y-%m-%d %H:%M:%S"),
                }
            )
        )
        say(f"Build took {build_s:.1f} s")
        FIGURES.append(Figure(f"build demo --days {DAYS}", f"{build_s:.1f} s", "-", None))
        if not cache_passes_check():
            raise RuntimeError(f"`crisishouse check` fails on a freshly built demo in {CACHE}")

    started = time.perf_counter()
    report = check_folder(CACHE)
    check_s = time.perf_counter() - started
    total = sum(report.counts.values())
    say(f"check_folder: {report.files:,} data files, {total:,} records, read in {check_s:.2f} s")
    for kind, count in sorted(report.counts.items()):
        say(f"  {kind:<20} {count:>9,}")
    size = folder_mb(CACHE)
    say(f"Folder size: {size:.1f} MB")
    FIGURES.append(Figure("demo records / folder size", f"{total:,} / {size:.1f} MB", "-", None))
    return CACHE


# -- 2. cold start --------------------------------------------------------------


def cold_start(kind: str, data_dir: Path, bytecode: bool = True) -> tuple[float, dict[str, float]]:
    cmd = [sys.executable, str(HERE / "start_app.py"), kind]
    if kind == "crisishouse":
        cmd.append(str(data_dir))
    env = child_env(bytecode)
    started = time.perf_counter()
    done = run_child(cmd, f"cold start of the {kind} app", env)
    wall = time.perf_counter() - started
    phases = json.loads(done.stdout.strip().splitlines()[-1])
    return wall, phases


def bench_cold_start(data_dir: Path) -> None:
    heading(f"2. Cold start to the lock screen ({COLD_RUNS} runs each, interleaved)")
    say("Fresh interpreter each run, headless run_test(size=(80, 24)); wall time of the whole")
    say("child process. One unrecorded warm-up run of each first (disk cache, .pyc files;")
    say(f"the children keep their .pyc files in {PYCACHE.relative_to(ROOT)}).")
    cold_start("bare", data_dir)
    cold_start("crisishouse", data_dir)
    walls: dict[str, list[float]] = {"bare": [], "crisishouse": []}
    phases: dict[str, list[dict[str, float]]] = {"bare": [], "crisishouse": []}
    for _ in range(COLD_RUNS):
        for kind in ("bare", "crisishouse"):
            wall, seen = cold_start(kind, data_dir)
            walls[kind].append(wall)
            phases[kind].append(seen)
    say(
        f"{'':<12} {'median':>8} {'min':>8} {'max':>8}   "
        f"{'imports':>8} {'to ready':>9} {'exit':>7}   (medians of in-child phases)"
    )
    for kind in ("bare", "crisishouse"):
        w = walls[kind]
        imported = statistics.median(p["imported"] for p in phases[kind])
        to_ready = statistics.median(p["ready"] - p["imported"] for p in phases[kind])
        to_exit = statistics.median(p["exited"] - p["ready"] for p in phases[kind])
        say(
            f"{kind:<12} {statistics.median(w) * 1000:>6.0f}ms {min(w) * 1000:>6.0f}ms {max(w) * 1000:>6.0f}ms   "
            f"{imported * 1000:>6.0f}ms {to_ready * 1000:>7.0f}ms {to_exit * 1000:>5.0f}ms"
        )
    bare, ours = statistics.median(walls["bare"]), statistics.median(walls["crisishouse"])
    ratio = ours / bare
    ok = ratio <= COLD_RATIO_BUDGET
    say(f"Ratio of medians: {ratio:.2f}x (budget {COLD_RATIO_BUDGET}x)  {verdict(ok)}")
    say("(The rest of each wall time, outside the in-child phases, is interpreter start-up.)")
    FIGURES.append(Figure("cold start, bare Textual app (median)", f"{bare * 1000:.0f} ms", "-", None))
    FIGURES.append(Figure("cold start to LockScreen (median)", f"{ours * 1000:.0f} ms", "-", None))
    FIGURES.append(Figure("cold start ratio crisishouse/bare", f"{ratio:.2f}x", f"<= {COLD_RATIO_BUDGET}x", ok))
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        # This shell never writes .pyc files: an editable install then compiles
        # crisishouse's own sources at every start (Textual's came with .pyc files).
        runs = 3
        as_is: dict[str, list[float]] = {"bare": [], "crisishouse": []}
        for _ in range(runs):
            for kind in ("bare", "crisishouse"):
                as_is[kind].append(cold_start(kind, data_dir, bytecode=False)[0])
        bare_as_is, ours_as_is = statistics.median(as_is["bare"]), statistics.median(as_is["crisishouse"])
        say(
            f"As this shell runs it (PYTHONDONTWRITEBYTECODE set, {runs} runs each): bare "
            f"{bare_as_is * 1000:.0f} ms, crisishouse {ours_as_is * 1000:.0f} ms, "
            f"ratio {ours_as_is / bare_as_is:.2f}x (information only)"
        )
        FIGURES.append(Figure("cold start ratio, no .pyc written", f"{ours_as_is / bare_as_is:.2f}x", "-", None))


# -- 3 and 5. saving and the board, in this process ------------------------------


def open_signed_in(data_dir: Path):  # type: ignore[no-untyped-def]
    from crisishouse.services import House

    house = House.open(data_dir)
    session = house.sign_in.sign_in(STAFF_NAME, STAFF_PIN)
    return house, session


def bench_board_view(data_dir: Path) -> None:
    heading(f"5. Building the board view (house.board.view, {BOARD_VIEWS} times)")
    from crisishouse.services import House

    started = time.perf_counter()
    house = House.open(data_dir)
    open_s = time.perf_counter() - started
    started = time.perf_counter()
    session = house.sign_in.sign_in(STAFF_NAME, STAFF_PIN)
    sign_in_s = time.perf_counter() - started
    say(f"House.open {open_s * 1000:.0f} ms; sign_in as {STAFF_NAME} {sign_in_s * 1000:.0f} ms (one scrypt PIN check)")
    times = []
    for _ in range(BOARD_VIEWS):
        started = time.perf_counter()
        view = house.board.view(session)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    say(f"{len(view.staying)} staying in {len(view.rooms)} rooms")
    say(
        f"first (files not yet read) {times[0]:.1f} ms; median {median:.1f} ms; "
        f"min {min(times):.1f} ms; max {max(times):.1f} ms"
    )
    FIGURES.append(Figure("board view (median of 20)", f"{median:.1f} ms", "-", None))


def _timed_save(house, session, stay) -> float:  # type: ignore[no-untyped-def]
    """One check-in, durable on return: how long it took (ms)."""
    started = time.perf_counter()
    house.check_ins.record(session, stay, "checked_in", "bench")
    return (time.perf_counter() - started) * 1000


def _timed_daily_backup(house) -> float:  # type: ignore[no-untyped-def]
    """The day's backup (taken in the background by the app, never by a save)."""
    started = time.perf_counter()
    made = house.store.daily_backup()
    took = (time.perf_counter() - started) * 1000
    if made is None:
        raise RuntimeError("expected a daily backup to be taken")
    return took


def bench_saves(data_dir: Path) -> None:
    from crisishouse.clock import FixedClock
    from crisishouse.services import House

    heading(f"3. One durable save: a check-in ({SAVES} times)")
    say("Saves never take backups; the app takes the day's backup in the background.")
    house, session = open_signed_in(data_dir)
    # The app builds the language check in the background once the house is open;
    # built here too, so the first save is timed as the app's first save is.
    started = time.perf_counter()
    _ = house.language
    say(f"language check built (the app does it in the background): {(time.perf_counter() - started) * 1000:.0f} ms")
    stay = house.stays.staying(session)[0]
    before = len(house.check_ins.for_stay(session, stay))
    times = [_timed_save(house, session, stay) for _ in range(SAVES)]
    after = len(house.check_ins.for_stay(session, stay))
    if after != before + SAVES:
        raise RuntimeError(f"expected {before + SAVES} check-ins for the stay, found {after}")
    median, p95, worst = statistics.median(times), percentile(times, 95), max(times)
    say(f"Stay in room {stay.room}: {before:,} check-ins before, {after:,} after")
    say(f"median {median:.1f} ms; p95 {p95:.1f} ms; max {worst:.1f} ms  (budget < {SAVE_BUDGET_MS:.0f} ms)")
    ok_median, ok_p95, ok_max = median < SAVE_BUDGET_MS, p95 < SAVE_BUDGET_MS, worst < SAVE_BUDGET_MS
    say(f"median {verdict(ok_median)}; p95 {verdict(ok_p95)}; max {verdict(ok_max)}")

    heading("3b. The daily backup (background, not a save)")
    # The cold-start runs opened the app here, which took today's backup: start again.
    shutil.rmtree(data_dir / "backups", ignore_errors=True)
    first_ms = _timed_daily_backup(house)
    say(f"first backup ever (copies every data file): {first_ms:.0f} ms")
    tomorrow = House.open(data_dir, FixedClock(house.clock.now().add(days=1)))
    session = tomorrow.sign_in.sign_in(STAFF_NAME, STAFF_PIN)
    _timed_save(tomorrow, session, tomorrow.stays.staying(session)[0])
    next_ms = _timed_daily_backup(tomorrow)
    say(f"next day's backup (links files unchanged since the day before): {next_ms:.0f} ms")
    budget = f"< {SAVE_BUDGET_MS:.0f} ms"
    FIGURES.append(Figure(f"check-in save (median of {SAVES})", f"{median:.1f} ms", budget, ok_median))
    FIGURES.append(Figure(f"check-in save (p95 of {SAVES})", f"{p95:.1f} ms", budget, ok_p95))
    FIGURES.append(Figure(f"check-in save (max of {SAVES})", f"{worst:.1f} ms", budget, ok_max))
    FIGURES.append(Figure("daily backup, first ever (background)", f"{first_ms:.0f} ms", "-", None))
    FIGURES.append(Figure("daily backup, next day (background)", f"{next_ms:.0f} ms", "-", None))


# -- 6. a check-in save, and the lock alone --------------------------------------


def _house_lock(store):  # type: ignore[no-untyped-def]
    """The lock every save takes: the store's own, or one on the same lock file."""
    lock = getattr(store, "_lock", None)
    if lock is not None and hasattr(lock, "held"):
        return lock
    from crisishouse.store.lock import HouseLock

    return HouseLock(store.root / ".lock")


def bench_check_in_cost(data_dir: Path) -> None:
    heading(f"6. A check-in save ({CHECK_IN_SAVES} times) and the house lock alone ({LOCK_ROUNDS} times)")
    house, session = open_signed_in(data_dir)
    _ = house.language  # built in the background by the app, as in section 3
    stay = house.stays.staying(session)[0]
    before = len(house.check_ins.for_stay(session, stay))
    times = [_timed_save(house, session, stay) for _ in range(CHECK_IN_SAVES)]
    after = len(house.check_ins.for_stay(session, stay))
    if after != before + CHECK_IN_SAVES:
        raise RuntimeError(f"expected {before + CHECK_IN_SAVES} check-ins for the stay, found {after}")
    median, p95 = statistics.median(times), percentile(times, 95)
    ok = median < CHECK_IN_MEDIAN_BUDGET_MS
    say(f"Stay in room {stay.room}: {before:,} check-ins before, {after:,} after")
    say(f"check-in save: median {median:.2f} ms; p95 {p95:.2f} ms; min {min(times):.2f} ms; max {max(times):.2f} ms")
    say(f"budget: check-in save median under {CHECK_IN_MEDIAN_BUDGET_MS:.0f} ms  {'PASS' if ok else 'OVER'}")

    lock = _house_lock(house.store)
    lock_times = []
    for _ in range(LOCK_ROUNDS):
        started = time.perf_counter()
        with lock.held():
            pass
        lock_times.append((time.perf_counter() - started) * 1000)
    lock_median, lock_p95 = statistics.median(lock_times), percentile(lock_times, 95)
    say(
        f"house lock acquire+release (uncontended): median {lock_median * 1000:.0f} µs; "
        f"p95 {lock_p95 * 1000:.0f} µs; {lock_median / median * 100:.1f}% of a save's median"
    )
    FIGURES.append(
        Figure(
            f"check-in save (median of {CHECK_IN_SAVES})",
            f"{median:.2f} ms",
            f"< {CHECK_IN_MEDIAN_BUDGET_MS:.0f} ms",
            ok,
        )
    )
    FIGURES.append(Figure(f"check-in save (p95 of {CHECK_IN_SAVES})", f"{p95:.2f} ms", "-", None))
    FIGURES.append(Figure(f"house lock acquire+release (median of {LOCK_ROUNDS})", f"{lock_median:.3f} ms", "-", None))


# -- 4. peak memory -------------------------------------------------------------


def bench_memory(data_dir: Path) -> None:
    heading("4. Peak memory: signed in as staff, on the board")
    done = run_child(
        [sys.executable, str(HERE / "memory_app.py"), str(data_dir), STAFF_NAME, STAFF_PIN], "the memory run"
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    peak = float(seen["board_mib"])
    ok = peak < MEMORY_BUDGET_MB
    say(
        f"ru_maxrss at the lock screen {seen['lock_mib']:.1f} MB; on the board {peak:.1f} MB "
        f"(MB = MiB here; budget < {MEMORY_BUDGET_MB:.0f} MB)  {verdict(ok)}"
    )
    say(
        f"Enter on the PIN to the board shown: {seen['enter_to_board_s'] * 1000:.0f} ms "
        f"(headless; includes the pilot's idle waits, about 50 ms a key)"
    )
    FIGURES.append(Figure("peak RSS on the board", f"{peak:.1f} MB", f"< {MEMORY_BUDGET_MB:.0f} MB", ok))


# -- the report -----------------------------------------------------------------


def summary(total_s: float) -> None:
    heading("Summary")
    width = max(len(f.what) for f in FIGURES)
    vwidth = max(len(f.value) for f in FIGURES)
    say(f"{'figure':<{width}}  {'value':>{vwidth}}  {'budget':<10}  result")
    say(f"{'-' * width}  {'-' * vwidth}  {'-' * 10}  ------")
    for f in FIGURES:
        say(f"{f.what:<{width}}  {f.value:>{vwidth}}  {f.budget:<10}  {f.verdict}")
    over = [f for f in FIGURES if f.ok is False]
    say()
    say(f"{len(over)} over budget" if over else "All budgets met.")
    say(f"Benchmarks took {total_s:.0f} s on {os.cpu_count()} CPUs (Python {sys.version.split()[0]}).")


def main() -> int:
    begun = time.perf_counter()
    say("crisishouse benchmarks")
    data = prepare_data()
    # The copy lives beside the cache, on the same file system, so fsync costs what it costs there.
    for leftover in CACHE.parent.glob("work-*"):  # from a run that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="work-", dir=CACHE.parent) as tmp:
        work = Path(tmp) / "house"
        started = time.perf_counter()
        shutil.copytree(data, work, symlinks=True)
        # Whatever backups the cache holds depend on the day it was built: start with none.
        shutil.rmtree(work / "backups", ignore_errors=True)
        say(f"(Working on a copy in {work}, made in {time.perf_counter() - started:.1f} s; the cache is not touched.)")
        bench_cold_start(work)
        bench_saves(work)
        bench_memory(work)
        bench_board_view(work)
        bench_check_in_cost(work)
    summary(time.perf_counter() - begun)
    return 0


if __name__ == "__main__":
    sys.exit(main())
