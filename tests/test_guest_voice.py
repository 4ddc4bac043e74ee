"""A guest's own voice: notes, statements, asking to talk, who opened the record, the complete copy.

Principles 1 and 2: every record about a guest is visible to that guest, a
statement travels with the entry it is about, a guest can see who opened
their record, and can print or save all of it.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import AccessEvent, Guest, GuestNote, Statement
from crisishouse.printing import printable
from crisishouse.services import House, NotAllowed, ServiceError, Session, WordsToNotice
from crisishouse.services.handover_document import PrintRefused
from crisishouse.store import AppendOnly
from crisishouse.text import clean_text
from tests.bad_input import BAD_WORDS, BIG
from tests.builders import agreed_line, flat
from tests.sessions import staff_of

WALLS = {"tinana": 6, "hinengaro": 4, "whanau": 8, "wairua": 5}
FLAGGED = "They said I was attention-seeking"


# -- helpers -----------------------------------------------------------------


def bare(text: str) -> str:
    """Text with no whitespace at all (long words are folded across lines on a page)."""
    return "".join(text.split())


def events(house: House, stay_id: str, what: str | None = None) -> list[AccessEvent]:
    found = house.store.find(AccessEvent, stay_id=stay_id, where={"what": what} if what else None)
    return sorted(found, key=lambda e: e.at)


def staff_events_now(house: House, stay_id: str, actor: Session, what: str) -> list[AccessEvent]:
    """Events `actor` left on the stay for `what` in the last five minutes."""
    since = house.clock.now().subtract(minutes=5)
    return [e for e in events(house, stay_id, what) if e.actor_id == actor.person_id and e.at >= since]


def first_check_in(house: House, session: Session):  # type: ignore[no-untyped-def]
    return house.records.open(session, session.person_id).check_ins[0]


# -- notes -------------------------------------------------------------------


def test_a_note_is_the_guests_alone_until_she_shares_it(demo_house: House, tama: Session, mere: Session):
    """Private by default; staff read it only once Mere lets them; Mere always sees all of hers."""
    private = demo_house.voice.write_note(mere, "Just for me: the garden at dusk")
    assert private.for_staff is False
    assert demo_house.voice.notes(tama, mere.person_id) == []
    assert demo_house.records.open(tama, mere.person_id).notes == ()

    shared = demo_house.voice.write_note(mere, "Staff may read this: I'd like a walk at four", for_staff=True)
    assert [n.id for n in demo_house.voice.notes(tama, mere.person_id)] == [shared.id]

    demo_house.voice.share_note(mere, private.id, True)
    assert {n.id for n in demo_house.voice.notes(tama, mere.person_id)} == {private.id, shared.id}
    demo_house.voice.share_note(mere, private.id, False)
    assert [n.id for n in demo_house.voice.notes(tama, mere.person_id)] == [shared.id]

    mine = demo_house.voice.notes(mere, mere.person_id)
    assert [n.text for n in mine] == ["Just for me: the garden at dusk", "Staff may read this: I'd like a walk at four"]
    assert [n.id for n in demo_house.records.open(mere, mere.person_id).notes] == [private.id, shared.id]


def test_only_the_guest_writes_or_shares_her_notes(demo_house: House, tama: Session, mere: Session, kiri: Session):
    """Staff cannot write a guest's note; another guest cannot read or share it."""
    note = demo_house.voice.write_note(mere, "Mine")
    with pytest.raises(NotAllowed):
        demo_house.voice.write_note(tama, "A staff note about Mere")
    with pytest.raises(NotAllowed):
        demo_house.voice.share_note(tama, note.id, True)
    with pytest.raises(NotAllowed):
        demo_house.voice.share_note(kiri, note.id, True)
    with pytest.raises(NotAllowed):
        demo_house.voice.notes(kiri, mere.person_id)
    assert demo_house.voice.notes(tama, mere.person_id) == []


def test_a_note_with_flagged_words_is_shown_once_then_kept(demo_house: House, mere: Session):
    """The check says what it found; saved again with the words noticed, the note is hers as written."""
    with pytest.raises(WordsToNotice, match="attention-seeking"):
        demo_house.voice.write_note(mere, FLAGGED)
    assert demo_house.voice.notes(mere, mere.person_id) == []
    kept = demo_house.voice.write_note(mere, FLAGGED, words_noticed=True)
    assert [n.text for n in demo_house.voice.notes(mere, mere.person_id)] == [FLAGGED]
    assert kept.text == FLAGGED


