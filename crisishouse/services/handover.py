"""The handover: written with each guest, free of diagnostic language, printed.

`Handover` is the one service the screens use for it, built up in layers,
each with its own reason to change:

- `handover_lines`: writing the lines with each guest, and their agreement;
- `handover_cards`: a card for each guest staying, as the shift reads it;
- `handover_document`: the document as it prints, and the last-moment check;
- here: printing it, and reading the saved copies of past handovers.

The layers make one class (each adds to the one below), so every method is
`house.handover.<name>`, where the screens and the refusal tests reach it,
with no second, delegating copy of each to keep in step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from crisishouse.models import Guest
from crisishouse.services import printouts
from crisishouse.services.errors import ServiceError
from crisishouse.services.handover_cards import HandoverCard, LineView
from crisishouse.services.handover_document import HandoverDocuments
from crisishouse.services.session import Session, checks_sessions, require_staff
from crisishouse.services.shifts import ShiftTime

if TYPE_CHECKING:
    from crisishouse.printing import PrintOutcome

# The screens take a card's types from here, beside the service that hands them out.
__all__ = ["Handover", "HandoverCard", "LineView"]

PRINTED_HANDOVER = "printed the handover with your lines"
READ_PAST_HANDOVER = "a saved handover with your lines"


@checks_sessions
class Handover(HandoverDocuments):
    """Composing, agreeing and printing the handover, and reading past ones."""

    # -- printing -------------------------------------------------------------

    def print_handover(self, session: Session, shift: ShiftTime | None = None) -> tuple[PrintOutcome, list[str]]:
        """Check the whole handover once more, then print it and save a copy.

        Returns what happened and which lines were left out for want of the
        guest's agreement.

        Raises:
            PrintRefused: something is flagged or no longer agreed; nothing printed.
        """
        from crisishouse.page_layout import render_handover

        shift = shift or self.current_shift()
        document, left_out = self.document(session, shift)
        self.final_check(session, document, shift)
        outcome = printouts.print_text(
            render_handover(document),
            printer=self.settings.printer,
            printouts_dir=self.ctx.printouts_dir,
            title=printouts.handover_title(shift.day, shift.name),
            clock_now=self.clock.now(),
            about=printouts.handover_about(document),
        )
        for section in document.guests:
            stay = self.stays.current_stay_of(session, section.guest_id)
            if stay is not None:
                self.records.log_opening(session, section.guest_id, stay.id, PRINTED_HANDOVER)
        return outcome, left_out

    # -- past handovers -------------------------------------------------------

    def past_printouts(self, session: Session) -> list[Path]:
        """The saved copies of printed handovers, newest first."""
        require_staff(session, "read past handovers")
        return printouts.past_handovers(self.ctx.printouts_dir)

    def read_printout(self, session: Session, name: str) -> str:
        """One saved handover, as it was printed."""
        for path in self.past_printouts(session):
            if path.name == name:
                self._log_reading(session, path)
                return path.read_text(encoding="utf-8")
        raise ServiceError("There is no such saved handover.")

    def _log_reading(self, session: Session, path: Path) -> None:
        """Reading a saved handover opens each guest's lines in it: written to their access logs."""
        for guest_id in printouts.guests_in(path):
            stays = self.stays.stays_of(session, guest_id) if self.store.get(Guest, guest_id) else []
            if stays:
                self.records.log_opening(session, guest_id, stays[-1].id, READ_PAST_HANDOVER)
