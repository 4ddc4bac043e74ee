"""A demo house full of fictional people and a few days of ordinary life.

`make run` opens one under data/demo/ (never a real house), and
`crisishouse demo --data DIR --days N` fills a folder so scale can be tried.
Everyone here is made up.
"""

from __future__ import annotations

import functools
import random
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pendulum

from crisishouse.clock import Clock
from crisishouse.housetime import house_today, wall_clock_or_next
from crisishouse.models import (
    AccessEvent,
    CheckIn,
    Debrief,
    Erasure,
    Guest,
    HandoverEntry,
    HardEvent,
    Intention,
    IntentionStep,
    MentalHealthDay,
    Shift,
    StaffMember,
    StaffWellbeingCheck,
    Stay,
    WellbeingRating,
)
from crisishouse.models.check_in import CheckInOutcome
from crisishouse.models.staff import Role
from crisishouse.models.stay import RecordChoice
from crisishouse.services.demo_house import DEMO_META, DEMO_SIGN_INS
from crisishouse.services.month_counts import save_tallies, tallies_of
from crisishouse.services.pins import hash_pin
from crisishouse.settings import Settings, load_settings, save_settings
from crisishouse.store import Store

DEMO_HOUSE_NAME = "Te Whare Āwhina (demo)"

_OTHER_STAFF = ("Sina", "Wiremu", "Grace", "Priya", "Hēmi", "Lee", "Ana", "Sam")
_GUEST_NAMES = (
    "Rangi",
    "Ellie",
    "J.K.",
    "Ngaio",
    "Sione",
    "Kate",
    "Tūī",
    "Marama",
    "Ben",
    "Aditi",
    "Hine",
    "Moana",
    "Pita",
    "Rosa",
    "T.W.",
    "Ōrewa",
    "Kahu",
    "Lia",
    "Manaia",
    "Noor",
    "Ari",
    "Whetū",
    "Dan",
    "Fern",
    "Mīria",
    "Jo",
)
_PRONOUNS = (None, None, "she/her", "he/him", "they/them", "ia")
_OUTCOMES: tuple[CheckInOutcome, ...] = ("checked_in",) * 14 + ("quiet_time",) * 3 + ("asleep",) * 2 + ("out",)
_CHECK_IN_NOTES = (
    "",
    "",
    "",
    "Had a cup of tea together on the deck.",
    "Enjoyed the walk.",
    "Said the morning was hard and the afternoon better.",
    "Playing guitar in the lounge.",
    "Wanted to talk about going home on Friday.",
    "Made scones for the house.",
    "Anxious about the phone call, music helps.",
)
_HANDOVER_LINES = (
    "I slept better last night and would like to sleep in tomorrow.",
    "Please remind me about the call with my sister at 11.",
    "I'd like some quiet time in the morning; I'll come and find you.",
    "Feeling proud I went for the walk today.",
    "I'm looking forward to the house hui.",
    "Had nightmares; a hot drink and a chat at night helps me.",
    "I'd like help to look at bus times to the library.",
    "Cooking dinner with the house lifted my mood.",
    "Felt low this morning; the garden helped.",
)
_INTENTIONS = (
    "Ring my sister",
    "Sleep through the night",
    "Look at the flat on Thursday",
    "Go for a walk every day",
    "Write in my journal",
    "Cook a meal for the house",
    "Sort out my bus card",
    "Sit in the sun for a bit",
    "Call my cousin about the weekend",
)
_OWN_WORDS = ("", "", "Better than yesterday.", "Tired but okay.", "Good day.", "Missing home.")


def _rating(rng: random.Random, base: int) -> int:
    return max(0, min(10, base + rng.randint(-2, 2)))


