"""The compiled built-in vocabulary, kept on disk between runs.

Compiling the vocabulary (reading the data files, working out plurals,
derived forms and every prefix) takes a few tenths of a second: too long for
`crisishouse check-language` on a short file, and more than a terminal should
spend on the first check after signing in. The result is written once to the
user's cache folder and read back by the next process in a few hundredths.

The cache is named by a hash of everything it was made from: the data files
and the code that compiles them (and the Python version, for `marshal`). A
changed word or rule makes a new name, and the stale file is removed. The
cache holds only the public vocabulary, never anything about a house or a
guest. Set ``CRISISHOUSE_LANGUAGE_CACHE=off`` to compile every time, or to a
folder to keep it there. Any problem reading or writing it is ignored: the
check then simply compiles.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from crisishouse.language.vocabulary import Entry

FORMAT = 5
_SOURCES = ("cache.py", "checker.py", "normalise.py", "rules.py", "vocabulary.py")

Compiled = tuple[
    list[Entry],
    tuple[str, ...],
    dict[str, Any],
    set[str],
    Sequence[Any],
    Sequence[Any],
    Sequence[str],
    Sequence[Any],
    frozenset[str],
    tuple[tuple[str, ...], tuple[str, ...]],
]


def folder() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    chosen = os.environ.get("CRISISHOUSE_LANGUAGE_CACHE", "")
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crisishouse"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the data files and the code that compiles them."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]} {marshal.version}".encode())
    package = resources.files("crisishouse.language")
    names = sorted(p.name for p in package.joinpath("data").iterdir() if p.name.endswith((".json", ".toml")))
    for name in names:
        digest.update(name.encode())
        digest.update(package.joinpath("data", name).read_bytes())
    for name in _SOURCES:
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:20]


def _path() -> Path | None:
    where = folder()
    return None if where is None else where / f"language-{fingerprint()}.marshal"


def load() -> Compiled | None:
    """The compiled vocabulary from the cache, or None (no cache, or one that cannot be read)."""
    try:
        path = _path()
        if path is None or not path.is_file():
            return None
        raw = marshal.loads(path.read_bytes())
        if raw[0] != FORMAT:
            return None
        _, raw_entries, exceptions, prefixes, keys, values, words, near, senses, physical, nouns, starred, misspelt = (
            raw
        )
        entries = [
            Entry(tuple(w), kind, suggestion, exact, source) for w, kind, suggestion, exact, source in raw_entries
        ]
        table: dict[str, Any] = dict.fromkeys(prefixes.split("\n"), 0)
        shared, which = values
        # Each distinct value is built once; the keys point at them by number (thousands of keys, few values).
        built = [(entries[n] if n >= 0 else None, breaks, excepted) for n, breaks, excepted in shared]
        table.update(zip(keys.split("\n"), map(built.__getitem__, which), strict=True))
        nouns = tuple(frozenset(group.split("\n")) if group else frozenset() for group in nouns)
        starred = frozenset(starred.split("\n")) if starred else frozenset()
        misspelt = tuple(tuple(group.split("\n")) if group else () for group in misspelt)
        return (
            entries,
            tuple(exceptions),
            table,
            set(words.split("\n")),
            near,
            senses,
            physical,
            nouns,
            starred,
            misspelt,
        )
    except Exception:  # a damaged or foreign file: compile instead
        return None


def _shared_values(values: list[tuple[int, Any, bool]]) -> tuple[list[tuple[int, Any, bool]], list[int]]:
    """The distinct values, and for each key the number of its value."""
    numbers: dict[tuple[int, Any, bool], int] = {}
    which = [numbers.setdefault(value, len(numbers)) for value in values]
    return list(numbers), which


def save(
    entries: Iterable[Entry],
    exceptions: Iterable[str],
    table: dict[str, Any],
    words: Iterable[str],
    near: Sequence[Any],
    senses: Sequence[Any],
    physical: Iterable[str],
    nouns: Sequence[Iterable[str]] = (),
    starred: Iterable[str] = (),
    misspelt: Sequence[Sequence[str]] = ((), ()),
) -> None:
    """Write the compiled vocabulary for the next process (quietly does nothing if it cannot)."""
    try:
        path = _path()
        if path is None:
            return
        listed = list(entries)
        index = {id(entry): n for n, entry in enumerate(listed)}
        # Strings joined by newlines (which no key holds) read back far faster than many small strings.
        prefixes = [key for key, value in table.items() if value == 0]
        hits = [(key, value) for key, value in table.items() if value != 0]
        raw = (
            FORMAT,
            [(e.words, e.kind, e.suggestion, e.exact_case, e.source) for e in listed],
            tuple(exceptions),
            "\n".join(prefixes),
            "\n".join(key for key, _ in hits),
            _shared_values([(index[id(v[0])] if v[0] is not None else -1, v[1], v[2]) for _, v in hits]),
            "\n".join(sorted(words)),
            [dict(t) for t in near],
            [dict(t) for t in senses],
            sorted(physical),
            tuple("\n".join(sorted(group)) for group in nouns),
            # The hand list's starred and misspelt labels: read back here, vocabulary.toml need not be parsed.
            "\n".join(sorted(starred)),
            tuple("\n".join(group) for group in misspelt),
        )
        data = marshal.dumps(raw)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".language-", delete=False) as file:
            try:
                file.write(data)
            except OSError:
                file.close()
                os.unlink(file.name)
                raise
        os.replace(file.name, path)
        for stale in path.parent.glob("language-*.marshal"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except Exception:  # a read-only home, a full disk: compile next time too
        return
