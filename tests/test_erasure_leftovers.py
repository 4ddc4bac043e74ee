"""What an erasure cannot reach by itself: CUPS's copies of her printouts, and staff writing that names her.

CUPS keeps each printed document in its spool for a day by default. Each
printout keeps the job id lp reported, and erasing a guest purges the jobs
of the printouts that held her lines (`cancel -x`); what could not be
purged is said in plain words with the one-line fix, and the erasure still
completes. `crisishouse check` warns when the local CUPS keeps job files.

Staff writing (house lines, the rhythm, hard events) is not her record and
is not erased; before the erasure, while her name is known, staff see where
it appears and may reword it.

CUPS here is a set of small shell scripts on PATH (nothing else is on it),
which record how they were called.
"""

from __future__ import annotations

import dataclasses
import json
import shlex
import threading
from pathlib import Path

import pendulum
import pytest
from textual.widgets import Button, Input, OptionList

from crisishouse import printing
from crisishouse.app import CrisisHouseApp
from crisishouse.cli import main
from crisishouse.clock import FixedClock
from crisishouse.models import Guest, HandoverEntry, HardEvent, RhythmItem
from crisishouse.printing import JobPurge, purge_jobs
from crisishouse.screens.erasure import ConfirmScreen, EraseRecordScreen, MentionsScreen, RetentionScreen, RewordForm
from crisishouse.services import House, NotAllowed, Session
from crisishouse.services.erasure import name_pattern, names
from crisishouse.services.printouts import print_text
from crisishouse.settings import save_settings
from tests.conftest import NOW
from tests.pilot_helpers import screen_text, sign_in, workers_done
from tests.sessions import session_of

PRINTER = "office"
SPOOL = "/var/spool/cups"


def shown(app) -> str:  # type: ignore[no-untyped-def]
    """The screen's words run together, without the boxes and bars around them."""
    return " ".join(screen_text(app).translate({ord(c): " " for c in "│▊▎▔▁▅"}).split())


# -- a CUPS made of shell scripts ------------------------------------------------------------------


class FakeCups:
    """lp, cancel, lpstat, ipptool and cupsctl as shell scripts that log their arguments.

    Only shell builtins are used: PATH holds nothing but these scripts, so
    a real CUPS on the machine is never reached.
    """

    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.bin.mkdir(parents=True)
        self.log = folder / "calls"
        self.counter = folder / "last-job"
        self.install("lp", f'n=0; [ -f "{self.counter}" ] && read n < "{self.counter}"; n=$((n + 1))\n'
                           f'echo "$n" > "{self.counter}"\necho "request id is {PRINTER}-$n (1 file(s))"\n')  # fmt: skip
        self.install("cancel", "exit 0\n")
        self.install("lpstat", "exit 0\n")

    def install(self, name: str, body: str) -> None:
        script = self.bin / name
        script.write_text(
            "#!/bin/sh\n"
            f'printf "%s" "{name}" >> "{self.log}"\n'
            f'for a in "$@"; do printf " %s" "$a" >> "{self.log}"; done\n'
            f'printf "\\n" >> "{self.log}"\n' + body,
            encoding="utf-8",
        )
        script.chmod(0o755)

    def remove(self, name: str) -> None:
        (self.bin / name).unlink()

    def calls(self, name: str) -> list[list[str]]:
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        return [line.split()[1:] for line in lines if line.split()[0] == name]


@pytest.fixture
def cups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeCups:
    fake = FakeCups(tmp_path / "cups")
    monkeypatch.setenv("PATH", str(fake.bin))
    monkeypatch.setattr(printing, "CUPSD_CONF", tmp_path / "no-cups" / "cupsd.conf")
    return fake


@pytest.fixture
def house(demo_dir: Path, clock: FixedClock, demo_house: House) -> House:
    """The demo house with a printer set up."""
    save_settings(demo_dir, dataclasses.replace(demo_house.settings, printer=PRINTER))
    return House.open(demo_dir, clock)


