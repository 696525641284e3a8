"""The agency's change feed, read by desks with an opaque cursor, in commit order.

Why a counter row and not a sequence: a PostgreSQL sequence hands out numbers at INSERT
time, not at COMMIT time, so a transaction that took 41 and commits after the one that took
42 would become visible after a desk already read past 42 — and be skipped forever. Here each
change takes its number with ``UPDATE srv_agency SET feed_last = feed_last + 1 … RETURNING``
as the LAST statement of its transaction. The row lock that UPDATE takes is held until
commit, so the next writer of the same agency waits and reads the committed value: numbers
are gap-free and become visible strictly in order, on PostgreSQL and SQLite alike (SQLite
serialises writers anyway). The lock is per agency and held only between the bump and the
commit, so agencies never wait for one another. (The xid8/pg_snapshot alternative avoids the
wait but needs PostgreSQL-only SQL and a second cursor component; back-office moves are few
per agency, so the simple lock is the better trade.)
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.protocol import MAX_SEQ, Change, ChangePage
from sync.server.errors import Refused
from sync.server.tables import ServerAgency, ServerChange

PAGE_SIZE = 200
_CURSOR_PREFIX = "c1:"


def record_change(session: Session, agency_code: str, change: Change, at: datetime) -> int:
    """Append ``change`` to the agency's feed; call it last in the transaction (see above)."""
    seq = session.execute(
        update(ServerAgency)
        .where(ServerAgency.code == agency_code)
        .values(feed_last=ServerAgency.feed_last + 1)
        .returning(ServerAgency.feed_last),
        execution_options={"synchronize_session": False},
    ).scalar_one()
    session.add(
        ServerChange(
            agency_code=agency_code,
            seq=seq,
            kind=change.kind.value,
            body=change.model_dump_json(),
            created_at=at,
        )
    )
    return int(seq)


def read_page(
    session: Session, agency_code: str, cursor: str | None, limit: int = PAGE_SIZE
) -> ChangePage:
    after = decode_cursor(cursor)
    rows = session.scalars(
        select(ServerChange)
        .where(ServerChange.agency_code == agency_code, ServerChange.seq > after)
        .order_by(ServerChange.seq)
        .limit(limit + 1)
    ).all()
    shown = rows[:limit]
    last = shown[-1].seq if shown else after
    return ChangePage(
        changes=[Change.model_validate_json(row.body) for row in shown],
        cursor=encode_cursor(last),
        more=len(rows) > limit,
    )


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        if not text.startswith(_CURSOR_PREFIX):
            raise ValueError(text)
        digits = text.removeprefix(_CURSOR_PREFIX)
        if not digits.isdigit() or len(digits) > 19:
            raise ValueError(digits)
        value = int(digits)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise Refused(
            "Con trỏ đồng bộ không hợp lệ; hãy đồng bộ lại từ đầu.",
            reason_code="bad_cursor",
            http_status=422,
        ) from None
    if not 0 <= value <= MAX_SEQ:
        raise Refused(
            "Con trỏ đồng bộ không hợp lệ; hãy đồng bộ lại từ đầu.",
            reason_code="bad_cursor",
            http_status=422,
        )
    return value
