"""The house's settings, from `house.toml` in the data folder.

Every key has a sane default; a bad value names the key and what was
expected. See README.md for the whole file.

Every text setting is cleaned as it is read (`crisishouse.text.clean_line`):
a house name, room, shift or rhythm item reaches the screen and the printer
without the terminal's escape sequences or control characters, whoever wrote
house.toml, and with its macrons and emoji as written.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pendulum

from crisishouse.errors import HouseError
from crisishouse.housetime import keep_zone
from crisishouse.store.atomic import atomic_write, make_dir
from crisishouse.store.backups import Backup, list_backups
from crisishouse.text import clean_line

SETTINGS_FILE = "house.toml"


class SettingsError(HouseError, ValueError):
    """A setting that cannot be used; the message names the key."""


@dataclass(frozen=True)
class ShiftPattern:
    """A shift of the house's day, e.g. night 23:00 to 07:00."""

    name: str
    start: pendulum.Time
    end: pendulum.Time

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True)
class RhythmDefault:
    """An everyday item of the house's rhythm."""

    time: pendulum.Time
    what: str


@dataclass(frozen=True)
class LoadThresholds:
    """When the manager's load view raises a flag (principle 8)."""

    shifts_in_7_days: int = 5
    days_in_a_row: int = 6
    days_without_day_off: int = 10
    nights_in_a_row: int = 2
    debrief_owed_days: int = 3


@dataclass(frozen=True)
class LanguageWord:
    """A house's own word for the language check (`[language] extra`)."""

    words: tuple[str, ...]
    """The phrase, or several forms of it, to look for."""
    kind: str
    """"diagnosis", "jargon", "deficit" or "compliance"."""
    suggestion: str
    """Everyday words to use instead."""


DEFAULT_ROOMS = ("Kōwhai", "Rātā", "Mānuka", "Harakeke", "Tōtara", "Pōhutukawa", "Kauri", "Rimu")
DEFAULT_SHIFTS = (
    ShiftPattern("morning", pendulum.Time(7, 0), pendulum.Time(15, 0)),
    ShiftPattern("afternoon", pendulum.Time(15, 0), pendulum.Time(23, 0)),
    ShiftPattern("night", pendulum.Time(23, 0), pendulum.Time(7, 0)),
)
DEFAULT_RHYTHM = (
    RhythmDefault(pendulum.Time(8, 0), "Breakfast"),
    RhythmDefault(pendulum.Time(10, 0), "House hui"),
    RhythmDefault(pendulum.Time(12, 30), "Lunch"),
    RhythmDefault(pendulum.Time(15, 0), "Walk to the park"),
    RhythmDefault(pendulum.Time(18, 0), "Dinner"),
    RhythmDefault(pendulum.Time(22, 0), "Quiet time"),
)
DEFAULT_CHECK_INS = (pendulum.Time(9, 0), pendulum.Time(14, 0), pendulum.Time(20, 0))


@dataclass(frozen=True)
class Settings:
    """Everything a house can set."""

    house_name: str = "Our crisis house"
    time_zone: str = "Pacific/Auckland"
    rooms: tuple[str, ...] = DEFAULT_ROOMS
    shifts: tuple[ShiftPattern, ...] = DEFAULT_SHIFTS
    rhythm: tuple[RhythmDefault, ...] = DEFAULT_RHYTHM
    check_in_times: tuple[pendulum.Time, ...] = DEFAULT_CHECK_INS
    longest_stay_days: int = 14
    idle_lock_minutes: float = 5
    printer: str = ""
    mental_health_days_a_year: int = 5
    leave_year_starts: str = "04-01"
    """Month and day the staff leave year starts (MM-DD)."""
    staff_wellbeing_scale: str = "four_walls"
    """"four_walls" or "single"."""
    keep_departed_records_years: int = 10
    """How long a departed guest's record is kept when they made no choice."""
    load: LoadThresholds = field(default_factory=LoadThresholds)
    language_extra: tuple[LanguageWord, ...] = ()
    """The house's own words for the language check, beside the built-in ones."""
    language_exceptions: tuple[str, ...] = ()
    """Phrases the language check never flags in this house."""

    def __post_init__(self) -> None:
        # Keep the house's zone alive, so every conversion into it finds it at hand (see keep_zone).
        with contextlib.suppress(Exception):
            keep_zone(self.time_zone)