# -- statements --------------------------------------------------------------


def test_a_statement_travels_with_its_entry_everywhere(demo_house: House, tama: Session, mere: Session):
    """On a check-in, an intention and a handover line: in her record, on the card, printed, in her copy."""
    voice, handover = demo_house.voice, demo_house.handover
    check_in = first_check_in(demo_house, mere)
    intention = demo_house.intentions.set(mere, mere.person_id, "Ring my sister about Sunday")
    line = agreed_line(demo_house, tama, mere.person_id, "Mere would like porridge for breakfast")

    voice.attach_statement(mere, "check_in", check_in.id, "I was resting, not avoiding anyone")
    voice.attach_statement(mere, "intention", intention.id, "It is my cousin, not my sister")
    voice.attach_statement(mere, "handover", line.id, "I said toast, not porridge")

    for session in (mere, tama):
        record = demo_house.records.open(session, mere.person_id)
        assert record.statement_on("check_in", check_in.id) == "I was resting, not avoiding anyone"
        assert record.statement_on("intention", intention.id) == "It is my cousin, not my sister"
        assert record.statement_on("handover", line.id) == "I said toast, not porridge"
        assert set(record.statements) == {("check_in", check_in.id), ("intention", intention.id), ("handover", line.id)}
        assert record.statement_on("handover", "no-such-line") == ""

    card = next(c for c in handover.cards(tama) if c.guest.id == mere.person_id)
    (view,) = card.lines
    assert view.entry.id == line.id and view.statement == "I said toast, not porridge"
    at = card.intentions.index("Ring my sister about Sunday (working on it)")
    assert card.intention_statements[at] == "It is my cousin, not my sister"

    document, _ = handover.document(tama)
    section = next(g for g in document.guests if g.guest_id == mere.person_id)
    assert section.line_statements == ("I said toast, not porridge",)

    outcome, _left_out = handover.print_handover(tama)
    printed = outcome.saved_to.read_text(encoding="utf-8").splitlines()
    at = next(n for n, text in enumerate(printed) if "Mere would like porridge for breakfast" in text)
    assert printed[at + 1].strip() == "Mere's statement: I said toast, not porridge"
    at = next(n for n, text in enumerate(printed) if "Ring my sister about Sunday" in text)
    assert printed[at + 1].strip() == "Mere's statement: It is my cousin, not my sister"

    copy = flat(demo_house.own_record.text(mere, mere.person_id))
    assert "Mere would like porridge for breakfast Your statement: I said toast, not porridge" in copy
    assert "Ring my sister about Sunday (working on it)" in copy
    assert "Your statement: It is my cousin, not my sister" in copy
    assert "Your statement: I was resting, not avoiding anyone" in copy


def test_a_new_statement_replaces_the_old_one(demo_house: House, tama: Session, mere: Session):
    """One statement an entry: the newest words, under the same record."""
    line = agreed_line(demo_house, tama, mere.person_id, "Walk to the park at three")
    first = demo_house.voice.attach_statement(mere, "handover", line.id, "It was two o'clock")
    second = demo_house.voice.attach_statement(mere, "handover", line.id, "Actually, half past two")
    assert second.id == first.id
    stored = demo_house.store.find(Statement, stay_id=mere.stay_id, where={"about_id": line.id})
    assert [s.text for s in stored] == ["Actually, half past two"]
    statements = demo_house.voice.statements(mere, mere.person_id)
    assert statements[("handover", line.id)].text == "Actually, half past two"
    assert sum(1 for key in statements if key[1] == line.id) == 1
    card = next(c for c in demo_house.handover.cards(tama) if c.guest.id == mere.person_id)
    assert [v.statement for v in card.lines] == ["Actually, half past two"]


