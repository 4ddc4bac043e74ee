"""Seeing through the ways a word can be written.

The language check compares words, not bytes. Before it looks for anything it
makes a *folded* copy of the text, remembering for every folded character
which character of the original it came from, so that what it finds can be
pointed at in the original text:

- Unicode compatibility forms become their plain letters (NFKC): full-width
  ``ｓｃｈｉｚｏ`` is ``schizo``, the ``ﬁ`` ligature is ``fi``; the psychiatry
  sign ``Ψ`` of clinical notes is ``psych``.
- Invisible characters are dropped: zero-width spaces and joiners, the soft
  hyphen, word joiners, byte-order marks, bidirectional marks (every Unicode
  "format" character) and the invisible Hangul fillers.
- Case is folded, accents and macrons are set aside (``ā`` is ``a``): the
  vocabulary is English, and a macron must not hide a word.
- A few Cyrillic and Greek letters that look exactly like Latin ones (``а``,
  ``е``, ``о``, ``р``, ``с`` ...) are read as the Latin letters they imitate.
- Symbols standing for letters inside a word are read as those letters:
  ``$`` is ``s`` and ``@`` is ``a`` inside a word or at its start
  (``p$ycho``, ``m@nic``, ``@utistic``), ``!`` and ``|`` are ``1`` (so
  ``i`` or ``l``, below) between letters, ``¥`` is ``y``, ``€`` is ``e``,
  and ``*`` between letters stands for any vowel (``n*tcase``).

Every step keeps one folded character per original character or says where
each came from, so a finding's offsets always index the text as given.

A token that mixes letters and digits is also read with the digits as the
letters they stand for (``0`` o, ``1`` i or l, ``3`` e, ``4`` a, ``5`` s,
``7`` t), and without them: ``b1p0lar`` is also ``bipolar``, ``a1coholic``
also ``alcoholic``, ``dep3ressive`` also ``depressive``.
Those readings are offered beside the token as written (``Tokens.alts``), so
``F20`` and ``PHQ-9`` keep their digits.

The folded text is then cut into *tokens* (runs of letters and digits). Two
neighbouring tokens are *joined* when only "soft" characters stand between
them: spaces and tabs, hyphens and dashes, apostrophes, underscores, or a
single full stop with no space around it (``O.C.D.``, ``F20.0``). The
checker reads a run of joined tokens as one string without the separators, so
``bi polar``, ``schizo-affective`` and ``non compliant`` are seen as
``bipolar``, ``schizoaffective`` and ``noncompliant``. A line break or any
other punctuation ends the run; brackets may stand between the words of a
phrase ("mood [affective] disorder") but not inside a word. (The checker sees through a space inside a
word only between pieces of two letters or more, or between single letters,
so "O C D" is OCD but "B and C to D" holds no "CTO".)
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate, product

# Letters that look exactly like Latin letters, read as the Latin letter.
_LOOKALIKES = str.maketrans(
    {
        # Circles for an O ("⭕CD")
        "⭕": "O",
        "○": "O",
        "◯": "O",
        "⚪": "O",
        # Cyrillic lower case
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ӏ": "l",
        "һ": "h",
        "ԛ": "q",
        "ԝ": "w",
        # Cyrillic upper case
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "І": "I",
        "Ј": "J",
        "Ѕ": "S",
        # Letters in brackets ("⒨⒜⒩⒤⒞"), which the normal form writes as "(m)(a)(n)(i)(c)"
        **{chr(0x249C + n): chr(ord("a") + n) for n in range(26)},
        # Negative squared letters and regional indicators ("psych🅾tic"), which no normal form folds
        **{chr(0x1F170 + n): chr(ord("a") + n) for n in range(26)},
        # ... and negative circled ones ("🅟🅢🅨🅒🅗🅞"), which none folds either
        **{chr(0x1F150 + n): chr(ord("a") + n) for n in range(26)},
        **{chr(0x1F1E6 + n): chr(ord("a") + n) for n in range(26)},
        # Latin small capitals ("ʙɪᴘᴏʟᴀʀ"), which no normal form folds
        "ᴀ": "a",
        "ʙ": "b",
        "ᴄ": "c",
        "ᴅ": "d",
        "ᴇ": "e",
        "ꜰ": "f",
        "ɢ": "g",
        "ʜ": "h",
        "ɪ": "i",
        "ᴊ": "j",
        "ᴋ": "k",
        "ʟ": "l",
        "ᴍ": "m",
        "ɴ": "n",
        "ᴏ": "o",
        "ᴘ": "p",
        "ʀ": "r",
        "ꜱ": "s",
        "ᴛ": "t",
        "ᴜ": "u",
        "ᴠ": "v",
        "ᴡ": "w",
        "ʏ": "y",
        "ᴢ": "z",
        # Greek
        "ο": "o",
        "α": "a",
        "ι": "i",
        "ρ": "p",
        "κ": "k",
        "ν": "v",
        "υ": "u",
        "ε": "e",
        "τ": "t",
        "η": "n",
        "Ο": "O",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ρ": "P",
        "Τ": "T",
        "Χ": "X",
        "Υ": "Y",
        "Ζ": "Z",
        # Latin look-alikes outside ASCII
        "ı": "i",
        "ɡ": "g",
        "ɑ": "a",
        # Turned, reversed and open letters of phonetics ("dɘprɘssion", "mɐnic"), and letters with a
        # stroke through them ("psychøtic", "bipołar"), which no normal form folds either
        **dict.fromkeys("ɘǝəɛɜɇ", "e"),
        **dict.fromkeys("ɐɒ", "a"),
        **dict.fromkeys("ɔɵøǿ", "o"),
        **dict.fromkeys("ɩɨ", "i"),
        **dict.fromkeys("łƚ", "l"),
        **dict.fromkeys("đðɖ", "d"),
        "ʉ": "u",
        "ƀ": "b",
        "ħ": "h",
        "ŧ": "t",
        "ɾ": "r",
        "Ø": "O",
        "Ł": "L",
        "Đ": "D",
        "Ð": "D",
        # Greek upper case
        "Η": "H",
        # Armenian letters that are Latin ones to the eye ("psychօsis"), which no normal form folds
        **dict(zip("օոռսհցզգաքՕՍՏԼ", "onnuhgqqwfOUSL", strict=True)),
        # Cherokee and Lisu letters that are Latin capitals to the eye ("ᏢᎢᏚᎠ"), which no normal form folds
        **dict(zip("ᎪᏴᏟᎠᎬᏀᎻᎥᎫᏦᏞᎷᏢᎡᏚᎢᏙᏔᏃᏒ", "ABCDEGHiJKLMPRSTVWZR", strict=True)),
        **dict(zip("ꓮꓐꓚꓓꓰꓝꓖꓧꓲꓙꓗꓡꓟꓠꓳꓑꓣꓢꓔꓴꓦꓪꓫꓬꓜ", "ABCDEFGHIJKLMNOPRSTUVWXYZ", strict=True)),
    }
)
# Invisible characters that are not Unicode format characters (the variation selectors too:
# "bip🅾️lar" holds the one that asks for the emoji's picture; and the keycap drawn round a digit,
# "b1️⃣polar", which is no letter's mark and no break in a word).
_INVISIBLE_EXTRA = frozenset("\u115f\u1160\u3164\uffa0\u034f\ufe0e\ufe0f\u20e3")

# Symbols standing for letters: inside a word (a word character on both
# sides), or "$" and "@" at the start of a word ("$chizo", "@dhd") and "$" at
# the end of one ("behaviour$").
_SYMBOL = re.compile(r"[$@!|¥€¢*_#(]")
_BRACKETED_CHAR = re.compile(r"[^\W_]\([^\W_]\)[^\W_]")
_WORD_CHAR = re.compile(r"[^\W_]")
_WORD_END = re.compile(r"\s")
# One emoji or pictograph with letters on both sides (one code point: offsets are kept).
_PICTURE_INSIDE = re.compile(r"(?<=[^\W\d_])[\u2600-\u27bf\U0001f300-\U0001faff](?=[^\W\d_])")
# ... and several between letters ("bi🌊🌊🌊polar"): a run of them parts the word's pieces, hiding no letter.
_PICTURES_INSIDE = re.compile(r"(?<=[^\W\d_])[\u2600-\u27bf\U0001f300-\U0001faff]{2,}(?=[^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")
WILDCARD = "\u0298"  # a letter no word holds: "*" inside a word, read as any vowel
_SYMBOL_LETTERS = {
    "$": "s",
    "@": "a",
    "!": "1",
    "|": "1",
    "¥": "y",
    "€": "e",
    "¢": "c",
    "(": "c",
    "*": WILDCARD,
    "#": WILDCARD,
    "_": WILDCARD,
}
_HAS_SYMBOL = frozenset(_SYMBOL_LETTERS)
_DIGIT = re.compile(r"\d")
_DIGITS_AS_I = str.maketrans("01234578", "oizeastb")
_DIGITS_AS_L = str.maketrans("01234578", "olzeastb")
_NO_DIGITS = str.maketrans("", "", "0123456789")
_MIXED_ONES_AT_MOST = 4
"""A word with this many 1's or fewer is read with each 1 as an i or an l (16 readings at most)."""
_VOWELS = "aeiouy"

