"""The handover service: written with each guest, agreed, checked, printed."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import AccessEvent
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.handover_cards import HandoverCard
from crisishouse.services.handover_document import PrintRefused

TZ = "Pacific/Auckland"


def card_of(house: House, session: Session, name: str) -> HandoverCard:
    return next(c for c in house.handover.cards(session) if c.guest.chosen_name == name)


def test_a_card_for_each_guest_staying_in_room_order(demo_house: House, tama: Session):
    """Cards follow the house's room order, one per guest staying."""
    rooms = [c.stay.room for c in demo_house.handover.cards(tama)]
    assert rooms == [r for r in demo_house.settings.rooms if r in rooms]
    assert len(rooms) == 7


def test_cards_are_refused_to_a_guest(demo_house: House, mere: Session):
    """The handover screen shows every guest: a guest session is refused."""
    with pytest.raises(NotAllowed):
        demo_house.handover.cards(mere)


def test_opening_the_cards_is_logged_for_each_guest(demo_house: House, tama: Session, mere: Session):
    """Each guest can see that their handover card was opened, and by whom."""
    demo_house.handover.cards(tama)
    events = demo_house.store.find(AccessEvent, stay_id=mere.stay_id, where={"what": "your handover card"})
    now = demo_house.clock.now()
    assert [(e.actor_name, e.actor_role) for e in events if e.at == now] == [("Tama", "peer staff")]


def test_a_staff_line_waits_for_the_guest(demo_house: House, tama: Session, mere: Session):
    """A line staff write is not agreed until read back to the guest, or agreed in their session."""
    line = demo_house.handover.add_line(tama, mere.person_id, "I'd like a sleep-in tomorrow")
    assert not line.agreed
    with pytest.raises(NotAllowed, match="read the line back"):
        demo_house.handover.agree(tama, line)
    agreed = demo_house.handover.agree(tama, line, read_back=True)
    assert agreed.agreed and agreed.agreed_how == "read back and agreed"


def test_a_guest_agrees_in_their_own_session(demo_house: House, tama: Session, mere: Session):
    """Mere agrees to a line in her own session."""
    line = demo_house.handover.add_line(tama, mere.person_id, "Ring my sister at 11")
    agreed = demo_house.handover.agree(mere, line)
    assert agreed.agreed_how == "in their own session"


def test_a_guest_cannot_agree_for_another_guest(demo_house: House, tama: Session, mere: Session):
    """Mere cannot touch another guest's lines."""
    other = next(c for c in demo_house.handover.cards(tama) if c.guest.chosen_name != "Mere")
    line = demo_house.handover.add_line(tama, other.guest.id, "Enjoyed the garden")
    with pytest.raises(NotAllowed):
        demo_house.handover.agree(mere, line)
    with pytest.raises(NotAllowed):
        demo_house.handover.add_line(mere, other.guest.id, "Anything")


def test_editing_a_line_needs_agreement_again(demo_house: House, tama: Session, mere: Session):
    """New words need the guest's agreement again."""
    line = demo_house.handover.agree(
        tama, demo_house.handover.add_line(tama, mere.person_id, "Walk at 3"), read_back=True
    )
    changed = demo_house.handover.edit_line(tama, line, "Walk at 4")
    assert changed.text == "Walk at 4" and not changed.agreed


def test_lines_not_agreed_are_left_out_and_said_so(demo_house: House, tama: Session, mere: Session):
    """The printout holds only agreed lines; what was left out is listed."""
    kept = demo_house.handover.add_line(tama, mere.person_id, "Would like porridge for breakfast")
    demo_house.handover.agree(mere, kept)
    demo_house.handover.add_line(tama, mere.person_id, "Not agreed yet")
    document, left_out = demo_house.handover.document(tama)
    mine = next(g for g in document.guests if g.chosen_name == "Mere")
    assert mine.lines == ("Would like porridge for breakfast",)
    assert left_out == ["Mere (Kōwhai): 1 line not agreed, not printed"]


def test_printing_refuses_flagged_language_saying_where(
    demo_house: House, tama: Session, mere: Session, demo_dir: Path
):
    """An agreed line with diagnostic language stops the print; nothing is saved or printed."""
    line = demo_house.handover.add_line(tama, mere.person_id, "Presenting as non-compliant today")
    demo_house.handover.agree(mere, line)
    with pytest.raises(PrintRefused) as refused:
        demo_house.handover.print_handover(tama)
    message = str(refused.value)
    assert "Mere (Kōwhai), line 1" in message and "non-compliant" in message and "try:" in message
    assert not (demo_dir / "printouts").exists()


def test_fixed_with_the_suggestion_it_prints(demo_house: House, tama: Session, mere: Session, demo_dir: Path):
    """After rewording with the suggestion (and agreeing again) the handover prints and is saved."""
    line = demo_house.handover.agree(
        mere, demo_house.handover.add_line(tama, mere.person_id, "Non-compliant with meds")
    )
    with pytest.raises(PrintRefused):
        demo_house.handover.print_handover(tama)
    reworded = demo_house.handover.edit_line(tama, line, "Chose not to take it today, and that's okay")
    demo_house.handover.agree(mere, reworded)
    outcome, _left_out = demo_house.handover.print_handover(tama)
    text = outcome.saved_to.read_text(encoding="utf-8")
    assert "Chose not to take it today, and that's okay" in text
    assert "Te Whare Āwhina (demo)" in text
    assert not outcome.printed and "No printer is set up" in outcome.message
    assert outcome.saved_to.parent == demo_dir / "printouts"
    assert all(len(row) <= 80 for row in text.splitlines())


