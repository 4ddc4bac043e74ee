"""Self-rated wellbeing (Te Whare Tapa Whā) and intentions: the guest's own, through the services."""

from __future__ import annotations

import re
from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.models import FOUR_WALLS, Intention, ValidationError, WellbeingRating
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.text import clean_text
from tests.bad_input import BAD_WORDS, BIG
from tests.builders import TZ

WALLS = {"tinana": 6, "hinengaro": 4, "whanau": 8, "wairua": 5}

WORDS = [*BAD_WORDS.values(), BIG]
WORD_IDS = [*BAD_WORDS, "100 kB"]


def ratings_of(house: House, stay_id: str) -> list[WellbeingRating]:
    return house.store.find(WellbeingRating, stay_id=stay_id)


def intentions_of(house: House, stay_id: str) -> list[Intention]:
    return house.store.find(Intention, stay_id=stay_id)


# --- wellbeing ----------------------------------------------------------------------


def test_guest_rates_the_four_walls_in_their_own_session(demo_house: House, mere: Session):
    """A guest's own rating keeps each wall, who entered it, and the stay."""
    rating = demo_house.wellbeing.rate(mere, mere.person_id, WALLS, "Better than yesterday.")
    saved = demo_house.store.get(WellbeingRating, rating.id, stay_id=mere.stay_id)
    assert {w: getattr(saved, w) for w in FOUR_WALLS} == WALLS
    assert (saved.entered_by, saved.guest_id, saved.stay_id) == (mere.person_id, mere.person_id, mere.stay_id)
    assert saved.at == demo_house.clock.now()
    assert saved.own_words == "Better than yesterday."


def test_staff_can_enter_a_rating_with_the_guest(demo_house: House, tama: Session, mere: Session):
    """Staff may type a rating when the guest is there and they say so."""
    rating = demo_house.wellbeing.rate(tama, mere.person_id, WALLS, with_guest=True)
    saved = demo_house.store.get(WellbeingRating, rating.id, stay_id=mere.stay_id)
    assert saved.entered_by == tama.person_id
    assert saved.with_guest is True


def test_staff_cannot_rate_without_the_guest(demo_house: House, tama: Session, mere: Session):
    """Without with_guest=True the service refuses staff, and nothing is saved."""
    before = len(ratings_of(demo_house, mere.stay_id))
    with pytest.raises(NotAllowed, match="A guest's wellbeing is rated by the guest"):
        demo_house.wellbeing.rate(tama, mere.person_id, WALLS)
    assert len(ratings_of(demo_house, mere.stay_id)) == before


def test_guest_cannot_rate_for_another_guest(demo_house: House, mere: Session, kiri: Session):
    """Kiri's session cannot enter a rating for Mere, even saying it was with her."""
    before = len(ratings_of(demo_house, mere.stay_id))
    with pytest.raises(NotAllowed, match="A guest's session can only rate wellbeing for themselves"):
        demo_house.wellbeing.rate(kiri, mere.person_id, WALLS, with_guest=True)
    assert len(ratings_of(demo_house, mere.stay_id)) == before


def test_ratings_of_zero_and_ten_are_accepted(demo_house: House, mere: Session):
    """The scale runs from 0 to 10 inclusive."""
    low = demo_house.wellbeing.rate(mere, mere.person_id, dict.fromkeys(FOUR_WALLS, 0))
    high = demo_house.wellbeing.rate(mere, mere.person_id, dict.fromkeys(FOUR_WALLS, 10))
    assert [getattr(low, w) for w in FOUR_WALLS] == [0, 0, 0, 0]
    assert [getattr(high, w) for w in FOUR_WALLS] == [10, 10, 10, 10]


@pytest.mark.parametrize("wall", list(FOUR_WALLS))
@pytest.mark.parametrize("value", [-1, 11])
def test_a_rating_outside_zero_to_ten_is_refused(demo_house: House, mere: Session, wall: str, value: int):
    """A wall rated below 0 or above 10 is refused with the wall named, and nothing saved."""
    before = len(ratings_of(demo_house, mere.stay_id))
    with pytest.raises(
        ValidationError, match=re.escape(f"{FOUR_WALLS[wall]}: wellbeing ratings go from 0 to 10; got {value}.")
    ):
        demo_house.wellbeing.rate(mere, mere.person_id, {**WALLS, wall: value})
    assert len(ratings_of(demo_house, mere.stay_id)) == before


