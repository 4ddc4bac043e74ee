"""The demo houses `make bench` measures, cached under .bench-data/.

`crisishouse demo --days N` (the CLI's fixed seed; its "now" is the real
clock) fills .bench-data/demo-N. A cached house is rebuilt only when it is
missing or `crisishouse check` fails on it. The stamp beside it
(.bench-data/demo-N.json) keeps how long the build took and when, so a run
that uses the cache can still quote the build time.

`BENCH_REBUILD=1 make bench` builds them afresh (to time the build again).
Nothing measures the cache itself: every run works on a copy (`working_copy`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from common import BENCH_DATA, CHILD_TIMEOUT_S, ROOT, child_env, crisishouse_cmd, say

PROGRESS_EVERY_S = 15.0
REBUILD_ENV = "BENCH_REBUILD"
"""Set (`BENCH_REBUILD=1 make bench`) to build the houses afresh, and so time the build again."""


@dataclass
class CachedHouse:
    days: int
    path: Path
    build_s: float | None
    """How long `crisishouse demo` took, when it was timed (None: a cache from before stamps)."""
    built_at: str
    built_now: bool
    """Built in this run (else: from the cache)."""
    records: int = 0
    files: int = 0
    size_mb: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.days / 365:g}-year" if self.days % 365 == 0 else f"{self.days}-day"


def cache_dir(days: int) -> Path:
    return BENCH_DATA / f"demo-{days}"


def stamp_path(days: int) -> Path:
    return BENCH_DATA / f"demo-{days}.json"


def folder_mb(path: Path) -> float:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                total += os.lstat(os.path.join(folder, name)).st_size
    return total / 1_000_000


def passes_check(path: Path) -> bool:
    if not (path / "store" / "core.json").exists():
        return False
    started = time.perf_counter()
    done = subprocess.run(
        crisishouse_cmd("check", "--data", str(path)),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        cwd=ROOT,
        env=child_env(),
    )
    took = time.perf_counter() - started
    if done.returncode != 0:
        say(f"`crisishouse check` failed on {path.relative_to(ROOT)} (exit {done.returncode}):")
        say("\n".join(done.stdout.splitlines()[-5:] + done.stderr.splitlines()[-5:]))
        return False
    say(f"  `crisishouse check` passed on {path.relative_to(ROOT)} in {took:.1f} s")
    return True


def _build(days: int, into: Path) -> float:
    """Run `crisishouse demo --days DAYS` into `into`, saying it is still going now and then; its seconds."""
    cmd = crisishouse_cmd("demo", "--data", str(into), "--days", str(days))
    say(f"  building: {' '.join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))}")
    started = time.perf_counter()
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=child_env()
    ) as child:
        while True:
            try:
                out, err = child.communicate(timeout=PROGRESS_EVERY_S)
                break
            except subprocess.TimeoutExpired:
                elapsed = time.perf_counter() - started
                say(f"  … still building the {days}-day house ({elapsed:.0f} s so far)")
                if elapsed > 3 * CHILD_TIMEOUT_S:
                    child.kill()
                    raise RuntimeError(f"`crisishouse demo --days {days}` took over {elapsed:.0f} s") from None
    took = time.perf_counter() - started
    if child.returncode != 0:
        raise RuntimeError(
            f"`crisishouse demo --days {days}` failed (exit {child.returncode})\n"
            f"--- stdout ---\n{out[-3000:]}\n--- stderr ---\n{err[-3000:]}"
        )
    if out.strip():
        say(f"  {out.strip().splitlines()[-1]}")
    return took


def ensure(days: int) -> CachedHouse:
    """The cached `days`-day demo house, built (and timed) only if missing or failing `crisishouse check`."""
    path, stamp = cache_dir(days), stamp_path(days)
    BENCH_DATA.mkdir(exist_ok=True)
    if os.environ.get(REBUILD_ENV):
        say(f"  {REBUILD_ENV} is set: building the {days}-day house afresh")
    if not os.environ.get(REBUILD_ENV) and passes_check(path):
        seen = json.loads(stamp.read_text()) if stamp.exists() else {}
        house = CachedHouse(days, path, seen.get("build_s"), seen.get("built_at", "?"), built_now=False)
    else:
        building = path.with_name(path.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        build_s = _build(days, building)
        shutil.rmtree(path, ignore_errors=True)
        os.replace(building, path)
        built_at = time.strftime("%Y-%m-%d %H:%M:%S")
        stamp.write_text(
            json.dumps(
                {
                    "days": days,
                    "build_s": round(build_s, 2),
                    "built_at": built_at,
                    "cpus": os.cpu_count(),
                    "python": sys.version.split()[0],
                },
                indent=1,
            )
        )
        if not passes_check(path):
            raise RuntimeError(f"`crisishouse check` fails on a freshly built demo in {path}")
        house = CachedHouse(days, path, build_s, built_at, built_now=True)
    _describe(house)
    return house


def _describe(house: CachedHouse) -> None:
    from crisishouse.store import check_folder

    report = check_folder(house.path)
    house.records = sum(report.counts.values())
    house.files = report.files
    house.size_mb = folder_mb(house.path)
    if house.built_now:
        how = f"built now in {house.build_s:.1f} s"
    elif house.build_s is not None:
        how = f"from the cache (built {house.built_at}, when the build took {house.build_s:.1f} s)"
    else:
        how = f"from the cache (built {house.built_at}; the build was not timed)"
    say(
        f"  {house.label} house ({house.days} days): {house.records:,} records in {house.files:,} files, "
        f"{house.size_mb:.1f} MB; {how}"
    )


def working_copy(house: CachedHouse, parent: Path) -> Path:
    """A copy of the house to measure on (without the backups the cache took the day it was built)."""
    work = parent / f"house-{house.days}"
    started = time.perf_counter()
    shutil.copytree(house.path, work, symlinks=True)
    shutil.rmtree(work / "backups", ignore_errors=True)
    say(f"  working copy of the {house.label} house made in {time.perf_counter() - started:.1f} s: {work}")
    return work
