"""Scanning: `desk scan`, `desk scanners`, `desk attach`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from desk.cli.common import DbOption, JsonOption, emit_json, resolve_db, say, services
from desk.cli.dossiers import CodeArg, OfficerOption, _officer_id
from desk.devices.scanning.base import (
    LEGAL_MIN_DPI,
    DocumentScanner,
    ScannerStatus,
    ScanSettings,
    state_label,
)
from desk.errors import InvalidInput
from desk.fileio import write_atomically
from desk.i18n import translate

FilesOption = Annotated[
    list[Path] | None,
    typer.Option("--file", help="Tệp đã quét (PDF, JPEG, PNG, TIFF); lặp lại được, theo thứ tự."),
]
DpiOption = Annotated[
    float | None,
    typer.Option(
        "--dpi", help="Độ phân giải của ảnh không ghi độ phân giải (mặc định: coi là A4)."
    ),
]


def register(app: typer.Typer) -> None:
    app.command("scan")(scan)
    app.command("scanners")(scanners)
    app.command("attach")(attach)
    app.command("scanner-choice")(scanner_choice)


def _check_out(out: Path, option: str) -> Path:
    out = out.expanduser().absolute()
    if out.is_dir():
        raise InvalidInput(
            "{path} là một thư mục; hãy ghi đường dẫn tệp PDF cho {option}, ví dụ "
            "{path}/ban-quet.pdf.",
            path=str(out),
            option=option,
        )
    if not out.parent.is_dir():
        raise InvalidInput(
            "Không có thư mục {folder} để lưu tệp PDF. Hãy tạo thư mục hoặc chọn đường dẫn khác.",
            folder=str(out.parent),
        )
    if not os.access(out.parent, os.W_OK):
        raise InvalidInput(
            "Không được phép ghi vào thư mục {folder}. Hãy chọn đường dẫn khác.",
            folder=str(out.parent),
        )
    return out


def _write(out: Path, data: bytes) -> None:
    try:
        write_atomically(out, data)
    except OSError:
        raise InvalidInput(
            "Không ghi được tệp {path}. Kiểm tra chỗ trống trên đĩa và quyền ghi.", path=str(out)
        ) from None


def _source(device: str | None, folder: Path | None, files: list[Path]) -> DocumentScanner | None:
    chosen = sum(1 for given in (device, folder, files) if given)
    if chosen > 1:
        raise InvalidInput(
            "Chọn một nguồn quét: máy quét (--device), thư mục (--folder) hoặc tệp (--file), "
            "không chọn nhiều nguồn cùng lúc."
        )
    if device:
        from desk.devices.scanning.sane_backend import SaneScanner

        return SaneScanner(device)
    if folder is not None:
        from desk.devices.scanning.watched import WatchedFolderScanner, check_folder

        check_folder(folder)
        return WatchedFolderScanner(folder)
    return None


def scan(
    out: Annotated[Path, typer.Option(help="Tệp PDF bản sao điện tử (màu, ≥ 200 dpi).")],
    device: Annotated[
        str | None, typer.Option(help="Máy quét SANE, ví dụ test:0 (xem `desk scanners`).")
    ] = None,
    folder: Annotated[
        Path | None, typer.Option(help="Thư mục máy quét lưu tệp vào: chờ tệp quét tiếp theo.")
    ] = None,
    file: FilesOption = None,
    compact_out: Annotated[
        Path | None, typer.Option(help="Tệp PDF bản nén gửi qua mạng chậm (xám, nhỏ gọn).")
    ] = None,
    resolution: Annotated[int, typer.Option(help="Độ phân giải quét (dpi), ≥ 200.")] = 200,
    adf: Annotated[bool, typer.Option("--adf", help="Quét mọi trang từ khay nạp giấy.")] = False,
    timeout: Annotated[float, typer.Option(help="Số giây chờ tệp trong thư mục quét.")] = 120.0,
    dpi: DpiOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Quét giấy tờ thành một tệp PDF (và bản nén nếu cần)."""
    if resolution < LEGAL_MIN_DPI:
        raise InvalidInput(
            "Độ phân giải {dpi} dpi quá thấp: bản sao điện tử theo Nghị định 30/2020 cần ít nhất "
            "200 dpi.",
            dpi=resolution,
        )
    target = _check_out(out, "--out")
    compact_target = _check_out(compact_out, "--compact-out") if compact_out else None
    files = list(file or [])
    scanner = _source(device, folder, files)
    settings = ScanSettings(resolution=resolution, feeder=adf, timeout=timeout)
    if files:
        from desk.devices.scanning.documents import document_from_files

        document = document_from_files(files, assumed_dpi=dpi)
    elif scanner is not None:
        from desk.devices.scanning.pdf import make_document

        document = make_document(scanner.scan(settings))
    else:
        with services(db) as desk:
            document = desk.scanning.scan()
    _write(target, document.legal)
    if compact_target is not None:
        _write(compact_target, document.compact)
    result = {
        "out": str(target),
        "compact_out": str(compact_target) if compact_target else None,
        "pages": document.pages,
        "dpi": round(document.dpi),
        "legal_size": document.legal_size,
        "compact_size": document.compact_size,
        "colour_pages": document.colour_pages,
    }
    if json:
        emit_json(result)
        return
    say(
        translate(
            "Đã quét {pages} trang vào {path} ({size} KB; bản nén {compact} KB).",
            {
                "pages": document.pages,
                "path": str(target),
                "size": round(document.legal_size / 1024),
                "compact": round(document.compact_size / 1024),
            },
        )
    )


