"""The house terminal's screens, one a module."""
