"""The house's records: plain, typed, validated, and free of diagnosis."""

from crisishouse.models.access import AccessEvent
from crisishouse.models.check_in import CHECK_IN_OUTCOMES, CheckIn
from crisishouse.models.checks import ValidationError, new_id
from crisishouse.models.erasure import Erasure, MonthCount
from crisishouse.models.guest import Guest
from crisishouse.models.guest_voice import ENTRY_KINDS, STATEMENT_KINDS, GuestNote, Statement, TalkRequest
from crisishouse.models.handover import HandoverEntry
from crisishouse.models.handover_document import GuestSection, HandoverDocument
from crisishouse.models.intention import INTENTION_STATUSES, Intention, IntentionStep
from crisishouse.models.month_tally import MonthTally
from crisishouse.models.rhythm import RhythmItem
from crisishouse.models.staff import (
    ROLES,
    Debrief,
    HardEvent,
    MentalHealthDay,
    Shift,
    StaffMember,
    StaffWellbeingCheck,
)
from crisishouse.models.stay import RoomMove, Stay, stay_day_words
from crisishouse.models.wellbeing import FOUR_WALLS, WellbeingRating

__all__ = [
    "CHECK_IN_OUTCOMES",
    "ENTRY_KINDS",
    "FOUR_WALLS",
    "INTENTION_STATUSES",
    "ROLES",
    "STATEMENT_KINDS",
    "AccessEvent",
    "CheckIn",
    "Debrief",
    "Erasure",
    "Guest",
    "GuestNote",
    "GuestSection",
    "HandoverDocument",
    "HandoverEntry",
    "HardEvent",
    "Intention",
    "IntentionStep",
    "MentalHealthDay",
    "MonthCount",
    "MonthTally",
    "RhythmItem",
    "RoomMove",
    "Shift",
    "StaffMember",
    "StaffWellbeingCheck",
    "Statement",
    "Stay",
    "TalkRequest",
    "ValidationError",
    "WellbeingRating",
    "new_id",
    "stay_day_words",
]
