"""Validation of the house's records, with the exact words a person sees."""

from __future__ import annotations

import dataclasses
import datetime
import importlib
import pkgutil

import pendulum
import pytest

import crisishouse.models as models
from crisishouse.models import (
    AccessEvent,
    CheckIn,
    Debrief,
    Guest,
    HandoverEntry,
    HardEvent,
    Intention,
    IntentionStep,
    MentalHealthDay,
    RhythmItem,
    Shift,
    StaffMember,
    StaffWellbeingCheck,
    Stay,
    ValidationError,
    WellbeingRating,
)

NOW = pendulum.datetime(2026, 11, 23, 9, 0, tz="UTC")
TODAY = pendulum.date(2026, 11, 23)
TZ = "Pacific/Auckland"


def refused(record_class: type, **kwargs: object) -> ValidationError:
    """Build a record that must be refused and return the error."""
    with pytest.raises(ValidationError) as caught:
        record_class(**kwargs)
    return caught.value


def guest_kwargs(**changes: object) -> dict[str, object]:
    return {"chosen_name": "Aroha", "created_at": NOW} | changes


def stay_kwargs(**changes: object) -> dict[str, object]:
    return {
        "guest_id": "g1",
        "room": "Kōwhai",
        "arrived_at": NOW,
        "planned_leaving": TODAY.add(days=7),
    } | changes


def check_in_kwargs(**changes: object) -> dict[str, object]:
    return {
        "guest_id": "g1",
        "stay_id": "s1",
        "at": NOW,
        "outcome": "checked_in",
        "recorded_by": "staff1",
    } | changes


def rating_kwargs(**changes: object) -> dict[str, object]:
    return {
        "guest_id": "g1",
        "stay_id": "s1",
        "at": NOW,
        "tinana": 5,
        "hinengaro": 6,
        "whanau": 7,
        "wairua": 8,
        "entered_by": "g1",
    } | changes


def staff_check_kwargs(**changes: object) -> dict[str, object]:
    return {
        "staff_id": "staff1",
        "at": NOW,
        "tinana": 5,
        "hinengaro": 6,
        "whanau": 7,
        "wairua": 8,
    } | changes


def shift_kwargs(**changes: object) -> dict[str, object]:
    return {
        "staff_id": "staff1",
        "day": TODAY,
        "name": "day",
        "starts_at": NOW,
        "ends_at": NOW.add(hours=8),
    } | changes


def intention_kwargs(**changes: object) -> dict[str, object]:
    return {
        "guest_id": "g1",
        "stay_id": "s1",
        "words": "Ring my sister",
        "status": "working_on_it",
        "set_at": NOW,
        "set_by": "g1",
    } | changes


def handover_kwargs(**changes: object) -> dict[str, object]:
    return {
        "text": "Aroha enjoyed the garden today.",
        "written_by": "staff1",
        "written_at": NOW,
        "shift_date": TODAY,
        "shift_name": "day",
        "guest_id": "g1",
        "stay_id": "s1",
    } | changes


def staff_kwargs(**changes: object) -> dict[str, object]:
    return {"name": "Mere", "role": "peer_staff", "pin_hash": "scrypt$abc"} | changes


# --- Wellbeing ratings ------------------------------------------------------


def test_rating_above_ten_is_refused_with_the_wall_named():
    """A rating of 12 names the wall and the 0 to 10 range."""
    error = refused(WellbeingRating, **rating_kwargs(tinana=12))
    assert error.message == "taha tinana (body): wellbeing ratings go from 0 to 10; got 12."
    assert error.field == "tinana"


def test_rating_below_zero_is_refused():
    """A negative rating is refused with the range in the message."""
    error = refused(WellbeingRating, **rating_kwargs(whanau=-1))
    assert error.message == ("taha whānau (family and connection): wellbeing ratings go from 0 to 10; got -1.")


def test_rating_ends_of_the_scale_are_accepted():
    """0 and 10 are both valid ratings."""
    rating = WellbeingRating(**rating_kwargs(tinana=0, wairua=10))
    assert (rating.tinana, rating.wairua) == (0, 10)