def _status_json(status: ScannerStatus, configured: bool) -> dict[str, Any]:
    return {
        "name": status.name,
        "kind": status.kind,
        "label": status.label,
        "state": status.state.value,
        "reason": status.reason or None,
        "configured": configured,
    }


def scanners(db: DbOption = None, json: JsonOption = False) -> None:
    """Liệt kê máy quét của máy này và trạng thái máy quét đã chọn cho quầy."""
    from desk.devices.scanning.factory import discover

    found: list[tuple[ScannerStatus, bool]] = [(status, False) for status in discover()]
    if resolve_db(db).is_file():
        with services(db) as desk:
            chosen = desk.scanning.status()
        found = [(s, False) for s, _ in found if s.name != chosen.name]
        found.insert(0, (chosen, True))
    if json:
        emit_json([_status_json(status, configured) for status, configured in found])
        return
    if not found:
        say(translate("Không tìm thấy máy quét nào trên máy này."))
        return
    for status, configured in found:
        notes = [state_label(status.state)]
        if configured:
            notes.append(translate("đã chọn cho quầy"))
        line = f"{status.name}  {status.label} ({', '.join(notes)})".replace("  (", " (")
        say(line + (f": {status.reason}" if status.reason else ""))


def attach(
    code: CodeArg,
    files: Annotated[list[Path], typer.Argument(help="Tệp PDF hoặc ảnh đã quét, theo thứ tự.")],
    component: Annotated[
        int, typer.Option(help="Số thứ tự thành phần hồ sơ (1, 2, … như `desk lookup`).")
    ],
    dpi: DpiOption = None,
    officer: OfficerOption = None,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Gắn bản quét vào một thành phần của hồ sơ."""
    with services(db) as desk:
        attached = desk.scanning.attach_files(
            code, component, files, officer_id=_officer_id(desk, officer), assumed_dpi=dpi
        )
    if json:
        emit_json(
            {
                "code": attached.code,
                "component": attached.component,
                "component_name": attached.component_name,
                "legal_sha256": attached.legal_sha256,
                "compact_sha256": attached.compact_sha256,
                "legal_size": attached.legal_size,
                "compact_size": attached.compact_size,
                "pages": attached.pages,
                "dpi": attached.dpi,
            }
        )
        return
    say(
        translate(
            "Đã gắn bản quét {pages} trang vào thành phần {number} của hồ sơ {code} ({size} KB; "
            "bản nén {compact} KB).",
            {
                "pages": attached.pages,
                "number": attached.component,
                "code": attached.code,
                "size": round(attached.legal_size / 1024),
                "compact": round(attached.compact_size / 1024),
            },
        )
    )


def scanner_choice(
    device: Annotated[
        str | None,
        typer.Option(help="Máy quét SANE, ví dụ fujitsu:fi-7160:1234 (xem desk scanners)."),
    ] = None,
    folder: Annotated[
        Path | None, typer.Option(help="Thư mục máy quét lưu tệp vào (máy quét lưu ra thư mục).")
    ] = None,
    polling: Annotated[
        bool, typer.Option("--polling", help="Theo dõi thư mục bằng quét định kỳ (ổ mạng).")
    ] = False,
    resolution: Annotated[int, typer.Option(min=200, max=600, help="Độ phân giải (dpi).")] = 200,
    feeder: Annotated[
        bool, typer.Option("--adf", help="Quét nhiều trang qua khay nạp giấy.")
    ] = False,
    none: Annotated[bool, typer.Option("--none", help="Bỏ chọn máy quét.")] = False,
    db: DbOption = None,
    json: JsonOption = False,
) -> None:
    """Xem hoặc chọn máy quét tài liệu của quầy (SANE hoặc thư mục)."""
    from desk.devices.scanning.factory import ScannerChoice

    chosen = [name for name, value in (("--device", device), ("--folder", folder)) if value]
    if none:
        chosen.append("--none")
    if len(chosen) > 1:
        raise InvalidInput(
            "Chọn một trong: {options}, không chọn nhiều cùng lúc.", options=", ".join(chosen)
        )
    with services(db) as desk:
        if chosen:
            if none:
                choice = ScannerChoice()
            elif device:
                choice = ScannerChoice(
                    "sane", device=device.strip(), resolution=resolution, feeder=feeder
                )
            else:
                assert folder is not None
                target = folder.expanduser().absolute()
                if not target.is_dir():
                    raise InvalidInput(
                        "Không có thư mục {folder}. Hãy tạo thư mục hoặc chọn thư mục khác.",
                        folder=str(target),
                    )
                choice = ScannerChoice(
                    "folder", folder=str(target), polling=polling, resolution=resolution
                )
            desk.scanning.set_scanner_choice(choice)
        current = desk.scanning.scanner_choice()
    if json:
        emit_json(current.to_dict())
        return
    where = current.device or current.folder or translate("chưa chọn")
    say(translate("Máy quét của quầy: {kind} {where}", {"kind": current.kind, "where": where}))
