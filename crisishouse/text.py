"""People's words, kept and shown exactly as they wrote them.

Text typed by guests and staff is cleaned of terminal control characters
before it is stored and again before it is shown, and it is only ever shown
through `rich.text.Text` (`widgets/literal.py`; never parsed as markup): `[/]` would crash a
markup label, and `[@click=app.quit]` would become a live button.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST),
# DCS/SOS/PM/APC (ESC P/X/^/_ ... ST), and two-character escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?  # OSC
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?     # DCS, SOS, PM, APC
    | \x1b[ -/]*[0-~]                   # nF, Fp, Fe and Fs escapes (ESC ( B, ESC 7)
    | \x9b[0-?]*[ -/]*[@-~]             # 8-bit CSI
    | \x9d[^\x07\x9c]*[\x07\x9c]?       # 8-bit OSC
    """,
    re.VERBOSE,
)
# Every other C0 and C1 control, DEL, and the bidirectional overrides that
# can make text read differently from what is stored. Newline and tab stay.
# Lone surrogates cannot be saved as UTF-8 at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Return `value` without terminal control characters, in NFC form.

    NFC keeps macrons as single characters (ā, not a + combining macron), so
    names are stored, compared and sorted the same way however they were
    typed. Carriage returns become newlines.
    """
    if value.isascii() and value.isprintable():
        # Nothing to remove or compose (no control, escape or newline is
        # printable), and every stored name and time passes here on each read.
        return value
    return _cleaned(value)


def _cleaned(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _ESCAPE_SEQUENCE.sub("", value)
    value = _CONTROL.sub("", value)
    return unicodedata.normalize("NFC", value)


def clean_line(value: str) -> str:
    """Like `clean_text`, for one-line fields: newlines and tabs become spaces."""
    if value.isascii() and value.isprintable():
        return value.strip()
    return _one_line(value)


def _one_line(value: str) -> str:
    return " ".join(_cleaned(value).replace("\t", " ").split("\n")).strip()


def sort_key(value: str) -> tuple[str, str]:
    """A key that sorts names as people expect: Ārama among the A names.

    Macrons are set aside for the first comparison only, so Maori and Māori
    still sort in a fixed order next to each other.
    """
    folded = name_key(value)
    bare = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return bare, folded


def name_key(value: str) -> str:
    """A key for matching and sorting names: case- and form-insensitive.

    Macrons are kept (Māori and Maori are different words), only case and
    Unicode form are folded.
    """
    return unicodedata.normalize("NFC", clean_line(value)).casefold()


def plural(count: int | float, word: str, many: str | None = None) -> str:
    """ "1 note", "3 notes", "2 departed guests' records"."""
    shown = f"{count:g}" if isinstance(count, float) else str(count)
    return f"{shown} {word if count == 1 else (many or word + 's')}"
