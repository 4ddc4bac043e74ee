"""The manager's view of staff load and roster gaps: sustainable work, not judgement."""

from __future__ import annotations

from dataclasses import dataclass

import pendulum

from crisishouse.housetime import house_today
from crisishouse.models import Shift, StaffMember
from crisishouse.services.context import HouseContext, Service
from crisishouse.services.debriefs import Debriefs
from crisishouse.services.errors import ServiceError
from crisishouse.services.mental_health_days import MentalHealthDays
from crisishouse.services.session import Session, checks_sessions, require_manager
from crisishouse.services.shifts import Shifts, ShiftTime
from crisishouse.services.staff_records import (
    active_staff,
    hours_of,
    is_night,
    longest_run,
    run_ending,
    shifts_on_days,
    touches,
)
from crisishouse.services.staff_wellbeing import StaffWellbeing
from crisishouse.text import plural

# How far back to look for a full day off before saying "at least this many".
DAY_OFF_LOOKBACK = 60


@dataclass(frozen=True)
class LoadRow:
    """One staff member's load: counts and flags only, never a rating or their words."""

    staff_id: str
    name: str
    shifts_7_days: int
    shifts_28_days: int
    hours_7_days: float
    hours_28_days: float
    nights_28_days: int
    longest_run_28_days: int
    """Most days in a row with a shift starting, in the last 28 days."""
    longest_night_run_28_days: int
    days_since_day_off: int
    """Days since the last house date with no work in it at all (0: today so far)."""
    mental_health_days_used: int
    mental_health_days_left: int
    debriefs_owed: int
    oldest_debrief_days: int | None
    wants_chat: bool
    cover_shifts_7_days: int
    """Shifts worked as cover in the last 7 days: not rostered to them, or a second that day."""
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Gap:
    """A shift ahead with nobody on it, or with someone it would overload."""

    shift: ShiftTime
    staff_id: str | None
    staff_name: str | None
    reasons: tuple[str, ...]

    def words(self, tz: str) -> str:
        who = "Nobody is rostered" if self.staff_name is None else self.staff_name
        return f"{self.shift.words(tz)}: {who}" + (f": {'; '.join(self.reasons)}." if self.reasons else ".")


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _days_since_day_off(shifts: list[Shift], today: pendulum.Date, tz: str) -> int:
    """Days back from `today` to the last date none of `shifts` touches."""
    for back in range(DAY_OFF_LOOKBACK + 1):
        day = today.subtract(days=back)
        if not any(touches(s, day, tz) for s in shifts):
            return back
    return DAY_OFF_LOOKBACK


