"""A house's service, imported and built the first time it is asked for.

The lock screen needs only the sign-in: importing every service before it
shows cost a cold start about 60 ms. `House` builds the rest when a screen
(or the warm-up after the lock screen shows) first asks for them.
"""

from __future__ import annotations

import importlib
import threading
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")

_BUILDING = threading.RLock()
"""One service built at a time, so two threads never build two copies (an RLock: a service's
own services are built inside its building)."""


class OnFirstUse(Generic[T]):
    """A service of the house: `module.name(house.ctx, *(house.<need> for need in needs))`.

    Once built it is kept in the house's own attributes, so asking again is a
    plain attribute read; `forget` drops them all when the house rebuilds its
    services on new settings.
    """

    def __init__(self, module: str, name: str, *needs: str) -> None:
        self.module = module
        self.name = name
        self.needs = needs
        self.attribute = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    @overload
    def __get__(self, house: None, owner: type) -> OnFirstUse[T]: ...

    @overload
    def __get__(self, house: object, owner: type) -> T: ...

    def __get__(self, house: object | None, owner: type) -> OnFirstUse[T] | T:
        if house is None:
            return self
        with _BUILDING:
            kept = vars(house)
            if self.attribute not in kept:
                # Each asked for before this one's building begins, so a failure leaves nothing half kept.
                needs = [getattr(house, need) for need in self.needs]
                built = getattr(importlib.import_module(self.module), self.name)(house.ctx, *needs)  # type: ignore[attr-defined]
                kept[self.attribute] = built
            service: T = kept[self.attribute]
            return service


def services_of(owner: type) -> list[str]:
    """The names of a class's services built on first use (its own and its bases'), as declared."""
    names: dict[str, None] = {}
    for klass in reversed(owner.__mro__):
        names.update((name, None) for name, value in vars(klass).items() if isinstance(value, OnFirstUse))
    return list(names)


def renew(house: Any, ctx: Any) -> None:
    """Give a house a new context and drop its built services, in one step.

    Under the building lock: a service being built meanwhile (in a worker) is built wholly on
    the old context, then dropped, never from a mix of old and new.
    """
    with _BUILDING:
        house.ctx = ctx
        for name in services_of(type(house)):
            vars(house).pop(name, None)


__all__ = ["OnFirstUse", "renew", "services_of"]
