"""Three terminals saving into one house at once, and a fourth reading its board.

Each writer is its own process with its own House and its own signed-in
staff session, doing what staff do all day in a random order (its own
seeded RNG). Every save a service acknowledged (it returned without
raising) is logged to the writer's own file as a JSON line, flushed, and
only then is the next one tried. Afterwards the house must hold every
acknowledged save, or a later value consistent with it; no room may be
held by two stays at once; every stay's guest must exist; and
`check_folder` must pass. The reader builds the staff board over and over
and must never raise.

The writers and the reader run this module's `child_main` through
`python -c` (see CHILD).

Seeds: TWO_TERMINALS_SEED fixes the parent's seed (each child's seed is
drawn from it); the seed is in every failure message.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.child_process import ROOT, child_env, read_first_line

CHILD = "import sys; from tests.test_two_terminals import child_main; sys.exit(child_main(sys.argv[1:]))"

WRITERS = (("Kiri", "4101"), ("Nikau", "4102"), ("Paora", "4103"))
"""One staff member a writer (managers, so they may keep the roster too)."""
READER = ("Tama", "2222")
MANAGER = ("Aroha", "1111")

OPS = 350
"""Operations each writer tries in the first test (about 1,000 saves in all)."""
KILL_OPS = 100_000
"""Writers in the kill test work until killed, or told to stop after the last kill."""
KILLS = 6
KILL_AFTER_LINES = (1, 40)
"""A writer is killed after writing this many more log lines (two a save): somewhere in a save."""
CHILD_TIMEOUT_S = 150

WEIGHTS = {
    "arrive": 9,
    "leave": 7,
    "move": 8,
    "night_out": 5,
    "change_leaving": 7,
    "check_in": 14,
    "rating": 7,
    "intention_set": 6,
    "intention_change": 8,
    "handover": 8,
    "note": 6,
    "roster": 6,
}
NAMES = ("Rangi", "Ellie", "Ngaio", "Sione", "Kate", "Tūī", "Marama", "Ben", "Hine", "Pita", "Rosa", "Kahu")
NOTES = ("", "Had a cup of tea together on the deck.", "Enjoyed the walk.", "Made scones for the house.")
LINES = ("I'd like some quiet time in the morning.", "Please remind me about the call at 11.")
INTENTION_WORDS = ("Ring my sister", "Go for a walk every day", "Write in my journal", "Cook a meal")
GUEST_NOTES = ("A quiet morning in the garden.", "The walk helped today.", "Looking forward to tea.")


# ============================================================================
# The children (run in their own processes)
# ============================================================================


def child_main(argv: list[str]) -> int:
    role, args = argv[0], argv[1:]
    if role == "writer":
        return _writer(Path(args[0]), Path(args[1]), int(args[2]), int(args[3]), args[4], args[5], args[6])
    if role == "reader":
        return _reader(Path(args[0]), Path(args[1]), args[2], args[3])
    if role == "holder":
        return _holder(Path(args[0]), args[1], args[2], json.loads(args[3]), args[4])
    raise SystemExit(f"unknown role {role!r}")


def _iso(instant: Any) -> str:
    return instant.in_timezone("UTC").isoformat()


def _refusals() -> tuple[type[BaseException], ...]:
    """What a service raises to refuse (not damage, not a failed disk)."""
    from crisishouse.services.errors import NotAllowed, ServiceError
    from crisishouse.store import StoreError

    return (ServiceError, NotAllowed, StoreError)


def _is_refusal(error: BaseException) -> bool:
    from crisishouse.store import StoreDamaged, StoreTooNew, StoreWriteError

    return isinstance(error, _refusals()) and not isinstance(error, (StoreDamaged, StoreTooNew, StoreWriteError))


class _Writer:
    """One terminal's staff member at work, logging each acknowledged save."""

    def __init__(self, data_dir: Path, log_path: Path, seed: int, name: str, pin: str) -> None:
        from crisishouse.services import House

        self.rng = random.Random(seed)
        self.house = House.open(data_dir)
        self.staff = self.house.sign_in.sign_in(name, pin)
        self.log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115
        self.numbers = itertools.count()

    def write(self, entry: dict[str, Any]) -> None:
        self.log.write(json.dumps(entry) + "\n")
        self.log.flush()

    def attempt(self, kind: str, fields: dict[str, Any], save) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
        """Try one save; log it as tried, then as acknowledged (or refused)."""
        n = next(self.numbers)
        t0 = time.time()
        self.write({"try": n, "kind": kind, "t0": t0, **fields})
        try:
            saved = save()
        except Exception as error:
            if not _is_refusal(error):
                raise
            self.write({"refused": n, "kind": kind, "why": f"{type(error).__name__}: {str(error)[:100]}"})
            return None
        # Only now is the save acknowledged.
        self.write({"ack": n, "kind": kind, "t0": t0, "t1": time.time(), **fields, **saved})
        return saved

    # -- what staff do ---------------------------------------------------------

    def today(self):  # type: ignore[no-untyped-def]
        from crisishouse.housetime import house_today

        return house_today(self.house.clock.now(), self.house.settings.time_zone)

    def guest_session(self, stay):  # type: ignore[no-untyped-def]
        """The guest's own session (the services look at the role and the person)."""
        from crisishouse.models import Guest
        from crisishouse.services import Session

        guest = self.house.store.get(Guest, stay.guest_id)
        return Session(stay.guest_id, guest.chosen_name if guest else "Guest", "guest", stay.id)

    def step(self) -> None:
        kinds = list(WEIGHTS)
        kind = self.rng.choices(kinds, [WEIGHTS[k] for k in kinds])[0]
        staying = self.house.stays.staying(self.staff)
        if kind == "arrive" or (not staying and kind != "roster"):
            return self.arrive()
        if kind == "roster":
            return self.roster()
        stay = self.rng.choice(staying)
        getattr(self, kind)(stay)

    def arrive(self) -> None:
        rng, house = self.rng, self.house
        free = house.stays.free_rooms(self.staff)
        room = rng.choice(free) if free and rng.random() < 0.8 else rng.choice(house.settings.rooms)
        planned = self.today().add(days=rng.randint(1, 7))
        name = rng.choice(NAMES)

        def save() -> dict[str, Any]:
            stay = house.stays.arrive(self.staff, chosen_name=name, room=room, planned_leaving=planned)
            return {"stay": stay.id, "guest": stay.guest_id, "arrived_at": _iso(stay.arrived_at)}

        self.attempt("arrive", {"room": room, "planned": planned.isoformat()}, save)

    def leave(self, stay) -> None:  # type: ignore[no-untyped-def]
        choice = self.rng.choice(("keep", None))

        def save() -> dict[str, Any]:
            left = self.house.stays.leave(self.staff, stay.id, choice)
            return {"left_at": _iso(left.left_at)}

        self.attempt("leave", {"stay": stay.id}, save)

    def move(self, stay) -> None:  # type: ignore[no-untyped-def]
        free = self.house.stays.free_rooms(self.staff)
        room = self.rng.choice(free) if free and self.rng.random() < 0.8 else self.rng.choice(self.house.settings.rooms)

        def save() -> dict[str, Any]:
            moved = self.house.stays.move_room(self.staff, stay.id, room)
            last = moved.moves[-1]
            return {"at": _iso(last.at), "from": last.from_room, "to": last.to_room, "count": len(moved.moves)}

        self.attempt("move", {"stay": stay.id, "room": room}, save)

    def night_out(self, stay) -> None:  # type: ignore[no-untyped-def]
        night = self.today().add(days=self.rng.randint(0, 3))

        def save() -> dict[str, Any]:
            self.house.stays.out_overnight(self.staff, stay.id, night)
            return {}

        self.attempt("night_out", {"stay": stay.id, "night": night.isoformat()}, save)

    def change_leaving(self, stay) -> None:  # type: ignore[no-untyped-def]
        planned = self.today().add(days=self.rng.randint(0, 6))

        def save() -> dict[str, Any]:
            self.house.stays.change_leaving(self.staff, stay.id, planned)
            return {}

        self.attempt("change_leaving", {"stay": stay.id, "planned": planned.isoformat()}, save)

    def check_in(self, stay) -> None:  # type: ignore[no-untyped-def]
        outcome = self.rng.choice(("checked_in", "checked_in", "quiet_time", "asleep"))
        note = self.rng.choice(NOTES)

        def save() -> dict[str, Any]:
            made = self.house.check_ins.record(self.staff, stay, outcome, note)
            return {"id": made.id}

        self.attempt("check_in", {"stay": stay.id}, save)

    def rating(self, stay) -> None:  # type: ignore[no-untyped-def]
        from crisishouse.models import FOUR_WALLS

        ratings = {wall: self.rng.randint(0, 10) for wall in FOUR_WALLS}
        by_guest = self.rng.random() < 0.5
        session = self.guest_session(stay) if by_guest else self.staff

        def save() -> dict[str, Any]:
            made = self.house.wellbeing.rate(session, stay.guest_id, ratings, with_guest=not by_guest)
            return {"id": made.id, "stay": made.stay_id}

        self.attempt("rating", {"stay": stay.id}, save)

    def intention_set(self, stay) -> None:  # type: ignore[no-untyped-def]
        words = self.rng.choice(INTENTION_WORDS)
        by_guest = self.rng.random() < 0.5
        session = self.guest_session(stay) if by_guest else self.staff

        def save() -> dict[str, Any]:
            made = self.house.intentions.set(session, stay.guest_id, words, with_guest=not by_guest)
            return {"id": made.id, "stay": made.stay_id, "status": made.status, "words": made.words}

        self.attempt("intention_set", {"stay": stay.id}, save)

    def intention_change(self, stay) -> None:  # type: ignore[no-untyped-def]
        from crisishouse.models import INTENTION_STATUSES

        found = self.house.intentions.for_stay(self.staff, stay.guest_id, stay.id)
        if not found:
            return self.intention_set(stay)
        intention = self.rng.choice(found)
        status = self.rng.choice(list(INTENTION_STATUSES))
        new_words = self.rng.choice(INTENTION_WORDS) + f" ({self.rng.randint(1, 999)})" if status == "changed" else None

        def save() -> dict[str, Any]:
            made = self.house.intentions.change(
                self.staff, stay.guest_id, intention.id, status, new_words=new_words, with_guest=True
            )
            return {"words": made.words}

        fields = {"id": intention.id, "stay": stay.id, "status": status, "new_words": new_words}
        self.attempt("intention_change", fields, save)
        return None

    def handover(self, stay) -> None:  # type: ignore[no-untyped-def]
        text = self.rng.choice(LINES)
        by_guest = self.rng.random() < 0.3
        session = self.guest_session(stay) if by_guest else self.staff

        def save() -> dict[str, Any]:
            made = self.house.handover.add_line(session, stay.guest_id, text)
            return {"id": made.id, "stay": made.stay_id}

        self.attempt("handover", {"stay": stay.id}, save)

    def note(self, stay) -> None:  # type: ignore[no-untyped-def]
        session = self.guest_session(stay)
        text = self.rng.choice(GUEST_NOTES)
        for_staff = self.rng.random() < 0.5

        def save() -> dict[str, Any]:
            made = self.house.voice.write_note(session, text, for_staff=for_staff)
            return {"id": made.id, "stay": made.stay_id}

        self.attempt("note", {"stay": stay.id}, save)

    def roster(self) -> None:
        roll = self.rng.random()
        if roll < 0.25:

            def sign_on() -> dict[str, Any]:
                shift = self.house.roster.sign_on(self.staff)
                return {
                    "shift": shift.id,
                    "staff": shift.staff_id,
                    "day": shift.day.isoformat(),
                    "signed_on_at": _iso(shift.signed_on_at),
                }

            self.attempt("sign_on", {}, sign_on)
        elif roll < 0.45:

            def sign_off() -> dict[str, Any]:
                shift = self.house.roster.sign_off(self.staff)
                return {"shift": shift.id, "signed_off_at": _iso(shift.signed_off_at)}

            self.attempt("sign_off", {}, sign_off)
        else:
            staff = self.house.roster.staff(self.staff)
            member = self.rng.choice(staff)
            day = self.today().add(days=self.rng.randint(0, 20))
            name = self.rng.choice([p.name for p in self.house.settings.shifts])

            def assign() -> dict[str, Any]:
                shift = self.house.roster.assign(self.staff, member.id, day, name)
                return {"shift": shift.id}

            self.attempt("assign", {"staff": member.id, "day": day.isoformat(), "name": name}, assign)


