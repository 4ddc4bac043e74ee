"""Arriving, changing a stay, and leaving: forms for staff, sitting with the guest."""

from __future__ import annotations

from collections.abc import Iterable

import pendulum
from rich.text import Text
from textual import on
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Select

from crisishouse.housetime import house_today, parse_date
from crisishouse.models import Stay
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session
from crisishouse.widgets.literal import literal

NEW_GUEST = "new"


def _today(house: House) -> pendulum.Date:
    return house_today(house.clock.now(), house.settings.time_zone)


class ArriveForm(FormScreen[Stay]):
    """A guest arrives. Only what they choose to tell is recorded."""

    heading = "Welcome: a guest arrives"

    def __init__(self, house: House, session: Session) -> None:
        super().__init__()
        self.house = house
        self.session = session

    def cannot_open(self) -> str | None:
        if not self.house.stays.free_rooms(self.session):
            return "Every room has someone staying: no room is free for an arrival."
        return None

    def fields(self) -> Iterable[Widget]:
        rooms = self.house.stays.free_rooms(self.session)
        default_leaving = _today(self.house).add(days=7).isoformat()
        yield from labelled("The name they choose (initials are fine)", Input(id="arrive-name"))
        yield Select([("New guest", NEW_GUEST)], value=NEW_GUEST, allow_blank=False, id="arrive-returning")
        yield from labelled("Pronouns (optional)", Input(id="arrive-pronouns"))
        yield from labelled(
            "Room",
            Select(
                [(literal(r), r) for r in rooms],
                prompt="Choose a free room",
                id="arrive-room",
                value=rooms[0] if rooms else Select.NULL,
            ),
        )
        yield from labelled("Planned leaving (YYYY-MM-DD)", Input(default_leaving, id="arrive-leaving"))
        yield from labelled("If longer than the house's usual stay: why, in plain words", Input(id="arrive-reason"))
        yield from labelled("Support person (optional)", Input(id="arrive-support"))
        yield Checkbox("The guest agrees their support person is recorded", id="arrive-consent")
        yield from labelled(
            "A PIN for the guest's own view (optional, 4 to 8 digits)",
            Input(id="arrive-pin", password=True, restrict=r"[0-9]*", max_length=8),
        )

    @on(Input.Changed, "#arrive-name")
    def _look_for_returning(self, event: Input.Changed) -> None:
        options: list[tuple[Text | str, str]] = [("New guest", NEW_GUEST)]
        for found in self.house.stays.returning_guests(self.session, event.value):
            # A str prompt would be parsed as markup: names go in as Text.
            prompt = Text("Welcome back: ").append_text(literal(found.guest.chosen_name)).append(f", {found.words}")
            options.append((prompt, found.guest.id))
        self.query_one("#arrive-returning", Select).set_options(options)

    def save(self) -> Stay:
        room = self.query_one("#arrive-room", Select).value
        if room is Select.NULL:
            raise ServiceError("Choose a free room.")
        returning = self.query_one("#arrive-returning", Select).value
        return self.house.stays.arrive(
            self.session,
            chosen_name=self.text("arrive-name"),
            room=str(room),
            planned_leaving=parse_date(self.text("arrive-leaving")),
            pronouns=self.text("arrive-pronouns") or None,
            support_person=self.text("arrive-support") or None,
            support_person_consent=self.ticked("arrive-consent"),
            pin=self.text("arrive-pin") or None,
            returning_guest_id=None if returning in (NEW_GUEST, Select.NULL) else str(returning),
            longer_stay_reason=self.text("arrive-reason") or None,
        )


class StayForm(FormScreen[Stay]):
    """A change to one stay."""

    def __init__(self, house: House, session: Session, stay: Stay) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.stay = stay


class LeavingDateForm(StayForm):
    """Extend or shorten a stay."""

    heading = "Change the planned leaving date"

    def fields(self) -> Iterable[Widget]:
        yield from labelled(
            "Planned leaving (YYYY-MM-DD)", Input(self.stay.planned_leaving.isoformat(), id="leaving-date")
        )
        yield from labelled(
            "If longer than the house's usual stay: why, in plain words",
            Input(self.stay.longer_stay_reason or "", id="leaving-reason"),
        )

    def save(self) -> Stay:
        return self.house.stays.change_leaving(
            self.session, self.stay.id, parse_date(self.text("leaving-date")), self.text("leaving-reason") or None
        )


class MoveRoomForm(StayForm):
    """Move a guest to a free room."""

    heading = "Move to another room"

    def _rooms(self) -> list[str]:
        return [r for r in self.house.stays.free_rooms(self.session) if r != self.stay.room]

    def cannot_open(self) -> str | None:
        if not self._rooms():
            return "No room is free to move to: every other room has someone staying."
        return None

    def fields(self) -> Iterable[Widget]:
        yield from labelled(
            f"From {self.stay.room} to",
            Select([(literal(r), r) for r in self._rooms()], prompt="Choose a free room", id="move-room"),
        )

    def save(self) -> Stay:
        room = self.query_one("#move-room", Select).value
        if room is Select.NULL:
            raise ServiceError("Choose a free room.")
        return self.house.stays.move_room(self.session, self.stay.id, str(room))


class LeaveForm(StayForm):
    """A guest leaves, and chooses what happens to their record.

    Nothing is chosen when the form opens: the choice is the guest's
    (principle 2), asked each time, never one the form makes for them.
    """

    heading = "Leaving: what happens to the guest's record?"

    def fields(self) -> Iterable[Widget]:
        yield Label("Ask the guest, and choose what they say (Space chooses).", classes="field-label")
        yield RadioSet(
            RadioButton("Keep my record for next time", name="keep"),
            RadioButton("Erase it, after I am given the complete record", name="erase"),
            RadioButton("Not chosen yet (the record is kept)", name="none"),
            id="leave-choice",
        )

    def save(self) -> Stay:
        pressed = self.query_one("#leave-choice", RadioSet).pressed_button
        if pressed is None:
            raise ServiceError(
                "Choose with the guest: keep their record, erase it after they have it, or not chosen yet."
            )
        choice = pressed.name
        return self.house.stays.leave(self.session, self.stay.id, None if choice == "none" else choice)
