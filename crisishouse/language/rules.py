"""Rules that find what no list of words could: classes of clinical language.

The vocabulary (`vocabulary.py`) finds words it holds. These rules find the
rest by its shape:

- **A name ending in "disorder" or "syndrome"** is a diagnosis whatever
  precedes it ("gaming disorder", "Capgras syndrome"), unless nothing names
  it ("a disorder", "in disorder", "public disorder") or the name is a
  physical one ("Down syndrome", "a bleeding disorder").
- **Wrappers**: what follows "diagnosed with", "dx of", "meets criteria for",
  "provisional diagnosis of" is a diagnosis, unless it names a physical
  condition ("diagnosed with diabetes"); a sentence said "per the referral",
  "according to the letter" or "per the psych" is the notes' voice, flagged
  where nothing else in it is.
- **Clinical shorthand as a class**: patient, history, symptom, treatment
  and diagnosis abbreviations (pt, hx, dx, sx, tx, c/o, o/e, r/o, 2/52),
  named rating scales with a score (PHQ-9, K10, GAD-7, HoNOS ...), service
  and team acronyms (anything in capitals holding "MH": CAMHS, MHSOP ...),
  observation levels (level 2 obs, 15-min checks, q15, 1:1 nursing),
  orientation ("A&O x3", "orientated to time, place and person") and
  mental-state-exam headings with what follows them ("Thought form:
  linear"), a queried diagnosis ("?psychosis"), abbreviations listed with a
  slash ("SI/HI"), Mental Health Act sections ("s.29", or any act's section
  where it holds someone: "detained on a s2", "under s136"), missed
  appointments ("DNA x2") and drug screens. A shape is tried only where a
  token that can begin it stands. An acronym in capitals before a word
  naming a clinical role or setting is a service's shorthand ("EIS
  clinician", "PES team", "MH cat C"), unless it is an everyday one (GP,
  ACC, WINZ, a sports code).
- **Diagnostic endings**: a word ending in "-thymia" or "-phrenia"
  ("alexithymia") names a diagnosis, listed or not.
- **Near rules** (data: ``[[near]]`` in vocabulary.toml): a topic word next
  to an assessing word is clinical talk about capacity, engagement, speech,
  judgement, insight, risk, mood, affect, thought ("speech pressured",
  "judgement impaired", "engaged well with staff", "risk to self"), unless a
  word of the everyday sense is near ("engagement party", "risk of rain"),
  or the guest says it of themselves ("my speech was slow today").
- **Everyday senses** (`senses.py`, used through `Rules.sense`): a word
  that is also a diagnosis said of a thing, a place, a title or a name.

Everything here works on the folded text (`normalise.tokens`), so what the
normaliser sees through (case, macrons, digits and symbols for letters,
invisible characters) is seen through here too, and every finding is mapped
back to offsets in the text as given.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crisishouse.language.clauses import STOP as _STOP
from crisishouse.language.clauses import ends_clause as _ends_clause
from crisishouse.language.clauses import ends_sentence as _ends_sentence
from crisishouse.language.clauses import phrase_set as _words
from crisishouse.language.clauses import split_words
from crisishouse.language.normalise import SPACED, Tokens
from crisishouse.language.senses import Nouns, Sense, Senses
from crisishouse.language.vocabulary import CLIPPED, DOSED, Entry

_split = split_words


# A candidate finding in folded offsets: (start, end, entry).
Candidate = tuple[int, int, Entry]

DIAGNOSIS_SUGGESTION = "the guest's own words for what they're going through; what is helping"
_DIAGNOSIS = Entry(("(a name ending in disorder or syndrome)",), "diagnosis", DIAGNOSIS_SUGGESTION, source="rule")
_WRAPPED = Entry(
    ("(what follows a diagnosis wrapper)",),
    "diagnosis",
    "what they're going through, in their own words (a diagnosis is not recorded here)",
    source="rule",
)
_HEARSAY = Entry(
    ("(a clause from a referral, letter or clinician)",),
    "jargon",
    "what the guest wants us to know, in their own words; leave out what the notes say",
    source="rule",
)
_SHORTHAND = Entry(
    ("(clinical shorthand)",),
    "jargon",
    "plain words, written with the guest; leave out what is the clinic's business",
    source="rule",
)
# A medicine for the mind named with its dose (never a thing named: "Concerta 36 mane" is no horse's).
_DOSED_MEDICINE = Entry(
    ("(a medicine for the mind with its dose)",),
    "jargon",
    "the guest's own words for what they take, if they want it written at all",
    source=DOSED,
)
# A medicine's name clipped (a shape of its own, so a capitalised one can be told from a name).
_CLIPPED_NAME = Entry(
    ("(a medicine's name clipped)",),
    "jargon",
    "the guest's own words for what they take, if they want it written at all",
    source=CLIPPED,
)
# After a clip written with a capital, what shows it is the medicine: a dose in its unit, or when it is given.
_CLIP_DOSED = re.compile(
    r"[ \t]*\d+(?:\.\d+)?[ \t]?(?i:mg|mcg|µg|ml)(?![^\W_])|[ \t]+(?i:mane|nocte|bd|tds|qds|qid|prn|stat)(?![^\W_])"
)
_SCALE = Entry(
    ("(a rating scale or score)",),
    "jargon",
    "how they say they're feeling, in their own words (scores are not recorded here)",
    source="rule",
)
_OBSERVATION = Entry(
    ("(an observation level)",),
    "jargon",
    "checked in with; popped in to say kia ora; asked if they'd like company",
    source="rule",
)
_MENTAL_STATE = Entry(
    ("(a mental-state-exam phrase)",),
    "jargon",
    "how they're feeling, in their words; seemed ... to us",
    source="rule",
)
_HEADING = Entry(
    ("(a mental-state-exam heading and what follows it)",),
    "jargon",
    "how they're feeling, in their words; seemed ... to us",
    source="rule",
)
_QUERIED = Entry(
    ("(a queried diagnosis)",),
    "diagnosis",
    "what they're going through, in their own words (a diagnosis is not recorded here)",
    source="rule",
)

# Before "disorder", these make it the everyday word ("public disorder").
_NOT_A_NAME = frozenset(
    _split(
        "public civil total complete utter general political economic world global new great "
        "social-order mass street civic urban"
    )
)
_HEADS = frozenset(["disorder", "disorders", "syndrome", "syndromes"])
# Before a name, these say someone has it: "has Charles Bonnet's syndrome", "query Da Costa's syndrome".
_HAD_WITH = frozenset(
    _split("has had have having with of query dx diagnosed likely possible probable suspected known for")
)
_MAX_NAME_WORDS = 4

# Shapes of clinical shorthand, in the folded text (lower case, symbols read
# as letters, digits kept). Each is tried only where a token that can begin
# it stands: (the tokens, or DIGITS or MIXED for any such token; the shape,
# matched at that token; what it is; and a character it cannot match without).
DIGITS, MIXED = "<digits>", "<mixed>"
# Medicines often written with when or how they are given ("lithium nocte"): by their own names.
_MEDICINES = _split(
    "lithium clozapine olanzapine quetiapine risperidone aripiprazole haloperidol paliperidone "
    "amisulpride ziprasidone lurasidone chlorpromazine zuclopenthixol flupenthixol sertraline fluoxetine "
    "citalopram escitalopram venlafaxine desvenlafaxine duloxetine paroxetine mirtazapine amitriptyline "
    "nortriptyline trazodone bupropion vortioxetine diazepam lorazepam clonazepam temazepam oxazepam "
    "alprazolam zopiclone zolpidem melatonin promethazine lamotrigine valproate carbamazepine "
    "topiramate gabapentin pregabalin propranolol metformin paracetamol ibuprofen naproxen codeine "
    "tramadol methadone buprenorphine naltrexone disulfiram acamprosate thiamine methylphenidate "
    "dexamfetamine atomoxetine clonidine benztropine procyclidine hyoscine omeprazole levothyroxine "
    "atorvastatin simvastatin amlodipine cilazapril losartan salbutamol prednisone fluticasone insulin "
    "epilim zoloft prozac seroquel zyprexa abilify lexapro efexor effexor valium ativan xanax lamictal "
    "tegretol risperdal clozaril imovane lovan cipramil"
)
_E = r"(?![^\W_])"  # at the end of a word
# At the end of a clause, or before "and", "or", "&" or "/" ("low RTO and RTS", "good EC, rapport").
_CLAUSE_ENDS = r"(?=\s*(?:[,.;:)!?]|$|/|&|\band\b|\bor\b|\+))"
# Not said of a thing that meets a scheme's criteria: "the house didn't meet criteria for the subsidy".
_NOT_OF_THINGS = "".join(
    rf"(?<!\b{thing}\s)"
    for thing in ("house", "car", "home", "site", "building", "property", "application", "project", "product", "bid")
)
# Not a group's or a thing's want: "the team lacks motivation", "the company is lacking insight".
_NOT_OF_GROUPS = "".join(
    rf"(?<!\b{group}\s)(?<!\b{group}\sis\s)(?<!\b{group}\swas\s)"
    for group in (
        "team",
        "department",
        "company",
        "board",
        "project",
        "startup",
        "business",
        "council",
        "club",
        "squad",
        "side",
        "organisation",
        "government",
        "school",
        "engine",
        "article",
        "paper",
        "plan",
        "network",
        "city",
        "industry",
        "market",
        "economy",
        "sector",
        "committee",
        "staff",
        "class",
        "country",
    )
)
# Words that describe an affect as a mental-state exam does ("odd affect", "bright affect").
_AFFECT_WORDS = tuple(
    _split(
        "odd strange unusual bizarre bright shallow fixed full normal sad depressed euphoric fatuous silly hostile "
        "suspicious warm cold guarded anxious irritable tearful elevated expansive dysphoric euthymic perplexed "
        "appropriate congruent incongruent reactive labile blunted flat flattened restricted constricted animated "
        "variable stable reduced diminished heightened placid bland wooden detached vacant empty fearful angry "
        "agitated subdued muted dull dulled brittle neutral exaggerated theatrical histrionic"
    )
)
# What the verb "affect" is followed by: "won't affect the roster", "cold can affect her knees".
_AFFECTED = tuple(
    _split(
        "the a an his her their my our your him them us me you how whether what everyone anyone people others it "
        "this that those these all any each every both some many more most"
    )
)
# Medicines for the mind as a chart clips them ("olanz 10mg", "her quet", "clonaz prn"): each name's
# beginnings of four letters or more, but not a word or a name of its own ("halo", "carb", "meth",
# "Diaz", "Amit", "Venla"). The whole name is the guest's to use; the clip is the chart's.
_CLIPPED = _split(
    "clozapine olanzapine quetiapine risperidone aripiprazole haloperidol paliperidone amisulpride "
    "ziprasidone lurasidone chlorpromazine zuclopenthixol flupenthixol sertraline fluoxetine citalopram "
    "escitalopram venlafaxine desvenlafaxine duloxetine paroxetine mirtazapine amitriptyline nortriptyline "
    "trazodone vortioxetine diazepam lorazepam clonazepam temazepam oxazepam alprazolam zopiclone zolpidem "
    "lamotrigine valproate carbamazepine methylphenidate dexamfetamine atomoxetine seroquel zyprexa risperdal "
    "lithium midazolam"
)
# Substances a clinic names dependence on or withdrawal from (alcohol's phrases are listed words;
# not nicotine: "nicotine withdrawal" is anyone's who gives up smoking).
_SUBSTANCES = _split(
    "benzo benzodiazepine opioid opiate ghb cannabis meth methamphetamine amphetamine stimulant "
    "cocaine ketamine heroin sedative hypnotic gabapentinoid synthetic"
)
# Faculties of the mind a service names as lacking or unsteady (above: "... impairment", "... instability").
_FACULTIES = _split(
    "psychosocial cognitive neurocognitive social emotional affective mood behavioural behavioral executive "
    "attentional attention adaptive interpersonal functional psychological intellectual memory motivational "
    "coping living processing impulse identity volitional perceptual"
)
# How a presentation is summed up in a note ("a psychotic presentation"; not a complex one at a conference).
_PRESENTING = _split(
    "somatic somatised somatized psychotic manic hypomanic depressive disorganised disorganized dysregulated "
    "florid catatonic dissociative psychiatric paranoid suicidal labile"
)
_NOT_CLIPS = frozenset(
    _split(
        "halo halop pali amis lura luras chlo chlor chlorp sert fluo cita paro amit nort vort diaz lora "
        "clon clona tema lamo carb carba meth methy methyl dexa atom atomo sero desv risp rispe valp olan venla"
    )
)
# Clips left out above as words or names alone, but a medicine's with a dose after them ("sert 150").
_DOSED_ONLY_CLIPS = tuple(
    _split("sert cita fluo paro venla valp risp rispe olan sero tema clona desv nort vort lura lamo")
)
_CLIPS = frozenset(name[:n] for name in _CLIPPED for n in range(4, len(name) - 1) if name[:n] not in _NOT_CLIPS) | {
    "zop",
    "zops",
    "quets",
    "lorazzy",
}
# The same medicines by the names a chart or a guest gives them (brands too), for a dose written
# without its unit ("Epilim 500", "vyvanse 30", "sert 150") or a count of tablets ("20 x zopiclone").
_PSYCH_BRANDS = _split(
    "epilim zoloft prozac seroquel zyprexa abilify lexapro efexor effexor valium ativan xanax lamictal tegretol "
    "risperdal clozaril imovane lovan cipramil vyvanse ritalin concerta clopixol invega suboxone "
    "rubifen zypine antabuse lithicarb priadel solian largactil stilnox rivotril paxam normison aropax cymbalta "
    "wellbutrin arrow-quetiapine"
)
# How a chart names a medicine's release or its depot, between the name and the dose ("venlafaxine XR 225",
# "Invega Sustenna 150", "Zypine ODT 10mg").
_RELEASE = r"(?:la|xr|sr|cr|xl|er|ir|mr|odt|sustenna|maintena|trinza|consta)"
# Opioids and the medicines that replace them, for a dose before them ("15mg MST", "60ml methadone").
_OPIOIDS = "methadone|buprenorphine|bupe|suboxone|morphine|mst|oxycodone|oxynorm|fentanyl|tramadol|codeine"
_DOSED_NAMES = "|".join(sorted({*_CLIPPED, *_PSYCH_BRANDS, *_CLIPS}, key=len, reverse=True))
_NAMED = "|".join(sorted({*_CLIPPED, *_PSYCH_BRANDS}, key=len, reverse=True))
# Not after the words a guest gives their own medicine with ("my sertraline 50mg", "I'm on ...").
_NOT_ONES_OWN = r"(?<!\bmy )(?<!\bi'm on )(?<!\bim on )(?<!\bi take )"
# After a dose with no unit: not a year, a time or a count of something else ("quet 5 minutes").
_NOT_A_COUNT = (
    r"(?![\d/:]|[.,]\d|[^\W\d_])(?!\s*(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|pm|am|percent|%|stars?|shares?|packs?"
    r"|kg|km|years?|yrs?|people|times|sizes?|marks?|mg\s+of\s+sugar)(?![^\W_]))"
)
_LONG_CLIPS = "|".join(sorted((c for c in _CLIPS if len(c) >= 6), key=len, reverse=True))
_SHORT_CLIPS = "|".join(sorted((c for c in _CLIPS if len(c) < 6), key=len, reverse=True))
# A section's number said aloud, as dictation writes it: "section eleven", "section twenty-nine".
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|(?:twenty|thirty|forty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_SHAPES: tuple[tuple[Any, ...], ...] = (
    # complains of, on examination, history of, rule out, review, follow up, status post ...
    # (and seen by, discussed with: "s/b reg", "d/w consultant")
    (
        tuple("cohrfspbdine"),
        r"(?:c/o|o/e|h/o|r/o|r/v|f/u|s/p|p/w|b/g|d/c|i/p|o/p|n/v|e/c|s/b|d/w)" + _E,
        _SHORTHAND,
        "/",
    ),
    # withdrawal in shorthand, from what or with what: "w/d from alcohol", "ETOH w/d", "w/d symptoms"
    (
        ("w",),
        # (Not "w/d from 9 to 3", weekdays, nor a washer/dryer "off the kitchen".)
        r"w/d(?=\s+(?:from\s+(?:alcohol|alc|etoh|opioids?|opiates?|benzos?|meth|cannabis|drugs|heroin|nicotine)"
        r"|symptoms|sx|scale|risk|seizures?|management|regime))",
        _SHORTHAND,
        "/",
    ),
    # weeks and days as fractions: review in 2/52, for 3/7
    # ... and months or weeks since: "about 3/12 ago" (a date is never "ago")
    (
        (DIGITS,),
        r"\d{1,2}/52"
        + _E
        + r"|(?:(?<=in )|(?<=for )|(?<=x )|(?<=r/v )|(?<=f/u ))\d{1,2}/(?:7|12|24)"
        + _E
        # ... and a stay of so many days or weeks on a ward: "2/7 admission", "a 3/52 stay"
        + r"|\d{1,2}/(?:7|52)(?=\s+(?:admission|admit|inpatient|stay)(?![^\W_]))"
        + r"|\d{1,2}/12(?=\s+(?:ago|prior|previously|hx|history)"
        + _E
        + r"(?!\s+(?:quiz|test|exam|class|homework|paper|essay)))",
        _SHORTHAND,
        "/",
    ),
    # ... or times over a stretch of them: "no sleep x5/7", "x2/52"
    # (Run together only: "x 2/12 Dec" is two tickets for a date, "x 5/7" a kiss and a day.)
    (("x", MIXED), r"x\d{1,2}/(?:7|52)" + _E, _SHORTHAND, "/"),
    # the patient, at the start of a sentence or after the/this/our
    (
        ("pt", "pts"),
        r"(?:(?<![^\n])|(?<=[.;:!?] )|(?<=[.;:!?])|(?<=\bthe )|(?<=\bthis )|(?<=\bour )|(?<=\")|(?<=“))pts?(?:'s|’s)?"
        r"(?=\s+[a-z])(?!\s+(?:session|sessions|class|classes|appointment|workout|trainer|gym|at|on|in|with)\b)",
        _SHORTHAND,
    ),
    # label-colon headings of notes: Imp:, Impression:, Differential:, Collateral:
    (
        ("imp", "impression", "differential", "ddx", "formulation", "disposition", "collateral"),
        r"(?:imp|impression|differential|ddx|formulation|disposition|collateral)\s*:",
        _SHORTHAND,
        ":",
    ),
    # mental-state-exam headings: Appearance:, Behaviour:, Affect:, Thought form:, Insight:
    (
        (
            "appearance",
            "behaviour",
            "behavior",
            "speech",
            "mood",
            "affect",
            "thought",
            "thoughts",
            "perception",
            "perceptions",
            "cognition",
            "insight",
            "judgement",
            "judgment",
            "orientation",
            "rapport",
        ),
        r"(?:(?<![^\n])|(?<=[.;,] )|(?<=[.;,]))(?:appearance|behaviou?r|speech|mood|affect"
        r"|thoughts?(?:\s+(?:form|content|process))?|perceptions?|cognition|insight|judge?ment|orientation|rapport)\s*:",
        _HEADING,
        ":",
    ),
    (("thought",), r"thought\s+(?:form|content|process|stream)" + _E, _MENTAL_STATE),
    # orientation: A&O x3, oriented x4, orientated to time place and person, alert and oriented
    (("a",), r"a\s?&\s?o(?:\s?x\s?\d)?" + _E, _MENTAL_STATE, "&"),
    # ... run together, or alert as well: "AOx3", "AAOx4", "A+Ox3"
    (("aox", "aaox", "ao", "aao", MIXED), r"a?a\s?\+?\s?o\s?x\s?[1-4]" + _E, _MENTAL_STATE),
    (
        ("oriented", "orientated", "disoriented", "disorientated"),
        r"(?:dis)?orien(?:ta)?ted\s*(?:x\s?\d|\d|to\s+(?:time|place|person|date|self|situation)"
        r"|in\s+(?:all\s+)?(?:three|four|3|4)?\s*(?:spheres|domains))",
        _MENTAL_STATE,
    ),
    (("alert",), r"alert\s+and\s+(?:orien(?:ta)?ted|responsive)" + _E, _MENTAL_STATE),
    (("gcs", MIXED), r"gcs\s?\d{1,2}" + _E, _MENTAL_STATE),
    # rating scales with a score or a number: PHQ-9, GAD-7, K10, DASS-21, BDI-II, C-SSRS
    (
        ("phq", "gad", "dass", "pcl", "bdi", "bai", "hads", "epds", "sdq", "kessler", "k", "oci", "ocir", MIXED),
        # (Kessler's scales are the K6 and the K10: "the K-21" is a glider, "K-12" a school's years.)
        r"(?:(?:phq|gad|dass|pcl|bdi|bai|hads|epds|sdq|oci|ocir|kessler)(?:\s+of)?\s?-?\s?\d{1,2}|k\s?-?\s?(?:6|10)(?!\d))"
        + _E,
        _SCALE,
    ),
    # ... said aloud, as dictation writes them: "PHQ nine", "G A D seven", "DASS twenty-one"
    (
        ("phq", "gad", "dass", "epds", "p", "g", "d", "e"),
        r"(?:p ?h ?q[\s-]+nine|g ?a ?d[\s-]+seven|d ?a ?s ?s[\s-]+twenty[\s-]?one|e ?p ?d ?s[\s-]+ten)"
        r"(?=\s+(?:score|total|was|is|of))" + _E,
        _SCALE,
    ),
    (
        ("bdi", "wais", "cgi", "ham", "ies", "y", "ybocs", "mmpi", MIXED),
        r"(?:bdi-?(?:ii|iii)|wais-?(?:iii|iv)|cgi-?[si]|ham-?[ad]|ies-?r|y-?bocs|mmpi-?(?:2|3|a)(?:-rf)?)" + _E,
        _SCALE,
    ),
    (
        ("core", "who", "eat", "ace", "aq", "asrs", "cans"),
        r"(?:core|who|eat|ace|aq|asrs|cans)-(?:\d{1,2}|ii|iii|om|r)" + _E,
        _SCALE,
    ),
    (
        (
            "honos",
            "honosca",
            "honos65",
            "bprs",
            "panss",
            "madrs",
            "ymrs",
            "mmse",
            "moca",
            "c",
            "cssrs",
            "wemwbs",
            "caarms",
            "psyrats",
            "dast",
            "sofas",
            "gaf",
            "audit",
            "aims",
            "hcr",
            "dasa",
            "bvc",
        ),
        r"(?:honos(?:ca|65)?|bprs|panss|madrs|ymrs|mmse|moca|c-?ssrs|wemwbs|caarms|psyrats|dast(?:-\d+)?"
        r"|sofas\s+\d+|gaf\s+(?:of\s+)?\d+|audit(?:-c)?\s+(?:score\s+)?(?:of\s+)?\d+|audit\s+score"
        r"|aims\s+(?:score\s+)?(?:of\s+)?\d+|hcr-?\s?20|(?:dasa(?:-iv)?|bvc)\s+(?:score\s+)?(?:of\s+)?\d+|(?:dasa|bvc)\s+score)"
        + _E,
        _SCALE,
    ),
    # observation levels: level 2 obs, 15-min checks, q15 obs, 1:1 nursing, constant observation
    (("level", "lvl", MIXED), r"(?:level|lvl)\s?[1-4]\s+(?:obs|observations?|checks)" + _E, _OBSERVATION),
    (("obs",), r"obs\s+(?:level|lvl|reduced|increased|stopped|lifted|ceased)" + _E, _OBSERVATION),
    # ... or named in full: "observation level 2", "observations level 3"
    (
        ("observation", "observations"),
        r"(?<!tower )(?<!sky )(?<!the )observations?\s+(?:level|lvl)\s?[1-4]"
        + _E
        + r"(?!\s+(?:deck|lookout|of\s+the))",
        _OBSERVATION,
    ),
    # ... and by the hour: "2-hrly checks", "4 hourly visual obs"
    (
        (DIGITS, MIXED),
        r"\d{1,2}\s?-?\s?(?:min(?:ute)?s?|hrly|hourly|hly)\s+(?:visual\s+)?(?:obs|checks|observations?)" + _E,
        _OBSERVATION,
    ),
    (("q", MIXED), r"q\s?\d{1,2}(?:\s?-?min(?:ute)?s?)?\s+(?:obs|checks|observations?)" + _E, _OBSERVATION),
    (
        ("obs", "observations", "checks"),
        r"(?:obs|observations|checks)\s+(?:at\s+|every\s+)?q\s?\d{1,2}(?:\s?-?min(?:ute)?s?|h|hr|hrly)?" + _E,
        _OBSERVATION,
    ),
    (
        ("1", "one"),
        r"(?:1|one)\s?(?::|to|-to-)\s?(?:1|one)\s+(?:obs|observations?|nursing|special(?:ling|ing)?|supervision)"
        + _E
        + r"|(?<=\bon )(?:a\s+)?1\s?:\s?1(?![^\W_])",
        _OBSERVATION,
    ),
    (
        ("constant", "intermittent", "close", "general", "special", "eyesight", "continuous", "arms", "arm"),
        r"(?:constant|intermittent|close|general|special|eyesight|continuous|arms?'?s?\s?-?\s?length)\s+"
        r"(?:obs|observations?|checks|nursing)" + _E,
        _OBSERVATION,
    ),
    # presenting again: re-presented to ED
    (("re",), r"re[-\s]present(?:ed|s|ing|ation|ations)" + _E, _SHORTHAND),
    # abbreviations listed with a slash: SI/HI, AH/VH, DSH/SH
    (
        ("si", "hi", "ah", "vh", "th", "sh", "dsh"),
        r"(?:si|hi|ah|vh|th|sh|dsh)\s?/\s?(?:si|hi|ah|vh|th|sh|dsh|oh)" + _E,
        _SHORTHAND,
        "/",
    ),
    # sections of the Mental Health Act: s.29, s 11, section 30, s8a
    (
        ("s", "section", "sect", MIXED),
        r"(?:s|sect|section)\s?\.?\s?(?:8a|8b|9|10|11|12|13|14|15|16|29|30|31|38|76|109|110|111|113|117|135|136)"
        + _E
        # (Another Act's section, named: "section 11 of the Building Act".)
        + r"(?!\s*of\s+the\s+(?!mental|mh))",
        _SHORTHAND,
    ),
    # any act's section, where it holds someone: "detained on a s2", "under s136", "BIBP under section 3(2)"
    (
        ("under", "on", "detained", "held", "via", "using", "used", "invoked", "placed"),
        r"(?:under|on|detained(?:\s+(?:under|on))?|held\s+(?:under|on)|via|using|used|invoked|placed\s+on)\s+"
        r"(?:an?\s+|the\s+)?(?:s|sect|section)\s?\.?\s?\d{1,3}[a-z]?(?:\s?\(\d\))?(?![^\W_])"
        r"(?!\s*of\s+the\s+(?!mental|mh))",
        _SHORTHAND,
    ),
    # held on another country's form for it: "put on a Form 1", "placed on a Form 3" (Ontario, Victoria)
    (
        # (by whoever put them there: "on a Form 1 camp" is a school's year 7)
        ("put", "placed", "held", "detained"),
        r"(?:put|placed|held|detained)\s+on\s+an?\s+form\s+(?:[1-9]|4a|1a)"
        + _E
        + r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|at|by|under|for|after|overnight|last|yesterday|until|and)(?![^\W_]))",
        _SHORTHAND,
        "form",
    ),
    # a section's leave or its Act: "s17 leave", "s3 MHA", "section 2 papers"
    (
        ("s", "section", "sect", MIXED),
        r"(?:s|sect|section)\s?\.?\s?(?:\d{1,3}[a-z]?|" + _NUMBER_WORD + r")\s+"
        r"(?:leave|mha|mhca|papers|order|detention|assessment|tribunal)"
        + _E
        # ... or a report a court asks of a psychiatrist or psychologist, written short: "a s133 report" (Care of
        # Children Act), "the s38 reports" (the Criminal Procedure (Mentally Impaired Persons) Act), s178 and
        # s333/s334 (Oranga Tamariki); not a council's "s32 report" or "s42A report"
        + r"|s\s?\.?\s?(?:38|133|178|333|334)\s+(?:report|reports)"
        + _E
        # ... or extended, for the Act's own sections only (roadworks and resource consents have sections too)
        + r"|(?:s|sect|section)\s?\.?\s?(?:1[1-6]|29|30|31|eleven|thirteen|fourteen|fifteen|sixteen"
        r"|twenty[\s-]nine|thirty(?:[\s-]one)?)\s+(?:extended|renewed)(?=\s+(?:for|until|till|by))",
        _SHORTHAND,
    ),
    # watched by one staff member all the time: "on a 1:1", "on 1:1 at the unit" (not a 1:1 call with a manager)
    (
        ("on",),
        r"on\s+(?:a\s+)?1\s?:\s?1(?![\d:])(?!\s+(?:call|calls|meeting|meetings|chat|chats|session|sessions|catch|coaching"
        r"|zoom|video|tutoring|lesson|lessons|class|mentoring|basis|ratio|scale|device|devices|exchange|with|programme"
        r"|program|model|copy|replica|mix|split)" + _E + ")",
        _SHORTHAND,
        ":",
    ),
    # someone's injection given every few weeks, had or due: "had his depot", "her depot's due Thursday"
    # (not where a bus driver's depot is, or moved)
    (
        (
            "had",
            "missed",
            "gave",
            "give",
            "given",
            "getting",
            "got",
            "get",
            "refused",
            "declined",
            "his",
            "her",
            "their",
        ),
        r"(?:had|missed|gave|give|given|getting|got|get|refused|declined)\s+(?:his|her|their)\s+depot"
        + _E
        + r"|(?:his|her|their)\s+depot(?:'s|\s+is|\s+was)?\s+(?:due|given|injection|jab|shot|late|overdue|today|tomorrow)"
        + _E,
        _SHORTHAND,
    ),
    # a dose and when or how it is given: "15 mg mane", "500 mg BD", "150 mg IM", "5 mg PRN"
    (
        (DIGITS, MIXED),
        r"\d+(?:\.\d+)?\s?(?:mg|mcg|µg|g|ml|units?)\s+(?:mane|nocte|bd|tds|tid|qds|qid|od|om|mdu|prn|im|imi|iv|sc|sl|po|stat|bid|qhs|qd)"
        + _E,
        _SHORTHAND,
    ),
    # a dose in its unit, then the medicine for the mind or the opioid it is of: "10mg olanzapine", "1mg halo",
    # "20mg of fluoxetine", "15mg MST", "60ml methadone" (not a guest's own: "my 20mg of sertraline")
    (
        (DIGITS, MIXED),
        _NOT_ONES_OWN + r"\d+(?:\.\d+)?\s?(?:mg|mcg|µg|ml)\s+(?:of\s+)?"
        r"(?:"
        + _DOSED_NAMES
        + r"|"
        + _OPIOIDS
        + r"|halo|halop|olan|lora|diaz|clona|tema)"
        + _E
        # ... and how or when it is given, if the chart says: "2mg lorazepam PO"
        + r"(?:\s+(?:po|im|imi|iv|sc|sl|prn|mane|nocte|bd|tds|tid|qds|qid|od|stat)"
        + _E
        + r")?",
        _SHORTHAND,
    ),
    # a medicine for the mind poisoning someone: "Li toxicity", "clozapine tox"
    (
        # (Not lithium by its own name: it is a battery's and a lake's poison too.)
        ("li", "clozapine", "clozaril", "valproate", "epilim", "olanzapine", "quetiapine"),
        r"(?:li|clozapine|clozaril|valproate|epilim|olanzapine|quetiapine)\s+(?:toxicity|tox)" + _E,
        _SHORTHAND,
    ),
    # a medicine for the mind's dose changed, as a review notes it: "olanz reduced to 5", "quet upped to 300",
    # "sertraline increased by 50" (not their own: "my sertraline went up to 100")
    (
        tuple(sorted({*_CLIPPED, *_PSYCH_BRANDS, *_CLIPS})),
        r"(?<!\bmy )(?:" + _DOSED_NAMES + r")\s+(?:reduced|increased|upped|dropped|titrated|weaned|tapered|halved"
        r"|doubled|changed|cut|uptitrated|decreased|lowered|raised)(?:\s+(?:down|up|back))?\s+(?:to|by)\s+\d",
        _SHORTHAND,
    ),
    # admissions counted, in the chart's short word: "2x prev adm", "prev adms x3", "multiple admits"
    (
        ("prev", "previous", "multiple", "several", "two", "three", "four", DIGITS, MIXED),
        r"(?:\d\s?x\s+)?(?:prev|previous|multiple|several|two|three|four|\d\s?x)\s+(?:psych\s+|inpatient\s+|ip\s+)?"
        r"(?:adm|adms|admits)" + _E,
        _SHORTHAND,
        "adm",
    ),
    # a patient's status on a ward said as a noun: "she was a voluntary", "he's an informal now"
    (
        ("voluntary", "informal"),
        r"(?:(?<=\ba )voluntary|(?<=\ban )informal)(?=\s*(?:[\"'.,;:!?)”’]|$|\s(?:and|but|so|now|then|patient|admission)\b))",
        _SHORTHAND,
    ),
    # lithium's level in the blood, as the chart gives it: "Li 1.1", "Li level 0.7", "Li of 0.9" (a reading of
    # the body alone, "BP 128/80", is no one's mind: not looked for)
    (
        ("li",),
        # (Not a time: "Li 1.30 pickup".)
        r"li\s?(?:level\s)?(?:of\s|is\s|was\s|:\s?)?[0-2]\.(?:\d|(?!00|15|30|45)\d\d)" + _E,
        _SHORTHAND,
    ),
    # a medicine for the mind's level in the blood, by name: "clozapine levels due", "cloz level", "valproate
    # level" (not lithium's by name: a battery's, the groundwater's; nor a medicine's in the wastewater)
    (
        ("cloz", "clozapine", "clozaril", "clopine", "valproate", "valproic"),
        r"(?:clozapine|cloz|clozaril|clopine|(?:sodium\s)?valproate|valproic\sacid)\s(?:blood\s|serum\s|plasma\s)?"
        r"levels?(?!\s+(?:in|of)\s+(?:the\s+)?(?:wastewater|water|sewage|rivers?|environment|groundwater|effluent))"
        + _E,
        _SHORTHAND,
    ),
    # a birth's chart: gravida and para ("G2P1"), days since it ("day 3 pp", "day 5 post-partum")
    (
        ("g", "day", MIXED),
        r"(?:g\d{1,2}\s?p\d{1,2}|day\s\d{1,2}\s(?:pp|post[\s-]?partum|pn))" + _E,
        _SHORTHAND,
    ),
    # cuts in the chart's words: "superficial lacs to L forearm", "lacs x3", "lac to R wrist"
    (
        ("lac", "lacs", "lacerations", "laceration"),
        r"(?:lacs?|lacerations?)\s+(?:to|on|x\s?\d)\s?(?:the\s+)?(?:l|r|left|right|both|bilateral|\d|her|his)?" + _E,
        _SHORTHAND,
    ),
    # medicines and when they are given: "meds BD", "tabs TDS", "caps nocte"
    (
        ("meds", "med", "tabs", "tab", "tablets", "tablet", "caps", "capsules", "dose", "doses", "pills"),
        r"(?:meds?|tabs?|tablets?|caps|capsules|doses?|pills)\s+(?:mane|nocte|bd|tds|tid|qds|qid|om|mdu|prn|stat|bid|qhs)"
        + _E,
        _SHORTHAND,
    ),
    # a faculty of the mind named as lacking or unsteady: "psychosocial impairment", "social skills deficits",
    # "mood instability", "affective lability", "poor emotional regulation" (not a hearing impairment,
    # a budget deficit or erectile dysfunction: their words are not of the mind)
    (
        tuple(_FACULTIES),
        r"(?:" + "|".join(_FACULTIES) + r")(?:\s+(?:and|or|/)\s+(?:" + "|".join(_FACULTIES) + r"))?"
        r"(?:\s+skills?)?\s+(?:impairments?|deficits?|dysfunction|dysregulation|disturbances?|dyscontrol|diffusion)"
        + _E
        # (Unsteady or muddled only of moods and selves: a country's social instability is the news's.)
        + r"|(?:mood|affective|emotional|behavioural|behavioral|identity)\s+(?:instability|lability|blunting|confusion)"
        + _E,
        _SHORTHAND,
    ),
    (
        ("poor", "impaired", "reduced", "limited", "low", "lacking", "deficient", "weak"),
        # (Not self-control, as anyone says of themselves; nor one's own: "my poor impulse control".)
        r"(?<!\bmy )(?<!\bour )(?:poor|impaired|reduced|limited|low|lacking|deficient|weak)\s+(?:emotional|emotion|affect"
        r"|affective|mood"
        r"|behavioural|behavioral|impulse|anger)[\s-](?:regulation|control|modulation)" + _E,
        _SHORTHAND,
    ),
    # a medicine taken at the chart's times, the medicine left unsaid: "takes hers BD", "has his nocte"
    (
        ("takes", "take", "taking", "took", "has", "have", "having", "had", "given", "gets", "getting"),
        # (Only a pronoun standing for the medicine, and the time ending it: "has his stat sheet", "has her
        # mane plaited", "takes their BD team out" are a game's, a horse's and a sales team's.)
        r"(?:takes?|taking|took|has|have|having|had|given|gets|getting)\s+(?:his|hers|theirs|them|it)"
        r"\s+(?:bd|tds|tid|qds|qid|nocte|mane|prn|bid|qhs)"
        + _E
        + r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:with|at|and|after|before|since|every|each|daily|today|tonight|now)(?![^\W_]))",
        _SHORTHAND,
    ),
    # a promise of safety a service asks for: "not contracting for safety" (not a firm's safety audits)
    (
        ("contracting", "contract", "contracted", "contracts"),
        r"contract(?:ing|ed|s)?\s+for\s+safety(?![^\W_])"
        r"(?!\s+(?:audits?|work|works|inspections?|checks?|training|services?|officers?|plans?|advisers?|advisors?"
        r"|equipment|gear|consultants?|reviews?)(?![^\W_]))",
        _SHORTHAND,
    ),
    # a service's gate: "didn't meet criteria", "does not meet criteria for the team", "doesn't meet threshold for
    # home help"
    (
        # (As a service says it, with no "the" and for nothing but a service; not a house's or a car's: a
        # grant's, a rebate's or a fund's are "the criteria for" them.)
        ("didn", "didnt", "doesn", "doesnt", "did", "does", "not", "never"),
        _NOT_OF_THINGS
        # (from "does", not from its "not": "our application does not meet ..." is read where it begins)
        + r"(?<!\bdoes\s)(?<!\bdid\s)(?<!\bdo\s)"
        + r"(?:didn't|didn’t|didnt|doesn't|doesn’t|doesnt|did\s+not|does\s+not|do\s+not|not|never)\s+meets?\s+"
        # (a threshold only for a service's help: an application or a fundraiser misses thresholds too)
        r"(?:(?:entry\s+|access\s+|referral\s+|acceptance\s+)?criteria"
        + _E
        + r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:so|and|but|again|yet|at)(?![^\W_]))"
        + r"|(?:(?:entry\s+|access\s+|referral\s+|acceptance\s+)?criteria|threshold)"
        + r"(?=\s+for\s+(?:the\s+)?(?:service|services|team|home\s+help|support|supports|care|help"
        r"|crisis|cmht|catt|acute|admission|inpatient|secondary|mental|respite|treatment|us|them)(?![^\W_])))",
        _SHORTHAND,
    ),
    # a family drawn too close, as a report puts it: "enmeshed with her mother"
    (
        ("enmeshed",),
        # (Someone's own kin, by "his", "her" or "their": a firm, a trust, a vine or a printer cord is
        # enmeshed with "the" family's, the parent company's or a Brother's.)
        r"enmeshed\s+with\s+(?:his|her|their)\s+(?:mother|mum|mom|father|dad|parents|whanau|whānau|nan|nana"
        r"|grandmother)(?![^\W_]|['’-])(?!\s+(?:company|firm|trust|business|investor|printer|brand))",
        _SHORTHAND,
    ),
    # moved up a service's levels of care by the service: "was stepped up to the acute team", "being stepped up
    # to CCRT" (not "stepped up to the plate", nor a promotion: "she stepped up to the specialist team")
    (
        ("was", "were", "been", "being", "be", "is", "got", "get", "gets"),
        r"(?:was|were|been|being|be|is|got|get|gets)\s+stepped\s+up\s+(?:to|into)\s+(?:the\s+)?"
        r"(?:acute|crisis|intensive|inpatient|secondary"
        r"|specialist|home[\s-]based|cmht|ccrt|catt|cat|ihbt|crisis\s+resolution)" + _E,
        _SHORTHAND,
        "stepped",
    ),
    # a person written up in a mental state exam's words: "described him as bizarre", "noted her as guarded"
    # (a neighbour's "described him as odd" is everyday: only the exam's own words)
    (
        ("described", "documented", "noted", "charted", "recorded", "assessed"),
        r"(?:described|documented|noted|charted|recorded|assessed)\s+(?:him|her|them|the\s+guest|the\s+client"
        r"|(?!it\b|this\b|that\b|the\b|a\b)[^\W\d_]+)\s+as\s+"
        r"(?:(?:quite|very|rather|somewhat)\s+)?(?:bizarre|guarded|disorganised|disorganized|labile|blunted|perplexed"
        r"|avoidant|hypomanic"
        r"|dishevelled|disheveled|unkempt|thought[\s-]disordered|internally\s+preoccupied)" + _E,
        _SHORTHAND,
        " as ",
    ),
    # risk graded under its heading, as a sheet writes it: "risk: low-mod", "Risk - moderate"
    (
        ("risk",),
        # (not a sign's "Fire risk: high", a forecast's "Flood risk - moderate")
        # (only where a form's heading stands: a line's or a clause's start, or after "says", "overall" ...; an
        # earthquake's, a project's or a fraud's risk is named by the word before it)
        r"(?:(?<![^\W_]\s)(?<![^\W_])|(?<=\bsays\s)|(?<=\bsheet\s)|(?<=\boverall\s)|(?<=\bcurrent\s)"
        r"|(?<=\bnoted\s)|(?<=\bhandover\s))"
        r"risk\s*[:\-–]\s*(?:low[\s-]+(?:mod|moderate|med|medium)|(?:mod|moderate)[\s-]+high|nil|low|mod|moderate"
        r"|med|medium|high)" + _E,
        _SHORTHAND,
        ":",
    ),
    # a triage's priority or category put on someone: "put Sina down as P2", "was marked Cat C"
    (
        ("put", "marked", "coded", "triaged", "listed", "down"),
        # (and then told, rung or seen: a ticket, a roster or a carpark's "P2" goes on with its business; a
        # hurricane is marked Cat 5 by a number, a triage by a letter)
        r"(?:(?:put|marked|coded|listed)\s+(?:\w+\s+)?(?:down\s+)?as|down\s+as|triaged\s+as)\s+(?:an?\s+)?"
        r"(?:p[1-5]|priority\s+[1-5]|cat(?:egory)?\s+[a-e1-5])"
        + _E
        + r"(?=\s*(?:[.;:)]|$)|\s*,?\s+(?:and|so|then)\s+(?:told|rang|called|rung|phoned|seen|sent|asked|said|someone"
        r"|the\s+(?:team|crisis|nurse|doctor|ambulance))(?![^\W_]))"
        + r"|(?:marked|coded)\s+cat(?:egory)?\s+[a-e]"
        + _E
        + r"(?!\s+(?:on|in\s+the)\s+(?:the\s+)?(?:tracker|system|roster|list|board|spreadsheet|form)(?![^\W_]))",
        _SHORTHAND,
    ),
    # harm played down, as a report says someone does: "minimises the violence", "is minimising his use"
    (
        ("minimises", "minimizes", "minimising", "minimizing", "minimised", "minimized"),
        # (not a thing's: "minimises the harm from speeding", "the use of memory", "her use of plastic")
        r"minimi[sz](?:es|ing|ed)\s+(?:(?:the|his|her|their|any)\s+(?:\w+\s+)?(?:violence|abuse|offending|assault)"
        r"|(?:his|her|their)\s+(?:drinking|use|offending|symptoms|behaviour|behaviours|violence|abuse)"
        r"|what\s+happened)" + _E + r"(?!\s+of(?![^\W_]))",
        _SHORTHAND,
    ),
    # observations every so many minutes, in the chart's short form: "on q15", "q15 obs", "q15 all night" (not
    # "the q15 bus", a forklift's "Q30 checks")
    (
        ("on", "q", MIXED),
        r"q(?:5|10|15|30|60)(?:\s?min(?:ute)?s?)?\s+(?:obs|observations)"
        + _E
        + r"|q(?:5|10|15|30|60)(?=\s+(?:all\s+night|overnight|through\s+the\s+night)(?![^\W_])"
        r"(?!\s+(?:service|services|bus|buses|run|route|watering|sprays?)(?![^\W_])))"
        + r"|on\s+q(?:5|10|15|30|60)(?:\s?min(?:ute)?s?)?(?:\s+(?:obs|observations))?"
        + _E
        + r"(?!\s+(?:bus|buses|route|deck|platform|quay|line|train|ferry)(?![^\W_]))",
        _SHORTHAND,
    ),
    # watched by a nurse at all times, as a ward says it: "has been on specials since 0600", "was on specials
    # overnight"
    (
        ("on",),
        # (someone kept there since a ward's time of day or overnight: mince is on specials since Monday)
        r"(?<=\bbeen\s)on\s+specials(?=\s+(?:since\s+\d{3,4}|overnight|since\s+(?:midnight|admission))(?![^\W_]))"
        r"|(?:(?<=\bwas\s)|(?<=\bkept\s)|(?<=\bput\s)|(?<=\bstayed\s)|(?<=\bremains\s))on\s+specials"
        r"(?=\s+(?:overnight|since\s+\d{3,4}|until\s+handover)(?![^\W_]))",
        _SHORTHAND,
        "specials",
    ),
    # insight and judgement graded together in a mental state exam's shorthand: "I/J poor", "I/J fair"
    (
        ("i",),
        # (not a theatre's rows I and J)
        r"(?<!rows\s)(?<!row\s)(?<!seats\s)i\s?/\s?j\s+(?:poor|fair|good|limited|intact|impaired|partial|reduced|nil)"
        + _E,
        _SHORTHAND,
        "/",
    ),
    # an exam's word for someone, as a note records it: "was noted to be perplexed"
    (
        ("noted", "observed"),
        # (only an exam's own words: minutes note a treasurer guarded and a board elated, a judge a cake bizarre)
        r"(?:noted|observed)\s+to\s+be\s+(?:(?:quite|very|rather|somewhat)\s+)?(?:perplexed|disorganised|disorganized"
        r"|dishevelled|disheveled|unkempt|thought[\s-]disordered|hypomanic|internally\s+preoccupied"
        r"|responding\s+to\s+(?:voices|unseen\s+stimuli))" + _E,
        _SHORTHAND,
    ),
    # a long-stay person called by the adjective alone: "Uncle Lou was a chronic", "one of the chronics"
    # (not "a chronic cough", "a chronic shortage": a noun follows those; nor "a chronic for being late")
    (
        ("a",),
        r"a\s+chronic(?=\s*(?:[,.;:!?)]|$|\slike\b))",
        _SHORTHAND,
        "chronic",
    ),
    # someone classed as in great need, as a form lists them: "listed as high needs", "assessed as high-needs"
    # (of a person, by a pronoun: a lamb, a garden or a school's funding are listed as high needs too)
    (
        (
            "she",
            "he",
            "they",
            "her",
            "him",
            "them",
            "she's",
            "he's",
            "they're",
            "shes",
            "hes",
            "listed",
            "assessed",
            "classed",
            "classified",
            "rated",
            "coded",
            "deemed",
            "flagged",
            "categorised",
            "categorized",
        ),
        r"(?:(?:she|he|they)(?:['’]s|['’]re|\s+(?:is|was|are|were|has\s+been|had\s+been|got|gets|been))?"
        r"|shes|hes|her|him|them)\s+"
        r"(?:listed|assessed|classed|classified|rated|coded|deemed|flagged|categori[sz]ed)\s+as\s+(?:a\s+)?"
        r"(?:very\s+)?high[\s-]needs?"
        + _E
        + r"|(?:listed|assessed|classed|classified|rated|coded|deemed|flagged|categori[sz]ed)\s+(?:her|him|them)\s+as\s+"
        r"(?:a\s+)?(?:very\s+)?high[\s-]needs?" + _E,
        _SHORTHAND,
        "high",
    ),
    # a person kept steady by their medicines, as a letter says: "stable on her current regime"
    (
        # (Someone's current medicines: a paddock's dose of super, a fish tank's, a team's training regime,
        # a bus company's depot are steady too.)
        ("stable", "settled"),
        # (... or as a chart writes it, with no one named: "Stable on current regime", "settled on current meds")
        r"(?:stable|settled)\s+on\s+(?:(?:his|her|their)\s+)?current\s+(?:meds\s+|medication\s+)?"
        r"(?:regime|regimen|meds|medication|medications|depot)" + _E,
        _SHORTHAND,
    ),
    # risk graded toward self and others, as a form's box does: "Risk: mod to self, low to others"
    (
        ("low", "mod", "moderate", "med", "medium", "high", "minimal", "nil"),
        # (A notice's "low risk to others in your household" and "nil risk to self-build" are not a form's.)
        r"(?:low|mod|moderate|med|medium|high|minimal|nil)\s+(?:to\s+(?:self|others)|risk\s+to\s+self)"
        r"(?![^\W_]|-)(?!\s+(?:in|on|at|from|if|inside|during|of)(?![^\W_]))",
        _SHORTHAND,
    ),
    # voices or visions as a chart guesses at them: "responding to unseen others", "talking to unheard voices"
    (
        # (Not a plant's or a sensor's "external stimuli", a game's "imagined people", a model's unseen data.)
        ("responding", "responds", "responded", "talking"),
        r"(?:respond(?:ing|s|ed)|talking)\s+(?:to|with)\s+(?:unseen|unheard)\s+(?:others|voices)" + _E,
        _SHORTHAND,
    ),
    # a faculty a report finds wanting: "poor coping", "limited reflective capacity", "impaired insight"
    # (not one's own, "my poor coping"; nor "low" or "no", which anyone says of a budget or a dog)
    (
        ("poor", "limited", "impaired", "reduced", "diminished", "minimal", "lacking", "lacks", "lacked"),
        # (... or lacked, said of someone: "lacks motivation", "lacking resilience")
        r"(?<!\bmy )(?<!\bour )(?<!\bi )"
        + _NOT_OF_GROUPS
        + r"(?:poor|limited|impaired|reduced|diminished|minimal|lacking|lacks|lacked)\s+"
        r"(?:coping|boundaries|mentali[sz]ing|mentali[sz]ation|volition|self[\s-]awareness|emotional\s+literacy"
        r"|self[\s-]regulation|insight|eye\s+contact|rapport|reflective\s+(?:capacity|functioning|ability)"
        r"|parenting\s+capacity|protective\s+capacity|distress\s+tolerance|frustration\s+tolerance"
        r"|consequential\s+thinking|health\s+literacy|problem[\s-]solving|impulse\s+control|resilience"
        r"|motivation|(?<=lacks\s)empathy|(?<=lacking\s)empathy|(?<=lacked\s)empathy)"
        r"(?:\s+(?:skills|strategies|mechanisms))?"
        + _E
        # (Ended there, or going on about the person: not "coping stones", "Insight licences", "boundaries
        # tally", "reflective capacity on the road signs".)
        + r"(?=\s*(?:[.,;:!?)\"'”’]|$)|\s+(?:with|around|regarding|about|into|since|and|when|towards|toward|noted|evident|again|while|during"
        r"|at\s+times|today|overall|throughout|in\s+(?:relation|regard|session|interview|group)))",
        _SHORTHAND,
    ),
    # a decision someone is found to lack the capacity for: "lacks the capacity to manage his finances"
    # (not a team's or a venue's: "the club lacks the capacity to host it")
    (
        ("lacks", "lack", "lacked", "lacking"),
        r"(?<!\bmy )(?<!\bi )"
        + _NOT_OF_GROUPS
        + r"(?:lacks|lack|lacked|lacking)\s+(?:the\s+)?(?:mental\s+)?capacity\s+to\s+(?:make|manage|consent|decide"
        r"|understand|weigh|retain|care\s+for|look\s+after|live\s+alone)" + _E,
        _SHORTHAND,
    ),
    # an affect described, as a mental-state exam does: "odd affect", "bright, reactive affect" (the verb
    # "affect" has its object after it, "won't affect the roster", and no describing word before it)
    (
        _AFFECT_WORDS,
        r"(?:"
        + "|".join(_AFFECT_WORDS)
        + r")(?:(?:\s*,\s*|\s+(?:and|but)\s+|\s+)(?:"
        + "|".join(_AFFECT_WORDS)
        + r"))*"
        r"\s+affect(?!\s+(?:"
        + "|".join(_AFFECTED)
        + r")"
        + _E
        + r")"
        + _E
        # (Not "affect" written for "effect": "a stable affect on the bridge", "into full affect from April".)
        + r"(?!\s+(?:on|upon|of|from|for|at)(?![^\W_]))",
        _SHORTHAND,
    ),
    # how a person presents, named as a clinician sums it up: "somatic presentation", "a complex presentation"
    (
        tuple(_PRESENTING),
        r"(?:" + "|".join(_PRESENTING) + r")\s+presentations?" + _E,
        _SHORTHAND,
    ),
    # the Act's tests and a service's watch, in its words: "a danger to self", "capacity to care for",
    # "monitoring of mood and risk", "a forensic placement" (not "in danger to ourselves" of a storm)
    (
        ("danger", "capacity", "monitoring", "mood", "mental", "symptom", "forensic"),
        # (Of oneself, as the Act's forms put it; a sign's "danger to others" is a wet floor's.)
        r"danger\s+to\s+(?:self|themselves|himself|herself|themself)"
        + _E
        + r"|capacity\s+to\s+(?:parent|consent)"
        + _E
        # (Someone's, not a daycare's forty children: "capacity to care for infant", "... for herself".)
        + r"|capacity\s+to\s+care(?=\s+for\s+(?:(?:an?|the|his|her|their)\s+)?(?:infant|baby|pepi|pēpi|newborn|child"
        r"|themselves|himself|herself|themself|self)"
        + _E
        + ")"
        + r"|monitoring\s+(?:of\s+)?(?:(?:his|her|their)\s+)?(?:mood|mental\s+state|symptoms|presentation)"
        r"(?:\s+and\s+(?:mood|risk|mental\s+state|symptoms|presentation))?"
        + _E
        + r"|(?:mood|mental\s+state|symptom)\s+monitoring"
        + _E
        # (A person's place in the forensic service, not the police's or a painting's forensic history.)
        + r"|forensic\s+(?:placements?|patients?|beds?|wards?|inpatients?)"
        + _E,
        _SHORTHAND,
    ),
    # a legal status under the Act, and the service's own routes for a person
    (
        ("voluntary", "informal", "compulsory", "involuntary", "detained", "care", "clinical", "treatment", "stepped"),
        # (A club's voluntary status and a gig's informal admission are not the Act's.)
        r"(?:voluntary|informal|compulsory|involuntary|detained)\s+patients?"
        + _E
        + r"|(?:compulsory|involuntary)\s+(?:status|admission)"
        + _E
        + r"|(?:stepped\s+)?(?:care|clinical|treatment)\s+pathways?"
        + _E
        + r"|stepped\s+care"
        + _E,
        _SHORTHAND,
    ),
    # dependence on or withdrawal from a substance, named as a clinic names it: "benzo dependence",
    # "GHB withdrawal", "opioid use disorder" (alcohol's are listed words)
    (
        tuple(_SUBSTANCES),
        r"(?:" + "|".join(_SUBSTANCES) + r")s?[\s-]+(?:withdrawal|withdrawals|dependence|dependency|dependent"
        r"|use\s+disorder|misuse|abuse|intoxication|induced)" + _E,
        _SHORTHAND,
    ),
    # how well a person tells their own story, as a clinician grades it: "a reliable historian"
    (
        ("reliable", "unreliable", "good", "poor", "vague", "limited", "inconsistent", "accurate", "inaccurate"),
        r"(?:reliable|unreliable|good|poor|vague|limited|inconsistent|accurate|inaccurate)\s+historian" + _E,
        _SHORTHAND,
    ),
    # an old manual's code given for someone: "codes it 300.02", "DSM-IV 296.33"
    (
        ("code", "codes", "coded", "coding", "dsm", "icd"),
        r"(?:codes?|coded|coding|dsm(?:[\s-]?(?:iv|5|iii)(?:-tr)?)?|icd(?:[\s-]?(?:9|10)(?:-cm)?)?)\s+"
        r"(?:(?:it|as|him|her|them)\s+){0,2}"
        r"(?:[23]\d\d\.\d{1,2}|[Ff]\d\d(?:\.\d{1,2})?)" + _E,
        _SHORTHAND,
    ),
    # a dose written with how many: "100mg x2 at night", "50 mg x 3"
    (
        (DIGITS, MIXED),
        r"\d+(?:\.\d+)?\s?(?:mg|mcg|µg)\s?x\s?\d" + _E,
        _SHORTHAND,
    ),
    # discharged, as the chart writes it: "DC'd from IPU", "d/c'd home"
    (("dc", "d"), r"(?:dc|d/c)['’]?d(?=\s+(?:from|to|home|back|on|with|today|yesterday))", _SHORTHAND),
    # a court's report on someone's mind under its Act: "s23 report", "section 38 assessment"
    (("s", "section", MIXED), r"(?:s|section)\s?\.?\s?(?:23|38)\s+(?:reports?|assessments?)" + _E, _SHORTHAND),
    # a most that may be given in a day: "max 20mg/24h", "40 mg in 24 hrs"
    (
        (DIGITS, MIXED),
        r"\d+(?:\.\d+)?\s?(?:mg|mcg|µg)\s?(?:/|in|per)\s?24\s?(?:h|hr|hrs|hours)" + _E,
        _SHORTHAND,
    ),
    # the police's sections of the Act, as officers write them: "a couple of s109s"
    (("s", MIXED), r"s\s?\.?\s?(?:109|110|111)s?" + _E, _SHORTHAND),
    # a medicine for the mind with a dose and no unit, as people say it: "Epilim 500", "vyvanse 30",
    # "sert 150 mane", "upped my lamo to 200", "Ritalin LA 20" (not a year, a time or a count of
    # something else: "quet 5 minutes")
    (
        tuple({*_CLIPPED, *_PSYCH_BRANDS}),
        _NOT_ONES_OWN + r"(?:" + _NAMED + r")(?:\s+" + _RELEASE + r")?\s+"
        r"(?:to\s+)?\d{1,4}" + _NOT_A_COUNT,
        _DOSED_MEDICINE,
    ),
    # ... clipped ("sert 150 mane", "lamo to 200", "sodium val 500"; capitalised, a model's name: "Quet 5
    # speaker"). With a dose after it, a clip that is also a word or a name alone is the medicine's too.
    (
        tuple({*_CLIPS, *_DOSED_ONLY_CLIPS, "val"}),
        r"(?:"
        + _LONG_CLIPS
        + "|"
        + _SHORT_CLIPS
        + "|"
        + "|".join(_DOSED_ONLY_CLIPS)
        + r"|(?<=\bsodium\s)val|(?<=\bsod\s)val)\s+(?:to\s+)?\d{1,4}"
        + _NOT_A_COUNT,
        _CLIPPED_NAME,
    ),
    # tablets counted as a chart counts an overdose or a dose: "20 x paracetamol 500mg", "300 of quet"
    (
        (DIGITS, MIXED),
        r"\d{1,3}\s?(?:x|of)\s+(?:" + _DOSED_NAMES + r"|" + "|".join(_MEDICINES) + r")" + _E,
        _SHORTHAND,
    ),
    # a depot by its medicine: "paliperidone jab", "Invega injection"
    (
        tuple({*_CLIPPED, *_PSYCH_BRANDS}),
        r"(?:" + _DOSED_NAMES + r")\s+(?:jabs?|injections?|shots?|depots?)" + _E,
        _SHORTHAND,
    ),
    # a scale read as a score out of its most: "Barthel 85/100", "GDS 11/15", "CAGE was 3/4"
    (
        # (... or a trauma questionnaire's mean, a violence checklist's count: "HTQ 3.1", "Brøset 3")
        (
            MIXED,
            *_split(
                "barthel gds cage sbq fim aims amts moca mmse ace phq gad k10 dass epds audit honos htq broset bvc rudas "
                "pgsi psqi"
            ),
        ),
        r"(?:barthel|gds|cage|sbq(?:-r)?|fim(?:\s+motor)?|aims|amts|moca|mmse|ace(?:-iii)?|phq(?:-9)?|gad(?:-7)?|k10|dass(?:-21)?"
        r"|epds|audit(?:-c)?|honos|htq|broset|bvc|rudas|pgsi|psqi)\s+(?:(?:score|total)\s+)?"
        r"(?:was\s+|is\s+|of\s+|=\s*|:\s*|came\s+back\s+(?:at\s+)?|came\s+to\s+)?"
        r"\d{1,3}(?:\.\d{1,2}|/\d{1,3})?" + _E,
        _SCALE,
    ),
    # a hold on someone, as an American or Australian note writes it: "a 72hr hold", "a 5150"
    (
        (DIGITS, MIXED),
        # (the number alone only held or done to someone, "5150'd", "a 5150 hold": a forklift, a postcode and
        # an amp are 5150s too; "a 5150" is the rule below's)
        r"(?:72|48|24)\s?-?(?:hr|hrs|hour|h)\s+(?:hold|psych\s+hold)"
        + _E
        + r"|5150(?:['’]?d|ed)"
        + _E
        + r"|5150\s+(?:hold|holds|psych\s+hold|(?:(?:was|is|not|wasn['’]t)\s+)?(?:placed|written|initiated|lifted"
        r"|dropped|expired|started))" + _E,
        _SHORTHAND,
    ),
    # leave off the ward, with or without staff: "4hrs unescorted", "escorted leave"
    (
        ("unescorted", "escorted"),
        r"(?:un)?escorted\s+(?:leave|ground\s+leave|community\s+leave)" + _E,
        _SHORTHAND,
    ),
    (
        (DIGITS, MIXED),
        r"\d{1,2}\s?(?:hrs?|hours?)\s+(?:un)?escorted" + _E,
        _SHORTHAND,
    ),
    # risk graded now and over time: "LOW ACUTE / HIGH CHRONIC" (not chronic pain, an acute ward)
    (
        ("low", "moderate", "medium", "high"),
        r"(?:low|moderate|medium|high)\s+(?:acute|chronic)(?:\s*[/,]\s*(?:low|moderate|medium|high)\s+(?:acute|chronic))?"
        + _E
        + r"(?!\s+(?:pain|illness|illnesses|disease|diseases|condition|conditions|care|ward|wards|phase|stage|infection"
        r"|inflammation|asthma|kidney|renal|heart|liver|fatigue|back)" + _E + ")",
        _SHORTHAND,
    ),
    # a medicine clipped: six letters or more on its own ("clonaz", "mirtaz"); shorter, as a dose, a time
    # or someone's ("esci 10", "quet nocte", "her zop", "IM olanz"; not "the zop zop" of jandals)
    (
        tuple(_CLIPS),
        r"(?:"
        + _LONG_CLIPS
        + r")"
        + _E
        + r"|(?:"
        + _SHORT_CLIPS
        + r")"
        + _E
        + r"(?=[ \t]*(?:\d|x\s?\d|(?:mane|nocte|bd|tds|tid|qds|qid|od|prn|stat|im|po|sc|bloods|level|levels|dose|doses"
        r"|tabs?|tablets?|wafers?|depot)" + _E + r"))"
        # (A number of anything else is a model or a count: "Quet 5 speaker", "took Zopi 5 minutes".)
        r"(?![ \t]*\d+(?:\.\d+)?[ \t]*(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|pm|am|percent|%|stars?"
        r"|shares?|packs?|sizes?|kg|km|bedrooms?|marks?|speakers?|scooters?|earbuds|cameras?)" + _E + ")"
        r"|(?:(?<=\bher )|(?<=\bhis )|(?<=\bmy )|(?<=\btheir )|(?<=\byour )|(?<=\bon )|(?<=\bstarted )"
        r"|(?<=\bgave )|(?<=\bgiven )|(?<=\bhad )|(?<=\btook )|(?<=\bno )|(?<=\bmissed )|(?<=\brefused )"
        r"|(?<=\bdeclined )|(?<=\bextra )|(?<=\bprn )|(?<=\bim )|(?<=\bpo )"
        r"|(?<=\bstopped )|(?<=\bswitched to )|(?<=\bchanged to )|(?<=\bup the )|(?<=\bincreased )"
        r"|(?<=\breduced )|(?<=\bwant )|(?<=\bwanted )|(?<=\bwants )|(?<=\bneeds )|(?<=\bneeded )|(?<=\boff )|(?<=\boff the )"
        # ... or after its dose: "300 quet", "5mg olanz", "2.5mg midaz"
        r"|(?<=\d )|(?<=\dmg )|(?<=\d mg )|(?<=\dmcg ))"
        r"(?:" + _SHORT_CLIPS + r")" + _E,
        _CLIPPED_NAME,
    ),
    # a medicine by name and when or how it is given, with no unit between: "propranolol tds",
    # "metformin 500 bd", "diazepam PO" (the name alone is the guest's to use; "20 mg BD" is the
    # dose's own shape, above; "paracetamol OD" is an overdose, found as one)
    (
        _MEDICINES,
        r"[a-z]+[ \t]+(?:\d+(?:\.\d+)?(?:[ \t]?[-/][ \t]?\d+(?:\.\d+)?)?[ \t]+)?"
        # (Not "im", "om" or "bid", which are words too: "paracetamol im going", "a lithium bid".)
        r"(?:mane|nocte|bd|tds|tid|qds|qid|mdu|prn|stat|qhs|po|imi|iv|sc|sl)" + _E + r"(?![ \t]+box)",
        _SHORTHAND,
    ),
    # a medicine for the mind by name with its dose, as a chart lists it: "sertraline 50mg", "quetiapine
    # 200 mg" (the name alone is the guest's; so is their own: "my sertraline 50mg", "I'm on ...")
    (
        tuple(sorted({*_CLIPPED, *_PSYCH_BRANDS, "methadone", "buprenorphine", "bupe"})),
        _NOT_ONES_OWN
        + r"(?<!\bi'm taking )[a-z]+(?:[ \t]+"
        + _RELEASE
        + r")?[ \t]+\d+(?:\.\d+)?[ \t]?(?:mg|mcg|µg|ml)"
        + _E
        # (When it is given is the dose's own shape, above: "15mg ON", "50mg OM", "10mg nocte".)
        + r"(?![ \t]+(?:mane|nocte|bd|tds|tid|qds|qid|od|om|on|prn|stat|im|imi|iv|sc|sl|po|bid|qhs|qd|mdu)(?![^\W_]))",
        _SHORTHAND,
    ),
    # risk and perception shorthand asked about or heard: "asked about HI", "re SI", "3rd person AH"
    (
        ("about", "re", "person", "command", "commanding", "derogatory", "persecutory"),
        r"(?:about|re|person|command(?:ing)?|derogatory|persecutory)\s+"
        r"(?:si|hi|ah|vh|avh)" + _E,
        _SHORTHAND,
    ),
    # a movement scale, checked or scored: "AIMS check", "AIMS testing"
    (("aims",), r"aims\s+(?:check|checks|test|testing|score|assessment|review|screen)" + _E, _SCALE),
    # withdrawal scales with a score: "COWS 6", "CIWA-Ar 12"
    (("cows", "ciwa"), r"(?:cows|ciwa(?:-ar)?)\s+(?:score\s+)?(?:of\s+)?\d{1,2}" + _E, _SCALE),
    # a delirium screen with its score: "4AT of 6", "4AT score 4"
    (("4at", MIXED), r"4at\s+(?:score\s+)?(?:of\s+)?\d{1,2}" + _E, _SCALE),
    # dementia and dependence ratings with a score: "CDR 1", "SDS 11"
    (("cdr", "sds"), r"(?:cdr|sds)\s+(?:score\s+)?(?:of\s+)?\d{1,2}(?:\.\d)?" + _E, _SCALE),
    # risk to self or others with its level: "RTS low", "RTO moderate"
    (("rts", "rto", "rtsh"), r"(?:rts|rto|rtsh)\s+(?:low|medium|mod|moderate|high|nil)" + _E, _SHORTHAND),
    # ... with a verb between and the clause ended ("RTO is low and ...", not "RTO is low-cost", "RTO was high
    # because nobody was home"), or the level first with the other after ("low RTO and RTS")
    (
        ("rts", "rto", "rtsh", "low", "medium", "mod", "moderate", "high", "nil", "elevated"),
        r"(?:rts|rto|rtsh)\s+(?:is|was|remains|remained|assessed\s+as|rated|considered)\s+"
        r"(?:low|medium|mod|moderate|high|nil|elevated)(?=\s*(?:[,.;:)!?]|$|\band\b|/|&))"
        + r"|(?:low|medium|mod|moderate|high|nil|elevated)\s+(?:rts|rto|rtsh)(?=\s*(?:and|&|/|,)\s*(?:rts|rto|rtsh)"
        + _E
        + ")",
        _SHORTHAND,
    ),
    # a triage's code or category for a call or a visit: "triage code C", "triage 3,", "Cat 2 mental health"
    (
        ("triage", "triaged", "cat", "category", "ats", "mts", "esi", "ctas"),
        r"triage(?:d)?\s+(?:as\s+)?(?:code|category|cat|level|score)\s+(?:[1-5]|[a-e])"
        + _E
        # (a bare number only where someone is put at it: "at triage 3,", "triaged as 2." — not "we triage 3, 4")
        + r"|(?:(?<=\bat\s)|(?<=\bon\s))triage\s+[1-5]"
        + _CLAUSE_ENDS
        + r"|triaged\s+as\s+[1-5]"
        + _CLAUSE_ENDS
        # ... or a triage scale's, by its name: "ATS 2", "MTS orange", "ESI 2", "CTAS 3"
        + r"|(?:ats|mts|esi|ctas)\s+(?:cat(?:egory)?\s+)?(?:[1-5]|red|orange|yellow|green|blue)"
        + _E
        + r"|(?:cat|category)\s+[1-5]\s+(?:mental\s+health|mh|psych|psychiatric)"
        + _E
        + r"(?!\s+(?:first\s+aid|course|courses|training|workshop|workshops|week|events?|awareness|day))",
        _SHORTHAND,
    ),
    # eye contact, as a mental state exam grades it: "EC poor", "E/C fleeting", "EC was poor", "good EC,"
    (
        ("ec", "e", "poor", "good", "fair", "fleeting", "limited", "reduced", "minimal", "avoidant", "variable"),
        r"(?:ec|e/c)\s+(?:poor|good|fair|fleeting|limited|reduced|minimal|avoidant|variable|intermittent"
        r"|appropriate|normal|nil)"
        + _E
        + r"|(?:ec|e/c)\s+(?:was|is|remained)\s+(?:poor|fleeting|limited|reduced|minimal|avoidant|variable"
        r"|intermittent|nil)"
        + _E
        + r"|(?:poor|good|fair|fleeting|limited|reduced|minimal|avoidant|variable|intermittent)\s+(?:ec|e/c)"
        + _CLAUSE_ENDS,
        _SHORTHAND,
    ),
    # rapport graded with a mark: "rapport+", "Rapport ++", "rapport -ve" (not a dash: "Rapport - the café")
    (("rapport",), r"rapport\s?(?:\+{1,2}|[+-]\s?ve" + _E + ")", _SHORTHAND),
    # thoughts of harming others, towards someone: "HI towards the ex"
    (("hi", "si"), r"(?:hi|si)\s+(?:towards?|toward)" + _E, _SHORTHAND),
    # blood levels in shorthand: "serum Li 0.7", "Li level", "cloz bloods" (a medicine's own name is left alone)
    (
        ("serum", "li", "cloz"),
        r"(?:serum\s+(?:li|lithium|level|levels|clozapine|cloz|prolactin)|(?:li|cloz)\s+(?:level|levels|bloods))" + _E,
        _SHORTHAND,
    ),
    # risk and perception shorthand marked present or absent: "AH+", "VH++", "SI -ve", "HI neg"
    (
        ("ah", "vh", "th", "avh", "si", "hi", "sh", "dsh"),
        # ("Hi +ve vibes" is a greeting: "hi" only as absent.)
        r"(?:(?:ah|vh|th|avh|si|sh|dsh)(?:\s?\+{1,2}|\s?\+\s?ve" + _E + r"|\s?pos" + _E + r")"
        r"|(?:ah|vh|th|avh|si|hi|sh|dsh)(?:\s?-\s?ve|\s?neg)"
        + _E
        # ... or the mark first: "+AH", "+VH" (not "+si", a phone's prefix is digits; not "20 +Ah", a battery's)
        + r"|(?<=\+)(?<!\d\+)(?<!\d\s\+)(?:ah|vh|avh|th)"
        + _E
        + ")",
        _SHORTHAND,
    ),
    # hallucinations in shorthand after what a note says of them: "c/o AH", "reports VH", "nil AVH"
    (
        (
            "c",
            "reports",
            "reported",
            "reporting",
            "experiencing",
            "denies",
            "denied",
            "nil",
            "hx",
            "with",
            "query",
            "mentioned",
            "mentions",
            "ongoing",
            "persistent",
            "worsening",
            "his",
            "her",
            "their",
        ),
        r"(?:c/o|reports?|reported|reporting|experiencing|denies|denied|nil|hx\s+of|with|query)\s+(?:ah|vh|th|avh)"
        + _E
        # ... or named as someone's, or going on: "mentioned VH", "her AH eased" (not "her ah-ha moment")
        + r"|(?:mentioned|mentions|ongoing|persistent|worsening)\s+(?:ah|vh|avh)(?![^\W_]|-)"
        + r"|(?:his|her|their)\s+(?:vh|avh)(?![^\W_]|-)(?!\s+(?:commodore|holden|ute|wagon|sedan|valiant))",
        _SHORTHAND,
    ),
    # a scale's total or score: "SDQ total 22", "K10 score of 31"
    (
        # ("k10" is a mixed token: MIXED brings it here, as it does the other shapes it may begin.)
        ("phq", "gad", "dass", "sdq", "hads", "epds", "bdi", "bai", "kessler", "honos", "audit", MIXED),
        r"(?:phq-?9?|gad-?7?|dass-?21?|sdq|k10|hads|epds|bdi|bai|kessler|honos|audit)\s+(?:total|score|scored)\s+(?:of\s+)?\d+"
        + _E,
        _SCALE,
    ),
    # days (and hours) of symptoms as a fraction: "3/7 no sleep", "2/7 hx of", "1/24 ago"
    (
        (DIGITS,),
        r"(?!24/)\d{1,2}/7(?=\s+(?:no|of|hx|history|poor|reduced|low|nil|increased|worsening|ago"
        # ... or of a medicine's supply: "14/7 supply", "7/7 course" (a date is never supplied)
        r"|supply|supplies|script|scripts|course|prescription|dispensed|dispensing|takeaways?)"
        + _E
        + r")|\d{1,2}/24(?=\s+ago)",
        _SHORTHAND,
        "/",
    ),
    # scales of pain, sleep and eating read off a form, with their score: "NRS 8/10", "ISI of 23",
    # "AHI is 41", "SCOFF 4" (never "scoff" or "ahi", fire, without a number)
    (
        ("nrs", "isi", "scoff", MIXED),
        # (Not "ahi", fire in te reo, nor "scoff 2 each": SCOFF only with its score.)
        r"(?:nrs|isi)(?:\s+(?:score|total|of|is|was|at|=)){0,2}\s?-?\s?\d{1,2}(?:/10)?"
        + _E
        + r"|scoff\s+(?:score|total|of|=)(?:\s+(?:of|is|was))?\s?\d"
        + _E,
        _SCALE,
    ),
    # a body's number from a clinic's scales: "BMI 15.9", "BMI of 17"
    (("bmi",), r"bmi(?:\s+(?:of|is|was|at|=|now))?\s?\d{1,2}(?:\.\d)?" + _E, _SCALE),
    # a triage category: "rated Cat 2 at the door", "triaged as category 3" (not a cat)
    (
        ("rated", "triage", "triaged"),
        # ("rated" only with "cat" and a number: a storm, a hotel or rapids are rated "category 3".)
        r"(?:rated\s+cat\.?|(?:triage|triaged)(?:\s+as)?\s+(?:cat(?:egory)?\.?|code))\s?[1-5]" + _E,
        _SHORTHAND,
    ),
    # how often someone was checked on: "checked on Priya q30", "obs q15"
    (
        ("checked", "checking", "obs", "observations", "sighted"),
        # (Not "check q15 of the homework": a question's number.)
        r"(?:checked|checking|obs|observations|sighted)(?:\s+on\s+[^\W\d_]+)?\s+q\s?(?:5|10|15|20|30|60)"
        + _E
        + r"(?!\s+(?:of|in|on|and|for|from|again)(?![^\W_]))",
        _SHORTHAND,
    ),
    # triage and risk ratings: "ATS 2", "RAG rated amber"
    (("ats", MIXED), r"ats\s?[1-5]" + _E, _SHORTHAND),
    (("rag",), r"rag[\s-]?(?:rated|rating|status)(?:\s+(?:red|amber|green))?" + _E, _SHORTHAND),
    # a route before a medicine's name (its ending says it is one): "PO paracetamol", "IM olanzapine"
    (
        ("po", "im", "iv", "sc", "sl", "pr", "sos", "prn", "stat"),
        r"(?:po|im|iv|sc|sl|pr|sos|prn|stat)\s+[a-z]{3,}(?:pine|done|pam|lam|mol|zine|idol|ide|one|ium|zole|pril|cin|mab)"
        + _E,
        _SHORTHAND,
    ),
    # dosing: "q2w", "q4h prn", "PO BD", "IMI", "2/24"
    (("q", MIXED), r"q\s?\d{1,2}\s?(?:h|hr|hrs|hourly|d|w|wk|wks|m|min|mins)" + _E, _SHORTHAND),
    (
        ("po", "im", "imi", "sc", "iv"),
        r"(?:po|imi?|sc|iv)\s+(?:bd|tds|tid|qds|qid|od|mane|nocte|prn|stat|bid|qhs)" + _E,
        _SHORTHAND,
    ),
    # missed appointments: DNA x2, DNA'd clinic
    (
        ("dna", "dnas", "dnad", "dnaed", "fta", "ftas", "ftad", "ftaed"),
        r"(?:dna|fta)(?:'?d|'?ed|s)?\s*(?:x\s?\d|\d\s?x|appts?|appointments?|clinic|opd|op|f/u)" + _E,
        _SHORTHAND,
    ),
    # alcohol and other drugs as a history: "AOD hx", "AOD use", "AOD issues" (not "AOD services")
    (("aod",), r"aod\s+(?:hx|history|use|issues|concerns|screen|relapse)" + _E, _SHORTHAND),
    # blood alcohol and drug screens: BAC 0.2, positive for THC, tox screen
    (("bac", "bal"), r"ba[cl]\s?(?:of\s)?\d*\.\d+" + _E, _SHORTHAND),
    (
        ("positive", "pos"),
        r"pos(?:itive)?\s+(?:for\s+)?(?:thc|cannabis|meth\w*|amphetamines?|opiates?|opioids?|benzo\w*|cocaine|mdma)"
        + _E,
        _SHORTHAND,
    ),
    (("urine", "drug", "tox", "toxicology"), r"(?:urine|drug|tox|toxicology)\s+(?:drug\s+)?screens?" + _E, _SHORTHAND),
)
_ARROWED = re.compile(r"[↑↓]\s?([^\W\d_]{3,})")
# ... or after it, for what a chart measures: "mood ↓", "sleep ↑", "appetite ↓"
_ARROWED_AFTER = re.compile(
    r"(?<![^\W_])(mood|sleep|appetite|energy|motivation|concentration|anxiety|agitation|irritability|libido|weight|insight)\s?[↑↓]"
)
_NOT_MEASURED = frozenset(_split("again now here there today tomorrow yesterday up down top bottom"))
# Tokens that are history, diagnosis, symptom and treatment shorthand (and any token ending in "hx").
_SHORTHAND_TOKENS = frozenset(
    ["hx", "dx", "ddx", "sx", "tx", "mx", "fhx", "phx", "pmhx", "pphx", "psh", "shx", "ix", "rx"]
)
# "?psychosis", "? bipolar": a diagnosis queried. Not after a word ("ok?no").
_QUERY = re.compile(r"\?\s?[a-z][a-z'’-]{2,}")
# A capitalised acronym holding "MH" is a mental-health service (CAMHS, MHSOP, SMHS).
# "MH" in capitals before what a note says of someone: "MH issues", "MH hx" (not a plan's manhole: "MH flag",
# "MH concerns about the lid").
_MH_OF = re.compile(
    r"(?<![^\W_])MH[ \t]+(?i:issues?|history|hx|episode|crisis|presentation|diagnosis|dx|condition|needs|review|pts?"
    r"|patients?|clients?)(?![^\W_])"
)
_MH_ACRONYM = re.compile(r"(?<![^\W_])[A-Z]{0,4}MH[A-Z]{0,5}(?:&A)?(?![^\W_])")

# An acronym in capitals before a word naming a clinical role or setting is a
# service's shorthand ("EIS clinician", "PES team", "CL psych", "MH cat C"),
# unless it is an everyday one (GP, ACC, WINZ, a sports code ...).
_ACRONYM_ROLE = re.compile(
    r"(?<![^\W_])([A-Z]{2,6})(?![^\W_])[ \t-]+(?i:team|teams|clinicians?|psychs?|psychiatrists?|psychologists?|reg|regs"
    r"|registrars?|nurses?|nursing|keyworkers?|key\s+workers?|care\s+coordinators?|coordinators?|case\s+managers?"
    r"|referrals?|assessments?|liaison|admissions?|beds?|ward|unit|cat|category|triage|clinic|input"
    r"|follow-?up|f/u|services?|ax|programme|program|caseload|clinicians?)(?![^\W_])"
)
# A scale named in capitals and read with its number: "CHESS score 3", "PCL-R score 21", "SDQ total
# difficulties 24", "HoNOS score of 14". Not a team's score ("ABs score 40 points") nor a school's or a
# bank's (below).
_SCORED_ACRONYM = re.compile(
    r"(?<![^\W_])([A-Z][A-Za-z]?[A-Z]{1,5}(?:-[A-Z0-9]{1,3}|\d{1,2})?)(?![^\W_-])\s+"
    r"(?:score|total|total\s+score|scored)(?:\s+[a-z]+){0,2}?\s+(?:of\s+|was\s+|is\s+|=\s*)?\d{1,3}(?:/\d{1,3})?"
    r"(?![^\W_]|\.\d|\s?[-–:]\s?\d|\s*(?:points?|pts|runs?|tries|try|goals?|wickets?|%|percent|out\s+of\s+\d{3}|dollars?"
    r"|bucks|cents|credits|km|kg|hours|hrs|mins|minutes|people|votes|seats|items|words|laps|strokes|under|over))"
)
# A route in the chart's capitals, given: "given IM on Monday", "administered IM." ("given im a lift" is him).
_GIVEN_ROUTE = re.compile(
    r"(?<![^\W_])(?i:given|administered|injected)[ \t]+(?:IM|IMI|SC)(?![^\W_])"
    r"(?=[ \t]*(?:[.,;:)]|$)|[ \t]+(?i:on|at|today|yesterday|this|last|by|into|\d|to[ \t]+(?:the[ \t]+)?"
    r"(?:left|right|glute|deltoid|thigh|buttock)))"
)
# Sleep and eating scales in their capitals, with a number ("AHI is 41", "SCOFF 4": "ahi" is fire, "scoff"
# eating), and "did not wait" said of someone ("she DNW after three hours"; not "DNW to go", do not want).
_CASED_SHORTHAND = re.compile(
    r"(?<![^\W_])(?:AHI|SCOFF)(?:[ \t]+(?i:score|total|of|is|was|=)){0,2}[ \t]?\d{1,2}(?![^\W_])"
    r"|(?:(?<=\bshe )|(?<=\bhe )|(?<=\bthey )|(?<=\bpt )|(?<=\bShe )|(?<=\bHe )|(?<=\bThey )|(?<=\bPt ))"
    r"DNW(?![^\W_])(?![ \t]+to(?![^\W_]))"
)
# A dose given at night in the chart's capitals: "10mg ON" (omni nocte; "10mg on Monday" is a day).
_DOSE_ON = re.compile(
    r"(?<![^\W_])\d+(?:\.\d+)?[ \t]?(?i:mg|mcg|µg)[ \t]+ON(?![^\W_])"
    r"(?![ \t]+(?i:special|sale|sales|each|every|top|the|a|it|offer|promo|now)(?![^\W_]))"
)
# The chart's capitals told by the word before or after them (`_charted_capitals`). Voices and visions:
# command or combined ones always ("the CAH were loud", "AVH"), AH or VH where a note puts them, heard
# or going on ("mostly AH", "hearing AH", "VH worse tonight"; not "AH, that's it", the AH of te reo's
# vowels, a Holden VH ("any VH for sale"), nor someone's initials: "AH and VH went to the beach").
# Thoughts of suicide had ("been SI", "feeling SI"), abuse in someone's history ("CSA hx"),
# methamphetamine used ("MA use"; not a Master of Arts' "MA use of sources"), an eating screen's
# answer ("SCOFF positive").
_CAPITALS_AT = re.compile(r"(?<![^\W_])(CAVH|CAH|AVH|AH|VH|SI|CSA|MA|SCOFF)s?(?![^\W_])")
_CAPITALS_NEEDED = ("AH", "VH", "SI", "CSA", "MA ", "SCOFF")
_WORD_BEFORE = re.compile(r"(?<![^\W_])([A-Za-z]+)[ \t]$")
_CAPITALS_BEFORE = {
    "AH": frozenset(_split("mostly having hearing reports reported experiencing")),
    "SI": frozenset(_split("been was is felt feeling being got getting still")),
}
_CAPITALS_BEFORE["VH"] = _CAPITALS_BEFORE["AH"]
_CAPITALS_AFTER = {
    "AH": re.compile(r"[ \t]+(?i:worse|louder|loud|persist\w*|ongoing|x[ \t]?\d|\+)|\?"),
    # Visions of something a person sees ("VH of small animals in the corner"; not a Holden's year or a
    # club's vice-chair: "the VH of 1981", "VH of the rūnanga").
    "CSA": re.compile(r"[ \t]+(?i:hx|history|survivor|disclosure|disclosed)(?![^\W_])"),
    "MA": re.compile(r"[ \t]+(?i:use|using|psychosis|induced|dependence|withdrawal|binge)(?![^\W_])(?![ \t]+of\b)"),
    "SCOFF": re.compile(r"[ \t]+(?i:positive|negative|pos|neg|screen)(?![^\W_])"),
}
# Visions, as voices are told, and of something a person sees ("VH of small animals in the corner"; not a
# Holden's year or a club's vice-chair: "the VH of 1981", "VH of the rūnanga").
_CAPITALS_AFTER["VH"] = re.compile(
    _CAPITALS_AFTER["AH"].pattern
    + r"|[ \t]+of[ \t]+(?:\w+[ \t]+)?(?i:animals?|insects?|bugs?|spiders?|people|faces?|shadows?|figures?|snakes?"
    r"|rats?|mice|children|kids|ghosts?|lights?|colours?|shapes?|worms?|creatures?|dead)(?![^\W_])"
)
_NOT_AFTER = {
    "AH": re.compile(r"[ \t]+(?i:commodore|holden|ute|wagon|sedan|valiant|model|series)(?![^\W_])"),
    "SI": re.compile(r"[ \t]+(?i:units?)(?![^\W_])"),
}
_NOT_AFTER["VH"] = _NOT_AFTER["AH"]


def _shuffled_capitals(text: str) -> Iterator[re.Match[str]]:
    """A diagnosis's capitals in another order, or with one of them twice ("PSTD", "ADDHD"), had by someone."""
    for m in _CAPITALS_WORD.finditer(text):
        word = m.group()
        if word in _SHUFFLED_OF.values():
            continue  # written as it is: found by the vocabulary
        # As they are, or with one letter that is there already taken out (written twice).
        shuffled = "".join(sorted(word)) in _SHUFFLED_OF or any(
            word[k] in word[:k] and "".join(sorted(word[:k] + word[k + 1 :])) in _SHUFFLED_OF for k in range(len(word))
        )
        if not shuffled:
            continue
        if _HAD_BY.search(text, max(0, m.start() - 6), m.start()) is not None:
            yield m
        elif (
            _IS_BY.search(text, max(0, m.start() - 7), m.start()) is not None
            and _CLAUSE_END_AFTER.match(text, m.end()) is not None
            and _A_CODE_BEFORE.search(text, max(0, m.start() - 40), m.start()) is None
        ):
            yield m  # "my cousin is DHDA, sorry": not "the gate code is PDTS" nor "is DHDA on the leaderboard"


