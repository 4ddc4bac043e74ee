"""Helpers for driving the app with Textual's Pilot."""

from __future__ import annotations

import html
import io
import re
from typing import Any

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot


async def workers_done(pilot: Pilot[Any]) -> None:
    """Wait for every worker (opening the house, an erasure, a printout) to finish, and the screen to show it."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def opened(pilot: Pilot[Any]) -> None:
    """Wait until the house's data has opened behind the lock screen."""
    await workers_done(pilot)


async def sign_in(pilot: Pilot[Any], name: str, pin: str) -> None:
    """Fill in the lock screen's name and PIN, press Enter, and wait for the answer.

    (Typing each key costs a Pilot pause; test_app_pilot types them for real.)
    """
    app = pilot.app
    await opened(pilot)
    app.screen.query_one("#name").value = name
    pin_input = app.screen.query_one("#pin")
    pin_input.value = pin
    pin_input.focus()
    await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_sign_in(pilot: Pilot[Any], name: str, pin: str) -> None:
    """Sign in by typing every key, as a person does."""
    app = pilot.app
    await opened(pilot)
    app.screen.query_one("#name").value = ""
    await pilot.click("#name")
    await pilot.press(*name, "enter")
    await pilot.pause()
    await pilot.press(*pin, "enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


_TEXT = re.compile(r'<text [^>]*clip-path="url\(#[^)]*-line-(\d+)\)"[^>]*>(.*?)</text>', re.S)


def screen_text(app: App[Any]) -> str:
    """What the screen shows, line by line, as plain text (from the SVG export)."""
    lines: dict[int, list[str]] = {}
    for number, chunk in _TEXT.findall(app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(chunk))
    return "\n".join("".join(lines[n]) for n in sorted(lines)).replace("\xa0", " ")


def screen_rows(app: App[Any]) -> list[str]:
    """What the screen shows, one string a row, every space kept (as the terminal draws it)."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system=None, legacy_windows=False
    )
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text().splitlines()


async def press_f2(pilot: Pilot[Any], name: str, pin: str, *, answer: bool | None = True) -> None:
    """Name and PIN on the lock screen, then F2; then answer the question it asks (None: leave it open)."""
    from crisishouse.screens.confirm import ConfirmScreen

    app = pilot.app
    app.screen.query_one("#name").value = name  # type: ignore[attr-defined]
    app.screen.query_one("#pin").value = pin  # type: ignore[attr-defined]
    app.screen.query_one("#pin").focus()
    await pilot.press("f2")
    await workers_done(pilot)
    if answer is not None and isinstance(app.screen, ConfirmScreen):
        await pilot.click("#confirm-yes" if answer else "#confirm-no")
        await workers_done(pilot)
