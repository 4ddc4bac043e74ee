"""Printing: the handover laid out for an 80-column page, saved, then sent to CUPS."""

from __future__ import annotations

import dataclasses
import os
import stat
import textwrap
import unicodedata
from pathlib import Path

import pendulum
import pytest
from rich.cells import cell_len

from crisishouse import printing
from crisishouse.models import GuestSection, HandoverDocument
from crisishouse.page_layout import render_guest_copy, render_handover
from crisishouse.printing import PrintOutcome, printable
from crisishouse.services.printouts import PrintoutNotSaved, print_text, slug

TZ = "Pacific/Auckland"
# Tuesday 24 November 2026, 15:30 in Auckland (02:30 UTC).
NOW = pendulum.datetime(2026, 11, 24, 15, 30, tz=TZ)
LONG_WORD = "ā" * 20_000 + "x" * 80_000  # one 100,000-character "word"


def small_handover(**changes: object) -> HandoverDocument:
    doc = HandoverDocument(
        house_name="Te Whare Āwhina",
        shift_name="afternoon",
        shift_starts=pendulum.datetime(2026, 11, 24, 15, 0, tz=TZ),
        shift_ends=pendulum.datetime(2026, 11, 24, 23, 0, tz=TZ),
        guests=(
            GuestSection(
                "Ārama",
                "Kōwhai",
                "day 3 of 7",
                ("ring my sister (working on it)",),
                ("Enjoyed the walk with whānau",),
                "body 4, mind 3",
            ),
        ),
        house_lines=("Bins go out tonight.",),
        arrivals=(),
        leavings=("Ārama (Kōwhai) plans to leave Friday 27 November",),
        rhythm_ahead=(("18:00", "Dinner"),),
        prepared_by="Aroha",
    )
    return dataclasses.replace(doc, **changes)


def full_handover() -> HandoverDocument:
    return small_handover(
        guests=(
            GuestSection(
                "Ārama",
                "Kōwhai",
                "day 3 of 7",
                ("ring my sister (working on it)", "walk every morning (done)"),
                (
                    "Had a good sleep 😴 and enjoyed the walk to the park 🌿 with whānau",
                    "[bold]x[/] is how I write it, and :smile: too [link=https://x]here[/link]",
                    "Two lines\nof my own",
                ),
                "taha tinana 4, taha hinengaro 3, taha whānau 5, taha wairua 4",
            ),
            GuestSection("Mere T.", "Rātā", "leaving today", (), (LONG_WORD,)),
            GuestSection("Tīmoti", "Mānuka", "day 1 of 5", ("settle in 👩‍👧 with my daughter",), (), None),
            GuestSection("[red]Sam[/red]", "Pōhutukawa", "day 9 of 14", (), ("Quiet day",)),
        ),
        house_lines=("Bins go out tonight.", "Ring the plumber about the shower in Tōtara. " * 6),
        arrivals=("Hemi expected at 17:00 in Harakeke",),
        rhythm_ahead=(("18:00", "Dinner"), ("22:00", "Quiet time 🌙")),
    )


def flat(text: str) -> str:
    """The words of `text`, however they were wrapped."""
    return " ".join(text.split())


def assert_fits(text: str, width: int = 80) -> None:
    for n, line in enumerate(text.splitlines(), 1):
        assert cell_len(line) <= width, f"line {n} is {cell_len(line)} columns: {line[:60]!r}"
        assert line == line.rstrip(), f"line {n} has trailing spaces"


# --- render_handover -----------------------------------------------------------


