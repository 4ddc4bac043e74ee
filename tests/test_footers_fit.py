"""Every key a person needs is in the footer at 80x24, or one F1 away: no label is cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from tests.pilot_helpers import screen_rows, sign_in


def shown_labels(app: CrisisHouseApp) -> list[str]:
    """The labels of the keys the footer shows now."""
    return [
        active.binding.description
        for active in app.screen.active_bindings.values()
        if active.binding.show and active.enabled and active.binding.description
    ]


@pytest.mark.parametrize(("who", "pin"), [("Mere", "3333"), ("Tama", "2222")])
async def test_the_guest_record_footer_fits_on_every_tab(demo_dir: Path, clock: FixedClock, who: str, pin: str):
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, who, pin)
        if who == "Tama":
            await pilot.press("enter")
            await pilot.pause()
        for tab in "123456":
            await pilot.press(tab)
            await pilot.pause()
            footer = screen_rows(app)[-1]
            for label in shown_labels(app):
                assert f" {label} " in f"{footer} ", f"{who}, tab {tab}: {label!r} is cut in {footer!r}"
            assert "Print" in footer and "Lock" in footer
