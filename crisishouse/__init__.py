"""crisishouse: a terminal application for peer-run crisis houses."""

__version__ = "0.1.0"