@checks_sessions
class Load(Service):
    """Load and gaps for the manager, from the roster, sign-ons and debriefs."""

    def __init__(
        self, ctx: HouseContext, days_off: MentalHealthDays, debriefs: Debriefs, wellbeing: StaffWellbeing
    ) -> None:
        super().__init__(ctx)
        self.shifts = Shifts(ctx.settings)
        self.days_off = days_off
        self.debriefs = debriefs
        self.wellbeing = wellbeing

    @property
    def tz(self) -> str:
        return self.settings.time_zone

    # -- load ----------------------------------------------------------------

    def load(self, session: Session) -> list[LoadRow]:
        """A row per active staff member, heaviest load on top."""
        require_manager(session, "see staff load")
        now = self.clock.now()
        today = house_today(now, self.tz)
        recent = [
            s
            for s in shifts_on_days(self.store, today.subtract(days=DAY_OFF_LOOKBACK + 1), today)
            if s.starts_at <= now
        ]
        owed: dict[str, list[int]] = {}
        for o in self.debriefs.debriefs_owed(session):
            owed.setdefault(o.debrief.staff_id, []).append(o.days_owed)
        asking = {r.staff_id for r in self.wellbeing.chat_requests(session)}
        rows = [
            self._row(
                session,
                member,
                [s for s in recent if s.staff_id == member.id],
                owed.get(member.id, []),
                member.id in asking,
            )
            for member in active_staff(self.store)
        ]
        return sorted(rows, key=lambda r: (-len(r.flags), -r.hours_7_days, r.name))

    def _row(
        self, session: Session, member: StaffMember, shifts: list[Shift], owed: list[int], wants_chat: bool
    ) -> LoadRow:
        now = self.clock.now().in_timezone(self.tz)
        today = now.date()
        week = [s for s in shifts if s.starts_at > now.subtract(days=7)]
        month = [s for s in shifts if s.starts_at > now.subtract(days=28)]
        nights = [s for s in month if is_night(s, self.tz)]
        allowance = self.days_off.allowance(session, member.id)
        t = self.settings.load
        run = longest_run(s.day for s in month)
        night_run = longest_run(s.day for s in nights)
        day_off = _days_since_day_off(shifts, today, self.tz)
        oldest = max(owed, default=None)
        flags = []
        if len(week) > t.shifts_in_7_days:
            flags.append(f"{plural(len(week), 'shift')} in the last 7 days (the house's guide is {t.shifts_in_7_days})")
        if run > t.days_in_a_row:
            flags.append(f"{run} days in a row (the house's guide is {t.days_in_a_row})")
        if day_off >= t.days_without_day_off:
            flags.append(f"no full day off in {plural(day_off, 'day')} (the house's guide is {t.days_without_day_off})")
        if night_run > t.nights_in_a_row:
            flags.append(f"{night_run} nights in a row (the house's guide is {t.nights_in_a_row})")
        if oldest is not None and oldest > t.debrief_owed_days:
            flags.append(f"a debrief owed for {oldest} days (the house's guide is {t.debrief_owed_days})")
        covers = [s for s in week if s.cover]
        if covers:
            more = round(sum(hours_of(s) for s in covers), 1)
            flags.append(f"{plural(len(covers), 'cover shift')} in the last 7 days ({more:g} h more)")
        return LoadRow(
            staff_id=member.id,
            name=member.name,
            shifts_7_days=len(week),
            shifts_28_days=len(month),
            hours_7_days=round(sum(hours_of(s) for s in week), 2),
            hours_28_days=round(sum(hours_of(s) for s in month), 2),
            nights_28_days=len(nights),
            longest_run_28_days=run,
            longest_night_run_28_days=night_run,
            days_since_day_off=day_off,
            mental_health_days_used=allowance.used,
            mental_health_days_left=allowance.left,
            debriefs_owed=len(owed),
            oldest_debrief_days=oldest,
            wants_chat=wants_chat,
            cover_shifts_7_days=len(covers),
            flags=tuple(flags),
        )

    # -- gaps ----------------------------------------------------------------

    def gaps(self, session: Session, start: pendulum.Date, days: int = 14) -> list[Gap]:
        """Shifts from `start` with nobody on them, or with someone they would take over a guide."""
        require_manager(session, "see roster gaps")
        if days < 1:
            raise ServiceError("Ask for at least one day of gaps.")
        end = start.add(days=days - 1)
        rostered = shifts_on_days(self.store, start.subtract(days=DAY_OFF_LOOKBACK + 1), end)
        names = {m.id: m.name for m in self.store.find(StaffMember)}
        found: list[Gap] = []
        for offset in range(days):
            day = start.add(days=offset)
            for times in self.shifts.on(day):
                on = [s for s in rostered if s.day == day and s.name == times.name]
                if not on:
                    found.append(Gap(times, None, None, ()))
                for shift in on:
                    mine = [s for s in rostered if s.staff_id == shift.staff_id and s.starts_at <= shift.starts_at]
                    reasons = self._would_cross(shift, mine)
                    if reasons:
                        found.append(Gap(times, shift.staff_id, names.get(shift.staff_id, "?"), reasons))
        return found

    def _would_cross(self, shift: Shift, mine: list[Shift]) -> tuple[str, ...]:
        """What working `shift` would take over the house's guides (`mine`: theirs up to and with it)."""
        t = self.settings.load
        reasons = []
        week = [s for s in mine if s.starts_at > shift.starts_at.subtract(days=7)]
        if len(week) > t.shifts_in_7_days:
            reasons.append(f"their {_ordinal(len(week))} shift in 7 days (the house's guide is {t.shifts_in_7_days})")
        run = run_ending({s.day for s in mine}, shift.day)
        if run > t.days_in_a_row:
            reasons.append(f"their {_ordinal(run)} day in a row (the house's guide is {t.days_in_a_row})")
        day_off = _days_since_day_off(mine, shift.day, self.tz)
        if day_off >= t.days_without_day_off:
            reasons.append(
                f"no full day off in {plural(day_off, 'day')} (the house's guide is {t.days_without_day_off})"
            )
        if is_night(shift, self.tz):
            nights = run_ending({s.day for s in mine if is_night(s, self.tz)}, shift.day)
            if nights > t.nights_in_a_row:
                reasons.append(f"their {_ordinal(nights)} night in a row (the house's guide is {t.nights_in_a_row})")
        return tuple(reasons)
