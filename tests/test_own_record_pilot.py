"""A guest's own record through the house terminal, and erasure at leaving (Textual Pilot).

Each step is checked in the house's data (what was kept) and on the screen
(what people see).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input

from crisishouse.app import CrisisHouseApp
from crisishouse.clock import FixedClock
from crisishouse.models import AccessEvent, Erasure, Guest, GuestNote, HandoverEntry, Statement, Stay, TalkRequest
from crisishouse.screens.board import BoardScreen
from crisishouse.screens.copy_form import SaveCopyForm
from crisishouse.screens.erasure import ConfirmScreen, EraseRecordScreen
from crisishouse.screens.guest import GuestScreen
from crisishouse.screens.stay_forms import LeaveForm
from crisishouse.screens.voice_forms import NoteForm, StatementForm
from crisishouse.services import ServiceError
from crisishouse.widgets.record_tabs import RecordTabs
from tests.pilot_helpers import screen_text, sign_in, workers_done

MARKUP = "[bold red]not bold[/] [@click=app.quit]q[/]"
STATEMENT = f"I said I'd try, not that I would. {MARKUP} Māori 🌿"


def _stay_of(app: CrisisHouseApp, name: str) -> Stay:
    store = app.house.store
    guests = {g.id: g for g in store.find(Guest)}
    return next(s for s in store.find(Stay, where={"left_at": None}) if guests[s.guest_id].chosen_name == name)


async def _open_guest(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    stay = _stay_of(app, name)
    table = app.screen.query_one("#rooms", DataTable)
    table.move_cursor(row=list(app.house.settings.rooms).index(stay.room))
    await pilot.pause()
    await pilot.press("enter")
    assert isinstance(app.screen, GuestScreen)


async def _lock_and_sign_in(pilot, name: str, pin: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+l")
    await pilot.pause()
    await sign_in(pilot, name, pin)


async def test_a_guest_reviews_agrees_asks_to_talk_and_prints(demo_dir: Path, clock: FixedClock):
    """Mere sees who opened her record, agrees to a line, asks to talk about it, adds her statement and a note, and prints."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = _stay_of(app, "Mere")
        line = app.house.handover.add_line(app.session, stay.guest_id, "Would like a quiet morning tomorrow.")
        await _open_guest(pilot, "Mere")  # Tama's opening goes in her access log
        await _lock_and_sign_in(pilot, "Mere", "3333")
        screen = app.screen
        assert isinstance(screen, GuestScreen) and screen.guest_id == stay.guest_id

        # Who opened her record, in plain words.
        await pilot.press("6")
        assert "Tama (peer staff) opened your record, Tuesday 10:30" in screen_text(app)

        # Her handover lines: the newest (not agreed yet) is highlighted first.
        await pilot.press("4")
        assert "not agreed yet" in screen_text(app)
        await pilot.press("a")
        assert app.house.store.get(HandoverEntry, line.id, stay_id=stay.id).agreed

        # "I'd like to talk about this" on that line.
        await pilot.press("t")
        requests = app.house.store.find(TalkRequest, stay_id=stay.id)
        assert [(r.about_kind, r.about_id) for r in requests] == [("handover", line.id)]
        row = next(text for text in screen_text(app).splitlines() if "quiet morning" in text)
        assert "asked" in row

        # Her statement on it, shown with it, literally.
        await pilot.press("d")
        assert isinstance(app.screen, StatementForm)
        app.screen.query_one("#statement-text", Input).value = STATEMENT
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GuestScreen)
        (statement,) = app.house.store.find(Statement, stay_id=stay.id)
        assert statement.text == STATEMENT and statement.about_id == line.id
        assert "Statement: I said I'd try" in screen_text(app)
        assert "[bold red]not bold[/]" in screen_text(app)  # shown as typed, never as markup

        # A note of her own, just for her.
        await pilot.press("n")
        assert isinstance(app.screen, NoteForm)
        app.screen.query_one("#note-text", Input).value = "Remember the library books."
        await pilot.press("ctrl+s")
        await pilot.pause()
        (note,) = app.house.store.find(GuestNote, stay_id=stay.id)
        assert not note.for_staff
        assert app.screen.query_one("#guest-tabs", RecordTabs).active == "tab-notes"
        assert "Remember the library books." in screen_text(app)

        # Her copy of everything, printed (saved first).
        await pilot.press("p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (copy,) = (demo_dir / "printouts").glob("*own-record*.txt")
        text = copy.read_text(encoding="utf-8")
        for expected in (
            "quiet morning",
            "Your statement: I said I'd try",
            "Remember the library books.",
            "Tama (peer staff) opened your record",
        ):
            assert expected in " ".join(text.split()), expected
        # Her own session's openings are not logged: only Tama's.
        assert {e.actor_name for e in app.house.store.find(AccessEvent, stay_id=stay.id) if e.at >= clock.now()} == {
            "Tama"
        }

        # Staff see her request on the board; her private note they do not.
        await _lock_and_sign_in(pilot, "Tama", "2222")
        assert isinstance(app.screen, BoardScreen)
        board = screen_text(app)
        assert "Would like to talk: Mere" in board and "about a handover line" in board
        await _open_guest(pilot, "Mere")
        await pilot.press("5")
        assert "Remember the library books." not in screen_text(app)
        await pilot.press("4", "k")  # talked about it together
        assert not app.house.voice.open_requests(app.session)


async def test_leaving_with_erasure_gives_the_record_then_erases_it(demo_dir: Path, clock: FixedClock, tmp_path: Path):
    """Staff record the leaving, save the complete record for the guest, and erase it for good."""
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = _stay_of(app, "Mere")
        erased_before = len(app.house.store.find(Erasure))
        await _open_guest(pilot, "Mere")
        await pilot.press("l")
        assert isinstance(app.screen, LeaveForm)
        next(b for b in app.screen.query("RadioButton") if b.name == "erase").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EraseRecordScreen)
        assert app.screen.query_one("#erase-now", Button).disabled  # not before the record is given

        await pilot.press("s")
        assert isinstance(app.screen, SaveCopyForm)
        app.screen.query_one("#copy-folder", Input).value = str(stick)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = stick.glob("*.txt")
        assert "Mere's own copy" in saved.read_text(encoding="utf-8")
        assert not app.screen.query_one("#erase-now", Button).disabled

        await pilot.click("#erase-now")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-yes")
        await workers_done(pilot)  # the erasure runs in a worker
        assert isinstance(app.screen, BoardScreen)
        assert app.house.store.get(Guest, stay.guest_id) is None
        assert not (demo_dir / "store" / "stays" / f"{stay.id}.json").exists()
        erasures = app.house.store.find(Erasure)
        assert len(erasures) == erased_before + 1
        assert "Mere" not in screen_text(app)


