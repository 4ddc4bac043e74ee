"""The house's records: plain, typed, validated, and free of diagnosis.

Each name is imported from its module when first asked for: opening the
house needs only guests, stays and staff, and building every record class
(some 140 generated methods) would hold up the lock screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crisishouse.on_demand import names_on_demand

if TYPE_CHECKING:
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
    from crisishouse.models.shifts import Debrief, HardEvent, Shift
    from crisishouse.models.staff import ROLES, StaffMember
    from crisishouse.models.staff_care import MentalHealthDay, StaffWellbeingCheck
    from crisishouse.models.stay import RoomMove, Stay, stay_day_words
    from crisishouse.models.wellbeing import FOUR_WALLS, WellbeingRating

_MODULE_OF = {
    "AccessEvent": "access",
    "CHECK_IN_OUTCOMES": "check_in",
    "CheckIn": "check_in",
    "ValidationError": "checks",
    "new_id": "checks",
    "Erasure": "erasure",
    "MonthCount": "erasure",
    "Guest": "guest",
    "ENTRY_KINDS": "guest_voice",
    "STATEMENT_KINDS": "guest_voice",
    "GuestNote": "guest_voice",
    "Statement": "guest_voice",
    "TalkRequest": "guest_voice",
    "HandoverEntry": "handover",
    "GuestSection": "handover_document",
    "HandoverDocument": "handover_document",
    "INTENTION_STATUSES": "intention",
    "Intention": "intention",
    "IntentionStep": "intention",
    "MonthTally": "month_tally",
    "RhythmItem": "rhythm",
    "ROLES": "staff",
    "Debrief": "shifts",
    "HardEvent": "shifts",
    "MentalHealthDay": "staff_care",
    "Shift": "shifts",
    "StaffMember": "staff",
    "StaffWellbeingCheck": "staff_care",
    "RoomMove": "stay",
    "Stay": "stay",
    "stay_day_words": "stay",
    "FOUR_WALLS": "wellbeing",
    "WellbeingRating": "wellbeing",
}

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


__getattr__ = names_on_demand(__name__, _MODULE_OF)


def __dir__() -> list[str]:
    return __all__