def _writer(data_dir: Path, log_path: Path, seed: int, ops: int, name: str, pin: str, stop: str) -> int:
    """Try `ops` saves, or stop early once the file `stop` exists ("-": never)."""
    writer = _Writer(data_dir, log_path, seed, name, pin)
    stop_file = None if stop == "-" else Path(stop)
    print("ready", flush=True)
    for _ in range(ops):
        if stop_file is not None and stop_file.exists():
            break
        writer.step()
    writer.log.close()
    return 0


def _reader(data_dir: Path, stop: Path, name: str, pin: str) -> int:
    """Build the board until told to stop (or for CHILD_TIMEOUT_S at most: it never outlives a failed test)."""
    from crisishouse.services import House

    house = House.open(data_dir)
    staff = house.sign_in.sign_in(name, pin)
    print("ready", flush=True)
    views = 0
    deadline = time.monotonic() + CHILD_TIMEOUT_S
    while not stop.exists() and time.monotonic() < deadline:
        house.board.view(staff)
        views += 1
    print(json.dumps({"views": views}), flush=True)
    return 0


def _holder(data_dir: Path, name: str, pin: str, guest_ids: list[str], race_guest: str) -> int:
    """A terminal that loaded guests' stays while they were staying, then acts on them after erasure.

    Prints its held stay ids, then records check-ins for `race_guest` over
    and over (while the other terminal erases her) until a line arrives on
    stdin; then tries every kind of save for every held guest and prints
    what happened to each.
    """
    from crisishouse.models import Guest
    from crisishouse.services import House, Session

    house = House.open(data_dir)
    staff = house.sign_in.sign_in(name, pin)
    held = {}
    for guest_id in [*guest_ids, race_guest]:
        stay = house.stays.current_stay_of(staff, guest_id)
        guest = house.store.get(Guest, guest_id)
        session = Session(guest_id, guest.chosen_name, "guest", stay.id)
        intention = house.intentions.set(session, guest_id, "Ring my sister")
        held[guest_id] = (stay, session, intention)
    print(json.dumps({gid: stay.id for gid, (stay, _s, _i) in held.items()}), flush=True)

    race_stay = held[race_guest][0]
    race: Counter[str] = Counter()
    while not select.select([sys.stdin], [], [], 0)[0]:
        try:
            house.check_ins.record(staff, race_stay, "checked_in", "")
            race["saved"] += 1
        except Exception as error:
            race["refused" if _is_refusal(error) else f"crashed {type(error).__name__}"] += 1
    sys.stdin.readline()

    results = {guest_id: _try_saves(house, staff, guest_id, *held[guest_id]) for guest_id in held}
    print(json.dumps({"race": dict(race), "results": results}), flush=True)
    return 0