def test_a_handover_is_laid_out_exactly_so():
    """The whole page, line for line: nothing from anywhere else."""
    assert render_handover(small_handover()) == textwrap.dedent(
        """\
        Te Whare Āwhina: handover
        Tuesday 24 November 2026, afternoon shift 15:00 to 23:00
        ────────────────────────────────────────────────────────────────────────────────

        Guests staying (1)

          Ārama  ·  room Kōwhai  ·  day 3 of 7
            Intentions
              • ring my sister (working on it)
            Agreed lines
              • Enjoyed the walk with whānau
            Shared ratings: body 4, mind 3

        ────────────────────────────────────────────────────────────────────────────────

        The house
          Arrived this shift
            none
          Leavings expected
            • Ārama (Kōwhai) plans to leave Friday 27 November
          House lines
            • Bins go out tonight.

        The rhythm ahead
          18:00  Dinner

        ────────────────────────────────────────────────────────────────────────────────
        Prepared by Aroha
        """
    )


def test_a_full_handover_fits_80_columns_and_keeps_every_word():
    doc = full_handover()
    text = render_handover(doc)

    assert_fits(text)
    assert "…" not in text, "nothing is cut off with an ellipsis"
    for section in doc.guests[:1] + doc.guests[2:]:
        assert section.chosen_name in text
        assert section.room in text
    assert "Tīmoti  ·  room Mānuka  ·  day 1 of 5" in text
    assert "Guests staying (4)" in text
    assert "Prepared by Aroha" in text
    assert "Shared ratings: taha tinana 4, taha hinengaro 3, taha whānau 5, taha wairua 4" in flat(text)
    assert "Hemi expected at 17:00 in Harakeke" in text
    assert "22:00  Quiet time 🌙" in text


def test_people_s_words_are_shown_literally_never_as_markup():
    text = render_handover(full_handover())
    assert "[bold]x[/] is how I write it, and :smile: too [link=https://x]here[/link]" in flat(text)
    assert "[red]Sam[/red]  ·  room Pōhutukawa" in text
    assert "😄" not in text, "emoji codes stay as typed"


def test_macrons_and_emoji_come_out_right():
    text = render_handover(full_handover())
    assert unicodedata.is_normalized("NFC", text)
    for word in ("Āwhina", "Kōwhai", "whānau", "Rātā", "Tīmoti", "Mānuka", "Pōhutukawa", "Tōtara"):
        assert word in text
    assert "Had a good sleep 😴 and enjoyed the walk to the park 🌿 with" in text
    assert "settle in 👩‍👧 with my daughter" in text


def test_macrons_typed_as_combining_marks_print_as_one_letter():
    doc = small_handover(house_name="Te Whare A\u0304whina")
    assert "Te Whare Āwhina: handover" in render_handover(doc)


def test_a_100_kb_word_is_folded_to_the_page_not_cut():
    text = render_handover(full_handover())
    assert_fits(text)
    folded = [
        line.strip().removeprefix("• ") for line in text.splitlines() if set(line.strip()) <= {"ā", "x", "•", " "}
    ]
    folded = [line for line in folded if line]
    assert "".join(folded) == LONG_WORD
    assert len(folded) > 1000


def test_long_lines_wrap_under_their_bullet():
    doc = small_handover(house_lines=("Ring the plumber about the shower in Tōtara. " * 3,))
    lines = render_handover(doc).splitlines()
    first = next(n for n, line in enumerate(lines) if "Ring the plumber" in line)
    assert lines[first].startswith("    • Ring the plumber")
    assert lines[first + 1].startswith("      ") and lines[first + 1].strip()


def test_two_lines_in_one_entry_stay_two_lines():
    lines = render_handover(full_handover()).splitlines()
    at = lines.index("      • Two lines")
    assert lines[at + 1] == "        of my own"


def test_terminal_control_codes_never_reach_the_page():
    doc = small_handover(house_lines=("a\x1b[31mred\x1b[0m line\x07 \x1b]0;title\x07done",), prepared_by="Aroha\x1b[2J")
    text = render_handover(doc)
    assert "\x1b" not in text and "\x07" not in text
    assert "• ared line done" in text
    assert "Prepared by Aroha\n" in text