@pytest.mark.parametrize("value", [5.5, "7", True, None])
def test_a_rating_that_is_not_a_whole_number_is_refused(demo_house: House, mere: Session, value):
    """Ratings are whole numbers; 5.5, "7", True and None are refused."""
    before = len(ratings_of(demo_house, mere.stay_id))
    with pytest.raises(ValidationError, match="wellbeing ratings are whole numbers from 0 to 10"):
        demo_house.wellbeing.rate(mere, mere.person_id, {**WALLS, "wairua": value})
    assert len(ratings_of(demo_house, mere.stay_id)) == before


def test_a_rating_missing_a_wall_is_refused(demo_house: House, mere: Session):
    """Each of the four walls is rated; a missing one is named."""
    partial = {w: v for w, v in WALLS.items() if w != "wairua"}
    with pytest.raises(ServiceError, match=r"Rate each of the four walls; missing taha wairua \(spirit\)"):
        demo_house.wellbeing.rate(mere, mere.person_id, partial)


def test_a_rating_after_the_stay_has_ended_is_refused(demo_house: House, tama: Session, mere: Session):
    """Ratings are made during a stay; after leaving they are refused."""
    demo_house.stays.leave(tama, mere.stay_id, "keep")
    with pytest.raises(ServiceError, match="Ratings are made during a stay"):
        demo_house.wellbeing.rate(mere, mere.person_id, WALLS)


def test_trends_give_each_walls_values_over_the_stay_with_dates(demo_house: House, kiri: Session, clock: FixedClock):
    """Three evenings of ratings come back wall by wall, oldest first, with when each was made."""
    times = [pendulum.datetime(2026, 11, d, 19, 0, tz=TZ) for d in (24, 25, 26)]
    for i, when in enumerate(times):
        clock.set(when)
        demo_house.wellbeing.rate(kiri, kiri.person_id, {"tinana": 3 + i, "hinengaro": 5, "whanau": 7 - i, "wairua": i})
    trends = demo_house.wellbeing.trends(kiri, kiri.person_id, kiri.stay_id)
    assert [(t.wall, t.label) for t in trends] == list(FOUR_WALLS.items())
    by_wall = {t.wall: t for t in trends}
    assert by_wall["tinana"].values == [3, 4, 5]
    assert by_wall["hinengaro"].values == [5, 5, 5]
    assert by_wall["whanau"].values == [7, 6, 5]
    assert by_wall["wairua"].values == [0, 1, 2]
    for trend in trends:
        assert [at for at, _ in trend.points] == [t.in_timezone("UTC") for t in times]


def test_trends_have_no_total(demo_house: House, mere: Session):
    """Trends are the four walls only: no total, no overall score or label."""
    trends = demo_house.wellbeing.trends(mere, mere.person_id, mere.stay_id)
    assert len(trends) == 4
    for trend in trends:
        public = {name for name in dir(trend) if not name.startswith("_")}
        assert not public & {"total", "sum", "score", "overall", "average", "mean"}


def test_trends_of_another_guest_are_refused_to_a_guest(demo_house: House, mere: Session, kiri: Session):
    """Kiri's session cannot read Mere's wellbeing trends."""
    with pytest.raises(NotAllowed, match="A guest's session can only read wellbeing ratings for themselves"):
        demo_house.wellbeing.trends(kiri, mere.person_id, mere.stay_id)


@pytest.mark.parametrize("value", WORDS, ids=WORD_IDS)
def test_rating_own_words_are_kept_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, mere: Session, value: str
):
    """A rating's own words are kept as typed (controls removed) and read back the same."""
    rating = demo_house.wellbeing.rate(mere, mere.person_id, WALLS, value)
    again = House.open(demo_dir, clock)
    mine = again.sign_in.sign_in("Mere", "3333")
    saved = {r.id: r for r in again.wellbeing.for_stay(mine, mine.person_id, mine.stay_id)}
    assert saved[rating.id].own_words == clean_text(value)


# --- intentions -------------------------------------------------------------------------