def test_only_the_guest_makes_a_statement_and_only_on_her_own_entries(
    demo_house: House, tama: Session, mere: Session, kiri: Session
):
    """Staff cannot write a guest's statement; Kiri cannot put one on Mere's entry; a note takes none."""
    line = agreed_line(demo_house, tama, mere.person_id, "Movie night please")
    with pytest.raises(NotAllowed):
        demo_house.voice.attach_statement(tama, "handover", line.id, "Staff words")
    with pytest.raises(NotAllowed):
        demo_house.voice.attach_statement(kiri, "handover", line.id, "Kiri's words")
    note = demo_house.voice.write_note(mere, "A note")
    with pytest.raises(ServiceError, match="goes with a check-in"):
        demo_house.voice.attach_statement(mere, "note", note.id, "On my own note")
    assert demo_house.voice.statements(mere, mere.person_id) == {}


def test_a_statement_with_flagged_words_is_noticed_first_and_stops_the_print(
    demo_house: House, tama: Session, mere: Session, demo_dir: Path
):
    """Flagged words are shown first and kept only when noticed; printing then refuses, saying where."""
    line = agreed_line(demo_house, tama, mere.person_id, "Mere wants to talk about the meeting")
    with pytest.raises(WordsToNotice, match="attention-seeking"):
        demo_house.voice.attach_statement(mere, "handover", line.id, FLAGGED)
    assert demo_house.voice.statements(mere, mere.person_id) == {}

    kept = demo_house.voice.attach_statement(mere, "handover", line.id, FLAGGED, words_noticed=True)
    assert kept.text == FLAGGED
    assert demo_house.records.open(mere, mere.person_id).statement_on("handover", line.id) == FLAGGED

    before = sorted((demo_dir / "printouts").glob("*")) if (demo_dir / "printouts").exists() else []
    with pytest.raises(PrintRefused) as refused:
        demo_house.handover.print_handover(tama)
    message = str(refused.value)
    assert "Mere (Kōwhai), their statement on line 1" in message
    assert "attention-seeking" in message
    after = sorted((demo_dir / "printouts").glob("*")) if (demo_dir / "printouts").exists() else []
    assert after == before, "nothing is saved when the print is refused"


# -- asking to talk ----------------------------------------------------------


def test_a_talk_marked_had_by_mistake_is_taken_back(
    demo_house: House, tama: Session, aroha: Session, mere: Session, clock: FixedClock
):
    """Back on the board within ten minutes, by the one who marked it; not by another worker, not later."""
    check_in = first_check_in(demo_house, mere)
    request = demo_house.voice.ask_to_talk(mere, "check_in", check_in.id)
    with pytest.raises(ServiceError, match="nothing to take back"):
        demo_house.voice.undo_talked(tama, mere.person_id, request.id)
    demo_house.voice.talked(tama, mere.person_id, request.id)
    with pytest.raises(ServiceError, match="Only a talk you marked"):
        demo_house.voice.undo_talked(aroha, mere.person_id, request.id)
    back = demo_house.voice.undo_talked(tama, mere.person_id, request.id)
    assert back.is_open and back.talked_with is None
    assert [w.request.id for w in demo_house.board.view(tama).talk_wanted] == [request.id]
    demo_house.voice.talked(tama, mere.person_id, request.id)
    clock.advance(minutes=11)
    with pytest.raises(ServiceError, match="last 10 minutes"):
        demo_house.voice.undo_talked(tama, mere.person_id, request.id)


def test_asking_to_talk_reaches_the_board_once_and_leaves_when_talked(demo_house: House, tama: Session, mere: Session):
    """Mere asks about a check-in: the board lists her; asking again is the same request; talked, it goes."""
    check_in = first_check_in(demo_house, mere)
    request = demo_house.voice.ask_to_talk(mere, "check_in", check_in.id)
    again = demo_house.voice.ask_to_talk(mere, "check_in", check_in.id)
    assert again.id == request.id
    assert [r.id for r in demo_house.voice.talk_requests(mere, mere.person_id)] == [request.id]

    wanted = demo_house.board.view(tama).talk_wanted
    assert [(w.guest_name, w.room, w.about) for w in wanted] == [("Mere", "Kōwhai", "a check-in")]
    assert wanted[0].request.id == request.id
    assert demo_house.records.open(mere, mere.person_id).wants_to_talk(check_in.id)

    with pytest.raises(NotAllowed):
        demo_house.voice.talked(mere, mere.person_id, request.id)
    with pytest.raises(NotAllowed):
        demo_house.voice.ask_to_talk(tama, "check_in", check_in.id)
    with pytest.raises(NotAllowed):
        demo_house.voice.open_requests(mere)

    done = demo_house.voice.talked(tama, mere.person_id, request.id)
    assert done.talked_at == demo_house.clock.now() and done.talked_with == tama.person_id
    assert demo_house.board.view(tama).talk_wanted == ()
    (mine,) = demo_house.voice.talk_requests(mere, mere.person_id)
    assert mine.id == request.id and not mine.is_open and mine.talked_with == tama.person_id
    assert not demo_house.records.open(mere, mere.person_id).wants_to_talk(check_in.id)
    copy = flat(demo_house.own_record.text(mere, mere.person_id))
    assert "a check-in; talked Tue 24 Nov 2026 10:30" in copy


