"""A package's names imported from their own modules when first asked for (PEP 562).

Used by packages whose modules are costly to import and seldom all needed
at once (`crisishouse.models`, `crisishouse.language`).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def names_on_demand(package: str, module_of: Mapping[str, str]) -> Callable[[str], Any]:
    """The `__getattr__` of `package`: each name from its module in `module_of`, kept once found."""

    def __getattr__(name: str) -> Any:
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
