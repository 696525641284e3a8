"""Province integration: the server tells a provincial system about dossiers through an adapter.

DOMAIN §8: desks never talk to the national portal; the provincial system does, with
``DongBoHoSoMC`` (the dossier) and ``CapNhatTienDoHoSoMC`` (a processing step) records. An
adapter is called inside the transaction that changed the dossier, so a record exists exactly
when the change committed; delivering it (LGSP, Bearer token …) is the adapter's own loop.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy.orm import Session

from sync.server.tables import ServerDossier, ServerEvent


class ProvinceAdapter(Protocol):
    def dossier_changed(self, session: Session, dossier: ServerDossier, event: ServerEvent) -> None:
        """Record what the province must learn about ``dossier`` after ``event``.

        Args:
            session: the open transaction of the change; write with it, never commit.
            dossier: the dossier as it is after the change.
            event: the audit event just appended (kind = a lifecycle action).
        Raises:
            Nothing for delivery problems: those are retried by the adapter's sender.
        """
        ...