def test_rating_that_is_a_float_is_refused():
    """A fractional rating is refused as not a whole number."""
    error = refused(WellbeingRating, **rating_kwargs(hinengaro=5.5))
    assert error.message == (
        "taha hinengaro (mind and feelings): wellbeing ratings are whole numbers from 0 to 10; got 5.5."
    )


def test_rating_that_is_a_string_is_refused():
    """A rating typed as text is refused, not converted."""
    error = refused(WellbeingRating, **rating_kwargs(wairua="7"))
    assert error.message == ("taha wairua (spirit): wellbeing ratings are whole numbers from 0 to 10; got '7'.")


def test_rating_that_is_a_bool_is_refused():
    """True is not a rating, although bool is a subclass of int."""
    error = refused(WellbeingRating, **rating_kwargs(tinana=True))
    assert error.message == ("taha tinana (body): wellbeing ratings are whole numbers from 0 to 10; got True.")


def test_wellbeing_rating_without_the_guest_is_refused():
    """Staff cannot enter a guest's wellbeing without the guest."""
    error = refused(WellbeingRating, **rating_kwargs(entered_by="staff1", with_guest=False))
    assert error.message == ("A guest's wellbeing is rated by the guest; staff enter it only with the guest.")
    assert error.field == "with_guest"


def test_wellbeing_rating_with_the_guest_is_accepted():
    """Staff may enter a rating together with the guest."""
    rating = WellbeingRating(**rating_kwargs(entered_by="staff1", with_guest=True))
    assert rating.entered_by == "staff1"


# --- Staff wellbeing checks -------------------------------------------------


def test_staff_check_with_a_wall_missing_and_no_single_scale_is_refused():
    """Three walls without the single scale is not a complete check."""
    error = refused(StaffWellbeingCheck, **staff_check_kwargs(wairua=None))
    assert error.message == "Rate all four walls, or use the single scale."
    assert error.field == "overall"


def test_staff_check_with_nothing_rated_is_refused():
    """A check with no ratings at all is refused."""
    error = refused(StaffWellbeingCheck, staff_id="staff1", at=NOW)
    assert error.message == "Rate all four walls, or use the single scale."


def test_staff_check_with_only_the_single_scale_is_accepted():
    """The single scale alone is a complete check."""
    check = StaffWellbeingCheck(staff_id="staff1", at=NOW, overall=4)
    assert check.overall == 4
    assert check.tinana is None


def test_staff_check_with_all_four_walls_is_accepted():
    """All four walls without the single scale is a complete check."""
    check = StaffWellbeingCheck(**staff_check_kwargs())
    assert check.overall is None


def test_staff_check_single_scale_out_of_range_is_refused():
    """The single scale is also 0 to 10."""
    error = refused(StaffWellbeingCheck, staff_id="staff1", at=NOW, overall=11)
    assert error.message == "How you are going: wellbeing ratings go from 0 to 10; got 11."


def test_staff_check_wall_out_of_range_is_refused():
    """A staff member's wall rating is checked like a guest's."""
    error = refused(StaffWellbeingCheck, **staff_check_kwargs(hinengaro=15))
    assert error.message == ("taha hinengaro (mind and feelings): wellbeing ratings go from 0 to 10; got 15.")


# --- Names ------------------------------------------------------------------


def test_guest_needs_a_chosen_name():
    """An empty chosen name is refused."""
    error = refused(Guest, **guest_kwargs(chosen_name=""))
    assert error.message == "A chosen name is needed."
    assert error.field == "chosen_name"


def test_guest_chosen_name_of_only_spaces_is_refused():
    """A name of only whitespace counts as no name."""
    error = refused(Guest, **guest_kwargs(chosen_name="   \t "))
    assert error.message == "A chosen name is needed."


def test_guest_chosen_name_none_is_refused():
    """None is not a chosen name."""
    error = refused(Guest, **guest_kwargs(chosen_name=None))
    assert error.message == "A chosen name is needed."


def test_guest_chosen_name_of_only_control_characters_is_refused():
    """A name that is nothing but escape codes is empty once cleaned."""
    error = refused(Guest, **guest_kwargs(chosen_name="\x1b[31m\x07"))
    assert error.message == "A chosen name is needed."


