"""One way to change records: read, check and write as one step under the house lock."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from crisishouse.store import Store


class HasStore(Protocol):
    store: Store


S = TypeVar("S", bound=HasStore)
P = ParamSpec("P")
R = TypeVar("R")


def one_step(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Run a service method that reads, checks and saves records as one step.

    Inside, every read is from disk and no other terminal writes until the
    method returns, so a rule it checked (the stay has not ended, the room is
    free, the line is still there) still holds when it saves. Language checks
    and PIN hashing, which are slow, belong before a step, not in one.
    """

    @functools.wraps(method)
    def in_one_step(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.store.transaction():
            return method(self, *args, **kwargs)

    return in_one_step
