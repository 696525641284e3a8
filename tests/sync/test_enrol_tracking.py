"""`desk enrol` adopts the server's public tracking address, so slips carry a tracking URL
without a separate --tracking-url (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.services.container import DeskServices
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock
from tests.helpers import receive
from tests.sync.conftest import PUBLIC_URL, LiveServer


@pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)
def test_enrol_adopts_the_servers_tracking_address(
    clocked_server: LiveServer, tmp_path: Path, clock: FakeClock
) -> None:
    desk = DeskServices.open(tmp_path / "desk.db", clock=clock)
    try:
        desk.office.init_office(
            agency_code=AGENCY_CODE, agency_name="Ủy ban nhân dân xã Thử Nghiệm",
            desk_range="0001-4999",
        )  # fmt: skip
        desk.catalog.import_file(SMALL_CATALOG)
        assert receive(desk).tracking_url is None  # before: the QR holds only the code
        answer = desk.sync.enrol(clocked_server.url, clocked_server.add_desk("0001-4999"))
        assert answer["tracking_url"] == PUBLIC_URL
        result = receive(desk)
        assert result.tracking_url is not None
        assert result.tracking_url.startswith(f"{PUBLIC_URL}/t/{result.code}?k=")
    finally:
        desk.close()
