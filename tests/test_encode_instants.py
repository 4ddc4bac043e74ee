"""An instant is stored as its UTC ISO form, whatever zone it is held in (the quick path for UTC included)."""

from __future__ import annotations

import datetime as dt

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from crisishouse.store.convert import _decode_datetime, encode_value

ZONES = st.sampled_from(["UTC", "Etc/UTC", "Pacific/Auckland", "Pacific/Chatham", "Europe/London", "America/St_Johns"])
MOMENTS = st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2090, 1, 1))


@given(moment=MOMENTS, zone=ZONES)
def test_an_instant_is_stored_as_its_utc_iso_form(moment: dt.datetime, zone: str) -> None:
    held = pendulum.instance(moment, tz="UTC").in_timezone(zone)
    stored = encode_value(held)
    assert stored == held.in_timezone("UTC").isoformat()
    assert stored.endswith("+00:00")
    # The same instant: compared as instants, since pendulum's "==" across zones can say no at a zone's
    # odd hour (St John's in October 2000 changed its clocks at 00:01) though both are 02:00 UTC.
    decoded = _decode_datetime(stored)
    assert decoded.timestamp() == held.timestamp()
    assert decoded.in_timezone("UTC").isoformat() == held.in_timezone("UTC").isoformat()


def test_plain_values_and_others_are_stored_as_they_were() -> None:
    for value in ("Kōwhai", "", 0, 7, 2.5, True, None):
        assert encode_value(value) == value
    assert encode_value(pendulum.date(2026, 4, 5)) == "2026-04-05"
    assert encode_value(pendulum.Time(9, 5)) == "09:05"
    assert encode_value(("a", pendulum.date(2026, 1, 1))) == ["a", "2026-01-01"]
