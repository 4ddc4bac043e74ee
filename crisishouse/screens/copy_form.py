"""Saving a guest's complete record as a text file, somewhere they can take it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Input

from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session


def suggested_folder() -> str:
    """A USB stick if one is mounted, else the home folder."""
    for media in (Path("/media"), Path("/run/media")):
        try:
            mounted = sorted(p for p in media.rglob("*") if p.is_dir() and p.is_mount())
        except OSError:
            continue
        if mounted:
            return str(mounted[0])
    return str(Path.home())


class SaveCopyForm(FormScreen[Path]):
    """Where to save the copy: a USB stick, say (not the house's data folder)."""

    heading = "Save the complete record as a text file"

    def __init__(self, house: House, session: Session, guest_id: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.guest_id = guest_id

    def fields(self) -> Iterable[Widget]:
        yield from labelled(
            "Folder to save it in (a USB stick the guest takes, say)",
            Input(suggested_folder(), id="copy-folder"),
        )

    def save(self) -> Path:
        folder = self.text("copy-folder").strip()
        if not folder:
            raise ServiceError("Type the folder to save the copy in.")
        return self.house.own_record.save_copy(self.session, self.guest_id, Path(folder))
