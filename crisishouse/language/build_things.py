"""Build ``data/thing_words.json`` from WordNet: nouns for things, and nouns for people.

A word such as "manic", "depression" or "formulation" is clinical when it is
said of a person, and everyday when it is said of a thing: "the market was
manic", "the depressions on the map", "the formulation of the cough syrup".
The sense rule in ``rules.py`` needs to know which nouns name things and which
name people, for thousands of nouns, so the lists come from Princeton WordNet
3.0 rather than being written by hand:

- a *thing* is a noun whose most common sense (WordNet lists senses by how
  often they were seen) is an object, artifact, substance, food, plant,
  animal, place, time, event, natural phenomenon, possession, quantity,
  shape, communication, act or group
  ("ward" is first a person, then a hospital room: not a thing);
- a *person* is a noun whose most common sense is a person ("guest",
  "nurse", "patient").

Words the language vocabulary itself holds, and the words of clinical
settings in NOT_THINGS ("meeting", "review", "plan"), are never things: a
"formulation for the MDT meeting" is still clinical.

WordNet comes from Debian's ``wordnet-base`` package (``apt-get install
wordnet-base``; its files are read from ``/usr/share/wordnet``). It is a
build dependency only: the house reads the committed JSON file. Run::

    .venv/bin/python -m crisishouse.language.build_things [--check] [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from crisishouse.language.clauses import split_words as _split

DATA = Path(__file__).parent / "data"
OUTPUT = DATA / "thing_words.json"
WORDNET = Path("/usr/share/wordnet")

# WordNet's lexicographer files, by number (lexnames).
_LEXNAMES = {
    4: "act", 5: "animal", 6: "artifact", 10: "communication", 11: "event", 13: "food", 14: "group", 15: "location",
    17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession", 23: "quantity",
    25: "shape", 27: "substance", 28: "time",
}  # fmt: skip
_WORD = re.compile(r"[a-z]{3,}")


THING_KINDS = frozenset(_LEXNAMES.values()) - {"person"}
# Things that can be touched or stood in: "the formulation of the cough syrup", "depressions on the map",
# "a labile compound". Not acts ("delusions of persecution"), groups or quantities; drugs and drinks
# are never things at all (TAKEN, below).
CONCRETE_KINDS = frozenset(["artifact", "object", "food", "plant", "animal", "location", "substance"])
# Nouns of clinical settings, of the work of services, and of what a diagnosis is
# often "of" ("harmful use of alcohol", "restriction of food"): what is said of them stays clinical.
NOT_THINGS = frozenset(
    _split(
        """
    meeting meetings review reviews plan plans session sessions appointment appointments admission admissions
    discharge referral referrals service services ward wards unit units clinic clinics hospital hospitals team
    teams mdt leave visit visits transfer notes note letter letters file files chart charts report reports
    summary summaries record records
    assessment assessments formulation treatment treatments therapy medication medications meds dose doses
    depot injection round rounds handover handovers shift shifts obs observation observations intake triage
    presentation presentations episode episodes behaviour behaviours behavior behaviors history histories
    care support risk risks crisis crises case cases programme program group groups course relapse act section
    order orders court tribunal police ambulance ed emergency bed beds room rooms seclusion picu
    diagnosis diagnoses prognosis label labels speech conversation talk language content statement
    alcohol drink drinks booze liquor beer wine spirits drug drugs cannabis marijuana weed meth cocaine heroin
    pill pills tablet tablets substance substances pokies phone screen screens internet food meal meals body
    glue petrol gas inhalant inhalants solvent solvents nicotine tobacco caffeine sugar fluids fluid blood urine
    """
    )
)
# Concrete things that are what a diagnosis is often "of" ("harmful use of MDMA"): any noun
# whose first sense is a kind of these (by WordNet's hypernyms) is never concrete.
TAKEN = frozenset(["drug", "medicine", "beverage", "alcohol", "narcotic", "agent", "intoxicant", "solvent", "fuel"])


def _ancestors(raw: bytes, at: int, seen: set[int] | None = None) -> set[str]:
    """The words of every synset above the one at offset `at` (its hypernyms, all the way up)."""
    seen = set() if seen is None else seen
    words: set[str] = set()
    line = raw[at : raw.index(b"\n", at)].split(b" | ")[0].split()
    count = int(line[3], 16)
    words.update(w.decode().lower() for w in line[4 : 4 + 2 * count : 2])
    pointers = line[4 + 2 * count :]
    for k in range(1, len(pointers) - 3, 4):
        if pointers[k] in (b"@", b"@i") and int(pointers[k + 1]) not in seen:
            seen.add(int(pointers[k + 1]))
            words |= _ancestors(raw, int(pointers[k + 1]), seen)
    return words


def _index_words(wordnet: Path, *names: str) -> set[str]:
    """The first word of each line of WordNet's index or exception files `names` (their licence skipped)."""
    found: set[str] = set()
    for name in names:
        path = wordnet / name
        if path.is_file():
            found.update(
                line.split(" ", 1)[0]
                for line in path.read_text(encoding="utf-8").splitlines()
                if not line.startswith(" ")
            )
    return found