def sessions(house: House) -> tuple[Session, Session]:
    return house.sign_in.sign_in("Tama", "2222"), house.sign_in.sign_in("Mere", "3333")


def about(printout: Path) -> dict:
    return json.loads(printout.with_suffix(".json").read_text(encoding="utf-8"))


def print_three(house: House, tama: Session, mere: Session) -> dict[str, Path]:
    """The handover (Mere and others: job 1), Mere's own copy (job 2), another guest's own copy (job 3)."""
    line = house.handover.add_line(tama, mere.person_id, "Would like a quiet breakfast")
    house.handover.agree(tama, line, read_back=True)
    handover, _ = house.handover.print_handover(tama)
    hers = house.own_record.print_copy(tama, mere.person_id)
    other = next(s for s in house.stays.staying(tama) if s.guest_id != mere.person_id)
    theirs = house.own_record.print_copy(tama, other.guest_id)
    assert [o.job_id for o in (handover, hers, theirs)] == [f"{PRINTER}-1", f"{PRINTER}-2", f"{PRINTER}-3"]
    return {"handover": handover.saved_to, "hers": hers.saved_to, "theirs": theirs.saved_to}


def mere_leaves_and_is_erased(house: House, tama: Session, mere: Session):  # type: ignore[no-untyped-def]
    house.stays.leave(tama, mere.stay_id, "erase")
    done = house.erasures.erase_with_report(tama, mere.person_id, "printed")
    assert house.store.get(Guest, mere.person_id) is None, "the erasure completed"
    return done


# -- A. the job id is kept --------------------------------------------------------------------------


def test_the_job_id_lp_reports_is_kept_beside_the_printout(tmp_path: Path, cups: FakeCups):
    folder = tmp_path / "printouts"
    outcome = print_text(
        "Kōwhai", printer=PRINTER, printouts_dir=folder, title="t", clock_now=NOW,
        about={"kind": "guest copy", "guest_ids": ["g-1"]},
    )  # fmt: skip
    assert outcome.printed and outcome.job_id == f"{PRINTER}-1"
    assert about(outcome.saved_to) == {"kind": "guest copy", "guest_ids": ["g-1"], "job_id": f"{PRINTER}-1"}

    # A printout saved with nothing about whose lines it holds gets no JSON at all: the
    # JSON is what says whose lines a copy holds, and one without them would hide a guest.
    bare = print_text("x", printer=PRINTER, printouts_dir=folder, title="u", clock_now=NOW)
    assert bare.job_id == f"{PRINTER}-2"
    assert not bare.saved_to.with_suffix(".json").exists()


def test_a_printout_erased_while_lp_ran_is_not_written_back(tmp_path: Path, cups: FakeCups):
    """lp is slow; an erasure cleans the printout meanwhile: the job id goes into the cleaned JSON, not the old one."""
    folder = tmp_path / "printouts"
    cups.install("lp", f'for f in "{folder}"/*.json; do echo \'{{"kind": "handover", "guest_ids": []}}\' > "$f"; done\n'
                       f'echo "request id is {PRINTER}-7 (1 file(s))"\n')  # fmt: skip
    outcome = print_text(
        "x", printer=PRINTER, printouts_dir=folder, title="t", clock_now=NOW,
        about={"kind": "handover", "guest_ids": ["g-1"]},
    )  # fmt: skip
    assert about(outcome.saved_to) == {"kind": "handover", "guest_ids": [], "job_id": f"{PRINTER}-7"}


def test_the_house_keeps_each_printouts_job_id(house: House, cups: FakeCups):
    tama, mere = sessions(house)
    printed = print_three(house, tama, mere)
    assert about(printed["handover"])["job_id"] == f"{PRINTER}-1"
    assert mere.person_id in about(printed["handover"])["guest_ids"]
    assert about(printed["hers"]) == {"kind": "guest copy", "guest_ids": [mere.person_id], "job_id": f"{PRINTER}-2"}


