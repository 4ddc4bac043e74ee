"""Everyday senses: when a word the check would flag is used of a thing, a place, a title or a name.

- **Sense rules** (data: ``[[sense]]`` in vocabulary.toml): a word that is
  also a diagnosis keeps its everyday sense near the words of that sense:
  the weather's, the economy's and history's depression, a compliant
  building, a manic week at work, a mania for sourdough.
- **Things** (nouns from WordNet, `build_things`): a clinical word said of a
  thing, in a sentence about no one ("the market was manic", "the
  formulation of the cough syrup", "the depressions on the map"), describing
  a concrete thing ("a secluded beach", "the paint formulation"), or a
  place ("behind the baseline").
- **Titles and names**: a diagnosis or label in capitals inside a title, next
  to a word about songs, bands, films or books ("watched Psycho", "Hysteria
  by Muse"), in quotes, after "called" or "her dog", or named after
  something ("the Depression", "Def Leppard's Hysteria").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crisishouse.language.clauses import STOP as _STOP
from crisishouse.language.clauses import ends_clause as _ends_clause
from crisishouse.language.clauses import ends_sentence as _ends_sentence
from crisishouse.language.clauses import in_capitals
from crisishouse.language.clauses import phrase_set as _words
from crisishouse.language.clauses import split_words as _split
from crisishouse.language.normalise import JOINED, NOT_JOINED, Tokens
from crisishouse.language.vocabulary import CLIPPED, DOSED, Entry

_WORDS = re.compile(r"[^\W_]+")
# A letter three times over, or a digit or symbol among letters: a word written to hide it.
_WRITTEN_TO_HIDE = re.compile(r"([^\W\d_])\1\1|[^\W_]\d|\d[^\W\d_]|[^\W_][@$!*|#][^\W_]", re.IGNORECASE)
# Before a capitalised label, these make it a name: "her dog Psycho".
_NAMING = frozenset(
    _split(
        """
        dog dogs cat cats puppy kitten pet horse named called nicknamed titled band song film movie album book
        show series track
        """
    )
)
# Nouns a diagnosis is written with in a letter's capitals ("Bipolar Patient", "Psychotic Features").
_CLINICAL_NOUNS = frozenset(
    _split(
        "patient patients client clients guest guests case cases features feature type state states person people "
        "man woman men women boy girl child children youth adult adults male female"
    )
)
_MEDIA = frozenset(
    _split(
        """
    song songs band bands album albums track tracks single film films movie movies doco documentary series
    show tv netflix spotify youtube radio vinyl record stereo playlist karaoke sang sing singing sings
    listened listening listen watched watching watch read reading book books novel played playing play
    gig concert tickets lyrics guitar cover episode season trailer cinema pictures theatre musical tune
    screening screenings disc discs dvd dvds bluray vhs soundtrack boxset singles music pressing
    jukebox dj lp ep podcast anthem classic hit tape tapes cassette cassettes cd cds mixtape dvd vhs remix
    scene scenes sequel remake director starring actor actress
    """
    )
)


@dataclass(frozen=True)
class Sense:
    """An everyday sense of flagged words (`[[sense]]` in vocabulary.toml)."""

    words: frozenset[str]
    before: frozenset[str]
    after: frozenset[str]
    near: frozenset[str]
    not_near: frozenset[str]
    within: int
    in_clause: bool = False
    """Whether `near` counts only in the label's own clause ("manic all week, bought shares" is no market's)."""

    @functools.cached_property
    def cues(self) -> frozenset[str]:
        """Every word that can make the sense apply (none in a text: it applies nowhere there)."""
        return self.before | self.after | self.near


@dataclass(frozen=True)
class Nouns:
    """Nouns for concrete things, other things, times and people (generated from WordNet: `build_things`)."""

    concrete: frozenset[str]
    things: frozenset[str]
    times: frozenset[str]
    persons: frozenset[str]
    caps: frozenset[str] = frozenset()
    """The vocabulary's abbreviations in capitals that are also English words ("add", "sad", "did")."""
    verbs: frozenset[str] = frozenset()
    """Concrete nouns that are verbs too: their "-s" form may be the verb ("the price remains", "she paints")."""
    animals: frozenset[str] = frozenset()
    """Concrete nouns that are animals: what hallucinations and fears are "of" ("hallucinations of insects")."""

    def kind(self, word: str, as_noun: bool = False) -> str:
        """ "concrete", "thing", "time", "person" or "" for a word, singular or plural ("riverbeds").

        A plural that is also a verb's "-s" form ("edges", "paints") is no noun unless `as_noun` (where a
        determiner before it says it is one).
        """
        for form in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
            if not form:
                continue
            if form in self.persons:
                return "person"
            if form in self.concrete:
                return "" if form != word and form in self.verbs and not as_noun else "concrete"
            if form in self.things:
                return "thing"
            if form in self.times:
                return "time"
        return ""


# A condition's course: a physical one's when the condition is named before it ("her asthma relapsed").
_COURSES = frozenset(_split("relapse relapses relapsed relapsing"))
_COURSE_AFTER_AT_MOST = 6
_RELAPSED_ON = frozenset(_split("on into with to back"))
_SUBJECTS = frozenset(_split("he she they i we you who"))
# The physical names' list holds the words around them too ("chronic", "right", "hand"): no condition's name.
_NOT_A_CONDITION_ENDINGS = ("ic", "al", "ly", "ed", "ous", "ive", "ing", "ent", "ant", "ary", "ate", "one")
_NOT_A_CONDITION = frozenset(
    _split("alone right left hand head outer inner treatment symptoms symptom attack pain sick severe mild acute use")
)

