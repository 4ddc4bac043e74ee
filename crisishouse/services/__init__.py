"""The house's rules: who may see or change what. Screens call only these."""

from crisishouse.services.errors import NotAllowed, ServiceError, SignInRefused, WordsToNotice
from crisishouse.services.house import House
from crisishouse.services.session import Session

__all__ = ["House", "NotAllowed", "ServiceError", "Session", "SignInRefused", "WordsToNotice"]