def test_guest_chosen_name_is_trimmed():
    """Spaces around a chosen name are removed."""
    assert Guest(**guest_kwargs(chosen_name="  Aroha  ")).chosen_name == "Aroha"


def test_initials_are_a_valid_chosen_name():
    """Initials are fine as a chosen name."""
    assert Guest(**guest_kwargs(chosen_name="A.T.")).chosen_name == "A.T."


def test_guest_chosen_name_of_sixty_characters_is_accepted():
    """Sixty characters is the longest name allowed."""
    assert Guest(**guest_kwargs(chosen_name="a" * 60)).chosen_name == "a" * 60


def test_guest_chosen_name_over_sixty_characters_is_refused():
    """Sixty-one characters is too long, with the count in the message."""
    error = refused(Guest, **guest_kwargs(chosen_name="a" * 61))
    assert error.message == "A chosen name can be at most 60 characters; got 61."


def test_name_length_is_counted_after_trimming():
    """Surrounding spaces do not count towards the length limit."""
    guest = Guest(**guest_kwargs(chosen_name="   " + "a" * 60 + "   "))
    assert len(guest.chosen_name) == 60


def test_name_length_counts_a_macron_vowel_as_one_character():
    """A decomposed ā (a + combining macron) counts as one character."""
    guest = Guest(**guest_kwargs(chosen_name="a\u0304" * 60))
    assert guest.chosen_name == "\u0101" * 60


def test_guest_pronouns_are_optional():
    """A guest need not give pronouns."""
    assert Guest(**guest_kwargs()).pronouns is None


def test_guest_blank_pronouns_are_stored_as_none():
    """Blank pronouns mean none were given."""
    assert Guest(**guest_kwargs(pronouns="  ")).pronouns is None


def test_guest_pronouns_are_trimmed():
    """Pronouns are cleaned like a name."""
    assert Guest(**guest_kwargs(pronouns=" ia ")).pronouns == "ia"


def test_guest_pronouns_over_sixty_characters_are_refused():
    """Pronouns share the name length limit."""
    error = refused(Guest, **guest_kwargs(pronouns="x" * 61))
    assert error.message == "Pronouns can be at most 60 characters; got 61."


def test_staff_member_needs_a_name():
    """A staff member without a name is refused."""
    error = refused(StaffMember, **staff_kwargs(name=""))
    assert error.message == "A name is needed."


def test_stay_needs_a_room():
    """A stay without a room is refused."""
    error = refused(Stay, **stay_kwargs(room=" "))
    assert error.message == "A room is needed."


# --- Support person ---------------------------------------------------------


def test_support_person_without_consent_is_refused():
    """A support person is not recorded unless the guest agreed."""
    error = refused(Guest, **guest_kwargs(support_person="Mum"))
    assert error.message == "A support person is recorded only when the guest agrees to it."
    assert error.field == "support_person"


def test_support_person_with_consent_is_recorded():
    """With consent, the support person is kept, trimmed."""
    guest = Guest(**guest_kwargs(support_person=" Mum ", support_person_consent=True))
    assert guest.support_person == "Mum"


def test_blank_support_person_needs_no_consent():
    """A blank support person is no support person, so no consent is needed."""
    assert Guest(**guest_kwargs(support_person="   ")).support_person is None


def test_support_person_over_sixty_characters_is_refused():
    """A support person's name shares the name length limit."""
    error = refused(Guest, **guest_kwargs(support_person="m" * 61, support_person_consent=True))
    assert error.message == "A support person can be at most 60 characters; got 61."


# --- Stays ------------------------------------------------------------------


def test_leaving_before_arriving_is_refused():
    """A stay cannot end before it began."""
    error = refused(Stay, **stay_kwargs(left_at=NOW.subtract(minutes=1)))
    assert error.message == "A guest cannot leave before they arrived."
    assert error.field == "left_at"


def test_leaving_before_arriving_is_judged_by_instant_not_wall_clock():
    """A leaving time whose wall clock reads earlier is still a later instant."""
    arrived = pendulum.datetime(2026, 11, 23, 22, 0, tz=TZ)  # 09:00 UTC
    left = pendulum.datetime(2026, 11, 23, 9, 30, tz="UTC")
    assert Stay(**stay_kwargs(arrived_at=arrived, left_at=left)).left_at == left


