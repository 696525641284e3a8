"""The reference adapter: DongBoHoSoMC / CapNhatTienDoHoSoMC-shaped rows in an outbox table.

A real province integration reads ``srv_province_record`` (unsent rows, oldest first), posts
``{"service": …, "isUpdating": …, "data": [body]}`` to the provincial API and stamps
``sent_at``; or replaces this class. Field names and codes follow DOMAIN §8.3/§8.4; dates are
``yyyyMMddHHmmss`` in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from desk.domain.lifecycle import canonical_json
from desk.domain.timefmt import to_local
from sync.server.tables import ProvinceRecord, ServerDossier, ServerEvent

CHANNEL_CODES = {"direct": 1, "online": 2, "postal": 3}
OWNER_KIND_CODES = {"person": 1, "organisation": 4}
RETURN_METHOD = {"desk": 0, "postal": 1}


def portal_time(instant: datetime | None) -> str | None:
    return None if instant is None else to_local(instant).strftime("%Y%m%d%H%M%S")


def dossier_record(dossier: ServerDossier) -> dict[str, Any]:
    snapshot: dict[str, Any] = json.loads(dossier.snapshot)
    id_number = snapshot.get("owner_id_number")
    return {
        "MaHoSo": dossier.code,
        "MaTTHC": snapshot.get("procedure_code"),
        "TenTTHC": snapshot.get("procedure_name"),
        "TenLinhVuc": snapshot.get("sector"),
        "KenhThucHien": CHANNEL_CODES.get(str(snapshot.get("channel")), 1),
        "ChuHoSo": snapshot.get("owner_name"),
        "LoaiDoiTuong": OWNER_KIND_CODES.get(str(snapshot.get("owner_kind")), 4),
        "SoGiayToChuHoSo": id_number,
        "SoDienThoai": snapshot.get("owner_phone"),
        "Email": snapshot.get("owner_email"),
        "TrichYeuHoSo": str(snapshot.get("summary") or "")[:1000],
        "NgayTiepNhan": portal_time(dossier.received_at),
        "NgayHenTra": portal_time(dossier.due_at),
        "NgayKetThucXuLy": portal_time(dossier.finished_at),
        "TrangThaiHoSo": dossier.status,
        "HinhThuc": RETURN_METHOD.get(str(snapshot.get("delivery")), 0),
        "DinhDanhCHS": (
            [{"LoaiDinhDanh": 1 if len(str(id_number)) == 12 else 2, "SoDinhDanh": id_number}]
            if id_number
            else []
        ),
    }


def progress_record(dossier: ServerDossier, event: ServerEvent) -> dict[str, Any]:
    return {
        "MaHoSo": dossier.code,
        "NguoiXuLy": None,
        "ChucDanh": None,
        "ThoiDiemXuLy": portal_time(event.at),
        "PhongBanXuLy": None,
        "NoiDungXuLy": event.kind,
        "TrangThai": event.to_status,
        "NgayBatDau": portal_time(event.at),
        "NgayKetThucTheoQuyDinh": portal_time(dossier.due_at),
    }


class OutboxProvinceAdapter:
    """Writes one DongBoHoSoMC row per change and a CapNhatTienDoHoSoMC row per step."""

    def dossier_changed(self, session: Session, dossier: ServerDossier, event: ServerEvent) -> None:
        session.add(self._row("DongBoHoSoMC", dossier, dossier_record(dossier), event.at))
        if event.from_status is not None:
            body = progress_record(dossier, event)
            session.add(self._row("CapNhatTienDoHoSoMC", dossier, body, event.at))

    @staticmethod
    def _row(
        service: str, dossier: ServerDossier, body: dict[str, Any], at: datetime
    ) -> ProvinceRecord:
        return ProvinceRecord(
            service=service, dossier_code=dossier.code, body=canonical_json(body), created_at=at
        )