_TOKEN = re.compile(r"([^\W_]+)")
_ASCII_TOKEN = re.compile(r"([a-z0-9]+)")  # folded ASCII text is in lower case
# Characters that may stand inside a word without ending it.
# Middle dots and hyphenation points too ("bi·po·lar", "ma‧nic"): a dictionary's syllables.
_SOFT_GAP = re.compile(
    r"[ \t\-\u2010\u2011\u2012\u2013\u2014\u2212\u2043'\u2019\u2018\u02bc`_/\u00b7\u2027\u2219\u22c5\u30fb]+"
)
_SPACES = re.compile(r"[ \t]+")
_BRACKETS = re.compile(r"[ \t]*[\[\](){}][ \t\[\](){}]*")
NOT_JOINED, JOINED, SPACED, BRACKETED = 0, 1, 2, 3
_ASCII_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character as the checker reads it: possibly empty, possibly several."""
    if ch in _INVISIBLE_EXTRA or unicodedata.category(ch) == "Cf":
        return ""
    if ch in "Ψψ":
        return "psych"  # the psychiatry sign of clinical notes
    text = unicodedata.normalize("NFKC", ch.translate(_LOOKALIKES)).casefold()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_LOOKALIKES)


# A letter escaped as on a web page or in an address: "&#111;", "&#x6F;", "%6F".
_ESCAPE = re.compile(r"&#(\d{2,3});|&#[xX]([0-9a-fA-F]{2});|%([0-9a-fA-F]{2})")


def _escaped_letters(text: str) -> dict[int, tuple[str, int]]:
    """Where a letter is written escaped beside a letter ("bip&#111;lar"): position -> (letter, length)."""
    found = {}
    for m in _ESCAPE.finditer(text):
        decimal, hexadecimal, percent = m.groups()
        code = int(decimal) if decimal else int(hexadecimal or percent, 16)
        letter = chr(code)
        beside = text[m.start() - 1 : m.start()] + text[m.end() : m.end() + 1]
        if letter.isascii() and letter.isalpha() and any(c.isalpha() for c in beside):
            found[m.start()] = (letter, m.end() - m.start())
    return found


def fold(text: str) -> tuple[str, Sequence[int] | None]:
    """The folded text, and for each of its characters the index it came from.

    The index is None when the folding kept every character in place (plain
    ASCII text): then folded index i is original index i.
    """
    escaped = _escaped_letters(text) if ("&#" in text or "%" in text) else {}
    if text.isascii() and not escaped and not ("(" in text and _BRACKETED_CHAR.search(text)):
        folded = text.lower()
        if not _HAS_SYMBOL.isdisjoint(folded):
            folded = _symbols_as_letters(folded)
        return folded, None
    parts: list[str] = []
    index: list[int] = []
    # "abs(c)onded": a letter or digit in brackets inside a word is part of it.
    dropped = {at for m in _BRACKETED_CHAR.finditer(text) for at in (m.start() + 1, m.end() - 2)}
    # "bip&#111;lar", "psych%6Fsis": a letter written as a web page or an address escapes it.
    for at, (_letter, length) in escaped.items():
        dropped.update(range(at + 1, at + length))
    for run in _ASCII_RUNS.finditer(text):
        start, end = run.span()
        chunk = run.group()
        if chunk.isascii():
            if dropped and any(start <= at < end for at in dropped):
                kept = [at for at in range(start, end) if at not in dropped]
                parts.append("".join(escaped[at][0] if at in escaped else text[at] for at in kept).lower())
                index.extend(kept)
                continue
            parts.append(chunk.lower())
            index.extend(range(start, end))
            continue
        for offset, ch in enumerate(chunk):
            folded = fold_char(ch)
            if folded:
                parts.append(folded)
                index.extend([start + offset] * len(folded))
    result = "".join(parts)
    if _PICTURE_INSIDE.search(result) is not None or _PICTURES_INSIDE.search(result) is not None:
        result = _PICTURES_INSIDE.sub(lambda m: "\u00b7" * len(m.group()), result)
        result = _PICTURE_INSIDE.sub("*", result)  # "psych🙃tic": a picture among letters hides one
    if not _HAS_SYMBOL.isdisjoint(result):
        result = _symbols_as_letters(result)
    return result, index


_STANDS_FOR_ONE = "$@!¥€¢"
# Read no further than this either side of a mark: no word, spelt out or hidden, is longer
# (and a run of 100 kB would otherwise be read again at each of its marks).
_LONGEST_RUN = 80
_ALL_MARKS = "$@!|¥€¢*_#"


class _Runs:
    """The run of word characters and marks around a mark, found by reading no further than a word.

    A mark is judged by the run it stands in. Runs are read in a window of the longest word either
    side, and the last one is kept for the marks after it: a 100 kB line of marks is read once,
    not once for each of its marks.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._last = (0, 0)

    def span(self, marks: str, at: int) -> tuple[int, int]:
        """The run of word characters and `marks` holding position `at` (its first and last, one past).

        A run longer than `_LONGEST_RUN` may be given cut short, but still longer than that.
        """
        low, high = self._last
        if not low <= at < high:
            text = self.text
            floor = max(0, at - _LONGEST_RUN - 1)
            low = at
            while low > floor and (text[low - 1].isalnum() or text[low - 1] in _ALL_MARKS):
                low -= 1
            found = _run_of(_ALL_MARKS).match(text, low, min(len(text), at + _LONGEST_RUN + 2))
            high = found.end() if found is not None and found.end() > at else at + 1
            self._last = (low, high)
        if marks == _ALL_MARKS or high - low > _LONGEST_RUN:
            return low, high
        for m in _run_of(marks).finditer(self.text, low, high):  # a run of fewer marks lies inside it
            if m.start() <= at < m.end():
                return m.span()
        return at, at + 1