def test_empty_parts_say_so():
    doc = small_handover(guests=(), house_lines=(), leavings=(), rhythm_ahead=())
    text = render_handover(doc)
    assert "Guests staying\n\n  no guests staying\n" in text
    assert "  Leavings expected\n    none\n" in text
    assert "The rhythm ahead\n  nothing planned\n" in text


def test_a_night_shift_says_the_day_it_ends():
    doc = small_handover(
        shift_name="night",
        shift_starts=pendulum.datetime(2026, 11, 24, 23, 0, tz=TZ),
        shift_ends=pendulum.datetime(2026, 11, 25, 7, 0, tz=TZ),
    )
    assert "Tuesday 24 November 2026, night shift 23:00 to 07:00 Wednesday\n" in render_handover(doc)


def test_a_shift_name_that_says_shift_is_not_doubled():
    doc = small_handover(shift_name="Afternoon shift")
    assert "Tuesday 24 November 2026, Afternoon shift 15:00 to 23:00\n" in render_handover(doc)


def test_the_page_width_is_the_one_asked_for_whatever_the_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("LINES", "10")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    text = render_handover(full_handover())
    assert "─" * 80 + "\n" in text
    assert "\x1b" not in text
    assert text == render_handover(full_handover(), width=80)


def test_a_narrower_page():
    text = render_handover(full_handover(), width=40)
    assert_fits(text, 40)
    assert "─" * 40 + "\n" in text


def test_a_page_too_narrow_to_hold_the_layout_is_refused():
    with pytest.raises(ValueError, match="at least 20 columns"):
        render_handover(small_handover(), width=10)


# --- render_guest_copy ---------------------------------------------------------


def test_a_guest_s_own_copy():
    text = render_guest_copy(
        "Te Whare Āwhina",
        "Ārama",
        [("Your intentions", ["ring my sister (working on it)"]), ("Check-ins", []), ("Notes", ["[b]mine[/b]"])],
    )
    assert text == textwrap.dedent(
        """\
        Te Whare Āwhina: Ārama's own copy
        ────────────────────────────────────────────────────────────────────────────────

        Your intentions
          • ring my sister (working on it)

        Check-ins
          nothing here

        Notes
          • [b]mine[/b]
        """
    )


def test_a_guest_s_copy_fits_the_page():
    text = render_guest_copy("House", "Ārama " * 30, [("Lines", [LONG_WORD, "🌿" * 100])])
    assert_fits(text)
    assert "    " + "🌿" * 38 + "\n" in text, "38 wide emoji to a line: 76 columns after the indent"
    assert text.count("🌿") == 100
    assert "Ārama " * 29 + "Ārama's own copy" in flat(text)


# --- print_text: saving ----------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_with_no_printer_the_handover_is_saved_for_printing_by_hand(tmp_path):
    folder = tmp_path / "house" / "printouts"
    outcome = print_text(
        "Handover\nKōwhai\n", printer="", printouts_dir=folder, title="Handover afternoon", clock_now=NOW
    )

    assert outcome == PrintOutcome(
        folder / "20261124T023000-handover-afternoon.txt",
        False,
        f"No printer is set up (house.printer in house.toml), so the handover was saved to "
        f"{folder / '20261124T023000-handover-afternoon.txt'}: print that file.",
    )
    assert outcome.saved_to.read_text(encoding="utf-8") == "Handover\nKōwhai\n"
    assert mode(outcome.saved_to) == 0o600
    assert mode(folder) == 0o700
    assert mode(folder.parent) == 0o700
    assert [p.name for p in folder.iterdir()] == [outcome.saved_to.name], "no temporary files left"


def test_a_blank_printer_name_counts_as_none(tmp_path):
    outcome = print_text("x", printer="  \t", printouts_dir=tmp_path, title="t", clock_now=NOW)
    assert not outcome.printed
    assert outcome.message.startswith("No printer is set up")
    assert outcome.saved_to.read_text(encoding="utf-8") == "x\n", "ends with a newline"


