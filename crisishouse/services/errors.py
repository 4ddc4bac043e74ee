"""Refusals from the services, with messages to show as they are."""

from __future__ import annotations


class NotAllowed(PermissionError):
    """This session may not see or change this (enforced here, not on screen)."""


class SignInRefused(ValueError):
    """Sign-in did not succeed; the message says why and what to do."""


class ServiceError(ValueError):
    """A request the house cannot carry out as asked; the message says why."""
