"""What every service works from: one house's data, settings, clock, folder and language check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crisishouse.clock import Clock
from crisishouse.services.errors import WordsToNotice
from crisishouse.settings import Settings
from crisishouse.text import clean_text

if TYPE_CHECKING:
    from crisishouse.language import Finding
    from crisishouse.store import Store

FindWords = Callable[[str], "Sequence[Finding]"]
"""The language check: what it finds in a text, as positions in that text."""


@dataclass(frozen=True)
class HouseContext:
    """The house a service serves. Built by `House` alone, and rebuilt when the settings change.

    There is no default language check: a service that takes words is never
    built with it left out.
    """

    store: Store
    settings: Settings
    clock: Clock
    data_dir: Path
    find_words: FindWords

    @property
    def printouts_dir(self) -> Path:
        """Where printed and saved handovers and records are kept until they are purged."""
        return self.data_dir / "printouts"

    def notice_words(self, text: str) -> None:
        """Refuse words the language check finds, until they are noticed (`WordsToNotice`).

        The words are checked as they will be stored (cleaned, trimmed), so a
        finding's positions index the saved text.
        """
        findings = list(self.find_words(clean_text(text).strip()))
        if findings:
            raise WordsToNotice(findings)


class Service:
    """A service: the house's context, with its store, settings and clock at hand."""

    def __init__(self, ctx: HouseContext) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self.settings = ctx.settings
        self.clock = ctx.clock
