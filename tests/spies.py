"""Record the calls of a function the code under test makes, and let each through."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest


def record_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, what: Callable[..., Any]) -> list[Any]:
    """Replace `owner.name` for the test: each call is recorded as `what(*args)` and then made as before."""
    seen: list[Any] = []
    real = getattr(owner, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(what(*args, **kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return seen
