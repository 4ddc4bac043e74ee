"""`crisishouse check-language` on a long file uses every core, and says exactly what one core says."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

import crisishouse.cli as cli
from crisishouse.cli import main

CORPUS = Path(__file__).parent / "language_corpus"


@pytest.fixture(scope="module")
def long_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = [
        line.partition("||")[0].strip()
        for path in sorted(CORPUS.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    rng = random.Random(10)
    file = tmp_path_factory.mktemp("notes") / "notes.txt"
    # Carriage returns and an empty line too: the line numbers must still be the file's own.
    chosen = [f"{n}. {rng.choice(lines)}" for n in range(1, 1_201)]
    chosen[7] += "\r"
    chosen[500] = ""
    file.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check-language", *args])
    return code, capsys.readouterr().out


def one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 1)


@pytest.mark.parametrize("as_json", [False, True])
def test_several_cores_say_what_one_says_line_for_line(
    long_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, as_json: bool
):
    args = (["--json"] if as_json else []) + [str(long_file)]
    with monkeypatch.context() as patched:
        one_core(patched)
        alone = run(capsys, *args)
    forks: list[int] = []
    cli_pool_counter(monkeypatch, forks)
    monkeypatch.setattr(cli, "_LINES_PER_WORKER", 300)
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 3)
    together = run(capsys, *args)
    assert forks == [3]
    assert together == alone
    assert alone[0] == 1 and alone[1].count("\n") > 100


def cli_pool_counter(monkeypatch: pytest.MonkeyPatch, forks: list[int]) -> None:
    """Count the workers of each pool made (the real pool still does the work)."""
    import multiprocessing

    real = multiprocessing.get_context

    def counting(method: str | None = None) -> Any:
        context = real(method)
        make = context.Pool

        def pool(processes: int | None = None, *args: Any, **kwargs: Any) -> Any:
            forks.append(processes or 0)
            return make(processes, *args, **kwargs)

        context.Pool = pool  # type: ignore[method-assign]
        return context

    monkeypatch.setattr(multiprocessing, "get_context", counting)


def test_a_short_file_is_checked_on_one_core(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    forks: list[int] = []
    cli_pool_counter(monkeypatch, forks)
    notes = tmp_path / "notes.txt"
    notes.write_text("Presenting as non-compliant\nWould like porridge\n", encoding="utf-8")
    assert run(capsys, str(notes))[0] == 1
    assert forks == []


def test_no_process_to_be_had_checks_on_this_one(
    long_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
):
    with monkeypatch.context() as patched:
        one_core(patched)
        alone = run(capsys, str(long_file))
    import multiprocessing

    class Refused:
        def Pool(self, *_args: Any, **_kwargs: Any) -> Any:
            raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(multiprocessing, "get_context", lambda _method=None: Refused())
    monkeypatch.setattr(cli, "_LINES_PER_WORKER", 300)
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 4)
    assert run(capsys, str(long_file)) == alone
