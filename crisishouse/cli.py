"""The `crisishouse` command: run the terminal, fill a demo, check a data folder, count for the funder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path("data/house")
DEMO_DATA = Path("data/demo")


def default_data_dir() -> Path:
    """The house's data: $CRISISHOUSE_DATA, or data/house under the current folder."""
    return Path(os.environ.get("CRISISHOUSE_DATA", DEFAULT_DATA))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crisishouse", description="A terminal for a peer-run crisis house.")
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="open the house terminal (the default)")
    run.add_argument("--data", type=Path, help="the house's data folder")
    run.add_argument("--demo", action="store_true", help=f"open the demo house in {DEMO_DATA}")
    demo = sub.add_parser("demo", help="fill a folder with a demo house")
    demo.add_argument("--data", type=Path, default=DEMO_DATA)
    demo.add_argument("--days", type=int, default=14, help="days of house life (default 14)")
    check = sub.add_parser(
        "check", help="verify a data folder, its settings and the rules across its records; exit 1 if anything is wrong"
    )
    check.add_argument("--data", type=Path, default=None)
    sub.add_parser("where", help="print where the house's data lives")
    report = sub.add_parser(
        "report",
        help="the funder's counts for a month (no names, nothing that identifies anyone)",
        description=(
            "Stays started and ended, bed nights, occupancy, length of stay, check-ins, "
            "mental health days and debriefs for one calendar month in the house's time zone. "
            "Counts only: no names, initials or dates of birth."
        ),
    )
    report.add_argument(
        "--month", default=None, metavar="YYYY-MM", help="the month, like 2026-10 (default: last month)"
    )
    report.add_argument("--csv", action="store_true", help="print CSV for the funder's spreadsheet")
    report.add_argument("--data", type=Path, default=None, help="the house's data folder")
    language = sub.add_parser(
        "check-language",
        help="flag diagnoses, jargon and deficit labels, line by line; exit 1 if any",
        description=(
            "Check each line of FILE (or standard input) for diagnostic language, clinical "
            "jargon, deficit labels and compliance talk, with everyday words to use instead. "
            "Exit 1 when anything was found, 0 when nothing was."
        ),
    )
    language.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE|-",
        help="a UTF-8 text file, or - for standard input (the default)",
    )
    language.add_argument("--json", action="store_true", help="print one JSON object per input line")
    language.add_argument(
        "--data",
        type=Path,
        default=None,
        help="also use the [language] words and exceptions in this house's house.toml",
    )
    return parser


def _run(data: Path | None, demo: bool) -> int:
    from crisishouse.app import CrisisHouseApp

    if demo:
        from crisishouse.demo import build_demo, demo_is_ready

        data = DEMO_DATA
        if not demo_is_ready(data):
            print(f"Making the demo house in {data} …", flush=True)
            build_demo(data, days=21)
    app = CrisisHouseApp(data or default_data_dir(), keep_start_up_out_of_collections=True)
    from crisishouse.terminal_watch import watch_terminal

    watch_terminal((0, 1, 2))  # a closed window ends the app, rather than leave it spinning
    app.run()
    return 0


def _demo(data: Path, days: int) -> int:
    from crisishouse.demo import build_demo

    if days < 1:
        print("--days must be at least 1", file=sys.stderr)
        return 2
    try:
        count = build_demo(data, days=days)
    except ValueError as refused:
        print(refused, file=sys.stderr)
        return 2
    print(f"Made a demo house of {days} days in {data}: {count:,} records.")
    return 0


