"""Stays: arriving, changing a stay, and leaving. Staff do this, often with the guest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import Guest, RoomMove, Stay
from crisishouse.models.checks import one_of
from crisishouse.models.stay import RECORD_CHOICES
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.month_counts import ended_stay_counts, tallies_built, tallies_with
from crisishouse.services.pins import (
    PinsChecked,
    check_new_pin,
    hash_pin,
    others_named,
    refuse_taken_pin,
)
from crisishouse.services.session import (
    Session,
    checks_sessions,
    require_guest_or_staff,
    require_staff,
    saved_stay,
)
from crisishouse.services.signin import Lockout, wait_words
from crisishouse.store import RecordGone, Store
from crisishouse.text import clean_text, name_key

# How many days before the house's longest stay the board mentions it.
NEARING_DAYS = 2


@dataclass(frozen=True)
class ReturningGuest:
    """A guest who stayed before and kept their record."""

    guest: Guest
    last_stay: Stay
    left_on: pendulum.Date
    """The house's date they last left."""

    @property
    def words(self) -> str:
        return f"stayed before, last leaving {self.left_on.format('D MMMM YYYY')}"


@checks_sessions
class Stays(Service):
    """The rules of stays: one guest a room, no overlaps, no leaving before arriving."""

    def __init__(self, ctx: HouseContext) -> None:
        super().__init__(ctx)
        self.pins_tried = Lockout(ctx.store, ctx.clock, "new_pins", house_wide=False)
        """PINs tried for a guest's name at arrival, counted in the house's data."""

    # -- reading --------------------------------------------------------------

    # Every read takes the session and checks it: a guest's session reaches
    # only the guest's own stays, whatever asks.

    def staying(self, session: Session) -> list[Stay]:
        """Stays not yet ended (staff: they show other guests)."""
        require_staff(session, "see who is staying")
        return self.store.find(Stay, where={"left_at": None})

    def free_rooms(self, session: Session) -> list[str]:
        """The house's rooms with no one staying in them, in the house's order."""
        taken = {s.room for s in self.staying(session)}
        return [r for r in self.settings.rooms if r not in taken]

    def get(self, session: Session, stay_id: str) -> Stay:
        """One stay: the guest's own, or any for staff."""
        return saved_stay(self.store, session, stay_id, "read a stay")

    def current_stay_of(self, session: Session, guest_id: str) -> Stay | None:
        """The guest's stay if they are staying now."""
        require_guest_or_staff(session, guest_id, "read a stay")
        found = self.store.find(Stay, where={"guest_id": guest_id, "left_at": None})
        return found[0] if found else None

    def stays_of(self, session: Session, guest_id: str) -> list[Stay]:
        """All of a guest's stays, oldest first."""
        require_guest_or_staff(session, guest_id, "read a guest's stays")
        return self._stays_of(guest_id)

    def _stays_of(self, guest_id: str) -> list[Stay]:
        return sorted(self.store.find(Stay, where={"guest_id": guest_id}), key=lambda s: s.arrived_at)

    def _planned_nights(self, stay: Stay) -> int:
        arrived = house_today(stay.arrived_at, self.settings.time_zone)
        return (stay.planned_leaving - arrived).days

    def longest_stay_note(self, session: Session, stay: Stay) -> str | None:
        """A gentle word when a stay nears or passes the house's longest stay."""
        # Only the id is taken from the caller: the stay and whose it is are read as saved.
        stay = saved_stay(self.store, session, stay.id, "read a stay")
        longest = self.settings.longest_stay_days
        nights = self._planned_nights(stay)
        today = house_today(self.clock.now(), self.settings.time_zone)
        arrived = house_today(stay.arrived_at, self.settings.time_zone)
        so_far = (today - arrived).days
        if nights > longest:
            why = f": {stay.longer_stay_reason}" if stay.longer_stay_reason else ""
            return f"Planned for {nights} nights, longer than the house's usual {longest}{why}."
        if so_far >= longest - NEARING_DAYS:
            return f"Night {so_far + 1}; the house's usual longest stay is {longest} nights."
        return None

    def returning_guests(self, session: Session, chosen_name: str) -> list[ReturningGuest]:
        """Guests of this name who stayed before and kept their record."""
        require_staff(session, "look for a returning guest")
        key = name_key(chosen_name)
        if not key:
            return []
        found = []
        for guest in self.store.find(Guest):
            if name_key(guest.chosen_name) != key:
                continue
            stays = self._stays_of(guest.id)
            if not stays or any(s.is_staying for s in stays):
                continue
            if stays[-1].record_choice == "erase":
                continue
            left = stays[-1].left_at or stays[-1].arrived_at
            found.append(ReturningGuest(guest, stays[-1], house_today(left, self.settings.time_zone)))
        return found

    # -- the rules ------------------------------------------------------------

    def _check_room(self, room: str, arriving: pendulum.DateTime, ignore: str | None = None) -> None:
        if room not in self.settings.rooms:
            raise ServiceError(f"{room!r} is not one of the house's rooms: {', '.join(self.settings.rooms)}.")
        for other in self.store.find(Stay):
            # Skipped when it left before `arriving` and had moved no later: a stay's times are read from
            # its moves as saved, never from its leaving alone.
            if other.id == ignore or (other.left_at is not None and _last_change(other) <= arriving):
                continue
            # The new stay runs on from `arriving`, so any time the other
            # stay spends in this room after then would be shared.
            for in_room, _start, end in other.room_times():
                if in_room == room and (end is None or end > arriving):
                    raise ServiceError(f"{room} has someone staying in it. Choose a free room.")

    def _check_length(self, arrived_at: pendulum.DateTime, planned: pendulum.Date, reason: str | None) -> None:
        reason = clean_text(reason).strip() if reason else None
        arrived = house_today(arrived_at, self.settings.time_zone)
        if planned < arrived:
            raise ServiceError("The planned leaving date is before the arrival.")
        nights = (planned - arrived).days
        longest = self.settings.longest_stay_days
        if nights > longest and not (reason and reason.strip()):
            raise ServiceError(
                f"That makes {nights} nights, longer than the house's usual {longest}. "
                "Say in plain words why; it is kept with the stay."
            )

    # -- changes --------------------------------------------------------------

    def arrive(
        self,
        session: Session,
        *,
        chosen_name: str,
        room: str,
        planned_leaving: pendulum.Date,
        pronouns: str | None = None,
        support_person: str | None = None,
        support_person_consent: bool = False,
        pin: str | None = None,
        arrived_at: pendulum.DateTime | None = None,
        returning_guest_id: str | None = None,
        longer_stay_reason: str | None = None,
    ) -> Stay:
        """A guest arrives. A returning guest keeps their earlier record.

        The guest and the stay are saved in one write, after the room is
        checked free under the house lock: no other terminal can take the
        room in between, and a crash leaves both or neither.
        """
        require_staff(session, "welcome a guest")
        now = self.clock.now()
        given_at = arrived_at
        arrived_at = arrived_at or now
        if arrived_at > now.add(minutes=5):
            raise ServiceError("An arrival cannot be in the future.")
        self._check_length(arrived_at, planned_leaving, longer_stay_reason)
        # Hashing and checking PINs are slow on purpose: done before the lock is taken.
        pin_hash = hash_pin(pin) if pin else None
        checked = self._check_pin(chosen_name, pin, returning_guest_id) if pin else {}
        with self.store.transaction():
            if given_at is None:
                # Now, under the lock: the PIN's hashing took a while, and another terminal may have
                # moved someone out of this room meanwhile (the room is free from then, not from before).
                arrived_at = max(arrived_at, self.clock.now())
            self._check_room(room, arrived_at)
            if returning_guest_id:
                earlier = self._returning(session, returning_guest_id)
                guest = replace(
                    earlier,
                    chosen_name=chosen_name or earlier.chosen_name,
                    pronouns=pronouns if pronouns is not None else earlier.pronouns,
                    support_person=support_person,
                    support_person_consent=support_person_consent,
                    pin_hash=pin_hash or earlier.pin_hash,
                )
                if not pin:
                    _keep_old_pin(self.store, earlier, guest)
            else:
                guest = Guest(
                    chosen_name=chosen_name,
                    created_at=arrived_at,
                    pronouns=pronouns,
                    support_person=support_person,
                    support_person_consent=support_person_consent,
                    pin_hash=pin_hash,
                )
            if pin:
                # Again under the lock: another terminal may have given someone of this name this PIN meanwhile.
                refuse_taken_pin(self.store, guest.chosen_name, pin, checked, not_for=guest.id)
            stay = Stay(
                guest_id=guest.id,
                room=room,
                arrived_at=arrived_at,
                planned_leaving=planned_leaving,
                longer_stay_reason=longer_stay_reason,
            )
            self.store.put_many([guest, stay])
        if pin:
            # A welcome that went through ends the count: retries after "room taken" never pile up waits.
            self.pins_tried.clear(guest.chosen_name)
        return stay

    def _check_pin(self, chosen_name: str, pin: str, returning_guest_id: str | None) -> PinsChecked:
        """Refuse a PIN someone else with the guest's name has (a name and PIN are one person).

        Saying so tells whoever asks that someone of this name has this PIN,
        so PINs tried for a name are counted like wrong PINs at sign-in, and
        trying many waits: this is no quicker a way to find a PIN.
        """
        name = chosen_name
        if not name_key(name) and returning_guest_id:
            earlier = self.store.get(Guest, returning_guest_id)
            name = earlier.chosen_name if earlier else ""
        wait = self.pins_tried.wait(name)
        if wait is not None:
            raise ServiceError(
                f"Several PINs were tried for this name just now: try again in "
                f"{wait_words(wait.seconds_left(self.clock.now()))}, or choose the PIN later."
            )
        self.pins_tried.count(name)
        return check_new_pin(self.store, name, pin, not_for=returning_guest_id)

    def _returning(self, session: Session, guest_id: str) -> Guest:
        """A guest who may be welcomed back (read under the lock)."""
        guest = self.store.get(Guest, guest_id)
        if guest is None:
            raise ServiceError("There is no such guest to welcome back.")
        earlier = self._stays_of(guest.id)
        if earlier and earlier[-1].record_choice == "erase":
            raise ServiceError("This guest chose to have their record erased; welcome them as a new guest.")
        if self.current_stay_of(session, guest.id):
            raise ServiceError(f"{guest.chosen_name} is already staying.")
        return guest

    def change_leaving(
        self, session: Session, stay_id: str, planned_leaving: pendulum.Date, reason: str | None = None
    ) -> Stay:
        """Extend or shorten a stay."""
        require_staff(session, "change a stay")

        def change(stay: Stay) -> Stay:
            _still_staying(stay)
            why = reason or stay.longer_stay_reason
            self._check_length(stay.arrived_at, planned_leaving, why)
            return replace(stay, planned_leaving=planned_leaving, longer_stay_reason=why)

        return self._update(stay_id, change)

    def move_room(self, session: Session, stay_id: str, room: str) -> Stay:
        """Move a guest to a free room."""
        require_staff(session, "move a guest's room")

        def change(stay: Stay) -> Stay:
            _still_staying(stay)
            if room == stay.room:
                raise ServiceError(f"{stay.room} is already this guest's room.")
            # Never before the stay's arrival or its last move (an arrival a few minutes ahead, a clock
            # put back): a room's times must follow each other for the one-stay-a-room check to hold.
            now = max([self.clock.now(), stay.arrived_at, *(m.at for m in stay.moves)])
            self._check_room(room, now, ignore=stay.id)
            move = RoomMove(at=now, from_room=stay.room, to_room=room, by=session.person_id)
            return replace(stay, room=room, moves=(*stay.moves, move))

        return self._update(stay_id, change)

    def out_overnight(self, session: Session, stay_id: str, night: pendulum.Date | None = None) -> Stay:
        """Note that the guest is out overnight (tonight unless told)."""
        require_staff(session, "note a night out")
        night = night or house_today(self.clock.now(), self.settings.time_zone)

        def change(stay: Stay) -> Stay:
            _still_staying(stay)
            if night in stay.nights_out:
                return stay
            return replace(stay, nights_out=tuple(sorted((*stay.nights_out, night))))

        return self._update(stay_id, change)

    def leave(
        self,
        session: Session,
        stay_id: str,
        record_choice: str | None,
        left_at: pendulum.DateTime | None = None,
    ) -> Stay:
        """The guest leaves; their choice (keep or erase their record) is recorded."""
        require_staff(session, "record a leaving")
        choice = one_of(record_choice, RECORD_CHOICES)
        if choice is None and record_choice is not None:
            raise ServiceError("The record choice is keep, erase, or not made yet.")
        with self.store.transaction():
            # Now, under the lock, unless a time is given: another terminal may have moved the guest's
            # room since this terminal was asked, and a leaving before that move would leave the old
            # room held after the guest had gone, unseen by the next arrival's check.
            when = left_at or self.clock.now()
            stay = self.store.get(Stay, stay_id) if isinstance(stay_id, str) else None
            if stay is None:
                raise ServiceError("There is no such stay.")
            _still_staying(stay)
            if when < stay.arrived_at:
                raise ServiceError("A guest cannot leave before they arrived.")
            if stay.moves and when < stay.moves[-1].at:
                moved = stay.moves[-1].at.in_timezone(self.settings.time_zone)
                raise ServiceError(
                    f"A guest cannot leave before their last room move ({moved.format('D MMMM, HH:mm')}, "
                    f"to {stay.moves[-1].to_room}). Give a leaving time after it."
                )
            left = replace(stay, left_at=when, record_choice=choice)
            # The stay's share of the funder's counts is final now: it joins its months' tallies in the same write.
            tz = self.settings.time_zone
            tallies = (
                tallies_with(self.store, ended_stay_counts(self.store, left, tz), tz)
                if tallies_built(self.store, tz)
                else []
            )
            self.store.put_many([left, *tallies])
            return left

    def _update(self, stay_id: str, change: Callable[[Stay], Stay]) -> Stay:
        """Change a stay as it is on disk now, under the house lock."""
        try:
            return self.store.update(Stay, stay_id, change)
        except RecordGone:
            raise ServiceError("There is no such stay.") from None


def _keep_old_pin(store: Store, earlier: Guest, guest: Guest) -> None:
    """A returning guest keeps their PIN: refused if a new name would make it ambiguous.

    The old PIN is known only as a hash, so it cannot be checked against
    others of the new name; with a new name and someone else of that name
    holding a PIN, the guest chooses a new PIN too.
    """
    if not earlier.pin_hash or name_key(earlier.chosen_name) == name_key(guest.chosen_name):
        return
    if others_named(store, guest.chosen_name, not_for=guest.id):
        raise ServiceError(
            "With a new name, choose a new PIN together too: the old one cannot be checked against the new name."
        )


def _last_change(stay: Stay) -> pendulum.DateTime:
    """When the stay last left a room: its leaving, or its last move if that came later."""
    assert stay.left_at is not None
    return max([stay.left_at, *(move.at for move in stay.moves)])


def _still_staying(stay: Stay) -> None:
    if not stay.is_staying:
        raise ServiceError("This stay has ended.")