# Words a hyphen joins to what they resist, comply with or depend on: a thing's ("puncture-resistant", "GDPR-compliant",
# "weather-dependent"), unless it is care, a treatment or a service (`Senses._a_things_compound`).
_COMPOUNDED = frozenset(_split("resistant compliant adherent dependent refractory"))
_CARE_COMPOUNDED = frozenset(
    _split(
        "non n treatment treatments tx medication medications med meds drug drugs therapy therapies service services "
        "care carer change help support intervention interventions engagement clozapine lithium antidepressant "
        "antidepressants antipsychotic antipsychotics ssri ssris depot plan regime programme program rules ward staff "
        "alcohol opioid opiate benzo benzodiazepine nicotine cannabis substance"
    )
)

# Said of a thing (`Senses.said_of_a_thing`).
# Groups of people: WordNet's groups are things ("the market", "the council"), but a label said of these is
# said of the people in them ("half the crew are addicts", "the whole class is psychotic").
_PEOPLE_GROUPS = frozenset(
    _split(
        "people crew crews staff gang gangs family families audience crowd crowds workforce household households "
        "couple couples squad squads mob class classes tribe folk folks team teams whanau iwi hapu cohort "
        "congregation cast choir jury youth public flatmates"
    )
)
_THING_DETERMINERS = frozenset(_split("the a an this that these those our its"))
_LINKS = frozenset(
    _split(
        "is was were are been be being looks looked seems seemed got gets went goes gone felt feels isn wasn aren weren"
    )
)
_OF = frozenset(["of", "for"])
# Shorthand for what is seen or heard, whose "of" names what was seen, not a thing it is said of.
_PERCEIVED = frozenset(("vh", "vhs", "ah", "ahs", "avh", "cah", "th"))
# Before a label, these make it someone's ("her depression"), whatever words of a sense are near.
_OWNERS = frozenset(_split("her his their my your"))
# "Called her Cluster B": a label put on a person, not a title.
_CALLING = frozenset(_split("called calls call calling labelled labeled labels label named dubbed branded"))
_CALLED_WHO = frozenset(_split("her him them me us you"))
# Verbs of saying and knowing: what follows them is what was said, not the thing before.
_SAYING = frozenset(
    _split(
        "says said say reckons reckon reckoned thinks think thought told tells knows know heard hears swears swore "
        "wrote writes write noted notes reported reports mentioned explained believes believed felt feels found "
        "agreed hoped decided"
    )
)
_AUXILIARIES = frozenset(_split("has have had been being is was be will would may might can could"))
_ON = frozenset(["on", "in", "across", "along"])
# "on the baseline", "below its baseline": a place.
_PLACE_WORDS = frozenset(
    _split("on behind along over under near across past beyond below above inside onto into at off")
)
_PLACE_DETERMINERS = frozenset(_split("the its a an"))
# Between a word and the thing it describes, these leave it describing the thing ("a grandiose old villa").
_PLAIN_ADJECTIVES = frozenset(
    _split(
        "old new big small little large tiny huge long short tall wide narrow low high white black red "
        "blue green grey gray brown yellow orange pink wooden brick stone concrete timber metal glass"
    )
)
# Words before a finding that may make it said of a thing, a place or a name.
_CONTEXT_BEFORE = _LINKS | _PLACE_DETERMINERS
_WRITER = frozenset(_split("i me my we us"))
# The kinds of word said of a plan, an answer or a market in their plain sense ("an aggressive
# campaign", "an evasive answer"); not compliance, which is said of medicines ("noncompliant meds").
_SAID_OF_THINGS = frozenset(("jargon", "deficit"))
_CRAZES = frozenset(("mania", "manias", "hysteria"))
# Time zones whose letters are also a team's ("MDT") and a clock's time before them: "9am MDT", "9:30 MDT".
_TIME_ZONES = frozenset(_split("mdt mst est edt pst pdt cst cdt bst ist cet cest aest aedt awst nzst nzdt utc gmt"))
_CLOCK = re.compile(r"\d{1,2}(?:[ap]m)?|\d\d[ap]m|[ap]m|noon|midnight")
# ... unless the team's work is near: "discussed at 9am MDT".
_TEAM_WORK = frozenset(
    _split("discussed discuss discussion meeting review reviewed plan psychiatrist guest client referral presented")
)
# What a craze is for, beyond WordNet's concrete things: "crypto mania", "footy hysteria".
_FADS = frozenset(
    _split(
        "crypto bitcoin meme footy rugby cricket netball league election royal beatle beatles bieber swiftie "
        "pokemon lego sourdough property housing stock stocks market shopping sale sales christmas olympic "
        "olympics halloween fantasy tiktok ai nft"
    )
)
_ADJECTIVE_ENDINGS = ("ive", "ic", "ous", "ose", "al", "ed", "ant", "ent", "ile", "id", "ful", "ish", "ary")
_READS_AROUND = 16