def test_a_guest_cannot_ask_about_another_guests_entry(demo_house: House, mere: Session, kiri: Session):
    """Kiri's session cannot raise a request on Mere's check-in."""
    check_in = first_check_in(demo_house, mere)
    with pytest.raises(NotAllowed):
        demo_house.voice.ask_to_talk(kiri, "check_in", check_in.id)
    assert demo_house.voice.talk_requests(mere, mere.person_id) == []


# -- who opened the record ---------------------------------------------------


def test_staff_opening_is_logged_once_in_five_minutes(
    demo_house: House, tama: Session, mere: Session, clock: FixedClock
):
    """One event; opening again within five minutes is the same opening; six minutes on, a new one."""
    assert events(demo_house, mere.stay_id, "your record") == []
    demo_house.records.open(tama, mere.person_id)
    assert len(events(demo_house, mere.stay_id, "your record")) == 1
    demo_house.records.open(tama, mere.person_id)
    clock.advance(minutes=4)
    demo_house.records.open(tama, mere.person_id)
    assert len(events(demo_house, mere.stay_id, "your record")) == 1
    clock.advance(minutes=2)
    demo_house.records.open(tama, mere.person_id)
    logged = events(demo_house, mere.stay_id, "your record")
    assert len(logged) == 2
    assert [(e.actor_name, e.actor_role) for e in logged] == [("Tama", "peer staff")] * 2


def test_the_guest_opening_her_own_record_logs_nothing(demo_house: House, mere: Session, clock: FixedClock):
    """Only staff openings are written to the access log."""
    before = events(demo_house, mere.stay_id)
    demo_house.records.open(mere, mere.person_id)
    demo_house.own_record.text(mere, mere.person_id)
    demo_house.own_record.print_copy(mere, mere.person_id)
    clock.advance(minutes=10)
    demo_house.records.open(mere, mere.person_id)
    assert events(demo_house, mere.stay_id) == before


def test_handover_cards_printing_and_copies_are_logged(
    demo_house: House, tama: Session, mere: Session, clock: FixedClock
):
    """The handover card, the printed handover and the printed complete record each leave their line."""
    clock.advance(minutes=10)  # past the demo's own openings
    demo_house.handover.cards(tama)
    assert len(staff_events_now(demo_house, mere.stay_id, tama, "your handover card")) == 1

    agreed_line(demo_house, tama, mere.person_id, "Mere is off to the library at two")
    demo_house.handover.print_handover(tama)
    assert len(staff_events_now(demo_house, mere.stay_id, tama, "printed the handover with your lines")) == 1
    assert len(staff_events_now(demo_house, mere.stay_id, tama, "your handover card")) == 1

    demo_house.own_record.print_copy(tama, mere.person_id)
    assert len(staff_events_now(demo_house, mere.stay_id, tama, "printed your complete record")) == 1

    words = [a.words for a in demo_house.records.access_log(mere, mere.person_id)]
    assert "Tama (peer staff) opened your handover card, Tuesday 10:40" in words
    assert "Tama (peer staff) printed the handover with your lines, Tuesday 10:40" in words
    assert "Tama (peer staff) printed your complete record, Tuesday 10:40" in words


