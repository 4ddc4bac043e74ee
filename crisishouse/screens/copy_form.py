"""Saving a guest's complete record as a text file, somewhere they can take it."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.widget import Widget
from textual.widgets import Input

from crisishouse.screens.base import terminal_of
from crisishouse.screens.form import FormScreen, labelled
from crisishouse.services import House, ServiceError, Session

IsMount = Callable[[Path], bool]


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def removable_media(root: Path = Path("/"), user: str | None = None, is_mount: IsMount = os.path.ismount) -> list[Path]:
    """Drives mounted now where a USB stick goes: /media/<user>/*, /run/media/<user>/*, /media/*, /mnt/*.

    Only each folder's own entries are looked at (never the sticks'
    contents, which could be large), and only those that are mounted.
    """
    user = _user() if user is None else user
    places = [root / "media" / user, root / "run" / "media" / user] if user else []
    places += [root / "media", root / "mnt"]
    found: list[Path] = []
    for place in places:
        try:
            entries = sorted(p for p in place.iterdir() if p.is_dir())
        except OSError:
            continue
        found += [p for p in entries if p not in found and is_mount(p)]
    return found


def suggested_folder(last_used: Path | None = None, root: Path = Path("/"), is_mount: IsMount = os.path.ismount) -> str:
    """The folder last used (while it is still there), else a USB stick if one is mounted, else the home folder."""
    if last_used is not None and last_used.is_dir():
        return str(last_used)
    media = removable_media(root, is_mount=is_mount)
    return str(media[0]) if media else str(Path.home())


class SaveCopyForm(FormScreen[Path]):
    """Where to save the copy: a USB stick, say (not the house's data folder).

    The folder is remembered for the person saving, in memory while the app
    runs: never for anyone else (a stick's name can be a guest's name).
    """

    heading = "Save the complete record as a text file"

    def __init__(self, house: House, session: Session, guest_id: str) -> None:
        super().__init__()
        self.house = house
        self.session = session
        self.guest_id = guest_id

    def fields(self) -> Iterable[Widget]:
        last_used = terminal_of(self).copy_folders.get(self.session.person_id)
        yield from labelled(
            "Folder to save it in (a USB stick the guest takes, say)",
            Input(suggested_folder(last_used), id="copy-folder"),
        )

    def save(self) -> Path:
        folder = self.text("copy-folder").strip()
        if not folder:
            raise ServiceError("Type the folder to save the copy in.")
        saved = self.house.own_record.save_copy(self.session, self.guest_id, Path(folder))
        terminal_of(self).copy_folders[self.session.person_id] = Path(folder)
        return saved
