"""Mẫu 01 and the citizen's acceptance message state the fee and the originals to bring at
return, from the catalogue (Sơn La 2017 Đ10.1b, Hà Tĩnh 2016 Đ10.1b, Kon Tum 2018 Đ14.3): a
counter receipt and an online acceptance, through a real server process."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desk.services.container import DeskServices
from desk.services.intake import ComponentInput
from printing.printers import PrinterChoice
from sync.server.context import ServerSettings
from sync.server.tables import ServerNotification
from tests.conftest import SMALL_CATALOG, FakeClock, citizen
from tests.helpers import receive
from tests.sync.conftest import PUBLIC_URL, DeskFactory, LiveServer, serve
from tests.sync.online_helpers import submit

EMAIL = "congdan@motcua.invalid"
DIVORCE = "Giấy tờ chứng minh đã ly hôn"


@pytest.fixture
def server(tmp_path: Path, clock: FakeClock) -> Iterator[LiveServer]:
    settings = ServerSettings(
        db_url=f"sqlite:///{tmp_path / 'server.db'}",
        blob_dir=tmp_path / "server-blobs",
        public_url=PUBLIC_URL,
        clock=clock,
    )
    yield from serve(settings)


@pytest.fixture
def desk(make_desk: DeskFactory, tmp_path: Path) -> DeskServices:
    """The small catalogue with a fee on T-3WD and the divorce paper's original at return."""
    catalogue = json.loads(SMALL_CATALOG.read_text(encoding="utf-8"))
    (marriage,) = [p for p in catalogue["procedures"] if p["code"] == "T-3WD"]
    marriage["cases"][0].update(fee=15000, fee_note="miễn cho hộ nghèo")
    marriage["components"][1]["at_return"] = True
    changed = tmp_path / "catalogue.json"
    changed.write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    services = make_desk("quay-a", "0001-4999")
    services.catalog.import_file(changed)
    return services


def texts(live: LiveServer, kind: str) -> list[str]:
    with live.server.db.read() as session:
        rows = session.scalars(select(ServerNotification).order_by(ServerNotification.id))
        return [row.text for row in rows if row.event_kind == kind]


def test_counter_receipt_states_fee_and_originals_on_mau01_and_in_the_message(
    server: LiveServer, desk: DeskServices, tmp_path: Path
) -> None:
    components = [
        ComponentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", required=True),
        ComponentInput(name=DIVORCE, required=False, certified=1, originals=0),
    ]
    code = receive(desk, owner=citizen(email=EMAIL), components=components).code
    out = tmp_path / "mau01.pdf"
    desk.printing.print_form(code, "mau01", out=out)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    printed = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "7. Phí, lệ phí: 15.000 đồng (miễn cho hộ nghèo)" in printed
    assert f"8. Bản chính mang theo khi nhận kết quả: {DIVORCE}" in printed

    desk.sync.enrol(server.url, server.add_desk("0001-4999"))
    assert desk.sync.sync_once().applied == 1
    (email, sms) = texts(server, "receive")
    assert email == sms
    assert email.endswith(
        f"Phí, lệ phí: 15.000 đồng. Khi nhận kết quả mang theo bản chính: {DIVORCE}."
    )


def test_a_dossier_without_such_papers_says_so(desk: DeskServices, tmp_path: Path) -> None:
    code = receive(desk, procedure="T-8WH").code
    out = tmp_path / "mau01.pdf"
    desk.printing.print_form(code, "mau01", out=out)
    printed = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages).split()
    )
    assert "7. Phí, lệ phí: không thu" in printed
    assert "8. Bản chính mang theo khi nhận kết quả: không" in printed


def test_online_acceptance_message_states_the_fee(
    server: LiveServer, desk: DeskServices, tmp_path: Path
) -> None:
    desk.sync.enrol(server.url, server.add_desk("0001-4999"))
    submitted = submit(server)
    desk.sync.sync_once()
    printed = tmp_path / "printed"
    printed.mkdir()
    desk.printing.set_printer_choice(PrinterChoice(default=f"folder:{printed}"))
    desk.online.accept(submitted.code)
    desk.sync.sync_once()
    accepted = texts(server, "accept")
    assert accepted and all("Phí, lệ phí: 15.000 đồng." in text for text in accepted)
