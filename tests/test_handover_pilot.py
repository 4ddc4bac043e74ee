"""The handover written with every guest, then printed (Pilot), and what it looks like."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.page_layout import render_handover
from crisishouse.screens.handover import HandoverScreen
from crisishouse.screens.handover_form import LineForm
from crisishouse.services import House
from tests.pilot_helpers import screen_text, sign_in

SIZES = [(80, 24), (120, 40)]


async def write_line(pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    """n, the words, Ctrl+S: a line for the highlighted guest."""
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LineForm)
    pilot.app.screen.query_one("#line-text", Input).value = words
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def agree_last_line(pilot) -> None:  # type: ignore[no-untyped-def]
    """Highlight the guest's last line and mark it read back and agreed."""
    lines = pilot.app.screen.query_one("#handover-lines", DataTable)
    lines.focus()
    lines.move_cursor(row=lines.row_count - 1)
    await pilot.press("g")
    await pilot.pause()
    pilot.app.screen.query_one("#handover-cards", DataTable).focus()
    await pilot.pause()


async def test_a_whole_handover_with_every_guest(demo_dir: Path, clock: FixedClock):
    """Lines with each guest; one not agreed (never printed); one flagged (refused, fixed, printed)."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HandoverScreen)
        cards = app.screen.query_one("#handover-cards", DataTable)
        names = [c.guest.chosen_name for c in app.screen.cards]
        for row, name in enumerate(names):
            cards.move_cursor(row=row)
            await pilot.pause()
            words = f"{name} would like a slow start tomorrow and a walk by the awa"
            if row == 1:
                words = f"{name} presenting as non-compliant with meds"
            await write_line(pilot, words)
            if row == 2:
                continue  # this guest does not agree to their line
            await agree_last_line(pilot)
        cards.move_cursor(row=1)
        await pilot.pause()
        assert "check words" in screen_text(app)

        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "The handover was not printed" in shown and "non-compliant" in shown
        assert not (demo_dir / "printouts").exists()

        # Fixed with the suggestion, read back and agreed again.
        cards.move_cursor(row=1)
        await pilot.pause()
        lines = app.screen.query_one("#handover-lines", DataTable)
        lines.focus()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#line-text", Input).value = f"{names[1]} chose not to take it today, and that's okay"
        await pilot.pause()
        assert "No diagnostic or clinical language found" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = screen_text(app)
        assert "The handover was not printed" not in shown, "the refusal's list goes once the line is fixed"
        assert "Everything that stopped the print is fixed" in shown
        await agree_last_line(pilot)

        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "No printer is set up" in shown
        assert f"{names[2]}" in shown and "not agreed, not printed" in shown
    [printout] = list((demo_dir / "printouts").glob("*.txt"))
    text = printout.read_text(encoding="utf-8")
    assert f"{names[1]} chose not to take it today, and that's okay" in text
    assert f"{names[0]} would like a slow start" in text
    assert f"{names[2]} would like a slow start" not in text
    assert "non-compliant" not in text


async def test_guest_agrees_in_their_own_session(demo_dir: Path, clock: FixedClock):
    """Mere sees a line about her as not agreed, agrees with a key, and it shows as agreed."""
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    mere = house.sign_in.sign_in("Mere", "3333")
    house.handover.add_line(tama, mere.person_id, "Would like to bake with the house on Thursday")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Mere", "3333")
        await pilot.press("4")
        await pilot.pause()
        assert "not agreed yet" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert "agreed" in screen_text(app) and "not agreed yet" not in screen_text(app)
    [line] = [c for c in house.handover.card(tama, mere.person_id).lines]
    assert line.entry.agreed and line.entry.agreed_how == "in their own session"


def _handover_ready(demo_dir: Path, clock: FixedClock) -> None:
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    cards = house.handover.cards(tama)
    for n, card in enumerate(cards[:4]):
        line = house.handover.add_line(tama, card.guest.id, f"Enjoyed the garden with whānau; line {n + 1}")
        if n != 3:
            house.handover.agree(tama, line, read_back=True)
    house.handover.add_house_line(tama, "Kai delivery at 9; the van needs petrol")


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_handover_screen(snap_compare, demo_dir: Path, clock: FixedClock, size):
    """The handover screen with lines agreed, one waiting, and a house part."""
    _handover_ready(demo_dir, clock)

    async def opened(pilot):
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(CrisisHouseApp(demo_dir, clock), terminal_size=size, run_before=opened)


def test_printed_handover_at_80_columns(snapshot, demo_dir: Path, clock: FixedClock):
    """The printed text of a handover, at 80 columns, kept from drifting."""
    _handover_ready(demo_dir, clock)
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    document, _left_out = house.handover.document(tama)
    text = render_handover(document)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert text == snapshot


async def test_past_handovers_can_be_read(demo_dir: Path, clock: FixedClock):
    """A printed handover is listed under past handovers and reads as it was printed."""
    _handover_ready(demo_dir, clock)
    house = House.open(demo_dir, clock)
    tama = house.sign_in.sign_in("Tama", "2222")
    outcome, _left = house.handover.print_handover(tama)
    assert house.handover.past_printouts(tama) == [outcome.saved_to]
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        shown = screen_text(app)
        assert "Enjoyed the garden with whānau; line 1" in shown
        assert "24 Nov morning, printed Tue 10:30" in shown.replace("\n", "")


def test_past_handovers_are_staff_only(demo_house: House):
    """A guest session cannot list or read the house's past handovers."""
    from crisishouse.services import NotAllowed

    mere = demo_house.sign_in.sign_in("Mere", "3333")
    with pytest.raises(NotAllowed):
        demo_house.handover.past_printouts(mere)
    with pytest.raises(NotAllowed):
        demo_house.handover.read_printout(mere, "anything.txt")
