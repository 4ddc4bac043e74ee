"""The house's daily rhythm through the services: everyday items, one-offs, and the house's own time."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.housetime import LocalTimeError
from crisishouse.models import RhythmItem, ValidationError
from crisishouse.services import House, NotAllowed, ServiceError, Session
from crisishouse.services.rhythm import RhythmEntry
from crisishouse.text import clean_text
from tests.bad_input import BAD_WORDS, BIG
from tests.builders import FALL_BACK, SPRING_FORWARD, TODAY, TZ, at

SATURDAY = pendulum.date(2026, 11, 28)
DEFAULT_DAY = [
    ("08:00", "Breakfast"),
    ("10:00", "House hui"),
    ("12:30", "Lunch"),
    ("15:00", "Walk to the park"),
    ("18:00", "Dinner"),
    ("22:00", "Quiet time"),
]
HUI = "settings-1"
"""The id the house hui has while the rhythm still comes from settings."""


def shown(entries: list[RhythmEntry]) -> list[tuple[str, str]]:
    """The entries as the house's clocks show them."""
    return [(e.at.in_timezone(TZ).format("HH:mm"), e.what) for e in entries]


def everyday_shown(house: House) -> list[tuple[str, str]]:
    return [(f"{i.time.hour:02d}:{i.time.minute:02d}", i.what) for i in house.rhythm.everyday()]


# --- everyday items ---------------------------------------------------------------


def test_everyday_items_come_from_settings_until_first_edit(demo_house: House):
    """Before any change the rhythm is house.toml's, and nothing is stored."""
    assert everyday_shown(demo_house) == DEFAULT_DAY
    assert [i.id for i in demo_house.rhythm.everyday()] == [f"settings-{n}" for n in range(6)]
    assert demo_house.store.find(RhythmItem) == []


def test_a_rhythm_written_in_house_toml_is_the_everyday_rhythm(demo_dir: Path, clock: FixedClock):
    """A house's own [[rhythm]] in house.toml is what every day shows before any edit."""
    (demo_dir / "house.toml").write_text(
        '[[rhythm]]\ntime = "07:30"\nwhat = "Karakia"\n\n[[rhythm]]\ntime = "09:00"\nwhat = "Mahi māra"\n',
        encoding="utf-8",
    )
    house = House.open(demo_dir, clock)
    assert everyday_shown(house) == [("07:30", "Karakia"), ("09:00", "Mahi māra")]
    assert shown(house.rhythm.day(TODAY)) == [("07:30", "Karakia"), ("09:00", "Mahi māra")]


def test_first_edit_copies_the_settings_rhythm_into_the_data_keeping_ids(demo_house: House, tama: Session):
    """Adding an item stores the six settings items (same ids) and the new one."""
    added = demo_house.rhythm.add_everyday(tama, "20:00", "Movie night")
    stored = {i.id for i in demo_house.store.find(RhythmItem)}
    assert stored == {f"settings-{n}" for n in range(6)} | {added.id}
    assert everyday_shown(demo_house) == [*DEFAULT_DAY[:5], ("20:00", "Movie night"), DEFAULT_DAY[5]]


def test_after_the_first_edit_house_toml_no_longer_sets_the_rhythm(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session
):
    """Once edited, the stored rhythm is the rhythm, whatever house.toml says later."""
    demo_house.rhythm.add_everyday(tama, "20:00", "Movie night")
    (demo_dir / "house.toml").write_text('[[rhythm]]\ntime = "07:30"\nwhat = "Karakia"\n', encoding="utf-8")
    again = House.open(demo_dir, clock)
    assert everyday_shown(again) == [*DEFAULT_DAY[:5], ("20:00", "Movie night"), DEFAULT_DAY[5]]


def test_add_everyday_item_shows_on_every_day(demo_house: House, tama: Session):
    """A new everyday item appears on today and on a later day."""
    demo_house.rhythm.add_everyday(tama, "20:00", "Movie night")
    for day in (TODAY, SATURDAY):
        assert ("20:00", "Movie night") in shown(demo_house.rhythm.day(day))


