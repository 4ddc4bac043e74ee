"""Issue 6: a guest's session reaches nothing about another guest, about staff, or the house's settings.

The refusals live in the services, so these tests call the real services of a
real demo house with a real guest session (Mere, signed in with her PIN) and
never go near a screen. Every public service method that takes a session is
tried against another guest's record, against staff data, against the
house-wide views and against the house's settings; each must be refused with
`NotAllowed` and leave the house's files exactly as they were. So that the
table cannot pass by refusing everything, Mere also does each thing a guest
may do to her own record, and it works.

`test_every_service_method_that_takes_a_session_is_in_the_table` keeps the
table whole: a new service method that takes a session fails it until it has
a refusal case here.

Issue 11: nothing is taken on the caller's word. The table also hands in
copies of another guest's stay relabelled as Mere's, and stays that are not
there (refused to a guest exactly as another guest's stay is); and every
call of the tables is made again with forged sessions in Mere's place (her
own id with a staff role, people the house does not know, her session on
another guest's stay, mismatched names, a Session subclass): each is refused.

A call that should be refused and is not is marked `xfail(strict=True)` with
"HOLE:" in its reason; fixing the hole makes that case pass, and strict xfail
then fails until the mark is taken off.
"""

from __future__ import annotations

import hashlib
import inspect
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import (
    CheckIn,
    Debrief,
    Guest,
    GuestNote,
    GuestSection,
    HandoverDocument,
    HandoverEntry,
    Intention,
    MentalHealthDay,
    RhythmItem,
    Shift,
    StaffMember,
    StaffWellbeingCheck,
    Statement,
    Stay,
    TalkRequest,
    WellbeingRating,
)
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.erasure import Erasures
from crisishouse.services.guest_voice import GuestVoice
from crisishouse.services.staff_records import find_all
from tests.builders import NOW, TODAY
from tests.sessions import service_classes, staff_of

TOMORROW = TODAY.add(days=1)
WALLS = {"tinana": 6, "hinengaro": 5, "whanau": 7, "wairua": 6}
THIS_MONTH = "2026-11"


# --- the house, made ready once ----------------------------------------------------------------


@dataclass(frozen=True)
class Scene:
    """One private copy of the prepared house, and everything the cases aim at."""

    house: House
    data_dir: Path
    elsewhere: Path
    """An empty folder outside the house's data (a USB stick, say): refused saves must leave it empty."""
    mere: Session
    """The guest whose session attacks: signed in with her own PIN."""
    tama: Session
    aroha: Session
    sina: Session
    # Mere's own entries (for the cases where she acts on herself).
    mere_check_in: CheckIn
    mere_intention: Intention
    mere_line: HandoverEntry
    """A line Tama wrote about Mere this shift, waiting for her agreement."""
    # Another guest staying (the earliest arrival after Mere: Rosa, in Pōhutukawa), with something of every kind.
    other: Session
    """The other guest's own session (what her sign-in gives her)."""
    other_stay: Stay
    other_check_in: CheckIn
    other_rating: WellbeingRating
    other_intention: Intention
    other_line: HandoverEntry
    """A line Tama wrote about the other guest, not agreed yet."""
    other_own_line: HandoverEntry
    """A line the other guest wrote herself (agreed as she wrote it), printed in the handover."""
    other_note: GuestNote
    """A note just for herself (not shared with staff)."""
    other_statement: Statement
    other_talk: TalkRequest
    departed_id: str
    """Kiri, who left choosing erasure and is waiting to be erased."""
    # Staff and house data.
    house_line: HandoverEntry
    shift_ahead: Shift
    """A shift rostered ahead, not signed on to."""
    tama_debrief: Debrief
    tama_day_off: MentalHealthDay
    one_off: RhythmItem
    printout: Path
    """The saved copy of the handover Tama printed."""


