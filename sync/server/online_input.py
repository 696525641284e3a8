"""Checking an online submission before anything is written: its JSON, its people, its files.

Every refusal names the field or the component, never the personal data that failed, and
says what to correct. ``read_submission_file`` is the ``desk-server dossier submit FILE.json``
form of the same input, where an attachment may be ``{"file": "path"}`` next to the JSON.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from desk.domain.codes import validate_agency_code
from desk.domain.person import Person
from desk.errors import InvalidInput
from sync.protocol import OnlinePerson, OnlineSubmission
from sync.server.errors import Refused

MAGIC = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
KIND_NAMES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}
SUFFIX_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
SUFFIX_TYPES[".png"] = "image/png"


@dataclass(frozen=True)
class CheckedSubmission:
    submission: OnlineSubmission
    agency_code: str
    owner: Person
    submitter: Person | None
    files: tuple[tuple[bytes, str] | None, ...]
    """One entry per component: (bytes, media type) of its attachment, or None."""


def parse_submission(raw: bytes | dict[str, Any]) -> OnlineSubmission:
    try:
        if isinstance(raw, dict):
            return OnlineSubmission.model_validate(raw)
        return OnlineSubmission.model_validate_json(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "body"
        raise Refused(
            "Hồ sơ trực tuyến không hợp lệ (trường {field}); không có gì được ghi. Sửa trường "
            "này rồi gửi lại.",
            reason_code="bad_submission",
            http_status=422,
            field=where,
        ) from None


def check_submission(submission: OnlineSubmission, max_bytes: int) -> CheckedSubmission:
    try:
        agency = validate_agency_code(submission.agency_code)
        owner = _person(submission.owner).validated("chủ hồ sơ")
        submitter = (
            _person(submission.submitter).validated("người nộp hồ sơ")
            if submission.submitter
            else None
        )
    except InvalidInput as error:
        raise Refused(
            "{reason} Không có gì được ghi.",
            reason_code="bad_submission",
            http_status=422,
            reason=error.message,
        ) from None
    if submission.delivery == "postal" and not (submission.delivery_address or "").strip():
        raise Refused(
            "Nhận kết quả qua bưu chính cần địa chỉ nhận (delivery_address).",
            reason_code="bad_submission",
            http_status=422,
        )
    names = [component.name for component in submission.components]
    if len(set(names)) != len(names):
        raise Refused(
            "Hai thành phần hồ sơ trùng tên; mỗi thành phần chỉ được khai một lần.",
            reason_code="bad_submission",
            http_status=422,
        )
    files = tuple(
        _decoded(c.name, c.attachment.data, c.attachment.media_type, max_bytes)
        if c.attachment is not None
        else None
        for c in submission.components
    )
    return CheckedSubmission(submission, agency, owner, submitter, files)


def _person(given: OnlinePerson) -> Person:
    return Person(
        full_name=given.full_name,
        id_number=given.id_number,
        date_of_birth=given.date_of_birth,
        sex=given.sex,
        address=given.address,
        phone=given.phone,
        email=given.email,
        kind=given.kind,
    )


def _decoded(name: str, data: str, media_type: str, max_bytes: int) -> tuple[bytes, str]:
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(
            "Tệp đính kèm của thành phần '{name}' không phải dữ liệu base64 hợp lệ.",
            reason_code="bad_attachment",
            http_status=422,
            name=name,
        ) from None
    if not content or len(content) > max_bytes:
        raise Refused(
            "Tệp quá lớn hoặc rỗng ({size} byte); giới hạn của máy chủ là {limit} byte.",
            reason_code="too_large",
            http_status=413,
            size=len(content),
            limit=max_bytes,
        )
    if not content.startswith(MAGIC[media_type]):
        raise Refused(
            "Tệp đính kèm của thành phần '{name}' không phải tệp {kind} hợp lệ.",
            reason_code="bad_attachment",
            http_status=422,
            name=name,
            kind=KIND_NAMES[media_type],
        )
    return content, media_type


def read_submission_file(path: Path) -> dict[str, Any]:
    """The JSON of ``path`` with each ``{"file": …}`` attachment read (relative to the JSON's
    folder) and turned into base64 ``data``."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        raise Refused(
            "Không đọc được tệp {path}.", reason_code="bad_file", path=str(path)
        ) from None
    except json.JSONDecodeError as error:
        raise Refused(
            "Tệp {path} không phải JSON hợp lệ (dòng {line}); không có gì được ghi.",
            reason_code="bad_submission",
            path=str(path),
            line=error.lineno,
        ) from None
    if not isinstance(document, dict):
        raise Refused(
            "Hồ sơ trực tuyến không hợp lệ (trường {field}); không có gì được ghi. Sửa trường "
            "này rồi gửi lại.",
            reason_code="bad_submission",
            field="body",
        )
    for component in document.get("components") or []:
        attachment = component.get("attachment") if isinstance(component, dict) else None
        if isinstance(attachment, dict) and "file" in attachment:
            _inline(path.parent, attachment)
    return document


def _inline(folder: Path, attachment: dict[str, Any]) -> None:
    target = folder / str(attachment.pop("file"))
    try:
        content = target.read_bytes()
    except OSError:
        raise Refused(
            "Không đọc được tệp {path}.", reason_code="bad_file", path=str(target)
        ) from None
    attachment["data"] = base64.b64encode(content).decode("ascii")
    attachment.setdefault("media_type", SUFFIX_TYPES.get(target.suffix.lower(), "application/pdf"))
    attachment.setdefault("file_name", target.name)