class _Builder:
    """Builds the records of N days of house life ending at `now`."""

    def __init__(self, settings: Settings, now: pendulum.DateTime, days: int, seed: int) -> None:
        self.settings = settings
        self.tz = settings.time_zone
        self.now = now
        self.rng = random.Random(seed)
        # Its own stream, so choosing erasure leaves the rest of the demo as it was.
        self.erase_rng = random.Random(seed * 31 + 1)
        self.today = house_today(now, self.tz)
        self.first_day = self.today.subtract(days=days)
        self.records: list[Any] = []
        self.staff: list[StaffMember] = []
        # Worked out once for every room's guest: years of stays share the same few days and times.
        self.wall: Callable[[pendulum.Date, pendulum.Time], pendulum.DateTime] = functools.cache(
            lambda day, time: wall_clock_or_next(day, time, self.tz)[0]
        )
        self.moved: Callable[[pendulum.DateTime, int], pendulum.DateTime] = functools.cache(
            lambda at, minutes: at.add(minutes=minutes)
        )
        self.next_day: Callable[[pendulum.Date], pendulum.Date] = functools.cache(lambda day: day.add(days=1))

    def at(self, day: pendulum.Date, hour: int, minute: int = 0) -> pendulum.DateTime:
        return self.wall(day, pendulum.Time(hour, minute))

    def days(self) -> list[pendulum.Date]:
        count = (self.today - self.first_day).days
        return [self.first_day.add(days=i) for i in range(count + 1)]

    # -- staff --------------------------------------------------------------

    def make_staff(self) -> None:
        for person in DEMO_SIGN_INS[:2]:
            role: Role = "manager" if person.role_words == "house manager" else "peer_staff"
            self.staff.append(StaffMember(name=person.name, role=role, pin_hash=hash_pin(person.pin)))
        for i, name in enumerate(_OTHER_STAFF):
            self.staff.append(StaffMember(name=name, role="peer_staff", pin_hash=hash_pin(f"5{i:03d}")))
        self.records += self.staff

    def make_shifts(self) -> None:
        peers = [s for s in self.staff if s.role == "peer_staff"]
        for day in self.days():
            for pattern in self.settings.shifts:
                member = self.rng.choice(peers)
                start = wall_clock_or_next(day, pattern.start, self.tz)[0]
                end_day = day.add(days=1) if pattern.crosses_midnight else day
                end = wall_clock_or_next(end_day, pattern.end, self.tz)[0]
                worked = end <= self.now
                shift = Shift(
                    staff_id=member.id,
                    day=day,
                    name=pattern.name,
                    starts_at=start,
                    ends_at=end,
                    signed_on_at=start.add(minutes=self.rng.randint(-10, 5)) if start <= self.now else None,
                    signed_off_at=end.add(minutes=self.rng.randint(0, 20)) if worked else None,
                )
                self.records.append(shift)
                if start <= self.now and self.rng.random() < 0.5:
                    self.records.append(
                        StaffWellbeingCheck(
                            staff_id=member.id,
                            at=start,
                            tinana=self.rng.randint(4, 9),
                            hinengaro=self.rng.randint(4, 9),
                            whanau=self.rng.randint(4, 9),
                            wairua=self.rng.randint(4, 9),
                            own_words=self.rng.choice(_OWN_WORDS),
                            wants_chat=self.rng.random() < 0.05,
                        )
                    )
                if worked and self.rng.random() < 0.01:
                    event = HardEvent(
                        day=day,
                        shift_name=pattern.name,
                        noted_by=member.id,
                        noted_at=end,
                        words="A hard evening in the house; we got through it together.",
                    )
                    self.records.append(event)
                    old = (self.now - end).in_days() > 4
                    self.records.append(
                        Debrief(
                            hard_event_id=event.id,
                            staff_id=member.id,
                            owed_since=end,
                            status="done" if old else "owed",
                            offered_at=end.add(days=1) if old else None,
                            closed_at=end.add(days=2) if old else None,
                        )
                    )
            if self.rng.random() < 0.04:
                member = self.rng.choice(peers)
                self.records.append(MentalHealthDay(staff_id=member.id, day=day, recorded_at=self.at(day, 6)))

    # -- guests -------------------------------------------------------------

    def make_roster_ahead(self, days: int = 7) -> None:
        """Shifts rostered for the week ahead, so the roster is not all gaps.

        Drawn from a separate random stream, so the past house life stays the
        same for a given seed.
        """
        rng = random.Random(self.rng.random())
        peers = [s for s in self.staff if s.role == "peer_staff"]
        for offset in range(1, days + 1):
            day = self.today.add(days=offset)
            for pattern in self.settings.shifts:
                start = wall_clock_or_next(day, pattern.start, self.tz)[0]
                end_day = day.add(days=1) if pattern.crosses_midnight else day
                end = wall_clock_or_next(end_day, pattern.end, self.tz)[0]
                self.records.append(
                    Shift(staff_id=rng.choice(peers).id, day=day, name=pattern.name, starts_at=start, ends_at=end)
                )

    def make_stays(self) -> None:
        """Every room but one has a guest now; earlier stays go back to day one."""
        rooms = list(self.settings.rooms)
        for index, room in enumerate(rooms[:-1]):
            # The current stay, then earlier ones walking back in time.
            arrival_day = self.today.subtract(days=self.rng.randint(1, 8))
            planned = max(arrival_day.add(days=self.rng.randint(3, 11)), self.today.add(days=1))
            arrived_at = self.at(arrival_day, self.rng.randint(10, 17), self.rng.choice((0, 15, 30, 45)))
            if arrived_at > self.now:
                arrived_at = self.now.subtract(hours=1)
            self.make_stay(room, arrived_at, planned, None, current_pin=index == 0)
            leaving_day = arrival_day.subtract(days=self.rng.randint(0, 2))
            while True:
                length = self.rng.randint(3, 11)
                arrival_day = leaving_day.subtract(days=length)
                if arrival_day < self.first_day:
                    break
                later_arrival = arrived_at
                arrived_at = self.at(arrival_day, self.rng.randint(10, 17), self.rng.choice((0, 15, 30, 45)))
                # Gone before the next guest of this room arrives: a room holds one stay at a time.
                left_at = min(self.at(leaving_day, self.rng.randint(9, 12)), later_arrival)
                self.make_stay(room, arrived_at, leaving_day, left_at, current_pin=False)
                leaving_day = arrival_day.subtract(days=self.rng.randint(0, 2))

    def make_stay(
        self,
        room: str,
        arrived_at: pendulum.DateTime,
        planned: pendulum.Date,
        left_at: pendulum.DateTime | None,
        current_pin: bool,
    ) -> None:
        rng = self.rng
        staying = left_at is None
        name = "Mere" if current_pin and staying else rng.choice(_GUEST_NAMES)
        pin = None
        if staying:
            pin = (
                hash_pin(DEMO_SIGN_INS[2].pin)
                if name == DEMO_SIGN_INS[2].name
                else hash_pin(f"7{rng.randint(100, 999)}")
            )
        guest = Guest(chosen_name=name, created_at=arrived_at, pronouns=rng.choice(_PRONOUNS), pin_hash=pin)
        kept_or_unsaid: tuple[RecordChoice | None, ...] = ("keep", "keep", None)
        choice = None if staying else rng.choice(kept_or_unsaid)
        if choice is None and not staying and self.erase_rng.random() < 0.5:
            choice = "erase"
        stay = Stay(
            guest_id=guest.id,
            room=room,
            arrived_at=arrived_at,
            planned_leaving=planned,
            left_at=left_at,
            record_choice=choice,
        )
        self.records += [guest, stay]
        end = left_at or self.now
        peers = [s for s in self.staff if s.role == "peer_staff"]
        intention = Intention(
            guest_id=guest.id,
            stay_id=stay.id,
            words=rng.choice(_INTENTIONS),
            status="working_on_it",
            set_at=arrived_at.add(hours=2),
            set_by=guest.id,
        )
        base = rng.randint(3, 7)
        day = house_today(arrived_at, self.tz)
        last_day = house_today(end, self.tz)
        agreed_by_now = self.now.subtract(hours=1)
        while day <= last_day:
            for slot in self.settings.check_in_times:
                at = self.moved(self.wall(day, slot), rng.randint(0, 20))
                if at < arrived_at or at > end:
                    continue
                self.records.append(
                    CheckIn(
                        guest_id=guest.id,
                        stay_id=stay.id,
                        at=at,
                        outcome=rng.choice(_OUTCOMES),
                        recorded_by=rng.choice(peers).id,
                        note=rng.choice(_CHECK_IN_NOTES),
                    )
                )
            rated = self.at(day, 19, rng.randint(0, 59))
            if arrived_at <= rated <= end:
                base = max(2, min(9, base + rng.choice((-1, 0, 1, 1))))
                self.records.append(
                    WellbeingRating(
                        guest_id=guest.id,
                        stay_id=stay.id,
                        at=rated,
                        tinana=_rating(rng, base),
                        hinengaro=_rating(rng, base),
                        whanau=_rating(rng, base),
                        wairua=_rating(rng, base),
                        entered_by=guest.id if rng.random() < 0.5 else rng.choice(peers).id,
                        own_words=rng.choice(_OWN_WORDS),
                    )
                )
            for pattern in self.settings.shifts:
                written = self.moved(self.wall(day, pattern.end), -30)
                if pattern.crosses_midnight:
                    written = self.moved(written, 24 * 60)
                if not arrived_at <= written <= end:
                    continue
                writer = rng.choice(peers)
                agreed = written < agreed_by_now or rng.random() < 0.5
                self.records.append(
                    HandoverEntry(
                        text=rng.choice(_HANDOVER_LINES),
                        written_by=writer.id,
                        written_at=written,
                        shift_date=day,
                        shift_name=pattern.name,
                        guest_id=guest.id,
                        stay_id=stay.id,
                        agreed=agreed,
                        agreed_at=self.moved(written, 5) if agreed else None,
                        agreed_how="read back and agreed" if agreed else None,
                    )
                )
                self.records.append(
                    AccessEvent(
                        guest_id=guest.id,
                        stay_id=stay.id,
                        actor_id=writer.id,
                        actor_name=writer.name,
                        actor_role="peer staff",
                        at=self.moved(written, -10),
                        what="your handover card",
                    )
                )
            day = self.next_day(day)
        if (end - arrived_at).in_days() >= 3:
            step = IntentionStep(at=intention.set_at, words=intention.words, status="working_on_it", by=guest.id)
            intention = replace(intention, status="done" if rng.random() < 0.6 else "working_on_it", history=(step,))
        self.records.append(intention)