def test_the_message_names_what_was_printed(tmp_path):
    outcome = print_text("x", printer="", printouts_dir=tmp_path, title="t", clock_now=NOW, what="your copy")
    assert "so your copy was saved to" in outcome.message


def test_a_second_printout_in_the_same_second_never_replaces_the_first(tmp_path):
    first = print_text("one", printer="", printouts_dir=tmp_path, title="Handover", clock_now=NOW)
    second = print_text("two", printer="", printouts_dir=tmp_path, title="Handover", clock_now=NOW)
    assert first.saved_to.name == "20261124T023000-handover.txt"
    assert second.saved_to.name == "20261124T023000-handover-2.txt"
    assert first.saved_to.read_text(encoding="utf-8") == "one\n"
    assert second.saved_to.read_text(encoding="utf-8") == "two\n"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Handover: afternoon", "handover-afternoon"),
        ("Ārama's own copy", "arama-s-own-copy"),
        ("../../etc/passwd", "etc-passwd"),
        ("", "printout"),
        ("🌿🌿", "printout"),
        ("a" * 200, "a" * 60),
    ],
)
def test_file_names_come_from_a_slug_of_the_title(title, expected):
    assert slug(title) == expected


def test_if_the_copy_cannot_be_saved_nothing_is_printed(tmp_path, fake_lp):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(PrintoutNotSaved, match="Nothing was sent to the printer"):
        print_text("x", printer="office-printer", printouts_dir=blocker / "printouts", title="t", clock_now=NOW)
    assert not fake_lp.calls.exists(), "lp was never run"


def test_if_the_folder_cannot_be_written_nothing_is_printed(tmp_path, fake_lp):
    if os.geteuid() == 0:
        pytest.skip("root can write into a read-only folder")
    folder = tmp_path / "printouts"
    folder.mkdir(mode=0o500)
    with pytest.raises(PrintoutNotSaved):
        print_text("x", printer="office-printer", printouts_dir=folder, title="t", clock_now=NOW)
    assert not fake_lp.calls.exists()


# --- print_text: emoji ---------------------------------------------------------


def test_emoji_print_as_a_box_of_the_same_width():
    """CUPS's text filter ends the job at the first emoji; the page must go on."""
    text = "a 🌿 b\n👩‍👧 with ❤️‍🔥 and 🇳🇿\nKōwhai • ─ ★ 漢\tend\n"
    paper, replaced = printable(text)
    assert paper == "a □  b\n□  with □  and □□\nKōwhai • ─ ★ 漢\tend\n"
    assert replaced == 5
    for before, after in zip(text.splitlines(), paper.splitlines(), strict=False):
        assert cell_len(after) == cell_len(before)
    assert all(ord(c) <= 0xFFFF for c in paper)


def test_the_saved_copy_is_what_goes_to_the_printer_and_says_so(tmp_path):
    outcome = print_text("a 🌿 b\n", printer="", printouts_dir=tmp_path, title="t", clock_now=NOW)
    assert outcome.saved_to.read_text(encoding="utf-8") == "a □  b\n"
    assert outcome.message.endswith(
        "print that file. 1 emoji or other character that printers cannot print shows as □."
    )


# --- print_text: CUPS ----------------------------------------------------------