def test_leaving_at_the_arrival_instant_is_accepted():
    """Leaving at the same instant as arriving is not before arriving."""
    assert not Stay(**stay_kwargs(left_at=NOW)).is_staying


def test_stay_without_leaving_is_still_staying():
    """A stay with no leaving time is current."""
    assert Stay(**stay_kwargs()).is_staying


def test_bad_record_choice_is_refused():
    """Only keep or erase may be chosen at leaving."""
    error = refused(Stay, **stay_kwargs(record_choice="shred"))
    assert error.message == "The record choice must be one of keep, erase; got 'shred'."


def test_no_record_choice_is_accepted():
    """No choice made is allowed (the record is then kept)."""
    assert Stay(**stay_kwargs()).record_choice is None


def test_planned_leaving_must_be_a_date_not_a_datetime():
    """A date and time is refused where a date is expected."""
    value = NOW.add(days=3)
    error = refused(Stay, **stay_kwargs(planned_leaving=value))
    assert error.message == f"A planned leaving date must be a date; got {value!r}."


def test_planned_leaving_must_be_a_pendulum_date():
    """A standard-library date is refused, not silently accepted."""
    value = datetime.date(2026, 11, 30)
    error = refused(Stay, **stay_kwargs(planned_leaving=value))
    assert error.message == f"A planned leaving date must be a date; got {value!r}."


def test_stay_needs_a_guest():
    """A stay must say who is staying."""
    error = refused(Stay, **stay_kwargs(guest_id=""))
    assert error.message == "Who is staying is needed."


# --- Shifts -----------------------------------------------------------------


def test_shift_ending_before_it_starts_is_refused():
    """A shift's end must come after its start."""
    error = refused(Shift, **shift_kwargs(ends_at=NOW.subtract(hours=1)))
    assert error.message == "A shift must end after it starts."
    assert error.field == "ends_at"


def test_shift_ending_as_it_starts_is_refused():
    """A shift of no length is refused."""
    error = refused(Shift, **shift_kwargs(ends_at=NOW))
    assert error.message == "A shift must end after it starts."


def test_signing_off_before_signing_on_is_refused():
    """Signing off cannot come before signing on."""
    error = refused(
        Shift,
        **shift_kwargs(signed_on_at=NOW.add(hours=1), signed_off_at=NOW),
    )
    assert error.message == "Signing off cannot come before signing on."


def test_night_shift_across_spring_forward_is_seven_hours():
    """22:00 to 06:00 on the spring-forward night is 7 real hours."""
    starts = pendulum.datetime(2026, 9, 26, 22, 0, tz=TZ)
    ends = pendulum.datetime(2026, 9, 27, 6, 0, tz=TZ)
    shift = Shift(**shift_kwargs(name="night", starts_at=starts, ends_at=ends))
    assert shift.rostered_hours == 7


def test_night_shift_across_fall_back_is_nine_hours():
    """22:00 to 06:00 on the fall-back night is 9 real hours."""
    starts = pendulum.datetime(2026, 4, 4, 22, 0, tz=TZ)
    ends = pendulum.datetime(2026, 4, 5, 6, 0, tz=TZ)
    shift = Shift(**shift_kwargs(name="night", starts_at=starts, ends_at=ends))
    assert shift.rostered_hours == 9


def test_shift_needs_a_name():
    """A shift without a name is refused."""
    error = refused(Shift, **shift_kwargs(name=""))
    assert error.message == "The shift's name is needed."


# --- Intentions -------------------------------------------------------------


def test_intention_without_the_guest_is_refused():
    """Staff cannot set an intention without the guest."""
    error = refused(Intention, **intention_kwargs(set_by="staff1", with_guest=False))
    assert error.message == ("Intentions are the guest's: staff set or change them only together with the guest.")
    assert error.field == "with_guest"


def test_intention_needs_words():
    """An intention must have words."""
    error = refused(Intention, **intention_kwargs(words="  \n "))
    assert error.message == "The intention is needed."


