"""Self-rated wellbeing on the four walls of Te Whare Tapa Whā (Mason Durie)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    id_field,
    instant_field,
    new_id,
    rating_field,
    text_field,
)

FOUR_WALLS: dict[str, str] = {
    "tinana": "taha tinana (body)",
    "hinengaro": "taha hinengaro (mind and feelings)",
    "whanau": "taha whānau (family and connection)",
    "wairua": "taha wairua (spirit)",
}


@dataclass(frozen=True, kw_only=True)
class WellbeingRating:
    """A guest's own rating of the four walls, each 0 to 10.

    There is no total and no label: these are the guest's own numbers.
    """

    guest_id: str
    stay_id: str
    at: pendulum.DateTime
    tinana: int
    hinengaro: int
    whanau: int
    wairua: int
    entered_by: str
    """Id of whoever typed it: the guest, or a staff member."""
    with_guest: bool = True
    """Staff entered it with the guest present (always true for the guest)."""
    own_words: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Which guest")
        id_field(self, "stay_id", "Which stay")
        instant_field(self, "at", "When it was rated")
        for wall, label in FOUR_WALLS.items():
            rating_field(self, wall, label)
        id_field(self, "entered_by", "Who entered it")
        if not self.with_guest:
            raise ValidationError(
                "A guest's wellbeing is rated by the guest; staff enter it only with the guest.",
                "with_guest",
            )
        text_field(self, "own_words", "Own words")