def test_agreement_taken_back_at_the_last_moment_stops_the_print(demo_house: House, tama: Session, mere: Session):
    """If the guest takes back agreement after the document was built, the final check refuses."""
    line = demo_house.handover.agree(mere, demo_house.handover.add_line(tama, mere.person_id, "Movie night please"))
    shift = demo_house.handover.current_shift()
    document, _left = demo_house.handover.document(tama, shift)
    demo_house.handover.withdraw(mere, line)
    with pytest.raises(PrintRefused, match="not agreed by the guest"):
        demo_house.handover.final_check(tama, document, shift)


def test_house_part_is_staff_only_and_checked(demo_house: House, tama: Session, mere: Session):
    """Only staff write the house part, and its words are checked at print time too."""
    with pytest.raises(NotAllowed):
        demo_house.handover.add_house_line(mere, "Anything")
    demo_house.handover.add_house_line(tama, "Frequent flyer may come back tonight")
    with pytest.raises(PrintRefused, match="house part, line 1"):
        demo_house.handover.print_handover(tama)


def test_rhythm_of_the_next_shift_is_in_the_document(demo_house: House, tama: Session, clock: FixedClock):
    """At 14:00 the next shift is the afternoon: walk, dinner and quiet time are ahead."""
    clock.set(pendulum.datetime(2026, 11, 24, 14, 0, tz=TZ))
    document, _left = demo_house.handover.document(tama)
    assert [what for _time, what in document.rhythm_ahead] == ["Walk to the park", "Dinner", "Quiet time"]


def test_shared_ratings_only_when_the_guest_chooses(demo_house: House, tama: Session, mere: Session):
    """Ratings appear on the card only after the guest chooses to share them."""
    demo_house.wellbeing.rate(mere, mere.person_id, {"tinana": 6, "hinengaro": 5, "whanau": 8, "wairua": 7})
    assert card_of(demo_house, tama, "Mere").ratings is None
    with pytest.raises(NotAllowed):
        demo_house.wellbeing.share_in_handover(tama, mere.person_id, True)
    demo_house.wellbeing.share_in_handover(mere, mere.person_id, True)
    assert card_of(demo_house, tama, "Mere").ratings == "tinana 6, hinengaro 5, whānau 8, wairua 7"


def test_a_guest_prints_their_own_lines(demo_house: House, tama: Session, mere: Session):
    """Mere's own copy (her complete record) holds every line about her, agreed or not, and no one else's."""
    demo_house.handover.add_line(tama, mere.person_id, "Not agreed yet: beach trip")
    other = next(c for c in demo_house.handover.cards(tama) if c.guest.chosen_name != "Mere")
    demo_house.handover.add_line(tama, other.guest.id, "Someone else's line")
    outcome = demo_house.own_record.print_copy(mere, mere.person_id)
    text = outcome.saved_to.read_text(encoding="utf-8")
    assert "beach trip" in text and "not agreed" in text
    assert "Someone else's line" not in text


def test_a_check_in_note_with_flagged_words_must_be_noticed(demo_house: House, tama: Session, mere: Session):
    """A flagged note is refused with the explanation; saved when the words were noticed."""
    from crisishouse.models import Stay
    from crisishouse.services import WordsToNotice

    stay = demo_house.store.get(Stay, mere.stay_id)
    with pytest.raises(WordsToNotice, match="Attention-seeking. is a deficit"):
        demo_house.check_ins.record(tama, stay, "checked_in", "Attention-seeking again")
    saved = demo_house.check_ins.record(tama, stay, "checked_in", "Attention-seeking again", words_noticed=True)
    assert saved.note == "Attention-seeking again"
    assert demo_house.check_ins.record(tama, stay, "checked_in", "Felt low this morning, the garden helped").note


def test_lines_are_only_for_guests_staying(demo_house: House, tama: Session):
    """A guest who has left gets no new handover lines."""
    card = demo_house.handover.cards(tama)[0]
    demo_house.stays.leave(tama, card.stay.id, "keep")
    with pytest.raises(ServiceError, match="guests staying"):
        demo_house.handover.add_line(tama, card.guest.id, "Anything")


def test_a_guest_writes_a_line_for_the_next_shift_with_the_check_shown(demo_house: House, tama: Session, mere: Session):
    """Mere's own line: the check's findings come first; saved again with them noticed, the words stay hers."""
    from crisishouse.services import WordsToNotice

    with pytest.raises(WordsToNotice) as found:
        demo_house.handover.add_line(mere, mere.person_id, "My schizophrenia is loud tonight")
    assert found.value.findings
    assert not [v for c in demo_house.handover.cards(tama) if c.guest.id == mere.person_id for v in c.lines]
    kept = demo_house.handover.add_line(mere, mere.person_id, "My schizophrenia is loud tonight", words_noticed=True)
    plain = demo_house.handover.add_line(mere, mere.person_id, "Please knock before coming in")
    assert kept.agreed and plain.agreed
    staff_line = demo_house.handover.add_line(tama, mere.person_id, "Likes tea at nine")
    (card,) = [c for c in demo_house.handover.cards(tama) if c.guest.id == mere.person_id]
    by_guest = {v.entry.id: v.by_guest for v in card.lines}
    assert by_guest == {kept.id: True, plain.id: True, staff_line.id: False}
    with pytest.raises(WordsToNotice):
        demo_house.handover.edit_line(mere, plain, "Knock first, my psychosis is bad")
    assert demo_house.handover.edit_line(mere, plain, "Knock first please").text == "Knock first please"
