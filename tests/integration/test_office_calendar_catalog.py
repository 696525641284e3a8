"""Office set-up and rules, the yearly calendar notice, and the procedure catalogue import."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from data.models import (
    Agency,
    CalendarDay,
    CalendarYear,
    Desk,
    Procedure,
    ProcedureCase,
    ProcedureComponent,
    Setting,
)
from desk.domain.holiday_defaults import default_year_table
from desk.errors import ConfigError, InvalidInput, NotFound
from desk.services.container import DeskServices
from desk.services.intake import ReceiveRequest
from tests.conftest import AGENCY_CODE, SMALL_CATALOG, FakeClock, citizen
from tests.helpers import at, count

AGENCY_NAME = "Ủy ban nhân dân xã Thử Nghiệm"


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# ------------------------------------------------------------------ office


def test_init_office_stores_agency_desk_and_default_rules(bare_services: DeskServices) -> None:
    assert not bare_services.office.is_initialised()

    view = bare_services.office.init_office(
        agency_code=" 000.00.01.h99 ",
        agency_name=f"  {AGENCY_NAME} ",
        desk_range="0001 – 4999",
        phone="0200000000",
    )

    assert bare_services.office.is_initialised()
    assert view.agency_code == AGENCY_CODE
    assert view.agency_name == AGENCY_NAME
    assert view.unit_name == "Trung tâm Phục vụ hành chính công xã Thử Nghiệm"
    assert view.place_name == "Thử Nghiệm"
    assert view.desk_name == "Quầy 1"
    assert (view.desk_range.start, view.desk_range.end) == (1, 4999)
    assert view.tracking_base_url is None
    assert bare_services.office.office() == view
    assert count(bare_services, Agency) == 1
    assert count(bare_services, Desk) == 1
    rules = bare_services.office.rules()
    assert rules.sessions == [(time(7), time(11, 30)), (time(13, 30), time(17))]
    assert rules.same_day_cutoff == time(15)
    assert rules.max_extensions == 1
    assert rules.timeliness_granularity == "day"


def test_init_office_twice_is_a_config_error(services: DeskServices) -> None:
    with pytest.raises(ConfigError, match="đã được khởi tạo"):
        services.office.init_office(
            agency_code="000.00.02.H99", agency_name="Ủy ban nhân dân xã Khác", desk_range="1-9"
        )
    assert count(services, Agency) == 1
    assert services.office.office().agency_code == AGENCY_CODE


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"agency_code": "00.00.01.H99"}, "Mã định danh cơ quan không đúng dạng"),
        ({"agency_code": ""}, "Chưa nhập mã định danh"),
        ({"agency_name": "  "}, "Tên cơ quan"),
        ({"desk_range": "0005-0001"}, "lớn hơn số cuối"),
        ({"desk_range": "0000-0010"}, "Số đầu"),
        ({"desk_range": "1-10000"}, "không đúng dạng"),
        ({"desk_range": "abc"}, "không đúng dạng"),
    ],
)
def test_init_office_rejects_bad_input_and_writes_nothing(
    bare_services: DeskServices, options: dict[str, str], message: str
) -> None:
    values = {"agency_code": AGENCY_CODE, "agency_name": AGENCY_NAME, "desk_range": "0001-4999"}
    with pytest.raises(InvalidInput, match=message):
        bare_services.office.init_office(**(values | options))
    assert count(bare_services, Agency) == 0
    assert count(bare_services, Desk) == 0
    assert count(bare_services, Setting) == 0
    assert not bare_services.office.is_initialised()


def test_office_before_init_points_to_desk_init(bare_services: DeskServices) -> None:
    with pytest.raises(ConfigError) as raised:
        bare_services.office.office()
    assert "`desk init`" in str(raised.value)


def test_letter_first_agency_code_is_accepted(bare_services: DeskServices) -> None:
    view = bare_services.office.init_office(
        agency_code="g09.016.06", agency_name="Cơ quan thử nghiệm", desk_range="0001-0100"
    )
    assert view.agency_code == "G09.016.06"
    assert view.unit_name == "Bộ phận Một cửa"
    assert view.place_name == "Cơ quan thử nghiệm"


# ------------------------------------------------------------------ rules


def test_update_rules_persists(services: DeskServices) -> None:
    rules = services.office.update_rules(
        sessions=[("07:30", "11:30"), ("13:00", "16:30")], same_day_cutoff="16:00"
    )
    assert rules.sessions == [(time(7, 30), time(11, 30)), (time(13), time(16, 30))]
    assert services.office.rules() == rules
    assert services.office.rules().max_extensions == 1  # untouched


def test_new_sessions_change_due_computation(services: DeskServices, clock: FakeClock) -> None:
    services.office.update_rules(sessions=[("08:00", "12:00"), ("13:00", "17:00")])
    result = services.intake.receive(ReceiveRequest("T-8WH", citizen()))
    # Wed 09:00–12:00, 13:00–17:00 = 7 h, then Thu 08:00 + 1 h
    assert result.due_at == at("2026-11-26T09:00")


def test_same_day_cutoff_default_applies_to_procedures_without_their_own(
    services: DeskServices, tmp_path: Path, clock: FakeClock
) -> None:
    catalog = json.loads(SMALL_CATALOG.read_text(encoding="utf-8"))
    del catalog["procedures"][0]["cases"][0]["cutoff"]
    services.catalog.import_file(write_json(tmp_path / "catalog.json", catalog))
    services.office.update_rules(same_day_cutoff="16:00")
    clock.set("2026-11-25T15:30")
    result = services.intake.receive(ReceiveRequest("T-SAMEDAY", citizen()))
    assert result.due_at == at("2026-11-25T17:00")


@pytest.mark.parametrize(
    "changes",
    [
        {"sessions": [("11:30", "07:00")]},
        {"sessions": [("07:00", "11:30"), ("11:00", "17:00")]},
        {"sessions": []},
        {"sessions": "sáng"},
        {"max_extensions": -1},
        {"timeliness_granularity": "month"},
        {"lockout_attempts": 0},
        {"unknown_rule": 1},
    ],
)
def test_update_rules_rejects(services: DeskServices, changes: dict[str, Any]) -> None:
    before = services.office.rules()
    with pytest.raises(InvalidInput, match="Cấu hình không hợp lệ"):
        services.office.update_rules(**changes)
    assert services.office.rules() == before


# ------------------------------------------------------------------ calendar notice


def notice(
    year: int = 2026, *, extra_holidays: tuple[date, ...] = (), **changes: Any
) -> dict[str, Any]:
    """The default list of ``year`` as an official notice, plus ``extra_holidays``."""
    table = default_year_table(year)
    data: dict[str, Any] = {
        "year": year,
        "source": "Thông báo thử nghiệm",
        "holidays": sorted(d.isoformat() for d in {*table.holidays, *extra_holidays}),
        "working_days": sorted(d.isoformat() for d in table.workdays),
    }
    data.update(changes)
    return data


def official_days(services: DeskServices) -> list[tuple[str, str]]:
    with services.context.db.read() as session:
        rows = session.exec(select(CalendarDay).order_by(col(CalendarDay.day))).all()
        return [(row.day.isoformat(), row.kind) for row in rows]


def test_import_notice_replaces_the_year_and_changes_due(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    before_import = services.intake.receive(ReceiveRequest("T-3WD", citizen()))
    assert before_import.due_at == at("2026-11-30T09:00")
    assert services.calendar.show_year(2026).official is False

    view = services.calendar.import_notice(
        write_json(tmp_path / "2026.json", notice(extra_holidays=(date(2026, 11, 26),)))
    )

    assert view.official is True
    assert date(2026, 11, 26) in view.table.holidays
    assert view.table.source == "Thông báo thử nghiệm"
    assert ("2026-11-26", "holiday") in official_days(services)
    with services.context.db.read() as session:
        year_row = session.exec(select(CalendarYear)).one()
    assert (year_row.year, year_row.imported_at) == (2026, clock.now)
    after_import = services.intake.receive(ReceiveRequest("T-3WD", citizen()))
    assert after_import.due_at == at("2026-12-01T09:00")  # one working day later
    with services.context.db.read() as session:
        from data.models import Dossier

        versions = [d.calendar_version for d in session.exec(select(Dossier)).all()]
        earlier = session.exec(select(Dossier).where(col(Dossier.code) == before_import.code)).one()
    assert versions[0] != versions[1]
    assert earlier.due_at == at("2026-11-30T09:00")  # stored appointments do not move

    # Re-import replaces the list, it does not add to it.
    services.calendar.import_notice(write_json(tmp_path / "2026b.json", notice()))
    assert ("2026-11-26", "holiday") not in official_days(services)
    assert count(services, CalendarYear) == 1
    assert count(services, CalendarDay) == len(notice()["holidays"]) + len(notice()["working_days"])
    again = services.intake.receive(ReceiveRequest("T-3WD", citizen()))
    assert again.due_at == at("2026-11-30T09:00")


def test_a_notice_can_turn_a_saturday_into_a_working_day(
    services: DeskServices, clock: FakeClock, tmp_path: Path
) -> None:
    services.calendar.import_notice(
        write_json(
            tmp_path / "2026.json",
            notice(working_days=["2026-11-28"]),
        )
    )
    calendar = services.calendar.working_calendar()
    assert calendar.is_working_day(date(2026, 11, 28))
    result = services.intake.receive(ReceiveRequest("T-3WD", citizen()))
    assert result.due_at == at("2026-11-28T09:00")


def test_a_notice_that_drops_a_default_holiday_makes_it_a_working_day(
    services: DeskServices, tmp_path: Path
) -> None:
    data = notice()
    data["holidays"].remove("2026-11-24")
    services.calendar.import_notice(write_json(tmp_path / "2026.json", data))
    assert services.calendar.working_calendar().is_working_day(date(2026, 11, 24))
    assert services.calendar.show_year(2026).official is True


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{ không phải json", "không phải JSON"),
        (
            json.dumps(notice(extra_holidays=(date(2027, 1, 4),))),
            "ngày 2027-01-04 không thuộc năm 2026",
        ),
        (
            json.dumps(notice(extra_holidays=(date(2026, 12, 26),), working_days=["2026-12-26"])),
            "ngày 2026-12-26 vừa là ngày nghỉ vừa là ngày làm bù",
        ),
        (json.dumps({"year": 2026, "holidays": []}), "source): thiếu trường bắt buộc"),
        (json.dumps({"year": 2026, "source": "x"}), "holidays"),
        (json.dumps(notice(holidays=["2026-02-30"])), "holidays"),
        (json.dumps(notice(note="thêm")), "note): có trường không được phép"),
        (json.dumps(notice(year=1999)), "year"),
    ],
)
def test_bad_notice_is_refused_and_the_previous_list_is_kept(
    services: DeskServices, tmp_path: Path, content: str, message: str
) -> None:
    services.calendar.import_notice(
        write_json(tmp_path / "good.json", notice(extra_holidays=(date(2026, 11, 26),)))
    )
    days_before = official_days(services)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")

    with pytest.raises(InvalidInput) as raised:
        services.calendar.import_notice(bad)

    assert message in str(raised.value)
    assert official_days(services) == days_before
    assert date(2026, 11, 26) in services.calendar.show_year(2026).table.holidays


def test_missing_notice_file(services: DeskServices, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="Không tìm thấy tệp"):
        services.calendar.import_notice(tmp_path / "khong-co.json")


def test_show_year_official_versus_default(services: DeskServices, tmp_path: Path) -> None:
    default = services.calendar.show_year(2027)
    assert default.official is False
    assert default.table == default_year_table(2027)
    assert default.table.source.startswith("holidays")
    assert date(2027, 1, 1) in default.table.holidays

    services.calendar.import_notice(
        write_json(tmp_path / "2027.json", notice(2027, holidays=["2027-01-01"], working_days=[]))
    )
    official = services.calendar.show_year(2027)
    assert official.official is True
    assert official.table.holidays == frozenset({date(2027, 1, 1)})
    assert official.table.workdays == frozenset()
    assert services.calendar.show_year(2026).official is False


# ------------------------------------------------------------------ catalogue


def catalog_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SMALL_CATALOG.read_text(encoding="utf-8"))
    return data


def new_procedure(code: str, **changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "code": code,
        "name": "Thủ tục mới thử nghiệm",
        "sector": "Thử nghiệm",
        "components": [{"name": "Đơn", "originals": 1}],
        "cases": [{"duration": 5, "unit": "wd"}],
        "source": "Dữ liệu kiểm thử",
    }
    entry.update(changes)
    return entry


def catalog_rows(services: DeskServices) -> tuple[int, int, int, list[str]]:
    with services.context.db.read() as session:
        names = [p.name for p in session.exec(select(Procedure).order_by(col(Procedure.code)))]
    return (
        count(services, Procedure),
        count(services, ProcedureCase),
        count(services, ProcedureComponent),
        names,
    )


def test_small_catalog_is_loaded(services: DeskServices) -> None:
    codes = sorted(p.code for p in services.catalog.procedures())
    assert codes == ["T-3WD", "T-8WH", "T-PAUSE", "T-PAUSE-CD", "T-SAMEDAY"]
    view = services.catalog.get("T-3WD")
    assert [c.key for c in view.cases] == ["chung", "xac-minh"]
    assert [c.required for c in view.components] == [True, False]
    assert services.catalog.get("T-PAUSE").supplement_mode == "pause"
    assert services.catalog.get("T-SAMEDAY").cases[0].cutoff == time(15)
    assert [p.code for p in services.catalog.procedures(sector="Hộ tịch")] == ["T-8WH", "T-3WD"]


def test_get_unknown_procedure(services: DeskServices) -> None:
    with pytest.raises(NotFound, match="T-KHONG"):
        services.catalog.get("T-KHONG")


def test_catalog_import_adds_and_reports(bare_services: DeskServices) -> None:
    summary = bare_services.catalog.import_file(SMALL_CATALOG)
    assert (summary.version, summary.added, summary.updated) == ("test-1", 5, 0)
    assert catalog_rows(bare_services)[:3] == (5, 6, 7)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["procedures"].extend(
                [new_procedure("T-NEW"), new_procedure("T-BAD", name="")]
            ),
            "T-BAD",
        ),
        (
            lambda d: d["procedures"].extend([new_procedure("T-NEW"), new_procedure("T-NEW")]),
            "mã thủ tục T-NEW bị trùng",
        ),
        (
            lambda d: d["procedures"].append(
                new_procedure("T-SAME5", cases=[{"duration": 5, "unit": "same_day"}])
            ),
            "T-SAME5",
        ),
        (
            lambda d: d["procedures"].append(
                new_procedure("T-ZERO", cases=[{"duration": 0, "unit": "wd"}])
            ),
            "T-ZERO",
        ),
        (
            lambda d: d["procedures"].append(
                new_procedure("T-CUT", cases=[{"duration": 3, "unit": "wd", "cutoff": "15:00"}])
            ),
            "T-CUT",
        ),
        (lambda d: d["procedures"].append(new_procedure("T-NOCOMP", components=[])), "T-NOCOMP"),
        (
            lambda d: d["procedures"].append(
                new_procedure("T-KEYS", cases=[{"duration": 1, "unit": "wd"}] * 2)
            ),
            "T-KEYS",
        ),
        (lambda d: d["procedures"].append(new_procedure("T-MODE", supplement_mode="x")), "T-MODE"),
        (lambda d: d.pop("version"), "version"),
    ],
)
def test_bad_catalog_names_the_entry_and_writes_nothing(
    services: DeskServices, tmp_path: Path, mutate: Any, message: str
) -> None:
    data = catalog_data()
    data["procedures"][1]["name"] = "Tên đã sửa nhưng không được ghi"
    mutate(data)
    before = catalog_rows(services)

    with pytest.raises(InvalidInput) as raised:
        services.catalog.import_file(write_json(tmp_path / "bad.json", data))

    assert message in str(raised.value)
    assert "chưa ghi gì" in str(raised.value)
    assert catalog_rows(services) == before
    assert "Tên đã sửa nhưng không được ghi" not in before[3]


def test_catalog_file_that_is_not_json(services: DeskServices, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[không phải json", encoding="utf-8")
    before = catalog_rows(services)
    with pytest.raises(InvalidInput, match="không phải JSON"):
        services.catalog.import_file(bad)
    with pytest.raises(InvalidInput, match="Không tìm thấy tệp"):
        services.catalog.import_file(tmp_path / "khong-co.json")
    assert catalog_rows(services) == before


def test_reimport_updates_without_duplicates(services: DeskServices, tmp_path: Path) -> None:
    code = services.intake.receive(ReceiveRequest("T-3WD", citizen())).code
    data = catalog_data()
    data["version"] = "test-2"
    data["procedures"][1]["name"] = "Xác nhận tình trạng hôn nhân (sửa đổi)"
    data["procedures"][1]["cases"] = [{"key": "chung", "duration": 5, "unit": "wd"}]
    data["procedures"].append(new_procedure("T-NEW"))

    summary = services.catalog.import_file(write_json(tmp_path / "v2.json", data))

    assert (summary.version, summary.added, summary.updated) == ("test-2", 1, 5)
    assert count(services, Procedure) == 6
    view = services.catalog.get("T-3WD")
    assert view.name == "Xác nhận tình trạng hôn nhân (sửa đổi)"
    assert [(c.key, c.duration) for c in view.cases] == [("chung", 5)]
    with services.context.db.read() as session:
        row = session.exec(select(Procedure).where(col(Procedure.code) == "T-3WD")).one()
        cases = session.exec(
            select(ProcedureCase).where(col(ProcedureCase.procedure_id) == row.id)
        ).all()
    assert row.catalog_version == "test-2"
    assert row.name_search == "xac nhan tinh trang hon nhan (sua doi)"
    assert len(cases) == 1
    # the dossier keeps the name printed on its slip
    assert services.lookup.by_code(code).summary.procedure_name == "Xác nhận tình trạng hôn nhân"
    # the next intake uses the new duration: 5 wd from Wed 25/11 09:00
    result = services.intake.receive(ReceiveRequest("T-3WD", citizen()))
    assert result.due_at == at("2026-12-02T09:00")

    services.catalog.import_file(write_json(tmp_path / "v2-again.json", data))
    assert count(services, Procedure) == 6
    assert count(services, ProcedureCase) == 6  # T-3WD went from 2 cases to 1, T-NEW has 1
    assert count(services, ProcedureComponent) == 8


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("T-3", ["T-3WD"]),
        ("T-3WD", ["T-3WD"]),
        ("xac nhan tinh trang", ["T-3WD"]),
        ("XÁC NHẬN", ["T-3WD"]),
        ("chung thuc ban sao", ["T-SAMEDAY"]),
        ("giay phep xay dung", ["T-PAUSE"]),
        ("khong co thu tuc nay", []),
    ],
)
def test_catalog_search(services: DeskServices, query: str, codes: list[str]) -> None:
    assert [p.code for p in services.catalog.search(query)] == codes


def test_catalog_search_by_national_code(services: DeskServices, tmp_path: Path) -> None:
    data = catalog_data()
    data["procedures"][0]["national_code"] = "2.000815.000.00.00.H99"
    services.catalog.import_file(write_json(tmp_path / "national.json", data))
    assert [p.code for p in services.catalog.search("2.000815")] == ["T-SAMEDAY"]