# -- A. her jobs are purged at the erasure ----------------------------------------------------------


def test_erasure_purges_her_jobs_and_only_hers(house: House, cups: FakeCups):
    tama, mere = sessions(house)
    printed = print_three(house, tama, mere)

    done = mere_leaves_and_is_erased(house, tama, mere)

    purged = sorted(call for call in cups.calls("cancel"))
    assert purged == [["-x", f"{PRINTER}-1"], ["-x", f"{PRINTER}-2"]], "the handover's job and her copy's, not job 3"
    assert sorted(done.paper.purged) == [f"{PRINTER}-1", f"{PRINTER}-2"]
    assert done.paper.complete and done.paper_words == ""
    # The handover is laid out again without her; its job is gone, so its id goes too.
    cleaned = about(printed["handover"])
    assert mere.person_id not in cleaned["guest_ids"] and "job_id" not in cleaned
    assert not printed["hers"].exists()
    assert about(printed["theirs"])["job_id"] == f"{PRINTER}-3", "another guest's job is left alone"


def test_erase_without_report_still_purges(house: House, cups: FakeCups):
    tama, mere = sessions(house)
    print_three(house, tama, mere)
    house.stays.leave(tama, mere.stay_id, "erase")
    house.erasures.erase(tama, mere.person_id, "declined")
    assert sorted(cups.calls("cancel")) == [["-x", f"{PRINTER}-1"], ["-x", f"{PRINTER}-2"]]


def test_no_printer_no_job_nothing_to_cancel(demo_house: House, cups: FakeCups, tama: Session, mere: Session):
    demo_house.own_record.print_copy(tama, mere.person_id)  # no printer set: saved only
    mere_leaves_and_is_erased(demo_house, tama, mere)
    assert cups.calls("lp") == [] and cups.calls("cancel") == []


def test_when_cancel_is_missing_the_erasure_completes_and_says_how_to_remove_the_copies(house: House, cups: FakeCups):
    tama, mere = sessions(house)
    print_three(house, tama, mere)
    cups.remove("cancel")

    done = mere_leaves_and_is_erased(house, tama, mere)

    assert set(done.paper.not_purged) == {f"{PRINTER}-1", f"{PRINTER}-2"}
    words = done.paper_words
    assert "the cancel command (CUPS) is not installed here" in words
    assert words.startswith(
        "The printer system (CUPS) still keeps a copy of 2 printouts that held the erased guest's lines"
    )
    assert words.endswith(f"run on this computer: sudo rm -f {SPOOL}/d00001-* {SPOOL}/d00002-*")
    assert "Mere" not in words


def test_when_cancel_fails_the_erasure_completes_and_says_what_cancel_said(house: House, cups: FakeCups):
    tama, mere = sessions(house)
    print_three(house, tama, mere)
    cups.install("cancel", 'echo "cancel: cancel-job failed: Forbidden" >&2\nexit 1\n')

    done = mere_leaves_and_is_erased(house, tama, mere)

    assert set(done.paper.not_purged) == {f"{PRINTER}-1", f"{PRINTER}-2"}
    assert "cancel said: cancel: cancel-job failed: Forbidden" in done.paper_words
    assert f"sudo rm -f {SPOOL}/d00001-* {SPOOL}/d00002-*" in done.paper_words


def test_a_job_cups_no_longer_knows_counts_as_purged(cups: FakeCups):
    cups.install("cancel", 'echo "cancel: cancel-job failed: Job #4 does not exist." >&2\nexit 1\n')
    assert purge_jobs([f"{PRINTER}-4"]) == JobPurge(purged=(f"{PRINTER}-4",))