def test_access_words_say_who_what_and_when(
    demo_house: House, tama: Session, aroha: Session, mere: Session, clock: FixedClock
):
    """A weekday and time within the week; the full date once it is a week old or more; newest first."""
    demo_house.records.open(tama, mere.person_id)
    demo_house.records.open(aroha, mere.person_id)
    log = demo_house.records.access_log(mere, mere.person_id)
    assert log[0].event.at == clock.now()
    mine = [a.words for a in log if a.event.what == "your record"]
    assert sorted(mine) == [
        "Aroha (house manager) opened your record, Tuesday 10:30",
        "Tama (peer staff) opened your record, Tuesday 10:30",
    ]
    assert all(e.at >= f.at for e, f in zip((a.event for a in log), (a.event for a in log[1:]), strict=False))

    clock.advance(days=6)
    words = [a.words for a in demo_house.records.access_log(mere, mere.person_id) if a.event.what == "your record"]
    assert "Tama (peer staff) opened your record, Tuesday 10:30" in words

    clock.advance(days=1)
    words = [a.words for a in demo_house.records.access_log(mere, mere.person_id) if a.event.what == "your record"]
    assert "Tama (peer staff) opened your record, Tuesday 24 November 2026, 10:30" in words
    assert "Aroha (house manager) opened your record, Tuesday 24 November 2026, 10:30" in words


def test_staff_see_the_same_access_log_and_another_guest_cannot(
    demo_house: House, tama: Session, mere: Session, kiri: Session
):
    """The log is part of the record: staff may read it, another guest may not."""
    demo_house.records.open(tama, mere.person_id)
    assert next(a.words for a in demo_house.records.access_log(tama, mere.person_id)) == (
        "Tama (peer staff) opened your record, Tuesday 10:30"
    )
    with pytest.raises(NotAllowed):
        demo_house.records.access_log(kiri, mere.person_id)


def test_access_events_cannot_be_changed_or_removed(demo_house: House, tama: Session, mere: Session):
    """Append-only in the store itself: put of a saved event, put_many, remove all refuse."""
    demo_house.records.open(tama, mere.person_id)
    (event,) = events(demo_house, mere.stay_id, "your record")
    with pytest.raises(AppendOnly):
        demo_house.store.put(replace(event, actor_name="Someone else"))
    with pytest.raises(AppendOnly):
        demo_house.store.put(event)
    with pytest.raises(AppendOnly):
        demo_house.store.put_many([replace(event, what="nothing")])
    with pytest.raises(AppendOnly):
        demo_house.store.remove(event)
    assert events(demo_house, mere.stay_id, "your record") == [event]


# -- the complete record -----------------------------------------------------


def test_the_complete_record_holds_everything_about_her_and_no_one_else(
    demo_house: House, tama: Session, mere: Session, kiri: Session
):
    """Check-ins, ratings, intentions with history, every line agreed or not, notes, talks, the access log."""
    stay = demo_house.stays.get(staff_of(demo_house), mere.stay_id)
    demo_house.check_ins.record(tama, stay, "quiet_time", "Mere pottered in the garden")
    demo_house.wellbeing.rate(mere, mere.person_id, WALLS, own_words="Steadier today")
    intention = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    demo_house.intentions.change(mere, mere.person_id, intention.id, "changed", new_words="Ring my cousin")
    agreed_line(demo_house, tama, mere.person_id, "Off to the beach at two")
    demo_house.handover.add_line(tama, mere.person_id, "Pancakes on Sunday, please")
    demo_house.voice.write_note(mere, "Private thought about home")
    demo_house.voice.write_note(mere, "Shared thought about the hui", for_staff=True)
    demo_house.voice.ask_to_talk(mere, "check_in", first_check_in(demo_house, mere).id)
    demo_house.records.open(tama, mere.person_id)
    # Another guest, with words of her own.
    demo_house.handover.add_line(tama, kiri.person_id, "KIRI-LINE would like to bake bread")
    demo_house.voice.write_note(kiri, "KIRI-NOTE thinking about Tauranga", for_staff=True)
    demo_house.check_ins.record(
        tama, demo_house.stays.get(staff_of(demo_house), kiri.stay_id), "checked_in", "KIRI-CHECKIN had a nap"
    )

    text = demo_house.own_record.text(mere, mere.person_id)
    page = flat(text)
    for every_note in {c.note for c in demo_house.records.open(mere, mere.person_id).check_ins if c.note}:
        assert every_note in page
    expected = [
        "Known as Mere",
        "chose quiet time. Note: Mere pottered in the garden",
        "tinana 6, hinengaro 4, whānau 8, wairua 5. In your words: Steadier today",
        "Ring my cousin (changed), since Tue 24 Nov 2026 10:30",
        "Earlier: Ring my sister (working on it), Tue 24 Nov 2026 10:30",
        "(agreed): Off to the beach at two",
        "(not agreed): Pancakes on Sunday, please",
        "(just for you): Private thought about home",
        "(staff may read it): Shared thought about the hui",
        "a check-in; not talked about yet",
        "Tama (peer staff) opened your record, Tuesday 10:30",
    ]
    for words in expected:
        assert words in page, words
    # Every handover line about her, from the demo's shifts too.
    for line in demo_house.records.open(mere, mere.person_id).handover_lines:
        assert line.text in page
    # Nothing of Kiri, nor any other guest's name.
    assert "KIRI-" not in page
    others = {g.chosen_name for g in demo_house.store.find(Guest)}
    others.discard("Mere")
    for name in others:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text), f"{name} is in Mere's copy"


