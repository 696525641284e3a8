"""Ký số kết quả in the TUI, through the real PKCS#11 path (SoftHSM2 behind pkcs11-spy): the
right PIN, a wrong PIN (one C_Login, never retried), an expired certificate (no PIN asked),
the role rule, and the signed file checked by poppler's pdfsig and by our own validator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, OptionList, Static

from data.models import Blob, DossierEvent
from desk.devices.token_certs import CertificateInfo
from desk.devices.token_pkcs11 import PinStatus, Pkcs11Module, TokenInfo
from desk.domain.lifecycle import Status
from desk.services.auth import OfficerView
from desk.services.container import DeskServices
from printing.journal import JobState
from printing.printers import PrinterChoice
from screens.app import DeskApp, make_app
from screens.dossier import DossierScreen
from screens.returns import ReturnScreen
from screens.sign_result import SignResultScreen
from screens.widgets.status_bar import StatusBar
from tests.devices.token.conftest import login_attempts, result_pdf
from tests.devices.token.pdfsig import pdfsig
from tests.devices.token.softhsm import SoftToken
from tests.devices.token.token_copy import copy_token
from tests.helpers import commands, count, events, receive
from tests.tui.conftest import PASSWORD, drive, settle


@pytest.fixture
def signing(services: DeskServices, soft_token: SoftToken, spy_path: Path) -> DeskServices:
    services.signing.update_settings(
        module_path=str(spy_path), trust_roots=[str(soft_token.ca_pem)]
    )
    return services


def signing_officer(services: DeskServices, role: str) -> OfficerView:
    view, _ = services.auth.create_officer(
        username=f"canbo-{role}",
        full_name="CÁN BỘ THỬ NGHIỆM",
        role=role,
        password=PASSWORD,
        must_change_password=False,
    )
    return view


def ready_dossier(services: DeskServices) -> str:
    code = receive(services).code
    services.intake.hand_over(code, unit="Công chức Tư pháp - Hộ tịch")
    services.intake.result_ready(code)
    assert services.lookup.by_code(code).summary.status is Status.RESULT_READY
    return code


@pytest.fixture
def result_file(tmp_path: Path) -> Path:
    path = tmp_path / "ket-qua.pdf"
    path.write_bytes(result_pdf())
    return path


async def open_dialog(app: DeskApp, pilot: Pilot[None], code: str, path: Path) -> SignResultScreen:
    """F3 → the dossier → "Ký số kết quả" → the file's path and Enter; the token is read."""
    app.push_screen(DossierScreen(code=code))
    await settle(app, pilot)
    app.screen.query_one("#act-sign_result", Button).press()
    await settle(app, pilot)
    dialog = app.screen
    assert isinstance(dialog, SignResultScreen)
    dialog.query_one("#sign-path", Input).value = str(path)
    await pilot.press("enter")
    await settle(app, pilot)
    return dialog


def text(dialog: SignResultScreen, selector: str) -> str:
    return str(dialog.query_one(selector, Static).render())


async def type_pin(app: DeskApp, pilot: Pilot[None], pin: str) -> None:
    dialog = app.screen
    dialog.query_one("#sign-pin", Input).focus()
    await pilot.press(*pin, "enter")
    await settle(app, pilot)