def test_a_finished_job_an_old_cancel_cannot_purge_is_purged_with_ipptool(cups: FakeCups):
    """CUPS before 2.4.3: `cancel -x` refuses a finished job (OpenPrinting/cups#742); ipptool sends the right request."""
    cups.install(
        "cancel", 'echo "cancel: cancel-job failed: Job #12 is already completed - can\'t cancel." >&2\nexit 1\n'
    )
    cups.install("ipptool", "exit 0\n")

    assert purge_jobs([f"{PRINTER}-12"]) == JobPurge(purged=(f"{PRINTER}-12",))
    (call,) = cups.calls("ipptool")
    assert "job_number=12" in call and f"ipp://localhost/printers/{PRINTER}" in call


def test_without_ipptool_an_old_cancel_leaves_a_finished_job_and_says_why(cups: FakeCups):
    cups.install(
        "cancel", 'echo "cancel: cancel-job failed: Job #12 is already completed - can\'t cancel." >&2\nexit 1\n'
    )
    outcome = purge_jobs([f"{PRINTER}-12"])
    assert outcome.not_purged == (f"{PRINTER}-12",)
    assert "fixed in CUPS 2.4.3" in outcome.words() and "ipptool" in outcome.words()
    assert outcome.words().endswith(f"sudo rm -f {SPOOL}/d00012-*")


def test_when_ipptool_is_refused_it_says_so(cups: FakeCups):
    cups.install(
        "cancel", 'echo "cancel: cancel-job failed: Job #12 is already completed - can\'t cancel." >&2\nexit 1\n'
    )
    cups.install("ipptool", "echo 'status-code = client-error-not-authorized' >&2\nexit 1\n")
    outcome = purge_jobs([f"{PRINTER}-12"])
    assert outcome.not_purged == (f"{PRINTER}-12",)
    assert "CUPS would not remove it" in outcome.words()


def test_a_job_still_printing_is_left_to_finish(house: House, cups: FakeCups):
    """Her own copy may still be coming out of the printer: it is not cancelled."""
    tama, mere = sessions(house)
    print_three(house, tama, mere)
    cups.install("lpstat", f'echo "{PRINTER}-2          tama    1024   Tue 24 Nov 2026 10:30:00"\n')

    done = mere_leaves_and_is_erased(house, tama, mere)

    assert cups.calls("cancel") == [["-x", f"{PRINTER}-1"]]
    assert cups.calls("lpstat") and cups.calls("lpstat")[0] == ["-W", "not-completed", "-o"]
    assert done.paper.still_printing == (f"{PRINTER}-2",)
    assert f"Job {PRINTER}-2, which held the erased guest's lines, had not finished printing" in done.paper_words
    assert done.paper_words.endswith(f"once the printing is done, run on this computer: sudo rm -f {SPOOL}/d00002-*")