def _try_saves(house, staff, guest_id: str, stay, session, intention) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every kind of save for one guest, from a terminal that loaded her while she was staying."""
    from crisishouse.models import FOUR_WALLS

    ratings = {wall: 5 for wall in FOUR_WALLS}
    tries = {
        "check-in (staff, held Stay)": lambda: house.check_ins.record(staff, stay, "checked_in", "Tea on the deck."),
        "rating (guest session)": lambda: house.wellbeing.rate(session, guest_id, ratings),
        "rating (staff with guest)": lambda: house.wellbeing.rate(staff, guest_id, ratings, with_guest=True),
        "note (guest session)": lambda: house.voice.write_note(session, "A quiet morning."),
        "intention set (guest session)": lambda: house.intentions.set(session, guest_id, "Walk to the beach"),
        "intention change (guest session)": lambda: house.intentions.change(session, guest_id, intention.id, "done"),
        "handover line (guest session)": lambda: house.handover.add_line(session, guest_id, "A good day."),
        "night out (staff)": lambda: house.stays.out_overnight(staff, stay.id),
        "share ratings (guest session)": lambda: house.wellbeing.share_in_handover(session, guest_id, True),
    }
    outcome = {}
    for what, save in tries.items():
        try:
            save()
            outcome[what] = "SAVED"
        except Exception as error:
            kind = "refused" if _is_refusal(error) else "CRASHED"
            outcome[what] = f"{kind}: {type(error).__name__}: {str(error)[:80]}"
    return outcome


# ============================================================================
# The parent
# ============================================================================


_CHILDREN: list[subprocess.Popen[bytes]] = []


@pytest.fixture(autouse=True)
def _no_child_outlives_its_test() -> Iterator[None]:
    """A failed assertion leaves no writer or reader running on after the test."""
    yield
    while _CHILDREN:
        child = _CHILDREN.pop()
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)


def start_child(role: str, *args: str, stderr_path: Path, stdin: bool = False) -> subprocess.Popen[bytes]:
    with open(stderr_path, "ab") as err:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, role, *args],
            cwd=ROOT,
            env=child_env(),
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            bufsize=0,
        )
    _CHILDREN.append(child)
    return child


@pytest.fixture(scope="module")
def two_terminal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo house on today's real clock (the children run on it), with three writer managers."""
    from crisishouse.clock import Clock
    from crisishouse.demo import build_demo
    from crisishouse.models import StaffMember
    from crisishouse.services.pins import hash_pin
    from crisishouse.store import Store

    folder = tmp_path_factory.mktemp("two-terminals") / "house"
    build_demo(folder, days=3, clock=Clock(), seed=11)
    Store.open(folder).put_many(StaffMember(name=name, role="manager", pin_hash=hash_pin(pin)) for name, pin in WRITERS)
    # Whatever the audit finds later was done by the terminals, not the demo.
    before = audit(folder, Logs())
    assert before.ok, f"the demo house is not sound before any terminal starts:\n{before.report()}"
    return folder