def test_guest_sets_their_own_intention(demo_house: House, mere: Session):
    """A guest's intention is kept in their words, working on it, for this stay."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    saved = demo_house.store.get(Intention, made.id, stay_id=mere.stay_id)
    assert (saved.words, saved.status, saved.set_by, saved.stay_id) == (
        "Ring my sister",
        "working_on_it",
        mere.person_id,
        mere.stay_id,
    )
    assert saved.for_day is None
    assert saved.history == ()


def test_guest_sets_an_intention_for_one_day(demo_house: House, mere: Session):
    """An intention can be for one day rather than the whole stay."""
    made = demo_house.intentions.set(mere, mere.person_id, "Sit in the sun", for_day=pendulum.date(2026, 11, 25))
    assert demo_house.store.get(Intention, made.id, stay_id=mere.stay_id).for_day == pendulum.date(2026, 11, 25)


def test_staff_set_an_intention_with_the_guest(demo_house: House, tama: Session, mere: Session):
    """Staff may write down an intention together with the guest."""
    made = demo_house.intentions.set(tama, mere.person_id, "Sleep through the night", with_guest=True)
    saved = demo_house.store.get(Intention, made.id, stay_id=mere.stay_id)
    assert (saved.words, saved.set_by, saved.with_guest) == ("Sleep through the night", tama.person_id, True)


def test_staff_cannot_set_an_intention_without_the_guest(demo_house: House, tama: Session, mere: Session):
    """Staff setting an intention without the guest is refused; nothing is saved."""
    before = len(intentions_of(demo_house, mere.stay_id))
    with pytest.raises(NotAllowed, match="Intentions are the guest's own"):
        demo_house.intentions.set(tama, mere.person_id, "Take a walk")
    assert len(intentions_of(demo_house, mere.stay_id)) == before


def test_guest_cannot_set_an_intention_for_another_guest(demo_house: House, mere: Session, kiri: Session):
    """Kiri's session cannot set an intention for Mere."""
    before = len(intentions_of(demo_house, mere.stay_id))
    with pytest.raises(NotAllowed, match="A guest's session can only set or change intentions for themselves"):
        demo_house.intentions.set(kiri, mere.person_id, "Something for Mere", with_guest=True)
    assert len(intentions_of(demo_house, mere.stay_id)) == before


def test_intention_after_the_stay_has_ended_is_refused(demo_house: House, tama: Session, mere: Session):
    """Intentions are set during a stay."""
    demo_house.stays.leave(tama, mere.stay_id, "keep")
    with pytest.raises(ServiceError, match="Intentions are set during a stay"):
        demo_house.intentions.set(mere, mere.person_id, "Ring my sister")


@pytest.mark.parametrize("status", ["done", "let_go", "working_on_it"])
def test_guest_changes_the_status_of_their_intention(demo_house: House, mere: Session, clock: FixedClock, status: str):
    """Done, let go or working on it: the new status is kept, words unchanged, the old version in history."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    clock.advance(hours=3)
    demo_house.intentions.change(mere, mere.person_id, made.id, status)
    saved = demo_house.store.get(Intention, made.id, stay_id=mere.stay_id)
    assert (saved.status, saved.words, saved.set_at) == (status, "Ring my sister", clock.now())
    assert [(s.words, s.status, s.at, s.by) for s in saved.history] == [
        ("Ring my sister", "working_on_it", made.set_at, mere.person_id)
    ]


def test_changed_intention_takes_its_new_words(demo_house: House, mere: Session):
    """Status "changed" replaces the words and keeps the earlier words in history."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    demo_house.intentions.change(mere, mere.person_id, made.id, "changed", new_words="Text my sister instead")
    saved = demo_house.store.get(Intention, made.id, stay_id=mere.stay_id)
    assert (saved.words, saved.status) == ("Text my sister instead", "changed")
    assert [s.words for s in saved.history] == ["Ring my sister"]


@pytest.mark.parametrize("new_words", [None, "", "   "])
def test_changed_without_new_words_is_refused(demo_house: House, mere: Session, new_words):
    """A "changed" intention needs its new words; the intention is left as it was."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    with pytest.raises(ServiceError, match="A changed intention needs its new words"):
        demo_house.intentions.change(mere, mere.person_id, made.id, "changed", new_words=new_words)
    assert demo_house.store.get(Intention, made.id, stay_id=mere.stay_id) == made


def test_new_words_with_another_status_are_refused(demo_house: House, mere: Session):
    """New words only go with the status "changed"."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    with pytest.raises(ServiceError, match="New words go with the status 'changed'"):
        demo_house.intentions.change(mere, mere.person_id, made.id, "done", new_words="Something else")
    assert demo_house.store.get(Intention, made.id, stay_id=mere.stay_id) == made


