"""`crisishouse.models` imports each record's module when one of its names is first asked for.

Opening the house needs guests, stays and staff only; the other record
classes (some 140 generated methods between them) are built later, while
someone types at the lock screen.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from crisishouse import models
from crisishouse.store.schema import KINDS, kind_of

ROOT = Path(__file__).resolve().parent.parent

_FRESH = """
import sys
from crisishouse import models
before = sorted(m for m in sys.modules if m.startswith("crisishouse.models."))
from crisishouse.models import CheckIn
after = sorted(m for m in sys.modules if m.startswith("crisishouse.models."))
print(" ".join(before)); print(" ".join(after))
"""


def test_every_class_of_a_model_module_is_exported():
    """A record class added to a model module is reachable from the package, as the store needs."""
    for info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == module.__name__:
                assert models._MODULE_OF.get(name) == info.name, f"{info.name}.{name}"
    for kind in KINDS:
        assert kind.class_name in models.__all__, kind.class_name


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Diagnosis'"):
        _ = models.Diagnosis  # type: ignore[attr-defined]
    with pytest.raises(ImportError):
        exec("from crisishouse.models import Diagnosis", {})


def test_importing_the_package_builds_no_record_class():
    """A fresh interpreter: the package alone imports no model module; asking for one name imports its module only."""
    done = subprocess.run([sys.executable, "-c", _FRESH], capture_output=True, text=True, cwd=ROOT, check=True)
    before, after = (line.split() for line in done.stdout.splitlines())
    assert before == []
    assert "crisishouse.models.check_in" in after
    assert "crisishouse.models.guest_voice" not in after and "crisishouse.models.shifts" not in after


def test_the_store_finds_each_kind_by_its_class():
    """The schema names classes; `kind_of` gives each class its own kind, and refuses a look-alike."""
    for kind in KINDS:
        assert kind_of(kind.cls) is kind
        assert kind.cls.__name__ == kind.class_name

    look_alike = type("Guest", (), {})
    with pytest.raises(TypeError, match="not a record the store keeps"):
        kind_of(look_alike)
    with pytest.raises(TypeError, match="not a record the store keeps"):
        kind_of(int)