def test_a_hung_cups_is_given_up_on_for_the_rest(cups: FakeCups, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(printing, "CANCEL_TIMEOUT_SECONDS", 0.5)
    cups.install("cancel", "while :; do :; done\n")
    outcome = purge_jobs([f"{PRINTER}-1", f"{PRINTER}-2"])
    assert outcome.not_purged == (f"{PRINTER}-1", f"{PRINTER}-2")
    assert len(cups.calls("cancel")) == 1, "not asked again once it did not answer"
    assert "did not answer within 0.5 seconds" in outcome.words()


def test_only_job_ids_reach_cancel(cups: FakeCups):
    """A damaged JSON cannot turn a job id into an option (`-a` would cancel every job)."""
    damaged = ["-a", "-a-1", "-1", "", f"{PRINTER}-x", "a b-1", "a/b-1"]
    assert purge_jobs([*damaged, f"{PRINTER}-3"]) == JobPurge(purged=(f"{PRINTER}-3",))
    assert cups.calls("cancel") == [["-x", f"{PRINTER}-3"]]


def test_retention_erasures_tell_the_board_what_cups_still_keeps(
    house: House, demo_dir: Path, clock: FixedClock, cups: FakeCups
):
    tama, mere = sessions(house)
    print_three(house, tama, mere)
    cups.remove("cancel")
    save_settings(demo_dir, dataclasses.replace(house.settings, keep_departed_records_years=1))
    house = House.open(demo_dir, clock)
    house.stays.leave(tama, mere.stay_id, None)
    clock.advance(days=400)
    aroha = house.sign_in.sign_in("Aroha", "1111")
    assert house.erasures.problem is None

    assert house.erasures.erase_past_retention(aroha) >= 1

    assert house.store.get(Guest, mere.person_id) is None
    assert house.erasures.problem is not None
    assert "printouts that held an erased guest's lines" in house.erasures.problem
    assert house.erasures.problem.endswith(f"sudo rm -f {SPOOL}/d00001-* {SPOOL}/d00002-*")


async def test_the_erasure_screen_says_what_cups_still_keeps(
    house: House, demo_dir: Path, clock: FixedClock, cups: FakeCups
):
    tama, mere = sessions(house)
    print_three(house, tama, mere)
    cups.remove("cancel")
    house.stays.leave(tama, mere.stay_id, "erase")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("x")
        assert isinstance(app.screen, EraseRecordScreen)
        await pilot.press("n")
        await pilot.click("#erase-now")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await workers_done(pilot)  # the erasure runs in a worker
        assert app.house.store.get(Guest, mere.person_id) is None
        told = [str(n.message) for n in app._notifications]
        assert any("The record was erased" in t for t in told)
        (paper,) = [t for t in told if "CUPS" in t]
        assert "the cancel command (CUPS) is not installed here" in paper
        assert paper.endswith(f"sudo rm -f {SPOOL}/d00001-* {SPOOL}/d00002-*")


# -- A. crisishouse check warns when CUPS keeps job files -------------------------------------------


@pytest.fixture
def data_dir(demo_dir: Path) -> Path:
    return demo_dir


def check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["check", "--data", str(data_dir)])
    return status, capsys.readouterr().out


def cupsctl_says(cups: FakeCups, *lines: str, status: int = 0) -> None:
    said = "".join(f"echo {shlex.quote(line)}\n" for line in lines)
    cups.install("cupsctl", f"{said}exit {status}\n")


@pytest.mark.parametrize(
    ("settings", "how_long"),
    [
        ((), "for a day"),  # not in cupsd.conf: CUPS's own default
        (("PreserveJobFiles=Yes",), "until someone removes it"),
        (("PreserveJobFiles=2h",), "for 2 hours"),
        (("PreserveJobFiles=86400", "PreserveJobHistory=1w"), "for a day"),
        (("PreserveJobFiles=Yes", "PreserveJobHistory=3600"), "for an hour"),
    ],
)
def test_check_warns_when_cups_keeps_job_files(data_dir, cups, capsys, settings, how_long):
    cupsctl_says(cups, "_debug_logging=0", "WebInterface=Yes", *settings)
    status, out = check(data_dir, capsys)
    assert status == 0, "a warning, not a problem"
    (warning,) = [line for line in out.splitlines() if line.startswith("WARNING: ")]
    assert f"keeps a copy of each printed document {how_long} after printing" in warning
    assert warning.endswith("To stop CUPS keeping copies: sudo cupsctl PreserveJobFiles=No")
    assert out.rstrip().endswith("OK")
    assert "PROBLEM" not in out


@pytest.mark.parametrize(
    "settings",
    [("PreserveJobFiles=No",), ("PreserveJobFiles=off",), ("PreserveJobFiles=0",), ("PreserveJobHistory=No",)],
)
def test_check_is_quiet_when_cups_keeps_no_job_files(data_dir, cups, capsys, settings):
    cupsctl_says(cups, "WebInterface=Yes", *settings)
    status, out = check(data_dir, capsys)
    assert status == 0 and "WARNING" not in out


def test_check_is_quiet_when_cups_is_not_installed(data_dir, cups, capsys):
    status, out = check(data_dir, capsys)
    assert status == 0 and "WARNING" not in out and "CUPS" not in out