def test_the_complete_record_prints_with_a_sidecar_naming_only_her(demo_house: House, mere: Session):
    """Printed by the guest: saved first, beside a note whose record it holds."""
    outcome = demo_house.own_record.print_copy(mere, mere.person_id)
    assert (
        outcome.saved_to.read_text(encoding="utf-8") == printable(demo_house.own_record.text(mere, mere.person_id))[0]
    )
    about = json.loads(outcome.saved_to.with_suffix(".json").read_text(encoding="utf-8"))
    assert about == {"kind": "guest copy", "guest_ids": [mere.person_id]}
    assert "Mere" not in outcome.saved_to.name


def test_save_copy_writes_the_record_where_the_guest_can_take_it(
    demo_house: House, tama: Session, mere: Session, tmp_path: Path
):
    """To a folder outside the house: the file holds the complete record; staff saving it is logged."""
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    path = demo_house.own_record.save_copy(mere, mere.person_id, stick)
    assert path.parent == stick and path.is_file()
    assert path.read_text(encoding="utf-8") == demo_house.own_record.text(mere, mere.person_id)
    assert events(demo_house, mere.stay_id, "saved your complete record as a text file") == []

    second = demo_house.own_record.save_copy(tama, mere.person_id, stick)
    assert second != path and second.is_file()
    (logged,) = events(demo_house, mere.stay_id, "saved your complete record as a text file")
    assert logged.actor_id == tama.person_id
    words = [a.words for a in demo_house.records.access_log(mere, mere.person_id)]
    assert "Tama (peer staff) saved your complete record as a text file, Tuesday 10:30" in words


@pytest.mark.parametrize("where", ["data folder", "printouts", "store"])
def test_save_copy_refuses_the_houses_own_data_folder(demo_house: House, mere: Session, demo_dir: Path, where: str):
    """The copy is the guest's to take: never inside the house's data folder."""
    folder = {"data folder": demo_dir, "printouts": demo_dir / "printouts", "store": demo_dir / "store"}[where]
    before = sorted(p for p in demo_dir.rglob("*") if p.is_file())
    with pytest.raises(ServiceError, match="not in the house's data folder"):
        demo_house.own_record.save_copy(mere, mere.person_id, folder)
    assert sorted(p for p in demo_dir.rglob("*") if p.is_file()) == before


def test_save_copy_refuses_a_missing_folder_plainly(demo_house: House, mere: Session, tmp_path: Path):
    """A folder that does not exist is named in the message."""
    missing = tmp_path / "no-stick-here"
    with pytest.raises(ServiceError, match=f"There is no folder {re.escape(str(missing))}"):
        demo_house.own_record.save_copy(mere, mere.person_id, missing)
    assert not missing.exists()


def test_another_guest_cannot_read_print_or_save_her_record(
    demo_house: House, mere: Session, kiri: Session, tmp_path: Path
):
    with pytest.raises(NotAllowed):
        demo_house.own_record.text(kiri, mere.person_id)
    with pytest.raises(NotAllowed):
        demo_house.own_record.print_copy(kiri, mere.person_id)
    with pytest.raises(NotAllowed):
        demo_house.own_record.save_copy(kiri, mere.person_id, tmp_path)


# -- whatever people type ----------------------------------------------------

WORDS = {**BAD_WORDS, "100 kB": BIG}


