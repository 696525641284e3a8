"""The public tracking page that the slip's QR opens: status and appointment, and the result
signed at the desk when the office lets the page offer it; nothing else.

The code alone is guessable (it is sequential), so the URL token or the typed lookup code is
required; a wrong token, a missing one and an unknown code all get the same "not found".
Guesses are rate-limited per client address (and per dossier code, so that many addresses
cannot share the 30-bit lookup-code space of one dossier). The limits are kept in memory per
worker: with N workers an attacker gets at most N times the rate, still far too slow.
"""

from __future__ import annotations

import hmac

from sqlalchemy import select

from data.db import Database
from desk.domain.codes import looks_like_dossier_code
from desk.domain.lifecycle import Status
from desk.domain.tracking import verify_lookup_code, verify_tracking_token
from sync.protocol import TrackingView
from sync.server.errors import Refused
from sync.server.limits import Limiter
from sync.server.tables import ServerAgency, ServerBlob, ServerDossier


def not_found() -> Refused:
    return Refused(
        "Không tìm thấy hồ sơ. Kiểm tra lại mã hồ sơ và mã tra cứu in trên giấy tiếp nhận.",
        reason_code="not_found",
        http_status=404,
    )


def too_many() -> Refused:
    return Refused(
        "Tra cứu quá nhiều lần. Vui lòng thử lại sau ít phút.",
        reason_code="rate_limited",
        http_status=429,
    )


class Tracker:
    def __init__(self, db: Database, per_client: Limiter, per_code: Limiter) -> None:
        self._db = db
        self._per_client = per_client
        self._per_code = per_code

    def look_up(self, client: str, code: str, token: str) -> TrackingView:
        dossier, signed = self._find(client, code, token)
        return TrackingView(
            code=dossier.code,
            status=dossier.status,
            status_label=Status(dossier.status).label,
            appointment=dossier.due_at,
            signed_result=signed is not None,
        )

    def signed_result(self, client: str, code: str, token: str) -> tuple[str, str]:
        """(agency, SHA-256) of the signed result the tracking page may hand to the holder
        of the slip's token; "not found" when there is none, the office does not allow it,
        or its file has not fully reached the server yet."""
        dossier, signed = self._find(client, code, token)
        if signed is None:
            raise not_found()
        return dossier.agency_code, signed

    def _find(self, client: str, code: str, token: str) -> tuple[ServerDossier, str | None]:
        wanted = code.strip().upper()[:64]
        if not self._per_client.allow(client) or not self._per_code.allow(wanted):
            raise too_many()
        if not looks_like_dossier_code(wanted):  # nothing to look up (and no NUL for the DB)
            raise not_found()
        with self._db.read() as session:
            dossier = session.scalars(
                select(ServerDossier).where(ServerDossier.code == wanted)
            ).first()
            agency = session.get(ServerAgency, dossier.agency_code) if dossier else None
            if dossier is None or agency is None or not _token_ok(dossier, agency, token):
                raise not_found()
            sha256 = dossier.signed_result_sha256 if dossier.signed_result_public else None
            blob = session.get(ServerBlob, sha256) if sha256 else None
            return dossier, sha256 if blob is not None and blob.complete else None


def _token_ok(dossier: ServerDossier, agency: ServerAgency, token: str) -> bool:
    """The agency's secret (adopted by desks at enrolment), or the token printed before the
    desk enrolled, which the dossier's snapshot carried."""
    secret = agency.tracking_secret
    return (
        verify_tracking_token(secret, dossier.code, token)
        or verify_lookup_code(secret, dossier.code, token)
        or _same(dossier.tracking_token, token.strip().lower())
        or _same(dossier.lookup_code, token.strip().upper())
    )


def _same(stored: str, given: str) -> bool:
    return bool(stored) and hmac.compare_digest(stored.encode(), given.encode())