def test_intention_bad_status_is_refused():
    """An intention status outside the list is refused."""
    error = refused(Intention, **intention_kwargs(status="failed"))
    assert error.message == ("A status must be one of working_on_it, done, let_go, changed; got 'failed'.")


def test_intention_step_bad_status_is_refused():
    """An earlier version of an intention also needs a known status."""
    error = refused(IntentionStep, at=NOW, words="Ring my sister", status="abandoned", by="g1")
    assert error.message == ("A status must be one of working_on_it, done, let_go, changed; got 'abandoned'.")


# --- Other choices ----------------------------------------------------------


def test_check_in_bad_outcome_is_refused():
    """A check-in outcome outside the list is refused."""
    error = refused(CheckIn, **check_in_kwargs(outcome="alarm"))
    assert error.message == ("A check-in outcome must be one of checked_in, quiet_time, out, asleep; got 'alarm'.")
    assert error.field == "outcome"


def test_quiet_time_reads_as_a_choice():
    """Quiet time is shown as the guest's choice."""
    assert CheckIn(**check_in_kwargs(outcome="quiet_time")).outcome_words == "chose quiet time"


def test_staff_bad_role_is_refused():
    """A role outside the list is refused."""
    error = refused(StaffMember, **staff_kwargs(role="admin"))
    assert error.message == "A role must be one of peer_staff, manager; got 'admin'."


def test_staff_member_needs_a_pin():
    """A staff member without a PIN hash is refused."""
    error = refused(StaffMember, **staff_kwargs(pin_hash=""))
    assert error.message == "A staff member needs a PIN."


def test_debrief_bad_status_is_refused():
    """A debrief status outside the list is refused."""
    error = refused(Debrief, hard_event_id="h1", staff_id="staff1", owed_since=NOW, status="ignored")
    assert error.message == ("A debrief status must be one of owed, offered, done, declined; got 'ignored'.")


# --- Handover lines ---------------------------------------------------------


def test_handover_line_needs_text():
    """An empty handover line is refused."""
    error = refused(HandoverEntry, **handover_kwargs(text=" "))
    assert error.message == "A handover line is needed."


def test_handover_line_about_a_guest_needs_their_stay():
    """A line about a guest must belong to a stay."""
    error = refused(HandoverEntry, **handover_kwargs(stay_id=None))
    assert error.message == "A line about a guest belongs to their stay."


def test_agreed_handover_line_needs_the_agreement_time():
    """An agreed line without the time of agreement is refused."""
    error = refused(HandoverEntry, **handover_kwargs(agreed=True))
    assert error.message == "An agreed line needs the time it was agreed."


def test_house_handover_line_needs_no_guest():
    """A line about the house has no guest or stay."""
    entry = HandoverEntry(**handover_kwargs(guest_id=None, stay_id=None))
    assert entry.guest_id is None


def test_handover_text_over_the_limit_is_refused():
    """Free text has a generous but finite limit, shown with separators."""
    error = refused(HandoverEntry, **handover_kwargs(text="a" * 200_001))
    assert error.message == "A handover line can be at most 200,000 characters; got 200,001."


# --- Rhythm, hard events, access, mental health days -------------------------


def test_rhythm_time_must_be_a_time():
    """A rhythm item's time must be a pendulum Time."""
    error = refused(RhythmItem, time="08:00", what="Breakfast")
    assert error.message == "A rhythm time must be a time; got '08:00'."


def test_rhythm_item_needs_what_happens():
    """A rhythm item must say what happens."""
    error = refused(RhythmItem, time=pendulum.time(8, 0), what="")
    assert error.message == "What happens is needed."


def test_rhythm_item_over_two_hundred_characters_is_refused():
    """A rhythm item is one short line."""
    error = refused(RhythmItem, time=pendulum.time(8, 0), what="b" * 201)
    assert error.message == "What happens can be at most 200 characters; got 201."


def test_only_a_one_off_can_replace_an_item():
    """An everyday item cannot replace another."""
    error = refused(RhythmItem, time=pendulum.time(8, 0), what="Brunch", replaces="r1")
    assert error.message == "Only a one-off for a date can replace an item."


