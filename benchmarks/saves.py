"""Saving: one durable check-in save, the day's backup, and the house lock alone (in this process).

Also the board's view as the services build it (no budget: where a sign-in's
time goes).
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from common import FIGURES, STAFF_NAME, STAFF_PIN, Figure, heading, percentile, say, verdict

SAVES = 50
SAVE_BUDGET_MS = 50.0
CHECK_IN_SAVES = 200
CHECK_IN_MEDIAN_BUDGET_MS = 10.0
LOCK_ROUNDS = 1000
BOARD_VIEWS = 20


def open_signed_in(data_dir: Path) -> tuple[Any, Any]:
    from crisishouse.services import House

    house = House.open(data_dir)
    session = house.sign_in.sign_in(STAFF_NAME, STAFF_PIN)
    return house, session


def _timed_save(house: Any, session: Any, stay: Any) -> float:
    """One check-in, durable on return: how long it took (ms)."""
    started = time.perf_counter()
    house.check_ins.record(session, stay, "checked_in", "bench")
    return (time.perf_counter() - started) * 1000


def _timed_daily_backup(house: Any) -> float:
    """The day's backup (taken in the background by the app, never by a save)."""
    started = time.perf_counter()
    made = house.store.daily_backup()
    took = (time.perf_counter() - started) * 1000
    if made is None:
        raise RuntimeError("expected a daily backup to be taken")
    return took


def _saves(house: Any, session: Any, count: int) -> tuple[Any, int, list[float]]:
    stay = house.stays.staying(session)[0]
    before = len(house.check_ins.for_stay(session, stay))
    times = [_timed_save(house, session, stay) for _ in range(count)]
    after = len(house.check_ins.for_stay(session, stay))
    if after != before + count:
        raise RuntimeError(f"expected {before + count} check-ins for the stay, found {after}")
    return stay, before, times


def bench_saves(data_dir: Path, label: str) -> None:
    from crisishouse.clock import FixedClock
    from crisishouse.services import House

    heading(f"One durable save: a check-in, {label} house ({SAVES} times, just after opening)")
    say("Saves never take backups; the app takes the day's backup in the background.")
    house, session = open_signed_in(data_dir)
    # The app builds the language check in the background once the house is open;
    # built here too, so the first save is timed as the app's first save is.
    started = time.perf_counter()
    house.language.warm()
    say(f"language check built (the app does it in the background): {(time.perf_counter() - started) * 1000:.0f} ms")
    stay, before, times = _saves(house, session, SAVES)
    median, p95, worst = statistics.median(times), percentile(times, 95), max(times)
    say(f"Stay in room {stay.room}: {before:,} check-ins before")
    say(f"median {median:.1f} ms; p95 {p95:.1f} ms; max {worst:.1f} ms  (budget < {SAVE_BUDGET_MS:.0f} ms)")
    ok_median, ok_p95, ok_max = median < SAVE_BUDGET_MS, p95 < SAVE_BUDGET_MS, worst < SAVE_BUDGET_MS
    say(f"median {verdict(ok_median)}; p95 {verdict(ok_p95)}; max {verdict(ok_max)}")

    heading("The daily backup (background, not a save)")
    shutil.rmtree(data_dir / "backups", ignore_errors=True)  # earlier parts opened the app here: start afresh
    first_ms = _timed_daily_backup(house)
    say(f"first backup ever (copies every data file): {first_ms:.0f} ms")
    tomorrow = House.open(data_dir, FixedClock(house.clock.now().add(days=1)))
    session = tomorrow.sign_in.sign_in(STAFF_NAME, STAFF_PIN)
    _timed_save(tomorrow, session, tomorrow.stays.staying(session)[0])
    next_ms = _timed_daily_backup(tomorrow)
    say(f"next day's backup (links files unchanged since the day before): {next_ms:.0f} ms")
    budget = f"< {SAVE_BUDGET_MS:.0f} ms"
    FIGURES.append(Figure(f"check-in save, first {SAVES} (median)", f"{median:.1f} ms", budget, ok_median))
    FIGURES.append(Figure(f"check-in save, first {SAVES} (p95)", f"{p95:.1f} ms", budget, ok_p95))
    FIGURES.append(Figure(f"check-in save, first {SAVES} (max)", f"{worst:.1f} ms", budget, ok_max))
    FIGURES.append(Figure("daily backup, first ever (background)", f"{first_ms:.0f} ms", "-", None))
    FIGURES.append(Figure("daily backup, next day (background)", f"{next_ms:.0f} ms", "-", None))


def _house_lock(store: Any) -> Any:
    """The lock every save takes: the store's own, or one on the same lock file."""
    lock = getattr(store, "_lock", None)
    if lock is not None and hasattr(lock, "held"):
        return lock
    from crisishouse.store.lock import HouseLock

    return HouseLock(store.root / ".lock")


def bench_check_in_cost(data_dir: Path, label: str) -> tuple[float, float]:
    """The check-in save's median and p95 (ms)."""
    heading(f"A check-in save ({CHECK_IN_SAVES} times) and the house lock alone ({LOCK_ROUNDS} times), {label} house")
    house, session = open_signed_in(data_dir)
    _ = house.language  # built in the background by the app, as above
    stay, before, times = _saves(house, session, CHECK_IN_SAVES)
    median, p95 = statistics.median(times), percentile(times, 95)
    ok = median < CHECK_IN_MEDIAN_BUDGET_MS
    say(f"Stay in room {stay.room}: {before:,} check-ins before")
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
    budget = f"< {CHECK_IN_MEDIAN_BUDGET_MS:.0f} ms"
    FIGURES.append(Figure(f"check-in save, {CHECK_IN_SAVES} (median)", f"{median:.2f} ms", budget, ok))
    FIGURES.append(Figure(f"check-in save, {CHECK_IN_SAVES} (p95)", f"{p95:.2f} ms", "-", None))
    FIGURES.append(Figure(f"house lock acquire+release (median of {LOCK_ROUNDS})", f"{lock_median:.3f} ms", "-", None))
    return median, p95


def bench_board_view(data_dir: Path, label: str) -> None:
    """House.open, one PIN check, and the board's view from the services (no budget)."""
    from crisishouse.services import House

    started = time.perf_counter()
    house = House.open(data_dir)
    open_s = time.perf_counter() - started
    started = time.perf_counter()
    session = house.sign_in.sign_in(STAFF_NAME, STAFF_PIN)
    sign_in_s = time.perf_counter() - started
    times = []
    for _ in range(BOARD_VIEWS):
        started = time.perf_counter()
        view = house.board.view(session)
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    say(
        f"{label} house: House.open {open_s * 1000:.0f} ms; sign_in as {STAFF_NAME} {sign_in_s * 1000:.0f} ms "
        f"(one PIN check); board view first {times[0]:.1f} ms, then median {median:.1f} ms "
        f"({len(view.staying)} staying in {len(view.rooms)} rooms)"
    )
    FIGURES.append(Figure(f"board view, {label} (median of {BOARD_VIEWS})", f"{median:.1f} ms", "-", None))