class FakeLp:
    """An `lp` on PATH that records its arguments and the file it was given."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.calls = folder / "calls"
        self.copy = folder / "copy"

    def install(self, body: str) -> None:
        script = self.folder / "bin" / "lp"
        script.parent.mkdir(exist_ok=True)
        script.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" > "{self.calls}"\n'
            f'for last in "$@"; do :; done; cat "$last" > "{self.copy}"\n' + body
        )
        script.chmod(0o755)

    def arguments(self) -> list[str]:
        return self.calls.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeLp:
    lp = FakeLp(tmp_path / "fake-lp")
    lp.folder.mkdir()
    lp.install('echo "request id is office-1 (1 file(s))"\n')
    monkeypatch.setenv("PATH", f"{lp.folder / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin")
    return lp


def test_printing_sends_the_saved_copy_to_cups(tmp_path, fake_lp):
    text = render_handover(full_handover())
    folder = tmp_path / "printouts"
    outcome = print_text(
        text, printer="office-printer", printouts_dir=folder, title="Handover afternoon", clock_now=NOW
    )

    saved = folder / "20261124T023000-handover-afternoon.txt"
    assert outcome.printed
    assert outcome.saved_to == saved
    assert outcome.message.startswith(f"Printed on office-printer (request id office-1) and saved to {saved}.")
    assert fake_lp.arguments() == [
        "-d", "office-printer", "-t", "Handover afternoon", "-o", "cpi=12", str(saved),
    ]  # fmt: skip
    # lp got the complete, saved page: the copy existed, whole, when lp ran.
    assert fake_lp.copy.read_bytes() == saved.read_bytes()
    assert saved.read_text(encoding="utf-8") == printable(text)[0]
    assert mode(saved) == 0o600


def test_lp_without_a_request_id_still_counts_as_printed(tmp_path, fake_lp):
    fake_lp.install("exit 0\n")
    outcome = print_text("x", printer="office-printer", printouts_dir=tmp_path, title="t", clock_now=NOW)
    assert outcome.printed
    assert outcome.message == f"Printed on office-printer and saved to {outcome.saved_to}."


def test_when_lp_fails_it_says_why_and_the_copy_is_saved(tmp_path, fake_lp):
    fake_lp.install('echo "lp: The printer or class does not exist." >&2\nexit 1\n')
    outcome = print_text("Kōwhai", printer="office-printer", printouts_dir=tmp_path, title="t", clock_now=NOW)

    assert not outcome.printed
    assert outcome.message == (
        "Could not print on office-printer: lp said: lp: The printer or class does not exist. "
        f"The copy was saved to {outcome.saved_to}: print that file instead."
    )
    assert outcome.saved_to.read_text(encoding="utf-8") == "Kōwhai\n"
    assert mode(outcome.saved_to) == 0o600


def test_a_very_long_lp_complaint_is_cut_short(tmp_path, fake_lp):
    fake_lp.install("printf 'x%.0s' $(seq 1 2000) >&2\nexit 2\n")
    outcome = print_text("x", printer="p", printouts_dir=tmp_path, title="t", clock_now=NOW)
    assert not outcome.printed
    assert "x" * 400 + "…" in outcome.message
    assert "x" * 401 not in outcome.message


def test_when_lp_is_missing_it_says_so_and_the_copy_is_saved(tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    outcome = print_text("x", printer="office-printer", printouts_dir=tmp_path / "p", title="t", clock_now=NOW)
    assert not outcome.printed
    assert outcome.message == (
        "Could not print on office-printer: the lp command (CUPS) is not installed here. "
        f"The copy was saved to {outcome.saved_to}: print that file instead."
    )
    assert outcome.saved_to.exists()


def test_when_lp_hangs_it_gives_up_and_says_to_look_at_the_queue(tmp_path, fake_lp, monkeypatch):
    fake_lp.install("exec sleep 30\n")
    monkeypatch.setattr(printing, "LP_TIMEOUT_SECONDS", 0.5)
    outcome = print_text("x", printer="office-printer", printouts_dir=tmp_path, title="t", clock_now=NOW)
    assert not outcome.printed
    assert "did not answer within 0.5 seconds" in outcome.message
    assert "look at its queue before printing again" in outcome.message
    assert outcome.saved_to.exists()


def test_when_lp_cannot_be_run_it_says_so(tmp_path, fake_lp):
    (fake_lp.folder / "bin" / "lp").write_text("#!/no/such/interpreter\n")
    outcome = print_text("x", printer="office-printer", printouts_dir=tmp_path, title="t", clock_now=NOW)
    assert not outcome.printed
    assert outcome.message.startswith("Could not run lp to print on office-printer: ")
    assert outcome.saved_to.exists()
