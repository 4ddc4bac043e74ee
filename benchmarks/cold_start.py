"""Cold start to a lock screen ready to sign in, against a bare one-Label Textual app.

Each start is a fresh interpreter (`start_app.py`), so imports count. The
figure is spawn to ready: from just before the parent starts the child to the
moment the child's screen can be used (its wall clock, which it reports). The
whole child process, spawn to exit, is printed too; its exit (the interpreter
tearing down every module and object) is no part of a start anyone waits for.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

from common import FIGURES, HERE, PYCACHE, ROOT, Figure, child_env, heading, run_child, say, verdict

COLD_RUNS = 7
COLD_RATIO_BUDGET = 1.5


def cold_start(kind: str, data_dir: Path | None, bytecode: bool = True) -> tuple[float, dict[str, float]]:
    """Spawn to ready (seconds), and the child's phases with "wall": spawn to exit."""
    cmd = [sys.executable, str(HERE / "start_app.py"), kind]
    if data_dir is not None:
        cmd.append(str(data_dir))
    env = child_env(bytecode)
    spawned, started = time.time(), time.perf_counter()
    done = run_child(cmd, f"cold start of the {kind} app", env)
    wall = time.perf_counter() - started
    phases = json.loads(done.stdout.strip().splitlines()[-1])
    phases["wall"] = wall
    return phases["ready_clock"] - spawned, phases


def bench_cold_start(houses: list[tuple[str, Path]]) -> dict[str, float]:
    """Each house's ratio of medians, crisishouse over bare."""
    heading(f"Cold start to the lock screen ({COLD_RUNS} runs each, interleaved)")
    say("Fresh interpreter each run, headless run_test(size=(80, 24)): from spawn until the lock")
    say("screen can sign in (the house's data open behind it), by the wall clock. One unrecorded")
    say(f"warm-up run of each first (.pyc files, kept in {PYCACHE.relative_to(ROOT)}; disk cache).")
    kinds: list[tuple[str, str, Path | None]] = [("bare", "bare", None)]
    kinds += [(f"{label} house", "crisishouse", path) for label, path in houses]
    for _name, kind, path in kinds:
        cold_start(kind, path)
    walls: dict[str, list[float]] = {name: [] for name, _kind, _path in kinds}
    phases: dict[str, list[dict[str, float]]] = {name: [] for name, _kind, _path in kinds}
    for _ in range(COLD_RUNS):
        for name, kind, path in kinds:
            wall, seen = cold_start(kind, path)
            walls[name].append(wall)
            phases[name].append(seen)
    width = max(len(name) for name in walls)
    say(
        f"{'':<{width}} {'median':>8} {'min':>8} {'max':>8}   "
        f"{'imports':>8} {'to lock':>8} {'to ready':>9} {'to exit':>8} {'whole':>7}   (medians)"
    )
    for name, _kind, _path in kinds:
        w, ran = walls[name], phases[name]
        imported = statistics.median(p["imported"] for p in ran)
        to_lock = statistics.median(p.get("lock_screen", p["ready"]) - p["imported"] for p in ran)
        to_ready = statistics.median(p["ready"] - p["imported"] for p in ran)
        to_exit = statistics.median(p["wall"] - w_ for p, w_ in zip(ran, w, strict=True))
        whole = statistics.median(p["wall"] for p in ran)
        say(
            f"{name:<{width}} {statistics.median(w) * 1000:>6.0f}ms {min(w) * 1000:>6.0f}ms "
            f"{max(w) * 1000:>6.0f}ms   {imported * 1000:>6.0f}ms {to_lock * 1000:>6.0f}ms "
            f"{to_ready * 1000:>7.0f}ms {to_exit * 1000:>6.0f}ms {whole * 1000:>5.0f}ms"
        )
    say("(median, min, max: spawn to ready. imports, to lock, to ready: inside the child, from its")
    say(" first line (before it, the interpreter starts). to exit: ready to the process gone; whole:")
    say(" spawn to exit, the figure before 2026-12-01, which counted the interpreter's teardown.)")
    bare = statistics.median(walls["bare"])
    FIGURES.append(Figure("cold start, bare one-Label app (median)", f"{bare * 1000:.0f} ms", "-", None))
    ratios = {}
    for label, _path in houses:
        ours = statistics.median(walls[f"{label} house"])
        ratio = ratios[label] = ours / bare
        ok = ratio <= COLD_RATIO_BUDGET
        say(f"{label} house: ratio of medians {ratio:.2f}x (budget {COLD_RATIO_BUDGET}x)  {verdict(ok)}")
        FIGURES.append(Figure(f"cold start to the lock screen, {label} (median)", f"{ours * 1000:.0f} ms", "-", None))
        budget = f"<= {COLD_RATIO_BUDGET}x"
        FIGURES.append(Figure(f"cold start to the lock screen, {label}", f"{ratio:.2f}x bare", budget, ok))
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        # This shell never writes .pyc files: an editable install then compiles
        # crisishouse's own sources at every start (Textual's came with .pyc files).
        runs = 3
        label, path = houses[-1]
        as_is: dict[str, list[float]] = {"bare": [], "crisishouse": []}
        for _ in range(runs):
            for kind in ("bare", "crisishouse"):
                as_is[kind].append(cold_start(kind, path if kind == "crisishouse" else None, bytecode=False)[0])
        bare_as_is, ours_as_is = statistics.median(as_is["bare"]), statistics.median(as_is["crisishouse"])
        say(
            f"As this shell runs it (PYTHONDONTWRITEBYTECODE set, {runs} runs each, {label} house): bare "
            f"{bare_as_is * 1000:.0f} ms, crisishouse {ours_as_is * 1000:.0f} ms, "
            f"ratio {ours_as_is / bare_as_is:.2f}x (information only)"
        )
        FIGURES.append(Figure("cold start ratio, no .pyc written", f"{ours_as_is / bare_as_is:.2f}x", "-", None))
    return ratios