def test_check_reads_cupsd_conf_when_cupsctl_cannot_answer(data_dir, cups, capsys, tmp_path, monkeypatch):
    cupsctl_says(cups, "cupsctl: Unable to connect to server: No such file or directory", status=1)
    conf = tmp_path / "etc-cups" / "cupsd.conf"
    conf.parent.mkdir()
    conf.write_text(
        "# PreserveJobFiles No\nLogLevel warn\n<Location />\n  PreserveJobFiles No\n</Location>\nPreserveJobFiles 3d\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(printing, "CUPSD_CONF", conf)
    status, out = check(data_dir, capsys)
    assert status == 0
    assert "keeps a copy of each printed document for 3 days after printing" in out

    conf.write_text("LogLevel warn\nPreserveJobFiles No\n", encoding="utf-8")
    assert "WARNING" not in check(data_dir, capsys)[1]


def test_check_says_when_it_cannot_tell(data_dir, cups, capsys):
    """cupsctl is there but cannot answer, and cupsd.conf cannot be read (an ordinary account)."""
    cupsctl_says(cups, "cupsctl: Unauthorized", status=1)
    status, out = check(data_dir, capsys)
    assert status == 0
    (warning,) = [line for line in out.splitlines() if line.startswith("WARNING: ")]
    assert "Could not read the printer system's settings (CUPS)" in warning
    assert warning.endswith("sudo cupsctl PreserveJobFiles=No")


def test_a_house_with_problems_keeps_its_exit_code_with_the_warning(data_dir, cups, capsys):
    cupsctl_says(cups, "WebInterface=Yes")
    (data_dir / "house.toml").write_bytes(b"")
    status, out = check(data_dir, capsys)
    assert status == 1 and "WARNING: " in out and "PROBLEM: " in out


# -- B. staff writing that names her ----------------------------------------------------------------


def test_the_name_is_found_whole_in_any_case_and_macrons_matter():
    mere = name_pattern("Mere")
    assert mere is not None
    for text in ("Mere's sister calls at 7", "ring MERE back", "mere", "Call about\nMere, please", "(Mere)"):
        assert names(text, mere), text
    for text in ("Meremere hill walk", "Tamere", "Mēre's sister", "Mere\u0304 is someone else", "Mer e"):
        assert not names(text, mere), text
    arama = name_pattern("A\u0304rama")  # typed with a combining macron
    assert arama is not None
    assert names("ĀRAMA's whānau visit at 4", arama)
    assert names("with \u0101rama", arama)
    assert not names("Arama's whānau visit", arama), "Ārama is not Arama"
    two = name_pattern("Tui  K")
    assert two is not None and names("lift for tui k at 3", two) and not names("tui kahu", two)
    assert name_pattern("   ") is None


def write_staff_words(house: House, tama: Session) -> dict[str, object]:
    """Her name in each kind of staff writing, and near misses that must not be found."""
    line = house.handover.add_house_line(tama, "Mere's sister calls at 7")
    house.clock.advance(minutes=1)  # type: ignore[attr-defined]
    shouting = house.handover.add_house_line(tama, "Remember: MERE's bag is in the office")
    house.handover.add_house_line(tama, "Meremere hill walk after lunch")
    house.handover.add_house_line(tama, "Mēre's whānau visit on Friday")
    everyday = house.rhythm.add_everyday(tama, "16:00", "Walk with mere to the dairy")
    one_off = house.rhythm.add_one_off(tama, "2026-11-28", "10:00", "Beach trip, Mere driving")
    skipped = house.rhythm.cancel_for_day(tama, pendulum.date(2026, 11, 29), everyday.id)
    event = house.debriefs.note_hard_event(tama, "A hard evening; Mere and I talked it through")
    return {
        "line": line,
        "shouting": shouting,
        "everyday": everyday,
        "one-off": one_off,
        "skip": skipped,
        "event": event,
    }


def test_mentions_lists_each_place_plainly(demo_house: House, tama: Session):
    written = write_staff_words(demo_house, tama)
    shift = demo_house.handover.current_shift()
    shift_words = shift.name if shift.name.endswith("shift") else f"{shift.name} shift"

    found = demo_house.erasures.mentions(tama, "Mere")

    assert [(m.kind, m.id) for m in found] == [
        ("house line", written["shouting"].id),  # newest first
        ("house line", written["line"].id),
        ("everyday", written["everyday"].id),
        ("skip", written["skip"].id),
        ("one-off", written["one-off"].id),
        ("hard event", written["event"].id),
    ]
    words = [m.words for m in found]
    assert words[1] == f"House line, 24 Nov {shift_words}: 'Mere's sister calls at 7'"
    assert words[2] == "Everyday rhythm, 16:00: 'Walk with mere to the dairy'"
    assert words[3] == "Rhythm, Sun 29 Nov 16:00, skipped that day: 'Walk with mere to the dairy'"
    assert words[4] == "Rhythm one-off, Sat 28 Nov 10:00: 'Beach trip, Mere driving'"
    assert words[5] == f"Hard event, 24 Nov {shift_words}: 'A hard evening; Mere and I talked it through'"
    assert [m.can_reword for m in found] == [True, True, True, False, False, False]
    assert "undo it (x) and add it again in other words (o)" in found[4].how_to_change
    assert "Saturday 28 November 2026" in found[4].how_to_change
    assert "no way to change a hard event's words yet" in found[5].how_to_change

    assert demo_house.erasures.mentions(tama, "Mēre")[0].text == "Mēre's whānau visit on Friday"
    assert demo_house.erasures.mentions(tama, "Meremere")[0].text == "Meremere hill walk after lunch"
    assert demo_house.erasures.mentions(tama, "Tui") == []


def test_only_staff_see_where_a_name_appears(demo_house: House, mere: Session):
    with pytest.raises(NotAllowed):
        demo_house.erasures.mentions(mere, "Mere")


def test_the_erasure_completes_with_her_name_left_in_staff_writing(demo_house: House, tama: Session, mere: Session):
    written = write_staff_words(demo_house, tama)
    demo_house.stays.leave(tama, mere.stay_id, "erase")

    done = demo_house.erasures.erase_with_report(tama, mere.person_id, "declined")

    assert demo_house.store.get(Guest, mere.person_id) is None
    assert done.erasure.handed_over
    # Staff writing is not her record: it stays as the staff left it.
    assert len(demo_house.erasures.mentions(tama, "Mere")) == 6
    line = written["line"]
    assert isinstance(line, HandoverEntry)
    assert demo_house.store.get(HandoverEntry, line.id, month="2026-11").text == "Mere's sister calls at 7"


async def test_staff_reword_each_place_from_the_erasure_screen(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, mere: Session
):
    written = write_staff_words(demo_house, tama)
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        house, tama = app.house, app.session
        await pilot.press("x")
        screen = app.screen
        assert isinstance(screen, EraseRecordScreen)
        words = shown(app)
        assert "Staff writing still names Mere in 6 places: w to see and reword them." in words
        assert "w where named" in words

        await pilot.press("w")
        assert isinstance(app.screen, MentionsScreen)
        listed = shown(app)
        assert "House line, 24 Nov" in listed and "'Remember: MERE's bag is in the office'" in listed

        # The newest house line first: reword it, the highlight stays on the first row.
        await pilot.press("enter")
        assert isinstance(app.screen, RewordForm)
        assert app.screen.query_one("#reword-text", Input).value == "Remember: MERE's bag is in the office"
        assert "Still names Mere." in shown(app)
        app.screen.query_one("#reword-text", Input).value = "Remember: the bag in the office goes back on Friday"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MentionsScreen)
        assert house.store.get(HandoverEntry, written["shouting"].id, month="2026-11").text == (
            "Remember: the bag in the office goes back on Friday"
        )
        options = app.screen.query_one("#mentions-list", OptionList)
        assert options.option_count == 5 and options.highlighted == 0

        # The everyday item, on the next row, through the rhythm's own service.
        await pilot.press("down", "enter")
        assert isinstance(app.screen, RewordForm)
        app.screen.query_one("#reword-text", Input).value = "Walk to the dairy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (item,) = [i for i in house.rhythm.everyday() if i.id == written["everyday"].id]
        assert item.what == "Walk to the dairy" and (item.time.hour, item.time.minute) == (16, 0)
        assert app.screen.query_one("#mentions-list", OptionList).highlighted == 1

        # A one-off (after the skip, which keeps the item's old words) cannot be reworded here: it says where.
        app.screen.query_one("#mentions-list", OptionList).highlighted = 2
        await pilot.pause()
        assert app.screen.query_one("#mention-reword", Button).disabled
        assert "undo it (x) and add it again" in shown(app)
        await pilot.press("enter")
        assert isinstance(app.screen, MentionsScreen)
        assert isinstance(house.store.get(RhythmItem, written["one-off"].id), RhythmItem)

        await pilot.press("escape")
        assert isinstance(app.screen, EraseRecordScreen)
        words = shown(app)
        assert "Staff writing still names Mere in 4 places" in words

        # The erasure is not held up by what is left; the question says it is left.
        await pilot.press("n")
        await pilot.click("#erase-now")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        asked = shown(app)
        assert "still appears in 4 places of staff writing; erasing leaves those as they are" in asked
        await pilot.click("#confirm-yes")
        await workers_done(pilot)  # the erasure runs in a worker
        assert house.store.get(Guest, mere.person_id) is None
        event = written["event"]
        assert isinstance(event, HardEvent)
        assert [m.id for m in house.erasures.mentions(tama, "Mere")][-1] == event.id