def _charted_capitals(text: str) -> Iterator[re.Match[str]]:
    """The chart's capitals (above) where the word before or after says they are the chart's.

    One quick pass for the capitals, then a look either side of each: a pattern of many lookbehinds
    tried at every character cost a 100 kB text a tenth of a second.
    """
    for m in _CAPITALS_AT.finditer(text):
        what, start, end = m.group(1), m.start(), m.end()
        if what in ("CAH", "AVH", "CAVH"):
            yield m
            continue
        if text[start - 1 : start] == "?" and (start < 2 or not text[start - 2].isalnum()):
            yield m  # "?AH": queried, as only a chart writes (a question ends before a space)
            continue
        unless = _NOT_AFTER.get(what)
        if unless is not None and unless.match(text, end):
            continue
        before = _CAPITALS_BEFORE.get(what)
        if before is not None:
            word = _WORD_BEFORE.search(text, max(0, start - 16), start)
            if word is not None and word.group(1).lower() in before:
                yield m
                continue
        after = _CAPITALS_AFTER.get(what)
        if after is not None and after.match(text, end):
            yield m


# Shorthand known by its capitals, each with what a text must hold for it to be looked for.
# Voices a person hears, as a note writes them, saying something: "AH telling him to walk", "AVH instructing her".
_HEARD_SAYING = re.compile(
    r"(?<![^\W_])(?:AH|AHs|AVH|AVHs|CAH|CAHs)[ \t]+(?:telling|saying|instructing|commanding|ordering|told|say|tell)"
    r"(?![^\W_])"
)
# A diagnosis left "not otherwise specified" ("PD-NOS", "ED NOS", "psychosis NOS"; not a part's
# new old stock, "LED-NOS", "GT-NOS").
_NOT_OTHERWISE_SPECIFIED = re.compile(
    r"(?<![^\W_])(?:PDD|PD|ED|BPAD|BAD|MDD|GAD|ADHD|ASD|OCD|PTSD|DD|ID|LD|MR|SZ"
    r"|(?i:psychosis|psychotic\s+disorder|depression|depressive\s+disorder|anxiety|dementia|delirium"
    r"|personality\s+disorder|eating\s+disorder|bipolar|schizophrenia|dissociative\s+disorder|tic\s+disorder))"
    r"[- ]NOS(?![^\W_])(?!-)"
)
# A withdrawal scale done or scored, as a chart writes it ("CIWA done", "CIWA 12"). (Not COWS, which a
# farm's to-do list and an A&P show score too, nor "Ax", an axe, an order or a brand.)
_CHARTED_STEP = re.compile(
    r"(?<![^\W_])CIWA(?:[ \t]+(?i:done|completed|score|scored|of|=|at|was|is)(?![^\W_])|[ \t]*[=:]?[ \t]*\d)"
)
# A test or a scale of the mind by its edition, as a report names it: "CARS-2", "the CELF-5 core score",
# "WISC-V results", "ADOS-2 testing" (only these tests' names: a graphics card's, a rally's, a cable's, a
# game's or a share index's edition is no one's).
_TEST_EDITION = re.compile(
    r"(?<![^\W_])(?:CARS|CELF|ABAS|PLS|BRIEF|WISC|WAIS|WPPSI|ADOS|ADI|BASC|CBCL|PHQ|DASS|HoNOS|MMSE|MoCA|BDI|BAI"
    r"|PCL|SDQ|CTOPP|WIAT|KABC|NEPSY|VABS|ASRS|PANSS|BPRS|HCR|LSI|YBOCS|Y-BOCS|SCQ|SRS|TOWRE|BOT)"
    r"-(?:\d{1,2}|I{1,3}|IV|V|VI|R)(?![^\W_])"
)
# A diagnosis's capitals shuffled or with one written twice, as a note or a post slips them past a
# reader ("PSTD", "DHDA", "ADDHD"): only the commonest, in capitals, and only had by someone ("has PSTD",
# "her ADDHD", "Uncle's DSTP"); the same capitals shuffled are a switch, a stock, a booking code or a part
# number (SPDT, SDPT, TSPD, HADD-GUEST).
_SHUFFLED_OF = {"".join(sorted(a)): a for a in ("ADHD", "PTSD", "CPTSD")}
_CAPITALS_WORD = re.compile(r"(?<![^\W_])[ACDHPST]{4,6}(?![^\W_]|-)")
_HAD_BY = re.compile(r"(?:(?<![^\W_])(?:has|had|got|his|her|my|of|with|have|their|your|dx)|['’]s) $", re.IGNORECASE)
# ... or who is them, the clause ended after ("my cousin is DHDA, sorry"), no code or name of a thing before
# ("the gate code is PDTS.", "his licence plate is real DPTS").
_IS_BY = re.compile(r"(?<![^\W_])(?:is|was|being|so|proper|bit|real) $", re.IGNORECASE)
_CLAUSE_END_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$|\s(?:and|but|lol|sorry|today|again|when)(?![^\W_]))")
_A_CODE_BEFORE = re.compile(
    r"(?<![^\W_])(?:code|codes|number|no|plate|rego|ref|reference|handle|sign|callsign|ticker|model|gate|tag|name"
    r"|id|password|part|serial|flight|licence|license|username|gamertag|initials|acronym|letters)(?![^\W_])",
    re.IGNORECASE,
)
# Appointments not attended, counted, in the clinic's capitals: "third DNA", "2 DNAs", "DNA x3", "DNA'd"
# (not a DNA test, sample or result; "dna" in small letters is the molecule's).
_COUNTS_BEFORE = _split(
    "first second third fourth fifth another two three four five several multiple repeated 1st 2nd 3rd 4th 5th"
)
# (Each count a lookbehind of its own width, after the letters: a pattern begun by its letters is looked for
# fast, one begun by a lookbehind is tried at every character of 100 kB.)
_NOT_ATTENDED = re.compile(
    r"DNA(?:(?:"
    + "|".join(rf"(?<=(?<![^\W_])(?i:{count})[ \t]DNA)" for count in _COUNTS_BEFORE)
    + r"|(?<=(?<![^\W_])\d[ \t]DNA)|(?<=(?<![^\W_])\d\d[ \t]DNA)"
    + r")s?|(?<=(?<![^\W_])DNA)(?:['’]?d|ed|s?[ \t]?[xX][ \t]?\d))(?![^\W_])",
)
_NOT_ATTENDED_THING = re.compile(
    r"[ \t]+(?i:tests?|testing|samples?|results?|kits?|evidence|profiles?|strands?|swabs?|sequenc\w*|match\w*"
    r"|analysis|ancestry)(?![^\W_])"
)
# A measured intelligence quotient, written of someone ("IQ 58", "FSIQ of 71", "an IQ of 64").
_IQ_SCORE = re.compile(r"(?<![^\W_])(?:FS|V|P)?IQ(?:[ \t]+(?i:of|score|was|is|=|at))?[ \t]?\d{2,3}(?![^\W_])")
# Opioid substitution as a service calls it, in capitals: "under OST", "on OST", "his OST dose" (an album's
# OST is its soundtrack: only these).
_SUBSTITUTION = re.compile(
    r"(?<![^\W_])(?:(?i:under|on|onto|off|started|starting|stopped)[ \t]+(?:the[ \t]+)?(?:OST|OAT)"
    r"|(?:OST|OAT)[ \t]+(?i:dose|doses|script|scripts|programme|program|pick-?up|pickup|dispensing|clinic|client)"
    # ... or someone's, from the chemist: "her OST from the chemist"
    r"|(?i:his|her|their)[ \t]+OST(?=[ \t]+(?i:from|at)[ \t]+(?:the[ \t]+)?(?i:chemist|pharmacy|clinic)))"
    r"(?![^\W_])"
    r"(?![ \t]+(?i:playlist|vinyl|collection|soundtrack|album|licensing|rules|budget)(?![^\W_]))"
)
# A medicine's times a day after its count, in the chart's capitals: "one BD", "2 TDS", "one tab QID"
# ("2 BD flat" is a listing's bedrooms, "one BD player" a Blu-ray's, "2 TDS in the first half" a game's).
_CHART_TIMES = re.compile(
    r"(?:BD|TDS|TID|QID|QDS|BID|PRN|nocte|mane)(?![^\W_])"
    r"(?![ \t]+(?i:flat|house|home|unit|apartment|townhouse|rental|room|rooms|bedroom|player|players|disc|discs"
    r"|drive|cable|cables|burger|burgers|in[ \t]+the)(?![^\W_]))"
)
_COUNT_BEFORE = re.compile(
    r"(?<![^\W_])(?i:one|two|three|half|1|2|3|½)[ \t]+(?:(?i:tabs?|tablets?|caps?|capsules?|puffs?)[ \t]+)?$"
)


