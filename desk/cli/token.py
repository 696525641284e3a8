"""USB signing tokens: `desk token list|info|sign|verify|settings`.

The PIN is asked without echo (getpass) or read from a file descriptor (--pin-fd, for
scripts); it is passed to one login and forgotten, never printed, logged or stored.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from desk.cli.common import DbOption, JsonOption, emit_json, resolve_db, say, services
from desk.cli.dossiers import OfficerOption, _officer_id
from desk.devices.signature_check import VerificationReport
from desk.devices.token import RealTokenDevice, TokenState, open_token_device
from desk.devices.token_certs import CertificateInfo
from desk.devices.token_errors import PinError, SignatureInvalid, TokenError
from desk.devices.token_pkcs11 import TokenInfo
from desk.domain.validation import os_reason
from desk.errors import InvalidInput
from desk.fileio import write_atomically
from desk.i18n import translate

app = typer.Typer(help="Token ký số USB: xem token, ký và kiểm tra tệp PDF.", no_args_is_help=True)

ModuleOption = Annotated[
    str | None,
    typer.Option(
        "--module",
        envvar="DESK_TOKEN_MODULE",
        help="Trình điều khiển token (thư viện PKCS#11 .dll/.so); mặc định: cài đặt ký số, "
        "rồi dò các tên đã biết.",
        show_default=False,
    ),
]
TokenOption = Annotated[
    str | None, typer.Option("--token", help="Nhãn token (khi cắm nhiều token).")
]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="token")


def _configured_module(module: str | None, db: Path | None) -> str | None:
    if module:
        return module
    if resolve_db(db).is_file():
        with services(db) as desk:
            return desk.signing.settings().module_path
    return None


def _token_json(token: TokenInfo) -> dict[str, Any]:
    return {
        "label": token.label,
        "manufacturer": token.manufacturer,
        "model": token.model,
        "serial": token.serial,
        "pin_count_low": token.pin.count_low,
        "pin_final_try": token.pin.final_try,
        "pin_locked": token.pin.locked,
    }


def _cert_json(cert: CertificateInfo, now: Any) -> dict[str, Any]:
    return {
        "label": cert.label,
        "id": cert.id_hex,
        "subject": cert.subject,
        "issuer": cert.issuer,
        "serial": cert.serial_hex,
        "not_before": cert.not_before.isoformat(),
        "not_after": cert.not_after.isoformat(),
        "key_usage": list(cert.key_usage),
        "warning": cert.expiry_warning(now),
    }


def _state_json(state: TokenState, device: RealTokenDevice) -> dict[str, Any]:
    return {
        "status": state.status.value,
        "reason": state.reason or None,
        "module": str(device.module.path) if device.module else None,
        "reader_service": state.readers.status.value,
        "readers": [
            {
                "reader": slot.reader,
                "atr": slot.atr_hex or None,
                "model": slot.model.model if slot.model else None,
            }
            for slot in state.readers.slots
        ],
        "tokens": [_token_json(t) for t in state.tokens],
    }


@app.command("list")
def list_tokens(module: ModuleOption = None, db: DbOption = None, json: JsonOption = False) -> None:
    """Liệt kê token (theo nhãn) và chứng thư số trên từng token."""
    from datetime import UTC, datetime

    device = open_token_device(_configured_module(module, db))
    now = datetime.now(UTC)
    try:
        tokens = device.tokens()
        found = [(t, device.certificates(t.label)) for t in tokens]
    finally:
        device.close()
    if json:
        emit_json(
            [
                {**_token_json(t), "certificates": [_cert_json(c, now) for c in certs]}
                for t, certs in found
            ]
        )
        return
    if not found:
        say(translate("Không thấy token nào."))
    for token, certs in found:
        say(translate("Token {label} ({model})", {"label": token.label, "model": token.model}))
        warning = token.pin.warning()
        if warning:
            say("  " + warning)
        for cert in certs:
            say(f"  [{cert.label}] {cert.subject}")
            say("    " + translate("Cấp bởi: {issuer}", {"issuer": cert.issuer}))
            say(
                "    "
                + translate(
                    "Số hiệu {serial}, hiệu lực {since} đến {until}, mục đích: {usage}",
                    {
                        "serial": cert.serial_hex,
                        "since": cert.not_before.date().isoformat(),
                        "until": cert.not_after.date().isoformat(),
                        "usage": ", ".join(cert.key_usage) or "—",
                    },
                )
            )
            expiring = cert.expiry_warning(now)
            if expiring:
                say("    " + expiring)


@app.command("info")
def info(module: ModuleOption = None, db: DbOption = None, json: JsonOption = False) -> None:
    """Trạng thái token: trình điều khiển, dịch vụ đọc thẻ, đầu đọc và mẫu token (theo ATR)."""
    device = open_token_device(_configured_module(module, db))
    try:
        state = device.state()
    finally:
        device.close()
    if json:
        emit_json(_state_json(state, device))
        return
    data = _state_json(state, device)
    say(translate("Trạng thái: {status}", {"status": state.status.value}))
    if state.reason:
        say(state.reason)
    say(translate("Trình điều khiển: {module}", {"module": data["module"] or "—"}))
    say(translate("Dịch vụ đọc thẻ: {status}", {"status": state.readers.status.value}))
    for reader in data["readers"]:
        say(f"  {reader['reader']}: {reader['atr'] or '—'} {reader['model'] or ''}".rstrip())
    for token in state.tokens:
        say(translate("Token {label} ({model})", {"label": token.label, "model": token.model}))
        warning = token.pin.warning()
        if warning:
            say("  " + warning)


def _read_pin(pin_fd: int | None, token_label: str) -> str:
    if pin_fd is not None:
        try:
            with os.fdopen(pin_fd, "r", encoding="utf-8", closefd=True) as stream:
                return stream.readline().rstrip("\r\n")
        except OSError as error:
            raise InvalidInput(
                "Không đọc được mã PIN từ --pin-fd {fd}: {reason}",
                fd=pin_fd,
                reason=os_reason(error),
            ) from None
    if not sys.stdin.isatty():
        raise PinError(
            "Không có bàn phím để nhập mã PIN: chạy trong cửa sổ lệnh, hoặc đưa mã PIN qua "
            "--pin-fd."
        )
    return getpass.getpass(translate("Mã PIN của token {label}:", {"label": token_label}) + " ")


def _only_token(device: RealTokenDevice, label: str | None) -> str:
    if label:
        return label
    tokens = device.tokens()
    if not tokens:
        raise TokenError("Chưa cắm token ký số. Cắm token vào cổng USB rồi chờ đèn token sáng.")
    if len(tokens) > 1:
        raise TokenError(
            "Đang cắm {n} token ({labels}): chọn một bằng --token NHÃN.",
            n=len(tokens),
            labels=", ".join(t.label for t in tokens),
        )
    return tokens[0].label


def _read_input(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise InvalidInput(
            "Không đọc được tệp PDF {path}: {reason}", path=str(path), reason=os_reason(error)
        ) from None


@app.command("sign")
def sign(
    source: Annotated[Path, typer.Argument(help="Tệp PDF cần ký.", show_default=False)],
    target: Annotated[Path, typer.Argument(help="Tệp PDF đã ký (ghi mới).", show_default=False)],
    cert: Annotated[
        str | None, typer.Option("--cert", help="Nhãn chứng thư số trên token.")
    ] = None,
    token: TokenOption = None,
    pin_fd: Annotated[
        int | None, typer.Option("--pin-fd", help="Đọc mã PIN từ mô tả tệp này (cho script).")
    ] = None,
    dossier: Annotated[
        str | None, typer.Option("--dossier", help="Lưu tệp đã ký làm kết quả của hồ sơ này.")
    ] = None,
    officer: OfficerOption = None,
    module: ModuleOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Ký số tệp PDF bằng token (PAdES, có dấu chữ ký theo Nghị định 30/2020)."""
    pdf = _read_input(source)
    with services(db) as desk:
        module_path = module or desk.signing.settings().module_path
        device = desk.signing.device(module_path)
        try:
            label = _only_token(device, token)
            # Certificate and PIN flags are checked before the officer types anything.
            _, warning = desk.signing.check_ready(label, cert, module_path)
        except StopIteration:
            raise TokenError("Token đã bị rút ra. Cắm lại rồi thử lại.") from None
        finally:
            device.close()
        if warning:
            sys.stderr.write(warning + "\n")
        pin = _read_pin(pin_fd, label)
        if dossier is not None:
            result = desk.signing.sign_result(
                dossier,
                pdf,
                token_label=label,
                cert_label=cert,
                pin=pin,
                officer_id=_officer_id(desk, officer),
                module_path=module_path,
            )
            signed, report = result.signed, result.report
        else:
            signed = desk.signing.sign(
                pdf, token_label=label, cert_label=cert, pin=pin, module_path=module_path
            )
            report = desk.signing.verify(signed.data)
        del pin
    try:
        write_atomically(target, signed.data)
    except OSError as error:
        raise InvalidInput(
            "Không ghi được tệp {path}: {reason}", path=str(target), reason=os_reason(error)
        ) from None
    if json:
        emit_json(
            {
                "out": str(target),
                "level": signed.level,
                "certificate": signed.certificate_label,
                "notes": list(signed.notes),
                "dossier": dossier.strip().upper() if dossier else None,
                "verification": report.as_dict(),
            }
        )
        return
    say(
        translate(
            "Đã ký và lưu vào {path} ({level}).", {"path": str(target), "level": signed.level}
        )
    )
    for note in signed.notes:
        say(note)


