"""What marks a house as the demo, and who a newcomer may sign in as there."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_META = "demo"


@dataclass(frozen=True)
class DemoSignIn:
    """A demo person and their PIN, shown on the demo's lock screen only."""

    name: str
    role_words: str
    pin: str


# So a newcomer can try every role. Never shown in a real house.
DEMO_SIGN_INS: tuple[DemoSignIn, ...] = (
    DemoSignIn("Aroha", "house manager", "1111"),
    DemoSignIn("Tama", "peer staff", "2222"),
    DemoSignIn("Mere", "guest", "3333"),
)
