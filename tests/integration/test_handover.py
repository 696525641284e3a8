"""The hand-over deadline is an office rule counted on the working calendar; several dossiers
are handed over in one transaction (all or none) and listed on one Giấy bàn giao hồ sơ."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from desk.domain.lifecycle import Status
from desk.errors import NotFound
from desk.services.container import DeskServices
from printing.printers import PrinterChoice
from tests.conftest import FakeClock, citizen
from tests.helpers import at, receive


def test_one_working_day_by_default_and_half_a_day_when_the_office_says_so(
    services: DeskServices, clock: FakeClock
) -> None:
    clock.set("2026-11-25 09:00")  # a Wednesday
    code = receive(services).code
    (item,) = services.handover.waiting()
    assert item.code == code
    assert item.hand_over_by == at("2026-11-26 09:00")  # 8 working hours (Sơn La 2017)
    services.office.update_rules(hand_over_working_hours=4)  # Hà Tĩnh 2016, Kon Tum 2018
    (item,) = services.handover.waiting()
    assert item.hand_over_by == at("2026-11-25 15:00")  # across the lunch break
    clock.set("2026-11-25 16:00")
    (item,) = services.handover.waiting()
    assert item.overdue and item.working_time_left.total_seconds() == -3600
    assert (services.handover.counts().waiting, services.handover.counts().overdue) == (1, 1)


def test_a_friday_afternoon_dossier_is_due_for_hand_over_on_monday(
    services: DeskServices, clock: FakeClock
) -> None:
    clock.set("2026-11-27 16:00")  # Friday; Saturday and Sunday do not count
    receive(services)
    (item,) = services.handover.waiting()
    assert item.hand_over_by == at("2026-11-30 16:00")  # 1 h on Friday, 7 h on Monday


def test_several_dossiers_handed_over_at_once_or_none(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    first = receive(services, owner=citizen(1)).code
    second = receive(services, owner=citizen(2)).code
    with pytest.raises(NotFound):
        services.handover.hand_over([first, "000.00.01.H99-261125-9999"], unit="Phòng Tư pháp")
    assert services.lookup.by_code(first).summary.status is Status.RECEIVED  # none moved
    done = services.handover.hand_over([first, second], unit="Phòng Tư pháp")
    assert done == [first, second]
    assert services.handover.waiting() == []
    for code in done:
        detail = services.lookup.by_code(code)
        assert detail.summary.status is Status.PROCESSING
        assert detail.events[-1].payload["unit"] == "Phòng Tư pháp"

    folder = tmp_path / "printed"
    folder.mkdir()
    services.printing.set_printer_choice(PrinterChoice(default=f"folder:{folder}"))
    job = services.printing.print_hand_over(done)
    assert job.form == "ban-giao" and "(2 hồ sơ)" in job.title
    (pdf,) = folder.glob("*.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert first in text and second in text and "Phòng Tư pháp" in text
