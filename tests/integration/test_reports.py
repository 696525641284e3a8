"""The period report (Biểu 06a shape) and the Sổ theo dõi, over a month built with the clock."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desk.domain.reports import Period
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from desk.services.reports import (
    HEADERS,
    ReportRow,
    report_csv,
    report_json,
    write_report_xlsx,
)
from desk.services.returns import ReturnRequest
from tests.conftest import FakeClock, citizen
from tests.helpers import at

NOVEMBER = Period.parse("2026-11")
COUNTED = (
    "carried_over",
    "received_online",
    "received_direct",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "withdrawn_or_stopped",
    "pending_on_time",
    "pending_late",
)


@dataclass
class Month:
    codes: dict[str, str]


def numbers(row: ReportRow) -> dict[str, int]:
    return {name: getattr(row, name) for name in COUNTED if getattr(row, name)}


def build_month(services: DeskServices, clock: FakeClock, *, until_december: bool) -> Month:
    """Dossiers of three sectors around November 2026 (see each comment for its verdict)."""
    codes: dict[str, str] = {}

    def receive(key: str, when: str, procedure: str, **options: Any) -> None:
        clock.set(when)
        owner = citizen(len(codes) + 1)
        codes[key] = services.intake.receive(ReceiveRequest(procedure, owner, **options)).code

    def ready(key: str, when: str) -> None:
        clock.set(when)
        services.intake.result_ready(codes[key])

    # October: finished in October → not in the November report at all.
    receive("C", "2026-10-20T09:00", "T-SAMEDAY")
    ready("C", "2026-10-20T10:00")
    services.returns.return_result(ReturnRequest(codes["C"]))
    # October, still open on 1/11 → carried over. A: due Mon 02/11 09:00.
    receive("A", "2026-10-28T09:00", "T-3WD")
    # B: T-PAUSE 15 wd, due Thu 19/11 09:00, never finished → pending late.
    receive("B", "2026-10-29T09:00", "T-PAUSE")
    # D: online, due Thu 05/11 09:00, finished 03/11 → early.
    receive("D", "2026-11-02T09:00", "T-3WD", channel="online")
    # A finished at 18:00 on its due date → on time by day, late by instant.
    ready("A", "2026-11-02T18:00")
    ready("D", "2026-11-03T10:00")
    # E: due Tue 10/11 09:00, finished 12/11 → late.
    receive("E", "2026-11-05T09:00", "T-3WD")
    # F: postal (counted with direct), withdrawn → counted apart.
    receive(
        "F",
        "2026-11-09T09:00",
        "T-8WH",
        channel="postal",
        delivery="postal",
        delivery_address="Thôn Thử Nghiệm",
    )
    clock.set("2026-11-10T10:00")
    services.intake.withdraw(codes["F"], reason="Công dân xin rút")
    ready("E", "2026-11-12T10:00")
    clock.set("2026-11-13T08:00")
    services.returns.return_result(ReturnRequest(codes["E"]))
    # G: due Mon 14/12 → pending on time.
    receive("G", "2026-11-20T09:00", "T-PAUSE")
    # H: due Mon 30/11 09:00; finished only in December → still pending for November.
    receive("H", "2026-11-25T09:00", "T-3WD")
    # I: same day, due 26/11 17:00, left open → pending late.
    receive("I", "2026-11-26T09:00", "T-SAMEDAY")
    # Never counted: refused, and received incomplete (the clock never started).
    receive("R", "2026-11-26T10:00", "T-3WD", components=[], allow_incomplete=True)
    clock.set("2026-11-26T11:00")
    services.intake.refuse(codes["R"], reason="Không bổ sung")
    clock.set("2026-11-27T10:00")
    if until_december:
        receive("J", "2026-12-01T09:00", "T-3WD")  # December: not in November
        ready("H", "2026-12-01T10:00")
        clock.set("2026-12-02T10:00")
    return Month(codes)


def test_month_report_after_the_month(services: DeskServices, clock: FakeClock) -> None:
    build_month(services, clock, until_december=True)

    report = services.reports.period_report(NOVEMBER)

    assert report.granularity == "day"
    assert report.generated_at == at("2026-12-02T10:00")
    assert [row.label for row in report.rows] == ["Chứng thực", "Hộ tịch", "Xây dựng"]
    by_label = {row.label: numbers(row) for row in report.rows}
    assert by_label == {
        "Chứng thực": {"received_direct": 1, "pending_late": 1},  # I
        "Hộ tịch": {
            "carried_over": 1,  # A
            "received_online": 1,  # D
            "received_direct": 3,  # E, F, H
            "resolved_early": 1,  # D
            "resolved_on_time": 1,  # A, 18:00 on its due date
            "resolved_late": 1,  # E
            "withdrawn_or_stopped": 1,  # F
            "pending_late": 1,  # H: due 30/11, still open on 1/12
        },
        "Xây dựng": {
            "carried_over": 1,
            "received_direct": 1,
            "pending_late": 1,
            "pending_on_time": 1,
        },
    }
    total = report.total
    assert total.label == "Tổng cộng"
    assert numbers(total) == {
        "carried_over": 2,
        "received_online": 1,
        "received_direct": 5,
        "resolved_early": 1,
        "resolved_on_time": 1,
        "resolved_late": 1,
        "withdrawn_or_stopped": 1,
        "pending_on_time": 1,
        "pending_late": 3,
    }
    assert (total.received_total, total.resolved_total, total.pending_total) == (8, 3, 4)
    assert total.on_time_rate == pytest.approx(66.7)
    for row in [*report.rows, total]:
        assert row.received_total == (
            row.resolved_total + row.withdrawn_or_stopped + row.pending_total
        )


def test_open_period_is_judged_as_of_now(services: DeskServices, clock: FakeClock) -> None:
    build_month(services, clock, until_december=False)  # the clock stays on 27/11 10:00

    report = services.reports.period_report(NOVEMBER)

    rows = {row.label: row for row in report.rows}
    assert (rows["Hộ tịch"].pending_on_time, rows["Hộ tịch"].pending_late) == (1, 0)  # H
    assert (rows["Chứng thực"].pending_on_time, rows["Chứng thực"].pending_late) == (0, 1)  # I
    assert (rows["Xây dựng"].pending_on_time, rows["Xây dựng"].pending_late) == (1, 1)  # G, B
    assert report.total.pending_total == 4


def test_instant_granularity_changes_the_1800_verdict(
    services: DeskServices, clock: FakeClock
) -> None:
    build_month(services, clock, until_december=True)
    services.office.update_rules(timeliness_granularity="instant")

    report = services.reports.period_report(NOVEMBER)

    assert report.granularity == "instant"
    rows = {row.label: row for row in report.rows}
    assert (
        rows["Hộ tịch"].resolved_early,
        rows["Hộ tịch"].resolved_on_time,
        rows["Hộ tịch"].resolved_late,
    ) == (1, 0, 2)
    assert report.total.on_time_rate == pytest.approx(33.3)


def test_group_by_procedure(services: DeskServices, clock: FakeClock) -> None:
    build_month(services, clock, until_december=True)

    report = services.reports.period_report(NOVEMBER, group_by="procedure")

    rows = {row.label: numbers(row) for row in report.rows}
    assert rows["Thủ tục tính theo giờ làm việc"] == {
        "received_direct": 1,
        "withdrawn_or_stopped": 1,
    }
    assert rows["Xác nhận tình trạng hôn nhân"] == {
        "carried_over": 1,
        "received_online": 1,
        "received_direct": 2,
        "resolved_early": 1,
        "resolved_on_time": 1,
        "resolved_late": 1,
        "pending_late": 1,
    }
    assert set(rows) == {
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Chứng thực bản sao từ bản chính",
        "Thủ tục tính theo giờ làm việc",
        "Xác nhận tình trạng hôn nhân",
    }
    assert numbers(report.total) == numbers(services.reports.period_report(NOVEMBER).total)


def test_october_and_quarter_reports(services: DeskServices, clock: FakeClock) -> None:
    build_month(services, clock, until_december=True)

    october = services.reports.period_report(Period.parse("2026-10"))
    assert numbers(october.total) == {
        "received_direct": 3,  # C, A, B
        "resolved_on_time": 1,  # C
        "pending_on_time": 2,  # A (due 02/11) and B (due 19/11), judged on 01/11
    }

    quarter = services.reports.period_report(Period.parse("2026-Q4"))
    assert quarter.total.carried_over == 0
    assert quarter.total.received_total == 10  # all but R (refused, its clock never started)
    assert quarter.total.resolved_total == 5  # C, A, D, E, H


def test_period_edges_are_local_midnights(services: DeskServices, clock: FakeClock) -> None:
    clock.set("2026-11-30T23:30")  # 16:30 UTC on 30/11: November
    late_november = services.intake.receive(ReceiveRequest("T-3WD", citizen(1))).code
    clock.set("2026-12-01T06:00")  # 23:00 UTC on 30/11, but December locally
    early_december = services.intake.receive(ReceiveRequest("T-3WD", citizen(2))).code
    clock.set("2026-12-02T10:00")

    november = services.reports.period_report(NOVEMBER)
    december = services.reports.period_report(Period.parse("2026-12"))

    assert november.total.received_direct == 1
    assert (december.total.carried_over, december.total.received_direct) == (1, 1)
    assert [r.code for r in services.reports.register(NOVEMBER)] == [late_november]
    assert [r.code for r in services.reports.register(Period.parse("2026-12"))] == [early_december]


def test_a_period_closing_on_the_15th_and_two_halves_add_up(
    services: DeskServices, clock: FakeClock
) -> None:
    """An office whose report closes on the 15th: 16/10..15/11 counts what was received in
    those days (both ends included) and carries over what came before; two consecutive
    custom periods count every intake once; the two halves of a year add up to the year."""
    codes: dict[str, str] = {}
    for key, when in (("before", "2026-10-15T16:00"), ("first", "2026-10-16T08:00")):
        clock.set(when)
        codes[key] = services.intake.receive(ReceiveRequest("T-3WD", citizen(len(codes) + 1))).code
    clock.set("2026-11-15T16:30")
    codes["last"] = services.intake.receive(ReceiveRequest("T-3WD", citizen(9))).code
    clock.set("2026-11-16T08:00")
    codes["after"] = services.intake.receive(ReceiveRequest("T-3WD", citizen(10))).code
    clock.set("2026-12-02T10:00")

    cut = Period.parse("2026-10-16..2026-11-15")
    report = services.reports.period_report(cut)
    assert report.total.received_direct == 2  # "first" and "last"
    assert report.total.carried_over == 1  # "before", still open on 16/10
    assert [r.code for r in services.reports.register(cut)] == [codes["first"], codes["last"]]
    earlier = services.reports.period_report(Period.parse("2026-09-16..2026-10-15"))
    later = services.reports.period_report(Period.parse("2026-11-16..2026-12-15"))
    assert (earlier.total.received_direct, later.total.received_direct) == (1, 1)

    year = services.reports.period_report(Period.parse("2026")).total
    halves = [services.reports.period_report(Period.parse(f"2026-H{h}")).total for h in (1, 2)]
    assert year.received_direct == sum(h.received_direct for h in halves) == 4


def test_refused_dossiers_are_counted_with_their_reasons(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    """Biểu 06a leaves refused dossiers out (never received); the report counts them beside
    it, by reason, in the period they were refused (Sơn La 2017 Đ17.2c)."""
    wrong_office = "Thủ tục thuộc thẩm quyền của cơ quan khác"

    def refused(when: str, reason: str, procedure: str = "T-3WD") -> str:
        clock.set(when)
        code = services.intake.receive(
            ReceiveRequest(procedure, citizen(1), components=[], allow_incomplete=True)
        ).code
        clock.advance(hours=1)
        services.intake.refuse(code, reason=reason)
        return code

    refused("2026-10-30T09:00", wrong_office)  # October: not this period
    refused("2026-11-03T09:00", wrong_office)
    refused("2026-11-04T09:00", wrong_office, "T-SAMEDAY")
    refused("2026-11-05T09:00", "Không bổ sung đủ giấy tờ trong thời hạn")
    clock.set("2026-12-02T10:00")

    report = services.reports.period_report(NOVEMBER)
    assert report.refused_total == 3
    by_reason: dict[str, int] = {}
    for line in report.refusals:
        assert line.online == 0 and line.total == line.direct
        by_reason[line.reason] = by_reason.get(line.reason, 0) + line.total
    assert by_reason == {wrong_office: 2, "Không bổ sung đủ giấy tờ trong thời hạn": 1}
    assert report.total.received_total == 0  # Biểu 06a itself is unchanged
    assert services.reports.period_report(Period.parse("2026-10")).refused_total == 1

    refused_json = json.loads(report_json(report))["refused"]
    assert refused_json["total"] == 3
    assert sum(r["total"] for r in refused_json["by_reason"]) == 3
    path = tmp_path / "bao-cao.xlsx"
    write_report_xlsx(report, path)
    workbook = load_workbook(path, read_only=True)
    values = [tuple(r) for r in workbook["Không được tiếp nhận"].iter_rows(values_only=True)]
    workbook.close()  # read-only keeps the file open; left to the GC it warns in a later test
    assert values[0][1] == "Lý do không tiếp nhận" and values[-1] == (
        "Tổng cộng",
        None,
        None,
        None,
        3,
    )
    assert len(values) == len(report.refusals) + 2  # the headings, a line each, the total
    assert {str(v[1]) for v in values[1:-1]} == set(by_reason)


def test_empty_period(services: DeskServices) -> None:
    report = services.reports.period_report(Period.parse("2025-01"))
    assert report.rows == []
    assert numbers(report.total) == {}
    assert report.total.on_time_rate is None


# ------------------------------------------------------------------ exports


def test_csv_has_the_vietnamese_header_and_the_total(
    services: DeskServices, clock: FakeClock
) -> None:
    build_month(services, clock, until_december=True)
    report = services.reports.period_report(NOVEMBER)

    rows = list(csv.reader(io.StringIO(report_csv(report))))

    assert rows[0] == [title for _, title in HEADERS]
    assert rows[0][:3] == ["Lĩnh vực / thủ tục", "Tổng số nhận giải quyết", "Từ kỳ trước"]
    assert "Đang giải quyết quá hạn" in rows[0]
    assert [r[0] for r in rows[1:]] == ["Chứng thực", "Hộ tịch", "Xây dựng", "Tổng cộng"]
    total = dict(zip(rows[0], rows[-1], strict=True))
    assert total["Tổng số nhận giải quyết"] == "8"
    assert total["Quá hạn"] == "1"
    assert total["Tỷ lệ đúng hạn (%)"] == "66.7"
    chung_thuc = dict(zip(rows[0], rows[1], strict=True))
    assert chung_thuc["Tỷ lệ đúng hạn (%)"] == ""  # nothing resolved: no rate


def test_json_parses_with_the_same_numbers(services: DeskServices, clock: FakeClock) -> None:
    build_month(services, clock, until_december=True)
    report = services.reports.period_report(NOVEMBER)

    data = json.loads(report_json(report))

    assert data["period"] == "2026-11"
    assert (data["start"], data["end"]) == ("2026-11-01", "2026-12-01")
    assert data["group_by"] == "sector"
    assert data["granularity"] == "day"
    assert [row["label"] for row in data["rows"]] == ["Chứng thực", "Hộ tịch", "Xây dựng"]
    assert data["total"]["received_total"] == 8
    assert data["total"]["pending_late"] == 3
    assert data["rows"][1]["resolved_on_time"] == 1


def test_xlsx_reads_back_with_the_same_totals(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    build_month(services, clock, until_december=True)
    report = services.reports.period_report(NOVEMBER)
    path = tmp_path / "bao-cao.xlsx"

    write_report_xlsx(report, path)

    workbook = load_workbook(path, read_only=True)
    sheet = workbook["06a"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    assert values[0][0] == "Tình hình, kết quả giải quyết TTHC — kỳ 2026-11"
    assert values[1] == [title for _, title in HEADERS]
    last = dict(zip(values[1], values[-1], strict=True))
    expected = report.total.as_dict()
    assert last["Lĩnh vực / thủ tục"] == "Tổng cộng"
    for key, title in HEADERS[1:]:
        assert last[title] == expected[key], title
    assert len(values) == 2 + len(report.rows) + 1


def test_xlsx_to_an_unwritable_place(services: DeskServices, tmp_path: Path) -> None:
    from desk.errors import InvalidInput

    report = services.reports.period_report(NOVEMBER)
    with pytest.raises(InvalidInput, match="Không ghi được"):
        write_report_xlsx(report, tmp_path / "khong-co" / "bao-cao.xlsx")


# ------------------------------------------------------------------ register


def test_register_lists_the_period_in_register_order(
    services: DeskServices, clock: FakeClock
) -> None:
    month = build_month(services, clock, until_december=True)

    rows = services.reports.register(NOVEMBER)

    assert [r.code for r in rows] == [month.codes[k] for k in "DEFGHIR"]
    assert [r.seq for r in rows] == sorted(r.seq for r in rows)
    assert [r.seq for r in rows] == [4, 5, 6, 7, 8, 9, 10]  # C, A, B took 1–3 in 2026
    assert {r.book for r in rows} == {"2026"}
    e_row = rows[1]
    assert e_row.owner_name == "CÔNG DÂN THỬ NGHIỆM"
    assert e_row.owner_contact == "Thôn Thử Nghiệm, xã Thử Nghiệm, 0912000000"
    assert e_row.received_at == at("2026-11-05T09:00")
    assert e_row.due_at == at("2026-11-10T09:00")
    assert e_row.returned_at == at("2026-11-13T08:00")
    assert rows[2].delivery == "postal"
    assert services.reports.register(Period.parse("2027-01")) == []
