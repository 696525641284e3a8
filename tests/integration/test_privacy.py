"""Personal data (ID numbers, names, addresses, raw QR payloads) never reaches a log record."""

from __future__ import annotations

import logging

import pytest

from desk.domain.citizen_id import parse_cccd_qr
from desk.errors import InvalidInput
from desk.services.container import DeskServices
from desk.services.returns import ReturnRequest
from tests.conftest import citizen
from tests.helpers import receive

NAME = "CÔNG DÂN RIÊNG TƯ"
ID_NUMBER = "001085000777"
ADDRESS = "Thôn Riêng Tư, xã Thử Nghiệm"


def test_a_whole_dossier_life_logs_nothing_personal(
    services: DeskServices, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # everything, including SQLAlchemy's own loggers
    owner = citizen(777, full_name=NAME, address=ADDRESS)
    code = receive(services, "T-SAMEDAY", owner=owner).code
    services.lookup.by_id_number(ID_NUMBER)
    services.lookup.by_name("rieng tu")
    services.intake.result_ready(code)
    services.returns.return_result(ReturnRequest(code))
    with pytest.raises(InvalidInput):
        parse_cccd_qr(f"{ID_NUMBER}||{NAME}|01011985|Nam|{ADDRESS}|31022021")
    logged = "\n".join(f"{r.getMessage()} {r.args!r}" for r in caplog.records)
    for secret in (NAME, ID_NUMBER, ADDRESS):
        assert secret not in logged


def test_people_redact_themselves_in_repr() -> None:
    owner = citizen(777, full_name=NAME, address=ADDRESS)
    assert NAME not in repr(owner) and ID_NUMBER not in repr(owner)