def _check(data: Path) -> int:
    """Read every file of a data folder and the rules across its records; change nothing.

    Exit 0 when all is well, 1 when something needs mending, 2 when there
    is no folder to check.
    """
    from crisishouse.store import check_folder

    if not data.is_dir():
        print(f"crisishouse check: no such folder: {data}", file=sys.stderr)
        return 2
    report = check_folder(data)
    print(f"{data}: {report.files} data files")
    for kind, count in sorted(report.counts.items()):
        print(f"  {kind:<20} {count:>8,}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    _warn_about_cups()
    if report.ok:
        print("OK")
    else:
        print(f"{_count(len(report.problems), 'problem')} found: see above. Nothing was changed.")
    return 0 if report.ok else 1


def _warn_about_cups() -> None:
    """A warning (never a problem: the exit code stays) when the local CUPS keeps printed documents."""
    from crisishouse.printing import cups_keeps_job_files

    warning = cups_keeps_job_files()
    if warning:
        print(f"WARNING: {warning}")


def _count(count: int, word: str) -> str:
    return f"1 {word}" if count == 1 else f"{count:,} {word}s"


def _report(data: Path, month: str | None, as_csv: bool) -> int:
    """Print a month's counts for the funder; read only, nothing is changed."""
    from crisishouse.clock import Clock
    from crisishouse.housetime import house_today
    from crisishouse.services.report import add_months, build_month_report, month_first_day, month_key, report_csv
    from crisishouse.settings import SettingsError, load_settings
    from crisishouse.store import Store, StoreError

    def refuse(message: str) -> int:
        print(f"crisishouse report: {message}", file=sys.stderr)
        return 2

    if month is not None:
        try:
            month_first_day(month)
        except ValueError as bad:
            return refuse(str(bad))
    core = data / "store" / "core.json"
    if not core.is_file():
        return refuse(f"{data} is not a house's data folder: there is no {core}.")
    try:
        settings = load_settings(data)
    except SettingsError as problem:
        return refuse(str(problem))
    today = house_today(Clock().now(), settings.time_zone)
    try:
        store = Store.open(data)
        report = build_month_report(store, settings, month or add_months(month_key(today), -1), today)
    except ValueError as bad:
        return refuse(str(bad))
    except StoreError as problem:
        return refuse(str(problem))
    if as_csv:
        sys.stdout.write(report_csv([report]))
        return 0
    print(report.title)
    print("Counts only: no names, initials, dates of birth or anything else that could identify a guest.")
    print()
    rows = report.rows()
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    return 0


def _lines(count: int) -> str:
    return "1 line" if count == 1 else f"{count:,} lines"


# A file this long is checked on every core: each forked worker starts with the check already built.
_LINES_PER_WORKER = 2_000
_WORKING: tuple[Any, list[str]] | None = None


def _checked_lines(checker: Any, lines: list[str]) -> list[Any]:
    """Each line's findings, in order; on several cores at once for a long file."""
    global _WORKING
    import multiprocessing

    workers = min(os.cpu_count() or 1, len(lines) // _LINES_PER_WORKER, 8)
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [checker.check(line) for line in lines]
    checker.warm()  # what the check works out on its first use, worked out once before the fork
    _WORKING = (checker, lines)
    size = -(-len(lines) // workers)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_check_part, [(n, min(n + size, len(lines))) for n in range(0, len(lines), size)])
    except OSError:  # no process could be made (a limit): on this one, then
        return [checker.check(line) for line in lines]
    finally:
        _WORKING = None
    return [findings for part in parts for findings in part]


def _check_part(span: tuple[int, int]) -> list[Any]:
    assert _WORKING is not None, "set before the workers are forked"
    checker, lines = _WORKING
    return [checker.check(line) for line in lines[span[0] : span[1]]]


def _check_language(source: str, as_json: bool, data: Path | None) -> int:
    import json

    from crisishouse.language import LanguageCheck, default_check

    if data is None:
        checker = default_check()
    else:
        from crisishouse.settings import SettingsError, load_settings

        try:
            checker = LanguageCheck.from_settings(load_settings(data))
        except SettingsError as problem:
            print(f"crisishouse check-language: {problem}", file=sys.stderr)
            return 2
    try:
        if source == "-":
            stream = getattr(sys.stdin, "buffer", None)
            text = stream.read().decode("utf-8", "replace") if stream else sys.stdin.read()
        else:
            text = Path(source).read_text(encoding="utf-8", errors="replace")
    except OSError as problem:
        print(f"crisishouse check-language: cannot read {source}: {problem.strerror or problem}", file=sys.stderr)
        return 2
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    name = "<stdin>" if source == "-" else source
    found = flagged_lines = 0
    out: list[str] = []  # written once at the end: printing each of thousands of findings costs more than checking
    for number, findings in enumerate(_checked_lines(checker, [line.removesuffix("\r") for line in lines]), start=1):
        found += len(findings)
        flagged_lines += bool(findings)
        if as_json:
            out.append(json.dumps({"line": number, "findings": [f.as_dict() for f in findings]}, ensure_ascii=False))
            continue
        out.extend(f"{name}:{number}:{finding.start + 1}: {finding.explain()}" for finding in findings)
    if not as_json:
        if found:
            out.append(f"{found} to reword on {flagged_lines} of {_lines(len(lines))}.")
        else:
            out.append(f"Nothing to reword in {_lines(len(lines))}.")
    if out:
        sys.stdout.write("\n".join(out) + "\n")
    return 1 if found else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "run"):
        return _run(getattr(args, "data", None), getattr(args, "demo", False))
    if args.command == "demo":
        return _demo(args.data, args.days)
    if args.command == "check":
        return _check(args.data or default_data_dir())
    if args.command == "check-language":
        return _check_language(args.file, args.json, args.data)
    if args.command == "report":
        return _report(args.data or default_data_dir(), args.month, args.csv)
    if args.command == "where":
        print(default_data_dir().resolve())
        return 0
    return 2
