"""The roster the manager keeps, and staff signing on and off their shifts."""

from __future__ import annotations

from dataclasses import replace

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import MentalHealthDay, Shift, StaffMember
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.errors import ServiceError
from crisishouse.services.locking import one_step
from crisishouse.services.session import Session, checks_sessions, require_manager, require_staff
from crisishouse.services.shifts import Shifts
from crisishouse.services.staff_records import active_staff, find_anywhere, find_between, shifts_on_days, staff_member
from crisishouse.services.undo import UNDO_WORDS, still_undoable
from crisishouse.text import sort_key

# A shift may be signed on to this long before it starts.
EARLY_SIGN_ON = pendulum.duration(minutes=60)

NOT_SIGNED_ON = "You are not signed on to a shift, so there is nothing to sign off."


def _span(shift: Shift, tz: str) -> str:
    """ "07:00 to 15:00" in the house's zone."""
    return f"{shift.starts_at.in_timezone(tz).format('HH:mm')} to {shift.ends_at.in_timezone(tz).format('HH:mm')}"


def _hours(now: pendulum.DateTime, shift: Shift) -> str:
    """Hours on shift so far, to one decimal: "0.9 h"."""
    since = shift.signed_on_at or shift.starts_at
    return f"{max(0.0, (now - since).total_seconds() / 3600):.1f} h"


