"""Sessions for tests that read through the services without signing in, and the services that check them."""

from crisishouse.models import StaffMember
from crisishouse.services import House, Session
from crisishouse.services.on_first_use import services_of


def staff_of(house: House) -> Session:
    """A peer staff session of this house, without a PIN check (sign-in is slow on purpose).

    The services check every session against the house's data, so it is one
    of the house's own active peer staff (a made-up session is refused).
    """
    member = next(m for m in house.store.find(StaffMember) if m.active and m.role == "peer_staff")
    return Session(member.id, member.name, member.role)


def session_of(house: House, name: str) -> Session:
    """The session of the house's staff member called `name` (the manager too), without a PIN check."""
    member = next(m for m in house.store.find(StaffMember) if m.name == name)
    return Session(member.id, member.name, member.role)


def service_classes(house: House) -> dict[str, type]:
    """The house and every service object it holds (and those they hold), by class name."""
    found: dict[str, type] = {"House": House}
    # Services built when first needed are reached through the house's properties and its services.
    todo = list(vars(house).values()) + [
        getattr(house, name) for name, value in vars(House).items() if isinstance(value, property)
    ]
    todo += [getattr(house, name) for name in services_of(House)]
    seen: set[int] = set()
    while todo:
        obj = todo.pop()
        if id(obj) in seen or not type(obj).__module__.startswith("crisishouse.services."):
            continue
        seen.add(id(obj))
        found[type(obj).__name__] = type(obj)
        todo += [v for v in vars(obj).values() if not isinstance(v, type)]
    return found