@lru_cache(maxsize=16)
def _run_of(marks: str) -> re.Pattern[str]:
    return re.compile(rf"(?:[^\W_]|[{re.escape(marks)}])+")


def _among_letters(text: str, at: int, runs: _Runs) -> bool:
    """Whether the symbol at `at` is inside a run of letters and such symbols, with three letters or
    more, and neither first nor last in it ("dement!@"); an "!" only with more than "!" after it
    ("great!!" is said loudly)."""
    low, high = runs.span(_STANDS_FOR_ONE, at)
    if high - low > _LONGEST_RUN or not low < at < high - 1:
        return False  # longer than any word: a run of symbols, not a word hidden
    if sum(1 for c in text[low:high] if _LETTER.match(c)) < 3:
        return False
    return text[at] != "!" or text[at + 1 : high].strip("!") != ""


def _symbols_as_letters(text: str) -> str:
    """`text` with each symbol standing for a letter replaced by it, one character for one."""
    chars: list[str] | None = None
    runs = _Runs(text)
    # What a symbol stands for depends only on its run and four characters either side of it:
    # a run written again is read once, all its symbols together ("dement!@" over and over).
    read: dict[tuple[str, int, int], tuple[tuple[int, str], ...]] = {}
    done = 0
    for m in _SYMBOL.finditer(text):
        at = m.start()
        if at < done:
            continue  # in a run already read
        low, high = runs.span(_ALL_MARKS, at)
        done = high
        if high - low > _LONGEST_RUN:
            continue  # longer than any word, hidden or spelt out: marks, not letters
        key = (text[max(0, low - 4) : high + 4], min(low, 4), min(len(text) - high, 4))
        letters = read.get(key)
        if letters is None:
            letters = read[key] = _run_read(text, low, at, high, runs)
        if letters:
            if chars is None:
                chars = list(text)
            for offset, letter in letters:
                chars[low + offset] = letter
    return text if chars is None else "".join(chars)


def _run_read(text: str, low: int, first: int, high: int, runs: _Runs) -> tuple[tuple[int, str], ...]:
    """The letters the symbols of one run stand for, from its first symbol: (offset in the run, letter)."""
    letters = []
    for m in _SYMBOL.finditer(text, first, high):
        letter = _symbol_read(text, m.start(), m.group(), runs)
        if letter is not None:
            letters.append((m.start() - low, letter))
    return tuple(letters)