def test_enter_on_the_path_before_the_token_is_checked_still_leads_to_the_pin(
    signing: DeskServices,
    soft_token: SoftToken,
    result_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An officer who types the path, Enter and the PIN at once: the PIN lands masked in the
    PIN field (never in clear in the path field), an Enter before the token's check has
    answered signs nothing, and the next Enter after it signs once."""
    code = ready_dossier(signing)
    leader = signing_officer(signing, "leader")
    seen: dict[str, object] = {}
    answer = threading.Event()  # the token's check answers only after the officer's keys
    real_check = signing.signing.check_ready

    def slow_check(token_label: str, cert_label: str | None) -> tuple[CertificateInfo, str | None]:
        answer.wait(timeout=30)
        return real_check(token_label, cert_label)

    monkeypatch.setattr(signing.signing, "check_ready", slow_check)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await settle(app, pilot)
        app.screen.query_one("#act-sign_result", Button).press()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SignResultScreen)
        path = dialog.query_one("#sign-path", Input)
        pin = dialog.query_one("#sign-pin", Input)
        path.value = str(result_file)
        # Enter and the PIN in one burst, before the token's check has answered.
        await pilot.press("enter", *soft_token.pin, "enter")
        seen["path"] = path.value
        seen["pin"] = pin.value
        seen["before_ready"] = (dialog.tries, dialog.message)
        answer.set()
        await settle(app, pilot)
        seen["focused"] = pin.has_focus
        seen["kept"] = pin.value
        await pilot.press("enter")
        await settle(app, pilot)
        seen["tries"] = dialog.tries
        seen["closed"] = app.screen is not dialog

    before = login_attempts(soft_token)
    drive(make_app(signing, officer=leader), scenario, size=(100, 40))
    assert seen["path"] == str(result_file)  # nothing of the PIN in the clear field
    assert seen["pin"] == soft_token.pin
    assert seen["before_ready"] == (
        0,
        "Token đang được kiểm tra: nhấn Enter lần nữa khi sẵn sàng.",
    )
    assert seen["focused"] is True and seen["kept"] == soft_token.pin
    assert seen["tries"] == 1 and seen["closed"] is True
    assert login_attempts(soft_token) == before + 1
    assert signing.signing.signed(code) is not None


def test_right_pin_signs_keeps_and_queues_the_result(
    signing: DeskServices, soft_token: SoftToken, result_file: Path, tmp_path: Path
) -> None:
    code = ready_dossier(signing)
    leader = signing_officer(signing, "leader")
    before = login_attempts(soft_token)
    seen: dict[str, str] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        dialog = await open_dialog(app, pilot, code, result_file)
        seen["token"] = text(dialog, "#sign-token")
        seen["cert"] = text(dialog, "#sign-cert")
        pin = dialog.query_one("#sign-pin", Input)
        assert pin.password and not pin.disabled
        assert dialog.certificate is not None and dialog.certificate.label == "signer"
        await type_pin(app, pilot, soft_token.pin)
        assert isinstance(app.screen, DossierScreen)  # the dialog closed on success
        timeline = app.screen.query_one("#timeline", DataTable)
        seen["timeline"] = " ".join(str(c) for c in timeline.get_row_at(timeline.row_count - 1))

    drive(make_app(signing, officer=leader), scenario, size=(100, 40))
    assert soft_token.label in seen["token"]
    assert "CÔNG DÂN THỬ NGHIỆM" in seen["cert"] and "Tổ chức chứng thực thử nghiệm" in seen["cert"]
    assert "ký số kết quả" in seen["timeline"]
    assert login_attempts(soft_token) == before + 1
    last = events(signing, code)[-1]
    assert last.kind == "result_signed" and last.officer_id == leader.id
    payload = json.loads(last.payload)
    signed = signing.signing.signed_file(code)
    assert signed is not None and payload["validation"]["ok"] is True
    report = signing.signing.verify(signed)
    assert report.ok and report.signatures[0].whole_file
    out = tmp_path / "signed.pdf"
    out.write_bytes(signed)
    checked = pdfsig(out)
    assert "Signature is Valid" in checked and "Total document signed" in checked
    queued = [c for c in commands(signing, code) if c.type == "dossier.result_signed"]
    assert len(queued) == 1
    assert json.loads(queued[0].payload)["blob_sha256"] == payload["blob_sha256"]


def test_wrong_pin_one_login_no_retry_then_typed_again(
    signing: DeskServices, soft_token: SoftToken, result_file: Path
) -> None:
    code = ready_dossier(signing)
    clerk = signing_officer(signing, "clerk")
    blobs, event_count = count(signing, Blob), count(signing, DossierEvent)
    seen: dict[str, object] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        dialog = await open_dialog(app, pilot, code, result_file)
        seen["before"] = login_attempts(soft_token)
        await type_pin(app, pilot, "9999")
        for _ in range(3):  # time for any retry to happen: there must be none
            await settle(app, pilot)
        seen["after"] = login_attempts(soft_token)
        seen["message"] = text(dialog, "#sign-message")
        pin = dialog.query_one("#sign-pin", Input)
        seen["pin"] = (pin.value, pin.disabled, app.screen is dialog)

    drive(make_app(signing, officer=clerk), scenario, size=(100, 40))
    assert seen["after"] == seen["before"] + 1  # type: ignore[operator]
    assert "Mã PIN không đúng" in str(seen["message"])
    assert "lần thử" in str(seen["message"])  # what the token's flags say about tries left
    assert seen["pin"] == ("", False, True)  # emptied, open for a deliberate new try
    assert count(signing, Blob) == blobs
    assert count(signing, DossierEvent) == event_count


def test_expired_certificate_refused_before_the_pin(
    signing: DeskServices, soft_token: SoftToken, result_file: Path
) -> None:
    code = ready_dossier(signing)
    leader = signing_officer(signing, "leader")
    before = login_attempts(soft_token)
    seen: dict[str, object] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        dialog = await open_dialog(app, pilot, code, result_file)
        choices = dialog.query_one("#sign-certs", OptionList)
        labels = [choices.get_option_at_index(i).id for i in range(choices.option_count)]
        choices.highlighted = labels.index("expired")
        await settle(app, pilot)
        seen["message"] = text(dialog, "#sign-message")
        seen["pin_disabled"] = dialog.query_one("#sign-pin", Input).disabled
        await pilot.press("enter")  # on the list: still nothing may reach the token
        await settle(app, pilot)

    drive(make_app(signing, officer=leader), scenario, size=(100, 40))
    assert "đã hết hạn" in str(seen["message"]) and "chưa nhập mã PIN" in str(seen["message"])
    assert seen["pin_disabled"] is True
    assert login_attempts(soft_token) == before
    assert signing.signing.signed(code) is None


def test_reception_officer_does_not_see_the_action(
    signing: DeskServices, soft_token: SoftToken
) -> None:
    code = ready_dossier(signing)
    reception = signing_officer(signing, "reception")
    leader = signing_officer(signing, "leader")
    shown: dict[str, set[str | None]] = {}

    async def look(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(DossierScreen(code=code))
        await settle(app, pilot)
        assert app.officer is not None
        buttons = app.screen.query("#actions Button").results(Button)
        shown[app.officer.role] = {b.id for b in buttons}

    drive(make_app(signing, officer=reception), look)
    drive(make_app(signing, officer=leader), look)
    assert "act-sign_result" not in shown["reception"]
    assert "act-sign_result" in shown["leader"]
    with pytest.raises(Exception, match="không được ký số kết quả"):
        signing.signing.sign_result(
            code,
            result_pdf(),
            token_label=soft_token.label,
            cert_label="signer",
            pin=soft_token.pin,
            officer_id=reception.id,
        )


def test_status_line_shows_the_real_token(signing: DeskServices, soft_token: SoftToken) -> None:
    leader = signing_officer(signing, "leader")
    seen: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        seen.append(str(app.screen.query_one(StatusBar).render()))

    drive(make_app(signing, officer=leader), scenario, size=(160, 24))
    assert f"Token: {soft_token.label} sẵn sàng" in seen[0]


def test_f8_gives_the_signing_role(signing: DeskServices) -> None:
    admin = signing_officer(signing, "admin")
    reception = signing_officer(signing, "reception")
    assert not signing.signing.may_sign(reception.role)

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        await pilot.press("f8")
        await settle(app, pilot)
        table = app.screen.query_one("#officer-table", DataTable)
        table.move_cursor(
            row=[str(table.get_row_at(i)[0]) for i in range(table.row_count)].index(
                reception.username
            )
        )
        app.screen.query_one("#officer-role", Button).press()
        await settle(app, pilot)
        app.screen.query_one("#field-role", Input).value = "clerk"
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(make_app(signing, officer=admin), scenario, size=(120, 30))
    role = next(o.role for o in signing.auth.officers() if o.id == reception.id)
    assert role == "clerk" and signing.signing.may_sign(role)


def test_signed_result_printed_at_return(
    signing: DeskServices, soft_token: SoftToken, tmp_path: Path
) -> None:
    folder = tmp_path / "printed"
    folder.mkdir()
    signing.printing.set_printer_choice(PrinterChoice(default=f"folder:{folder}"))
    code = ready_dossier(signing)
    leader = signing_officer(signing, "leader")
    signed = signing.signing.sign_result(
        code,
        result_pdf(),
        token_label=soft_token.label,
        cert_label="signer",
        pin=soft_token.pin,
        officer_id=leader.id,
    )
    reception = signing_officer(signing, "reception")
    seen: list[str] = []

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        app.push_screen(ReturnScreen(code=code))
        await settle(app, pilot)
        seen.append(str(app.screen.query_one("#return-signed", Static).render()))
        await pilot.press("ctrl+s")
        await settle(app, pilot)

    drive(make_app(signing, officer=reception), scenario, size=(100, 40))
    assert "Kết quả đã ký số (PAdES-B-B" in seen[0]
    assert signing.lookup.by_code(code).summary.status is Status.RETURNED
    jobs = {j.form: j for j in signing.printing.jobs_for(code)}
    assert jobs["bien-nhan"].state is JobState.PRINTED
    handed = jobs["ket-qua-ky-so"]
    assert handed.state is JobState.PRINTED
    assert handed.document_sha256 == signed.sha256  # the signed file itself, not a copy


def test_token_pulled_out_mid_flow(soft_token: SoftToken, spy_path: Path, tmp_path: Path) -> None:
    """In a child process on a copy of the token (see removal_pilot.py): after the dialog has
    shown the token, it is pulled out; the PIN typed then reaches no token."""
    copy = tmp_path / "token"
    conf = copy_token(soft_token, copy)
    pdf = tmp_path / "ket-qua.pdf"
    pdf.write_bytes(result_pdf())
    work = tmp_path / "work"
    work.mkdir()
    env = {
        **os.environ,
        "DESK_LANGUAGE": "vi",
        "SOFTHSM2_CONF": str(conf),
        "PKCS11SPY": str(soft_token.module),
        "PKCS11SPY_OUTPUT": str(copy / "spy.log"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.devices.token.removal_pilot"]
        + [str(p) for p in (copy, spy_path, pdf, work)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout)
    assert soft_token.label in seen["token"] and seen["pin_open"] is True
    assert "Rút token ra, cắm lại" in seen["message"]
    assert seen["still_open"] is True and seen["tries"] == 1
    assert seen["signed"] is False and seen["blobs"] == 0
    log = (copy / "spy.log").read_text(errors="replace").splitlines()
    assert not [line for line in log if line.endswith("C_Login")]  # the PIN reached no token


LOCKED = PinStatus(count_low=True, final_try=False, locked=True, to_be_changed=False)
LAST_TRY = PinStatus(count_low=True, final_try=True, locked=False, to_be_changed=False)


def _flags(monkeypatch: pytest.MonkeyPatch, status: PinStatus) -> None:
    """SoftHSM2 has no PIN lockout (COMPONENTS.md §1): the token's PIN flags are played."""
    real = Pkcs11Module.token_info

    def token_info(self: Pkcs11Module, label: str) -> TokenInfo:
        return replace(real(self, label), pin=status)

    monkeypatch.setattr(Pkcs11Module, "token_info", token_info)


def test_locked_token_names_who_unlocks_it_and_asks_no_pin(
    signing: DeskServices,
    soft_token: SoftToken,
    result_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = ready_dossier(signing)
    leader = signing_officer(signing, "leader")
    _flags(
        monkeypatch, PinStatus(count_low=True, final_try=False, locked=True, to_be_changed=False)
    )
    before = login_attempts(soft_token)
    seen: dict[str, object] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        dialog = await open_dialog(app, pilot, code, result_file)
        seen["message"] = text(dialog, "#sign-message")
        seen["pin_disabled"] = dialog.query_one("#sign-pin", Input).disabled

    drive(make_app(signing, officer=leader), scenario, size=(100, 40))
    assert "bị khóa mã PIN" in str(seen["message"])
    assert "Tổ chức chứng thực thử nghiệm" in str(seen["message"])  # the CA that unlocks it
    assert seen["pin_disabled"] is True
    assert login_attempts(soft_token) == before


def test_last_try_is_said_before_and_after_a_wrong_pin(
    signing: DeskServices,
    soft_token: SoftToken,
    result_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code = ready_dossier(signing)
    leader = signing_officer(signing, "leader")
    _flags(
        monkeypatch, PinStatus(count_low=True, final_try=True, locked=False, to_be_changed=False)
    )
    seen: dict[str, str] = {}

    async def scenario(app: DeskApp, pilot: Pilot[None]) -> None:
        dialog = await open_dialog(app, pilot, code, result_file)
        seen["before"] = text(dialog, "#sign-message")
        await type_pin(app, pilot, "9999")
        seen["after"] = text(dialog, "#sign-message")

    drive(make_app(signing, officer=leader), scenario, size=(100, 40))
    assert "chỉ còn 1 lần nhập mã PIN" in seen["before"]
    assert "chỉ còn 1 lần thử" in seen["after"]
