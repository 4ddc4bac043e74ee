"""What every part of `make bench` shares: printing, figures, child processes."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCH_DATA = ROOT / ".bench-data"
PYCACHE = BENCH_DATA / "pycache"  # the app children's .pyc files, outside the source tree
CHILD_TIMEOUT_S = 600

STAFF_NAME, STAFF_PIN = "Tama", "2222"
MANAGER_NAME, MANAGER_PIN = "Aroha", "1111"


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
"""Every figure of the run, in order, for the summary."""


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