@pytest.mark.parametrize("name", list(WORDS))
def test_anything_typed_as_a_note_or_statement_is_kept_and_printed(
    demo_house: House, tama: Session, mere: Session, name: str
):
    """Stored as the model keeps it; her copy and the printed handover are made without error or escapes."""
    typed = WORDS[name]
    kept = clean_text(typed).strip()
    note = demo_house.voice.write_note(mere, typed, for_staff=True)
    assert note.text == kept
    assert [n.text for n in demo_house.voice.notes(mere, mere.person_id)] == [kept]
    assert demo_house.store.get(GuestNote, note.id, stay_id=mere.stay_id).text == kept

    line = agreed_line(demo_house, tama, mere.person_id, "Mere is going to the market")
    statement = demo_house.voice.attach_statement(mere, "handover", line.id, typed)
    assert statement.text == kept
    assert demo_house.voice.statements(mere, mere.person_id)[("handover", line.id)].text == kept

    copy = demo_house.own_record.text(mere, mere.person_id)
    assert bare(kept) in bare(copy)
    assert bare(f"Your statement: {kept}") in bare(copy)

    outcome, _ = demo_house.handover.print_handover(tama)
    printed = outcome.saved_to.read_text(encoding="utf-8")
    assert bare(printable(kept)[0]) in bare(printed)
    for text in (copy, printed):
        assert "\x1b" not in text and "\x07" not in text
    assert max(len(row) for row in printed.splitlines()) <= 80


def test_a_statement_on_a_check_in_or_a_shared_rating_goes_to_the_board_the_card_and_the_print(
    demo_house: House, tama: Session, mere: Session
):
    """The board's last check-in and this shift's check-ins on the card carry her statement; so do shared ratings."""
    check_in = demo_house.check_ins.record(tama, demo_house.stays.get(tama, mere.stay_id), "asleep")
    demo_house.voice.attach_statement(mere, "check_in", check_in.id, "I was reading with the light off")
    (room,) = [r for r in demo_house.board.view(tama).rooms if r.guest and r.guest.id == mere.person_id]
    assert room.timing.last.id == check_in.id and room.last_statement == "I was reading with the light off"

    card = next(c for c in demo_house.handover.cards(tama) if c.guest.id == mere.person_id)
    assert card.check_in_statements == {check_in.id: "I was reading with the light off"}

    rating = demo_house.wellbeing.rate(mere, mere.person_id, {"tinana": 6, "hinengaro": 5, "whanau": 8, "wairua": 7})
    demo_house.wellbeing.share_in_handover(mere, mere.person_id, True)
    demo_house.voice.attach_statement(mere, "rating", rating.id, "A better day than it looks")
    card = next(c for c in demo_house.handover.cards(tama) if c.guest.id == mere.person_id)
    assert card.ratings.endswith("; their statement: A better day than it looks")
    outcome, _ = demo_house.handover.print_handover(tama)
    assert "their statement: A better day than it looks" in flat(outcome.saved_to.read_text(encoding="utf-8"))


def test_a_copy_made_by_staff_says_her_private_notes_are_hers_to_print(demo_house: House, tama: Session, mere: Session):
    """Her own copy holds every note; one staff make holds the shared ones and says the rest are hers to print."""
    demo_house.voice.write_note(mere, "Just for me: the song that helps")
    demo_house.voice.write_note(mere, "Staff may read: I like the blue mug", for_staff=True)
    assert demo_house.voice.private_note_count(tama, mere.person_id) == 1
    own = flat(demo_house.own_record.text(mere, mere.person_id))
    assert "the song that helps" in own and "the blue mug" in own and "kept just for you is not" not in own
    by_staff = flat(demo_house.own_record.text(tama, mere.person_id))
    assert "the blue mug" in by_staff and "the song that helps" not in by_staff
    assert "1 note kept just for you is not in this copy" in by_staff


def test_reading_a_saved_handover_is_in_the_access_log_of_each_guest_in_it(
    demo_house: House, tama: Session, mere: Session, clock: FixedClock
):
    agreed_line(demo_house, tama, mere.person_id, "Would like a walk after lunch")
    outcome, _ = demo_house.handover.print_handover(tama)
    clock.advance(minutes=10)
    demo_house.handover.read_printout(tama, outcome.saved_to.name)
    words = [a.words for a in demo_house.records.access_log(mere, mere.person_id)]
    assert words[0] == "Tama (peer staff) opened a saved handover with your lines, Tuesday 10:40"
