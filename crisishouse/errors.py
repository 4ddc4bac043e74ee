"""The one root of every problem a screen may show.

Each error under `HouseError` carries a message written for the person at
the terminal, so a screen catches `HouseError` alone and shows it as it is.
Anything else is a bug and is left to crash loudly.
"""

from __future__ import annotations


class HouseError(Exception):
    """A refusal or a problem, with a message to show as it is."""