async def test_no_mentions_no_extra_words(
    demo_house: House, demo_dir: Path, clock: FixedClock, tama: Session, mere: Session
):
    """The dialog is as it was when her name appears nowhere in staff writing."""
    demo_house.stays.leave(tama, mere.stay_id, "erase")
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, "Tama", "2222")
        await pilot.press("x")
        assert isinstance(app.screen, EraseRecordScreen)
        assert not app.screen.query("#erase-mentions") and not app.screen.query("#erase-mentions-open")
        await pilot.press("w")
        assert isinstance(app.screen, EraseRecordScreen)


async def test_erasing_records_past_retention_runs_in_a_worker(demo_dir: Path, clock: FixedClock):
    """The manager's retention erasure runs off the screen's thread; the dialog cannot close half-way."""
    house = House.open(demo_dir, clock)
    save_settings(demo_dir, dataclasses.replace(house.settings, keep_departed_records_years=1))
    tama = session_of(house, "Tama")
    mere = next(
        s for s in house.stays.staying(tama) if getattr(house.store.get(Guest, s.guest_id), "chosen_name", "") == "Mere"
    )
    house.stays.leave(tama, mere.id, None)
    clock.advance(days=400)
    app = CrisisHouseApp(demo_dir, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await sign_in(pilot, "Aroha", "1111")
        assert app.house is not None and app.session is not None
        screen = RetentionScreen(app.house, app.session)
        await app.push_screen(screen)
        await pilot.pause()
        ran_on: list[bool] = []
        erase = app.house.erasures.erase_past_retention
        release = threading.Event()

        def held(session: Session) -> int:
            ran_on.append(threading.current_thread() is threading.main_thread())
            release.wait(5)
            return erase(session)

        setattr(app.house.erasures, "erase_past_retention", held)  # noqa: B010 (a stand-in that waits)
        await pilot.click("#retention-erase")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.erasing
        release.set()
        await workers_done(pilot)
        await pilot.pause()
        assert ran_on == [False]
        assert app.screen is not screen
        assert app.house.store.get(Guest, mere.guest_id) is None