class _Span:
    """Where a shape found by a function, not one pattern, begins and ends (as a match says it)."""

    __slots__ = ("_end", "_start")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _counted_times(text: str) -> Iterator[_Span]:
    """The chart's times a day after a count ("one BD"), found at the times and read back to the count
    (a pattern begun by the count is tried at every character of 100 kB; one begun by the times is not)."""
    for m in _CHART_TIMES.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # inside a word: "GBD", "ABDOMEN"
        counted = _COUNT_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if counted is not None:
            yield _Span(counted.start(), m.end())


# A person written as age and sex, as a case presentation opens: "a 23M from Kaitāia", "is a 45F with ..." (not
# money, "$23M", nor a size, "a 4M truck": two digits after "a" or "an", then where they are from or what
# they bring).
_AGED_SEXED = re.compile(
    r"\d\d(?:(?<=\ba[ \t]\d\d)|(?<=\ban[ \t]\d\d)|(?<=\bA[ \t]\d\d)|(?<=\bAn[ \t]\d\d))"
    r"[ \t]?(?:yo|y/o|yr|yrs)?[ \t]?[MF](?![^\W_])"
    r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?i:from|with|who|in|at|presenting|presents|known|brought|referred|living|lives)"
    r"(?![^\W_]))"
)


def _not_attended(text: str) -> Iterator[re.Match[str]]:
    """Appointments not attended, counted ("third DNA", "DNA'd"): not a DNA test, sample or result."""
    for m in _NOT_ATTENDED.finditer(text):
        if _NOT_ATTENDED_THING.match(text, m.end()) is None:
            yield m