def test_hard_event_needs_a_few_words():
    """A hard event needs some words."""
    error = refused(HardEvent, day=TODAY, shift_name="night", noted_by="staff1", noted_at=NOW, words="")
    assert error.message == "A few words is needed."


def test_access_event_needs_what_was_opened():
    """An access event must say what was opened."""
    error = refused(
        AccessEvent,
        guest_id="g1",
        stay_id="s1",
        actor_id="staff1",
        actor_name="Mere",
        actor_role="peer staff",
        at=NOW,
        what="",
    )
    assert error.message == "What was opened is needed."


def test_mental_health_day_needs_a_date():
    """A mental health day is a date, not a date and time."""
    error = refused(MentalHealthDay, staff_id="staff1", day=NOW, recorded_at=NOW)
    assert error.message == f"The day must be a date; got {NOW!r}."


def test_check_in_needs_a_guest_id():
    """An empty guest id is refused."""
    error = refused(CheckIn, **check_in_kwargs(guest_id=""))
    assert error.message == "Which guest is needed."


# --- Instants ---------------------------------------------------------------


def test_missing_instant_is_refused():
    """A record's required time cannot be None."""
    error = refused(CheckIn, **check_in_kwargs(at=None))
    assert error.message == "The check-in time is needed."


def test_standard_library_datetime_is_refused():
    """A datetime.datetime (not pendulum) is refused."""
    value = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)
    error = refused(CheckIn, **check_in_kwargs(at=value))
    assert error.message == f"The check-in time must be a date and time; got {value!r}."


def test_date_is_refused_where_an_instant_is_needed():
    """A calendar date is not an instant."""
    error = refused(CheckIn, **check_in_kwargs(at=TODAY))
    assert error.message == f"The check-in time must be a date and time; got {TODAY!r}."


def test_string_is_refused_where_an_instant_is_needed():
    """Text is not an instant."""
    error = refused(CheckIn, **check_in_kwargs(at="2026-11-23T09:00"))
    assert error.message == ("The check-in time must be a date and time; got '2026-11-23T09:00'.")


def test_naive_pendulum_datetime_is_refused():
    """A datetime with no time zone is ambiguous and is refused, not taken as UTC."""
    value = pendulum.naive(2026, 11, 23, 9, 0)
    error = refused(CheckIn, **check_in_kwargs(at=value))
    assert error.field == "at"


def test_auckland_instant_is_stored_in_utc():
    """An instant given in house time is stored as the same instant in UTC."""
    local = pendulum.datetime(2026, 11, 23, 9, 0, tz=TZ)
    check_in = CheckIn(**check_in_kwargs(at=local))
    assert check_in.at.timezone_name == "UTC"
    assert check_in.at == pendulum.datetime(2026, 11, 22, 20, 0, tz="UTC")


def test_optional_instants_are_stored_in_utc():
    """Optional instants such as a leaving time are converted too."""
    left = pendulum.datetime(2026, 11, 30, 10, 0, tz=TZ)
    stay = Stay(**stay_kwargs(left_at=left))
    assert stay.left_at.timezone_name == "UTC"
    assert stay.left_at == left


@pytest.mark.parametrize(
    ("record_class", "kwargs", "field_name"),
    [
        (Guest, guest_kwargs(), "created_at"),
        (Stay, stay_kwargs(), "arrived_at"),
        (WellbeingRating, rating_kwargs(), "at"),
        (Shift, shift_kwargs(), "starts_at"),
        (Intention, intention_kwargs(), "set_at"),
        (HandoverEntry, handover_kwargs(), "written_at"),
    ],
)
def test_required_instants_are_stored_in_utc(record_class, kwargs, field_name):
    """Every record stores its main instant in UTC."""
    local = pendulum.datetime(2026, 11, 23, 9, 0, tz=TZ)
    changes = {field_name: local}
    if record_class is Shift:
        changes["ends_at"] = local.add(hours=8)
    record = record_class(**(kwargs | changes))
    assert getattr(record, field_name).timezone_name == "UTC"


# --- No diagnosis, no risk --------------------------------------------------

