"""Pieces of the house's screens, one a module: the parts of a guest's record."""