# A multiaxial diagnosis's axis, as older letters write it: "Axis II deferred", "Axis II: none" (not the Axis
# powers, nor a chart's "Axis II: Temperature").
_DIAGNOSTIC_AXIS = re.compile(
    r"(?<![^\W_])Axis[ \t]+(?:I{1,3}|IV|V)(?![^\W_])"
    r"(?=[ \t]*[:–-]?[ \t]*(?i:deferred|diagnosis|disorders?|none|nil|no[ \t]+diagnosis)(?![^\W_]))"
)


class _Found:
    """A search that is a function, where the cased shapes expect a compiled pattern."""

    def __init__(self, search: Callable[[str], Iterator[re.Match[str]] | Iterator[_Span]]) -> None:
        self.finditer = search


_CASED_SHAPES: tuple[tuple[tuple[str, ...], re.Pattern[str] | _Found], ...] = (
    (("M ", "F ", "M,", "F,", "M.", "F."), _AGED_SEXED),
    (("DNA",), _Found(_not_attended)),
    (("IQ",), _IQ_SCORE),
    (("OST", "OAT"), _SUBSTITUTION),
    (("BD", "TDS", "TID", "QID", "QDS", "BID", "PRN", "nocte", "mane"), _Found(_counted_times)),
    (("-",), _TEST_EDITION),
    (("CIWA",), _CHARTED_STEP),
    ((" NOS", "-NOS"), _NOT_OTHERWISE_SPECIFIED),
    (("AH", "AVH", "CAH"), _HEARD_SAYING),
    (("AHI", "SCOFF", "DNW"), _CASED_SHORTHAND),
    ((" ON",), _DOSE_ON),
    ((" IM", " SC"), _GIVEN_ROUTE),
    (("Axis",), _DIAGNOSTIC_AXIS),
)
# Words of a service's forms and letters, one of which a scale read with its number needs in its line:
# the ABs', a fantasy team's, an air quality index's and a typing test's scores have none.
_SCORE_CONTEXT = re.compile(
    r"(?i)(?<![^\W_])(?:re)?assess\w*|report|letter|referral|screen\w*|clinic\w*|nurse|doctor|gp|psych\w*"
    r"|counsell?or|ward|discharge\w*|interrai|questionnaire|rated|came\s+back|baseline|admission|court|forensic"
    r"|dementia|memory|cognitive|mood|anxiety|depress\w*|trauma\w*|symptoms?|(?:parent|teacher|self)[\s-]report"
    r"|(?:parent|teacher)\s+version|risk|rest\s+home|resident|last\s+time|repeat\w*(?![^\W_])"
)
# Capitals scored at school, at work, in sport or at the bank.
_EVERYDAY_SCORED = frozenset(
    _split(
        """
    ATAR NCEA FICO NPS GPA SAT ACT IELTS TOEFL GMAT GRE UCAS MMR ELO KPI KPIS TMO OECD WOF NZQA UE PISA
    ABS NZL AUS ENG RSA IRE SCO WAL FRA ARG JPN FIJ SAM TON ITA USA CAN IND PAK BAN SRI AFG NSW QLD WA
    VIC CHC AKL WLG DUN HAM TGA NPC MVP XP HP DPS CPU GPU FPS RPM BPM PB PR DNF DNS DQ IQ EQ
    GST PAYE IRD KS CGPA WAM NZX DOW FTSE ASX NASDAQ BMX MTB GOLF PGA LPGA NBA WNBA
    """
    )
)
# Beside a finding (`Rules.shorthand_beside`): capitals of three to seven, a final "s" allowed
# ("GCS", "NKDA", "CATT", "IPUs"; not a road's, a form's or a vitamin's "SH2", "ACC18", "B12"),
# and "pt" for the patient.
_UNKNOWN_CAPITALS = re.compile(r"[A-Z]{3,7}|[A-Z]{2,6}s")
_PATIENT = frozenset(("pt", "pts"))
# Everyday capitals a handover writes beside anything: places, money, time, texting, forms, firms,
# files and scans, the services and agencies people deal with and the workers they send (their own
# names: "AOD", "NDIS", "HDC", "HBSW"), the body's health ("UTI", "CPAP": not what the check is for),
# and drugs by the names anyone uses (the guest's words; "ETOH" is the chart's).
_EVERYDAY_CAPITALS = frozenset(
    _split(
        """
    CHCH WGTN DHB PHO KO NHI DOB ETA ASAP FYI LOL OMG TBH IMO BTW RSVP SMS URL PDF USB WIFI
    NZD USD AUD NZT NZST NZDT MON TUE TUES WED THU THUR THURS FRI SUN JAN FEB MAR APR JUN JUL AUG SEP
    SEPT OCT NOV DEC AKA EFTPOS UCOL NMIT MIT WINTEC CPIT OTAGO MOTAT TAB SUV UTE BMW
    LGBT LGBTQ LGBTQIA TXT PLS PLZ THX RIP OMW IDK IRL WTF MDMA LSD GHB THC CBD PCP DMT
    OCR CSV DIY POV RTD XPF JPEG PNG APP SIM
    AOD HBSW HCA HDC CYFS CYF NHS NDIS ADHB CMDHB WDHB SDHB CDHB MCDHB SENCO RASNZ NGOS PHARMAC
    OTS SLT SLP RMO RMOS
    UTI UTIS MVA RTC CPAP BGL CFS COPD GORD IBS ECG EKG EEG BMI BP HBA CVA TIA DVT
    """
    )
)
_EVERYDAY_ACRONYMS = frozenset(
    _split(
        """
    GP GPS ED ACC WINZ MSD IRD NZ NZTA AA NA RSA IT HR PR PE TV DJ OK KFC BBQ NCEA NGO CAB PIN ID DOC ECE SPCA
    UK US USA AU CEO MP PM AM FM RNZ TVNZ DVD ATM WOF UN EU NRL AFL NFL NBA NHL MLB EPL RWC NPC FC AFC RFC BOT SI
    PTA ERO IEP ICU ENT CT MRI XRAY SES ST STJ YMCA YWCA OSH IHC HNZ MOE MOJ MOH MOD NZDF NZQA AUT WETA
    PC LCD LED OLED HD UHD ASB ANZ BNZ TSB IAG AMI AIA AMP NZME SKY NBC BBC CNN HBO LG HP IBM NASA PWC EY KPMG
    EAP BD
    A B C D E F G I WE US MY NO SO GO HI UP TO IN ON AT AN OR BY DO BE ME IS IT OF
    """
    )
)
# Endings that only diagnoses have: "-thymia", "-phrenia" ("alexithymia", "schizophreniform").
_DIAGNOSTIC_ENDING = re.compile(r"(?<![^\W_])[a-z]{2,}(?:thymi(?:as?|cs?)|phreni(?:as?|cs?|form))(?![^\W_])")
# A fear named by its Greek, as a clinic names it ("tokophobia", "emetophobia"); not a prejudice
# ("homophobia", "transphobic"), a word everyone uses of themselves ("claustrophobic"), chemistry
# ("hydrophobic") or a migraine's dislike of light and sound ("photophobia").
_PHOBIA = re.compile(r"(?<![^\W_])([a-z]{3,})phobi(?:as?|cs?)(?![^\W_])")
_EVERYDAY_PHOBIAS = frozenset(
    _split(
        "claustro arachno homo trans bi xeno islamo fat queer lesbo ace techno hydro photo phono anglo franco "
        "russo sino judeo euro cyber gayo negro afro germo germa aqua oleo lipo superhydro helio chromo chromato "
        # fears named for a laugh or a meme, as anyone says them
        "coulro nomo triskaideka hippopotomonstrosesquippedalio trypo acro thalasso ailuro cyno ombro ergo chrono "
        "aero abluto lachano arachibutyro"
    )
)
# Labels no English word holds but as a diagnosis's own word: run in with other words, they are still
# the label ("sheswayschizo", "#schizoposting", "totallypsychotic"). "psycho" only at the end
# ("psychology" begins with it); not a medicine against one ("antipsychotics").
_RUN_IN_LABELS = (
    "schizo",
    "bipolar",
    "psychotic",
    "anorexic",
    "bulimic",
    "sociopath",
    "psychopath",
    "narcissist",
    "psycho",
)
# What tags and handles run on after a label (not a plant's or a fungus's Greek: "schizocarp").
_RUN_ON_TAILS = (
    r"(?:posting|posts?|poster|life|vibes?|core|brain(?:ed)?|mode|moments?|behaviou?r|energy|talk|rant|memes?"
    r"|culture|tok|gang|girls?|boys?|kids?|queen|king|warriors?|squad|af|lol|things?|check|era|hours|szn|season|mood"
    r"|aesthetic|struggles|problems|diaries|diary|journey|recovery|awareness|support|strong|pride|fam|family"
    r"|community|club|chats?|humou?r|jokes?|mum|dad|ex|bf|gf|personality|disorder|nz|aus|uk"
    r"|babes?|bae|baddie|besties?|chick|bro|sis|princess|angel|baby|gal|lady|ladies|dude)"
)
# Shapes that begin at a common word ("on", "a", "not", "so") but need a rare one: looked for in the
# text only when that rare word is in it (tried at every "a" or "so", they would cost a 100 kB text
# thousands of tries).
_RARE_WORD_SHAPES: tuple[tuple[tuple[str, ...], re.Pattern[str], Entry], ...] = (
    # held under a police or state hold by its number alone: "under 136", "on a 5150", "a 5250 hold" (not a
    # measure or a sum: "under 136 cm", "under 136 characters", "under 136 bucks")
    (
        ("135", "136"),
        re.compile(
            r"(?<![^\W_])(?:under|on)\s+(?:a\s+)?(?:135|136)(?![^\W_])"
            r"(?!\s*(?:cm|mm|km|m|kg|g|characters?|chars|bucks|dollars|people|words|metres?|meters?|points?|percent"
            r"|%|kph|minutes?|mins?|hours?|days?|litres?|ml|grams?|pages?|followers?|likes?|seats?|units?|kw|k)(?![^\W_]))"
        ),
        _SHORTHAND,
    ),
    (
        ("5150", "5250"),
        re.compile(r"(?<![^\W_])(?:(?:under|on)\s+(?:a\s+)?|a\s+)(?:5150|5250)(?![^\W_])"),
        _SHORTHAND,
    ),
    # a person's mind as a case on a form, a file or a roster: "stood down on mental health grounds", "off for
    # MH reasons", "a psych flag on his account", "a mental health episode", "psychiatric clearance", "placed
    # under psychiatric watch", "a psych casualty", "psychological overlay" (not an insurer's "mental injury" cover, a
    # mental health day, week or first aid, a podcast's episode "of" something, a psychological thriller, an
    # episode of the show Psych, nor leaving "for mental health reasons", the person's own plain words)
    (
        ("psych", "mental", "mh "),
        re.compile(
            r"(?<![^\W_])(?:(?:(?<=on\s)|(?<=for\s))(?:mental[ -]health|psychiatric|psychological|psych|mh|mental)\s+grounds"
            r"(?!\s+(?:crew|staff|keepers?|maintenance|owned|near|at|by))"
            r"|(?:mental[ -]health|psychiatric|psychological)\s+(?:flags?|flagged|episodes?|interventions?|clearance"
            r"|watch|hospitali[sz]ations?|casualty|casualties|overlay)"
            r"|psych\s+(?:reasons|flags?|flagged|clearance|watch|hospitali[sz]ations?|casualty|casualties|jobs?"
            r"|call-?outs?|pts?|patients?)"
            r"|mh\s+reasons)(?![^\W_])(?!\s+of(?![^\W_]))"
        ),
        _SHORTHAND,
    ),
    # not knowing where or when one is, as a note puts it: "not oriented", "not fully orientated" (not "not
    # orientated towards sales", nor a map's: "not oriented north-up")
    (
        ("orient",),
        re.compile(
            r"(?<![^\W_])not\s+(?:fully\s+)?orien(?:ta)?ted(?!\s+(?:to|towards?)\s+(?!time|place|person|date|self"
            r"|situation))(?![^\W_])(?!\s*(?:north|south|east|west|up|down|correctly|properly|right|the\s+right|with"
            r"|along|on|-))"
        ),
        _MENTAL_STATE,
    ),
)


