"""People's words: cleaned of terminal controls, shown literally, never as markup."""

from __future__ import annotations

import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from crisishouse import text
from crisishouse.text import clean_line, clean_text, name_key, sort_key
from crisishouse.widgets.literal import literal


def render(text: Text) -> str:
    """What a Rich console prints for `text`."""
    console = Console(record=True, file=io.StringIO(), width=80, color_system=None)
    console.print(text)
    return console.export_text()


# --- clean_text: escape sequences --------------------------------------------


def test_csi_colour_sequences_are_removed():
    """SGR colour codes (CSI ... m) are removed."""
    assert clean_text("a\x1b[31;1mred\x1b[0m b") == "ared b"


def test_csi_screen_clearing_sequence_is_removed():
    """A clear-screen and cursor-home sequence is removed."""
    assert clean_text("\x1b[2J\x1b[Hhello") == "hello"


def test_csi_with_private_parameters_is_removed():
    """CSI sequences with private parameters (e.g. hide cursor) are removed."""
    assert clean_text("a\x1b[?25lb") == "ab"


def test_osc_terminated_by_bel_is_removed_with_its_payload():
    """An OSC title change ended by BEL is removed along with the title."""
    assert clean_text("a\x1b]0;evil title\x07b") == "ab"


def test_osc_terminated_by_string_terminator_is_removed_with_its_payload():
    """An OSC ended by ESC \\ is removed along with its payload."""
    assert clean_text("a\x1b]0;evil title\x1b\\b") == "ab"


def test_osc_8_hyperlink_keeps_only_the_visible_words():
    """A terminal hyperlink leaves its visible text, never the hidden address."""
    value = "see \x1b]8;;http://evil.example\x1b\\here\x1b]8;;\x1b\\ now"
    assert clean_text(value) == "see here now"


def test_unterminated_osc_is_removed():
    """An OSC with no terminator is removed to the end."""
    assert clean_text("a\x1b]0;title") == "a"


def test_dcs_sequence_is_removed_with_its_payload():
    """A device control string (ESC P ... ESC \\) is removed whole."""
    assert clean_text("a\x1bPq#0;2;0;0;0\x1b\\b") == "ab"


def test_eight_bit_csi_is_removed():
    """The single-character CSI (U+009B) sequence is removed whole."""
    assert clean_text("a\x9b31mb") == "ab"


def test_fe_two_character_escapes_are_removed():
    """Two-character escapes such as ESC M (reverse index) are removed whole."""
    assert clean_text("a\x1bMb\x1bDc") == "abc"


def test_fp_and_fs_two_character_escapes_are_removed_whole():
    """ESC 7, ESC 8 (save/restore cursor) and ESC c (reset) leave nothing behind."""
    assert clean_text("a\x1b7b\x1b8c\x1bcd") == "abcd"


def test_charset_designation_from_tput_sgr0_is_removed_whole():
    """`tput sgr0` output (ESC ( B ESC [ m) leaves no stray "(B"."""
    assert clean_text("bold\x1b(B\x1b[m off") == "bold off"


def test_lone_escape_at_the_end_is_removed():
    """A trailing ESC on its own is removed."""
    assert clean_text("a\x1b") == "a"


# --- clean_text: control characters ------------------------------------------


@pytest.mark.parametrize(
    "control",
    ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f"],
    ids=["NUL", "BEL", "BS", "VT", "FF", "ESC", "US", "DEL"],
)
def test_c0_controls_and_delete_are_removed(control):
    """C0 control characters (other than newline and tab) and DEL are removed."""
    # A letter after ESC would make a real escape sequence; end the line instead.
    assert clean_text(f"a{control}\nb") == "a\nb"


@pytest.mark.parametrize("control", ["\x80", "\x85", "\x90", "\x9c", "\x9f"])
def test_c1_controls_are_removed(control):
    """C1 control characters are removed."""
    assert clean_text(f"a{control}b") == "ab"


@pytest.mark.parametrize(
    "override",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"],
)
def test_bidi_overrides_and_isolates_are_removed(override):
    """Bidirectional embedding, override and isolate characters are removed."""
    assert clean_text(f"abc{override}def") == "abcdef"


def test_trojan_source_style_reordering_is_removed():
    """A right-to-left override cannot make stored text read differently."""
    assert clean_text("ok \u202egnp.exe\u202c") == "ok gnp.exe"


def test_newlines_and_tabs_are_kept():
    """Newline and tab are the two controls free text keeps."""
    assert clean_text("one\ttwo\nthree") == "one\ttwo\nthree"


def test_carriage_return_newline_becomes_newline():
    """Windows line endings become plain newlines."""
    assert clean_text("one\r\ntwo") == "one\ntwo"


def test_lone_carriage_return_becomes_newline():
    """A lone carriage return cannot overwrite the start of a line."""
    assert clean_text("safe\rEVIL") == "safe\nEVIL"


# --- clean_text: Unicode -----------------------------------------------------


def test_decomposed_macron_becomes_one_character():
    """a + combining macron becomes ā (NFC)."""
    assert clean_text("a\u0304") == "\u0101"


