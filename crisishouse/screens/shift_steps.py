"""F2 at the lock screen: which step a staff member's shift is at, the question asked first, and what is said after.

The lock screen asks name and PIN, then the question here (the roster's own
words), and only on a yes does anything change. Each outcome is said as it
is: signed on, signed on to cover, signed off with the hours and how to take
it back, or the sign-off taken back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from crisishouse.services.undo import UNDO_WINDOW

if TYPE_CHECKING:
    import pendulum

    from crisishouse.models import Shift
    from crisishouse.services import House, Session

StepKind = Literal["sign_on", "sign_off", "take_back"]


@dataclass(frozen=True)
class ShiftStep:
    """What F2 would do for this person now, asked as a question first."""

    kind: StepKind
    question: str
    yes: str
    """The button that does it."""
    no: str
    """The button that leaves things as they are (it has the focus)."""


def next_step(house: House, session: Session) -> ShiftStep:
    """Sign off if on a shift; take back a sign-off of the last few minutes; else sign on (maybe to cover)."""
    roster, tz = house.roster, house.settings.time_zone
    if roster.on_shift(session) is not None:
        return ShiftStep("sign_off", roster.sign_off_question(session), "Sign off", "Stay signed on")
    signed_off = roster.last_sign_off(session)
    if signed_off is not None:
        assert signed_off.signed_off_at is not None, "the roster returns a shift signed off"
        question = (
            f"You signed off the {signed_off.name} shift at {_clock(signed_off.signed_off_at, tz)}. "
            f"Take back the sign-off, so you are on the {signed_off.name} shift again?"
        )
        return ShiftStep("take_back", question, "Take back the sign-off", "Leave it signed off")
    return ShiftStep("sign_on", roster.sign_on_question(session), "Sign on", "Cancel")


def take_step(house: House, session: Session, step: StepKind) -> str:
    """Do the step (the roster refuses what is not allowed) and say what happened, for the lock screen."""
    roster, tz, name = house.roster, house.settings.time_zone, session.name
    if step == "sign_off":
        shift = roster.sign_off(session)
        on, off = shift.signed_on_at, shift.signed_off_at
        assert on is not None and off is not None, "the roster returns the shift signed on and off"
        hours = (off - on).total_seconds() / 3600
        # Three lines at most in the sign-in box: it must still fit an 80x24 screen.
        return (
            f"{name}: signed off the {shift.name} shift at {_clock(off, tz)}, {hours:.1f} hours. Thank you. "
            f"Signed off by mistake? F2 takes it back until {_clock(off + UNDO_WINDOW, tz)}."
        )
    if step == "take_back":
        shift = roster.undo_sign_off(session)
        return f"{name}: the sign-off is taken back. You are on the {shift.name} shift again{_since(shift, tz)}."
    shift = roster.sign_on(session)
    return _signed_on_words(name, shift, tz)


def declined(step: StepKind) -> str:
    """What the lock screen says when the safe answer was chosen."""
    if step == "sign_off":
        return "Nothing changed: you are still signed on."
    if step == "take_back":
        return "Nothing changed: the sign-off stands."
    return "Nothing changed: you are not signed on."


def _signed_on_words(name: str, shift: Shift, tz: str) -> str:
    """ "Tama: signed on for the morning shift at 07:02.", or "signed on to cover" when not rostered."""
    assert shift.signed_on_at is not None, "the roster returns the shift signed on"
    how = "to cover" if shift.cover else "for"
    return f"{name}: signed on {how} the {shift.name} shift at {_clock(shift.signed_on_at, tz)}."


def _since(shift: Shift, tz: str) -> str:
    return f" (since {_clock(shift.signed_on_at, tz)})" if shift.signed_on_at is not None else ""


def _clock(instant: pendulum.DateTime, tz: str) -> str:
    """ "15:05", in the house's zone."""
    return instant.in_timezone(tz).format("HH:mm")
