"""Reference data the server hands to desks by the change feed: the procedures catalogue and
the yearly holiday notice. Each file is checked with the same model the desk imports it with
(desk.domain), then one change per agency is recorded; desks apply it on their next pull."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import select

from data.db import Database
from desk.domain.catalog import CatalogFile
from desk.domain.notice import YearNotice
from desk.domain.validation import describe, dotted, first_problem
from sync.protocol import Change, ChangeKind
from sync.server.errors import Refused
from sync.server.feed import record_change
from sync.server.tables import ServerAgency

KINDS: dict[str, tuple[ChangeKind, type[BaseModel]]] = {
    "catalog": (ChangeKind.CATALOG_PUBLISHED, CatalogFile),
    "calendar": (ChangeKind.CALENDAR_PUBLISHED, YearNotice),
}


def publish(
    db: Database,
    what: str,
    content: Any,
    *,
    agencies: list[str] | None,
    replace: bool,
    clock: Callable[[], datetime],
) -> list[str]:
    """Check ``content`` as a ``what`` file and queue it for ``agencies`` (None: all of them);
    returns the agencies it was queued for. Nothing is recorded when anything is wrong."""
    kind, model = KINDS[what]
    try:
        checked = model.model_validate(content)
    except ValidationError as error:
        problem = first_problem(error)
        raise Refused(
            "Tệp không hợp lệ ({where}): {detail}. Không có gì được gửi.",
            reason_code="bad_input",
            where=dotted(tuple(problem["loc"])) or what,
            detail=describe(problem),
        ) from None
    now = clock()
    with db.write() as session:
        known = list(session.scalars(select(ServerAgency.code).order_by(ServerAgency.code)))
        targets = known if agencies is None else agencies
        unknown = sorted(set(targets) - set(known))
        if unknown:
            raise Refused(
                "Không có cơ quan {agency} trên máy chủ.",
                reason_code="not_found",
                agency=unknown[0],
            )
        for agency in targets:
            change = Change(
                kind=kind,
                dossier_id="",
                dossier_code="",
                action=what,
                status=0,
                at=now,
                note="replace" if replace else None,
                snapshot=checked.model_dump(mode="json"),
            )
            record_change(session, agency, change, now)
    return targets