@checks_sessions
class Roster(Service):
    """Who is on which shift; nobody on two shifts at once, nor on a mental health day.

    Covering is normal: a second shift on a day, or a shift not rostered to
    the person who signs on, is allowed and recorded as cover, and the load
    view shows the manager what it adds.
    """

    def __init__(self, ctx: HouseContext) -> None:
        super().__init__(ctx)
        self.shifts = Shifts(ctx.settings)

    @property
    def tz(self) -> str:
        return self.settings.time_zone

    def _today(self) -> pendulum.Date:
        return house_today(self.clock.now(), self.tz)

    # -- the manager's roster ----------------------------------------------

    @one_step
    def assign(self, session: Session, staff_id: str, day: pendulum.Date, shift_name: str) -> Shift:
        """Put a staff member on a shift (today or ahead)."""
        require_manager(session, "change the roster")
        member = staff_member(self.store, staff_id)
        try:
            times = self.shifts.named(day, shift_name)
        except ValueError:
            names = ", ".join(p.name for p in self.settings.shifts)
            raise ServiceError(f"The house has no {shift_name!r} shift; its shifts are {names}.") from None
        if day < self._today():
            raise ServiceError("The roster is kept for today and the days ahead, not past days.")
        on_day = f"{day.format('dddd D MMMM')}"
        shift = Shift(staff_id=staff_id, day=day, name=times.name, starts_at=times.starts, ends_at=times.ends)
        same_day = shifts_on_days(self.store, day.subtract(days=1), day.add(days=1), staff_id=staff_id)
        for other in same_day:
            if other.overlaps(shift):
                raise ServiceError(f"{member.name} is already on the {other.name} shift then ({on_day}).")
        if any(m.day == day for m in find_between(self.store, MentalHealthDay, day, day, staff_id=staff_id)):
            raise ServiceError(f"{member.name} has a mental health day on {on_day}.")
        # A second shift that day is cover: allowed, and shown in the load view.
        shift = replace(shift, cover=any(other.day == day for other in same_day))
        self.store.put(shift)
        return shift

    @one_step
    def unassign(self, session: Session, shift_id: str) -> Shift:
        """Take a shift off the roster (not one already signed on to)."""
        require_manager(session, "change the roster")
        shift = self._shift(shift_id)
        if shift.signed_on_at is not None:
            raise ServiceError("This shift has been signed on to; it stays as a record of work done.")
        self.store.remove(shift)
        return shift

    def staff(self, session: Session) -> list[StaffMember]:
        """The active staff, by name (for the roster)."""
        require_manager(session, "keep the roster")
        return sorted(active_staff(self.store), key=lambda m: sort_key(m.name))

    def roster(self, session: Session, start: pendulum.Date, days: int) -> list[Shift]:
        """The shifts from `start` for `days` days, in time order."""
        require_staff(session, "see the roster")
        if days < 1:
            raise ServiceError("Ask for at least one day of the roster.")
        return shifts_on_days(self.store, start, start.add(days=days - 1))

    def _shift(self, shift_id: str) -> Shift:
        shift = find_anywhere(self.store, Shift, shift_id)
        if shift is None:
            raise ServiceError("There is no such shift on the roster.")
        return shift

    # -- signing on and off -------------------------------------------------

    def on_shift(self, session: Session) -> Shift | None:
        """The caller's shift they are signed on to now, if any."""
        require_staff(session, "sign on and off")
        today = self._today()
        for shift in shifts_on_days(self.store, today.subtract(days=2), today, staff_id=session.person_id):
            if shift.signed_on_at is not None and shift.signed_off_at is None:
                return shift
        return None

    @one_step
    def sign_on(self, session: Session, at: pendulum.DateTime | None = None) -> Shift:
        """Sign on to one's own shift that is on now or starts within the hour.

        With none rostered to them, they are covering: the current shift is
        added for them as cover (the record of who was on matters more than
        the roster being complete), even on a day they have another shift.
        """
        require_staff(session, "sign on")
        now = self.clock.now()
        at = now if at is None else at.in_timezone("UTC")
        if at > now:
            raise ServiceError("Signing on cannot be in the future.")
        if self.on_shift(session) is not None:
            raise ServiceError("You are already signed on; sign off first.")
        mine = self._rostered_now(session, at)
        if mine is not None:
            signed = replace(mine, signed_on_at=at)
            self.store.put(signed)
            return signed
        shift = replace(self._cover_at(session, at), signed_on_at=at)
        self.store.put(shift)
        return shift

    def _cover_at(self, session: Session, at: pendulum.DateTime) -> Shift:
        """The shift on at `at`, as cover for them; refused if it would overlap one of their own."""
        current = self.shifts.at(at)
        cover = Shift(
            staff_id=session.person_id,
            day=current.day,
            name=current.name,
            starts_at=current.starts,
            ends_at=current.ends,
            cover=True,
        )
        day = current.day
        for theirs in shifts_on_days(self.store, day.subtract(days=1), day.add(days=1), staff_id=session.person_id):
            if theirs.overlaps(cover):
                # Most often: the shift they signed off earlier. Counting it twice would double their hours.
                until = (theirs.signed_off_at or theirs.ends_at).in_timezone(self.tz).format("HH:mm")
                raise ServiceError(
                    f"You were on the {theirs.name} shift until {until}; signing on again would count it twice. "
                    f"A sign-off made in the last {UNDO_WORDS} can be taken back with F2."
                )
        return cover

    def sign_on_question(self, session: Session) -> str:
        """What to ask before signing on: their own shift, or which one they would cover."""
        require_staff(session, "sign on")
        if self.on_shift(session) is not None:
            raise ServiceError("You are already signed on; sign off first.")
        now = self.clock.now()
        mine = self._rostered_now(session, now)
        if mine is not None:
            return f"Sign on to your {mine.name} shift ({_span(mine, self.tz)})?"
        cover = self._cover_at(session, now)
        return f"You are not rostered now. Sign on to cover the {cover.name} shift ({_span(cover, self.tz)})?"

    def _rostered_now(self, session: Session, at: pendulum.DateTime) -> Shift | None:
        """Their own rostered shift that is on at `at` or starts within the hour."""
        day = house_today(at, self.tz)
        for shift in shifts_on_days(self.store, day.subtract(days=1), day.add(days=1), staff_id=session.person_id):
            if shift.signed_on_at is None and shift.starts_at - EARLY_SIGN_ON <= at < shift.ends_at:
                return shift
        return None

    def sign_off_question(self, session: Session) -> str:
        """What to ask before signing off: "Sign off the night shift now (0.9 h)?"."""
        shift = self.on_shift(session)
        if shift is None:
            raise ServiceError(NOT_SIGNED_ON)
        return f"Sign off the {shift.name} shift now ({_hours(self.clock.now(), shift)})?"

    def last_sign_off(self, session: Session) -> Shift | None:
        """The caller's shift signed off in the last few minutes, which they may take back."""
        require_staff(session, "sign on and off")
        if self.on_shift(session) is not None:
            return None
        now = self.clock.now()
        today = self._today()
        done = [
            s
            for s in shifts_on_days(self.store, today.subtract(days=2), today, staff_id=session.person_id)
            if still_undoable(s.signed_off_at, now)
        ]
        return max(done, key=lambda s: s.signed_off_at or now) if done else None

    @one_step
    def undo_sign_off(self, session: Session) -> Shift:
        """Take back a sign-off made by mistake in the last few minutes: the shift is on again."""
        shift = self.last_sign_off(session)
        if shift is None:
            raise ServiceError(f"There is no sign-off from the last {UNDO_WORDS} to take back.")
        back_on = replace(shift, signed_off_at=None)
        self.store.put(back_on)
        return back_on

    @one_step
    def sign_off(self, session: Session, at: pendulum.DateTime | None = None) -> Shift:
        """Sign off the shift one is signed on to."""
        require_staff(session, "sign off")
        now = self.clock.now()
        at = now if at is None else at.in_timezone("UTC")
        if at > now:
            raise ServiceError("Signing off cannot be in the future.")
        shift = self.on_shift(session)
        if shift is None:
            raise ServiceError(NOT_SIGNED_ON)
        if shift.signed_on_at is not None and at < shift.signed_on_at:
            raise ServiceError("Signing off cannot come before signing on.")
        signed = replace(shift, signed_off_at=at)
        self.store.put(signed)
        return signed
