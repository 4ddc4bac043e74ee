"""How well the language check does, and how fast (`make language-report`).

Reads the corpus in tests/language_corpus/, one file per kind, in forty-six
parts: the lines it was tuned on (tuning/), the lines kept aside in each
round and tuned on in the next (held_out/ to held_out_44/), and the lines
written for the forty-fifth round without sight of its tuning (held_out_45/:
never tuned on, the honest figure). Prints, for each kind and each part:

- lines that must be flagged ("sentence || words"): recall, the share whose
  words a finding overlaps;
- everyday lines: false alarms, the share with any finding at all.

Then the generated disguises of the commonest labels (tests/language_disguises.py),
by way of hiding. Then the speed: building the check, one check() of 100 kB, and
`crisishouse check-language` on a 10,000-line file (a fresh process, the
vocabulary built inside it), against their budgets. It is a report: it
exits non-zero only if something crashed.

    .venv/bin/python benchmarks/language_report.py [--misses]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "language_corpus"
UNSEEN_ROUND = 45
"""The round whose lines were written without sight of any tuning (held_out_45/)."""
PARTS = ("tuning", "held_out", *(f"held_out_{n}" for n in range(2, UNSEEN_ROUND + 1)))
# The parts --misses may list: what the check is tuned on, never the unseen part.
TUNED_ON = PARTS[:-1]
HEADINGS = ("tuning", "held out", *(str(n) for n in range(2, UNSEEN_ROUND)), f"{UNSEEN_ROUND} (unseen)")
RECALL_GOAL = 0.95
FALSE_ALARM_CEILING = 0.02
MS_FOR_100_KB_BUDGET = 150.0
S_FOR_10K_LINES_BUDGET = 1.0

sys.path.insert(0, str(ROOT))

Check = Callable[[str], list[Any]]


def corpus_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def caught(check: Check, line: str) -> bool:
    """Whether a finding overlaps the words marked after "||"."""
    from tests.language_cases import marked_span

    sentence, _, expected = (part.strip() for part in line.partition("||"))
    where, end = marked_span(sentence, expected)
    return any(f.start < end and where < f.end for f in check(sentence))


def measure(check: Check, path: Path) -> tuple[str, int, int, list[str]]:
    """("recall" or "false alarms", count, of, the lines that went wrong)."""
    lines = corpus_lines(path)
    if all("||" in line for line in lines):
        missed = [line for line in lines if not caught(check, line)]
        return "recall", len(lines) - len(missed), len(lines), missed
    flagged = [f"{line} -> {[f.text for f in found]}" for line in lines if (found := check(line))]
    return "false alarms", len(flagged), len(lines), flagged


def kinds() -> list[str]:
    return sorted({p.stem for part in PARTS for p in (CORPUS / part).glob("*.txt")})


def quality(show_misses: bool) -> None:
    from crisishouse.language import check

    print("Per kind: recall on lines that must be flagged (goal 95%), false alarms on everyday lines (ceiling 2%)")
    print(f"  {'kind':<36} " + " ".join(f"{h:>16}" for h in HEADINGS))
    totals: dict[tuple[str, str], list[int]] = {}
    for kind in kinds():
        cells = []
        for part in PARTS:
            path = CORPUS / part / f"{kind}.txt"
            if not path.exists():
                cells.append("-")
                continue
            what, count, of, wrong = measure(check, path)
            total = totals.setdefault((what, part), [0, 0])
            total[0] += count
            total[1] += of
            cells.append(f"{count / of:6.1%} ({count}/{of})")
            if show_misses and wrong and part in TUNED_ON:
                print(f"    {part} {kind}: " + ("missed" if what == "recall" else "flagged"))
                for line in wrong:
                    print(f"      {line}")
        label = "recall" if "everyday" not in kind else "false alarms"
        print(f"  {kind + ' ' + label:<36} " + " ".join(f"{c:>16}" for c in cells))
    for what in ("recall", "false alarms"):
        cells = []
        for part in PARTS:
            count, of = totals.get((what, part), [0, 0])
            cells.append(f"{count / of:6.1%} ({count}/{of})" if of else "-")
        print(f"  {'all ' + what:<36} " + " ".join(f"{c:>16}" for c in cells))
    for name in ("flagged_jargon.txt", "not_flagged_everyday.txt"):
        what, count, of, _ = measure(check, CORPUS / name)
        print(f"  {name + ' ' + what:<36} {count / of:6.1%} ({count}/{of})")


def disguises() -> None:
    """The generated disguises of the commonest labels (tests/language_disguises.py), by way of hiding."""
    from crisishouse.language import default_check
    from tests.language_disguises import measure as measure_disguises

    results = measure_disguises(default_check())
    caught = sum(r.caught for r in results.values())
    of = sum(r.of for r in results.values())
    print(
        f"Generated disguises: {of} sentences, each with a common label hidden (no corpus line): {caught / of:.1%} caught"
    )
    for way, result in results.items():
        missed = sorted(set(result.missed))
        note = f"  missed: {', '.join(missed[:6])}" if missed else ""
        print(f"  {way:<36} {result.share:6.1%} ({result.caught}/{result.of}){note}")


def _build_ms(cache: str) -> float:
    """Building the check in a fresh process, with the compiled vocabulary cache on or off."""
    code = (
        "import time\nt = time.perf_counter()\nfrom crisishouse.language import default_check\n"
        "default_check()\nprint((time.perf_counter() - t) * 1000)"
    )
    env = {**os.environ, "CRISISHOUSE_LANGUAGE_CACHE": cache}
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return min(runs)


def speed() -> None:
    """Wall-clock time (the budget) and this machine's processor time (steadier on a busy machine)."""
    from crisishouse.language import check, default_check

    build_cold = _build_ms("off")
    _build_ms("")  # writes the cache if it is not there yet
    build_cached = _build_ms("")
    default_check()
    lines = corpus_lines(CORPUS / "not_flagged_everyday.txt") + [
        line.partition("||")[0] for line in corpus_lines(CORPUS / "flagged_jargon.txt")
    ]
    for part in PARTS:
        for path in sorted((CORPUS / part).glob("*.txt")):
            lines += [line.partition("||")[0] for line in corpus_lines(path)]
    text = ""
    while len(text) < 100_000:
        text += "\n".join(lines) + "\n\u200b"
    text = text[:100_000]
    walls, cpus = [], []
    for _ in range(5):
        started, started_cpu = time.perf_counter(), time.process_time()
        check(text)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - started_cpu)
    wall_ms, cpu_ms = min(walls) * 1000, min(cpus) * 1000
    one_line = min(_time_one(check, line) for line in lines[:200]) * 1e6

    random.seed(15)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "10k.txt"
        # Numbered, so no two lines are the same.
        file.write_text("\n".join(f"{n}. {random.choice(lines)}" for n in range(1, 10_001)) + "\n", encoding="utf-8")
        cli = [sys.executable, "-c", _CLI, "check-language", str(file)]
        runs, cpu_runs = [], []
        for _ in range(3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(cli, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
            runs.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_runs.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    cli_s, cli_cpu = min(runs), min(cpu_runs)
    load = os.getloadavg()[0]
    print(f"Speed (best of several runs; load average {load:.1f} on {os.cpu_count()} cores: wall time grows with it)")
    print(f"  {'':44} {'wall':>9} {'processor':>10}")
    print(f"  {'building the check, compiling (off start-up)':44} {build_cold:6.0f} ms")
    print(f"  {'building the check, from the cache':44} {build_cached:6.0f} ms")
    print(f"  {'check() of one handover line':44} {one_line:6.0f} µs")
    verdict = "ok" if wall_ms < MS_FOR_100_KB_BUDGET else "OVER"
    print(
        f"  {'check() of 100 kB':44} {wall_ms:6.0f} ms {cpu_ms:7.0f} ms   "
        f"budget {MS_FOR_100_KB_BUDGET:.0f} ms: {verdict}"
    )
    verdict = "ok" if cli_s < S_FOR_10K_LINES_BUDGET else "OVER"
    print(
        f"  {'crisishouse check-language, 10,000 lines':44} {cli_s:6.2f} s  {cli_cpu:7.2f} s    "
        f"budget {S_FOR_10K_LINES_BUDGET:.0f} s: {verdict}"
    )
    print("  One line of 100 kB, processor time (a line with no end, and what a hostile one can hold):")
    for label, line in _ONE_LINES:
        cpu = min(_cpu_ms(check, line) for _ in range(3))
        verdict = "ok" if cpu < MS_FOR_100_KB_BUDGET else "OVER"
        print(f"    {label:42} {cpu:6.0f} ms   budget {MS_FOR_100_KB_BUDGET:.0f} ms: {verdict}")


def _cpu_ms(check: Check, text: str) -> float:
    started = time.process_time()
    check(text)
    return (time.process_time() - started) * 1000


# One line of 100 kB each: an ordinary handover sentence repeated, one sentence that never ends,
# one word, and lines made of what the check works hardest on.
_ONE_LINES = [
    (label, (unit * (100_000 // len(unit) + 1))[:100_000])
    for label, unit in (
        ("a handover sentence, repeated", "Mere had a good day and wants to ring her nan tonight. "),
        ("one sentence with no end", "kai at the marae then a walk and "),
        ("one word", "a"),
        ("'per the referral' with no sentence end", "per the referral she is well and "),
        ("a flagged word in every sentence", "He was manic at tea. "),
        ("a disguised word, over and over", "b1p0lar "),
        ("two-wildcard words, over and over", "p*ych*tic "),
        ("abbreviations listed together, over and over", "BPD/PD/LD "),
        ("symbols side by side, over and over", "dement!@ "),
        ("a starred-out word, over and over", "s*******a "),
        ("letters spaced by stars, no end", "a*b*c*d*"),
        ("symbols and nothing else", "$!$!$@!a"),
        ("a word one letter off, over and over", "dilusional "),
    )
]


_CLI = "import sys\nfrom crisishouse.cli import main\nsys.exit(main(sys.argv[1:]))"


def _time_one(check: Check, line: str) -> float:
    started = time.perf_counter()
    check(line)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--misses",
        action="store_true",
        help="list the lines missed or flagged (the parts tuned on only: never the unseen part)",
    )
    args = parser.parse_args()
    quality(args.misses)
    disguises()
    speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