def test_unknown_intention_status_is_refused(demo_house: House, mere: Session):
    """A status that is not one of the four is refused, listing them."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    with pytest.raises(ServiceError, match="An intention is working on it, done, let go, changed"):
        demo_house.intentions.change(mere, mere.person_id, made.id, "failed")


def test_every_change_appends_the_previous_version_to_history(demo_house: House, mere: Session, clock: FixedClock):
    """Set, changed, then done: history holds both earlier versions, oldest first."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    clock.advance(hours=1)
    changed = demo_house.intentions.change(mere, mere.person_id, made.id, "changed", new_words="Text my sister")
    clock.advance(hours=1)
    demo_house.intentions.change(mere, mere.person_id, made.id, "done")
    saved = demo_house.store.get(Intention, made.id, stay_id=mere.stay_id)
    assert (saved.words, saved.status) == ("Text my sister", "done")
    assert [(s.words, s.status, s.at) for s in saved.history] == [
        ("Ring my sister", "working_on_it", made.set_at),
        ("Text my sister", "changed", changed.set_at),
    ]


def test_staff_cannot_change_an_intention_without_the_guest(demo_house: House, tama: Session, mere: Session):
    """Staff closing a guest's intention without them is refused; it is unchanged."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    with pytest.raises(NotAllowed, match="Intentions are the guest's own"):
        demo_house.intentions.change(tama, mere.person_id, made.id, "done")
    assert demo_house.store.get(Intention, made.id, stay_id=mere.stay_id) == made


def test_staff_change_an_intention_with_the_guest(demo_house: House, tama: Session, mere: Session):
    """With the guest, staff may mark an intention done; the change is theirs to record."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    demo_house.intentions.change(tama, mere.person_id, made.id, "done", with_guest=True)
    saved = demo_house.store.get(Intention, made.id, stay_id=mere.stay_id)
    assert (saved.status, saved.set_by) == ("done", tama.person_id)
    assert saved.history[-1].by == mere.person_id


def test_guest_cannot_change_another_guests_intention(demo_house: House, mere: Session, kiri: Session):
    """Kiri's session is refused changing Mere's intention, and it is unchanged."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    with pytest.raises(NotAllowed, match="A guest's session can only set or change intentions for themselves"):
        demo_house.intentions.change(kiri, mere.person_id, made.id, "let_go")
    assert demo_house.store.get(Intention, made.id, stay_id=mere.stay_id) == made


def test_guest_cannot_reach_another_guests_intention_through_their_own_id(
    demo_house: House, mere: Session, kiri: Session
):
    """Kiri naming herself but Mere's intention id finds no such intention; it is unchanged."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    with pytest.raises(ServiceError, match="There is no such intention for this guest"):
        demo_house.intentions.change(kiri, kiri.person_id, made.id, "let_go")
    assert demo_house.store.get(Intention, made.id, stay_id=mere.stay_id) == made


def test_guest_cannot_read_another_guests_intentions(demo_house: House, mere: Session, kiri: Session):
    """Kiri's session cannot list Mere's intentions."""
    with pytest.raises(NotAllowed):
        demo_house.intentions.for_stay(kiri, mere.person_id, mere.stay_id)


@pytest.mark.parametrize("value", WORDS, ids=WORD_IDS)
def test_intention_words_are_kept_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, mere: Session, value: str
):
    """An intention's words are kept as typed (controls removed) and read back the same."""
    made = demo_house.intentions.set(mere, mere.person_id, value)
    again = House.open(demo_dir, clock)
    mine = again.sign_in.sign_in("Mere", "3333")
    saved = {i.id: i for i in again.intentions.for_stay(mine, mine.person_id, mine.stay_id)}
    assert saved[made.id].words == clean_text(value)


@pytest.mark.parametrize("value", WORDS, ids=WORD_IDS)
def test_changed_intention_words_are_kept_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, mere: Session, value: str
):
    """New words for a changed intention are kept as typed, and the old words stay in history."""
    made = demo_house.intentions.set(mere, mere.person_id, "Ring my sister")
    demo_house.intentions.change(mere, mere.person_id, made.id, "changed", new_words=value)
    again = House.open(demo_dir, clock)
    saved = again.store.get(Intention, made.id, stay_id=mere.stay_id)
    assert saved.words == clean_text(value)
    assert saved.history[0].words == "Ring my sister"


def test_intention_of_only_terminal_codes_is_refused(demo_house: House, mere: Session):
    """Words that are nothing once escape sequences are removed are refused; nothing is saved."""
    before = len(intentions_of(demo_house, mere.stay_id))
    with pytest.raises(ValidationError, match="The intention is needed"):
        demo_house.intentions.set(mere, mere.person_id, "\x1b[2J\x1b]0;title\x07")
    assert len(intentions_of(demo_house, mere.stay_id)) == before