@pytest.fixture
def house_dir(two_terminal_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "house"
    shutil.copytree(two_terminal_template, folder)
    return folder


def lines_in(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def parent_seed() -> int:
    return int(os.environ.get("TWO_TERMINALS_SEED", time.time_ns() % 2**32))


# -- reading the logs ----------------------------------------------------------


@dataclass
class Logs:
    acked: list[dict[str, Any]] = field(default_factory=list)
    inflight: list[dict[str, Any]] = field(default_factory=list)
    """Saves tried and neither acknowledged nor refused: the writer was killed during them."""
    refused: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)


def read_logs(paths: list[Path]) -> Logs:
    logs = Logs()
    for path in paths:
        if not path.exists():
            continue
        tried: dict[int, dict[str, Any]] = {}
        for line in path.read_text(encoding="utf-8").split("\n")[:-1]:  # complete lines only
            entry = json.loads(line)
            if "try" in entry:
                tried[entry["try"]] = entry
            elif "ack" in entry:
                tried.pop(entry["ack"], None)
                logs.acked.append(entry)
            else:
                tried.pop(entry["refused"], None)
                logs.refused[entry["kind"]] += 1
                logs.reasons[entry["why"].split(":")[0] + ": " + entry["why"].split(": ", 1)[-1][:45]] += 1
        logs.inflight += tried.values()
    return logs


# -- checking the house against them -----------------------------------------


@dataclass
class Findings:
    total: int = 0
    lost: Counter[str] = field(default_factory=Counter)
    problems: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def lose(self, kind: str, what: str) -> None:
        self.lost[kind] += 1
        self.problems[f"lost {kind}"].append(what)

    def problem(self, category: str, what: str) -> None:
        self.problems[category].append(what)

    @property
    def ok(self) -> bool:
        return not self.problems

    def figures(self) -> str:
        lost = sum(self.lost.values())
        lines = [
            f"lost {lost:,} of {self.total:,} acknowledged saves"
            + (f" ({', '.join(f'{k} {n}' for k, n in self.lost.most_common())})" if lost else "")
        ]
        for category, items in self.problems.items():
            if not category.startswith("lost "):
                lines.append(f"{category}: {len(items)}")
        return "; ".join(lines)

    def report(self) -> str:
        out = [self.figures()]
        for category, items in self.problems.items():
            out.append(f"- {category} ({len(items)}), e.g.:")
            out += [f"    {item}" for item in items[:4]]
        return "\n".join(out)


def _not_followed(writes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Acknowledged writes that no other acknowledged write began strictly after."""
    return [w for w in writes if not any(o["t0"] > w["t1"] for o in writes if o is not w)]


def _room_overlaps(stays: list[Any]) -> list[str]:

    spans = defaultdict(list)
    for stay in stays:
        for room, start, end in stay.room_times():
            if end is None or end > start:
                spans[room].append((start, end, stay.id))
    found = []
    for room, items in spans.items():
        for (s1, e1, a), (s2, e2, b) in itertools.combinations(items, 2):
            if a != b and (e2 is None or s1 < e2) and (e1 is None or s2 < e1):
                found.append(
                    f"{room}: stays {a} ({_iso(s1)} to {e1 and _iso(e1)}) and {b} ({_iso(s2)} to {e2 and _iso(e2)})"
                )
    return found


def audit(folder: Path, logs: Logs) -> Findings:
    from crisishouse.models import (
        CheckIn,
        Guest,
        GuestNote,
        HandoverEntry,
        Intention,
        Shift,
        Stay,
        WellbeingRating,
    )
    from crisishouse.services.staff_records import find_anywhere, shifts_on_days
    from crisishouse.store import Store, check_folder

    store = Store.open(folder)
    stays = {s.id: s for s in store.find(Stay)}
    guests = {g.id for g in store.find(Guest)}
    found = Findings(total=len(logs.acked))
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in logs.acked:
        by_kind[entry["kind"]].append(entry)
    inflight: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in logs.inflight:
        inflight[entry["kind"]].append(entry)

    def import_date(text: str):  # type: ignore[no-untyped-def]
        import pendulum

        return pendulum.Date(*map(int, text.split("-")))

    # Stays: arrivals, leavings, moves, nights out.
    for a in by_kind["arrive"]:
        stay = stays.get(a["stay"])
        first_room = (stay.moves[0].from_room if stay.moves else stay.room) if stay else None
        if stay is None or _iso(stay.arrived_at) != a["arrived_at"] or first_room != a["room"]:
            found.lose(
                "arrival",
                f"stay {a['stay']} into {a['room']} at {a['arrived_at']}: "
                f"{'missing' if stay is None else f'arrived {_iso(stay.arrived_at)} in {first_room}'}",
            )
    leaves: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in by_kind["leave"]:
        leaves[entry["stay"]].append(entry)
    for stay_id, acked in leaves.items():
        stay = stays.get(stay_id)
        if len(acked) > 1:
            found.problem("stays left twice", f"{stay_id}: left at {', '.join(e['left_at'] for e in acked)}")
        if stay is None or stay.left_at is None:
            found.lose(
                "leaving",
                f"stay {stay_id} left at {acked[0]['left_at']}: "
                f"{'stay missing' if stay is None else 'staying again (left_at None)'}",
            )
        elif _iso(stay.left_at) not in {e["left_at"] for e in acked}:
            found.lose("leaving", f"stay {stay_id}: left_at {_iso(stay.left_at)}, acknowledged {acked[0]['left_at']}")
    for m in by_kind["move"]:
        stay = stays.get(m["stay"])
        have = {(_iso(x.at), x.from_room, x.to_room) for x in stay.moves} if stay else set()
        if (m["at"], m["from"], m["to"]) not in have:
            found.lose(
                "room move",
                f"stay {m['stay']} {m['from']} -> {m['to']} at {m['at']} "
                f"(move {m['count']}; the stay has {len(have)} moves)",
            )
    for n in by_kind["night_out"]:
        stay = stays.get(n["stay"])
        if stay is None or n["night"] not in {d.isoformat() for d in stay.nights_out}:
            found.lose("night out", f"stay {n['stay']} night {n['night']}")

    # Planned leaving: the last acknowledged value (arrival or change), or one a killed writer was saving.
    planned: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in by_kind["arrive"]:
        planned[entry["stay"]].append(entry)
    for entry in by_kind["change_leaving"]:
        planned[entry["stay"]].append(entry)
    for stay_id, writes in planned.items():
        stay = stays.get(stay_id)
        if stay is None:
            continue  # counted as a lost arrival
        allowed = {w["planned"] for w in _not_followed(writes)}
        allowed |= {w["planned"] for w in inflight["change_leaving"] if w["stay"] == stay_id}
        if stay.planned_leaving.isoformat() not in allowed:
            changes = [w for w in writes if w["kind"] == "change_leaving"]
            found.lose(
                "change of planned leaving",
                f"stay {stay_id}: planned {stay.planned_leaving}, "
                f"last acknowledged {sorted(allowed)} ({len(changes)} changes)",
            )

    # Records kept with a stay.
    for kind, cls in (
        ("check_in", CheckIn),
        ("rating", WellbeingRating),
        ("intention_set", Intention),
        ("handover", HandoverEntry),
        ("note", GuestNote),
    ):
        for entry in by_kind[kind]:
            if store.get(cls, entry["id"], stay_id=entry["stay"]) is None:
                found.lose(kind.replace("_", " "), f"{cls.__name__} {entry['id']} in stay {entry['stay']}")

    # Intentions: the last acknowledged status and words (set or change), or a killed writer's.
    intentions: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for entry in by_kind["intention_set"]:
        intentions[(entry["stay"], entry["id"])].append(entry)
    for entry in by_kind["intention_change"]:
        intentions[(entry["stay"], entry["id"])].append(entry)
    for (stay_id, intention_id), writes in intentions.items():
        now = store.get(Intention, intention_id, stay_id=stay_id)
        if now is None:
            continue  # counted above if its setting was acknowledged
        candidates = [(w["status"], w["words"]) for w in _not_followed(writes)]
        candidates += [(w["status"], w["new_words"]) for w in inflight["intention_change"] if w["id"] == intention_id]
        if not any(now.status == s and (w is None or now.words == w) for s, w in candidates):
            found.lose(
                "intention change",
                f"intention {intention_id}: {now.status} {now.words!r}, last acknowledged {candidates}",
            )

    # The roster.
    for entry in by_kind["sign_on"]:
        shift = find_anywhere(store, Shift, entry["shift"])
        if shift is None or shift.signed_on_at is None or _iso(shift.signed_on_at) != entry["signed_on_at"]:
            found.lose(
                "sign-on",
                f"shift {entry['shift']} signed on {entry['signed_on_at']}: "
                f"{'missing' if shift is None else shift.signed_on_at}",
            )
    for entry in by_kind["sign_off"]:
        shift = find_anywhere(store, Shift, entry["shift"])
        if shift is None or shift.signed_off_at is None or _iso(shift.signed_off_at) != entry["signed_off_at"]:
            found.lose(
                "sign-off",
                f"shift {entry['shift']} signed off {entry['signed_off_at']}: "
                f"{'missing' if shift is None else shift.signed_off_at}",
            )
    doubled = set()
    for entry in by_kind["assign"]:
        if find_anywhere(store, Shift, entry["shift"]) is None:
            found.lose("roster assignment", f"shift {entry['shift']} for {entry['staff']} on {entry['day']}")
        day = import_date(entry["day"])
        on_day = shifts_on_days(store, day.subtract(days=1), day.add(days=1), staff_id=entry["staff"])
        # Covering is allowed (a second shift in a day); two shifts at once never are.
        overlapping = [(a, b) for i, a in enumerate(on_day) for b in on_day[i + 1 :] if a.overlaps(b)]
        if overlapping and (entry["staff"], entry["day"]) not in doubled:
            doubled.add((entry["staff"], entry["day"]))
            found.problem(
                "staff on two shifts at once",
                f"{entry['staff']} on {entry['day']}: " + ", ".join(f"{a.name} and {b.name}" for a, b in overlapping),
            )

    # The house as a whole.
    all_stays = list(stays.values())
    for overlap in _room_overlaps(all_stays):
        found.problem("rooms held by two stays at once", overlap)
    for stay in all_stays:
        if stay.guest_id not in guests:
            found.problem("stays whose guest does not exist", f"stay {stay.id}, guest {stay.guest_id}")
        room = stay.moves[0].from_room if stay.moves else stay.room
        for move in stay.moves:
            if move.from_room != room:
                found.problem(
                    "stays whose moves do not chain",
                    f"stay {stay.id}: {[(m.from_room, m.to_room) for m in stay.moves]}",
                )
                break
            room = move.to_room
        else:
            if room != stay.room:
                found.problem(
                    "stays whose room is not their last move's", f"stay {stay.id} in {stay.room}, last move to {room}"
                )
    report = check_folder(folder)
    if not report.ok:
        for problem in report.problems:
            found.problem("check_folder problems", problem)
    return found


def finish_reader(reader: subprocess.Popen[bytes], stop: Path, err: Path, seed: int) -> int:
    stop.touch()
    out, _ = reader.communicate(timeout=CHILD_TIMEOUT_S)
    assert reader.returncode == 0, f"seed {seed}: the board reader raised:\n{err.read_text(errors='replace')[-3000:]}"
    return json.loads(out.decode().strip().splitlines()[-1])["views"]


def summary(logs: Logs, found: Findings, views: int, extra: str = "") -> str:
    tried = len(logs.acked) + sum(logs.refused.values())
    return (
        f"{len(logs.acked):,} saves acknowledged of {tried:,} tried "
        f"({sum(logs.refused.values())} refused: {', '.join(f'{k} {n}' for k, n in logs.refused.most_common())}); "
        f"{views:,} board views{extra}\n{found.report()}"
    )


# -- the tests -----------------------------------------------------------------


@pytest.mark.slow
def test_three_writers_and_a_reader_lose_nothing(house_dir: Path, tmp_path: Path) -> None:
    """Three terminals saving at once keep every acknowledged save; rooms are never held twice; the board never fails."""
    seed = parent_seed()
    rng = random.Random(seed)
    stop, logs_dir = tmp_path / "stop", tmp_path / "logs"
    logs_dir.mkdir()
    reader_err = logs_dir / "reader.err"
    reader = start_child("reader", str(house_dir), str(stop), *READER, stderr_path=reader_err)
    read_first_line(reader, timeout=60)
    writers, paths = [], []
    for i, (name, pin) in enumerate(WRITERS):
        path = logs_dir / f"writer-{i}.jsonl"
        paths.append(path)
        child_seed = rng.randrange(2**32)
        writers.append(
            (
                start_child(
                    "writer",
                    str(house_dir),
                    str(path),
                    str(child_seed),
                    str(OPS),
                    name,
                    pin,
                    "-",
                    stderr_path=logs_dir / f"writer-{i}.err",
                ),
                i,
                child_seed,
            )
        )
    for proc, i, child_seed in writers:
        proc.communicate(timeout=CHILD_TIMEOUT_S)
        assert proc.returncode == 0, (
            f"seed {seed}: writer {i} (seed {child_seed}) crashed:\n"
            f"{(logs_dir / f'writer-{i}.err').read_text(errors='replace')[-3000:]}"
        )
    views = finish_reader(reader, stop, reader_err, seed)

    logs = read_logs(paths)
    assert not logs.inflight, f"seed {seed}: writers that ran to the end left saves unfinished: {logs.inflight[:3]}"
    assert len(logs.acked) > 600, f"seed {seed}: the writers hardly saved anything ({len(logs.acked)}): {logs.reasons}"
    found = audit(house_dir, logs)
    print(summary(logs, found, views))
    assert found.ok, f"seed {seed}: {summary(logs, found, views)}"


@pytest.mark.slow
def test_writers_killed_at_random_moments_lose_nothing_acknowledged(house_dir: Path, tmp_path: Path) -> None:
    """Writers SIGKILLed at random moments (and restarted) still leave every acknowledged save, and a sound house."""
    seed = parent_seed()
    rng = random.Random(seed)
    stop, writers_stop, logs_dir = tmp_path / "stop", tmp_path / "writers-stop", tmp_path / "logs"
    logs_dir.mkdir()
    reader_err = logs_dir / "reader.err"
    reader = start_child("reader", str(house_dir), str(stop), *READER, stderr_path=reader_err)
    read_first_line(reader, timeout=60)
    paths: list[Path] = []
    incarnation = itertools.count()

    def start(slot: int) -> tuple[subprocess.Popen[bytes], int, Path]:
        n = next(incarnation)
        path = logs_dir / f"writer-{slot}-{n}.jsonl"
        paths.append(path)
        child_seed = rng.randrange(2**32)
        name, pin = WRITERS[slot]
        proc = start_child(
            "writer",
            str(house_dir),
            str(path),
            str(child_seed),
            str(KILL_OPS),
            name,
            pin,
            str(writers_stop),
            stderr_path=logs_dir / f"writer-{slot}-{n}.err",
        )
        read_first_line(proc, timeout=60)
        return proc, child_seed, path

    running = {slot: start(slot) for slot in range(len(WRITERS))}
    killed = 0
    for _ in range(KILLS):
        alive = [slot for slot, (proc, _s, _p) in running.items() if proc.poll() is None]
        if not alive:
            break
        slot = rng.choice(alive)
        proc, child_seed, path = running[slot]
        # A random moment in the writer's work: after some more of its log lines, polled at random intervals.
        target = lines_in(path) + rng.randint(*KILL_AFTER_LINES)
        while proc.poll() is None and lines_in(path) < target:
            time.sleep(rng.uniform(0.0, 0.004))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()  # type: ignore[union-attr]
        assert proc.returncode in (0, -signal.SIGKILL), (
            f"seed {seed}: writer {slot} (seed {child_seed}) crashed:\n"
            f"{path.with_suffix('.err').read_text(errors='replace')[-3000:]}"
        )
        if proc.returncode == -signal.SIGKILL:
            killed += 1
        running[slot] = start(slot)
    # The last incarnations work a little longer, then stop after the save in hand.
    time.sleep(rng.uniform(0.5, 1.5))
    writers_stop.touch()
    for slot, (proc, child_seed, path) in running.items():
        proc.communicate(timeout=CHILD_TIMEOUT_S)
        assert proc.returncode == 0, (
            f"seed {seed}: writer {slot} (seed {child_seed}) crashed:\n"
            f"{path.with_suffix('.err').read_text(errors='replace')[-3000:]}"
        )
    views = finish_reader(reader, stop, reader_err, seed)

    logs = read_logs(paths)
    assert killed == KILLS, f"seed {seed}: only {killed} of {KILLS} writers were killed mid-run"
    assert len(logs.acked) > 400, f"seed {seed}: the writers hardly saved anything ({len(logs.acked)}): {logs.reasons}"
    found = audit(house_dir, logs)
    extra = f"; {killed} writers killed, {len(logs.inflight)} saves in flight when killed"
    print(summary(logs, found, views, extra))
    assert found.ok, f"seed {seed}: {summary(logs, found, views, extra)}"


@pytest.mark.slow
def test_an_erased_guest_is_never_written_again_by_another_terminal(house_dir: Path, tmp_path: Path) -> None:
    """A terminal holding an erased guest's Stay is refused every save for her, and her stay file never comes back."""
    from crisishouse.models import Guest, Stay
    from crisishouse.services import House
    from crisishouse.store import Store, check_folder

    house = House.open(house_dir)
    manager = house.sign_in.sign_in(*MANAGER)
    staying = sorted(house.stays.staying(manager), key=lambda s: s.room)
    assert len(staying) >= 4
    erased = [s.guest_id for s in staying[:3]]
    race_guest = staying[3].guest_id

    err = tmp_path / "holder.err"
    holder = start_child("holder", str(house_dir), *READER, json.dumps(erased), race_guest, stderr_path=err, stdin=True)
    first = read_first_line(holder, timeout=60)
    assert first.strip(), f"the holding terminal did not start:\n{err.read_text(errors='replace')[-3000:]}"
    held_stays = json.loads(first.decode().splitlines()[0])

    # This terminal (process A): she leaves choosing erasure, and is erased, while B keeps saving for one of them.
    time.sleep(0.3)
    for guest_id in [race_guest, *erased]:
        stay = house.stays.current_stay_of(manager, guest_id)
        house.stays.leave(manager, stay.id, "erase")
        house.erasures.erase(manager, guest_id, "saved")
    time.sleep(0.5)  # B goes on trying for the raced guest after her erasure
    holder.stdin.write(b"go\n")  # type: ignore[union-attr]
    holder.stdin.flush()  # type: ignore[union-attr]
    out, _ = holder.communicate(timeout=CHILD_TIMEOUT_S)
    assert holder.returncode == 0, err.read_text(errors="replace")[-3000:]
    seen = json.loads(out.decode().strip().splitlines()[-1])

    stays_dir = house_dir / "store" / "stays"
    reappeared = [f"stays/{sid}.json" for sid in held_stays.values() if (stays_dir / f"{sid}.json").exists()]
    saved = [
        f"{gid[:8]}: {what}"
        for gid, outcome in seen["results"].items()
        for what, result in outcome.items()
        if not result.startswith("refused")
    ]
    store = Store.open(house_dir)
    back = [gid for gid in held_stays if store.get(Guest, gid) is not None]
    back += [sid for sid in held_stays.values() if store.get(Stay, sid) is not None]
    report = check_folder(house_dir)
    tried = sum(len(o) for o in seen["results"].values())
    message = (
        f"{len(saved)} of {tried} saves for erased guests were not refused; "
        f"{len(reappeared)} of {len(held_stays)} erased stay files reappeared {reappeared}; "
        f"records back in core: {back}; race while erasing: {seen['race']}\n"
        + "\n".join(f"  {line}" for line in saved[:12])
    )
    print(message)
    print(json.dumps(seen["results"], indent=1, ensure_ascii=False))
    assert not saved and not reappeared and not back and report.ok, message + f"\ncheck_folder: {report.problems[:5]}"