def _print_report(report: VerificationReport) -> None:
    say(report.summary())
    for check in report.signatures:
        say(f"[{check.field_name}] {check.signer}")
        for finding in check.findings:
            say("  - " + finding)


@app.command("verify")
def verify(
    path: Annotated[Path, typer.Argument(help="Tệp PDF cần kiểm tra.", show_default=False)],
    trust: Annotated[
        list[Path] | None,
        typer.Option("--trust", help="Chứng thư gốc tin cậy (.pem/.der); có thể lặp lại."),
    ] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Kiểm tra chữ ký số trong tệp PDF; mã thoát 10 khi không có chữ ký hoặc có chữ ký sai."""
    from desk.devices.signature_check import verify_pdf

    data = _read_input(path)
    extra = list(trust or [])
    if resolve_db(db).is_file():
        with services(db) as desk:
            report = desk.signing.verify(data, extra)
    else:
        report = verify_pdf(data, [_read_input(p) for p in extra])
    if json:
        emit_json(report.as_dict())
    else:
        _print_report(report)
    if not report.signatures:
        raise SignatureInvalid("Tệp không có chữ ký số nào.")
    if not report.ok:
        raise SignatureInvalid("Có chữ ký số trong tệp KHÔNG hợp lệ: xem chi tiết từng chữ ký.")


@app.command("extend")
def extend(
    dossier: Annotated[str, typer.Argument(help="Mã hồ sơ có kết quả đã ký.", show_default=False)],
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Bổ sung dấu thời gian và dữ liệu thu hồi cho kết quả đã ký (PAdES B-LTA), khi có TSA."""
    with services(db) as desk:
        result = desk.signing.extend_result(dossier, officer_id=_officer_id(desk, officer))
    if json:
        emit_json(
            {
                "dossier": result.code,
                "level": result.signed.level,
                "sha256": result.sha256,
                "verification": result.report.as_dict(),
            }
        )
        return
    say(
        translate(
            "Đã bổ sung cho kết quả hồ sơ {code} ({level}).",
            {"code": result.code, "level": result.signed.level},
        )
    )


@app.command("settings")
def settings(
    module: Annotated[str | None, typer.Option("--module", help="Trình điều khiển token.")] = None,
    tsa: Annotated[str | None, typer.Option("--tsa", help="Máy chủ dấu thời gian (URL).")] = None,
    signature_image: Annotated[
        str | None, typer.Option("--signature-image", help="Ảnh chữ ký (PNG).")
    ] = None,
    seal_image: Annotated[
        str | None, typer.Option("--seal-image", help="Ảnh con dấu (PNG).")
    ] = None,
    trust: Annotated[
        list[str] | None, typer.Option("--trust", help="Chứng thư gốc tin cậy; có thể lặp lại.")
    ] = None,
    role: Annotated[
        list[str] | None,
        typer.Option("--role", help="Vai trò được ký số kết quả (leader, clerk…); có thể lặp lại."),
    ] = None,
    citizen_download: Annotated[
        bool | None,
        typer.Option(
            "--citizen-download/--no-citizen-download",
            help="Trang tra cứu cho tải kết quả đã ký số (người có mã trên giấy hẹn).",
        ),
    ] = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Xem hoặc đổi cài đặt ký số của cơ quan (chuỗi rỗng để xóa một mục)."""
    changes: dict[str, object] = {}
    for key, value in (
        ("module_path", module),
        ("tsa_url", tsa),
        ("signature_image", signature_image),
        ("seal_image", seal_image),
    ):
        if value is not None:
            changes[key] = value or None
    if trust is not None:
        changes["trust_roots"] = [t for t in trust if t]
    if role is not None:
        changes["signing_roles"] = [r for r in role if r]
    if citizen_download is not None:
        changes["citizen_download"] = citizen_download
    with services(db) as desk:
        current = desk.signing.update_settings(**changes) if changes else desk.signing.settings()
    if json:
        emit_json(current.model_dump())
        return
    for key, value in current.model_dump().items():
        say(f"{key}: {value if value not in (None, []) else '—'}")