def build_demo(data_dir: Path, days: int = 14, clock: Clock | None = None, seed: int = 7) -> int:
    """Fill `data_dir` with `days` days of demo house life; returns the record count.

    The folder must be new or an earlier demo; a real house is never touched.
    """
    data_dir = Path(data_dir)
    clock = clock or Clock()
    if (data_dir / "store").exists():
        store = Store.open(data_dir, clock)
        meta = store.get_meta(DEMO_META)
        if not (meta and meta.get("demo")):
            raise ValueError(f"{data_dir} holds a real house's data; the demo will not touch it.")
        shutil.rmtree(data_dir / "store")
        shutil.rmtree(data_dir / "backups", ignore_errors=True)
    settings = replace(load_settings(data_dir), house_name=DEMO_HOUSE_NAME)
    save_settings(data_dir, settings)
    builder = _Builder(settings, clock.now(), days, seed)
    builder.make_staff()
    builder.make_shifts()
    builder.make_stays()
    builder.make_roster_ahead()
    store = Store.open(data_dir, clock)
    store.set_meta(DEMO_META, {"demo": True})
    store.put_many(builder.records)
    _carry_out_erasures(store, settings, clock, builder)
    # The demo's stays were written directly: its month tallies are worked out from the records in hand,
    # as a real house keeps them (erased guests' stays are gone; their counts are in the erasures).
    tz = settings.time_zone
    remaining = {s.id for s in store.find(Stay)}
    stays = [r for r in builder.records if isinstance(r, Stay) and r.id in remaining]
    check_ins = [r for r in builder.records if isinstance(r, CheckIn) and r.stay_id in remaining]
    debriefs = [r for r in builder.records if isinstance(r, Debrief)]
    save_tallies(store, tallies_of(stays, check_ins, store.find(Erasure), debriefs, tz), tz)
    return len(builder.records)


def _carry_out_erasures(store: Store, settings: Settings, clock: Clock, builder: _Builder) -> None:
    """Guests who chose erasure were given their record and erased, as in a real house."""
    from crisishouse.services.house import House
    from crisishouse.services.session import Session

    manager = next(s for s in builder.staff if s.role == "manager")
    session = Session(manager.id, manager.name, "manager")
    erasures = House(store.data_dir, store, settings, clock).erasures
    # All at once, as a manager catching up would: one write of the house's data, not one each.
    erasures.erase_each(session, [departed.guest_id for departed in erasures.waiting(session)], "saved")


def demo_is_ready(data_dir: Path, clock: Clock | None = None) -> bool:
    """True if `data_dir` is a demo house with guests staying now."""
    if not (Path(data_dir) / "store" / "core.json").exists():
        return False
    store = Store.open(Path(data_dir), clock)
    meta = store.get_meta(DEMO_META)
    return bool(meta and meta.get("demo")) and bool(store.find(Stay, where={"left_at": None}))