def _symbol_read(text: str, at: int, symbol: str, runs: _Runs) -> str | None:
    """What the symbol at `at` stands for: a letter, "." between letters spelt out, or None (itself)."""
    before = text[at - 1 : at]
    after = text[at + 1 : at + 2]
    word_before = bool(before) and _WORD_CHAR.match(before) is not None
    word_after = bool(after) and _WORD_CHAR.match(after) is not None
    inside = word_before and word_after
    if symbol == "(":
        # "p$y(ho": a c between letters, where no ")" closes it in the word ("friend(s)", "the(ir)" stay);
        # "bulimi(": a c closing a word of four letters or more ("so sad :(" is a face).
        rest = _WORD_END.search(text, at)
        if inside:
            return "c" if ")" not in text[at : rest.start() if rest else len(text)] else None
        return "c" if not word_after and at >= 4 and _word(text, at - 4, at, True) else None
    if symbol == "!" and after == "(" and word_before and _letters(text, at - 3, at):
        # "bulim!(": an i before a c written as "(" that closes the word.
        return _SYMBOL_LETTERS[symbol] if _symbol_read(text, at + 1, "(", runs) == "c" else None
    if not inside and symbol in _STANDS_FOR_ONE:
        inside = _among_letters(text, at, runs)  # "dement!@", "$ch!zophren!@": symbols side by side
    if symbol in "_*|" and (word_before or word_after) and _spaced_out(text, at, symbol, runs):
        # "A*D*H*D", "D|I|D": read as letters spelt out with dots; "n_u_t_s": underscores between
        # single letters space them out, as hyphens do.
        return "." if symbol in "*|" else None
    # "s**cidal", "d__mentia": two marks side by side inside a word, each standing for a letter.
    doubled = symbol in "*_#" and (
        (word_before and after == symbol and _letters(text, at + 2, at + 3))
        or (word_after and before == symbol and _letters(text, at - 2, at - 1))
    )
    # "|oony": a bar starting a word of letters is an l.
    starting = (symbol in "$@" or symbol == "|") and not word_before and _letters(text, at + 1, at + 3)
    # "$u1c1dal", "$u!c!d@l", "@n0rex1c": a "$" or "@" starting a word of letters, digits and symbols
    # for letters (never "$5", money).
    starting = starting or (
        symbol in "$@" and not word_before and _letters(text, at + 1, at + 2) and _word(text, at + 1, at + 5, True)
    )
    # "behaviour$", "dementi@": "$" or "@" closing a word of letters.
    ending = (
        symbol in "$@"
        and not word_after
        and at >= 3
        and (_letters(text, at - 3, at) or (_word(text, at - 3, at, True) and _among_letters(text, at - 1, runs)))
    )
    # "n_u_t_c_@_s_e": a symbol among letters spelt out.
    spelt = (
        symbol in "$@*"
        and before in _SPELT_GAPS
        and after in _SPELT_GAPS
        and _letters(text, at - 2, at - 1)
        and _letters(text, at + 2, at + 3)
    )
    return _SYMBOL_LETTERS[symbol] if inside or starting or ending or spelt or doubled else None


_SPACED_OUT = re.compile(r"_*(?:[^\W_]_+)+[^\W_]?_*")
_SPACED_OUT_BY = {
    "*": re.compile(r"(?:[^\W_]\*+){2,}[^\W_]"),
    # (Bars only between the three or four letters of an abbreviation: in a longer run, "p|s|y|c|h",
    # a bar is read as the letter it looks like, as before.)
    "|": re.compile(r"(?:[^\W_]\|+){2,3}[^\W_]"),
}


def _spaced_out(text: str, at: int, mark: str, runs: _Runs) -> bool:
    """Whether the mark at `at` is in a run of single letters spaced out by it ("n_u_t_s", "A*D*H*D")."""
    low, high = runs.span(mark, at)
    if high - low > _LONGEST_RUN:
        return False  # longer than any word spelt out
    pattern = _SPACED_OUT if mark == "_" else _SPACED_OUT_BY[mark]
    return pattern.fullmatch(text, low, high) is not None


def _word(text: str, start: int, end: int, symbols: bool = False) -> bool:
    """Whether text[start:end] is all letters or digits, or with `symbols` symbols for letters too (and that long)."""
    piece = text[start:end]
    return len(piece) == end - start and all(_WORD_CHAR.match(c) or (symbols and c in _HAS_SYMBOL) for c in piece)