FORBIDDEN_PARTS = (
    "diagnosis",
    "diagnos",
    "medication",
    "medicine",
    "legal",
    "nhi",
    "health_number",
    "risk",
)


def _all_model_dataclasses() -> list[type]:
    """Every dataclass exported from, or defined anywhere in, crisishouse.models."""
    found: dict[str, type] = {}
    for name in models.__all__:
        value = getattr(models, name)
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            found[f"{value.__module__}.{value.__qualname__}"] = value
    for module_info in pkgutil.walk_packages(models.__path__, models.__name__ + "."):
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__.startswith(models.__name__)
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return sorted(found.values(), key=lambda cls: cls.__qualname__)


def test_every_exported_record_is_inspected():
    """The scan below sees every record class the package exports."""
    names = {cls.__name__ for cls in _all_model_dataclasses()}
    assert {"Guest", "Stay", "WellbeingRating", "HandoverEntry", "Intention"} <= names


@pytest.mark.parametrize("record_class", _all_model_dataclasses(), ids=lambda c: c.__name__)
def test_no_record_has_a_diagnostic_field(record_class):
    """No record has a diagnosis, medication, legal, NHI or risk field."""
    bad = [f.name for f in dataclasses.fields(record_class) if any(part in f.name.lower() for part in FORBIDDEN_PARTS)]
    assert bad == []


# --- Text fields: cleaned, never interpreted ---------------------------------


def test_escape_sequences_are_removed_from_a_name():
    """Terminal escape codes and bells are stripped from a chosen name."""
    guest = Guest(**guest_kwargs(chosen_name="\x1b[2JAro\x07ha\x1b[0m"))
    assert guest.chosen_name == "Aroha"


def test_newlines_in_a_name_become_spaces():
    """A name is one line."""
    assert Guest(**guest_kwargs(chosen_name="Aroha\nTe Rangi")).chosen_name == "Aroha Te Rangi"


def test_control_characters_are_removed_from_a_note():
    """C0/C1 controls and OSC sequences are stripped from free text."""
    note = "Went for\x00 a walk\x1b]0;pwned\x07 \x9b31mtoday\x85"
    assert CheckIn(**check_in_kwargs(note=note)).note == "Went for a walk today"


def test_newlines_are_kept_in_a_note():
    """Free text keeps its line breaks."""
    note = "Slept well.\nHad breakfast."
    assert CheckIn(**check_in_kwargs(note=note)).note == note


def test_rich_markup_in_a_note_is_kept_literally():
    """Rich markup typed by a person is stored as the characters they typed."""
    note = "I said [bold red]x[/] and [@click=app.quit]"
    assert CheckIn(**check_in_kwargs(note=note)).note == note


def test_rich_markup_in_a_name_is_kept_literally():
    """Square brackets in a name are kept as typed."""
    assert Guest(**guest_kwargs(chosen_name="[/]")).chosen_name == "[/]"


def test_emoji_are_kept_in_own_words():
    """Emoji in a guest's own words are kept."""
    rating = WellbeingRating(**rating_kwargs(own_words="Feeling 🌿 calm 😊"))
    assert rating.own_words == "Feeling 🌿 calm 😊"


def test_macrons_are_stored_composed_in_a_name():
    """A decomposed macron is stored as the single composed letter (NFC)."""
    guest = Guest(**guest_kwargs(chosen_name="Ma\u0304ori"))
    assert guest.chosen_name == "M\u0101ori"


def test_macrons_are_stored_composed_in_a_handover_line():
    """Free text is stored NFC, so ā is one character."""
    entry = HandoverEntry(**handover_kwargs(text="Ko\u0304rero with wha\u0304nau"))
    assert entry.text == "K\u014drero with wh\u0101nau"


def test_bidi_override_is_removed_from_a_name():
    """A right-to-left override cannot make a name read differently."""
    assert Guest(**guest_kwargs(chosen_name="Ana\u202eahor")).chosen_name == "Anaahor"


def test_records_are_frozen():
    """A record cannot be changed after it has been validated."""
    guest = Guest(**guest_kwargs())
    with pytest.raises(dataclasses.FrozenInstanceError):
        guest.chosen_name = "\x1b[31m"  # type: ignore[misc]
