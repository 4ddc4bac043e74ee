"""Refusals from the services, with messages to show as they are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crisishouse.errors import HouseError

if TYPE_CHECKING:
    from crisishouse.language import Finding


class NotAllowed(HouseError, PermissionError):
    """This session may not see or change this (enforced here, not on screen)."""


class SignInRefused(HouseError, ValueError):
    """Sign-in did not succeed; the message says why and what to do."""


class ServiceError(HouseError, ValueError):
    """A request the house cannot carry out as asked; the message says why."""


class WordsToNotice(ServiceError):
    """The language check found something; saying so is the point.

    Save again with the words noticed to keep them as they are (they are the
    guest's own), or change them.
    """

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        found = "\n".join(f"- {f.explain()}" for f in findings)
        super().__init__(f"The language check found:\n{found}")