def test_change_everyday_item_time_and_words(demo_house: House, tama: Session):
    """Changing the hui to 10:30 "Whānau hui" keeps its id and moves it on every day."""
    changed = demo_house.rhythm.change_everyday(tama, HUI, "10:30", "Whānau hui")
    assert changed.id == HUI
    day = shown(demo_house.rhythm.day(SATURDAY))
    assert ("10:30", "Whānau hui") in day
    assert ("10:00", "House hui") not in day
    assert len(demo_house.rhythm.everyday()) == 6


def test_remove_everyday_item(demo_house: House, tama: Session):
    """A removed everyday item is gone from the rhythm and from every day."""
    demo_house.rhythm.remove_everyday(tama, HUI)
    assert [w for _t, w in everyday_shown(demo_house)] == [
        "Breakfast",
        "Lunch",
        "Walk to the park",
        "Dinner",
        "Quiet time",
    ]
    assert "House hui" not in [w for _t, w in shown(demo_house.rhythm.day(SATURDAY))]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda h, s: h.rhythm.change_everyday(s, "no-such-item", "09:00", "Tea"), id="change"),
        pytest.param(lambda h, s: h.rhythm.remove_everyday(s, "no-such-item"), id="remove"),
        pytest.param(lambda h, s: h.rhythm.cancel_for_day(s, SATURDAY, "no-such-item"), id="cancel"),
        pytest.param(
            lambda h, s: h.rhythm.add_one_off(s, "2026-11-28", "11:00", "Beach", replaces="no-such-item"), id="replace"
        ),
    ],
)
def test_an_everyday_item_that_does_not_exist_is_refused(demo_house: House, tama: Session, change):
    """Changing, removing, cancelling or replacing an unknown item is refused; nothing is stored."""
    with pytest.raises(ServiceError, match="There is no such item in the everyday rhythm"):
        change(demo_house, tama)
    assert demo_house.store.find(RhythmItem) == []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda h, s: h.rhythm.add_everyday(s, "20:00", "Movie night"), id="add_everyday"),
        pytest.param(lambda h, s: h.rhythm.change_everyday(s, HUI, "10:30", "Hui"), id="change_everyday"),
        pytest.param(lambda h, s: h.rhythm.remove_everyday(s, HUI), id="remove_everyday"),
        pytest.param(lambda h, s: h.rhythm.add_one_off(s, "2026-11-28", "11:00", "Beach"), id="add_one_off"),
        pytest.param(lambda h, s: h.rhythm.cancel_for_day(s, SATURDAY, HUI), id="cancel_for_day"),
        pytest.param(lambda h, s: h.rhythm.remove_one_off(s, "any"), id="remove_one_off"),
    ],
)
def test_guest_session_cannot_change_the_rhythm(demo_house: House, mere: Session, change):
    """Only staff change the house's rhythm; a guest is refused and nothing is stored."""
    with pytest.raises(NotAllowed, match="Only staff can change the house's rhythm"):
        change(demo_house, mere)
    assert demo_house.store.find(RhythmItem) == []
    assert everyday_shown(demo_house) == DEFAULT_DAY


# --- one-offs for a date -------------------------------------------------------------


def test_one_off_is_added_alongside_for_its_date_only(demo_house: House, tama: Session):
    """A trip on Saturday appears that day, marked one-off, and not on other days."""
    demo_house.rhythm.add_one_off(tama, "2026-11-28", "13:30", "Trip to the beach")
    saturday = demo_house.rhythm.day(SATURDAY)
    assert shown(saturday) == [*DEFAULT_DAY[:3], ("13:30", "Trip to the beach"), *DEFAULT_DAY[3:]]
    assert [e.one_off for e in saturday if e.what == "Trip to the beach"] == [True]
    assert shown(demo_house.rhythm.day(SATURDAY.add(days=1))) == DEFAULT_DAY


def test_one_off_replaces_an_everyday_item_for_its_date(demo_house: House, tama: Session):
    """A beach trip at 11:00 instead of the hui on Saturday; Sunday keeps the hui."""
    demo_house.rhythm.add_one_off(tama, "2026-11-28", "11:00", "Beach instead of hui", replaces=HUI)
    saturday = shown(demo_house.rhythm.day(SATURDAY))
    assert ("10:00", "House hui") not in saturday
    assert ("11:00", "Beach instead of hui") in saturday
    assert len(saturday) == 6
    assert shown(demo_house.rhythm.day(SATURDAY.add(days=1))) == DEFAULT_DAY


