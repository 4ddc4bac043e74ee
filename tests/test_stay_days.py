"""The day of a stay: one rule (`Stay.day_words`), and every place that shows it agrees.

n counts from 1 on the arrival day, in the house's time zone; m is the
planned nights (at least 1). Up to the last night it is "day n of m"; on
the planned leaving day "leaving today"; after that "day n, planned to
leave". The board, the guest's record, the handover card and the printed
handover all say the same.
"""

from __future__ import annotations

import pendulum
import pytest

from crisishouse.clock import FixedClock
from crisishouse.housetime import house_today
from crisishouse.models import Stay
from crisishouse.services import House, Session

TZ = "Pacific/Auckland"


def at(text: str) -> pendulum.DateTime:
    """A wall-clock time in the house, "2026-11-20 17:45"."""
    return pendulum.from_format(text, "YYYY-MM-DD HH:mm", tz=TZ)


# arrived (house time), planned leaving, now (house time), the words
DAYS = [
    pytest.param("2026-11-20 17:45", "2026-11-27", "2026-11-20 21:00", "day 1 of 7", id="the arrival day"),
    pytest.param("2026-11-20 17:45", "2026-11-27", "2026-11-24 10:30", "day 5 of 7", id="mid-stay"),
    pytest.param("2026-11-20 17:45", "2026-11-27", "2026-11-26 23:59", "day 7 of 7", id="the last night"),
    pytest.param("2026-11-20 17:45", "2026-11-27", "2026-11-27 00:01", "leaving today", id="the leaving day"),
    pytest.param("2026-11-21 13:45", "2026-11-23", "2026-11-24 10:30", "day 4, planned to leave", id="day 4 of 2"),
    pytest.param("2026-11-21 13:45", "2026-11-23", "2026-11-25 10:30", "day 5, planned to leave", id="further past"),
    pytest.param("2026-11-21 13:45", "2026-11-22", "2026-11-21 20:00", "day 1 of 1", id="one night, arrival day"),
    pytest.param("2026-11-21 13:45", "2026-11-22", "2026-11-22 09:00", "leaving today", id="one night, leaving day"),
    # A stay planned to end the day it began still counts one night.
    pytest.param("2026-11-21 09:00", "2026-11-21", "2026-11-21 12:00", "day 1 of 1", id="no night planned"),
    # Just after midnight in the house it is still the day before in UTC: the house's date counts.
    pytest.param("2026-11-24 00:30", "2026-11-27", "2026-11-24 10:30", "day 1 of 3", id="arrived after midnight"),
    pytest.param("2026-11-23 23:30", "2026-11-27", "2026-11-24 00:30", "day 2 of 4", id="arrived before midnight"),
    # Clocks go back at 03:00 on 5 April 2026: that day has 25 hours.
    pytest.param("2026-04-05 00:30", "2026-04-07", "2026-04-05 23:30", "day 1 of 2", id="25-hour day, same day"),
    pytest.param("2026-04-04 23:30", "2026-04-07", "2026-04-05 23:30", "day 2 of 3", id="25-hour day, next day"),
    # Clocks go forward at 02:00 on 27 September 2026: that day has 23 hours.
    pytest.param("2026-09-26 23:30", "2026-09-28", "2026-09-27 23:00", "day 2 of 2", id="23-hour day"),
    pytest.param("2026-09-26 23:30", "2026-09-28", "2026-09-28 00:30", "leaving today", id="after the 23-hour day"),
]


@pytest.mark.parametrize(("arrived", "planned", "now", "words"), DAYS)
def test_the_day_of_a_stay(arrived: str, planned: str, now: str, words: str) -> None:
    stay = Stay(guest_id="g", room="Rimu", arrived_at=at(arrived), planned_leaving=pendulum.parse(planned, exact=True))
    today = house_today(at(now).in_timezone("UTC"), TZ)
    assert stay.day_words(today, TZ) == words
    n, m = stay.day_of(today, TZ)
    assert n >= 1 and m >= 1


def everywhere(house: House, tama: Session, guest_id: str) -> dict[str, str]:
    """The day words for one guest, as each place that shows them has them."""
    board = next(line for line in house.board.view(tama).staying if line.guest and line.guest.id == guest_id)
    document, _left_out = house.handover.document(tama)
    section = next(g for g in document.guests if g.guest_id == guest_id)
    outcome, _left_out = house.handover.print_handover(tama)
    heading = f"room {section.room}  ·  "
    [printed] = [
        row.split(heading, 1)[1].strip()
        for row in outcome.saved_to.read_text(encoding="utf-8").splitlines()
        if heading in row
    ]
    return {
        "board": board.stay_words,
        "record": house.records.open(tama, guest_id).stay_words,
        "card": house.handover.card(tama, guest_id).stay_words,
        "document": section.stay_words,
        "printed": printed,
    }


@pytest.mark.parametrize(
    ("name", "planned", "now", "words"),
    [
        pytest.param("Sione", "2026-11-23", "2026-11-24 10:30", "day 4, planned to leave", id="day 4 of 2"),
        pytest.param("Sione", "2026-11-24", "2026-11-24 10:30", "leaving today", id="the leaving day"),
        pytest.param("Sione", None, "2026-11-24 10:30", "day 4 of 9", id="mid-stay"),
        pytest.param("Mere", None, "2026-11-26 23:30", "day 7 of 7", id="the last night"),
        pytest.param("Mere", None, "2026-11-27 00:10", "leaving today", id="just after midnight on the leaving day"),
    ],
)
def test_every_place_says_the_same_day(
    demo_house: House, tama: Session, clock: FixedClock, name: str, planned: str | None, now: str, words: str
) -> None:
    """Board, record, handover card, handover document and the printed page agree, overdue stays included."""
    line = next(r for r in demo_house.board.view(tama).staying if r.guest and r.guest.chosen_name == name)
    assert line.guest is not None and line.stay is not None
    if planned is not None:
        demo_house.stays.change_leaving(tama, line.stay.id, pendulum.parse(planned, exact=True))
    clock.set(at(now))
    shown = everywhere(demo_house, tama, line.guest.id)
    assert shown == dict.fromkeys(shown, words)
