"""A staff member's own wellbeing checks and mental health days: private to them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    date_field,
    id_field,
    instant_field,
    new_id,
    rating_field,
    text_field,
)
from crisishouse.models.wellbeing import FOUR_WALLS


@dataclass(frozen=True, kw_only=True)
class StaffWellbeingCheck:
    """A staff member's own check of how they are going: private to them.

    Either the four walls or, where the house prefers, a single scale.
    Only `wants_chat` ever reaches the manager.
    """

    staff_id: str
    at: pendulum.DateTime
    tinana: int | None = None
    hinengaro: int | None = None
    whanau: int | None = None
    wairua: int | None = None
    overall: int | None = None
    """The single scale, for houses that prefer it."""
    own_words: str = ""
    wants_chat: bool = False
    """"I'd like a chat with the manager"."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "staff_id", "Which staff member")
        instant_field(self, "at", "When")
        walls = [getattr(self, w) for w in FOUR_WALLS]
        if self.overall is None and any(v is None for v in walls):
            raise ValidationError("Rate all four walls, or use the single scale.", "overall")
        for wall, label in FOUR_WALLS.items():
            if getattr(self, wall) is not None:
                rating_field(self, wall, label)
        if self.overall is not None:
            rating_field(self, "overall", "How you are going")
        text_field(self, "own_words", "Own words")


@dataclass(frozen=True, kw_only=True)
class MentalHealthDay:
    """A mental health day ("duvet day"): a date and nothing else, no reason."""

    staff_id: str
    day: pendulum.Date
    recorded_at: pendulum.DateTime
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "staff_id", "Which staff member")
        date_field(self, "day", "The day")
        instant_field(self, "recorded_at", "When it was recorded")