async def test_a_departed_guest_waiting_for_erasure_is_on_the_board(demo_dir: Path, clock: FixedClock):
    """A guest who left choosing erasure, not yet erased, shows on the board until staff hand over and erase."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        stay = _stay_of(app, "Mere")
        mere = app.house.sign_in.sign_in("Mere", "3333")
        app.house.voice.write_note(mere, "Just for me")
        app.house.stays.leave(app.session, stay.id, "erase")
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        screen.action_refresh()
        await pilot.pause()
        assert "To hand over and erase (x): Mere (left 24 Nov)" in screen_text(app)
        await pilot.press("x")
        assert isinstance(app.screen, EraseRecordScreen)
        assert "They keep 1 note just for themselves" in " ".join(screen_text(app).replace("│", " ").split())
        await pilot.press("n")  # they did not want a copy
        await pilot.click("#erase-now")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await workers_done(pilot)  # the erasure runs in a worker
        assert app.house.store.get(Guest, stay.guest_id) is None
        assert "To hand over and erase" not in screen_text(app)


async def _erasure_asked(pilot: Pilot[None], app: CrisisHouseApp) -> Stay:
    """Tama records Mere leaving with erasure and opens the erasure dialog; no copy wanted, Erase now pressed."""
    await sign_in(pilot, "Tama", "2222")
    stay = _stay_of(app, "Mere")
    app.house.stays.leave(app.session, stay.id, "erase")
    app.screen.action_refresh()
    await pilot.press("x")
    assert isinstance(app.screen, EraseRecordScreen)
    await pilot.press("n")
    await pilot.click("#erase-now")
    await pilot.pause()
    assert isinstance(app.screen, ConfirmScreen)
    return stay


async def test_an_erasure_under_way_cannot_be_closed_or_asked_again(
    demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    """While the erasure runs, the dialog says so, and Esc, its keys and its buttons do nothing until it is done."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        stay = await _erasure_asked(pilot, app)
        erasures = app.house.erasures
        real = erasures.erase_with_report
        started, release = threading.Event(), threading.Event()
        calls: list[tuple[object, ...]] = []

        def slow(*args: Any) -> object:
            calls.append(args)
            started.set()
            release.wait(30)
            return real(*args)

        monkeypatch.setattr(erasures, "erase_with_report", slow)
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert started.wait(10)
        screen = app.screen
        assert isinstance(screen, EraseRecordScreen) and screen.erasing
        assert "Erasing the record" in screen_text(app)
        assert all(button.disabled for button in screen.query(Button))
        await pilot.press("escape", "n", "p", "s")
        await pilot.click("#erase-close")
        await pilot.click("#erase-now")
        assert app.screen is screen and "Erasing the record" in screen_text(app)
        release.set()
        await workers_done(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert len(calls) == 1
        assert app.house.store.get(Guest, stay.guest_id) is None


async def test_an_erasure_refused_comes_back_as_a_notice(
    demo_dir: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
):
    """A refusal from the erasure worker is a notice in its own words (never markup), and the dialog works again."""
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        stay = await _erasure_asked(pilot, app)

        def refused(*_args: object) -> object:
            raise ServiceError(f"Not erased: {MARKUP}")

        monkeypatch.setattr(app.house.erasures, "erase_with_report", refused)
        await pilot.click("#confirm-yes")
        await workers_done(pilot)
        screen = app.screen
        assert isinstance(screen, EraseRecordScreen) and not screen.erasing
        (told,) = [n for n in app._notifications if n.severity == "error"]
        assert told.message == f"Not erased: {MARKUP}" and not told.markup
        assert not screen.query_one("#erase-now", Button).disabled
        await pilot.press("escape")
        assert isinstance(app.screen, BoardScreen)
        assert app.house.store.get(Guest, stay.guest_id) is not None
