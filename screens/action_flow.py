"""Asking for what a lifecycle action needs and recording it in a worker: shared by the
dossier screen and the return screen (the apology letter, Mẫu 04, is offered from both)."""

from __future__ import annotations

from desk.domain.lifecycle import Action
from desk.i18n import translate
from screens.dossier_actions import action_specs
from screens.home import DeskScreen
from screens.messages import ActionDone
from screens.widgets.dialogs import ConfirmDialog, FormDialog


def ask_and_record(screen: DeskScreen, code: str, action: Action) -> None:
    """Open the action's dialog; on OK record it and post ActionDone to ``screen``."""
    spec = action_specs()[action]
    title = action.label.capitalize() + f" — {code}"
    desk = screen.desk

    def answered(values: dict[str, str] | bool | None) -> None:
        if values is None or values is False:
            return
        given = values if isinstance(values, dict) else {}
        officer = desk.officer.id if desk.officer else None
        desk.run_blocking(
            screen,
            lambda: spec.run(desk.services, code, given, officer),
            lambda status: ActionDone(code, action, status),
        )

    if spec.fields:
        fields = [(name, label, "") for name, label in spec.fields]
        screen.app.push_screen(FormDialog(title, fields), answered)
    else:
        screen.app.push_screen(ConfirmDialog(title, translate("Ghi nhận việc này?")), answered)
