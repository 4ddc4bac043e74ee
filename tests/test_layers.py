"""Data flows one way: screens -> services -> models and store; only the store knows TinyDB."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "crisishouse"
# What a screen may take from the store: the errors it shows.
STORE_ERRORS = {"StoreError", "StoreDamaged", "StoreTooNew", "StoreWriteError"}


def imports_of(path: Path) -> list[tuple[str, list[str]]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def test_only_the_store_imports_tinydb():
    """No module outside crisishouse/store imports tinydb."""
    for path in PACKAGE.rglob("*.py"):
        if "store" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for module, _names in imports_of(path):
            assert not module.startswith("tinydb"), path


def test_screens_reach_the_store_only_for_its_errors():
    """Screens call services; from the store they take only error types to show."""
    for path in (PACKAGE / "screens").rglob("*.py"):
        for module, names in imports_of(path):
            if module.startswith("crisishouse.store"):
                assert set(names) <= STORE_ERRORS, (path, names)
            assert not module.startswith("crisishouse.services.staff_records"), path


def test_models_and_services_know_nothing_of_textual():
    """Models, store and services never import the interface."""
    for folder in ("models", "store", "services", "language"):
        for path in (PACKAGE / folder).rglob("*.py"):
            for module, _names in imports_of(path):
                assert not module.startswith(("textual", "crisishouse.screens", "crisishouse.app")), path
