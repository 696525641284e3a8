"""Processing units (or a province adapter) move dossiers; desks learn of it by pull."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from data.db import Database
from desk.domain.lifecycle import Action
from sync.protocol import AdvanceRequest, AdvanceResponse, Change, ChangeKind
from sync.server.adapters import ProvinceAdapter
from sync.server.blobs import BlobService
from sync.server.dossiers import dossier_for_change, transition
from sync.server.errors import Refused
from sync.server.feed import record_change

ACTIONS = {
    "processing": Action.HAND_OVER,
    "supplement": Action.REQUEST_SUPPLEMENT,
    "result-ready": Action.RESULT_READY,
}


class BackOffice:
    def __init__(
        self,
        db: Database,
        blobs: BlobService,
        adapter: ProvinceAdapter,
        clock: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._blobs = blobs
        self._adapter = adapter
        self._clock = clock

    def advance(self, agency_code: str, code: str, request: AdvanceRequest) -> AdvanceResponse:
        action = ACTIONS[request.to]
        if request.to == "supplement" and not request.note.strip():
            raise Refused(
                "Cần ghi rõ nội dung yêu cầu bổ sung.", reason_code="note_required", http_status=422
            )
        now = self._clock()
        with self._db.write() as session:
            dossier = dossier_for_change(session, agency_code, code=code)
            if request.result_sha256 is not None:
                self._blobs.grant(session, request.result_sha256, agency_code)
                dossier.result_sha256 = request.result_sha256
            transition(
                session,
                dossier,
                action,
                at=now,
                adapter=self._adapter,
                event_payload={"source": "backoffice", "note": request.note},
            )
            change = Change(
                kind=ChangeKind.DOSSIER_STATUS,
                dossier_id=dossier.id,
                dossier_code=dossier.code,
                action=action.value,
                status=dossier.status,
                at=now,
                note=request.note or None,
                result_sha256=request.result_sha256,
            )
            record_change(session, agency_code, change, now)  # last: see sync.server.feed
            return AdvanceResponse(code=dossier.code, status=dossier.status)