def test_cancel_an_everyday_item_for_one_day(demo_house: House, tama: Session):
    """Cancelling the hui on Saturday removes it that day only, and adds nothing in its place."""
    cancel = demo_house.rhythm.cancel_for_day(tama, SATURDAY, HUI)
    assert cancel.cancelled and cancel.on_day == SATURDAY and cancel.replaces == HUI
    assert shown(demo_house.rhythm.day(SATURDAY)) == [d for d in DEFAULT_DAY if d[1] != "House hui"]
    assert shown(demo_house.rhythm.day(SATURDAY.add(days=1))) == DEFAULT_DAY


def test_remove_one_off_restores_the_day(demo_house: House, tama: Session):
    """Removing a one-off that replaced the hui brings the hui back on that date."""
    one_off = demo_house.rhythm.add_one_off(tama, "2026-11-28", "11:00", "Beach", replaces=HUI)
    demo_house.rhythm.remove_one_off(tama, one_off.id)
    assert shown(demo_house.rhythm.day(SATURDAY)) == DEFAULT_DAY
    assert demo_house.rhythm.one_offs(SATURDAY) == []


def test_remove_one_off_restores_a_cancelled_item(demo_house: House, tama: Session):
    """Removing a cancellation brings the everyday item back on that date."""
    cancel = demo_house.rhythm.cancel_for_day(tama, SATURDAY, HUI)
    demo_house.rhythm.remove_one_off(tama, cancel.id)
    assert shown(demo_house.rhythm.day(SATURDAY)) == DEFAULT_DAY


@pytest.mark.parametrize("item_id", ["no-such-one-off", HUI])
def test_remove_one_off_refuses_what_is_not_a_one_off(demo_house: House, tama: Session, item_id: str):
    """An unknown id, or an everyday item's id, is not a one-off change to undo."""
    demo_house.rhythm.add_everyday(tama, "20:00", "Movie night")
    with pytest.raises(ServiceError, match="There is no such one-off change"):
        demo_house.rhythm.remove_one_off(tama, item_id)
    assert len(demo_house.rhythm.everyday()) == 7


# --- typed times and dates ---------------------------------------------------------------


@pytest.mark.parametrize("time_text", ["25:00", "13pm", "24:00", "half past", "12:60", ""])
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda h, s, t: h.rhythm.add_everyday(s, t, "Tea"), id="add_everyday"),
        pytest.param(lambda h, s, t: h.rhythm.change_everyday(s, HUI, t, "Hui"), id="change_everyday"),
        pytest.param(lambda h, s, t: h.rhythm.add_one_off(s, "2026-11-28", t, "Beach"), id="add_one_off"),
    ],
)
def test_bad_time_text_is_refused_with_the_housetime_message(demo_house: House, tama: Session, change, time_text: str):
    """Text that is no time is refused with the forms a time may take, and nothing is stored."""
    with pytest.raises(LocalTimeError, match=r"Times are written like 14:30, 1430 or 2:30 pm; got"):
        change(demo_house, tama, time_text)
    assert demo_house.store.find(RhythmItem) == []


@pytest.mark.parametrize("day_text", ["28/11/2026", "2026-11-31", "Saturday", "26-11-28"])
def test_bad_date_text_for_a_one_off_is_refused(demo_house: House, tama: Session, day_text: str):
    """A one-off's date must be a real date written YYYY-MM-DD."""
    with pytest.raises(LocalTimeError, match=r"Dates are written like 2026-11-23 \(year-month-day\)"):
        demo_house.rhythm.add_one_off(tama, day_text, "11:00", "Beach")
    assert demo_house.store.find(RhythmItem) == []


# --- daylight saving ----------------------------------------------------------------------


def test_spring_forward_one_off_at_0230_moves_to_0330_with_a_note(demo_house: House, tama: Session):
    """02:30 does not exist on 27 September 2026: the one-off shows at 03:30 and says why."""
    demo_house.rhythm.add_one_off(tama, "2026-09-27", "02:30", "Night walk")
    entries = demo_house.rhythm.day(SPRING_FORWARD)
    walk = next(e for e in entries if e.what == "Night walk")
    assert walk.at.in_timezone(TZ).format("HH:mm") == "03:30"
    assert walk.at == at(SPRING_FORWARD, 3, 30).in_timezone("UTC")
    assert walk.note == "02:30 does not exist on 27 September (clocks go forward); moved to 03:30."
    assert walk.one_off


