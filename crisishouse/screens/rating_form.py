"""A guest rates the four walls of Te Whare Tapa Whā, 0 to 10, in their own session or with staff."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Checkbox, Input

from crisishouse.models import FOUR_WALLS, WellbeingRating
from crisishouse.screens.form import FormScreen, beside, labelled
from crisishouse.services import House, ServiceError, Session


class RatingForm(FormScreen[WellbeingRating]):
    """Four numbers and the guest's own words. No total, no label."""

    heading = "How are you going? 0 to 10 for each wall"

    def __init__(self, house: House, session: Session, guest_id: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.guest_id = guest_id

    def fields(self) -> Iterable[Widget]:
        for wall, label in FOUR_WALLS.items():
            yield beside(label, Input(id=f"rate-{wall}", restrict=r"[0-9]{0,2}", max_length=2, placeholder="0-10"))
        yield from labelled("In your own words (optional)", Input(id="rate-words"))
        if self.session.is_staff:
            yield Checkbox("Entered with the guest, who chose these numbers", id="rate-with-guest")

    def save(self) -> WellbeingRating:
        ratings = {}
        for wall, label in FOUR_WALLS.items():
            typed = self.text(f"rate-{wall}").strip()
            if not typed:
                raise ServiceError(f"Give {label} a number from 0 to 10.")
            ratings[wall] = int(typed)
        with_guest = self.ticked("rate-with-guest") if self.session.is_staff else True
        return self.house.wellbeing.rate(
            self.session, self.guest_id, ratings, self.text("rate-words"), with_guest=with_guest
        )