def test_maori_word_typed_decomposed_equals_composed():
    """Whānau typed with a combining macron is stored as the composed word."""
    assert clean_text("wha\u0304nau") == "wh\u0101nau"


def test_emoji_are_kept():
    """Emoji, including joined sequences, are kept."""
    assert clean_text("kia ora 🌿👩\u200d👩\u200d👧") == "kia ora 🌿👩\u200d👩\u200d👧"


def test_rich_markup_is_left_as_typed():
    """Square-bracket markup is plain text to clean_text."""
    assert clean_text("[bold red]x[/] [@click=app.quit]go[/]") == ("[bold red]x[/] [@click=app.quit]go[/]")


def test_plain_text_is_unchanged():
    """Ordinary text passes through untouched."""
    assert clean_text("Had a good sleep. Tēnā koe!") == "Had a good sleep. Tēnā koe!"


# --- clean_line --------------------------------------------------------------


def test_clean_line_flattens_newlines_to_spaces():
    """A one-line field turns line breaks into spaces."""
    assert clean_line("one\ntwo\r\nthree") == "one two three"


def test_clean_line_turns_tabs_into_spaces():
    """A one-line field has no tabs."""
    assert clean_line("one\ttwo") == "one two"


def test_clean_line_trims_surrounding_whitespace():
    """Leading and trailing spaces and newlines are removed."""
    assert clean_line("  \n Aroha \n ") == "Aroha"


def test_clean_line_also_removes_escape_sequences():
    """clean_line cleans controls like clean_text."""
    assert clean_line("\x1b[1mAroha\x1b[0m") == "Aroha"


# --- literal -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["[bold]x[/bold]", "[/]", "[@click=app.quit]go[/]", "[bold red]x[/]", "plain"],
)
def test_literal_plain_text_equals_the_input(value):
    """literal() keeps markup-looking text exactly as typed."""
    assert literal(value).plain == value


@pytest.mark.parametrize("value", ["[bold]x[/bold]", "[/]", "[@click=app.quit]go[/]", "[link=http://x]y[/link]"])
def test_literal_has_no_spans(value):
    """literal() never turns markup into styled spans or actions."""
    assert literal(value).spans == []


def test_literal_returns_a_rich_text():
    """literal() gives a rich Text, which Rich never parses as markup."""
    assert isinstance(literal("[/]"), Text)


def test_literal_style_applies_to_the_whole_text_without_spans():
    """A style given to literal() is the base style, not a span."""
    text = literal("[b]x[/b]", style="bold")
    assert (text.style, text.spans) == ("bold", [])


def test_literal_removes_control_characters():
    """literal() cleans escape sequences before showing."""
    assert literal("a\x1b[31mb\x07").plain == "ab"


@pytest.mark.parametrize("value", ["[bold]x[/bold]", "[/]", "[@click=app.quit]go[/]", "[bold red]x[/]"])
def test_rendered_literal_prints_brackets_literally(value):
    """A Rich console prints literal() text with its brackets intact."""
    assert render(literal(value)) == value + "\n"


def test_rendered_literal_keeps_macrons_and_emoji():
    """Macrons and emoji print as typed."""
    assert render(literal("Tēnā koe 🌿")) == "Tēnā koe 🌿\n"


# --- name_key ----------------------------------------------------------------


def test_name_key_folds_case():
    """Names match whatever their case."""
    assert name_key("AROHA") == name_key("aroha")


def test_name_key_folds_case_of_macron_letters():
    """Ā and ā are the same letter in a different case."""
    assert name_key("ĀTAAHUA") == name_key("ātaahua")


def test_name_key_keeps_macrons_distinct():
    """Māori and Maori are different words."""
    assert name_key("Māori") != name_key("Maori")


def test_name_key_matches_composed_and_decomposed_forms():
    """ā typed either way gives the same key."""
    assert name_key("Ma\u0304ori") == name_key("M\u0101ori")


def test_name_key_ignores_surrounding_whitespace():
    """Spaces around a name do not change its key."""
    assert name_key("  Aroha \n") == name_key("Aroha")


def test_sort_key_sorts_a_macron_name_with_its_letter():
    """Ārama sorts among the A names, not after Z (principle 9: sorted correctly)."""
    names = ["Zoe", "Ārama", "Bella", "Aroha"]
    ordered = sorted(names, key=sort_key)
    assert ordered.index("Ārama") < ordered.index("Bella")


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\x1b[\r\n\t\x9b\u202e a")))
def test_the_quick_path_cleans_as_the_full_one(value: str) -> None:
    # Plain ASCII skips the cleaning; it must come out exactly as cleaning would leave it.
    assert text.clean_text(value) == text._cleaned(value)
    assert text.clean_line(value) == text._one_line(value)


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127)))
@example("  Tama  ")
@example("Mere\x1b[31m")
def test_the_quick_path_on_every_ascii_character(value: str) -> None:
    assert text.clean_text(value) == text._cleaned(value)
    assert text.clean_line(value) == text._one_line(value)