def _letters(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all letters (and that long)."""
    return start >= 0 and end <= len(text) and all(_LETTER.match(c) for c in text[start:end])


_LETTERS_ALL = "abcdefghijklmnopqrstuvwxyz"


# One letter then digits that look like letters: "i11" is "ill" ("mentally i11"); "k10" and "b12" stay codes.
_ONE_LETTER_READ = re.compile(r"[a-z][01]{2,}$")


@lru_cache(maxsize=4096)
def readings(word: str, wide: bool = True) -> tuple[str, ...]:
    """A mixed token's other readings: digits as letters, a wildcard as each vowel.

    Only for tokens of three characters or more with two letters or more
    ("b1p0lar", "0cd"); "f20", "k10" and "3pm" are read too, and simply
    match nothing.
    """
    letter_count = sum(c.isalpha() and c != WILDCARD for c in word)
    if len(word) < 2 or letter_count < 1 or (letter_count < 2 and len(word) > 2 and not _ONE_LETTER_READ.match(word)):
        return ()
    first = word.translate(_DIGITS_AS_I)
    found = [first]
    if "1" in word:
        found.append(word.translate(_DIGITS_AS_L))
        ones = word.count("1")
        if 2 <= ones <= _MIXED_ONES_AT_MOST:
            # Each 1 may be an l or an i in the one word: "80rd3r11n3", "8u11m1c", "81p014r".
            at = [k for k, c in enumerate(word) if c == "1"]
            for ones_read in product("il", repeat=ones):
                read = list(first)
                for k, letter in zip(at, ones_read, strict=True):
                    read[k] = letter
                found.append("".join(read))
    letters = word.translate(_NO_DIGITS)
    if len(letters) >= 4:
        found.append(letters)  # a digit put in to break the word: "dep3ressive"
    digits = [k for k, c in enumerate(word) if c.isdigit()]
    if len(digits) == 1 and 0 < digits[0] < len(word) - 1 and len(letters) >= 5 and len(word) >= 3:
        # One digit inside a word stands for whatever letter it hides ("ps7chotic").
        found.append(word[: digits[0]] + WILDCARD + word[digits[0] + 1 :])
    if WILDCARD in first and first.count(WILDCARD) == 1:
        found.append(first.replace(WILDCARD, ""))  # "attention_seeking": the mark stood for a space
    if any(WILDCARD in f for f in found):
        # One "*" may stand for any letter ("p*ychotic"); two, for vowels only in a short word.
        read = []
        for f in found:
            marks = f.count(WILDCARD)
            if not marks:
                read.append(f)
            elif marks <= 2:
                # Two marks may stand for any letters ("p_ych_path") where the word is long enough to
                # tell, and while a text has few such words (`wide`): each is 676 readings.
                choices = _LETTERS_ALL if marks == 1 or (wide and len(f) >= 8) else _VOWELS
                options = [f]
                for _ in range(marks):
                    options = [o.replace(WILDCARD, v, 1) for o in options for v in choices]
                read += options
        found = read
    return tuple(f for f in dict.fromkeys(found) if f != word and WILDCARD not in f)


_SPELT_GAPS = frozenset("_.-/ ")
# Four single letters or more, each after the same mark ("s/c/h/i/z/o", "b+i+p+o+l+a+r", "o~c~d~s").
_SPACED_BY_MARK = re.compile(r"(?<![^\W_])[^\W_]([/+~•,:;=^])[^\W_](?:\1[^\W_]){2,}(?![^\W_/+~•,:;=^])")
_MARKS_BETWEEN = frozenset("/+~•,:;=^")
_MARK_LETTER_MARK = re.compile(r"([/+~•,:;=^])[^\W_]\1[^\W_]\1")  # a quick look first: far cheaper
_DIGIT_LETTERS = {
    "0": ("o",),
    "1": ("i", "l"),
    "2": ("z",),
    "3": ("e",),
    "4": ("a",),
    "5": ("s",),
    "7": ("t",),
    "8": ("b",),
}
# A whole word of six letters or more in which two letters are each written twice ("scchhizzo").
_DOUBLED_WORD = re.compile(r"(?<![^\W_])(?=[^\W_]{6})[^\W_]*?([^\W\d_])\1[^\W_]*?([^\W\d_])\2[^\W_]*")
_THRICE_DOUBLED_WORD = re.compile(
    r"(?<![^\W_])(?=[^\W_]{6})[^\W_]*?([^\W\d_])\1[^\W_]*?([^\W\d_])\2[^\W_]*?([^\W\d_])\3[^\W_]*"
)
_DOUBLE = re.compile(r"([^\W\d_])\1")
# Doubled letters English words seldom have: where a word's letters were doubled to hide it they are there.
_RARE_DOUBLE = re.compile(r"aa|hh|ii|jj|kk|qq|uu|vv|ww|xx|yy")
_RARE_CONSONANTS = re.compile(r"hh|jj|kk|qq|vv|ww|xx")
# A digit alone between single letters spelt out ("s.c.h.1.z.o").
_LONE_DIGIT = re.compile(
    r"\d(?<=[^\W\d_][.\-_ /]\d)(?<![^\W_]{2}[.\-_ /]\d)(?:(?=[.\-_ /][^\W\d_](?![^\W_]))|(?=\.?(?![^\W_])))"
    # ... or first of them, two single letters or more after it ("0-C-D", "5.c.h.i.z.o"; not "0 c d", "1-a")
    r"|(?<![^\W_])(?<![^\W_][.\-_/])\d(?=[.\-_/][^\W\d_](?:[.\-_/][^\W\d_]){1,}(?![^\W_]))"
)

# Words with two wildcards read with any letters for both, in one text (past these, vowels only).
_WIDE_READINGS = 20
# A letter written three times or more in a row.
_RUN = re.compile(r"([^\W\d_])\1\1")
_RUN_ONE = re.compile(r"([^\W\d_])\1{2,}")


@lru_cache(maxsize=4096)
def _collapsed(word: str) -> tuple[str, ...]:
    """`word` with each letter written three times or more read once, and read twice ("bipolaaar", "schizzzo")."""
    once = _RUN_ONE.sub(r"\1", word)
    twice = _RUN_ONE.sub(r"\1\1", word)
    single = _DOUBLE.sub(r"\1", once)  # "psyychoootic": every letter written more than once, once
    return tuple(w for w in dict.fromkeys((once, *readings(once), twice, single)) if w != word and len(w) >= 3)


def visible(text: str) -> str:
    """`text` in compatibility form without invisible characters, case kept."""
    if text.isascii():
        return text
    return "".join(
        unicodedata.normalize("NFKC", ch.translate(_LOOKALIKES))
        for ch in text
        if ch not in _INVISIBLE_EXTRA and unicodedata.category(ch) != "Cf"
    )


class Tokens:
    """The words of a text, ready for the checker.

    words[i] is the i-th token in folded form; joined[i] says whether it
    continues the word before it: NOT_JOINED, JOINED (a hyphen, an
    apostrophe, a full stop without spaces), SPACED (only spaces or tabs
    between them) or BRACKETED (a bracket, as in "mood [affective] disorder":
    it may stand between the words of a phrase, never inside a word);
    gaps[i] is what stands before token i. `span(i, j)` gives the offsets in
    the ORIGINAL text from the start of token i to the end of token j.
    `alts[i]` holds token i's other readings (`readings`); alts is None when
    no token has any. Made once for each text checked (a plain class: this is
    the checker's hottest object), and never changed.
    """

    __slots__ = (
        "_edges",
        "_index",
        "_longest",
        "_sentences",
        "_vocabulary",
        "alts",
        "digits",
        "folded",
        "gaps",
        "joined",
        "words",
    )

    def __init__(
        self,
        words: Sequence[str],
        joined: Sequence[int],
        edges: Sequence[int],
        index: Sequence[int] | None,
        gaps: Sequence[str] = (),
        folded: str = "",
        alts: Sequence[tuple[str, ...]] | None = None,
        digits: bool = False,
    ) -> None:
        self.words = words
        self.joined = joined
        self._edges = edges
        self._index = index
        self.gaps = gaps
        self.folded = folded
        self.alts = alts
        self.digits = digits  # whether the text holds a digit
        self._sentences: tuple[list[int], list[int]] | None = None
        self._longest: int | None = None
        self._vocabulary: frozenset[str] | None = None

    def span(self, first: int, last: int) -> tuple[int, int]:
        start, end = self._edges[2 * first], self._edges[2 * last + 1]
        if self._index is None:
            return start, end
        return self._index[start], self._index[end - 1] + 1

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets start..end in the folded text, as offsets in the original text."""
        if self._index is None:
            return start, end
        return self._index[start], self._index[end - 1] + 1

    def folded_offset(self, offset: int) -> int:
        """Where original offset `offset` is in the folded text (its first folded character)."""
        if self._index is None:
            return offset
        return bisect_left(self._index, offset)

    def starts(self) -> Sequence[int]:
        """Where each token starts in the folded text."""
        return self._edges[0::2]

    def vocabulary(self) -> frozenset[str]:
        """Every word of the text, once (worked out when first asked)."""
        if self._vocabulary is None:
            self._vocabulary = frozenset(self.words)
        return self._vocabulary

    def sentence(self, ends_sentence: Callable[[str], bool]) -> tuple[list[int], list[int]]:
        """For each token, the first and the last token of its sentence (worked out once, when asked).

        `ends_sentence(gap)` says whether a gap between tokens ends a sentence.
        """
        if self._sentences is None:
            count = len(self.words)
            firsts, lasts = [0] * count, [0] * count
            begin = 0
            for k in range(count):
                if k and ends_sentence(self.gaps[k]):
                    begin = k
                firsts[k] = begin
            end = count - 1
            for k in range(count - 1, -1, -1):
                lasts[k] = end
                if k and ends_sentence(self.gaps[k]):
                    end = k - 1
            self._sentences = (firsts, lasts)
        return self._sentences

    @property
    def longest(self) -> int:
        """The length of the longest token (worked out once: several rules look only at long words)."""
        if self._longest is None:
            self._longest = max(map(len, self.words), default=0)
        return self._longest

    def at(self, offset: int) -> int:
        """The token that holds folded offset `offset` (or the last one starting before it)."""
        return (bisect_right(self._edges, offset) - 1) // 2

    def ends(self) -> Sequence[int]:
        """Where each token ends in the folded text."""
        return self._edges[1::2]

    def __len__(self) -> int:
        return len(self.words)


# Letters turned upside down, as flipped-text generators write them, and what they stand for the
# right way up (with the Latin letters that are each other turned: b and q, d and p, n and u).
_TURNED_BACK = {
    **dict(zip("ɐǝɟƃɥᴉıɾʞɯɹʇʌʍʎɔ", "aefghiijkmrtvwyc", strict=True)),
    **dict(zip("bqdpnu", "qbpdun", strict=True)),
}
_TURNED = frozenset("ɐǝɟƃɥᴉɾʞɯɹʇʌʍʎ")  # "ı" and "ɔ" alone are Turkish or phonetic: not counted


def tokens(text: str) -> Tokens:
    """Cut `text` into folded tokens, remembering where each came from."""
    folded, index = fold(text)
    # gap 0, word 0, gap 1, word 1, ..., the gap after the last word
    parts = (_ASCII_TOKEN if folded.isascii() else _TOKEN).split(folded)
    if len(parts) < 2:
        return Tokens((), (), (), index, (), folded)
    words = parts[1::2]
    gaps = parts[0:-1:2]
    joined = list(map(_soft_gap, gaps))
    joined[0] = NOT_JOINED
    # Running offsets: end of gap 0, end of word 0, end of gap 1, ...
    edges = list(accumulate(map(len, parts[:-1])))
    alts: list[tuple[str, ...]] | None = None
    digits = _DIGIT.search(folded) is not None
    if digits or WILDCARD in folded:
        # (A mixed token of two characters is read only as a piece of a word cut up: "B1-P0-LAR".)
        mixed = [
            k
            for k, word in enumerate(words)
            if ((not word.isdigit() and not word.isalpha()) or WILDCARD in word)
            and (len(word) > 2 or joined[k] == JOINED or (k + 1 < len(words) and joined[k + 1] == JOINED))
        ]
        wide = 0
        for k in mixed:
            wide += words[k].count(WILDCARD) == 2
            found = readings(words[k], wide <= _WIDE_READINGS)
            if found:
                if alts is None:
                    alts = [()] * len(words)
                alts[k] = found
    if WILDCARD in folded:
        # "d e l u s i * n a l": a star among letters spelt out stands for any one of them.
        for k, word in enumerate(words):
            if word == WILDCARD and (joined[k] or (k + 1 < len(words) and joined[k + 1])):
                if alts is None:
                    alts = [()] * len(words)
                alts[k] = tuple(_LETTERS_ALL)
    if not _MARKS_BETWEEN.isdisjoint(folded) and _MARK_LETTER_MARK.search(folded) is not None:
        # "s/c/h/i/z/o", "b+i+p+o+l+a+r": single letters after the same mark, four or more, are one
        # word spelt out ("c/o" and "SI/HI" are left to the shorthand rules).
        token_starts = edges[0::2]
        for m in _SPACED_BY_MARK.finditer(folded):
            for k in range(bisect_left(token_starts, m.start()) + 1, bisect_left(token_starts, m.end())):
                joined[k] = JOINED
    if digits:
        # "s.c.h.1.z.o": a lone digit among single letters spelt out is the letter it looks like.
        for m in _LONE_DIGIT.finditer(folded):
            k = bisect_left(edges, m.start(), 0, len(edges)) // 2
            # (Last of the text, as it is while being typed: "s.c.h.1".)
            # (Joined to the letters before it, or first of them and joined to the letters after.)
            if (
                words[k] in _DIGIT_LETTERS
                and (k + 1 == len(words) or joined[k + 1])
                and (joined[k] or k + 1 < len(words))
            ):
                if alts is None:
                    alts = [()] * len(words)
                alts[k] = _DIGIT_LETTERS[words[k]]
    # "scchhizzo": a word with two letters or more each written twice, where English seldom doubles
    # one of them, or three letters or more each written twice ("boorrderlinee"; "bookkeeper" has
    # three, read as "bokeper", which is no label), is also read with them once.
    doubled = _DOUBLED_WORD if _RARE_DOUBLE.search(folded) is not None else _THRICE_DOUBLED_WORD
    for m in doubled.finditer(folded):
        k = bisect_left(edges, m.start(), 0, len(edges)) // 2
        if words[k] == m.group():
            if alts is None:
                alts = [()] * len(words)
            alts[k] = tuple(dict.fromkeys((*alts[k], _DOUBLE.sub(r"\1", words[k]))))
    if _RARE_CONSONANTS.search(folded) is not None:
        # "ADHHD": a short word with a consonant English seldom doubles written twice is also read with it
        # once (not a vowel: te reo writes a long vowel doubled, "maania", "kuuia").
        for k in sorted({(bisect_right(edges, m.start()) - 1) // 2 for m in _RARE_CONSONANTS.finditer(folded)}):
            word = words[k] if 0 <= k < len(words) else ""
            if 4 <= len(word) <= 6 and word.isalpha() and _RARE_CONSONANTS.search(word) is not None:
                if alts is None:
                    alts = [()] * len(words)
                alts[k] = tuple(dict.fromkeys((*alts[k], _DOUBLE.sub(r"\1", word))))
    if _CAPS_SUFFIXED.search(text) is not None:
        # "OCDer", "BPDy": an abbreviation in capitals with an ending is also read as the abbreviation.
        token_starts = edges[0::2]
        for m in _CAPS_SUFFIXED.finditer(text):
            at = m.start() if index is None else bisect_left(index, m.start())
            k = bisect_left(token_starts, at)
            if k < len(words) and token_starts[k] == at and words[k] == m.group().lower():
                if alts is None:
                    alts = [()] * len(words)
                alts[k] = tuple(dict.fromkeys((*alts[k], m.group(1).lower())))
    if "I" in text and _I_FOR_L.search(text) is not None:
        # "BorderIine", "deIusional": a capital I among small letters is also read as the l it looks like.
        token_starts = edges[0::2]
        capital_i: dict[int, list[int]] = {}
        for m in _I_FOR_L.finditer(text):
            at = m.start() if index is None else bisect_left(index, m.start())
            k = bisect_right(token_starts, at) - 1
            if 0 <= k < len(words) and at < edges[2 * k + 1] and words[k].isalpha():
                # ("iII": each capital I of a run after a small letter, "mentally iII".)
                capital_i.setdefault(k, []).extend(at - token_starts[k] + n for n in range(len(m.group())))
        for k, places in capital_i.items():
            word = words[k]
            # Each one alone, and all of them ("deIusionaI").
            read = [word[:where] + "l" + word[where + 1 :] for where in places]
            if len(places) > 1:
                every = list(word)
                for where in places:
                    every[where] = "l"
                read.append("".join(every))
            if alts is None:
                alts = [()] * len(words)
            alts[k] = tuple(dict.fromkeys((*alts[k], *read)))
    if "@" in text and _HANDLE.search(text) is not None:
        # "@psycho_killa09": a handle's "@" is also read as no letter at all (it is read as an "a"
        # too, for "@nxiety").
        token_starts = edges[0::2]
        for m in _HANDLE.finditer(text):
            at = m.start() if index is None else bisect_left(index, m.start())
            k = bisect_left(token_starts, at)
            if k < len(words) and token_starts[k] == at and words[k][:1] == "a" and words[k][1:].isalpha():
                if alts is None:
                    alts = [()] * len(words)
                alts[k] = tuple(dict.fromkeys((*alts[k], words[k][1:])))
    if "#" in text:
        # "#bpdlife", "#adhdbrain": a tag's first three or four letters are also read alone (an
        # abbreviation with a word run on after it, as tags run them; "#BPDwarrior" is read above).
        token_starts = edges[0::2]
        for m in _TAG_RUN_ON.finditer(text):
            at = m.start() if index is None else bisect_left(index, m.start())
            k = bisect_left(token_starts, at)
            if k < len(words) and token_starts[k] == at and words[k] == m.group().lower():
                if alts is None:
                    alts = [()] * len(words)
                # (A word after it has a vowel: "#asdfgh" is the keyboard's first row, no tag. Only a
                # diagnosis's letters: "#padlock", "#obsessed" and "#mdtrends" begin with shorthand too.)
                heads = [
                    words[k][:n] for n in (3, 4) if words[k][:n] in _TAG_HEADS and not _NO_VOWEL.fullmatch(words[k][n:])
                ]
                alts[k] = tuple(dict.fromkeys((*alts[k], *heads)))
    # "schizzzo", "maaaanic": a letter written three times or more is also read once and twice
    # (each such token once, however many runs it holds).
    runs = () if _RUN.search(folded) is None else _RUN.finditer(folded)
    for k in sorted({(bisect_right(edges, m.start()) - 1) // 2 for m in runs}):
        if alts is None:
            alts = [()] * len(words)
        alts[k] = tuple(dict.fromkeys((*alts[k], *_collapsed(words[k]))))
    if index is not None and not _TURNED.isdisjoint(text):
        # "ɐıuɐɯ": a word written upside down (turned letters, the last first) is also read the right way up.
        for k, word in enumerate(words):
            start, end = index[edges[2 * k]], index[edges[2 * k + 1] - 1] + 1
            written = text[start:end]
            if sum(c in _TURNED for c in written) >= 2:
                upright = "".join(_TURNED_BACK.get(c, c) for c in reversed(written.casefold()))
                if upright.isalpha() and upright != word:
                    if alts is None:
                        alts = [()] * len(words)
                    alts[k] = (*alts[k], upright)
    return Tokens(words, joined, edges, index, gaps, folded, alts, digits)


# (Or, in a tag, a word run on after it: "#BPDwarrior"; not "MSEdge" or "OBSstudio", names of things.)
# A capital I between small letters, where an l was meant to be hidden ("BorderIine").
# A handle: "@" starting a word of letters ("@psycho_killa09").
_HANDLE = re.compile(r"(?<![^\W_])@(?=[^\W\d_]{3})")
_I_FOR_L = re.compile(r"(?<=[a-z])I+(?=[a-z]|(?![^\W_]))")
_CAPS_SUFFIXED = re.compile(
    r"(?<![^\W_])([A-Z]{2,5})(?:ers?|ies?|y|ish|ing|ed|ness|ly|ity|i[sz]ed"
    r"|(?:(?<=#[A-Z]{2})|(?<=#[A-Z]{3})|(?<=#[A-Z]{4})|(?<=#[A-Z]{5}))[a-z]{3,})(?![^\W_])"
)


_TAG_RUN_ON = re.compile(r"(?<=#)[^\W\d_]{6,}(?![^\W_])")
_NO_VOWEL = re.compile(r"[^aeiouy]*")
# The abbreviations of diagnoses a tag runs a word on after ("#adhdlife", "#bpdwarrior", "#ptsdrecovery").
_TAG_HEADS = frozenset({"adhd", "bpd", "ocd", "ptsd", "asd", "mdd", "pnd", "pmdd", "osdd", "did"})


@lru_cache(maxsize=1024)
def _soft_gap(gap: str) -> int:
    if gap == ".":
        return JOINED
    if _BRACKETS.fullmatch(gap):
        return BRACKETED
    if _SOFT_GAP.fullmatch(gap) is None:
        return NOT_JOINED
    return SPACED if _SPACES.fullmatch(gap) else JOINED


def squash(phrase: str) -> str:
    """A vocabulary phrase as the checker compares it: folded, separators gone.

    Raises:
        ValueError: the phrase has no letters, or punctuation that would
            break it into pieces the checker could never join again.
    """
    return squash_with_breaks(phrase)[0]


_PLAIN_PHRASE = re.compile(r"[a-z0-9]+(?:[ '.-][a-z0-9]+)*")
_PLAIN_BREAK = re.compile(r"[ '.-]")


def squash_with_breaks(phrase: str) -> tuple[str, frozenset[int]]:
    """`squash(phrase)`, and where in it the phrase's own words meet."""
    if phrase.isascii():
        lowered = phrase.lower()
        if _PLAIN_PHRASE.fullmatch(lowered):
            # The common case, without cutting the phrase into tokens.
            pieces = _PLAIN_BREAK.split(lowered)
            return "".join(pieces), frozenset(accumulate(len(w) for w in pieces[:-1]))
    found = tokens(phrase)
    if not len(found):
        raise ValueError(f"{phrase!r} has no letters to look for")
    if not all(j in (JOINED, SPACED) for j in found.joined[1:]):
        raise ValueError(
            f"{phrase!r} holds punctuation that ends a word; use only letters, spaces, hyphens and apostrophes"
        )
    breaks = frozenset(accumulate(len(w) for w in found.words[:-1]))
    return "".join(found.words), breaks


# Sound-alike spellings ("skitzofrenic", "sykotic", "boarderline"): the letters that spell a sound
# more than one way, written one way. Applied in order.
_SOUNDS = (
    ("psy", "si"),
    ("sch", "sk"),
    ("ph", "f"),
    ("ch", "k"),
    ("ck", "k"),
    ("tz", "s"),
    ("ci", "si"),
    ("ce", "se"),
    ("c", "k"),
    ("q", "k"),
    ("x", "ks"),
    ("z", "s"),
    ("ye", "i"),  # "byepolar" (before "y" alone, which would leave "ie")
    ("y", "i"),  # before -tia and -cia: "dementya" is "dementia"
    ("um", "m"),  # "autizzum"
    ("ssion", "shun"),
    ("sion", "shun"),
    ("tion", "shun"),
    ("tia", "sha"),
    ("cia", "sha"),
    ("igh", "i"),
    ("ts", "s"),
    ("oa", "o"),
    ("ea", "e"),
    ("oo", "u"),
)
_DOUBLE_ANY = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=8192)
def sound(word: str) -> str:
    """`word` as it sounds, roughly: "skitzofrenic" and "schizophrenic" both give "skisofrenik"."""
    for written, said in _SOUNDS:
        word = word.replace(written, said)
    if word.endswith(("ah", "er")):
        word = word[:-2] + "ar"  # "bi-polah", "nuttah" for "nutter": an r not said, the same vowel
    return _DOUBLE_ANY.sub(r"\1", word)
