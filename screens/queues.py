"""The day's queues on the home screen, beyond the dossier counts: hand-over to the processing
unit, the online inbox with its nearest review deadline, the sync commands the server refused
(overdue and refused marked)."""

from __future__ import annotations

from desk.domain.timefmt import short_local
from desk.i18n import translate
from desk.services.container import DeskServices


def _alert(text: str) -> str:
    return f" [b red]— {text}[/]"


def queue_lines(services: DeskServices) -> list[str]:
    handover = services.handover.counts()
    lines = [translate("Chờ bàn giao: {n} (F12)", {"n": handover.waiting})]
    if handover.overdue:
        lines[-1] += _alert(translate("quá hạn bàn giao: {n}", {"n": handover.overdue}))
    inbox = services.online.inbox()
    lines.append(translate("Trực tuyến chờ xem xét: {n} (Ctrl+O)", {"n": len(inbox)}))
    if inbox:
        nearest = min(inbox, key=lambda item: item.review_due)
        lines[-1] += " " + translate("— hạn gần nhất {at}", {"at": short_local(nearest.review_due)})
        overdue = sum(1 for item in inbox if item.overdue)
        if overdue:
            lines[-1] += _alert(translate("quá hạn xem xét: {n}", {"n": overdue}))
    held = services.sync.status().commands_quarantined
    lines.append(translate("Lệnh đồng bộ bị từ chối: {n} (Ctrl+Y)", {"n": held}))
    if held:
        lines[-1] = f"[b red]{lines[-1]}[/]"
    return lines
