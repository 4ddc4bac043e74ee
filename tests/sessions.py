"""Sessions for tests that read through the services without signing in."""

from crisishouse.services import Session

STAFF = Session("test-staff", "Test staff", "peer_staff")
"""A peer staff session: the services' checks look at the role, not the person."""