# An episode that is no show's: "a psychotic episode", "her last manic episode".
_EPISODES = frozenset(("episode", "episodes"))
_CLINICAL_EPISODES = frozenset(_split("psychotic manic hypomanic depressive mixed dissociative catatonic acute"))
_QUOTES = frozenset("\"“”'‘’«»")
# After a band's or a film's name: "Catatonia were a Welsh band", "Psycho was shot in black and white".
_TITLE_VERBS = frozenset(_split("were are was is released sang played topped starred"))
# Whoever is spoken of: then the word may be said of them, not of the thing.
_SOMEONE = frozenset(
    _split("he she they him her them his hers their theirs himself herself themselves pt pts i me my we us")
)


def sense_rules(tables: Iterable[Mapping[str, Any]]) -> tuple[Sense, ...]:
    return tuple(
        Sense(
            _words(t["words"]),
            _words(t.get("before", ())),
            _words(t.get("after", ())),
            _words(t.get("near", ())),
            _words(t.get("not_near", ())),
            int(t.get("within", 6)),
            bool(t.get("clause", False)),
        )
        for t in tables
    )


# Words before a condition named after someone that say a person has it ("with Alzheimer's").
_HAVING = frozenset({"with", "has", "had", "have", "having", "got", "early", "advanced", "onset", "diagnosed", "dx"})