def _other_parts(wordnet: Path) -> set[str]:
    """The lemmas that are adjectives or adverbs too ("last", "still", "fine"): never concrete things."""
    return _index_words(wordnet, "index.adj", "index.adv")


def _verbs(wordnet: Path) -> set[str]:
    return _index_words(wordnet, "index.verb")


def _verb_form(word: str, verbs: set[str]) -> bool:
    """ "remains", "goes", "building": a verb's own form that WordNet also lists as a noun."""
    if word.endswith("ing") and (word[:-3] in verbs or word[:-3] + "e" in verbs):
        return True
    return word.endswith("s") and (word[:-1] in verbs or (word.endswith("es") and word[:-2] in verbs))


def _named_in(raw: bytes, at: int, lemma: str) -> bool:
    """Whether the synset at offset `at` writes `lemma` only with a capital (a name, not a thing)."""
    line = raw[at : raw.index(b"\n", at)].split(b" | ")[0].split()
    count = int(line[3], 16)
    forms = [w.decode() for w in line[4 : 4 + 2 * count : 2]]
    return not any(form == lemma for form in forms) and any(form.lower() == lemma for form in forms)


def _first_kinds(wordnet: Path) -> dict[str, list[str]]:
    """Each single-word noun of WordNet, with the kinds of its first three senses (most common first).

    A noun whose first sense is a drug, a medicine or a drink counts as "taken".
    """
    with open(wordnet / "data.noun", "rb") as data:
        raw = data.read()
    kinds: dict[str, list[str]] = {}
    for line in (wordnet / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence
        parts = line.split()
        lemma = parts[0]
        if not _WORD.fullmatch(lemma):
            continue
        count = int(parts[2])
        # A sense where the word is a name ("Villa" the general, "Bach" the composer) is not what
        # "a villa" means: the senses in small letters come first, when there are any.
        offsets = sorted(parts[-count:], key=lambda offset: _named_in(raw, int(offset), lemma))
        found = []
        for offset in offsets[:3]:
            at = int(offset)
            lexname = int(raw[at : raw.index(b" ", raw.index(b" ", at) + 1)].split()[1])
            found.append(_LEXNAMES.get(lexname, "other"))
        if found[0] in CONCRETE_KINDS and not TAKEN.isdisjoint(_ancestors(raw, int(offsets[0]))):
            found[0] = "taken"
        kinds[lemma] = found
    return kinds


NZ_THINGS = frozenset(
    _split(
        """
    bach baches crib whare wharenui wharekai marae ute utes chillybin jandals togs dairy section
    kauri totara rimu matai miro kahikatea pohutukawa rata manuka kanuka harakeke flax toetoe kawakawa
    macrocarpa pine ponga punga nikau cabbage kumara puha paua kina pipi tuatua kutai kaimoana hangi
    """
    )
)
# Words that are nouns to WordNet but mostly the grammar of a sentence ("may" the hawthorn, "can" the tin).
GRAMMAR = frozenset(_split("may might can could will would shall should must ought do does did am are was were"))
# Words said aloud that WordNet does not list (interjections).
SAID_ALOUD = frozenset(_split("ah oh hi ho ok um uh eh aw ow yo ha"))


def _lemmas(wordnet: Path) -> set[str]:
    """Every single-word lemma of WordNet, of any part of speech, and the irregular forms ("did", "went")."""
    names = [name for pos in ("noun", "verb", "adj", "adv") for name in (f"index.{pos}", f"{pos}.exc")]
    return {word for word in _index_words(wordnet, *names) if "_" not in word}


def build(wordnet: Path = WORDNET) -> dict:
    from crisishouse.language.checker import _add_alone, _add_entries
    from crisishouse.language.vocabulary import builtin_alone, builtin_entries

    # The words the vocabulary flags, as written or in a form of theirs (not the prefixes it walks).
    table: dict[str, object] = {}
    _add_entries(builtin_entries(), table, set())
    _add_alone(builtin_alone(), table, set())
    vocabulary = {w for w, value in table.items() if value}
    found: dict[str, list[str]] = {"concrete": [], "things": [], "times": [], "persons": [], "animals": []}
    describing = _other_parts(wordnet)
    verbs = _verbs(wordnet)
    for word, kinds in sorted(_first_kinds(wordnet).items()):
        if kinds[0] in CONCRETE_KINDS and (word in describing or word in GRAMMAR or _verb_form(word, verbs)):
            kinds = ["thing", *kinds[1:]]  # "last", "still", "remains": a thing only now and then
        if kinds[0] == "person":
            found["persons"].append(word)
        elif kinds[0] in THING_KINDS and word not in NOT_THINGS and word not in vocabulary:
            group = "concrete" if kinds[0] in CONCRETE_KINDS else "times" if kinds[0] == "time" else "things"
            if kinds[0] == "animal":
                found["animals"].append(word)
            found[group].append(word)
    # The abbreviations looked for in capitals only that are English words too ("ADD", "SAD", "DID"):
    # said loudly, they are the word, so only these need the checks for shouting.
    english = _lemmas(wordnet) | SAID_ALOUD
    caps = sorted(
        {w.casefold() for e in builtin_entries() if e.exact_case for w in e.words}
        | {w.casefold() for pair in builtin_alone() for e in pair if e is not None and e.exact_case for w in e.words}
    )
    found["caps"] = [w for w in caps if w in english or (w.endswith("s") and w[:-1] in english)]
    # Concrete nouns that are verbs too: their "-s" form may be the verb ("paints", "maps").
    found["verbs"] = sorted(set(found["concrete"]) & verbs)
    # Aotearoa's own things, which WordNet does not know or knows first as something else
    # ("bach" is first the composer): a holiday house, trees, plants, kai.
    found["concrete"] = sorted(set(found["concrete"]) | NZ_THINGS)
    found["persons"] = sorted(set(found["persons"]) - NZ_THINGS)
    return {
        "about": (
            "The vocabulary's capitals-only abbreviations that are also English words ('caps'), and "
            "nouns naming concrete things (artifacts, objects, food, plants, animals, places), other things, "
            "Nouns naming things (first sense an object, artifact, substance, food, plant, animal, place, "
            "event, phenomenon, possession, quantity, shape, communication, act or group) "
            "nouns naming times (listed apart: 'an assessment for the weekend' is still clinical) and nouns naming people (first sense a person), from Princeton WordNet 3.0, less the language "
            "vocabulary's own words and the nouns of clinical settings. The sense rule reads them: a clinical "
            "word said of a thing ('the market was manic') is everyday. Generated by "
            "crisishouse/language/build_things.py; do not edit by hand."
        ),
        "source": "Princeton WordNet 3.0 (Debian wordnet-base)",
        **found,
    }


def render(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=0) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet's dict folder")
    args = parser.parse_args(argv)
    if not (args.wordnet / "index.noun").is_file():
        print(f"No WordNet in {args.wordnet}: apt-get install wordnet-base", file=sys.stderr)
        return 2
    text = render(build(args.wordnet))
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    if current == text:
        return 0
    if args.check:
        print(f"Out of date: {OUTPUT}; run: python -m crisishouse.language.build_things", file=sys.stderr)
        return 1
    OUTPUT.write_text(text, encoding="utf-8")
    document = json.loads(text)
    kinds = ("concrete", "things", "times", "persons", "caps", "verbs", "animals")
    counts = ", ".join(f"{len(document[k])} {k}" for k in kinds)
    print(f"Wrote {OUTPUT}: {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
