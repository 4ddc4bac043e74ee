"""The checker: finds the vocabulary's words in a text, however they are written."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any

from crisishouse.language import cache
from crisishouse.language.acronyms import spelt_out
from crisishouse.language.clauses import in_capitals
from crisishouse.language.misspelt import Misspellings
from crisishouse.language.normalise import (
    BRACKETED,
    JOINED,
    SPACED,
    Tokens,
    sound,
    squash_with_breaks,
    tokens,
    visible,
)
from crisishouse.language.rules import Rules, near_rules
from crisishouse.language.senses import Nouns, sense_rules
from crisishouse.language.vocabulary import (
    COMPOUNDS_ONLY,
    HIDDEN_ONLY,
    KINDS,
    Entry,
    builtin_alone,
    builtin_entries,
    builtin_exceptions,
    builtin_misspelt,
    builtin_rules,
    builtin_starred,
    entry_from,
    physical_words,
    thing_words,
)


def _split(words: str) -> list[str]:
    """A list of words written as one string, a space or a line between them."""
    return words.split()


# Plurals and possessives found without being listed ("-'s" is "-s" once the
# apostrophe is read as part of the word).
ENDINGS = ("s", "es")
# Derived forms of a flagged word, found without being listed ("OCD-ish",
# "manicky", "psychoticness", "delusionally", "dissociating"): endings added
# to the word as it is ...
ADDED = ("y", "ey", "ish", "ishly", "ness", "like", "type", "esque", "ly", "ed", "ing")
# ... or joined to a word that says how someone seemed or what drove them ("paranoia-driven",
# "depressed-looking"), the only forms made of some words left to the guest ("anxious-seeming").
COMPOUNDS = (
    "driven", "looking", "presenting", "seeming", "appearing", "acting", "sounding", "fuelled", "fueled", "type", "like",
    "tinged", "ridden", "prone", "adjacent", "coded",
)  # fmt: skip
# ... or to the word less its last letters: (ending, letters dropped, endings)
ADDED_AFTER: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("c", 0, ("ky", "king", "ally", "al", "ism", "ness")),
    ("al", 0, ("ly", "ity", "ness")),
    ("ive", 0, ("ly", "ness")),
    ("ous", 0, ("ly", "ness")),
    ("ed", 0, ("ly",)),
    ("ent", 0, ("ly",)),
    ("ant", 0, ("ly",)),
    ("se", 0, ("ly",)),
    ("ion", 0, ("ary", "al", "ally")),
    ("e", 1, ("y",)),
    ("ssion", 3, ("o",)),  # "depresso", "obsesso"
    ("ia", 2, ("ic", "ics", "ical", "ically", "iac", "iacs")),
    ("ar", 0, ("ed", "ing")),  # a label made a verb: "bipolared"
)
# ... and the same stem with another ending: "dissociative" gives
# "dissociate", "dissociating", "dissociation"; "somatisation" gives
# "somatised"; "pathological" gives "pathologising"; "demented" "dementing".
STEM_FAMILIES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("ations", "ation", "ative", "ating", "ated", "ates", "ate"),
        ("ate", "ated", "ates", "ating", "ation", "ations", "ative", "atively", "atory", "atey"),
    ),
    (
        ("isation", "ization", "ising", "izing", "ised", "ized"),
        ("ise", "ised", "ises", "ising", "ize", "ized", "izes", "izing", "isation", "ization"),
    ),
    (("ical",), ("ise", "ised", "ising", "ize", "ized", "izing", "ically")),
    (("ed",), ("ing",)),
)
MIN_STEM = 5
# Derived forms that are the guest's own everyday words, never flagged.
NEVER_DERIVED = frozenset(
    _split(
        """
    depressed depressing depressingly resisted resisting addicted addicting obsessed obsessing sectioning
    cheeky pathology relapsey deviating deranging baselined hysterical hysterically hysterics maniacs
    obsessively psyched psyching psycher manned manicing maniced
    """
    )
)

_WORD_BEFORE = re.compile(r"(\w+)\W*$")
# "More paranoid than yesterday", "increasingly borderline": a word left to the guest, graded by staff.
_GRADERS = frozenset(
    _split(
        "more most less increasingly markedly overtly floridly frankly acutely known classic typical "
        "labelled labeled deemed"
    )
)
_MANY_FINDINGS = 64
_CAPITALS_READ = 40
"""How far `_capitals_meant` reads either side of an abbreviation."""
# Two capitals listed beside a diagnosis in capitals ("ASD and LD"): learning or intellectual
# disability, personality disorder, bipolar disorder, mental illness, developmental delay.
_LISTED_ABBREVIATIONS = frozenset(_split("ld id pd bd mi dd ed gd sa"))
_LISTING = frozenset(_split("and or with plus"))
_LISTING_MARKS = frozenset(["/", "&", "+", ", ", " / ", " & ", " + ", "; "])
_LISTED = Entry(
    ("(an abbreviation listed with a diagnosis)",),
    "diagnosis",
    "what helps them, in their own words (a diagnosis is not recorded here)",
    source="rule",
)
_THOUGHT_TO_BE = frozenset(_split("thought believed said considered"))
"""Graders only as "... to be": "thought to be paranoid"."""
_PHRASE_GAPS = re.compile(r"[\s'\u2019-]+")
# Prefixes written with a hyphen as often as without ("anti-psychotics", "non-verbal", "hypo-manic").
_HYPHENED_PREFIXES = frozenset(
    # ("border-line" too: two words of its own, as a ball or a call is.)
    _split(
        "anti non pre post self hyper hypo semi pseudo over under re co de dis mis sub super ultra neuro psycho border"
    )
)
# "I DID it", "to ADD", "felt SAD": after these, a word in capitals is the
# everyday word said loudly, not an abbreviation.
_SUBJECTS = frozenset(
    [
        "i",
        "we",
        "you",
        "they",
        "he",
        "she",
        "it",
        "who",
        "to",
        "please",
        "felt",
        "feel",
        "feels",
        "feeling",
        "so",
        "very",
        "really",
        "too",
        "bit",
        "quite",
        "am",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "just",
    ]
)
_WORD_AFTER = re.compile(r"\W*(\w+)")
_UNCHECKED_ADVICE = "try other words, or keep them knowingly; they cannot be printed until they can be checked"


UNCHECKED = "unchecked"
"""The kind of a finding that says the check failed on a text: the whole text, never let through."""


@dataclass(frozen=True)
class Finding:
    """Words found in a text: where (offsets into the original text), what and instead."""

    start: int
    end: int
    text: str
    kind: str
    suggestion: str

    def explain(self) -> str:
        """One line for people: '"non-compliant" is compliance talk; try: "chose ..."'."""
        shown = " ".join(visible(self.text).split())
        if self.kind == UNCHECKED:
            return f"These words could not be checked (a fault in the language check); {self.suggestion}"
        ideas = " or ".join(f'"{idea.strip()}"' for idea in self.suggestion.split(";") if idea.strip())
        return f'"{shown}" is {KINDS.get(self.kind, self.kind)}; try: {ideas}'

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "suggestion": self.suggestion,
        }


# Letters as they are said, each for its letter ("oh see dee"); not "i", "a", "be", "see you" alone.
_LETTER_NAMES = {
    **dict.fromkeys(("ay", "eh"), "a"), "bee": "b", **dict.fromkeys(("see", "cee"), "c"), "dee": "d",
    "ee": "e", **dict.fromkeys(("ef", "eff"), "f"), **dict.fromkeys(("gee", "jee"), "g"),
    **dict.fromkeys(("aitch", "haitch"), "h"), "eye": "i", "jay": "j", "kay": "k",
    **dict.fromkeys(("el", "ell"), "l"), "em": "m", "en": "n", "oh": "o", "pee": "p",
    **dict.fromkeys(("cue", "queue"), "q"), **dict.fromkeys(("ar", "arr"), "r"),
    **dict.fromkeys(("es", "ess"), "s"), "tee": "t", **dict.fromkeys(("yoo", "you"), "u"), "vee": "v",
    **dict.fromkeys(("ex",), "x"), **dict.fromkeys(("why", "wye"), "y"), **dict.fromkeys(("zed", "zee"), "z"),
}  # fmt: skip
_LONE_LETTERS = {"a": "a", "i": "i"}
# Chinese characters (`_in_han`).
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A word of six capitals or more, alone (`_anagrammed`), where the line is about a puzzle or it is said of
# someone, and not ending as English words end.
_PUZZLE = re.compile(r"(?i)anagram|unscrambl|scrambled|scrabble|crossword|clue|jumble|letters|quiz|bingo|tiles")
_SAID_OF = re.compile(r"(?i)(?:(?<![^\W_])(?:is|was|so|being|proper|real|bit|has|had|got)|['’]s)\s+$")
_ENGLISH_ENDINGS = ("ed", "ing", "ly", "s", "er", "est", "ness", "ment", "tion")
_CAPITAL_RUN = re.compile(r"(?<![^\W_])[A-Z]{6,14}(?![^\W_])")
_HYPHENS = frozenset(("-", "\u2010", "\u2011"))
_LETTER_GAP = re.compile(r"[ \t\-\u2010\u2011.\u00a0]+")
_THREE_OR_MORE = re.compile(r"1{3,}")
_NOT_SPELT_SOURCES = frozenset((HIDDEN_ONLY, COMPOUNDS_ONLY))

# Underscores between words of two characters or more: read apart too (`_with_words_apart`).
# (Letters, or what stands for them: "🄿🅃🅂🄳_VET".)
_JOINING_UNDERSCORE = re.compile(r"(?<=[^\s_]{2})_+(?=[^\s_]{2})")
_RUN_AROUND = re.compile(r"\S+")

_UNSEEN = object()
_MISSPELT_SEEN_AT_MOST = 50_000
_READINGS_SPELT_AT_MOST = 4
# A few lines that take the check down each of its ways of reading (`warm`): labels, their senses and
# titles, shorthand and jargon, letters spelt out, sounds, capitals and a puzzle's shuffled letters.
_WARM_TEXT = (
    "Whaea Mere said Tama was depressed after the depression in the market, BPD (hx), RTO low.\n"
    "He's SNEILE, unscramble it; she said d-e-l-u-s-i-o-n-a-l and skitzofrenic, s*******a.\n"
    'On q15 obs since 0600, poor EC, lacks insight, MSE: thought disorder? 抑郁症 🙂 "Manic Monday" by the Bangles.'
)

# Prefixes joined to a label without a hyphen ("nonpsychotic", "semimanic"): with one, "semi-manic",
# the label is found as a word of its own. Not "anti": "antipsychotics" is a medicine.
_JOINED_PREFIXES = ("non", "un", "semi", "hyper", "pseudo", "quasi", "super", "ultra", "post", "pre", "sub", "mega")


def _after_prefix(word: str, table: dict[str, Any]) -> str | None:
    """The listed diagnosis of five letters or more after a prefix joined to it, or None."""
    for prefix in _JOINED_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 5:
            value = table.get(rest)
            entry = value[0] if value else None
            if (
                entry is not None
                and entry.kind == "diagnosis"  # not jargon: "unrestrained", "nonaggressive" are plain English
                and not entry.exact_case
                and entry.source not in (HIDDEN_ONLY, COMPOUNDS_ONLY)
            ):
                return rest
    return None


def _rn_for_m(word: str, table: dict[str, Any]) -> str | None:
    """The listed one-word label `word` is with "rn" written for "m" ("rnanic"), or None.

    No English word reads as a label so (every WordNet word and its endings, checked).
    """
    label = word.replace("rn", "m")
    value = table.get(label)
    entry = value[0] if value else None
    if entry is None or entry.exact_case or entry.source in (HIDDEN_ONLY, COMPOUNDS_ONLY):
        return None
    return label


# A word starred out in the middle: one to three letters, three stars or more, one to three letters.
_STARS = re.compile(r"\*{3,}")
_CENSORED = re.compile(r"(?<![^\W_*])([^\W\d_]{1,3})\*{3,}([^\W\d_]{1,3})(?![^\W_*])")


def _starred_index(table: dict[str, Any], starred: Iterable[str]) -> dict[tuple[str, str], list[str]]:
    """The labels a starred word may hide (`builtin_starred`), by first and last letter."""
    index: dict[tuple[str, str], list[str]] = {}
    for word in sorted(starred):
        value = table.get(word)
        entry = value[0] if value else None
        if entry is None or entry.exact_case or entry.source == COMPOUNDS_ONLY:
            continue
        index.setdefault((word[0], word[-1]), []).append(word)
    return index


class LanguageCheck:
    """A checker built once from the vocabulary, a house's extra words and exceptions.

    Building it compiles every word form into lookup tables; `check` is then
    cheap enough to run as people type.

    Args:
        extra: the house's own words: `Entry` objects, mappings or objects
            with `words` (a phrase or a list of phrases), `kind` (one of
            KINDS) and `suggestion`. They win over the built-in words.
        exceptions: phrases never flagged. A finding inside an exception or
            overlapping one is dropped ("bipolar bear" excepted leaves "a
            bipolar bear" alone); a finding that holds an exception and more
            is kept ("depression" excepted still flags "clinical depression").
        builtin: start from the built-in vocabulary (default True).
    """

    def __init__(
        self,
        extra: Iterable[Any] = (),
        exceptions: Iterable[str] = (),
        *,
        builtin: bool = True,
    ) -> None:
        own = [entry_from(item) for item in extra]
        own_exceptions = [str(p) for p in exceptions]
        if builtin:
            tables = _builtin_tables()
            self.entries: tuple[Entry, ...] = tables.entries + tuple(own)
            self.exceptions: tuple[str, ...] = tables.exceptions + tuple(own_exceptions)
            self._rules: Rules | None = tables.rules
            # The hand list's starred and misspelt labels, read with the compiled vocabulary.
            self._hand_lists = (tables.starred, tables.misspelt)
            table: dict[str, Any] = tables.table
            words: frozenset[str] = tables.words
        else:
            self.entries, self.exceptions = tuple(own), tuple(own_exceptions)
            self._rules = None
            self._hand_lists = (builtin_starred(), builtin_misspelt())
            table, words = {}, frozenset()
        if own or own_exceptions or not builtin:
            more = set(words)
            table = dict(table)
            _add_entries(own, table, more)
            _add_exceptions(own_exceptions, table)
            words = frozenset(more)
        # joined-up string -> 0 when it only begins a word or phrase, else
        # (the Entry it is or None, where its own words meet, whether an exception is)
        self._table: dict[str, Any] = table
        self._words = words  # the words and phrases as listed (not their endings)
        self._sounds: dict[str, str] | None = None  # built when first needed (`_sounded`)
        self._anagrams: dict[str, str] | None = None  # built when first needed (`_anagrammed`)
        self._han_labels: tuple[str, ...] | None = None  # built when first needed (`_in_han`)
        self._starred: dict[tuple[str, str], list[str]] | None = None  # built when first needed (`_censored`)
        self._misspellings: Misspellings | None = None  # built when first needed (`_misspelt`)
        self._misspelt_seen: dict[str, Any] = {}  # word -> the label it is written wrong for, or None
        self._sounded_seen: dict[str, str | None] = {}  # word -> the label it sounds like, or None

    @classmethod
    def from_settings(cls, settings: Any) -> LanguageCheck:
        """The checker for a house: built-in words plus its `[language]` settings."""
        return cls(
            extra=getattr(settings, "language_extra", ()),
            exceptions=getattr(settings, "language_exceptions", ()),
        )

    def check(self, text: str) -> list[Finding]:
        """Everything in `text` that the check flags, in order, never overlapping.

        Offsets index `text` exactly as given: check the text as it is
        stored and they point into the stored text; check the text as it is
        typed and they point into that.

        A fault in the check itself flags the whole text as not checked
        (kind `UNCHECKED`): it neither takes the app down with the words
        being typed nor lets words it could not read reach a printed page.
        """
        try:
            found = self._check(text)
            if "_" in text:
                found = self._with_words_apart(text, found)
        except Exception:
            return [Finding(0, len(text), text, UNCHECKED, _UNCHECKED_ADVICE)]
        return found

    def warm(self) -> None:
        """Build now what the check otherwise builds at its first use of each kind of reading.

        The app calls this on a worker thread soon after start-up, so the first note checked (on the
        screen's thread, as someone types) does not wait tens of ms for it.
        """
        self._sounds_table()
        self._han_table()
        self._anagram_table()
        self._starred_table()
        self._misspellings_table()
        # The rules' and senses' own tables, read when a line first needs them.
        self.check(_WARM_TEXT)

    def _sounds_table(self) -> dict[str, str]:
        if self._sounds is None:
            self._sounds = _sounds_of(self._table, self._words)
        return self._sounds

    def _han_table(self) -> tuple[str, ...]:
        if self._han_labels is None:
            # (Keys all in ASCII, nearly all of them, are passed over before any search.)
            self._han_labels = tuple(
                key
                for key, value in self._table.items()
                if not key.isascii() and isinstance(value, tuple) and value[0] is not None and _HAN.search(key)
            )
        return self._han_labels

    def _anagram_table(self) -> dict[str, str]:
        if self._anagrams is None:
            # As long as a run of capitals read for one (`_CAPITAL_RUN`), in ASCII letters.
            labels = [
                key
                for key, value in self._table.items()
                if 6 <= len(key) <= 14
                and isinstance(value, tuple)
                and value[0] is not None
                and key.isascii()
                and key.isalpha()
                and value[0].kind in ("diagnosis", "deficit")
                and not value[0].exact_case
            ]
            anagrams: dict[str, str] = {}
            for key in sorted(labels):  # in order: the same label for the same letters, whatever the table's order
                anagrams.setdefault("".join(sorted(key)), key)
            self._anagrams = anagrams
        return self._anagrams

    def _starred_table(self) -> dict[tuple[str, str], list[str]]:
        if self._starred is None:
            self._starred = _starred_index(self._table, self._hand_lists[0])
        return self._starred

    def _misspellings_table(self) -> Misspellings:
        if self._misspellings is None:
            labels, not_misspelt = self._hand_lists[1]
            table = self._table
            # Every label of one word, read backwards too (those a word of the vocabulary is, backwards, not).
            backwards = (
                w
                for w, found in table.items()
                if isinstance(found, tuple)  # (the rest are the first words of longer labels)
                and found[0] is not None
                and not found[0].exact_case
                and not isinstance(table.get(w[::-1]), tuple)
            )
            self._misspellings = Misspellings.of((w for w in labels if table.get(w)), not_misspelt, backwards)
        return self._misspellings

    def _with_words_apart(self, text: str, found: list[Finding]) -> list[Finding]:
        """Also read words joined by underscores apart, as a user or file name joins them ("schizo_queen99").

        An underscore inside a word is otherwise a letter hidden ("bip_lar"), so both readings count:
        each run of text between spaces that holds such an underscore is read again on its own with
        its underscores as spaces (once, however often it is written), and what that finds overlapping
        nothing found as written is added.
        """
        read: dict[str, list[Finding]] = {}
        more: list[Finding] = []
        run_end = -1
        for joint in _JOINING_UNDERSCORE.finditer(text):
            if joint.start() < run_end:
                continue
            start = joint.start()
            while start and not text[start - 1].isspace():
                start -= 1
            run = _RUN_AROUND.match(text, start)
            if run is None:  # (never: an underscore is not a space)
                continue
            run_end = run.end()
            piece = run.group()
            if piece not in read:
                read[piece] = self._check(_JOINING_UNDERSCORE.sub(lambda u: " " * len(u.group()), piece))
            at = run.start()
            more += [
                Finding(at + f.start, at + f.end, text[at + f.start : at + f.end], f.kind, f.suggestion)
                for f in read[piece]
            ]
        # Both lists are in order and never overlap within themselves: a finding read apart is
        # checked against the two found as written on either side of where it starts.
        starts = [f.start for f in found]
        added = []
        for f in more:
            at = bisect_left(starts, f.start)
            if not any(g.start < f.end and f.start < g.end for g in found[max(0, at - 1) : at + 1]):
                added.append(f)
        return sorted(found + added, key=lambda f: f.start) if added else found

    def _check(self, text: str) -> list[Finding]:
        if not text:
            return []
        found = tokens(text)
        if not len(found):
            return []
        candidates, exception_spans = self._vocabulary(found)
        written_otherwise = self._sounded(found)
        if "***" in found.folded:
            candidates += self._censored(found)
        if found.longest >= 4:
            written_otherwise += self._misspelt(found)
        if written_otherwise:
            candidates += written_otherwise
            # Read as the label, the word may be an exception's: "alkoholic drinks", "non-alcholic".
            exception_spans += self._exceptions_as_read(found, written_otherwise)
        candidates += self._said_letter_by_letter(found)
        if _CAPITAL_RUN.search(text) is not None and not text.isupper():
            candidates += self._anagrammed(text, found)
        if _HAN.search(text) is not None:
            candidates += self._in_han(text, found)
        edges = found._edges
        starts, ends = edges[0::2], edges[1::2]
        rules = self._rules
        fallbacks: list[tuple[int, int, Entry, str]] = []
        if rules is not None:
            ruled, fallen = rules.find(text, found, starts, ends)
            if ruled:
                candidates += [(s, e, entry, "") for s, e, entry in ruled]
            if fallen:
                fallbacks = [(s, e, entry, "") for s, e, entry in fallen]
        if not candidates and not fallbacks:
            return []
        if exception_spans:
            exception_spans.sort()
            exception_starts = [s for s, _ in exception_spans]
            longest_exception = max(e - s for s, e in exception_spans)
        taken: list[tuple[int, int, Entry]] = []
        # A long text of the same few findings over and over ("b1p0lar b1p0lar ..."): their everyday
        # senses are remembered by their surroundings. Varied findings are read each afresh (cheaper).
        seen: dict[tuple[Any, ...], bool] | None = None
        capitals_seen: dict[tuple[str, int, int], bool] | None = None
        if len(candidates) > _MANY_FINDINGS and len({c[3] for c in candidates}) * 4 < len(candidates):
            seen, capitals_seen = {}, {}
        for group in (candidates, fallbacks) if fallbacks else (candidates,):
            if len(group) > 1:
                group.sort(key=_by_start_longest_first)
            last_end = -1
            covered = (-1, -1)
            spans = sorted(taken, key=_by_start) if group is fallbacks else []
            for start, end, entry, key in group:
                if start < last_end:
                    continue
                if spans and _overlaps(start, end, spans):
                    continue
                if exception_spans and _excepted(start, end, exception_spans, exception_starts, longest_exception):
                    continue
                if (
                    rules is not None
                    and rules.sense.may_be_everyday(text, found, start, end, entry, key)
                    # Written to hide it, it is no title, name or thing ("called him 'ScHiZoPhReNiC'").
                    and not _disguised(text[slice(*found.original(start, end))])
                ):
                    first = bisect_left(starts, start)
                    last = found.at(end - 1)  # the token holding its last character ("Imp:" ends past one)
                    if (
                        rules.sense.everyday(text, found, starts, first, last, entry, key)
                        if seen is None
                        else rules.sense.everyday_in(seen, text, found, starts, first, last, entry, key)
                    ):
                        continue
                if entry.exact_case and not self._capitals_meant_in(capitals_seen, text, *found.original(start, end)):
                    continue
                if (
                    entry.source == HIDDEN_ONLY
                    and not self._hidden(text, found, start, end, key)
                    and not self._graded(found, start)
                ):
                    # The guest's own word as written, and so is every word wholly inside it
                    # ("anti-psychotics"; not "harm risk" in "self-harm risk", which runs on past it).
                    covered = (start, end)
                    continue
                if covered[0] <= start and end <= covered[1]:
                    continue
                taken.append((start, end, entry))
                last_end = end
        if fallbacks:
            taken.sort(key=_by_start)
        if taken and ("(" in text or "," in text or "–" in text or "—" in text):
            taken = self._not_spelt_otherwise(text, found, taken)
        if taken:
            # However long the text: a line's findings never depend on what else was written with it.
            taken = self._coordinated(text, found, taken)
            if rules is not None:
                beside = rules.shorthand_beside(text, found, taken)
                if beside:
                    taken = sorted(taken + beside, key=_by_start)
        original = found.original
        findings = []
        for start, end, entry in taken:
            s, e = original(start, end)
            findings.append(Finding(s, e, text[s:e], entry.kind, entry.suggestion))
        return findings

    @staticmethod
    def _not_spelt_otherwise(
        text: str, found: Tokens, taken: list[tuple[int, int, Entry]]
    ) -> list[tuple[int, int, Entry]]:
        """The findings, less acronyms their line spells out in plain words ("partial discharge (PD)")."""
        original = found.original
        kept = []
        shown = [original(start, end) for start, end, _entry in taken]
        for (start, end, entry), (s, e) in zip(taken, shown, strict=True):
            spelt = spelt_out(text, s, e)
            if spelt is not None and not any(a < spelt[1] and spelt[0] < b for a, b in shown):
                continue  # the letters stand for the plain words beside them, which flag nothing
            kept.append((start, end, entry))
        return kept

    def _vocabulary(self, found: Tokens) -> tuple[list[tuple[int, int, Entry, str]], list[tuple[int, int]]]:
        """The vocabulary's words in the tokens, and the exceptions' spans, in folded offsets."""
        words, joined, alts = found.words, found.joined, found.alts
        get = self._table.get
        edges = found._edges
        candidates: list[tuple[int, int, Entry, str]] = []
        exception_spans: list[tuple[int, int]] = []
        count = len(words)
        table = self._table
        known_readings: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        if alts is None:
            starting = [i for i, word in enumerate(words) if word in table]
        else:
            starting = [i for i, word in enumerate(words) if word in table or alts[i]]
        for i in starting:
            if alts is None or not alts[i]:
                # The common path: each token read only as it is written.
                joined_up = ""
                j = i
                marks = len(candidates), len(exception_spans)
                detour = False
                while True:
                    joined_up += words[j]
                    value = get(joined_up)
                    if value is None:
                        break
                    if value:
                        hit, breaks, excepted = value
                        if hit is not None and (j == i or _splits_fit(words, joined, i, j, breaks)):
                            candidates.append((edges[2 * i], edges[2 * j + 1], hit, joined_up))
                        if excepted:
                            exception_spans.append((edges[2 * i], edges[2 * j + 1]))
                    j += 1
                    if j == count or not joined[j]:
                        break
                    if alts is not None and alts[j]:
                        # A token ahead is read in more ways than one: start again, below.
                        del candidates[marks[0] :], exception_spans[marks[1] :]
                        detour = True
                        break
                if not detour:
                    continue
            # Some token is read in more ways than one ("b1p0lar": as written, and as "bipolar").
            stack: list[tuple[int, str, bool]] = [(i, "", False)]
            while stack:
                j, before, read = stack.pop()
                readings = alts[j] if alts else ()
                if readings:
                    # Only the readings the table knows after what came before can lead anywhere: worked
                    # out once per way of reading a token after the same words in this text (a hostile
                    # text repeats one thousands of times).
                    known = known_readings.get((before, readings))
                    if known is None:
                        known = tuple(a for a in readings if get(before + a) is not None)
                        known_readings[before, readings] = known
                    readings = known
                for option, other in ((words[j], False), *((a, True) for a in readings)):
                    joined_up = before + option
                    value = get(joined_up)
                    if value is None:
                        continue
                    by_reading = read or other
                    if value:
                        hit, breaks, excepted = value
                        if (
                            hit is not None
                            and not (by_reading and hit.exact_case)
                            and (j == i or _splits_fit(words, joined, i, j, breaks))
                        ):
                            candidates.append((edges[2 * i], edges[2 * j + 1], hit, joined_up))
                        if excepted:
                            exception_spans.append((edges[2 * i], edges[2 * j + 1]))
                    if j + 1 < count and joined[j + 1]:
                        stack.append((j + 1, joined_up, by_reading))
        return candidates, exception_spans

    def _sounded(self, found: Tokens) -> list[tuple[int, int, Entry, str]]:
        """Words spelt as they sound ("skitzofrenic", "sykotic", "boarderline"): a diagnosis or label
        of six letters or more, written another way that sounds the same."""
        words, alts = found.words, found.alts
        if found.longest < 4:
            return []
        sounds, table, edges = self._sounds_table(), self._table, found._edges
        # An English noun WordNet knows is itself, not a label heard in it ("creatin", not "cretin").
        english = self._rules.sense.nouns.kind if self._rules is not None else (lambda _word: "")
        hits = []
        count = len(words)
        gaps = found.gaps
        # Only tokens of six letters or more, tokens with readings and tokens a hyphen joins are heard: picked
        # out first in comprehensions (most tokens of a line are short words with none).
        heard_at = {k for k, word in enumerate(words) if len(word) >= 6}
        if alts is not None:
            heard_at.update(k for k, a in enumerate(alts) if a)
        if "-" in gaps:
            heard_at.update(k - 1 for k, gap in enumerate(gaps) if gap == "-" and k > 0)
        seen = self._sounded_seen
        if len(seen) > _MISSPELT_SEEN_AT_MOST:
            seen.clear()
        for k in sorted(heard_at):
            word = words[k]
            # As written; in its readings ("del00sional"); and joined to the piece after a hyphen ("sy-kotik"),
            # each with the token it ends at.
            readings = alts[k] if alts is not None and alts[k] and not word.isalpha() else ()
            hyphened = k + 1 < count and gaps[k + 1] == "-" and word.isalpha() and words[k + 1].isalpha()
            if not readings and not hyphened:
                if len(word) < 6:
                    continue
                # A word alone: what it sounds like is the same wherever it stands (remembered: a text is
                # checked again at each key typed, and most of its words are everyday ones).
                if word in seen:
                    alone = seen[word]
                else:
                    alone = seen[word] = (
                        sounds.get(sound(word))
                        if word.isalpha() and not table.get(word) and not english(word)
                        else None
                    )
                if alone is not None:
                    hits.append((edges[2 * k], edges[2 * k + 1], table[alone][0], alone))
                continue
            heard = [(word, k), *((a, k) for a in readings)]
            if hyphened:
                heard.append((word + words[k + 1], k + 1))
            for form, end in heard:
                if len(form) >= 6 and form.isalpha() and not table.get(form) and not english(form):
                    listed = sounds.get(sound(form))
                    if listed is not None:
                        hits.append((edges[2 * k], edges[2 * end + 1], table[listed][0], listed))
                        break
        return hits

    def _in_han(self, text: str, found: Tokens) -> list[tuple[int, int, Entry, str]]:
        """Labels written in Chinese characters, wherever they stand: Chinese puts no space between words."""
        table = self._table
        hits = []
        for label in self._han_table():
            at = text.find(label)
            while at >= 0:
                start, end = found.folded_offset(at), found.folded_offset(at + len(label) - 1) + 1
                hits.append((start, end, table[label][0], label))
                at = text.find(label, at + len(label))
        return hits

    def _anagrammed(self, text: str, found: Tokens) -> list[tuple[int, int, Entry, str]]:
        """A label of six letters or more with its letters shuffled, in capitals as a puzzle or a card sets
        it ("unscramble SITUATIC", "he's SNEILE"): no English word of WordNet's, nor a word of the vocabulary,
        nor one ending as English words do ("STARRED", "RETREADS", "FRESHLY"); and in a line about a puzzle,
        or said of someone. Brands, codes and names in capitals ("AMNICA", "CASTILUN") are left alone."""
        table, anagrams = self._table, self._anagram_table()
        kind = self._rules.sense.nouns.kind if self._rules is not None else (lambda _word: "")
        hits = []
        for m in _CAPITAL_RUN.finditer(text):
            word = m.group().lower()
            label = anagrams.get("".join(sorted(word)))
            if label is None or label == word or table.get(word) or kind(word) or word.endswith(_ENGLISH_ENDINGS):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            if (
                _PUZZLE.search(text, line_start, line_end if line_end >= 0 else len(text)) is None
                and _SAID_OF.search(text, max(0, m.start() - 10), m.start()) is None
            ):
                continue
            start, end = found.folded_offset(m.start()), found.folded_offset(m.end() - 1) + 1
            hits.append((start, end, table[label][0], label))
        return hits

    def _said_letter_by_letter(self, found: Tokens) -> list[tuple[int, int, Entry, str]]:
        """An abbreviation of a diagnosis written as its letters sound ("bee pee dee", "oh see dee",
        "ay dee aitch dee"): three letters or more, each named, with only spaces or hyphens between."""
        words, gaps, names = found.words, found.gaps, _LETTER_NAMES
        # One mark a word, "1" for a letter's name: runs of three or more are found at C speed.
        marks = "".join(["1" if w in names else "0" for w in words])
        if "a" in words or "i" in words:
            # "a" and "i" name their letters only hyphened to another's name ("a-dee-aitch-dee").
            count = len(words)
            marks = "".join(
                [
                    "1"
                    if mark == "1"
                    or (
                        words[k] in _LONE_LETTERS
                        and (
                            (k + 1 < count and gaps[k + 1] in _HYPHENS and words[k + 1] in names)
                            or (k > 0 and gaps[k] in _HYPHENS and words[k - 1] in names)
                        )
                    )
                    else "0"
                    for k, mark in enumerate(marks)
                ]
            )
        hits: list[tuple[int, int, Entry, str]] = []
        for m in _THREE_OR_MORE.finditer(marks):
            # A comma or the like between two names ends a run ("oh see, dee pee ess": two runs).
            cuts = [j for j in range(m.start() + 1, m.end()) if _LETTER_GAP.fullmatch(gaps[j]) is None]
            for k, run in pairwise([m.start(), *cuts, m.end()]):
                if run - k >= 3:
                    hits += self._abbreviation_said(found, k, run)
        return hits

    def _abbreviation_said(self, found: Tokens, k: int, run: int) -> list[tuple[int, int, Entry, str]]:
        """The abbreviation of a diagnosis among the letters named by tokens k..run-1, if one is there."""
        letters = "".join(_LETTER_NAMES.get(w) or _LONE_LETTERS[w] for w in found.words[k:run])
        edges, table = found._edges, self._table
        for first in range(k, run - 2):  # "say bee pee dee": the letters may start late
            for last in range(run - 1, first + 1, -1):
                spelt = letters[first - k : last - k + 1]
                value = table.get(spelt)
                entry = value[0] if value else None
                if entry is not None and entry.kind == "diagnosis" and entry.source not in _NOT_SPELT_SOURCES:
                    # Said aloud, an abbreviation has no case ("dee eye dee" is DID, not "did").
                    said = dataclasses.replace(entry, exact_case=False) if entry.exact_case else entry
                    return [(edges[2 * first], edges[2 * last + 1], said, spelt)]
        return []

    def _misspelt(self, found: Tokens) -> list[tuple[int, int, Entry, str]]:
        """A common label one letter off, without its vowels or backwards ("dilusional", "dprssn")."""
        misspellings, table, edges = self._misspellings_table(), self._table, found._edges
        seen = self._misspelt_seen
        if len(seen) > _MISSPELT_SEEN_AT_MOST:
            seen.clear()
        words = found.words
        written_wrong: dict[str, str] = {}
        for word in set(words):  # each word once, however often it is written
            if len(word) < 4:
                continue
            label = seen.get(word, _UNSEEN)
            if label is _UNSEEN:
                # Remembered too: a text is checked again at each key typed.
                label = None
                if not table.get(word):
                    label = misspellings.label_in(word)
                    if label is None and "rn" in word:
                        label = _rn_for_m(word, table)
                    if label is None and len(word) >= 8 and word.startswith(_JOINED_PREFIXES):
                        label = _after_prefix(word, table)
                seen[word] = label
            if label is not None:
                written_wrong[word] = label
        hits: list[tuple[int, int, Entry, str]] = []
        for k, word in enumerate(words) if written_wrong else ():
            label = written_wrong.get(word)
            if label is not None:
                entry = table[label][0]
                if entry is not None and not entry.exact_case:
                    hits.append((edges[2 * k], edges[2 * k + 1], entry, label))
        alts = found.alts
        for k, readings in enumerate(alts) if alts is not None else ():
            # A word hidden and written wrong too ("an@rex1c", read "anarexic"): its first readings, of
            # digits and symbols as the letters they look like (not all of a wildcard's two dozen).
            if not readings or table.get(words[k]):
                continue
            for reading in readings[:_READINGS_SPELT_AT_MOST]:
                if len(reading) < 4 or table.get(reading):
                    continue
                label = misspellings.label_in(reading)
                if label is None:
                    continue
                entry = table[label][0]
                if entry is not None and not entry.exact_case:
                    hits.append((edges[2 * k], edges[2 * k + 1], entry, label))
                    break
        if JOINED in found.joined:
            hits += self._misspelt_in_pieces(found, misspellings)
        return hits

    def _exceptions_as_read(self, found: Tokens, hits: list[tuple[int, int, Entry, str]]) -> list[tuple[int, int]]:
        """The exceptions' spans that words written otherwise make, each read as the label it was found as."""
        words, joined, edges, get = found.words, found.joined, found._edges, self._table.get
        count = len(words)
        spans: list[tuple[int, int]] = []
        for start, end, _entry, label in hits:
            k = bisect_left(edges, start) // 2
            if k >= count or edges[2 * k + 1] != end:
                continue  # (a label heard across a hyphen: two tokens)
            # Phrases of up to four tokens around it, as `_vocabulary` joins them.
            first = k
            while first > 0 and k - first < 3 and joined[first]:
                first -= 1
            for i in range(first, k + 1):
                joined_up = "".join(words[i:k]) + label
                j = k
                while True:
                    value = get(joined_up)
                    if value is None:
                        break
                    if value and value[2]:
                        spans.append((edges[2 * i], edges[2 * j + 1]))
                    j += 1
                    if j == count or not joined[j] or j - i > 3:
                        break
                    joined_up += words[j]
        return spans

    def _misspelt_in_pieces(self, found: Tokens, misspellings: Misspellings) -> list[tuple[int, int, Entry, str]]:
        """A label written wrong in two pieces joined by a hyphen or a dot ("bi-poler", "skizo-frenia")."""
        words, joined, edges, table = found.words, found.joined, found._edges, self._table
        hits: list[tuple[int, int, Entry, str]] = []
        for k in range(1, len(words)):
            if joined[k] != JOINED or not (words[k - 1].isalpha() and words[k].isalpha()):
                continue
            word = words[k - 1] + words[k]
            # (Not where a piece is a word of the vocabulary itself: "b-b-bipolar" is found as written.)
            if len(word) < 6 or table.get(word) or table.get(words[k - 1]) or table.get(words[k]):
                continue
            label = self._misspelt_seen.get(word, _UNSEEN)
            if label is _UNSEEN:
                label = self._misspelt_seen[word] = misspellings.label_in(word)
            entry = table[label][0] if label is not None else None
            if entry is not None and not entry.exact_case:
                hits.append((edges[2 * (k - 1)], edges[2 * k + 1], entry, label))
        return hits

    def _censored(self, found: Tokens) -> list[tuple[int, int, Entry, str]]:
        """A label with its middle starred out ("s*******a", "ps****tic"): its first and last letters,
        three stars or more between (as many as its letters or not), and no shorter than half of it."""
        starred = self._starred_table()
        hits = []
        folded = found.folded
        # Read only around each run of stars (a search for the whole pattern tries every position).
        starts = {max(0, stars.start() - 3) for stars in _STARS.finditer(folded)}
        for m in (m for at in sorted(starts) if (m := _CENSORED.search(folded, at, at + 80)) is not None):
            head, tail = m.group(1), m.group(2)
            shown = m.end() - m.start()
            fits = [
                w
                for w in starred.get((head[0], tail[-1]), ())
                if w.startswith(head) and w.endswith(tail) and shown - 2 <= len(w) <= 2 * shown + 2
            ]
            if fits:
                listed = min(fits, key=lambda w: (abs(len(w) - shown), w))
                hits.append((m.start(), m.end(), self._table[listed][0], listed))
        return hits

    def _hidden(self, text: str, found: Tokens, start: int, end: int, key: str) -> bool:
        """Whether the word found as `key` at start..end (folded offsets) is written so as to hide it.

        "pαrαnoid", "p@ranoid", "parrranoid", "p.a.r.a.n.o.i.d": written any
        other way than its own letters (in any case, with an apostrophe).
        Not when the guest says it of themselves ("I was sooo paranoiiid").
        """
        s, e = found.original(start, end)
        if _case_changes(text[s:e]) >= 3:
            return True  # "pArAnOiD": capitals put in to hide it
        pieces = _PHRASE_GAPS.split(text[s:e].casefold())
        value = self._table.get(key)
        meet = value[1] if value else frozenset()  # where the words of the phrase as listed meet
        if "".join(pieces) == key:
            # Its own letters, with a gap only where its words meet ("self-harm"), after a prefix
            # ("anti-psychotics") or before "'s"; cut anywhere else, it is hidden ("para-noid").
            cuts = {
                at
                for at, piece in zip(accumulate(map(len, pieces[:-1])), pieces[:-1], strict=True)
                if piece not in _HYPHENED_PREFIXES
            }
            if pieces[-1] == "s":
                cuts.discard(len(key) - 1)
            return not cuts <= meet
        if "".join(pieces) == key[::-1]:
            return True  # written backwards ("enilredrob"): no one says it so
        if any(not c.isascii() or c.isdigit() for c in text[s:e]):
            # Letters swapped for look-alikes or digits ("my ραrαnοid neighbour") hide the word whoever
            # writes it; letters drawn out ("I was sooo paranoiiid") are how a guest says it.
            return True
        rules = self._rules
        return rules is None or not rules.first_person_before(found, found.at(start))

    def _coordinated(
        self, text: str, found: Tokens, taken: list[tuple[int, int, Entry]]
    ) -> list[tuple[int, int, Entry]]:
        """`taken` with two capitals listed beside a diagnosis: "ASD and LD", "BPD/PD", "ID and autism".

        Two capitals alone may be a guest's initials, so they are left alone;
        listed with a diagnosis's abbreviation they are another one.
        """
        words = found.words
        if _LISTED_ABBREVIATIONS.isdisjoint(words):
            return taken  # nothing that could be listed: most texts
        starts, ends = found.starts(), found.ends()
        added: list[tuple[int, int, Entry]] = []
        spans = {(start, end) for start, end, _entry in taken}
        original = found.original
        for start, end, entry in taken:
            if entry.kind != "diagnosis":
                continue
            for k in _listed_beside(found, found.at(start), found.at(end - 1)):
                span = (starts[k], ends[k])
                if (
                    words[k] in _LISTED_ABBREVIATIONS
                    and span not in spans
                    and in_capitals(text[slice(*original(*span))])
                ):
                    added.append((*span, _LISTED))
                    spans.add(span)
        return sorted(taken + added, key=_by_start) if added else taken

    def _graded(self, found: Tokens, start: int) -> bool:
        """Whether the everyday-alone word at `start` is graded as staff track a label: "more paranoid"."""
        first = found.at(start)
        words, joined = found.words, found.joined
        if first == 0 or joined[first] != SPACED:
            return False
        grader = first - 1
        if words[grader] == "be" and grader >= 2 and words[grader - 1] == "to" and joined[grader] == SPACED:
            grader -= 2  # "known to be self-harming", "thought to be paranoid"
        if words[grader] not in _GRADERS and words[grader] not in _THOUGHT_TO_BE:
            return False
        if words[grader] in _THOUGHT_TO_BE and grader == first - 1:
            return False  # "thought paranoid" alone is no grading; "thought to be" is
        rules = self._rules
        return rules is None or not rules.first_person_before(found, first)

    def _capitals_meant_in(
        self, seen: dict[tuple[str, int, int], bool] | None, text: str, start: int, end: int
    ) -> bool:
        """`_capitals_meant`, remembered in `seen` by what it reads: the text 40 characters either side."""
        if seen is None:
            return self._capitals_meant(text, start, end)
        low = max(0, start - _CAPITALS_READ)
        key = (text[low : end + _CAPITALS_READ + 1], start - low, end - low)
        meant = seen.get(key)
        if meant is None:
            meant = seen[key] = self._capitals_meant(key[0], key[1], key[2])
        return meant

    def _capitals_meant(self, text: str, start: int, end: int) -> bool:
        """An abbreviation that is also a word (ADD, DID) counts only in capitals.

        An abbreviation that is no English word ("CRHTT", "ETOH") counts
        whatever stands around it. One that is a word is not counted when shouted (a neighbouring word in capitals too, "I DID IT"),
        nor straight after a subject, "to" or a feeling word ("I DID", "to
        ADD", "felt SAD"): then it is the everyday word said loudly.
        """
        letters = [c for c in visible(text[start:end]) if c.isalpha()]
        if len(letters) >= 3 and letters[-1] == "s":
            letters.pop()  # a plural in capitals: "TTOs", "APs"
        rules = self._rules
        no_word = rules is not None and "".join(letters).casefold() not in rules.nouns.caps
        if no_word and len(letters) >= 3 and sum(c.isupper() for c in letters) >= 2:
            return True  # "EtOH", "SpR": written as the abbreviation is, and no English word
        if not letters or not all(c.isupper() for c in letters):
            return False
        if text[end : end + 1] == "!":
            return False  # "AH!", "DID!": said aloud
        if no_word:
            return True  # "CRHTT", "ETOH": no English word, so never a word said loudly
        line_start = text.rfind("\n", max(0, start - _CAPITALS_READ), start) + 1
        line_end = text.find("\n", end, end + _CAPITALS_READ)
        before = _WORD_BEFORE.search(text, max(line_start, start - _CAPITALS_READ), start)
        stop = line_end if line_end >= 0 else min(len(text), end + _CAPITALS_READ)
        after = _WORD_AFTER.match(text, end, stop)
        if after is not None and visible(after.group(1)).isdigit():
            after = _WORD_AFTER.match(text, after.end(), stop)  # "ADD 2 CUPS FLOUR": the word after the number
        if before is not None and visible(before.group(1)).casefold() in _SUBJECTS:
            return False
        for neighbour in (before, after):
            if neighbour is None or "/" in neighbour.group():
                continue  # "SI/HI": a list of abbreviations, not shouting
            if any(mark in neighbour.group() for mark in ":;.!?()"):
                continue  # "the PDF: SI passive": another clause, not shouting
            word = visible(neighbour.group(1))
            # (Two letters at least: "CRT - 34F" is no shouting.)
            if sum(c.isalpha() for c in word) >= 2 and word.isupper() and word.casefold() not in self._words:
                return False
        return True


@dataclass(frozen=True)
class _Tables:
    entries: tuple[Entry, ...]
    exceptions: tuple[str, ...]
    table: dict[str, Any]
    words: frozenset[str]
    rules: Rules
    starred: frozenset[str]
    misspelt: tuple[tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=1)
def _builtin_tables() -> _Tables:
    """The built-in vocabulary compiled once, shared by every checker built on it.

    Compiling takes a few tenths of a second; the result is kept on disk
    (`cache`) so the next process only reads it back.
    """
    compiled = cache.load()
    if compiled is None:
        entries: Sequence[Entry] = builtin_entries()
        exceptions: Sequence[str] = builtin_exceptions()
        table: dict[str, Any] = {}
        words: set[str] = set()
        _add_entries(entries, table, words)
        alone = builtin_alone()
        _add_alone(alone, table, words)
        entries = [*entries, *(e for pair in alone for e in pair if e is not None)]
        _add_exceptions(exceptions, table)
        near: Sequence[Any]
        senses: Sequence[Any]
        near, senses = builtin_rules()
        physical: Iterable[str] = physical_words()
        nouns: Sequence[frozenset[str]] = thing_words()
        starred, misspelt = builtin_starred(), builtin_misspelt()
        cache.save(entries, exceptions, table, words, near, senses, physical, nouns, starred, misspelt)
    else:
        entries, exceptions, table, words, near, senses, physical, nouns, starred, misspelt = compiled
    mental = frozenset(k for k in words if _is_diagnosis(table[k]))
    rules = Rules(near_rules(near), sense_rules(senses), frozenset(physical), mental, Nouns(*nouns))
    return _Tables(tuple(entries), tuple(exceptions), table, frozenset(words), rules, starred, misspelt)


def _is_diagnosis(value: Any) -> bool:
    """A table value for a one-word diagnosis ("schizophrenia", not "paranoid schizophrenia")."""
    return bool(value) and value[0] is not None and value[0].kind == "diagnosis" and not value[1]


def _add_entries(entries: Iterable[Entry], table: dict[str, Any], words: set[str]) -> None:
    """Compile entries into the table: their words and phrases, with plurals and derived forms.

    A word or phrase as listed wins over another's ending or derived form;
    of two entries listing the same words, the later wins.
    """
    closed: set[str] = set()
    for entry in entries:
        for phrase in entry.words:
            key, breaks = squash_with_breaks(phrase)
            old: Any = table.get(key)
            if old and key in words:
                breaks |= old[1]
            # Made from another word too, with a hyphen allowed where that word ends ("depress-y"):
            # found so as well, though its own forms are still made as of one word.
            made = old[1] if old and not entry.exact_case else frozenset()
            table[key] = (entry, breaks | made, bool(old) and old[2])
            words.add(key)
            _add_prefixes(key, breaks, table, closed)
            if entry.exact_case:
                # Only the plural: an abbreviation takes no other ending ("CTOs", "DAOs").
                if key + "s" not in words and not table.get(key + "s"):
                    table[key + "s"] = (entry, breaks, False)
                continue
            forms = [(key + ending, breaks) for ending in ENDINGS]
            if key.endswith("y") and len(key) > 3:
                forms.append((key[:-1] + "ies", breaks))  # "disability", "disabilities"
            if key.isalpha() and len(key) >= 3:
                forms += [(form, breaks | more) for form, more in derived_forms(key, multiword=bool(breaks))]
            for form, form_breaks in forms:
                if form in words:
                    # Listed as it is ("depressy"): also where its own making allows a hyphen ("depress-y").
                    old = table[form]
                    if form_breaks - old[1] and not old[0].exact_case:
                        table[form] = (old[0], old[1] | form_breaks, old[2])
                    continue
                old = table.get(form)
                table[form] = (entry, form_breaks, bool(old) and old[2])


def _add_alone(alone: Iterable[tuple[Entry, Entry | None]], table: dict[str, Any], words: set[str]) -> None:
    """Compile the everyday-alone words: each as written (found only when hidden), and its derived forms.

    A word or form the vocabulary already flags keeps its own entry.
    """
    closed: set[str] = set()
    for hidden, bent in alone:
        for phrase in hidden.words:
            key, breaks = squash_with_breaks(phrase)
            if table.get(key):
                continue
            table[key] = (hidden, breaks, False)
            _add_prefixes(key, breaks, table, closed)
            if bent is None:
                continue
            if bent.source == COMPOUNDS_ONLY:
                forms = [(key + ending, breaks | {len(key)}) for ending in COMPOUNDS]
            else:
                forms = [(key + ending, breaks) for ending in ENDINGS]
                forms += [(form, breaks | more) for form, more in derived_forms(key, multiword=bool(breaks))]
            for form, form_breaks in forms:
                if form not in words and not table.get(form):
                    table[form] = (bent, form_breaks, False)


def _listed_beside(found: Tokens, first: int, last: int) -> list[int]:
    """The tokens listed right beside tokens first..last: by a mark ("ASD/LD") or a word ("LD and ASD")."""
    words, gaps = found.words, found.gaps
    beside = []
    for k, step in ((last + 1, 1), (first - 1, -1)):
        if not 0 <= k < len(words):
            continue
        between = gaps[k] if step > 0 else gaps[first]
        if between in _LISTING_MARKS:
            beside.append(k)
        elif words[k] in _LISTING and not between.strip():
            far = k + step
            if 0 <= far < len(words) and not (gaps[far] if step > 0 else gaps[k]).strip():
                beside.append(far)
    return beside


_HIDING_MARK = re.compile(r"[^\W\d_][\d@$]|[\d@$][^\W\d_]|(?<![^\s'\"‘“(])[@$][^\W_]")


def _disguised(written: str) -> bool:
    """Whether a finding is written so as to hide it: capitals put in ("ScHiZo"), or digits,
    symbols or other scripts' letters among its letters ("@n0rex1c", "ραrαnοid", "🅱️ipolar")."""
    plain = written.isascii()
    if plain and (written.islower() or written.isupper() or written.istitle()) and not _HIDING_MARK.search(written):
        return False  # most findings: their own letters in one case (read once, cheaply)
    if _case_changes(written) >= 3:
        return True
    if sum(c.isalpha() for c in written) < 3:
        return False
    # (A digit beside a letter, not a number after a word: "sch1z0", not "COWS 6".)
    return _HIDING_MARK.search(written) is not None or (
        not plain and any(not c.isascii() and unicodedata.category(c)[0] in "LNS" for c in written)
    )


def _case_changes(written: str) -> int:
    """How often the letters of `written` change between capitals and small letters, after the first."""
    letters = [c.isupper() for c in written if c.isalpha()][1:]
    return sum(a != b for a, b in pairwise(letters))


def _sounds_of(table: dict[str, Any], words: frozenset[str]) -> dict[str, str]:
    """How each listed one-word diagnosis, label or hidden-only word of six letters or more sounds."""
    sounded = sorted(
        key
        for key, value in table.items()
        if len(key) >= 6
        and value
        and value[0] is not None
        and key.isalpha()
        and (
            value[0].source == HIDDEN_ONLY
            or (key in words and not value[0].exact_case and value[0].kind in _SOUNDED_KINDS)
            or key in _SOUNDED_TOO
        )
    )
    # In order, so the same key stands for a sound shared by two words whatever the table's order.
    sounds: dict[str, str] = {}
    for key in sounded:
        sounds.setdefault(sound(key), key)
    return sounds


_SOUNDED_KINDS = frozenset(["diagnosis", "deficit", "jargon"])
# Compliance talk sounded out only for "sectioned" ("sekshuned"): its other words sound like a parent's
# "checked" ("cheeked", hiding a tablet) and the like.
_SOUNDED_TOO = frozenset(["sectioned"])


def _add_exceptions(phrases: Iterable[str], table: dict[str, Any]) -> None:
    closed: set[str] = set()
    for phrase in phrases:
        key, breaks = squash_with_breaks(phrase)
        for form in (key, *(key + ending for ending in ENDINGS)):
            old: Any = table.get(form)
            table[form] = (old[0], old[1], True) if old else (None, frozenset(), True)
        _add_prefixes(key, breaks, table, closed)


def _add_prefixes(key: str, breaks: frozenset[int], table: dict[str, Any], closed: set[str]) -> None:
    """Mark what the walk must go on from: every prefix of the first word, and the key up to each later word.

    A text may split a word anywhere ("schizo phrenic", "bi-polar"), but a
    later word of a phrase only where the phrase has its own break: "mental
    and behav ioural" is not looked for. `closed` holds prefixes whose own
    prefixes are all marked, so a shared start is walked once.
    """
    first = min(breaks) if breaks else len(key)
    for n in range(first, 0, -1):
        prefix = key[:n]
        if prefix in closed:
            break
        closed.add(prefix)
        table.setdefault(prefix, 0)
    for n in breaks:
        table.setdefault(key[:n], 0)
    # A later word spelt out or cut up to hide it ("attention s.e.e.k.i.n.g"):
    # `_splits_fit` sees through only such cuts, so its prefixes are walked too.
    for n in range(first + 1, len(key)):
        table.setdefault(key[:n], 0)


def derived_forms(key: str, multiword: bool = False) -> list[tuple[str, frozenset[int]]]:
    """A single flagged word's derived forms, each with where a hyphen or space may stand in it.

    "ocd" gives "ocdy", "ocdish" ("OCD-ish"); "manic" "manicky",
    "manically"; "delusional" "delusionally"; "dissociative"
    "dissociating", "dissociation"; "somatisation" "somatised".
    """
    forms: dict[str, frozenset[int]] = {}
    at_end = frozenset([len(key)])
    if multiword:
        # "obsessive compulsive" gives "obsessive-compulsively", "obsessive-compulsivey",
        # "borderline-personalityish"
        for tail, _, endings in ADDED_AFTER:
            if key.endswith(tail) and tail in ("c", "al", "ive", "ous"):
                forms.update((key + ending, frozenset()) for ending in endings)
        forms.update((key + ending, at_end) for ending in ("y", "ey", "ish", "esque"))
        return [(form, breaks) for form, breaks in forms.items() if form not in NEVER_DERIVED]
    if len(key) >= 4 or len(key) == 3:
        for ending in (*ADDED, *COMPOUNDS) if len(key) >= 4 else ("y", "ish", "ing"):
            # (Run in only for "-ed": "psychosis - ED" is the emergency department.)
            forms[key + ending] = at_end if ending != "ed" else frozenset()
    if len(key) >= 4:
        for tail, drop, endings in ADDED_AFTER:
            if key.endswith(tail):
                stem = key[: len(key) - drop]
                for ending in endings:
                    forms.setdefault(stem + ending, at_end if stem == key else frozenset())
        # Said lightly, a hyphen allowed before the ending: "dementish", "dement-ish", "depress-y".
        for tail, drop, endings in (("ia", 2, ("ish", "ishy")), ("ssion", 3, ("y", "ey"))):
            stem = key[:-drop] if key.endswith(tail) else ""
            if len(stem) >= MIN_STEM:
                for ending in endings:
                    forms.setdefault(stem + ending, frozenset([len(stem)]))
        for tails, endings in STEM_FAMILIES:
            family: str | None = next((t for t in tails if key.endswith(t)), None)
            if family is None or len(key) - len(family) < MIN_STEM:
                continue
            stem = key[: -len(family)]
            for ending in endings:
                forms.setdefault(stem + ending, frozenset())
    forms.pop(key, None)
    return [(form, breaks) for form, breaks in forms.items() if form not in NEVER_DERIVED]


def _splits_fit(words: Sequence[str], joined: Sequence[int], first: int, last: int, breaks: frozenset[int]) -> bool:
    """Whether tokens first..last, found joined up, may be read as one word.

    Where the phrase has its own word break, anything soft may stand ("a
    schizophrenic", "non-compliant", "mood [affective] disorder"); a bracket
    nowhere else. Elsewhere a split is seen through only
    between single letters ("O C D", "P.T.S.D.") or between pieces of two
    letters or more ("schizo-affective"); and a space only inside a word of
    six letters or more ("bi polar", "non compliant"). So "B and C to D" holds
    no "CTO", "import pandas as pd" no "ASPD", "[a-f0-9]" no "F09". A final
    "s" after an apostrophe is a possessive ("schizophrenic's").
    """
    offset = 0
    length = sum(len(words[k]) for k in range(first, last + 1))
    chunked: set[int] | None = None
    for k in range(first + 1, last + 1):
        offset += len(words[k - 1])
        if offset in breaks:
            continue
        if joined[k] == BRACKETED:
            return False
        before, after = len(words[k - 1]), len(words[k])
        if before == 1 and after == 1:
            continue
        if joined[k] == SPACED:
            if before == 1 or after == 1 or length < 6:
                return False
        elif (before == 1 or after == 1) and not (k == last and words[k] == "s"):
            if chunked is None:
                chunked = _chunked_cuts(words, joined, first, last, breaks)
            if k not in chunked:
                return False
    return True


def _chunked_cuts(
    words: Sequence[str], joined: Sequence[int], first: int, last: int, breaks: frozenset[int]
) -> set[int]:
    """The cuts inside words chopped into three pieces or more by hyphens or dots ("de-pr-e-ss-ive").

    Cutting a word of six letters or more into pieces of any size, with
    nothing but hyphens or dots, is hiding it; one cut next to a single
    letter ("x-ray", "B-and-C") is not.
    """
    cuts: set[int] = set()
    run: list[int] = []
    size = len(words[first])
    offset = 0

    def close() -> None:
        if len(run) >= 2 and size >= 6 and all(joined[k] == JOINED for k in run):
            cuts.update(run)

    for k in range(first + 1, last + 1):
        offset += len(words[k - 1])
        if offset in breaks:
            close()
            run.clear()
            size = len(words[k])
            continue
        run.append(k)
        size += len(words[k])
    close()
    return cuts


def _by_start_longest_first(candidate: tuple[int, int, Entry, str]) -> tuple[int, int]:
    return candidate[0], -candidate[1]


def _by_start(candidate: tuple[int, int, Entry]) -> int:
    return candidate[0]


def _overlaps(start: int, end: int, spans: list[tuple[int, int, Entry]]) -> bool:
    """Whether start..end overlaps any of `spans` (sorted by start, never overlapping each other)."""
    k = bisect_left(spans, start, key=lambda c: c[0])
    return any(s < end and start < e for s, e, _ in spans[max(0, k - 1) : k + 1])


def _excepted(
    start: int,
    end: int,
    spans: list[tuple[int, int]],
    span_starts: list[int],
    longest: int,
) -> bool:
    """Whether a finding at start..end is (partly) an exception's words.

    A finding inside an exception, or overlapping one ("a bipolar" against
    the exception "bipolar bear"), is dropped; a finding that holds an
    exception and more ("clinical depression" against "depression") stays.
    """
    first = bisect_left(span_starts, start - longest)
    last = bisect_left(span_starts, end)
    for s, e in spans[first:last]:
        if e <= start:
            continue
        holds_it_and_more = start <= s and e <= end and (s, e) != (start, end)
        if not holds_it_and_more:
            return True
    return False


_DEFAULT: LanguageCheck | None = None


def default_check() -> LanguageCheck:
    """The checker with the built-in vocabulary only, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = LanguageCheck()
    return _DEFAULT


def check(text: str) -> list[Finding]:
    """Diagnoses, jargon, deficit labels and compliance talk in `text` (built-in words only)."""
    return default_check().check(text)
