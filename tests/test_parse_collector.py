"""Parsing a data file pauses the cyclic collector, and always leaves it as it found it."""

from __future__ import annotations

import contextlib
import gc
from pathlib import Path

import pytest

from crisishouse.store.atomic import parse_data
from crisishouse.store.errors import StoreDamaged


@pytest.fixture
def collector():  # type: ignore[no-untyped-def]
    was_on = gc.isenabled()
    yield
    if was_on:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("raw", [b'{"guests": {"a": {"id": "a"}}}', b'{"guests": {', b"[1, 2]", b"\xff"])
@pytest.mark.parametrize("on", [True, False])
def test_the_collector_is_left_as_it_was(collector, raw: bytes, on: bool) -> None:  # type: ignore[no-untyped-def]
    gc.enable() if on else gc.disable()
    with contextlib.suppress(StoreDamaged):
        parse_data(Path("core.json"), raw)
    assert gc.isenabled() is on


def test_the_collector_is_paused_while_parsing(collector, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import crisishouse.store.atomic as atomic

    seen = []
    real_loads = atomic.json.loads

    def loads(text: str):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real_loads(text)

    monkeypatch.setattr(atomic.json, "loads", loads)
    gc.enable()
    parse_data(Path("core.json"), b'{"staff": {}}')
    assert seen == [False]
    assert gc.isenabled()
