"""Backup folders are named and read by when they were taken, without pendulum's formatter.

pendulum's `format` and `from_format` load its locale files (some 30 ms at start-up, where the
daily backup runs); the names must stay exactly what they were, so old backups still count.
"""

from __future__ import annotations

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from crisishouse.store.backups import _stamp, _taken_at, list_backups

OLD_FORMAT = "YYYYMMDDTHHmmss"

instants = st.datetimes(
    min_value=pendulum.datetime(1000, 1, 1).naive(),
    max_value=pendulum.datetime(9999, 12, 31).naive(),
    timezones=st.sampled_from([pendulum.timezone("UTC"), pendulum.timezone("Pacific/Auckland")]),
).map(pendulum.instance)


@given(instants)
def test_a_stamp_is_what_pendulum_wrote_and_reads_back(moment: pendulum.DateTime) -> None:
    stamp = _stamp(moment)
    assert stamp == moment.in_timezone("UTC").format(OLD_FORMAT)
    assert _taken_at(stamp) == moment.in_timezone("UTC").replace(microsecond=0)


names = st.one_of(
    st.text(alphabet="0123456789T", min_size=13, max_size=17),
    # A real stamp with one character changed, dropped or added: mostly near-misses.
    st.tuples(instants.map(_stamp), st.integers(0, 15), st.sampled_from(["", "0", "9", "T", "x", "٣"])).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + 1 :]
    ),
    st.tuples(instants.map(_stamp), st.integers(0, 15), st.sampled_from(["0", "T", "٣"])).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]
    ),
)


@given(names)
def test_a_name_is_read_as_pendulum_read_it_or_not_at_all(stamp: str) -> None:
    try:
        theirs = pendulum.from_format(stamp, OLD_FORMAT, tz="UTC")
    except ValueError:
        theirs = None
    ours = _taken_at(stamp)
    # Ours is stricter (only the fifteen characters we write), never looser, never different.
    assert ours is None or ours == theirs


def test_names_that_are_no_backup_are_passed_over(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name in (
        "20261201T031500-000007-daily",
        "20261301T031500-000008-daily",  # month 13
        "20260230T031500-000009-daily",  # 30 February
        "２０２６1201T031500-000010-daily",  # wide digits
        "20261201T031500-x7-daily",
        "20261201T031500--daily",
        "20261201T0315001-000012-daily",  # a sixteenth character
        "20261201T031500-００００１３-daily",  # wide digits in the count
        "2026121T031500-000014-daily",  # a short day
        ".partial-20261201T031600-000011-daily",
        "notes",
    ):
        (tmp_path / name).mkdir()
    found = list_backups(tmp_path)
    assert [b.path.name for b in found] == ["20261201T031500-000007-daily"]
    assert found[0].day == "2026-12-01"
    assert found[0].taken_at == pendulum.datetime(2026, 12, 1, 3, 15, tz="UTC")
