"""Tests that print on a real CUPS printer (see `make test-printer`)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_printer: prints through a real CUPS printer named by CRISISHOUSE_REAL_PRINTER "
        "(skipped unless it is set; `make test-printer` sets one up)",
    )