def test_spring_forward_day_keeps_everyday_items_at_wall_clock_times(demo_house: House, tama: Session):
    """On the 23-hour day the everyday items, with the one-off, are at their wall-clock times, with no note."""
    demo_house.rhythm.add_one_off(tama, "2026-09-27", "02:30", "Night walk")
    entries = demo_house.rhythm.day(SPRING_FORWARD)
    assert shown(entries) == [("03:30", "Night walk"), *DEFAULT_DAY]
    assert [e.note for e in entries if not e.one_off] == [None] * 6
    start = pendulum.datetime(2026, 9, 27, tz=TZ)
    assert (start.add(days=1) - start).in_hours() == 23


def test_spring_forward_night_is_one_hour_shorter_between_items(demo_house: House, tama: Session):
    """01:30 and 03:30 on 27 September are one real hour apart."""
    demo_house.rhythm.add_one_off(tama, "2026-09-27", "01:30", "Tea")
    demo_house.rhythm.add_one_off(tama, "2026-09-27", "03:30", "Toast")
    tea, toast = [e for e in demo_house.rhythm.day(SPRING_FORWARD) if e.one_off]
    assert (toast.at - tea.at).in_hours() == 1


def test_fall_back_night_is_one_hour_longer_between_items(demo_house: House, tama: Session):
    """01:30 and 03:30 on 5 April are three real hours apart on the 25-hour day."""
    demo_house.rhythm.add_one_off(tama, "2026-04-05", "01:30", "Tea")
    demo_house.rhythm.add_one_off(tama, "2026-04-05", "03:30", "Toast")
    entries = demo_house.rhythm.day(FALL_BACK)
    tea, toast = [e for e in entries if e.one_off]
    assert (toast.at - tea.at).in_hours() == 3
    assert shown(entries) == [("01:30", "Tea"), ("03:30", "Toast"), *DEFAULT_DAY]
    start = pendulum.datetime(2026, 4, 5, tz=TZ)
    assert (start.add(days=1) - start).in_hours() == 25


def test_fall_back_repeated_time_shows_once(demo_house: House, tama: Session):
    """02:30 happens twice on 5 April; the one-off is shown once, at the second 02:30, saying which."""
    demo_house.rhythm.add_one_off(tama, "2026-04-05", "02:30", "Night walk")
    walks = [e for e in demo_house.rhythm.day(FALL_BACK) if e.what == "Night walk"]
    assert len(walks) == 1
    assert walks[0].at.in_timezone(TZ).format("HH:mm") == "02:30"
    assert (
        walks[0].note
        == "02:30 happens twice on 5 April (clocks go back at 03:00); this is the second 02:30 (NZST), after they go back."
    )


def test_everyday_item_in_the_gap_moves_only_on_the_spring_forward_day(demo_house: House, tama: Session):
    """An everyday 02:30 item shows at 03:30 (with a note) on 27 September, and at 02:30 the next day."""
    demo_house.rhythm.add_everyday(tama, "02:30", "Night check")
    moved = next(e for e in demo_house.rhythm.day(SPRING_FORWARD) if e.what == "Night check")
    usual = next(e for e in demo_house.rhythm.day(SPRING_FORWARD.add(days=1)) if e.what == "Night check")
    assert (moved.at.in_timezone(TZ).format("HH:mm"), usual.at.in_timezone(TZ).format("HH:mm")) == ("03:30", "02:30")
    assert moved.note is not None and "moved to 03:30" in moved.note
    assert usual.note is None


# --- a shift ahead, across midnight ------------------------------------------------------------


def test_between_crosses_midnight_for_a_night_shift(demo_house: House, tama: Session):
    """21:00 to 09:00: tonight's quiet time, a 02:00 one-off tomorrow, then breakfast."""
    demo_house.rhythm.add_one_off(tama, "2026-11-25", "02:00", "Night tea")
    entries = demo_house.rhythm.between(at(TODAY, 21, 0), at(TODAY.add(days=1), 9, 0))
    assert [(e.at.in_timezone(TZ).format("D HH:mm"), e.what) for e in entries] == [
        ("24 22:00", "Quiet time"),
        ("25 02:00", "Night tea"),
        ("25 08:00", "Breakfast"),
    ]


