"""Sessions for tests that read through the services without signing in."""

from crisishouse.models import StaffMember
from crisishouse.services import House, Session


def staff_of(house: House) -> Session:
    """A peer staff session of this house, without a PIN check (sign-in is slow on purpose).

    The services check every session against the house's data, so it is one
    of the house's own active peer staff (a made-up session is refused).
    """
    member = next(m for m in house.store.find(StaffMember) if m.active and m.role == "peer_staff")
    return Session(member.id, member.name, member.role)