def _table(raw: dict[str, Any], key: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise SettingsError(f"[{key}] should be a table of settings; got {value!r}")
    return value


def _text(table: dict[str, Any], key: str, where: str, default: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not clean_line(value):
        raise SettingsError(f"{where}.{key} should be some text; got {value!r}")
    return clean_line(value)


def _int(table: dict[str, Any], key: str, where: str, default: int, low: int, high: int) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SettingsError(f"{where}.{key} should be a whole number from {low} to {high}; got {value!r}")
    return value


_TIME = re.compile(r"(\d{1,2}):(\d{1,2})")
"""Hours and minutes, as pendulum's "HH:mm" reads them (which loaded its locale files at every start)."""


def _time(value: Any, where: str) -> pendulum.Time:
    if isinstance(value, str) and (found := _TIME.fullmatch(value.strip())):
        hour, minute = int(found[1]), int(found[2])
        if hour < 24 and minute < 60:
            return pendulum.time(hour, minute)
    raise SettingsError(f'{where} should be a time like "07:00"; got {value!r}')


_MONTH_DAY = re.compile(r"(\d\d?)-([0-9 ]\d?|\d\d)")
"""A month and day, as pendulum's "MM-DD" reads them (a day of one digit may not be a wide one, nor
follow a space unless it is a plain one)."""


def _is_month_day(value: Any) -> bool:
    """Whether `value` is a day of the year, 29 February too ("04-01", "4-1")."""
    found = _MONTH_DAY.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        return False
    try:
        pendulum.date(2024, int(found[1]), int(found[2]))
    except ValueError:  # not a day of the year, or a day that is only a space
        return False
    return True


def _zone(value: str) -> str:
    try:
        keep_zone(value)
    except Exception:
        raise SettingsError(
            f'house.time_zone should be a time zone name like "Pacific/Auckland"; got {value!r}'
        ) from None
    return value


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _phrase(value: Any, where: str) -> str:
    """One phrase for the language check: some text the checker can look for."""
    from crisishouse.language.normalise import squash

    if not isinstance(value, str) or not clean_line(value):
        raise SettingsError(f"{where} should be a word or phrase; got {value!r}")
    if _CONTROL_CHARACTERS.search(value):
        raise SettingsError(f"{where} should be on one line; got {value!r}")
    try:
        squash(value)
    except ValueError as problem:
        raise SettingsError(f"{where}: {problem}") from None
    return clean_line(value)


def _language(raw: dict[str, Any]) -> tuple[tuple[LanguageWord, ...], tuple[str, ...]]:
    """The `[language]` table: the house's extra words and its exceptions."""
    language = _table(raw, "language")
    extra_raw = language.get("extra", [])
    if not isinstance(extra_raw, list):
        raise SettingsError(
            "language.extra should be a list like "
            '[{ words = "...", kind = "jargon", suggestion = "..." }]; '
            f"got {extra_raw!r}"
        )
    extra = []
    if extra_raw:
        from crisishouse.language.vocabulary import KINDS  # only for a house's own words: off the start-up path
    for i, item in enumerate(extra_raw):
        where = f"language.extra[{i}]"
        if not isinstance(item, dict):
            raise SettingsError(
                f'{where} should be a table like {{ words = "...", kind = "jargon", suggestion = "..." }}; got {item!r}'
            )
        unknown = sorted(set(item) - {"words", "kind", "suggestion"})
        if unknown:
            raise SettingsError(f"{where} has an unknown key {unknown[0]!r}; use words, kind and suggestion")
        words_raw = item.get("words")
        if isinstance(words_raw, list) and words_raw:
            words = tuple(_phrase(w, f"{where}.words[{j}]") for j, w in enumerate(words_raw))
        else:
            words = (_phrase(words_raw, f"{where}.words"),)
        kind = item.get("kind")
        if kind not in KINDS:
            raise SettingsError(f"{where}.kind should be one of {', '.join(repr(k) for k in KINDS)}; got {kind!r}")
        suggestion = item.get("suggestion")
        if not isinstance(suggestion, str) or not suggestion.strip():
            raise SettingsError(f"{where}.suggestion should be everyday words to use instead; got {suggestion!r}")
        if _CONTROL_CHARACTERS.search(suggestion):
            raise SettingsError(f"{where}.suggestion should be on one line; got {suggestion!r}")
        extra.append(LanguageWord(words, kind, clean_line(suggestion)))
    exceptions_raw = language.get("exceptions", [])
    if not isinstance(exceptions_raw, list):
        raise SettingsError(f"language.exceptions should be a list of phrases never flagged; got {exceptions_raw!r}")
    exceptions = tuple(_phrase(p, f"language.exceptions[{i}]") for i, p in enumerate(exceptions_raw))
    return tuple(extra), exceptions


def parse_settings(raw: dict[str, Any]) -> Settings:
    """Settings from the parsed TOML, with defaults for what is missing."""
    base = Settings()
    house = _table(raw, "house")
    rooms = house.get("rooms", list(base.rooms))
    if not isinstance(rooms, list) or not rooms or not all(isinstance(r, str) and clean_line(r) for r in rooms):
        raise SettingsError(f"house.rooms should be a list of room names; got {rooms!r}")
    rooms_clean = tuple(clean_line(r) for r in rooms)
    if len(set(rooms_clean)) != len(rooms_clean):
        raise SettingsError("house.rooms has the same room twice")

    shifts_raw = raw.get("shifts")
    if shifts_raw is None:
        shifts = base.shifts
    else:
        if not isinstance(shifts_raw, list) or not shifts_raw:
            raise SettingsError("[[shifts]] should list the house's shifts")
        shifts = tuple(
            ShiftPattern(
                _text(s, "name", f"shifts[{i}]", ""),
                _time(s.get("start"), f"shifts[{i}].start"),
                _time(s.get("end"), f"shifts[{i}].end"),
            )
            for i, s in enumerate(shifts_raw)
        )

    rhythm_raw = raw.get("rhythm")
    if rhythm_raw is None:
        rhythm = base.rhythm
    else:
        if not isinstance(rhythm_raw, list):
            raise SettingsError("[[rhythm]] should list the house's daily rhythm")
        rhythm = tuple(
            RhythmDefault(
                _time(r.get("time"), f"rhythm[{i}].time"),
                _text(r, "what", f"rhythm[{i}]", ""),
            )
            for i, r in enumerate(rhythm_raw)
        )

    check_ins = _table(raw, "check_ins")
    times_raw = check_ins.get("times", None)
    check_in_times = (
        base.check_in_times
        if times_raw is None
        else tuple(_time(t, f"check_ins.times[{i}]") for i, t in enumerate(times_raw))
    )

    staff = _table(raw, "staff")
    scale = staff.get("wellbeing_scale", base.staff_wellbeing_scale)
    if scale not in ("four_walls", "single"):
        raise SettingsError(f'staff.wellbeing_scale should be "four_walls" or "single"; got {scale!r}')
    year_starts = staff.get("leave_year_starts", base.leave_year_starts)
    if not _is_month_day(year_starts):
        raise SettingsError(
            f'staff.leave_year_starts should be a month and day like "04-01"; got {year_starts!r}'
        ) from None

    idle = house.get("idle_lock_minutes", base.idle_lock_minutes)
    if isinstance(idle, bool) or not isinstance(idle, int | float) or not 0 < idle <= 120:
        raise SettingsError(f"house.idle_lock_minutes should be a number of minutes above 0, at most 120; got {idle!r}")
    printer = house.get("printer", "")
    if not isinstance(printer, str):
        raise SettingsError(f"house.printer should be a printer name; got {printer!r}")

    load = _table(raw, "load")
    thresholds = LoadThresholds(
        **{
            name: _int(load, name, "load", getattr(base.load, name), 1, 366)
            for name in LoadThresholds.__dataclass_fields__
        }
    )
    language_extra, language_exceptions = _language(raw)
    return Settings(
        house_name=_text(house, "name", "house", base.house_name),
        time_zone=_zone(_text(house, "time_zone", "house", base.time_zone)),
        rooms=rooms_clean,
        shifts=shifts,
        rhythm=tuple(sorted(rhythm, key=lambda r: r.time)),
        check_in_times=tuple(sorted(check_in_times)),
        longest_stay_days=_int(house, "longest_stay_days", "house", base.longest_stay_days, 1, 365),
        idle_lock_minutes=float(idle),
        printer=clean_line(printer),
        mental_health_days_a_year=_int(
            staff, "mental_health_days_a_year", "staff", base.mental_health_days_a_year, 0, 366
        ),
        leave_year_starts=year_starts,
        staff_wellbeing_scale=scale,
        keep_departed_records_years=_int(
            house, "keep_departed_records_years", "house", base.keep_departed_records_years, 1, 100
        ),
        load=thresholds,
        language_extra=language_extra,
        language_exceptions=language_exceptions,
    )


def load_settings(data_dir: Path) -> Settings:
    """Read `house.toml`; defaults for a new house, which has none yet.

    Raises:
        SettingsError: the file cannot be read, is empty, is not valid TOML
            or has a wrong value; or it is missing while a backup holds the
            house's settings (opening on defaults would be a different house).
    """
    path = Path(data_dir) / SETTINGS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if newest_settings_backup(data_dir) is not None:
            raise SettingsError(
                f"{path} is missing, but the backups hold this house's settings. "
                "Restore it from a backup; without it the house would open with "
                "the default name, rooms and time zone."
            ) from None
        return Settings()
    except OSError as error:
        raise SettingsError(f"{path} cannot be read: {error.strerror or error}.") from None
    return settings_from_bytes(path, raw)


def settings_from_bytes(path: Path, raw: bytes) -> Settings:
    """The settings in the bytes of a `house.toml`, or a SettingsError saying plainly what is wrong."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SettingsError(
            f"{path} cannot be read: it holds bytes that are not text, on line {line}. "
            "It may be damaged; a backup may hold a good copy."
        ) from None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path} is not valid TOML: {error}.") from None
    if not parsed:
        raise SettingsError(
            f"{path} is empty: it holds no settings. A house.toml names the house at least "
            '([house] name = "..."); it may have been emptied, and a backup may hold a good copy.'
        )
    try:
        return parse_settings(parsed)
    except SettingsError as error:
        raise SettingsError(f"{path}: {error}") from None


def newest_settings_backup(data_dir: Path) -> Backup | None:
    """The newest backup whose `house.toml` holds good settings, if any does."""
    for backup in list_backups(Path(data_dir) / "backups"):
        copy = backup.path / SETTINGS_FILE
        try:
            settings_from_bytes(copy, copy.read_bytes())
        except (OSError, SettingsError):
            continue
        return backup
    return None


_TIME_ZONE_LINE = re.compile(r'^\s*time_zone\s*=\s*["\']([^"\'\n]+)["\']', re.MULTILINE)


def read_time_zone(data_dir: Path) -> str:
    """The house's time zone for showing times, even when `house.toml` has other problems.

    The settings when they load; else the `time_zone` line if one can be
    found and names a real zone; else the default.
    """
    try:
        return load_settings(data_dir).time_zone
    except SettingsError:
        pass
    try:
        text = (Path(data_dir) / SETTINGS_FILE).read_bytes().decode("utf-8", "replace")
    except OSError:
        return Settings().time_zone
    found = _TIME_ZONE_LINE.search(text)
    if found:
        try:
            return _zone(found.group(1).strip())
        except SettingsError:
            pass
    return Settings().time_zone


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _hhmm(t: pendulum.Time) -> str:
    return f'"{t.hour:02d}:{t.minute:02d}"'


def _render_language(s: Settings) -> list[str]:
    lines = [
        "",
        "[language]",
        "# The house's own words for the language check, beside the built-in ones:",
        '# { words = "..." or ["...", "..."], kind = "diagnosis", "jargon", "deficit"',
        '# or "compliance", suggestion = "everyday words to use instead" }',
        "extra = [",
    ]
    for word in s.language_extra:
        words = (
            _toml_string(word.words[0])
            if len(word.words) == 1
            else "[" + ", ".join(_toml_string(w) for w in word.words) + "]"
        )
        lines.append(
            f"    {{ words = {words}, kind = {_toml_string(word.kind)}, "
            f"suggestion = {_toml_string(word.suggestion)} }},"
        )
    lines += [
        "]",
        "# Phrases the language check never flags in this house.",
        "exceptions = [" + ", ".join(_toml_string(p) for p in s.language_exceptions) + "]",
    ]
    return lines


def render_settings(settings: Settings) -> str:
    """The settings as a commented `house.toml`."""
    s = settings
    lines = [
        "# crisishouse settings for this house. See README.md for every key.",
        "",
        "[house]",
        f"name = {_toml_string(s.house_name)}",
        f"time_zone = {_toml_string(s.time_zone)}",
        "rooms = [" + ", ".join(_toml_string(r) for r in s.rooms) + "]",
        f"longest_stay_days = {s.longest_stay_days}",
        "# The terminal locks itself after this many idle minutes.",
        f"idle_lock_minutes = {s.idle_lock_minutes:g}",
        "# CUPS printer name for handovers; empty saves printouts as text only.",
        f"printer = {_toml_string(s.printer)}",
        "# Years to keep a departed guest's record when they made no choice.",
        f"keep_departed_records_years = {s.keep_departed_records_years}",
        "",
        "[check_ins]",
        "times = [" + ", ".join(_hhmm(t) for t in s.check_in_times) + "]",
        "",
        "[staff]",
        f"mental_health_days_a_year = {s.mental_health_days_a_year}",
        f"leave_year_starts = {_toml_string(s.leave_year_starts)}",
        '# "four_walls" (Te Whare Tapa Whā) or "single"',
        f"wellbeing_scale = {_toml_string(s.staff_wellbeing_scale)}",
        "",
        "[load]",
    ]
    lines += [f"{name} = {getattr(s.load, name)}" for name in LoadThresholds.__dataclass_fields__]
    lines += _render_language(s)
    for shift in s.shifts:
        lines += [
            "",
            "[[shifts]]",
            f"name = {_toml_string(shift.name)}",
            f"start = {_hhmm(shift.start)}",
            f"end = {_hhmm(shift.end)}",
        ]
    for item in s.rhythm:
        lines += ["", "[[rhythm]]", f"time = {_hhmm(item.time)}", f"what = {_toml_string(item.what)}"]
    return "\n".join(lines) + "\n"


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Write `house.toml` atomically (owner-only, like the data)."""
    make_dir(Path(data_dir))
    atomic_write(Path(data_dir) / SETTINGS_FILE, render_settings(settings).encode("utf-8"))
