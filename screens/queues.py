"""The day's queues on the home screen, beyond the dossier counts: hand-over to the processing
unit (overdue marked)."""

from __future__ import annotations

from desk.i18n import translate
from desk.services.container import DeskServices


def queue_lines(services: DeskServices) -> list[str]:
    handover = services.handover.counts()
    line = translate("Chờ bàn giao: {n} (F12)", {"n": handover.waiting})
    if handover.overdue:
        overdue = translate("quá hạn bàn giao: {n}", {"n": handover.overdue})
        line += f" [b red]— {overdue}[/]"
    return [line]
