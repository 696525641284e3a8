"""Opening the desk's screens from their keys, once each and never over the login screen;
the administrator's screens only for quản trị. Mixed into DeskApp."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import App
from textual.screen import Screen

from desk.services.auth import OfficerView
from screens.login import LoginScreen


class DeskNavigation(App[None]):
    officer: OfficerView | None
    require_admin: Callable[[], bool]

    def _open(self, factory: Callable[[], Screen[None]], kind: type[Screen[None]]) -> None:
        if self.officer is None or isinstance(self.screen, LoginScreen | kind):
            return
        self.push_screen(factory())

    def action_intake(self) -> None:
        from screens.intake import IntakeScreen

        self._open(IntakeScreen, IntakeScreen)

    def action_find(self) -> None:
        from screens.dossier import DossierScreen

        self._open(DossierScreen, DossierScreen)

    def action_return_result(self) -> None:
        from screens.returns import ReturnScreen

        self._open(ReturnScreen, ReturnScreen)

    def action_reports(self) -> None:
        from screens.reports import ReportsScreen

        self._open(ReportsScreen, ReportsScreen)

    def action_settings(self) -> None:
        from screens.settings import SettingsScreen

        if self.officer is not None and self.require_admin():
            self._open(SettingsScreen, SettingsScreen)

    def action_officers(self) -> None:
        from screens.officers import OfficersScreen

        if self.officer is not None and self.require_admin():
            self._open(OfficersScreen, OfficersScreen)

    def action_online(self) -> None:
        from screens.online import OnlineScreen

        self._open(OnlineScreen, OnlineScreen)

    def action_hand_over(self) -> None:
        from screens.handover import HandOverScreen

        self._open(HandOverScreen, HandOverScreen)

    def action_quarantine(self) -> None:
        from screens.quarantine import QuarantineScreen

        self._open(QuarantineScreen, QuarantineScreen)

    def action_choose_printer(self) -> None:
        from screens.printer_picker import PrinterPicker

        self._open(PrinterPicker, PrinterPicker)

    def action_feedback(self) -> None:
        from screens.feedback import FeedbackScreen

        self._open(FeedbackScreen, FeedbackScreen)