_NEAR_BEFORE, _NEAR_AFTER = 40, 120
"""How far from its rare word a rare-word shape may begin and end (its lookahead reads to the end)."""


def _around(folded: str, needles: tuple[str, ...], pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where `pattern` matches near each of its rare words (not scanned through the whole text).

    Windows that overlap are read as one: a text that repeats a rare word reads each stretch once,
    not once for each of its words.
    """
    spans: dict[tuple[int, int], None] = {}
    for needle in needles:
        at = folded.find(needle)
        if at < 0:
            continue
        places: list[int] = []
        low, high = max(0, at - _NEAR_BEFORE), at + len(needle) + _NEAR_AFTER
        while at >= 0:
            start, end = max(0, at - _NEAR_BEFORE), at + len(needle) + _NEAR_AFTER
            if start > high:
                _matches_holding(folded, pattern, low, high, places, spans)
                places, low = [], start
            places.append(at)
            high = end
            at = folded.find(needle, at + 1)
        _matches_holding(folded, pattern, low, high, places, spans)
    return list(spans)


def _matches_holding(
    folded: str, pattern: re.Pattern[str], low: int, high: int, places: list[int], spans: dict[tuple[int, int], None]
) -> None:
    """Add to `spans` each match of `pattern` in folded[low:high] that holds one of `places`."""
    for m in pattern.finditer(folded, low, high):
        k = bisect_right(places, m.end() - 1) - 1
        if k >= 0 and places[k] >= m.start():
            spans[(m.start(), m.end())] = None


# Someone described by the service's adjective ("he's behavioural", "she's escalating"): found at the
# adjective (rare), then who it is said of looked for just before it (a pronoun is too common to try at).
_SERVICE_ADJECTIVES = frozenset(["behavioural", "behavioral", "escalating", "deteriorating"])
_SERVICE_ADJECTIVE = re.compile(r"(?<![^\W_])(?:behaviou?ral|escalating|deteriorating)(?![^\W_])")
# (Someone, by a pronoun or a word for a person: "the young man was escalating", "she'd been deteriorating";
# not the weather, the roads or the costs.)
_SAID_OF_SOMEONE = re.compile(
    r"(?<![^\W_])(?:he's|she's|they're|hes|shes|bro's|he'd|she'd|they'd"
    # (not the subject when a preposition stands before: "the situation with her son is escalating")
    r"|(?:he|she|(?<!with\s)(?<!of\s)(?<!about\s)(?<!for\s)(?<!between\s)(?<!around\s)(?<!over\s)(?<!from\s)"
    r"(?<!by\s)(?<!to\s)(?<!at\s)(?<!on\s)(?<!against\s)(?<!than\s)"
    r"(?:the|a|this|that|our|their|her|his|my|your)\s+(?:(?:young|old|older|elderly|little|big)\s+)?"
    r"(?:man|woman|boy|girl|guy|bloke|lad|person|guest|client|patient|resident|passenger|caller|teen|teenager"
    r"|daughter|son|kid|child|moko|mokopuna|brother|sister|cousin|nephew|niece|partner|husband|wife|mum|dad"
    r"|mother|father|uncle|aunty|auntie|koro|nan|tane|wahine))"
    r"\s+(?:is|was|has\s+been|had\s+been)|they\s+(?:are|were|have\s+been|had\s+been))\s+"
    r"(?:(?:just|purely|very|quite|really|so|been|being|getting|still|more)\s+)?$"
)
# ... and said of the person, not of a thing they are doing or are: "escalating the complaint", "behavioural
# economists".
_SAID_ALONE = re.compile(
    r"\s*(?:$|[.,;:!?)\"”’—-]|\s(?:again|today|tonight|now|lately|and|but|so|at|in|on|when|because|ignore"
    r"|since|all|every|this|overnight|before|after|until|near|outside|inside|towards|around|for)(?![^\W_]))"
)
_RUN_IN_ABBREVIATED = ("bpd", "ocd", "adhd", "cptsd", "ptsd", "npd", "aspd", "bpad", "mdd", "pmdd", "eupd")
# ... and the abbreviations of a diagnosis, run in with a tag's tail ("bpdcore", "OCDtok", "@thebpdqueen_nz").
_RUN_IN_ABBREVIATIONS = re.compile(
    r"(?<![^\W_])a?(?:the|my|ur|your)?(?:" + "|".join(_RUN_IN_ABBREVIATED) + ")" + _RUN_ON_TAILS + r"(?![^\W_])"
)
_RUN_IN = re.compile(
    r"(?<![^\W_])(?:(?!anti)[a-z]{2,}(?:(?:schizo|bipolar|psychotic|anorexic|bulimic|sociopath|psychopath|narcissist)[a-z]*"
    r"|psycho)"
    # (a handle's "@" is read as an "a": "@bipolarlife"; a gamer's tag wraps it in x's: "xXpsychoXx")
    r"|x{1,3}(?:schizo|psycho|bipolar|psychotic|anorexic|bulimic|sociopath|psychopath|narcissist)x{1,3}"
    r"|a?(?:schizo|bipolar|psychotic|anorexic|bulimic|sociopath|psychopath|narcissist|borderline)"
    + _RUN_ON_TAILS
    + r")(?![^\W_])"
)
# Eating disorders as the sites that praise them name them: "pro-ana", "ana & mia", "the ana diet",
# "m!a mode". Written with a capital, "Ana" and "Mia" are names ("Ana & Mia went to the beach"):
# only "pro-" then; and "ana and mia" in small letters are two friends in a text.
_PRO_ED = re.compile(
    r"(?<![^\W_])(?:pro[\s-]?(?:ana|mia)|(?:ana|mia)\s*(?:&|\+|x)\s*(?:ana|mia)"
    r"|(?:ana|mia)(?=\s+(?:diet|club|coach|buddy|buddies|tips|mode|lifestyle|life|sisters?|girls?|inspo|thinspo"
    r"|goals?|rules?|fam|vibes?|core|season|era)(?![^\W_])))(?![^\W_])"
)
_ANA_OR_MIA = frozenset(["ana", "mia", "proana", "promia"])
_NAMED_LIKE = re.compile(r"(?<![^\W_])(?:Ana|Mia|ANA|MIA)(?![^\W_])")
# Words naming the mind's work that make a name "processing disorder" a diagnosis, though they also name the body.
_MENTAL_NAMING = frozenset(_split("processing attachment conduct learning eating feeding wake developmental"))

# What follows these is a diagnosis, unless it names a physical condition.
_WRAPPER_AT = frozenset(
    _split(
        "diagnosed diagnosis a the dx meets meet met provisional working differential likely possible probable "
        "queried suspected presumed primary secondary known rule label"
    )
)
_WRAPPER = re.compile(
    r"(?:diagnosed\s+(?:with|as)|(?:a\s+|the\s+)?diagnosis\s+of|dx\s+(?:of|with|is|was)|dx\s*:"
    r"|meets?\s+(?:the\s+)?(?:full\s+)?criteria\s+for|met\s+criteria\s+for"
    r"|(?:provisional|working|differential|likely|possible|probable|queried|suspected|presumed|primary|secondary)"
    r"\s+(?:diagnosis|dx)(?:\s+(?:of|is|was))?(?:\s*:)?|known\s+(?:case\s+of|to\s+have)|rule\s+out"
    r"|(?:a\s+)?label\s+of)(?![^\W_])"
)
# A clause from clinical notes: "per the referral", "according to the letter", "as per the psych".
_HEARSAY_WORDS = frozenset(["per", "according", "as"])
_HEARSAY_AT = re.compile(
    r"(?:as\s+)?(?:per|according\s+to|as\s+(?:stated|documented|noted|described|recorded)\s+(?:in|by))\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+|a\s+|an\s+|our\s+)?(?:[a-z'’-]+\s+){0,2}?"
    r"(?:referral|referrer|letters?|notes|file|files|records?|reports?|summary|chart|documentation|paperwork"
    r"|psych|psychiatrist|psychologist|reg|registrar|clinicians?|team|cmht|catt|eis|camhs|psychiatry)(?![^\W_])"
)

# What else someone or something meets criteria for: a standard, a scheme, money.
_SCHEMES = frozenset(
    _split(
        "standard standards grant grants scholarship scholarships funding subsidy subsidies loan loans visa visas "
        "rebate rebates allowance allowances benefit benefits programme programmes program programs scheme schemes "
        "award awards residency citizenship discount discounts warrant wof insulation homes licence license"
    )
)
# Words after a wrapper that do not say what the diagnosis is ("type 2 diabetes").
_NOT_NAMING = frozenset(
    _split(
        "a an the some type mild moderate severe chronic acute early late stage her his their my possible "
        "likely probable suspected query and or with of in recurrent persistent unspecified"
    )
)
# The guest speaking of themselves ("my speech was slow", "I felt my judgement was off").
_PERSON = frozenset(["i", "my", "me", "im", "ive", "myself", "mine"])


@dataclass(frozen=True)
class Near:
    """A topic word next to an assessing word (`[[near]]` in vocabulary.toml)."""

    topics: frozenset[str]
    cues: frozenset[str]
    unless: frozenset[str]
    within: int
    entry: Entry


def near_rules(tables: Iterable[Mapping[str, Any]]) -> tuple[Near, ...]:
    rules = []
    for table in tables:
        entry = Entry(tuple(table["words"]), table["kind"], table["suggestion"], source="vocabulary.toml")
        rules.append(
            Near(
                _words(table["words"]),
                _words(table.get("with", ())),
                _words(table.get("unless", ())),
                int(table.get("within", 3)),
                entry,
            )
        )
    return tuple(rules)


# Endings a diagnosis's stem is found without ("schizophrenia" gives "schizophren").
_STEM_ENDINGS = ("ia", "ic", "ics", "ical", "al", "y", "e", "ism", "ity", "ive", "is", "osis")


def _on_tokens(
    found: Tokens, starts: Sequence[int], ends: Sequence[int], m: re.Match[str] | _Span, entry: Entry
) -> Candidate:
    """A match in the text as given, as a candidate over the folded text's tokens it touches."""
    first = bisect_right(starts, found.folded_offset(m.start())) - 1
    last = bisect_right(starts, found.folded_offset(m.end() - 1)) - 1
    return (starts[first], ends[last], entry)


class Rules:
    """The rules, built once with the vocabulary they stand beside."""

    def __init__(
        self,
        near: Sequence[Near],
        senses: Sequence[Sense],
        physical: frozenset[str],
        mental: frozenset[str],
        nouns: Nouns | None = None,
    ) -> None:
        self.near = tuple(near)
        self.physical = physical
        self.mental = mental
        self.sense = Senses(senses, nouns, physical)
        """The everyday senses (`senses.Senses`): said of a thing, a place, a title or a name."""
        self.nouns = self.sense.nouns
        # The stems a bent diagnosis begins with ("bipolaring", "schizophrenogenic"): each one-word
        # diagnosis of seven letters or more, and less its ending where eight or more are left.
        stems = {k for k in mental if k.isalpha() and len(k) >= 7}
        stems |= {k[: -len(e)] for k in mental for e in _STEM_ENDINGS if k.endswith(e) and len(k) - len(e) >= 8}
        # By their first seven letters, so a long word that begins no stem costs one lookup.
        self._stems: dict[str, tuple[str, ...]] = {}
        for stem in sorted(stems, key=len, reverse=True):
            self._stems[stem[:7]] = (*self._stems.get(stem[:7], ()), stem)
        # token -> what to try where it stands: a shape (pattern, entry), or a rule's name.
        at: dict[str, list[Any]] = {}
        for starters, pattern, entry, *needs in _SHAPES:
            # A shape that needs a character ("c/o" a slash, "A&O" an ampersand) is tried only where it is.
            compiled = (re.compile(pattern), entry, needs[0] if needs else "")
            for word in starters:
                at.setdefault(word, []).append(compiled)
        for word in _SHORTHAND_TOKENS:
            at.setdefault(word, []).append(_SHORTHAND)
        for word in _HEADS:
            at.setdefault(word, []).append("head")
        for word in _WRAPPER_AT:
            at.setdefault(word, []).append("wrapper")
        for word in _HEARSAY_WORDS:
            at.setdefault(word, []).append("hearsay")
        self._topics: dict[str, list[Near]] = {}
        self._phrases: dict[str, list[tuple[tuple[str, ...], Near]]] = {}
        for rule in self.near:
            for topic in rule.topics:
                words = tuple(topic.split())
                trigger = words[-1]
                if len(words) > 1:
                    self._phrases.setdefault(trigger, []).append((words[:-1], rule))
                else:
                    self._topics.setdefault(trigger, []).append(rule)
                if "near" not in at.get(trigger, ()):
                    at.setdefault(trigger, []).append("near")
        self._at = at
        self._digits = at.pop(DIGITS, [])
        self._mixed = at.pop(MIXED, [])
        # A token of letters and digits is tried only with the shapes that may begin with its first
        # character ("k10" with the scales begun by "k"; "b1p0lar", hidden, with none of them).
        self._mixed_from: dict[str, list[Any]] = {}
        for starters, pattern, _entry, *_needs in _SHAPES:
            if MIXED not in starters:
                continue
            compiled = next(c for c in self._mixed if c[0].pattern == pattern)
            firsts = {w[0] for w in starters if w not in (DIGITS, MIXED)}
            if DIGITS in starters:
                firsts |= set("0123456789")
            for first in firsts:
                self._mixed_from.setdefault(first, []).append(compiled)

    # -- finding ---------------------------------------------------------------

    def find(
        self, text: str, found: Tokens, starts: Sequence[int], ends: Sequence[int]
    ) -> tuple[list[Candidate], list[Candidate]]:
        """(candidates, fallbacks): what the rules find, in folded offsets.

        Fallbacks (a clause "per the referral") are taken only where nothing
        else was found.
        """
        folded = found.folded
        words, alts = found.words, found.alts
        at, digits, mixed_from = self._at, self._digits, self._mixed_from
        named_by_readings: dict[tuple[str, ...], list[str]] = {}
        has: dict[str, bool] = {}
        candidates: list[Candidate] = []
        fallbacks: list[Candidate] = []
        where = [k for k, word in enumerate(words) if word in at]
        if alts is not None:
            where += [k for k, word in enumerate(words) if alts[k] and word not in at]
        if found.digits:
            where += [
                k for k, word in enumerate(words) if not word.isalpha() and word not in at and not (alts and alts[k])
            ]
        if "hx" in folded:
            where += [k for k, word in enumerate(words) if word.endswith("hx") and word not in at and word.isalpha()]
        if len(where) > 1:
            where.sort()
        for k in where:
            word = words[k]
            todo = at.get(word)
            if todo is None:
                if word[0].isdigit():
                    todo = digits if word.isdigit() else mixed_from.get(word[0], [])
                elif not word.isalpha():
                    todo = mixed_from.get(word[0], [])
                elif word.endswith("hx") and len(word) <= 6:
                    todo = [_SHORTHAND]
                if alts is not None and alts[k]:
                    # The rules its readings begin, worked out once per way of reading a token in this text.
                    named = named_by_readings.get(alts[k])
                    if named is None:
                        named = named_by_readings[alts[k]] = [
                            x for a in alts[k] for x in at.get(a, ()) if isinstance(x, str)
                        ]
                    todo = named + list(todo or ())
                if not todo:
                    continue
            for what in todo:
                if type(what) is tuple:
                    needed = what[2]
                    if needed:
                        # Looked for once a text: a common starter ("a", "not") is tried a thousand times in 100 kB.
                        present = has.get(needed)
                        if present is None:
                            present = has[needed] = needed in folded
                        if not present:
                            continue
                    m = what[0].match(folded, starts[k])
                    if m is not None:
                        end = m.end()
                        if what[1] is _HEADING:
                            # "Appearance: casually dressed, fair self-care." The heading and its content.
                            last = bisect_right(starts, end - 1) - 1
                            while last + 1 < len(words) and not _ends_sentence(found.gaps[last + 1]):
                                last += 1
                            end = max(end, ends[last])
                        if what[1] is _CLIPPED_NAME and not self._clip_meant(text, found, m.start(), end):
                            continue
                        candidates.append((m.start(), end, what[1]))
                elif type(what) is Entry:
                    candidates.append((starts[k], ends[k], what))
                elif what == "head":
                    candidates += self._head(text, found, starts, ends, k)
                elif what == "near":
                    candidates += self._near(found, starts, ends, k)
                elif what == "wrapper":
                    candidates += self._wrapped(found, starts, ends, k)
                elif what == "hearsay":
                    if fallbacks and starts[k] < fallbacks[-1][1]:
                        continue  # inside the sentence a "per the referral" before it already covers
                    fallbacks += self._hearsay(found, starts, ends, k)
        if "?" in folded:
            for m in _QUERY.finditer(folded):
                before = folded[m.start() - 1 : m.start()]
                if not before or not (before.isalnum() or before == "?"):
                    candidates.append((m.start(), m.end(), _QUERIED))
        candidates += self._stem_led(found, starts, ends)
        if "↑" in folded or "↓" in folded:
            # "↑ paranoia", "↓ appetite": a chart's arrows beside what they measure.
            candidates += [
                (m.start(), m.end(), _SHORTHAND)
                for m in _ARROWED.finditer(folded)
                if m.group(1) not in _STOP and m.group(1) not in _NOT_MEASURED
            ]
            candidates += [(m.start(), m.end(), _SHORTHAND) for m in _ARROWED_AFTER.finditer(folded)]
        if "thymi" in folded or "phreni" in folded:
            candidates += [(m.start(), m.end(), _DIAGNOSIS) for m in _DIAGNOSTIC_ENDING.finditer(folded)]
        if "phobi" in folded:
            candidates += [
                (m.start(), m.end(), _DIAGNOSIS)
                for m in _PHOBIA.finditer(folded)
                if m.group(1) not in _EVERYDAY_PHOBIAS
            ]
        if not _ANA_OR_MIA.isdisjoint(found.vocabulary()):
            for m in _PRO_ED.finditer(folded):
                if not m.group().startswith("pro"):
                    s, e = found.original(m.start(), m.end())
                    if _NAMED_LIKE.search(text, s, e) is not None:
                        continue  # a name, or two
                candidates.append((m.start(), m.end(), _DIAGNOSIS))
        for needles, pattern, entry in _RARE_WORD_SHAPES:
            candidates += [(start, end, entry) for start, end in _around(folded, needles, pattern)]
        candidates += [
            (start, end, _DIAGNOSIS) for start, end in _around(folded, _RUN_IN_ABBREVIATED, _RUN_IN_ABBREVIATIONS)
        ]
        if not _SERVICE_ADJECTIVES.isdisjoint(found.vocabulary()):
            for m in _SERVICE_ADJECTIVE.finditer(folded):
                said = _SAID_OF_SOMEONE.search(folded, max(0, m.start() - _NEAR_BEFORE), m.start())
                if said is not None and _SAID_ALONE.match(folded, m.end()) is not None:
                    candidates.append((said.start(), m.end(), _SHORTHAND))
        if any(label in folded for label in _RUN_IN_LABELS):
            candidates += [(m.start(), m.end(), _DIAGNOSIS) for m in _RUN_IN.finditer(folded)]
        if not text.islower():
            for m in _ACRONYM_ROLE.finditer(text):
                if m.group(1) in _EVERYDAY_ACRONYMS or m.group().isupper():
                    continue  # an everyday acronym, or shouting
                candidates.append(_on_tokens(found, starts, ends, m, _SHORTHAND))
            if "score" in folded or "total" in folded:
                for m in _SCORED_ACRONYM.finditer(text):
                    if m.group(1).upper() in _EVERYDAY_SCORED or m.group(1) in _EVERYDAY_ACRONYMS:
                        continue
                    # No form, letter or service in its line (200 characters either side at most): a game's score.
                    low = max(text.rfind("\n", 0, m.start()) + 1, m.start() - 200)
                    high = text.find("\n", m.end(), m.end() + 200)
                    if _SCORE_CONTEXT.search(text, low, high if high >= 0 else m.end() + 200) is None:
                        continue
                    candidates.append(_on_tokens(found, starts, ends, m, _SCALE))
            if not text.isupper():  # (shouted, capitals say nothing)
                for needs, shape in _CASED_SHAPES:
                    if any(n in text for n in needs):
                        candidates += [_on_tokens(found, starts, ends, m, _SHORTHAND) for m in shape.finditer(text)]
                candidates += [_on_tokens(found, starts, ends, m, _DIAGNOSIS) for m in _shuffled_capitals(text)]
                if any(n in text for n in _CAPITALS_NEEDED):
                    candidates += [_on_tokens(found, starts, ends, m, _SHORTHAND) for m in _charted_capitals(text)]
        if "MH" in text:
            candidates += [_on_tokens(found, starts, ends, m, _SHORTHAND) for m in _MH_OF.finditer(text)]
            for m in _MH_ACRONYM.finditer(text):
                if len(m.group()) >= 3:
                    candidates.append(_on_tokens(found, starts, ends, m, _SHORTHAND))
        return candidates, fallbacks

    @staticmethod
    def _clip_meant(text: str, found: Tokens, start: int, end: int) -> bool:
        """Whether a clipped medicine's name found at start..end (folded) is written as the chart writes it.

        With a capital it may be a name ("Olanza is a surf shop", "Mirtaz café"): only with a dose in
        its unit or when it is given ("Olanz 10mg nocte"). In small letters or all capitals, as found.
        """
        s, e = found.original(start, end)
        written = text[s:e]
        if not written[:1].isupper() or written.isupper():
            return True
        return _CLIP_DOSED.match(text, e) is not None

    def shorthand_beside(self, text: str, found: Tokens, taken: Sequence[Candidate]) -> list[Candidate]:
        """Capitals no list knows, and "pt", in a sentence that already holds a finding.

        A note in the clinic's voice writes its shorthand together: "pt GCS 14, NKDA, CATT aware",
        "DC'd from IPU, ITO lapsed". Beside a finding, three capitals or more that are no English
        word, no everyday acronym ("NZ", "WINZ", "ASAP") and not shouting are its shorthand too.
        Only sentences with a finding already: a line of everyday words gains none.
        """
        if not taken or text.isupper():
            return []
        words = found.words
        firsts, _lasts = found.sentence(_ends_sentence)
        at = found.at
        flagged = {firsts[at(start)] for start, _end, _entry in taken}
        held = {k for start, end, _entry in taken for k in range(at(start), at(end - 1) + 1)}
        edges = found._edges
        kind, verbs = self.nouns.kind, self.nouns.verbs
        beside: list[Candidate] = []
        for k, word in enumerate(words):
            if firsts[k] not in flagged or k in held:
                continue
            start, end = edges[2 * k], edges[2 * k + 1]
            if word in _PATIENT:
                beside.append((start, end, _SHORTHAND))
                continue
            if len(word) < 3 or len(word) > 7 or word in _STOP:
                continue
            s, e = found.original(start, end)
            written = text[s:e]
            if _UNKNOWN_CAPITALS.fullmatch(written) is None:
                continue
            bare = word[:-1] if written.endswith("s") else word
            if (
                bare.upper() in _EVERYDAY_ACRONYMS
                or bare.upper() in _EVERYDAY_SCORED
                or bare.upper() in _EVERYDAY_CAPITALS
                or kind(word)
                or word in verbs
                or bare in verbs  # "CUPS": a noun that is a verb too
            ):
                continue
            beside.append((start, end, _SHORTHAND))
        return beside

    def _stem_led(self, found: Tokens, starts: Sequence[int], ends: Sequence[int]) -> list[Candidate]:
        """Words made from a diagnosis by an ending of three letters or more that no rule lists.

        "Bipolaring", "schizophrenogenic": the diagnosis's stem, then more.
        Not a word that names something else ("psychotherapy" is a noun of
        its own, "hysterectomy" a physical word, and "hyster" too short a stem).
        """
        found_here: list[Candidate] = []
        stems = self._stems
        words = found.words
        if found.longest < 10:
            return found_here
        for k, word in enumerate(words):
            if len(word) < 10:
                continue
            begun = stems.get(word[:7])
            if begun is None or not word.isalpha():
                continue
            for stem in begun:  # longest first
                if len(stem) <= len(word) - 3 and word.startswith(stem):
                    if word not in self.physical and not self.nouns.kind(word):
                        found_here.append((starts[k], ends[k], _DIAGNOSIS))
                    break
        return found_here

    def _head(self, text: str, found: Tokens, starts: Sequence[int], ends: Sequence[int], h: int) -> list[Candidate]:
        """ "gaming disorder", "Capgras syndrome": the head at token h and the words that name it."""
        joined, gaps = found.joined, found.gaps
        first, named, k = h, 0, h - 1
        possessive = False
        while k >= 0 and named < _MAX_NAME_WORDS and joined[k + 1] and not _ends_clause(gaps[k + 1]):
            word = self._reading(found, k)
            if word == "s" and k > 0 and joined[k]:  # a possessive: "Asperger's syndrome"
                if k == h - 1:
                    possessive = True
                    k -= 1
                    continue
                break
            if word in _STOP or len(word) < 2 or not word.isalpha():
                break
            first, named, k = k, named + 1, k - 1
        if named == 0 or (named == 1 and self._reading(found, first) in _NOT_A_NAME):
            return []
        naming = [self._reading(found, k) for k in range(first, h)]
        if (
            possessive
            and not (first > 0 and found.words[first - 1] in _HAD_WITH)
            and self._a_band_or_person(text, found, starts, first, h - 1)
        ):
            return []  # "Joy Division's Disorder", "Billie Eilish's Disorder": a song, not an eponym
        # "Chronic", "severe", "early": how long or how much, in physical and mental names alike.
        naming = [w for w in naming if w not in _NOT_NAMING] or naming
        mental = self.mental
        if any(w in self.physical for w in naming) and not any(w in mental or w in _MENTAL_NAMING for w in naming):
            return []  # "Down syndrome", "irritable bowel syndrome", "a bleeding disorder": physical
        return [(starts[first], ends[h], _DIAGNOSIS)]

    def _a_band_or_person(self, text: str, found: Tokens, starts: Sequence[int], first: int, owner: int) -> bool:
        """Whether tokens first..owner-1 are a name of two words or more, each with a capital, apart by spaces.

        An eponym is one surname ("Tourette's", "Asperger's"); two capitalised words before the "'s"
        are a band's or a person's name ("Joy Division's", "Billie Eilish's").
        """
        names = range(first, owner)
        if len(names) < 2 or any(found.joined[k] != SPACED for k in names[1:]):
            return False
        for k in names:
            s, e = found.original(starts[k], starts[k] + 2)
            written = text[s:e]
            if not (len(written) == 2 and written[0].isupper() and written[1].islower()):
                return False
            if self._reading(found, k) in _NOT_NAMING or self._reading(found, k) in self.mental:
                return False
        return True

    def _reading(self, found: Tokens, k: int) -> str:
        """Token k as a word: its digit-free reading if it has one."""
        word = found.words[k]
        if found.alts is not None and found.alts[k]:
            return found.alts[k][0]
        return word

    def _near(self, found: Tokens, starts: Sequence[int], ends: Sequence[int], t: int) -> list[Candidate]:
        """A topic word at token t with an assessing word near it in the same clause ("speech pressured")."""
        words, gaps = found.words, found.gaps
        count = len(words)
        if self.first_person_before(found, t):
            return []
        topic = words[t] if words[t] in self._topics or words[t] in self._phrases else self._reading(found, t)
        rules: list[tuple[int, Near]] = [(t, rule) for rule in self._topics.get(topic, ())]
        for before, rule in self._phrases.get(topic, ()):
            first = t - len(before)
            if first >= 0 and tuple(words[first:t]) == before and all(found.joined[k] for k in range(first + 1, t + 1)):
                rules.append((first, rule))
        for begin, rule in rules:
            lo = t
            while lo > 0 and t - lo < rule.within and not _ends_clause(gaps[lo]):
                lo -= 1
            hi = t
            while hi + 1 < count and hi - t < rule.within and not _ends_clause(gaps[hi + 1]):
                hi += 1
            window = range(lo, hi + 1)
            if any(words[k] in rule.unless for k in window):
                continue
            cues = [k for k in window if not begin <= k <= t and words[k] in rule.cues]
            if not cues:
                continue
            nearest = min(cues, key=lambda k: abs(k - t))
            return [(starts[min(begin, nearest)], ends[max(t, nearest)], rule.entry)]
        return []

    def first_person_before(self, found: Tokens, t: int) -> bool:
        """Whether the clause before token t is the guest speaking of themselves ("I felt my ...")."""
        k = t - 1
        while k >= 0 and t - k <= 6 and not _ends_clause(found.gaps[k + 1]):
            if found.words[k] in _PERSON:
                return True
            k -= 1
        return False

    def _wrapped(self, found: Tokens, starts: Sequence[int], ends: Sequence[int], w: int) -> list[Candidate]:
        """What follows "diagnosed with" at token w, unless it names a physical condition."""
        m = _WRAPPER.match(found.folded, starts[w])
        if m is None:
            return []
        words, gaps = found.words, found.gaps
        count = len(words)
        last = bisect_right(starts, m.end() - 1) - 1
        following: list[int] = []
        k = last + 1
        while k < count and len(following) < 6 and not _ends_clause(gaps[k]):
            following.append(k)
            k += 1
        if not following and m.group().rstrip().endswith(":"):
            k = last + 1
            while k < count and len(following) < 6 and not _ends_sentence(gaps[k]):
                following.append(k)
                k += 1
        if not following:
            return []
        read = [w for w in (self._reading(found, j) for j in following) if w not in _NOT_NAMING]
        named = read[:2]
        # Physical by its first words, unless a mental word follows: "drug-induced psychosis".
        if any(w in self.physical for w in named) and not any(w in self.mental for w in read):
            return []
        # The criteria of a scheme, a standard or a grant: "meets criteria for the Healthy Homes standards".
        if "criteria" in m.group() and not _SCHEMES.isdisjoint(read) and not any(w in self.mental for w in read):
            return []
        return [(m.start(), ends[following[-1]], _WRAPPED)]

    def _hearsay(self, found: Tokens, starts: Sequence[int], ends: Sequence[int], w: int) -> list[Candidate]:
        """The sentence around "per the referral" at token w."""
        m = _HEARSAY_AT.match(found.folded, starts[w])
        if m is None:
            return []
        gaps = found.gaps
        count = len(found.words)
        last = bisect_right(starts, m.end() - 1) - 1
        begin = w
        while begin > 0 and not _ends_sentence(gaps[begin]):
            begin -= 1
        end = last + 1
        while end < count and not _ends_sentence(gaps[end]):
            end += 1
        if begin == w and end - 1 == last:
            return []  # nothing but the wrapper
        return [(starts[begin], ends[end - 1], _HEARSAY)]
