"""What a guest adds to their own record: notes, statements, requests to talk.

A statement is the guest's own words attached to an entry they disagree
with (the right to ask for a correction, rule 7 of the Health Information
Privacy Code): it travels with that entry wherever it is shown or printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pendulum

from crisishouse.models.checks import (
    ValidationError,
    choice_field,
    id_field,
    instant_field,
    new_id,
    text_field,
)

EntryKind = Literal["check_in", "rating", "intention", "handover", "note"]
# Keyed by plain str: screens look up the words for a kind they were handed as text.
ENTRY_KINDS: dict[str, str] = {
    "check_in": "a check-in",
    "rating": "a wellbeing rating",
    "intention": "an intention",
    "handover": "a handover line",
    "note": "a note",
}
STATEMENT_KINDS: tuple[EntryKind, ...] = ("check_in", "rating", "intention", "handover")
"""Entries a statement can be attached to (a guest's own note is already theirs)."""


@dataclass(frozen=True, kw_only=True)
class GuestNote:
    """A note a guest writes for themselves, in their own session."""

    guest_id: str
    stay_id: str
    written_at: pendulum.DateTime
    text: str
    for_staff: bool = False
    """The guest lets staff read it; otherwise it is theirs alone."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Which guest")
        id_field(self, "stay_id", "Which stay")
        instant_field(self, "written_at", "When it was written")
        text_field(self, "text", "A note", required=True)


@dataclass(frozen=True, kw_only=True)
class Statement:
    """The guest's own statement on an entry they disagree with."""

    guest_id: str
    stay_id: str
    about_kind: EntryKind
    about_id: str
    text: str
    written_at: pendulum.DateTime
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Which guest")
        id_field(self, "stay_id", "Which stay")
        choice_field(self, "about_kind", "What the statement is about", STATEMENT_KINDS)
        id_field(self, "about_id", "Which entry")
        text_field(self, "text", "A statement", required=True)
        instant_field(self, "written_at", "When it was written")


@dataclass(frozen=True, kw_only=True)
class TalkRequest:
    """The guest marked an entry "I'd like to talk about this"; staff see it on the board."""

    guest_id: str
    stay_id: str
    about_kind: EntryKind
    about_id: str
    asked_at: pendulum.DateTime
    talked_at: pendulum.DateTime | None = None
    """When staff and the guest talked (the request is then off the board)."""
    talked_with: str | None = None
    """Id of the staff member who talked with the guest."""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        id_field(self, "guest_id", "Which guest")
        id_field(self, "stay_id", "Which stay")
        choice_field(self, "about_kind", "What it is about", tuple(ENTRY_KINDS))
        id_field(self, "about_id", "Which entry")
        instant_field(self, "asked_at", "When it was asked")
        instant_field(self, "talked_at", "When you talked", required=False)
        id_field(self, "talked_with", "Who talked with the guest", required=False)
        if self.talked_at is not None and self.talked_at < self.asked_at:
            raise ValidationError("A talk cannot come before it was asked for.", "talked_at")

    @property
    def is_open(self) -> bool:
        return self.talked_at is None