class Senses:
    """The everyday senses, built once with the vocabulary."""

    def __init__(
        self, senses: Sequence[Sense], nouns: Nouns | None = None, physical: frozenset[str] = frozenset()
    ) -> None:
        self.senses = tuple(senses)
        self.nouns = nouns or Nouns(frozenset(), frozenset(), frozenset(), frozenset())
        self.physical = physical  # names of physical conditions ("asthma", "mastitis")
        self._sense_words: dict[str, list[Sense]] = {}
        for sense in self.senses:
            # A phrase is looked up run together ("abcchart"), as a finding's words are joined.
            for word in {w.replace(" ", "") for w in sense.words}:
                self._sense_words.setdefault(word, []).append(sense)
        # How far either side `everyday` may read: twelve words for a sentence's subject or a
        # media word, a sense's own reach, and a few for the words around those.
        self.reach = max([_READS_AROUND, *(sense.within + 4 for sense in self.senses)])

    def everyday_in(
        self,
        seen: dict[tuple[Any, ...], bool],
        text: str,
        found: Tokens,
        starts: Sequence[int],
        first: int,
        last: int,
        entry: Entry,
        key: str,
    ) -> bool:
        """`everyday`, remembered in `seen` for findings whose surroundings are written alike.

        `everyday` reads no further than `reach` tokens either side, so two
        findings of the same entry whose text is the same over that reach
        (and alike cut off by the text's ends) get the same answer: a long
        text of one word over and over is read once, not thousands of times.
        """
        count = len(found.words)
        low, high = first - self.reach, last + self.reach
        edges = found._edges
        begin = edges[2 * low - 1] if low > 0 else 0
        finish = edges[2 * high + 2] if high + 1 < count else len(found.folded)
        shown_begin, shown_finish = found.original(begin, finish) if finish > begin else (0, 0)
        signature = (
            id(entry),
            key,
            low > 0,
            high + 1 < count,
            edges[2 * first] - begin,
            edges[2 * last + 1] - begin,
            found.folded[begin:finish],
            text[shown_begin:shown_finish],
        )
        answer = seen.get(signature)
        if answer is None:
            answer = seen[signature] = self.everyday(text, found, starts, first, last, entry, key)
        return answer

    def may_be_everyday(self, text: str, found: Tokens, start: int, end: int, entry: Entry, key: str) -> bool:
        """A quick look: whether `everyday` could say yes for this finding (folded offsets start..end)."""
        if key in self._sense_words or (not key and found.folded[start:end].replace(" ", "") in self._sense_words):
            return True
        if self.nouns.persons and self._thing_context(found, start, end):
            return True
        if entry.kind in _SAID_OF_THINGS and not entry.exact_case and self._thing_after(found, start, end):
            return True
        if text[found.original(start, start + 1)[0]].isupper():
            return True  # a title or a name, perhaps
        return not self._sense_words.keys().isdisjoint(_WORDS.findall(found.folded, start, end))

    def _thing_after(self, found: Tokens, start: int, end: int) -> bool:
        """A quick look for what `_describes_a_thing_of_no_one` needs: a thing one or two words after."""
        last, words, kind = found.at(end - 1), found.words, self.nouns.kind
        return any(k < len(words) and kind(words[k]) == "thing" for k in (last + 1, last + 2))

    def _thing_context(self, found: Tokens, start: int, end: int) -> bool:
        """A quick look for what `said_of_a_thing`, `_a_place` and `_proper_noun` need around start..end."""
        first, last = found.at(start), found.at(end - 1)
        words = found.words
        count = len(words)
        before = words[first - 1] if first > 0 else ""
        kind = self.nouns.kind
        return (
            before in _CONTEXT_BEFORE
            or before == "s"
            or (first > 1 and words[first - 2] in _LINKS)
            or (last + 1 < count and (words[last + 1] in _OF or words[last + 1] in _ON))
            or (bool(before) and kind(before) == "concrete")
            or (last + 1 < count and kind(words[last + 1]) == "concrete")
            or (last + 2 < count and words[last + 1] in _THING_DETERMINERS)  # "sectioned an orange"
        )

    def everyday(
        self, text: str, found: Tokens, starts: Sequence[int], first: int, last: int, entry: Entry, key: str
    ) -> bool:
        """Whether tokens first..last, found as `entry`, are used in an everyday sense here."""
        words = found.words
        senses = self._sense_words.get(key or "".join(words[first : last + 1])) or [
            s for w in words[first : last + 1] for s in self._sense_words.get(w, ())
        ]
        ownable = first == last and len(words[first]) > 4
        if senses and self._senses_apply(found, first, last, senses, ownable):
            return True
        if last - first <= 1 and self.said_of_a_thing(found, first, last):
            return True
        if (
            first == last
            and entry.kind == "jargon"
            and not entry.exact_case
            and entry.source not in (CLIPPED, DOSED)
            and self._a_place(found, first)
            # "under the CMHT": a team in capitals, no place (unless the whole line is shouted)
            and not (
                self._in_capitals(text, found, starts, first) and not self._in_capitals(text, found, starts, first - 1)
            )
        ):
            return True
        if (
            last - first <= 1
            and entry.kind in ("jargon", "compliance", "deficit")
            and entry.source not in (CLIPPED, DOSED)  # "sert 150 mane", "Concerta 36 mane": no horse's
            and self._names_a_thing(text, found, starts, first, last)
        ):
            return True
        if first == last and words[first] in _CRAZES and self._a_craze(found, first):
            return True
        if first == last and words[first] in _COMPOUNDED and self._a_things_compound(found, first):
            return True
        if first == last and words[first] in _COURSES and self._a_physical_course(text, found, starts, first):
            return True
        if first == last and words[first] in _TIME_ZONES and self._after_a_clock(found, first):
            return True
        if (
            first == last
            and entry.kind in _SAID_OF_THINGS
            and not entry.exact_case
            and self._describes_a_thing_of_no_one(found, first)
            and not self._in_capitals(text, found, starts, first)
        ):
            return True
        if first == last and self._proper_noun(text, found, starts, first):
            return True
        if first == last and self._named_with_a_noun(text, found, starts, first):
            return True
        return self._is_title(text, found, starts, first, last)

    def _a_physical_course(self, text: str, found: Tokens, starts: Sequence[int], k: int) -> bool:
        """Whether the word at k is the course of a physical condition, its subject: named before it in its
        clause with no one between ("her asthma relapsed", "mastitis in the back quarter relapsed after
        treatment"; not "after the flu Sione relapsed", "with her broken ankle she relapsed"), and not
        relapsing on, into or with something ("relapsed on the pokies", "relapse after relapse with alcohol")."""
        words, gaps = found.words, found.gaps
        after = k + 1
        if after < len(words) and not _ends_clause(gaps[after]) and words[after] in _RELAPSED_ON:
            return False
        for before in range(k - 1, max(-1, k - 1 - _COURSE_AFTER_AT_MOST), -1):
            if _ends_clause(gaps[before + 1]):
                return False
            word = words[before]
            if (
                word in _SUBJECTS
                or self.nouns.kind(word) == "person"
                or (before > 0 and not _ends_sentence(gaps[before]) and self._title_case(text, found, starts, before))
            ):
                return False  # someone between: the relapse is theirs
            if word in self.physical and not word.endswith(_NOT_A_CONDITION_ENDINGS) and word not in _NOT_A_CONDITION:
                return True
        return False

    def _a_things_compound(self, found: Tokens, k: int) -> bool:
        """Whether the word at k ends a compound naming what a thing resists or meets ("puncture-resistant",
        "code-compliant", "weather-dependent"), not care or a treatment ("treatment-resistant", "med-compliant")."""
        words = found.words
        if k == 0 or found.gaps[k] != "-":
            return False
        before = words[k - 1]
        return before.isalpha() and len(before) > 1 and before not in _CARE_COMPOUNDED

    @staticmethod
    def _after_a_clock(found: Tokens, k: int) -> bool:
        """Whether a time of day stands just before token k: "9am", "9 am", "9:30", "10 a.m.", "noon"."""
        words, gaps = found.words, found.gaps
        if k >= 3 and words[k - 1] == "m" and words[k - 2] in ("a", "p") and gaps[k - 1] == ".":
            # "2 a.m. MDT": the stops of "a.m." end no clause
            return words[k - 3].isdigit() and _TEAM_WORK.isdisjoint(words[max(0, k - 8) : k + 8])
        if k < 1 or _ends_clause(gaps[k]):
            return False
        before = words[k - 1]
        if _CLOCK.fullmatch(before) is None:
            return False
        if before.isdigit() and not (k >= 2 and found.gaps[k - 1] in (":", ".") and found.words[k - 2].isdigit()):
            return False  # "9:30" (minutes after a colon), not "section 30" or "level 2"
        return _TEAM_WORK.isdisjoint(found.words[max(0, k - 8) : k + 8])

    def _named_with_a_noun(self, text: str, found: Tokens, starts: Sequence[int], first: int) -> bool:
        """A capitalised label with a capitalised noun of WordNet's after it, in one name: "Schizoid Man",
        "Paranoid Android", "Manic Street Preachers". Not a diagnosis in a letter's capitals ("Paranoid
        Schizophrenia", "Bipolar Disorder": no thing or person of WordNet's), a day ("Manic Monday" is
        left flagged) or a guest's name ("Psychotic Tama": a name is no noun of WordNet's).
        """
        noun = first + 1
        words = found.words
        if noun >= len(words) or found.joined[noun] == JOINED or _ends_clause(found.gaps[noun]):
            return False
        if not (self._title_case(text, found, starts, first) and self._title_case(text, found, starts, noun)):
            return False
        if self.nouns.kind(words[noun]) not in ("person", "concrete", "thing"):
            return False
        if words[noun] not in _CLINICAL_NOUNS:
            return True
        # "a Schizophrenic Man" is a letter's label; "21st Century Schizoid Man", three capitals inside a
        # sentence, a title.
        before = first - 1
        if before < 1 or _ends_clause(found.gaps[first]) or _ends_sentence(found.gaps[before]):
            return False
        return self._title_case(text, found, starts, before)

    def _a_craze(self, found: Tokens, t: int) -> bool:
        """Whether the word at t names a craze for the concrete thing named before it ("Pokémon card
        mania", "sourdough mania"): not "postnatal mania", "two manias"."""
        words, gaps = found.words, found.gaps
        before = t - 1
        return (
            before >= 0
            and not _ends_clause(gaps[t])
            and found.joined[t] != JOINED  # "hypo-mania" is one word
            and (self.nouns.kind(words[before]) == "concrete" or words[before] in _FADS)
            and words[before] not in _STOP
        )

    def _describes_a_thing_of_no_one(self, found: Tokens, t: int) -> bool:
        """Whether the word at t describes a thing right after it, in a sentence about no one.

        "An aggressive marketing campaign", "the bank's evasive answer", "aggressive growth
        targets": the service's word in its plain sense, said of a plan, an answer or a market
        (a thing in WordNet, one word between at most). Never where a person is spoken of
        ("she gave evasive answers"), nor of behaviour, speech, mood or thoughts, which
        WordNet's things leave out.
        """
        words, gaps = found.words, found.gaps
        kind = self.nouns.kind
        if len(words[t]) < 4 or not words[t].isalpha() or not words[t].endswith(_ADJECTIVE_ENDINGS):
            return False  # a noun before a noun ("the delusions' theme") is not said of the thing
        noun = t + 1
        for _ in range(2):
            if noun >= len(words) or _ends_clause(gaps[noun]) or found.joined[noun] == NOT_JOINED:
                return False
            if kind(words[noun]) == "thing" and (
                noun + 1 >= len(words) or _ends_clause(gaps[noun + 1]) or kind(words[noun + 1]) != "person"
            ):
                break
            if kind(words[noun]) == "person" or not words[noun].isalpha() or words[noun] in _STOP:
                return False
            noun += 1  # "aggressive growth targets": one word naming the thing's kind between
        else:
            return False
        # Said of something named: "an aggressive campaign", or a thing earlier in the sentence ("the
        # bank gave an evasive answer"). A note that leaves out whom it is about ("evasive answers,
        # poor eye contact") is about a guest.
        named = t > 0 and words[t - 1] in _THING_DETERMINERS and not _ends_clause(gaps[t])
        k = t
        while not named and k > 1 and not _ends_clause(gaps[k]):
            k -= 1  # "the bank ... evasive answer": a thing named with "the", earlier in the clause
            named = (
                kind(words[k]) in ("thing", "concrete")
                and words[k - 1] in _THING_DETERMINERS
                and not _ends_clause(gaps[k])
            )
        return named and not self._someone_near(found, t, noun)

    def _someone_near(self, found: Tokens, first: int, last: int, someone: frozenset[str] = _SOMEONE) -> bool:
        """Whether a person is spoken of in the sentence around first..last (a dozen words either side):
        one of `someone`, or a noun that names a person."""
        words, gaps = found.words, found.gaps
        kind = self.nouns.kind
        k = first
        while k > 0 and first - k < 12 and not _ends_sentence(gaps[k]):
            k -= 1
            if words[k] in someone or kind(words[k]) == "person":
                return True
        k = last
        while k + 1 < len(words) and k - last < 12 and not _ends_sentence(gaps[k + 1]):
            k += 1
            if words[k] in someone or kind(words[k]) == "person":
                return True
        return False

    def said_of_a_thing(self, found: Tokens, first: int, last: int) -> bool:
        """Whether tokens first..last are said of a thing, in a sentence about no one.

        "The market was manic", "the tide was manic" (a thing or a time before
        "was"); "the formulation of the cough syrup" (a concrete thing after
        "of" or "for": not an act, a drug, a drink or a time, "delusions of
        persecution", "harmful use of alcohol", "an assessment for the
        weekend"); "the depressions on the map" (a plural named with "the",
        a concrete thing after "on" or "in"). Never when the sentence names
        or points at a person ("she", "the guest", "pt").
        """
        words, gaps = found.words, found.gaps
        count = len(words)
        kind = self.nouns.kind
        said = said_of_what = False
        # A thing, then a linking verb and at most one more word: "the market was (really) manic".
        for link in range(first - 1, max(0, first - 3) - 1, -1):
            if _ends_sentence(gaps[link + 1]):
                break
            if words[link] in _LINKS:
                subject = link - 1
                while subject > 0 and (
                    words[subject] in _AUXILIARIES or (words[subject] == "s" and gaps[subject] in ("'", "’"))
                ):
                    subject -= 1  # "the grass has been unkempt", "the market's been catatonic"
                said = (
                    subject >= 0
                    and not _ends_clause(gaps[link])  # "the fridge, is it the bulimic one": no subject
                    # (named with "the", a plural is a noun though it is a verb too: "the edges are blunted")
                    and self.nouns.kind(words[subject], as_noun=True) in ("concrete", "thing", "time")
                    and words[subject] not in _PEOPLE_GROUPS
                    and self._named_as_a_thing(words, subject)
                )
                break
        # "of" or "for" a concrete thing, or "on" one after a plural named with "the", within four words.
        after = last + 1
        if not said and after < count and not _ends_clause(gaps[after]):
            named = first > 0 and words[first - 1] in _THING_DETERMINERS and words[last].endswith("s")
            # What is seen or heard comes after "of": "VH of people in the hallway" is no hallway's.
            if (words[after] in _OF and words[last] not in _PERCEIVED) or (words[after] in _ON and named):
                for k in range(after + 1, min(count - 1, after + 4) + 1):
                    if _ends_clause(gaps[k]):
                        break
                    if kind(words[k]) == "concrete" and words[k].rstrip("s") not in self.nouns.animals:
                        said = k == after + 1 or any(words[d] in _THING_DETERMINERS for d in range(after + 1, k))
                        said_of_what = said
                        break
        if not said:
            return False
        # The sentence (up to a dozen words either side) must be about no one but the writer
        # ("in chemistry we learned how the formulation of a paint ..."), who is not its subject.
        return not self._someone_near(found, first, last, _SOMEONE if not said_of_what else _SOMEONE - _WRITER)

    @staticmethod
    def _named_as_a_thing(words: Sequence[str], subject: int) -> bool:
        """Whether "the", "a", "this" ... stands at most three words before the subject, none of them
        a verb of saying: "the (old stock) market", not "the club says Benny" (a name after a saying)."""
        for d in range(subject - 1, max(0, subject - 3) - 1, -1):
            if words[d] in _THING_DETERMINERS:
                return True
            if words[d] in _SAYING or words[d] in _LINKS:
                return False
        return False

    def _names_a_thing(self, text: str, found: Tokens, starts: Sequence[int], t: int, last: int | None = None) -> bool:
        """Whether the jargon word at t describes the concrete thing right after it.

        "A revolving door", "a secluded beach", "a labile compound": the
        service's word in its plain sense. Not a diagnosis ("paranoid vibes"),
        nor a setting's noun ("secluded room", "settled ward").
        """
        words, gaps = found.words, found.gaps
        kind = self.nouns.kind
        if len(words[t]) < 4 or not words[t].isalpha():
            return False  # shorthand ("c/o toothache", "400mg BD"), not a word that describes a thing
        # "The paint formulation", "the bach's seclusion": a concrete thing (or its "'s") right before.
        owner = t - 2 if t >= 2 and words[t - 1] == "s" and gaps[t - 1] in ("'", "’") else t - 1
        if (
            owner >= 0
            and not _ends_clause(gaps[owner + 1])
            and kind(words[owner]) == "concrete"
            and not words[t].endswith("ly")  # "spoke delusionally": how something was done, not a thing's kind
            and not self._a_name(text, found, starts, owner)
        ):
            return True
        # "Sectioned the oranges", "splitting the (old) flax": done to a thing.
        end = t if last is None else last
        if (
            words[end].endswith(("ed", "ing"))
            and end + 2 < len(words)
            and words[end + 1] in _THING_DETERMINERS
            and not _ends_clause(gaps[end + 1])
            and not _ends_clause(gaps[end + 2])
        ):
            # after "a" or "the" and at most one word more, a noun: its plural's kind too ("an orange", a colour
            # as well)
            for noun in (end + 2, end + 3):
                if noun >= len(words) or (noun > end + 2 and _ends_clause(gaps[noun])):
                    break
                if "concrete" in (kind(words[noun]), kind(words[noun] + "s")):
                    return True
        # "A secluded beach", "a labile compound": the thing right after it ("a grandiose Edwardian
        # facade": or after one word in capitals, a name for its kind).
        noun = (t if last is None else last) + 1
        if noun >= len(words) or _ends_clause(gaps[noun]) or found.joined[noun] == NOT_JOINED:
            return False
        if (
            kind(words[noun]) != "concrete"
            and noun + 1 < len(words)
            and not _ends_clause(gaps[noun + 1])
            and self._capital(text, found, starts, noun)
        ):
            noun += 1
        if (
            kind(words[noun]) != "concrete"
            and words[noun] in _PLAIN_ADJECTIVES
            and noun + 1 < len(words)
            and not _ends_clause(gaps[noun + 1])
        ):
            noun += 1  # "a grandiose old villa": a word of size, age or colour between
        if kind(words[noun]) != "concrete":
            return False
        after = noun + 1
        return not (after < len(words) and not _ends_clause(gaps[after]) and kind(words[after]) == "person")

    def _a_place(self, found: Tokens, t: int) -> bool:
        """Whether the word at t is a place: "on the baseline", "behind the baseline", "below its baseline"."""
        words, gaps = found.words, found.gaps
        return (
            t >= 2
            and words[t - 1] in _PLACE_DETERMINERS
            and words[t - 2] in _PLACE_WORDS
            and not _ends_clause(gaps[t])
            and not _ends_clause(gaps[t - 1])
        )

    def _proper_noun(self, text: str, found: Tokens, starts: Sequence[int], first: int) -> bool:
        """A capitalised word inside a sentence after "the" or a name's "'s": a name itself.

        "Survived the Depression", "Def Leppard's Hysteria", "Depression
        glass" (a thing named after it). Not at the start
        of a sentence or a clause ("Dx: Schizophrenia"), nor after any other
        word ("has Bipolar").
        """
        gaps, words = found.gaps, found.words
        if first < 1 or _ends_clause(gaps[first]) or not self._title_case(text, found, starts, first):
            return False
        if len(words[first]) <= 3 and words[first].endswith("x"):
            return False  # the chart's "the Dx", "the Sx": no name is written so
        s, e = found.original(starts[first], found._edges[2 * first + 1])
        if any(c.isupper() for c in text[s + 1 : e]):
            return False  # capitals inside: an abbreviation ("the MoCA", "the HoNOS"), not a name
        if words[first - 1] == "the":
            return True
        noun = first + 1
        if noun < len(words) and found.joined[noun] and self.nouns.kind(words[noun]) == "concrete":
            return True  # "green Depression glass": a kind of thing, by name
        # "Leppard's": a name's possessive.
        before = first - 2
        return (
            before >= 0
            and words[first - 1] == "s"
            and gaps[first - 1] in ("'", "’")
            and not _ends_clause(gaps[before])
            and words[before] not in _STOP
            and self._title_case(text, found, starts, before)
        )

    def _a_name(self, text: str, found: Tokens, starts: Sequence[int], k: int) -> bool:
        """Whether the word at k is written as someone's name: "team: Rosa disengaged", not "the rosa" (a genus).

        A capital, then small letters, inside a sentence (where any word has one, "Oranges sectioned"),
        neither after "the" or "a" nor after another such word ("Princes Street"): Rosa, Maria and
        Sofia are also a plant, a sea on the moon and a city.
        """
        words = found.words
        if not self._title_case(text, found, starts, k):
            return False
        if k == 0 or _ends_sentence(found.gaps[k]):
            # First in a sentence, any word has a capital: a name only if one, before a deed or its
            # possessive ("Sofia disengaged", "Lorraine's challenging behaviour"; not "Oranges sectioned"
            # nor "Paint formulation").
            if k + 2 < len(words) and words[k + 1] == "s" and found.gaps[k + 1] in ("'", "’"):
                return True
            return not words[k].endswith("s") and k + 1 < len(words) and words[k + 1].endswith("ed")
        before = k - 1
        if words[before] == "that" and before > 0 and words[before - 1] in _SAYING:
            return True  # "wrote that Brent ...": "that" joins what was written, it points at no thing
        return words[before] not in _THING_DETERMINERS and not self._title_case(text, found, starts, before)

    @staticmethod
    def _in_capitals(text: str, found: Tokens, starts: Sequence[int], k: int) -> bool:
        return in_capitals(text[slice(*found.original(starts[k], found.ends()[k]))])

    @staticmethod
    def _title_case(text: str, found: Tokens, starts: Sequence[int], k: int) -> bool:
        start, end = found.original(starts[k], starts[k] + 2)
        written = text[start:end]
        return len(written) == 2 and written[0].isupper() and written[1].islower()

    def _senses_apply(
        self, found: Tokens, first: int, last: int, senses: Sequence[Sense], ownable: bool = False
    ) -> bool:
        """Whether any of `senses` applies to tokens first..last (the words around read once for all)."""
        present = found.vocabulary()
        senses = [sense for sense in senses if not sense.cues.isdisjoint(present)]
        if not senses:
            return False  # no word that could make one apply is anywhere in the text
        words = found.words
        reach = max(sense.within for sense in senses)
        firsts, lasts = found.sentence(_ends_sentence)
        left = list(words[max(firsts[first], first - reach) : first][::-1])  # nearest first
        right = list(words[last + 1 : min(lasts[last], last + reach) + 1])
        gaps = found.gaps
        # The word just before or after, in the same clause ("decompensated heart failure", not
        # "decompensated, heart rate up").
        joined_before = first > 0 and not _ends_clause(gaps[first])
        joined_after = last + 1 < len(words) and not _ends_clause(gaps[last + 1])
        # Someone's own condition: "her depression deepened once the ice ...", "her relapse after the
        # infection" are hers, whatever is near (not "his ITO", "her OD limit": a person's things, in
        # capitals, have their own senses).
        owned = ownable and bool(left) and left[0] in _OWNERS and joined_before
        # A sense's words count in the label's own clause: "manic all week, bought shares" is someone's week.
        in_clause_before = next(
            (n for n, k in enumerate(range(first, first - len(left), -1)) if _ends_clause(gaps[k])), len(left)
        )
        in_clause_after = next(
            (n for n, k in enumerate(range(last + 1, last + 1 + len(right))) if _ends_clause(gaps[k])), len(right)
        )
        for sense in senses:
            before, after = left[: sense.within], right[: sense.within]
            around = before + after
            if sense.not_near and not sense.not_near.isdisjoint(around):
                continue
            clause = before[:in_clause_before] + after[:in_clause_after]
            if sense.before and joined_before and before[:1] and before[0] in sense.before:
                return True
            if (
                sense.before
                and len(before) >= 2
                and before[0] in ("the", "a", "an")
                and before[1] in sense.before
                and not _ends_clause(gaps[first - 1])
            ):
                return True
            if sense.after and joined_after and after[:1] and after[0] in sense.after:
                return True
            if sense.near and not owned and not sense.near.isdisjoint(clause if sense.in_clause else around):
                return True
        return False

    def _is_title(self, text: str, found: Tokens, starts: Sequence[int], first: int, last: int) -> bool:
        """A label in a title ("watched Psycho", "Hysteria by Muse"): capitals and a word about media."""
        start, end = found.span(first, first)
        written = text[start:end]
        if not written[:1].isupper() or (len(written) > 1 and written.removesuffix("s").isupper()):
            return False  # not capitalised, or an abbreviation in capitals ("DSH", "CMHT", "AHs")
        if written[:2].isupper() and written[:2].isalpha():
            return False  # shorthand begun in capitals ("PMHx", "PADLs"): no title's word begins so
        if any(c.isupper() for c in written[1:].removesuffix("s")) and not written.isupper():
            return False  # a capital inside ("HoNOS", "MoCA"): a scale's name, not a title's word
        if _WRITTEN_TO_HIDE.search(written) is not None:
            return False  # "Schiiizo", "Ps1cho": a title is written in its own letters
        words, gaps = found.words, found.gaps
        if first > 0 and words[first - 1] in _HAVING and text[end : end + 2] in ("'s", "’s"):
            return False  # "with Alzheimer's", "has Asperger's": a name's own capital, had by someone
        if last > first and any(
            len(words[k]) > 1 and in_capitals(text[slice(*found.span(k, k))]) for k in range(first + 1, last + 1)
        ):
            return False  # "Poor EC", "Good GCS": graded shorthand in capitals, never a title's word
        if last > first and (
            in_capitals(text[slice(*found.span(first, last))], at_least=3)
            or all(len(words[k]) == 1 for k in range(first, last + 1))
        ):
            return False  # spelt out ("P A R A N O I D", "S.I."): hidden or shorthand, never a title
        sentence_start = first == 0 or _ends_sentence(gaps[first])
        count = len(words)
        # "Hysteria by Muse", "Depression Cherry by Beach House": a title, then "by" and a name.
        by_someone = any(
            words[k] == "by" and k + 1 < count and self._capital(text, found, starts, k + 1)
            for k in range(last + 1, min(count - 1, last + 3))
            if all(self._capital(text, found, starts, j) for j in range(last + 1, k))
        )
        if by_someone or self._quoted_or_titled(text, found, starts, first, last):
            return True
        if first > 0 and not sentence_start and words[first - 1] in _NAMING:
            return True  # "her dog Psycho", "a band called Lunatic"
        if sentence_start:
            titled = last > first and all(self._capital(text, found, starts, k) for k in range(first, last + 1))
            nxt = last + 1
            owned_by = last > first and words[last] == "s" and gaps[last] in ("'", "’")
            if not owned_by and nxt + 1 < count and words[nxt] == "s" and gaps[nxt] in ("'", "’"):
                nxt += 1  # "Catatonia's International Velvet": the name's possessive, then a title
                owned_by = True
            if (
                owned_by
                and nxt < count
                and any(q in gaps[nxt] for q in _QUOTES)
                and self._capital(text, found, starts, nxt)
            ):
                return True  # 'Catatonia's "International Velvet"': a title in quotes, a band's
            after = nxt < count and (
                self._capital(text, found, starts, nxt)
                or words[nxt].isdigit()  # "Dementia 13 was one of Coppola's first films"
                or words[nxt] in _TITLE_VERBS  # "Catatonia were a Welsh band"
            )
            if not (titled or after):
                return False
        if first >= 2 and words[first - 1] in _CALLED_WHO and words[first - 2] in _CALLING:
            return False  # "the letter called her Cluster B": a person named by the label, whatever is read after
        # Last, as it reads the sentence: a word about songs, films or books in it.
        firsts, lasts = found.sentence(_ends_sentence)
        low, high = max(firsts[first], first - 12), min(lasts[last], last + 12)
        return any(
            words[k] in _MEDIA and not (words[k] in _EPISODES and k > 0 and words[k - 1] in _CLINICAL_EPISODES)
            for k in range(low, high + 1)
        )

    def _quoted_or_titled(self, text: str, found: Tokens, starts: Sequence[int], first: int, last: int) -> bool:
        """A capitalised label in quotes ('"Maniac" from Flashdance'), or in a title begun by "The"
        inside a sentence ("Dawkins published The God Delusion")."""
        gaps, words = found.gaps, found.words
        start, end = found.span(first, last)
        if text[start - 1 : start] in _QUOTES and text[end : end + 1] in _QUOTES:
            return True
        for k in range(first - 1, max(-1, first - 4), -1):
            if _ends_sentence(gaps[k + 1]) or not self._capital(text, found, starts, k):
                return False
            if words[k] == "the" and k < first - 1 and k > 0 and not _ends_sentence(gaps[k]):
                return True
        return False

    @staticmethod
    def _capital(text: str, found: Tokens, starts: Sequence[int], k: int) -> bool:
        start, _ = found.original(starts[k], starts[k] + 1)
        return text[start : start + 1].isupper()
