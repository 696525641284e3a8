"""Online submissions for the tests: the JSON a province adapter would send, placeholder
people only, and small real PDF bytes as attachments."""

from __future__ import annotations

import base64
from typing import Any

from sqlalchemy import func, select

from sync.protocol import OnlineSubmitted
from sync.server.online_input import parse_submission
from sync.server.tables import ServerBase, ServerBlob, ServerChange, ServerDossier, ServerEvent
from tests.conftest import AGENCY_CODE
from tests.sync.conftest import LiveServer

EMAIL = "congdan@motcua.invalid"
FORM = "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"
DIVORCE = "Giấy tờ chứng minh đã ly hôn"
PDF = b"%PDF-1.4\n% to khai thu nghiem\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def attachment(data: bytes = PDF) -> dict[str, Any]:
    return {"data": base64.b64encode(data).decode("ascii"), "file_name": "to-khai.pdf"}


def submission(*, form_attached: bool = True, **changes: Any) -> dict[str, Any]:
    """Procedure T-3WD of the small catalogue: its required form, with or without the file."""
    document: dict[str, Any] = {
        "agency_code": AGENCY_CODE,
        "procedure": {
            "code": "T-3WD",
            "name": "Xác nhận tình trạng hôn nhân",
            "sector": "Hộ tịch",
            "case": "chung",
        },
        "owner": {
            "full_name": "CÔNG DÂN THỬ NGHIỆM",
            "id_number": "001085000001",
            "date_of_birth": "1985-01-01",
            "sex": "Nam",
            "phone": "0912000000",
            "email": EMAIL,
        },
        "components": [
            {
                "name": FORM,
                "originals": 1,
                **({"attachment": attachment()} if form_attached else {}),
            },
            {"name": DIVORCE, "required": False, "certified": 1},
        ],
    }
    document.update(changes)
    return document


def submit(live: LiveServer, **changes: Any) -> OnlineSubmitted:
    """Submit in-process (the API test goes over HTTP)."""
    return live.server.online.submit(parse_submission(submission(**changes)))


def server_rows(live: LiveServer) -> dict[str, int]:
    tables: list[type[ServerBase]] = [ServerDossier, ServerEvent, ServerBlob, ServerChange]
    with live.server.db.read() as session:
        return {
            table.__tablename__: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in tables
        }


def server_dossier(live: LiveServer, code: str) -> ServerDossier:
    with live.server.db.read() as session:
        return session.scalars(select(ServerDossier).where(ServerDossier.code == code)).one()