@pytest.fixture(scope="module")
def prepared(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The demo house with something of every kind to aim at, made through the services once."""
    folder = tmp_path_factory.mktemp("refusals") / "house"
    shutil.copytree(demo_template, folder)
    house = House.open(folder, FixedClock(NOW))
    tama = house.sign_in.sign_in("Tama", "2222")
    aroha = house.sign_in.sign_in("Aroha", "1111")
    sina = house.sign_in.sign_in("Sina", "5000")
    mere = house.sign_in.sign_in("Mere", "3333")
    assert mere.role == "guest" and mere.stay_id

    other_stay = sorted(
        (s for s in house.stays.staying(staff_of(house)) if s.guest_id != mere.person_id), key=lambda s: s.arrived_at
    )[0]
    other_guest = house.store.get(Guest, other_stay.guest_id)
    other = Session(other_stay.guest_id, other_guest.chosen_name, "guest", other_stay.id)
    other_check_in = house.check_ins.for_stay(staff_of(house), other_stay)[0]
    other_rating = house.store.find(WellbeingRating, stay_id=other_stay.id)[0]
    other_intention = house.store.find(Intention, stay_id=other_stay.id)[0]
    other_note = house.voice.write_note(other, "Just for me: missing home tonight.", words_noticed=True)
    other_statement = house.voice.attach_statement(
        other, "check_in", other_check_in.id, "I see this one differently.", words_noticed=True
    )
    other_talk = house.voice.ask_to_talk(other, "rating", other_rating.id)
    other_own_line = house.handover.add_line(other, other.person_id, "Would like a slow morning, then a walk.")
    other_line = house.handover.add_line(tama, other.person_id, "Made soup for everyone at lunch.")

    mere_check_in = house.check_ins.for_stay(staff_of(house), house.stays.get(staff_of(house), mere.stay_id))[0]
    mere_intention = house.store.find(Intention, stay_id=mere.stay_id)[0]
    mere_line = house.handover.add_line(tama, mere.person_id, "Baked bread with Tama this morning.")

    house_line = house.handover.add_house_line(tama, "Bins go out tonight.")
    printed, _left_out = house.handover.print_handover(tama)
    assert other_own_line.text in printed.saved_to.read_text(encoding="utf-8")

    kiri = house.stays.arrive(
        tama,
        chosen_name="Kiri",
        room="Rimu",
        planned_leaving=pendulum.date(2026, 11, 30),
        arrived_at=NOW.subtract(days=2),
    )
    house.stays.leave(tama, kiri.id, "erase")
    assert [d.guest_id for d in house.erasures.waiting(tama)] == [kiri.guest_id]

    shift_ahead = next(s for s in house.roster.roster(aroha, TOMORROW, 7) if s.signed_on_at is None)
    house.debriefs.note_hard_event(tama, "A hard morning in the house.")
    tama_debrief = next(d for d in find_all(house.store, Debrief) if d.staff_id == tama.person_id)
    tama_day_off = house.mental_health_days.take(tama, pendulum.date(2026, 12, 3))
    house.staff_wellbeing.check(tama, WALLS, None, "tired but okay", wants_chat=True)
    one_off = house.rhythm.add_one_off(tama, "2026-11-28", "11:00", "Beach trip")

    ids = dict(
        mere=mere,
        tama=tama,
        aroha=aroha,
        sina=sina,
        mere_check_in=mere_check_in,
        mere_intention=mere_intention,
        mere_line=mere_line,
        other=other,
        other_stay=other_stay,
        other_check_in=other_check_in,
        other_rating=other_rating,
        other_intention=other_intention,
        other_line=other_line,
        other_own_line=other_own_line,
        other_note=other_note,
        other_statement=other_statement,
        other_talk=other_talk,
        departed_id=kiri.guest_id,
        house_line=house_line,
        shift_ahead=shift_ahead,
        tama_debrief=tama_debrief,
        tama_day_off=tama_day_off,
        one_off=one_off,
        printout_name=printed.saved_to.name,
    )
    return folder, ids


@pytest.fixture
def scene(prepared: tuple[Path, dict[str, Any]], tmp_path: Path) -> Scene:
    """A private copy of the prepared house, opened as a terminal would open it."""
    template, ids = prepared
    folder = tmp_path / "house"
    shutil.copytree(template, folder)
    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    ids = dict(ids)
    printout = folder / "printouts" / ids.pop("printout_name")
    house = House.open(folder, FixedClock(NOW))
    return Scene(house=house, data_dir=folder, elsewhere=elsewhere, printout=printout, **ids)


def on_disk(*folders: Path) -> dict[str, str]:
    """Every file under the folders and a hash of its bytes (the lock file aside)."""
    found = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != ".lock":
                found[str(path.relative_to(folder.parent))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def the_other_guests_ids(s: Scene) -> list[str]:
    """Ids that must never come back to Mere."""
    return [
        s.other.person_id,
        s.other_stay.id,
        s.other_check_in.id,
        s.other_rating.id,
        s.other_intention.id,
        s.other_line.id,
        s.other_own_line.id,
        s.other_note.id,
        s.other_statement.id,
        s.other_talk.id,
    ]


# --- the attacks that need more than one line ----------------------------------------------------


def guess_another_guests_line(s: Scene) -> object:
    """A document naming the other guest's room with a guessed line, handed to the last-moment check.

    If the guess is right the check is silent; if wrong it says "not agreed by
    the guest"; a section with no lines is told "more lines were agreed since".
    So a guest who may call it learns another guest's agreed lines and how many.
    """
    shift = s.house.handover.current_shift()
    guessed = GuestSection("?", s.other_stay.room, "", (), (s.other_own_line.text,))
    document = HandoverDocument(
        house_name="",
        shift_name=shift.name,
        shift_starts=shift.starts,
        shift_ends=shift.ends,
        guests=(guessed,),
        house_lines=(),
        arrivals=(),
        leavings=(),
        rhythm_ahead=(),
        prepared_by=s.mere.name,
    )
    return s.house.handover.final_check(s.mere, document, shift)


def as_if_mere_s_stay(s: Scene) -> Stay:
    """The other guest's stay, relabelled on the way in as if it were Mere's."""
    return replace(s.other_stay, guest_id=s.mere.person_id)


def no_such_stay(s: Scene) -> Stay:
    """Mere's own stay with an id the house has never had."""
    return replace(s.house.stays.get(staff_of(s.house), s.mere_check_in.stay_id), id="f" * 32)


def as_if_mere_s(entry: HandoverEntry, s: Scene) -> HandoverEntry:
    """The other guest's line, relabelled on the way in as if it were about Mere."""
    return replace(entry, guest_id=s.mere.person_id)


# --- the table: every session method, aimed where a guest may not reach --------------------------

Attack = Callable[[Scene], object]


def case(method: str, about: str, attack: Attack, *, refused_by: type[Exception] = NotAllowed, hole: str = "") -> Any:
    """One row: `method` ("Class.method") tried `about` something a guest may not reach."""
    marks = [pytest.mark.xfail(strict=True, raises=pytest.fail.Exception, reason=f"HOLE: {hole}")] if hole else []
    return pytest.param(method, attack, refused_by, id=f"{about} | {method}", marks=marks)


OTHER = "another guest"
STAFF = "staff"
HOUSE = "the whole house"
SETTINGS = "settings"

REFUSALS = [
    # -- another guest's record, read ------------------------------------------------------------
    case("GuestRecords.open", OTHER, lambda s: s.house.records.open(s.mere, s.other.person_id)),
    case("Stays.get", OTHER, lambda s: s.house.stays.get(s.mere, s.other_stay.id)),
    case("Stays.current_stay_of", OTHER, lambda s: s.house.stays.current_stay_of(s.mere, s.other.person_id)),
    case("Stays.stays_of", OTHER, lambda s: s.house.stays.stays_of(s.mere, s.other.person_id)),
    case("Stays.longest_stay_note", OTHER, lambda s: s.house.stays.longest_stay_note(s.mere, s.other_stay)),
    case("Stays.staying", HOUSE, lambda s: s.house.stays.staying(s.mere)),
    case("Stays.free_rooms", HOUSE, lambda s: s.house.stays.free_rooms(s.mere)),
    case("CheckIns.for_stay", OTHER, lambda s: s.house.check_ins.for_stay(s.mere, s.other_stay)),
    case("CheckIns.timing", OTHER, lambda s: s.house.check_ins.timing(s.mere, s.other_stay)),
    # A copy of the other guest's stay, relabelled as Mere's: whose it is comes from the house's data.
    case(
        "Stays.longest_stay_note",
        OTHER + " (stay relabelled as Mere's)",
        lambda s: s.house.stays.longest_stay_note(s.mere, as_if_mere_s_stay(s)),
    ),
    case(
        "CheckIns.for_stay",
        OTHER + " (stay relabelled as Mere's)",
        lambda s: s.house.check_ins.for_stay(s.mere, as_if_mere_s_stay(s)),
    ),
    case(
        "CheckIns.timing",
        OTHER + " (stay relabelled as Mere's)",
        lambda s: s.house.check_ins.timing(s.mere, as_if_mere_s_stay(s)),
    ),
    case(
        "CheckIns.timing",
        OTHER + " (stay relabelled as Mere's, her own check-ins given)",
        lambda s: s.house.check_ins.timing(s.mere, as_if_mere_s_stay(s), [s.mere_check_in]),
    ),
    case(
        "CheckIns.record",
        OTHER + " (stay relabelled as Mere's)",
        lambda s: s.house.check_ins.record(s.mere, as_if_mere_s_stay(s), "checked_in", "x"),
    ),
    # A stay that is not there is refused to a guest just as another guest's is (see test_no_such_stay_...).
    case("Stays.get", "a stay that is not there", lambda s: s.house.stays.get(s.mere, "f" * 32)),
    case(
        "Stays.longest_stay_note",
        "a stay that is not there",
        lambda s: s.house.stays.longest_stay_note(s.mere, no_such_stay(s)),
    ),
    case(
        "CheckIns.for_stay", "a stay that is not there", lambda s: s.house.check_ins.for_stay(s.mere, no_such_stay(s))
    ),
    case("CheckIns.timing", "a stay that is not there", lambda s: s.house.check_ins.timing(s.mere, no_such_stay(s))),
    case(
        "Handover.house_lines",
        HOUSE,
        lambda s: s.house.handover.house_lines(s.mere, s.house.handover.current_shift()),
    ),
    case("GuestRecords.access_log", OTHER, lambda s: s.house.records.access_log(s.mere, s.other.person_id)),
    case(
        "GuestRecords.log_opening",
        OTHER,
        lambda s: s.house.records.log_opening(s.mere, s.other.person_id, s.other_stay.id, "your record"),
    ),
    case("OwnRecords.sections", OTHER, lambda s: s.house.own_record.sections(s.mere, s.other.person_id)),
    case("OwnRecords.text", OTHER, lambda s: s.house.own_record.text(s.mere, s.other.person_id)),
    case("OwnRecords.print_copy", OTHER, lambda s: s.house.own_record.print_copy(s.mere, s.other.person_id)),
    case(
        "OwnRecords.save_copy",
        OTHER,
        lambda s: s.house.own_record.save_copy(s.mere, s.other.person_id, s.elsewhere),
    ),
    case("GuestVoice.notes", OTHER, lambda s: s.house.voice.notes(s.mere, s.other.person_id)),
    case("GuestVoice.private_note_count", OTHER, lambda s: s.house.voice.private_note_count(s.mere, s.other.person_id)),
    case("GuestVoice.statements", OTHER, lambda s: s.house.voice.statements(s.mere, s.other.person_id)),
    case("GuestVoice.talk_requests", OTHER, lambda s: s.house.voice.talk_requests(s.mere, s.other.person_id)),
    case(
        "Wellbeing.for_stay",
        OTHER,
        lambda s: s.house.wellbeing.for_stay(s.mere, s.other.person_id, s.other_stay.id),
    ),
    case("Wellbeing.trends", OTHER, lambda s: s.house.wellbeing.trends(s.mere, s.other.person_id, s.other_stay.id)),
    case(
        "Intentions.for_stay",
        OTHER,
        lambda s: s.house.intentions.for_stay(s.mere, s.other.person_id, s.other_stay.id),
    ),
    case("Handover.card", OTHER, lambda s: s.house.handover.card(s.mere, s.other.person_id)),
    case("Stays.returning_guests", OTHER, lambda s: s.house.stays.returning_guests(s.mere, "Moana")),
    # -- another guest's record, written ---------------------------------------------------------
    case(
        "GuestVoice.attach_statement",
        OTHER + "'s check-in",
        lambda s: s.house.voice.attach_statement(s.mere, "check_in", s.other_check_in.id, "x", words_noticed=True),
    ),
    case(
        "GuestVoice.attach_statement",
        OTHER + "'s rating",
        lambda s: s.house.voice.attach_statement(s.mere, "rating", s.other_rating.id, "x", words_noticed=True),
    ),
    case(
        "GuestVoice.attach_statement",
        OTHER + "'s intention",
        lambda s: s.house.voice.attach_statement(s.mere, "intention", s.other_intention.id, "x", words_noticed=True),
    ),
    case(
        "GuestVoice.attach_statement",
        OTHER + "'s handover line",
        lambda s: s.house.voice.attach_statement(s.mere, "handover", s.other_line.id, "x", words_noticed=True),
    ),
    case(
        "GuestVoice.ask_to_talk",
        OTHER + "'s check-in",
        lambda s: s.house.voice.ask_to_talk(s.mere, "check_in", s.other_check_in.id),
    ),
    case(
        "GuestVoice.ask_to_talk",
        OTHER + "'s note",
        lambda s: s.house.voice.ask_to_talk(s.mere, "note", s.other_note.id),
    ),
    case(
        "GuestVoice.share_note",
        OTHER + "'s private note",
        lambda s: s.house.voice.share_note(s.mere, s.other_note.id, True),
    ),
    case(
        "GuestVoice.talked",
        OTHER + "'s request to talk",
        lambda s: s.house.voice.talked(s.mere, s.other.person_id, s.other_talk.id),
    ),
    case(
        "GuestVoice.undo_talked",
        OTHER + "'s request to talk",
        lambda s: s.house.voice.undo_talked(s.mere, s.other.person_id, s.other_talk.id),
    ),
    case("Wellbeing.rate", OTHER, lambda s: s.house.wellbeing.rate(s.mere, s.other.person_id, WALLS)),
    case(
        "Wellbeing.rate",
        OTHER + " (saying 'with the guest')",
        lambda s: s.house.wellbeing.rate(s.mere, s.other.person_id, WALLS, with_guest=True),
    ),
    case(
        "Wellbeing.share_in_handover",
        OTHER,
        lambda s: s.house.wellbeing.share_in_handover(s.mere, s.other.person_id, True),
    ),
    case("Intentions.set", OTHER, lambda s: s.house.intentions.set(s.mere, s.other.person_id, "x")),
    case(
        "Intentions.change",
        OTHER,
        lambda s: s.house.intentions.change(s.mere, s.other.person_id, s.other_intention.id, "let_go"),
    ),
    case(
        "Handover.add_line",
        OTHER,
        lambda s: s.house.handover.add_line(s.mere, s.other.person_id, "She was rude today."),
    ),
    case("Handover.agree", OTHER, lambda s: s.house.handover.agree(s.mere, s.other_line)),
    case(
        "Handover.agree",
        OTHER + " (line relabelled as Mere's)",
        lambda s: s.house.handover.agree(s.mere, as_if_mere_s(s.other_line, s)),
    ),
    case("Handover.withdraw", OTHER, lambda s: s.house.handover.withdraw(s.mere, s.other_own_line)),
    case(
        "Handover.withdraw",
        OTHER + " (line relabelled as Mere's)",
        lambda s: s.house.handover.withdraw(s.mere, as_if_mere_s(s.other_own_line, s)),
    ),
    case("Handover.edit_line", OTHER, lambda s: s.house.handover.edit_line(s.mere, s.other_line, "x")),
    case(
        "Handover.edit_line",
        OTHER + " (line relabelled as Mere's)",
        lambda s: s.house.handover.edit_line(s.mere, as_if_mere_s(s.other_line, s), "x"),
    ),
    case("Handover.remove_line", OTHER, lambda s: s.house.handover.remove_line(s.mere, s.other_own_line)),
    case(
        "Handover.remove_line",
        OTHER + " (line relabelled as Mere's)",
        lambda s: s.house.handover.remove_line(s.mere, as_if_mere_s(s.other_own_line, s)),
    ),
    case("CheckIns.record", OTHER, lambda s: s.house.check_ins.record(s.mere, s.other_stay, "checked_in", "x")),
    case(
        "Stays.arrive",
        OTHER,
        lambda s: s.house.stays.arrive(s.mere, chosen_name="Tui", room="Rimu", planned_leaving=TODAY.add(days=3)),
    ),
    case(
        "Stays.change_leaving",
        OTHER,
        lambda s: s.house.stays.change_leaving(s.mere, s.other_stay.id, TODAY.add(days=1)),
    ),
    case("Stays.move_room", OTHER, lambda s: s.house.stays.move_room(s.mere, s.other_stay.id, "Rimu")),
    case("Stays.out_overnight", OTHER, lambda s: s.house.stays.out_overnight(s.mere, s.other_stay.id)),
    case("Stays.leave", OTHER, lambda s: s.house.stays.leave(s.mere, s.other_stay.id, "erase")),
    case("Erasures.erase", OTHER + " who left", lambda s: s.house.erasures.erase(s.mere, s.departed_id, "printed")),
    case(
        "Erasures.erase_each",
        OTHER + " who left",
        lambda s: s.house.erasures.erase_each(s.mere, [s.departed_id], "printed"),
    ),
    *(
        # Being added to the erasure service just now: refused like `erase`.
        [
            case(
                "Erasures.erase_with_report",
                OTHER + " who left",
                lambda s: s.house.erasures.erase_with_report(s.mere, s.departed_id, "printed"),
            )
        ]
        if hasattr(Erasures, "erase_with_report")
        else []
    ),
    *(
        [
            case(
                "Erasures.mentions",
                OTHER + "'s name in staff writing",
                lambda s: s.house.erasures.mentions(s.mere, "Rosa"),
            )
        ]
        if hasattr(Erasures, "mentions")
        else []
    ),
    *(
        [
            case(
                "GuestVoice.edit_note",
                OTHER + "'s private note",
                lambda s: s.house.voice.edit_note(s.mere, s.other_note.id, "x", words_noticed=True),
            )
        ]
        if hasattr(GuestVoice, "edit_note")
        else []
    ),
    # -- the whole house ---------------------------------------------------------------------------
    case("Board.view", HOUSE, lambda s: s.house.board.view(s.mere)),
    case("House.damaged_files", HOUSE, lambda s: s.house.damaged_files(s.mere)),
    case(
        "House.restore_damaged",
        OTHER,
        lambda s: s.house.restore_damaged(s.mere, s.data_dir / "store" / "stays" / f"{s.other_stay.id}.json"),
    ),
    case("GuestVoice.open_requests", HOUSE, lambda s: s.house.voice.open_requests(s.mere)),
    case("Erasures.waiting", HOUSE, lambda s: s.house.erasures.waiting(s.mere)),
    case("Erasures.past_retention", HOUSE, lambda s: s.house.erasures.past_retention(s.mere)),
    case("Erasures.past_retention_count", HOUSE, lambda s: s.house.erasures.past_retention_count(s.mere)),
    case("Erasures.erase_past_retention", HOUSE, lambda s: s.house.erasures.erase_past_retention(s.mere)),
    case("Handover.cards", HOUSE, lambda s: s.house.handover.cards(s.mere)),
    case("Handover.document", HOUSE, lambda s: s.house.handover.document(s.mere)),
    case("Handover.print_handover", HOUSE, lambda s: s.house.handover.print_handover(s.mere)),
    case("Handover.past_printouts", HOUSE, lambda s: s.house.handover.past_printouts(s.mere)),
    case("Handover.read_printout", HOUSE, lambda s: s.house.handover.read_printout(s.mere, s.printout.name)),
    case(
        "Handover.final_check",
        HOUSE + " (guessing " + OTHER + "'s line)",
        guess_another_guests_line,
    ),
    case("Handover.add_house_line", HOUSE, lambda s: s.house.handover.add_house_line(s.mere, "x")),
    case(
        "Handover.edit_line",
        HOUSE + " (house line)",
        lambda s: s.house.handover.edit_line(s.mere, s.house_line, "x"),
    ),
    case("Handover.remove_line", HOUSE + " (house line)", lambda s: s.house.handover.remove_line(s.mere, s.house_line)),
    case("Handover.agree", HOUSE + " (house line)", lambda s: s.house.handover.agree(s.mere, s.house_line)),
    case("Handover.withdraw", HOUSE + " (house line)", lambda s: s.house.handover.withdraw(s.mere, s.house_line)),
    case("Rhythm.add_everyday", HOUSE, lambda s: s.house.rhythm.add_everyday(s.mere, "12:00", "Nap time")),
    case(
        "Rhythm.change_everyday",
        HOUSE,
        lambda s: s.house.rhythm.change_everyday(s.mere, "settings-0", "11:00", "Late breakfast"),
    ),
    case("Rhythm.remove_everyday", HOUSE, lambda s: s.house.rhythm.remove_everyday(s.mere, "settings-0")),
    case(
        "Rhythm.add_one_off",
        HOUSE,
        lambda s: s.house.rhythm.add_one_off(s.mere, "2026-11-29", "11:00", "Movie"),
    ),
    case("Rhythm.cancel_for_day", HOUSE, lambda s: s.house.rhythm.cancel_for_day(s.mere, TOMORROW, "settings-0")),
    case("Rhythm.remove_one_off", HOUSE, lambda s: s.house.rhythm.remove_one_off(s.mere, s.one_off.id)),
    case("Reports.month", HOUSE + " (funder)", lambda s: s.house.reports.month(s.mere, THIS_MONTH)),
    case(
        "Reports.save_csv",
        HOUSE + " (funder)",
        lambda s: s.house.reports.save_csv(s.mere, THIS_MONTH, s.elsewhere / "counts.csv"),
    ),
    case(
        "Reports.save_for_funder",
        HOUSE + " (funder)",
        lambda s: s.house.reports.save_for_funder(s.mere, THIS_MONTH, s.data_dir),
    ),
    # -- staff -------------------------------------------------------------------------------------
    case("Roster.roster", STAFF, lambda s: s.house.roster.roster(s.mere, TODAY, 7)),
    case("Roster.staff", STAFF, lambda s: s.house.roster.staff(s.mere)),
    case("Roster.assign", STAFF, lambda s: s.house.roster.assign(s.mere, s.tama.person_id, TOMORROW, "night")),
    case("Roster.unassign", STAFF, lambda s: s.house.roster.unassign(s.mere, s.shift_ahead.id)),
    case("Roster.on_shift", STAFF + " (me)", lambda s: s.house.roster.on_shift(s.mere)),
    case("Roster.sign_on", STAFF + " (me)", lambda s: s.house.roster.sign_on(s.mere)),
    case("Roster.sign_off", STAFF + " (me)", lambda s: s.house.roster.sign_off(s.mere)),
    case("Roster.sign_on_question", STAFF + " (me)", lambda s: s.house.roster.sign_on_question(s.mere)),
    case("Roster.sign_off_question", STAFF + " (me)", lambda s: s.house.roster.sign_off_question(s.mere)),
    case("Roster.last_sign_off", STAFF + " (me)", lambda s: s.house.roster.last_sign_off(s.mere)),
    case("Roster.undo_sign_off", STAFF + " (me)", lambda s: s.house.roster.undo_sign_off(s.mere)),
    case("Load.load", STAFF, lambda s: s.house.load.load(s.mere)),
    case("Load.gaps", STAFF, lambda s: s.house.load.gaps(s.mere, TODAY)),
    case("StaffWellbeing.my_checks", STAFF + " (me)", lambda s: s.house.staff_wellbeing.my_checks(s.mere)),
    case("StaffWellbeing.my_trend", STAFF + " (me)", lambda s: s.house.staff_wellbeing.my_trend(s.mere)),
    case("StaffWellbeing.chat_requests", STAFF, lambda s: s.house.staff_wellbeing.chat_requests(s.mere)),
    case(
        "StaffWellbeing.check",
        STAFF + " (me)",
        lambda s: s.house.staff_wellbeing.check(s.mere, WALLS, None, "fine", wants_chat=True),
    ),
    case(
        "MentalHealthDays.allowance",
        STAFF,
        lambda s: s.house.mental_health_days.allowance(s.mere, s.tama.person_id),
    ),
    case("MentalHealthDays.allowance", STAFF + " (me)", lambda s: s.house.mental_health_days.allowance(s.mere)),
    case("MentalHealthDays.take", STAFF + " (me)", lambda s: s.house.mental_health_days.take(s.mere, TOMORROW)),
    case("Debriefs.debriefs_owed", STAFF, lambda s: s.house.debriefs.debriefs_owed(s.mere)),
    case(
        "Debriefs.note_hard_event",
        STAFF,
        lambda s: s.house.debriefs.note_hard_event(s.mere, "Staff were unkind."),
    ),
    case(
        "Debriefs.record_debrief",
        STAFF,
        lambda s: s.house.debriefs.record_debrief(s.mere, s.tama_debrief.id, "declined"),
    ),
    case("Debriefs.undo_record", STAFF, lambda s: s.house.debriefs.undo_record(s.mere, s.tama_debrief.id)),
]

NOT_IN_THE_TABLE = {
    # It takes no guest id and no entry: the note always goes to the session's own guest and stay.
    # `test_mere_acts_on_her_own_record[write_note]` shows it lands with Mere, and
    # `test_a_guest_note_never_lands_with_another_guest` that it cannot land anywhere else.
    "GuestVoice.write_note": "writes only to the session's own record",
}


@pytest.mark.parametrize(("method", "attack", "refused_by"), REFUSALS)
def test_a_guest_session_is_refused(scene: Scene, method: str, attack: Attack, refused_by: type[Exception]):
    """Mere's session asks the service for what is not hers: refused, and the house's files are unchanged."""
    before = on_disk(scene.data_dir, scene.elsewhere)
    with pytest.raises(refused_by):
        attack(scene)
    assert on_disk(scene.data_dir, scene.elsewhere) == before


# --- ids crossed over: Mere's own id with another guest's stay or entry --------------------------

CROSSED = [
    pytest.param(
        lambda s: s.house.wellbeing.for_stay(s.mere, s.mere.person_id, s.other_stay.id), id="Wellbeing.for_stay"
    ),
    pytest.param(lambda s: s.house.wellbeing.trends(s.mere, s.mere.person_id, s.other_stay.id), id="Wellbeing.trends"),
    pytest.param(
        lambda s: s.house.intentions.for_stay(s.mere, s.mere.person_id, s.other_stay.id), id="Intentions.for_stay"
    ),
    pytest.param(
        lambda s: s.house.intentions.change(s.mere, s.mere.person_id, s.other_intention.id, "let_go"),
        id="Intentions.change",
    ),
    pytest.param(
        lambda s: s.house.handover.edit_line(
            s.mere, replace(s.other_line, guest_id=s.mere.person_id, stay_id=s.mere.stay_id), "x"
        ),
        id="Handover.edit_line (moved to Mere's stay)",
    ),
    pytest.param(
        lambda s: s.house.handover.agree(
            s.mere, replace(s.other_line, guest_id=s.mere.person_id, stay_id=s.mere.stay_id)
        ),
        id="Handover.agree (moved to Mere's stay)",
    ),
    pytest.param(
        lambda s: s.house.handover.card(s.mere, s.mere.person_id, s.house.handover.current_shift()),
        id="Handover.card (her own, this shift)",
    ),
    pytest.param(lambda s: s.house.records.open(s.mere, s.mere.person_id), id="GuestRecords.open (her own)"),
    pytest.param(lambda s: s.house.own_record.text(s.mere, s.mere.person_id), id="OwnRecords.text (her own)"),
]


@pytest.mark.parametrize("attack", CROSSED)
def test_crossed_ids_reach_nothing_of_another_guest(scene: Scene, attack: Attack):
    """Mere names herself but points at another guest's stay or entry: refused, or nothing of theirs comes back."""
    before = on_disk(scene.data_dir, scene.elsewhere)
    try:
        result = attack(scene)
    except (NotAllowed, ServiceError):
        result = None
    shown = repr(result)
    assert not [i for i in the_other_guests_ids(scene) if i in shown]
    for words in (scene.other_note.text, scene.other_statement.text, scene.other_own_line.text, scene.other_line.text):
        assert words not in shown
    assert on_disk(scene.data_dir, scene.elsewhere) == before


# --- Mere on her own record: allowed (so the table cannot pass by refusing everything) -----------

Check = Callable[[Scene, Any], bool]


def own(method: str, act: Attack, check: Check) -> Any:
    return pytest.param(method, act, check, id=method)


OWN = [
    own("Stays.get", lambda s: s.house.stays.get(s.mere, s.mere.stay_id), lambda s, r: r.guest_id == s.mere.person_id),
    own(
        "Stays.stays_of",
        lambda s: s.house.stays.stays_of(s.mere, s.mere.person_id),
        lambda s, r: [x.id for x in r] == [s.mere.stay_id],
    ),
    own(
        "CheckIns.for_stay",
        lambda s: s.house.check_ins.for_stay(s.mere, s.house.stays.get(s.mere, s.mere.stay_id)),
        lambda s, r: bool(r) and all(c.guest_id == s.mere.person_id for c in r),
    ),
    own(
        "GuestRecords.open",
        lambda s: s.house.records.open(s.mere, s.mere.person_id),
        lambda s, r: r.guest.id == s.mere.person_id and r.stay.id == s.mere.stay_id,
    ),
    own(
        "GuestRecords.access_log",
        lambda s: s.house.records.access_log(s.mere, s.mere.person_id),
        lambda s, r: bool(r) and all(a.event.guest_id == s.mere.person_id for a in r),
    ),
    own(
        "OwnRecords.sections",
        lambda s: s.house.own_record.sections(s.mere, s.mere.person_id),
        lambda s, r: r[0].id == s.mere.person_id,
    ),
    own(
        "OwnRecords.text",
        lambda s: s.house.own_record.text(s.mere, s.mere.person_id),
        lambda s, r: "Known as Mere" in r and s.mere_line.text in r,
    ),
    own(
        "OwnRecords.print_copy",
        lambda s: s.house.own_record.print_copy(s.mere, s.mere.person_id),
        lambda s, r: "Known as Mere" in r.saved_to.read_text(encoding="utf-8"),
    ),
    own(
        "OwnRecords.save_copy",
        lambda s: s.house.own_record.save_copy(s.mere, s.mere.person_id, s.elsewhere),
        lambda s, r: r.parent == s.elsewhere and "Known as Mere" in r.read_text(encoding="utf-8"),
    ),
    own("GuestVoice.notes", lambda s: s.house.voice.notes(s.mere, s.mere.person_id), lambda s, r: r == []),
    own(
        "GuestVoice.private_note_count",
        lambda s: s.house.voice.private_note_count(s.mere, s.mere.person_id),
        lambda s, r: r == 0,
    ),
    own("GuestVoice.statements", lambda s: s.house.voice.statements(s.mere, s.mere.person_id), lambda s, r: r == {}),
    own(
        "GuestVoice.talk_requests",
        lambda s: s.house.voice.talk_requests(s.mere, s.mere.person_id),
        lambda s, r: r == [],
    ),
    own(
        "GuestVoice.write_note",
        lambda s: s.house.voice.write_note(s.mere, "Slept well.", words_noticed=True),
        lambda s, r: (r.guest_id, r.stay_id) == (s.mere.person_id, s.mere.stay_id),
    ),
    own(
        "GuestVoice.share_note",
        lambda s: s.house.voice.share_note(
            s.mere, s.house.voice.write_note(s.mere, "Staff may read this.", words_noticed=True).id, True
        ),
        lambda s, r: r.for_staff and r.guest_id == s.mere.person_id,
    ),
    own(
        "GuestVoice.attach_statement",
        lambda s: s.house.voice.attach_statement(
            s.mere, "check_in", s.mere_check_in.id, "I was fine.", words_noticed=True
        ),
        lambda s, r: (r.guest_id, r.about_id) == (s.mere.person_id, s.mere_check_in.id),
    ),
    own(
        "GuestVoice.ask_to_talk",
        lambda s: s.house.voice.ask_to_talk(s.mere, "handover", s.mere_line.id),
        lambda s, r: (r.guest_id, r.about_id) == (s.mere.person_id, s.mere_line.id),
    ),
    own(
        "Wellbeing.rate",
        lambda s: s.house.wellbeing.rate(s.mere, s.mere.person_id, WALLS),
        lambda s, r: (r.guest_id, r.stay_id) == (s.mere.person_id, s.mere.stay_id),
    ),
    own(
        "Wellbeing.share_in_handover",
        lambda s: s.house.wellbeing.share_in_handover(s.mere, s.mere.person_id, True),
        lambda s, r: s.house.stays.get(staff_of(s.house), s.mere.stay_id).share_ratings,
    ),
    own(
        "Wellbeing.for_stay",
        lambda s: s.house.wellbeing.for_stay(s.mere, s.mere.person_id, s.mere.stay_id),
        lambda s, r: bool(r) and {x.guest_id for x in r} == {s.mere.person_id},
    ),
    own(
        "Wellbeing.trends",
        lambda s: s.house.wellbeing.trends(s.mere, s.mere.person_id, s.mere.stay_id),
        lambda s, r: len(r) == 4 and all(t.points for t in r),
    ),
    own(
        "Intentions.set",
        lambda s: s.house.intentions.set(s.mere, s.mere.person_id, "Ring my sister"),
        lambda s, r: (r.guest_id, r.set_by) == (s.mere.person_id, s.mere.person_id),
    ),
    own(
        "Intentions.change",
        lambda s: s.house.intentions.change(s.mere, s.mere.person_id, s.mere_intention.id, "done"),
        lambda s, r: r.id == s.mere_intention.id and r.status == "done",
    ),
    own(
        "Intentions.for_stay",
        lambda s: s.house.intentions.for_stay(s.mere, s.mere.person_id, s.mere.stay_id),
        lambda s, r: [i.id for i in r] == [s.mere_intention.id],
    ),
    own(
        "Handover.card",
        lambda s: s.house.handover.card(s.mere, s.mere.person_id),
        lambda s, r: r.guest.id == s.mere.person_id and [v.entry.id for v in r.lines] == [s.mere_line.id],
    ),
    own(
        "Handover.add_line",
        lambda s: s.house.handover.add_line(s.mere, s.mere.person_id, "Had a good sleep."),
        lambda s, r: r.guest_id == s.mere.person_id and r.agreed,
    ),
    own(
        "Handover.agree",
        lambda s: s.house.handover.agree(s.mere, s.mere_line),
        lambda s, r: r.id == s.mere_line.id and r.agreed,
    ),
    own(
        "Handover.withdraw",
        lambda s: s.house.handover.withdraw(s.mere, s.house.handover.agree(s.mere, s.mere_line)),
        lambda s, r: r.id == s.mere_line.id and not r.agreed,
    ),
    own(
        "Handover.edit_line",
        lambda s: s.house.handover.edit_line(s.mere, s.mere_line, "Baked bread, mostly."),
        lambda s, r: r.id == s.mere_line.id and r.text == "Baked bread, mostly." and r.agreed,
    ),
    own(
        "Handover.remove_line",
        lambda s: s.house.handover.remove_line(s.mere, s.mere_line),
        lambda s, r: s.mere_line.id not in [e.id for e in s.house.store.find(HandoverEntry, stay_id=s.mere.stay_id)],
    ),
]


@pytest.mark.parametrize(("method", "act", "check"), OWN)
def test_mere_acts_on_her_own_record(scene: Scene, method: str, act: Attack, check: Check):
    """What a guest may do for herself works from her own session, and brings back nothing of anyone else."""
    result = act(scene)
    assert check(scene, result)
    shown = repr(result)
    assert not [i for i in the_other_guests_ids(scene) if i in shown]


def test_a_guest_note_never_lands_with_another_guest(scene: Scene):
    """write_note has nothing to aim with: a session naming another guest's stay is refused outright."""
    pointed = Session(scene.mere.person_id, scene.mere.name, "guest", scene.other_stay.id)
    before = on_disk(scene.data_dir)
    with pytest.raises(NotAllowed):
        scene.house.voice.write_note(pointed, "Mine.", words_noticed=True)
    assert on_disk(scene.data_dir) == before
    note = scene.house.voice.write_note(scene.mere, "Mine.", words_noticed=True)
    assert (note.guest_id, note.stay_id) == (scene.mere.person_id, scene.mere.stay_id)


def test_no_such_stay_is_refused_like_another_guests(scene: Scene):
    """To a guest, a stay id that is not there and another guest's stay get the same refusal, word for word."""
    h, mere = scene.house, scene.mere
    pairs = [
        (lambda: h.stays.get(mere, scene.other_stay.id), lambda: h.stays.get(mere, "f" * 32)),
        (
            lambda: h.check_ins.for_stay(mere, as_if_mere_s_stay(scene)),
            lambda: h.check_ins.for_stay(mere, no_such_stay(scene)),
        ),
        (
            lambda: h.check_ins.timing(mere, as_if_mere_s_stay(scene)),
            lambda: h.check_ins.timing(mere, no_such_stay(scene)),
        ),
        (
            lambda: h.stays.longest_stay_note(mere, as_if_mere_s_stay(scene)),
            lambda: h.stays.longest_stay_note(mere, no_such_stay(scene)),
        ),
    ]
    for another_guests, not_there in pairs:
        with pytest.raises(NotAllowed) as first:
            another_guests()
        with pytest.raises(NotAllowed) as second:
            not_there()
        assert str(first.value) == str(second.value)
    # Staff are told plainly that there is no such stay.
    with pytest.raises(ServiceError, match="no such stay"):
        h.stays.get(scene.tama, "f" * 32)


# --- forged sessions: a session is checked against the house's data, not taken at its word --------


@dataclass(frozen=True)
class _SaysItIsStaff(Session):
    """A session of another class that claims staff powers while naming Mere truly."""

    @property
    def is_staff(self) -> bool:
        return True

    @property
    def is_manager(self) -> bool:
        return True


FORGED = [
    pytest.param(
        lambda s: Session(s.mere.person_id, s.mere.name, "manager"), id="Mere's session with the manager's role"
    ),
    pytest.param(lambda s: Session(s.mere.person_id, s.mere.name, "peer_staff"), id="Mere's session with a staff role"),
    pytest.param(lambda s: Session("f" * 32, "Aroha", "manager"), id="a manager the house does not know"),
    pytest.param(lambda s: Session("test-staff", "Test staff", "peer_staff"), id="peer staff the house does not know"),
    pytest.param(lambda s: Session("f" * 32, "Mere", "guest", s.mere.stay_id), id="a guest the house does not know"),
    pytest.param(
        lambda s: Session(s.mere.person_id, s.mere.name, "guest", s.other_stay.id),
        id="Mere's session on another's stay",
    ),
    pytest.param(lambda s: Session(s.mere.person_id, s.mere.name, "guest", "f" * 32), id="Mere's session on no stay"),
    pytest.param(
        lambda s: Session(s.other.person_id, s.mere.name, "guest", s.other_stay.id),
        id="another guest's id, Mere's name",
    ),
    pytest.param(lambda s: Session(s.tama.person_id, s.tama.name, "guest"), id="a staff member's id as a guest"),
    pytest.param(lambda s: Session(s.aroha.person_id, "Tama", "manager"), id="the manager's id under another name"),
    pytest.param(
        lambda s: _SaysItIsStaff(s.mere.person_id, s.mere.name, "guest", s.mere.stay_id),
        id="a session that says it is staff",
    ),
]


def _every_attack() -> list[tuple[str, Attack]]:
    """Every call of the tables (every method that takes a session), each made with whatever session the scene calls Mere's.

    (CROSSED is left out: it builds its records from Mere's session's own stay id.)
    """
    return [
        *((f"{p.values[0]} ({p.id})", p.values[1]) for p in REFUSALS),
        *((f"{p.id} (on her own record)", p.values[1]) for p in OWN),
        ("GuestVoice.write_note", lambda s: s.house.voice.write_note(s.mere, "Mine.", words_noticed=True)),
    ]


@pytest.mark.parametrize("forge", FORGED)
def test_a_forged_session_is_refused_by_every_method(scene: Scene, forge: Callable[[Scene], Session]):
    """Every call in the tables, made with a forged session in Mere's place, is refused and changes nothing."""
    forged = replace(scene, mere=forge(scene))
    before = on_disk(scene.data_dir, scene.elsewhere)
    let_through = []
    for name, attack in _every_attack():
        try:
            attack(forged)
        except NotAllowed:
            continue
        except Exception as error:
            let_through.append(f"{name}: {type(error).__name__}: {error}")
            continue
        let_through.append(f"{name}: not refused")
    assert let_through == []
    assert on_disk(scene.data_dir, scene.elsewhere) == before


def test_a_peer_staff_session_made_the_managers_is_refused(scene: Scene):
    """Tama's own id and name with the manager's role: none of the manager's part, and nothing changes."""
    forged = replace(scene, tama=Session(scene.tama.person_id, scene.tama.name, "manager"))
    before = on_disk(scene.data_dir, scene.elsewhere)
    for attempt in MANAGER_ONLY:
        with pytest.raises(NotAllowed):
            attempt.values[0](forged)
    with pytest.raises(NotAllowed, match="not one the house knows"):
        scene.house.load.load(forged.tama)
    assert on_disk(scene.data_dir, scene.elsewhere) == before


def test_the_attacks_aim_at_things_that_are_there(scene: Scene):
    """Staff can reach what the table aims at, so each refusal is about something real."""
    h, tama, aroha = scene.house, scene.tama, scene.aroha
    assert h.records.open(tama, scene.other.person_id).guest.id == scene.other.person_id
    assert scene.other_statement.id in {s.id for s in h.voice.statements(tama, scene.other.person_id).values()}
    assert scene.other_talk.id in {w.request.id for w in h.voice.open_requests(tama)}
    assert scene.other_note.id in {n.id for n in h.voice.notes(scene.other, scene.other.person_id)}
    assert scene.other_own_line.text in h.handover.read_printout(tama, scene.printout.name)
    assert h.erasures.waiting(tama) and h.debriefs.debriefs_owed(tama)
    assert h.load.load(aroha) and h.roster.staff(aroha) and h.staff_wellbeing.chat_requests(aroha)
    assert h.reports.month(aroha, THIS_MONTH).stays_started > 0
    assert any(i.id == scene.one_off.id for i in h.rhythm.one_offs(pendulum.date(2026, 11, 28)))
    assert h.mental_health_days.allowance(tama).used == 1


# --- the table is whole ----------------------------------------------------------------------------


def methods_taking_a_session(house: House) -> set[str]:
    names = set()
    for class_name, cls in service_classes(house).items():
        for name, fn in inspect.getmembers(cls, inspect.isfunction):
            params = list(inspect.signature(fn).parameters)
            if not name.startswith("_") and len(params) > 1 and params[1] == "session":
                names.add(f"{class_name}.{name}")
    return names


def test_every_service_method_that_takes_a_session_is_in_the_table(scene: Scene):
    """A service method that takes a session and has no refusal case here fails this test."""
    in_table = {p.values[0] for p in REFUSALS}
    found = methods_taking_a_session(scene.house)
    assert len(found) > 60  # the introspection sees the services
    assert sorted(found - in_table - set(NOT_IN_THE_TABLE)) == []
    assert sorted((in_table | set(NOT_IN_THE_TABLE)) - found) == []  # no stale names
    assert not in_table & set(NOT_IN_THE_TABLE)
    assert set(NOT_IN_THE_TABLE) <= {p.values[0] for p in OWN}


# --- settings --------------------------------------------------------------------------------------


def test_the_house_settings_cannot_be_set_up_again(scene: Scene):
    """set_up takes no session, so no session can call it: on a set-up house it is refused and changes nothing.

    There is no other service that reads or saves the house's settings.
    """
    before = on_disk(scene.data_dir)
    with pytest.raises(ServiceError, match="already set up"):
        scene.house.set_up("Mere's house", "Mere", "3333", "3333")
    assert on_disk(scene.data_dir) == before
    assert not [m for m in scene.house.store.find(StaffMember) if m.name == "Mere"]


# --- principle 8: staff are not the manager, and staff checks are private ----------------------------

MANAGER_ONLY = [
    pytest.param(lambda s: s.house.load.load(s.tama), id="Load.load"),
    pytest.param(lambda s: s.house.load.gaps(s.tama, TODAY), id="Load.gaps"),
    pytest.param(lambda s: s.house.roster.assign(s.tama, s.sina.person_id, TOMORROW, "night"), id="Roster.assign"),
    pytest.param(lambda s: s.house.roster.unassign(s.tama, s.shift_ahead.id), id="Roster.unassign"),
    pytest.param(lambda s: s.house.roster.staff(s.tama), id="Roster.staff"),
    pytest.param(lambda s: s.house.reports.month(s.tama, THIS_MONTH), id="Reports.month"),
    pytest.param(
        lambda s: s.house.reports.save_csv(s.tama, THIS_MONTH, s.elsewhere / "counts.csv"), id="Reports.save_csv"
    ),
    pytest.param(lambda s: s.house.staff_wellbeing.chat_requests(s.tama), id="StaffWellbeing.chat_requests"),
    pytest.param(
        lambda s: s.house.mental_health_days.allowance(s.sina, s.tama.person_id),
        id="MentalHealthDays.allowance of another",
    ),
    pytest.param(lambda s: s.house.debriefs.record_debrief(s.tama, s.tama_debrief.id, "done"), id="record_debrief"),
]


@pytest.mark.parametrize("attempt", MANAGER_ONLY)
def test_peer_staff_cannot_do_the_managers_part(scene: Scene, attempt: Attack):
    before = on_disk(scene.data_dir, scene.elsewhere)
    with pytest.raises(NotAllowed, match="Only the house manager"):
        attempt(scene)
    assert on_disk(scene.data_dir, scene.elsewhere) == before


def test_staff_wellbeing_checks_stay_with_their_owner(scene: Scene):
    """A guest reads no one's checks; the manager's and Sina's own reads hold none of Tama's."""
    h = scene.house
    tama_checks = [c for c in find_all(h.store, StaffWellbeingCheck) if c.staff_id == scene.tama.person_id]
    assert tama_checks
    for read in (h.staff_wellbeing.my_checks, h.staff_wellbeing.my_trend):
        with pytest.raises(NotAllowed):
            read(scene.mere)
    for someone in (scene.aroha, scene.sina):
        assert all(c.staff_id == someone.person_id for c in h.staff_wellbeing.my_checks(someone))
    # The manager sees that Tama would like a chat, and no rating or words of hers.
    asks = h.staff_wellbeing.chat_requests(scene.aroha)
    assert [a.staff_id for a in asks if a.staff_id == scene.tama.person_id] == [scene.tama.person_id]
    assert "tired but okay" not in repr(asks) + repr(h.load.load(scene.aroha))
    # Peer staff see only their own debriefs owed.
    assert {o.debrief.staff_id for o in h.debriefs.debriefs_owed(scene.sina)} <= {scene.sina.person_id}