def test_between_includes_the_start_and_excludes_the_end(demo_house: House):
    """From 22:00 to 08:00: quiet time at the start is in, breakfast at the end is out."""
    entries = demo_house.rhythm.between(at(TODAY, 22, 0), at(TODAY.add(days=1), 8, 0))
    assert [e.what for e in entries] == ["Quiet time"]


def test_between_on_the_spring_forward_night_shift(demo_house: House, tama: Session):
    """The 23:00 to 07:00 night shift into 27 September holds the moved 03:30 walk."""
    demo_house.rhythm.add_one_off(tama, "2026-09-27", "02:30", "Night walk")
    start, end = at(pendulum.date(2026, 9, 26), 23, 0), at(SPRING_FORWARD, 7, 0)
    entries = demo_house.rhythm.between(start, end)
    assert shown(entries) == [("03:30", "Night walk")]
    assert entries[0].note is not None
    assert (end - start).in_hours() == 7


def test_between_is_empty_when_nothing_falls_in_the_shift(demo_house: House):
    """23:00 to 07:00 on an ordinary night has no rhythm items."""
    assert demo_house.rhythm.between(at(TODAY, 23, 0), at(TODAY.add(days=1), 7, 0)) == []


# --- people's words, as typed ------------------------------------------------------------------


@pytest.mark.parametrize("value", list(BAD_WORDS.values()), ids=list(BAD_WORDS))
@pytest.mark.parametrize("kind", ["everyday", "one-off", "changed"])
def test_rhythm_what_keeps_the_words_as_typed(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, value: str, kind: str
):
    """An item's words are kept as typed (controls removed) and read back the same."""
    if kind == "everyday":
        item = demo_house.rhythm.add_everyday(tama, "20:00", value)
    elif kind == "one-off":
        item = demo_house.rhythm.add_one_off(tama, "2026-11-28", "20:00", value)
    else:
        item = demo_house.rhythm.change_everyday(tama, HUI, "10:00", value)
    again = House.open(demo_dir, clock)
    found = [e for e in again.rhythm.day(SATURDAY) if e.item_id == item.id]
    assert [e.what for e in found] == [clean_text(value)]


def test_rhythm_what_of_two_hundred_characters_is_accepted(demo_house: House, tama: Session):
    """The longest item (200 characters, decomposed macrons counted once) is kept."""
    item = demo_house.rhythm.add_everyday(tama, "20:00", "ā" * 100 + "a\u0304" * 100)
    assert next(i for i in demo_house.rhythm.everyday() if i.id == item.id).what == "ā" * 200


@pytest.mark.parametrize(("value", "got"), [("x" * 201, 201), (BIG, None)], ids=["201 characters", "100 kB"])
@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda h, s, w: h.rhythm.add_everyday(s, "20:00", w), id="add_everyday"),
        pytest.param(lambda h, s, w: h.rhythm.change_everyday(s, HUI, "10:00", w), id="change_everyday"),
        pytest.param(lambda h, s, w: h.rhythm.add_one_off(s, "2026-11-28", "20:00", w), id="add_one_off"),
    ],
)
def test_rhythm_what_too_long_is_refused_and_nothing_saved(demo_house: House, tama: Session, change, value, got):
    """Over 200 characters is refused naming the limit; the rhythm is unchanged and nothing stored."""
    match = "What happens can be at most 200 characters; got " + (str(got) if got else "")
    with pytest.raises(ValidationError, match=match):
        change(demo_house, tama, value)
    assert demo_house.store.find(RhythmItem) == []
    assert everyday_shown(demo_house) == DEFAULT_DAY


@pytest.mark.parametrize("value", ["", "   ", "\x1b[2J\x1b]0;title\x07"])
def test_rhythm_what_that_is_empty_is_refused(demo_house: House, tama: Session, value: str):
    """An item with no words (or only escape sequences) is refused; nothing is stored."""
    with pytest.raises(ValidationError, match="What happens is needed"):
        demo_house.rhythm.add_everyday(tama, "20:00", value)
    assert demo_house.store.find(RhythmItem) == []
