"""The "Ký số kết quả" action on a dossier: offered only when the result is ready and the
logged-in officer has a role the office lets sign; opens the signing dialog and, once signed,
tells the officer (level, notes) and reloads the dossier (its timeline shows the signature)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import Button

from desk.domain.lifecycle import Status
from desk.i18n import translate
from desk.services.lookup import DossierDetail
from desk.services.signing import SignedResult
from printing.journal import PrintJob

if TYPE_CHECKING:
    from screens.app import DeskApp

SIGN_BUTTON = "act-sign_result"
SIGNED_FORM = "ket-qua-ky-so"


def may_sign_here(desk: DeskApp, detail: DossierDetail) -> bool:
    officer = desk.officer
    return (
        detail.summary.status is Status.RESULT_READY
        and officer is not None
        and desk.services.signing.may_sign(officer.role)
    )


def offer_signing(desk: DeskApp, detail: DossierDetail) -> list[Button]:
    if not may_sign_here(desk, detail):
        return []
    return [Button(translate("Ký số kết quả"), id=SIGN_BUTTON, compact=True)]


def open_signing(screen: Screen[None], code: str, reload: Callable[[str], object]) -> None:
    from screens.sign_result import SignResultScreen

    def signed(result: SignedResult | None) -> None:
        if result is None:
            return
        level = result.signed.level
        screen.notify(
            translate(
                "Đã ký số kết quả hồ sơ {code} ({level}).", {"code": result.code, "level": level}
            )
        )
        for note in result.signed.notes:
            screen.notify(note, severity="warning")
        reload(code)

    screen.app.push_screen(SignResultScreen(code), signed)


def signed_note(desk: DeskApp, code: str) -> str:
    """For the return screen: whether a signed result goes to the citizen with the slip."""
    signed = desk.services.signing.signed(code)
    if signed is None:
        return ""
    return translate(
        "Kết quả đã ký số ({level}, {kb} KB): in và trao cho công dân khi trả kết quả.",
        {"level": signed.level, "kb": max(1, signed.size // 1024)},
    )


def print_signed(desk: DeskApp, screen: Screen[None], code: str) -> None:
    """Print the signed result in a worker (at return, with the return receipt)."""
    officer_id = desk.officer.id if desk.officer else None

    def work() -> PrintJob | None:
        data = desk.services.signing.signed_file(code)
        if data is None:
            return None
        return desk.services.printing.print_file(
            code, data, form=SIGNED_FORM, title=translate("Kết quả ký số"), officer_id=officer_id
        )

    desk.run_blocking(screen, work, lambda job: None)
