"""Synthetic sample data for every form: placeholder people, places and domains only.
Used by the preview renderer and by reviewers; never by the desk itself."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desk.domain.reports import Timeliness
from desk.domain.timefmt import VN_TZ
from printing.model import (
    ApologyLetter,
    Channel,
    ComponentLine,
    ControlSheet,
    HandOff,
    HandOverLine,
    HandOverNote,
    OfficeHeader,
    PeriodReportDoc,
    PersonBlock,
    PrintMeta,
    ReceiptSlip,
    RefusalNotice,
    RegisterBook,
    RegisterLine,
    ReportLine,
    ReturnReceipt,
    Signer,
    StopNotice,
    SupplementNotice,
)

_PERSON = PersonBlock(
    full_name="CÔNG DÂN THỬ NGHIỆM MỘT",
    id_number="001099000001",
    address="Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
    phone="0900 000 001",
    email="congdan1@motcua.invalid",
)
_CODE = "000.00.01.H99-261125-0001"
_ISSUED = datetime(2026, 11, 25, 9, 30, tzinfo=VN_TZ)
_DESK = "Bộ phận Tiếp nhận và Trả kết quả"
_UNIT = "Công chức Tư pháp - Hộ tịch xã Thử Nghiệm"


def sample_slip(*, tracking: bool = True) -> ReceiptSlip:
    """A synthetic slip: placeholder people, a demo office, no real data."""
    office = OfficeHeader(
        parent_name="UBND xã Thử Nghiệm",
        unit_name="Bộ phận Tiếp nhận và Trả kết quả",
        place="Thử Nghiệm",
        phone="0212 3888 999",
        tracking_base_url="https://tracuu.motcua.invalid" if tracking else None,
    )
    return ReceiptSlip(
        office=office,
        dossier_code="000.00.01.H99-261125-0001",
        submitter=PersonBlock(
            full_name="CÔNG DÂN THỬ NGHIỆM MỘT",
            id_number="001099000001",
            address="Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
            phone="0900 000 001",
            email="congdan1@motcua.invalid",
        ),
        owner=PersonBlock(
            full_name="CÔNG DÂN THỬ NGHIỆM HAI",
            id_number="001099000002",
            address="Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
            phone="0900 000 002",
        ),
        authorisation_paper="Giấy ủy quyền số 12/2026 ngày 20/11/2026",
        procedure_name="Đăng ký khai sinh",
        components=(
            ComponentLine("Tờ khai đăng ký khai sinh theo mẫu", originals=1),
            ComponentLine("Giấy chứng sinh", originals=1),
            ComponentLine("Giấy tờ tùy thân của người đi đăng ký", certified=1, photocopies=1),
            ComponentLine("Văn bản ủy quyền có chứng thực", originals=1),
        ),
        duration_text="03 ngày làm việc",
        received_at=datetime(2026, 11, 25, 9, 5, tzinfo=VN_TZ),
        due_at=datetime(2026, 11, 30, 16, 30, tzinfo=VN_TZ),
        channel=Channel.DIRECT,
        result_delivery="Bộ phận Tiếp nhận và Trả kết quả xã Thử Nghiệm",
        lookup_code="7KQ3MZ",
        tracking_token="abcdefghjk",
        receiver="CÁN BỘ THỬ NGHIỆM",
        register_book="05/2026",
        register_number="1234",
        document_number="1234/GTN-BPTNTKQ",
    )


def sample_meta(*, reprint: bool = False) -> PrintMeta:
    first = datetime(2026, 11, 25, 9, 6, tzinfo=VN_TZ)
    if not reprint:
        return PrintMeta(printed_at=first)
    return PrintMeta(printed_at=datetime(2026, 11, 26, 14, 20, tzinfo=VN_TZ), reprint_of=first)


def sample_supplement(*, table: bool = False) -> SupplementNotice:
    """A synthetic Mẫu 02: the numbered list, or the components table with ``table``."""
    components = (
        ComponentLine("Giấy chứng sinh", originals=1),
        ComponentLine("Giấy tờ tùy thân của người đi đăng ký", certified=1),
    )
    return SupplementNotice(
        office=sample_slip().office,
        applicant=_PERSON,
        procedure_name="Đăng ký khai sinh",
        requests=(
            "Bổ sung Giấy chứng sinh (bản chính)",
            "Ghi đầy đủ quê quán của người mẹ tại mục 5 của Tờ khai",
        ),
        components=components if table else (),
        reason="Hồ sơ chưa có Giấy chứng sinh; Tờ khai ghi thiếu thông tin",
        guide="CÁN BỘ THỬ NGHIỆM",
        guide_phone="0212 3888 999",
        issued_at=_ISSUED,
        dossier_code=_CODE,
        number="15",
        issuer_symbol="BPTNTKQ",
    )


def sample_refusal() -> RefusalNotice:
    return RefusalNotice(
        office=sample_slip().office,
        submitter=_PERSON,
        procedure_name="Đăng ký khai sinh",
        reason="Thủ tục thuộc thẩm quyền giải quyết của cơ quan khác (cơ quan thử nghiệm)",
        receiver="CÁN BỘ THỬ NGHIỆM",
        issued_at=_ISSUED,
        dossier_code=_CODE,
        number="07",
        issuer_symbol="BPTNTKQ",
    )


def sample_apology() -> ApologyLetter:
    return ApologyLetter(
        office=OfficeHeader(
            parent_name="UBND tỉnh Thử Nghiệm",
            unit_name="UBND xã Thử Nghiệm",
            place="Thử Nghiệm",
        ),
        applicant=_PERSON,
        dossier_code=_CODE,
        procedure_name="Đăng ký khai sinh",
        received_at=datetime(2026, 11, 25, 9, 5, tzinfo=VN_TZ),
        due_at=datetime(2026, 11, 30, 16, 30, tzinfo=VN_TZ),
        reason="Cần xác minh thông tin nơi sinh với cơ quan thử nghiệm",
        new_date=date(2026, 12, 4),
        signer=Signer(role="Chủ tịch", name="THỦ TRƯỞNG THỬ NGHIỆM"),
        issued_at=datetime(2026, 11, 29, 8, 0, tzinfo=VN_TZ),
        agency_name="UBND xã Thử Nghiệm",
        recipients=("Như trên", "Bộ phận Tiếp nhận và Trả kết quả", "Lưu: VT"),
        number="03",
        issuer_symbol="UBND",
    )


def sample_return(*, authorised: bool = True) -> ReturnReceipt:
    return ReturnReceipt(
        office=sample_slip().office,
        dossier_code=_CODE,
        procedure_name="Đăng ký khai sinh",
        owner=_PERSON,
        returner=PersonBlock(full_name="CÁN BỘ THỬ NGHIỆM", phone="0212 3888 999"),
        recipient=PersonBlock(
            full_name="CÔNG DÂN THỬ NGHIỆM HAI", id_number="001099000002", phone="0900 000 002"
        ),
        result_kind="Giấy khai sinh (bản chính)",
        summary="Giấy khai sinh của CÔNG DÂN THỬ NGHIỆM BA",
        returned_at=datetime(2026, 11, 30, 15, 45, tzinfo=VN_TZ),
        fee=25000,
        result_number="123/2026",
        authorisation_paper="số 12/2026 ngày 20/11/2026" if authorised else "",
    )


def sample_stop() -> StopNotice:
    """A synthetic Mẫu 05: the citizen asked on the portal to stop processing."""
    return StopNotice(
        office=sample_slip().office,
        requester=_PERSON,
        dossier_code=_CODE,
        procedure_name="Đăng ký khai sinh",
        requested_at=datetime(2026, 11, 26, 10, 15, tzinfo=VN_TZ),
        request_channel=Channel.ONLINE,
        status="Đang thẩm định hồ sơ tại cơ quan thử nghiệm, chưa có kết quả giải quyết",
        reason="Người yêu cầu muốn nộp lại hồ sơ với thông tin đầy đủ hơn",
        issuer=Signer(role="Người tiếp nhận hồ sơ", name="CÁN BỘ THỬ NGHIỆM"),
        issued_at=datetime(2026, 11, 26, 10, 40, tzinfo=VN_TZ),
        number="02",
        issuer_symbol="BPTNTKQ",
    )


def sample_control(*, stages: int = 3) -> ControlSheet:
    """A synthetic Mẫu 06; ``stages`` > 3 repeats the unit → desk loop (a long sheet)."""
    hops: list[HandOff] = [
        HandOff(
            _DESK,
            _UNIT,
            datetime(2026, 11, 25, 9, 30, tzinfo=VN_TZ),
            giver="CÁN BỘ THỬ NGHIỆM",
            receiver="CÔNG CHỨC THỬ NGHIỆM",
            timeliness=Timeliness.ON_TIME,
        ),
        HandOff(
            _UNIT,
            "Lãnh đạo UBND xã Thử Nghiệm",
            datetime(2026, 11, 27, 14, 0, tzinfo=VN_TZ),
            giver="CÔNG CHỨC THỬ NGHIỆM",
            receiver="LÃNH ĐẠO THỬ NGHIỆM",
            timeliness=Timeliness.EARLY,
        ),
        HandOff(
            "Lãnh đạo UBND xã Thử Nghiệm",
            _DESK,
            datetime(2026, 11, 30, 8, 15, tzinfo=VN_TZ),
            giver="LÃNH ĐẠO THỬ NGHIỆM",
            receiver="CÁN BỘ THỬ NGHIỆM",
            timeliness=Timeliness.LATE,
            note="Chờ xác minh",
        ),
    ]
    for extra in range(stages - len(hops)):
        hops.append(
            HandOff(
                _UNIT,
                _DESK,
                datetime(2026, 12, 1, 8, extra % 60, tzinfo=VN_TZ),
                timeliness=Timeliness.ON_TIME,
            )
        )
    return ControlSheet(
        office=sample_slip().office,
        owner=_PERSON,
        dossier_code=_CODE,
        processing_unit=_UNIT,
        coordinating_units=("Cơ quan thử nghiệm A", "Cơ quan thử nghiệm B"),
        received_at=datetime(2026, 11, 25, 9, 5, tzinfo=VN_TZ),
        due_at=datetime(2026, 11, 30, 16, 30, tzinfo=VN_TZ),
        hand_offs=tuple(hops[:stages]),
        procedure_name="Đăng ký khai sinh",
        number="21",
        issuer_symbol="BPTNTKQ",
    )


def sample_hand_over(*, count: int = 3) -> HandOverNote:
    """A synthetic Giấy bàn giao hồ sơ with ``count`` dossiers."""
    procedures = ("Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Đăng ký kết hôn")
    lines = tuple(
        HandOverLine(
            dossier_code=f"000.00.01.H99-261125-{i + 1:04d}",
            procedure_name=procedures[i % 3],
            owner=f"CÔNG DÂN THỬ NGHIỆM {i + 1}",
            due_back_at=datetime(2026, 11, 28 + i % 3, 16, 30, tzinfo=VN_TZ),
            sets=1 + i % 2,
        )
        for i in range(count)
    )
    return HandOverNote(
        office=sample_slip().office,
        to_unit=_UNIT,
        lines=lines,
        handed_at=datetime(2026, 11, 25, 15, 0, tzinfo=VN_TZ),
        giver=Signer(role="Cán bộ tiếp nhận", name="CÁN BỘ THỬ NGHIỆM"),
        receiver=Signer(role="Công chức Tư pháp - Hộ tịch", name="CÔNG CHỨC THỬ NGHIỆM"),
        number="05",
        issuer_symbol="BPTNTKQ",
    )


def sample_register(lines: int = 40) -> RegisterBook:
    """A synthetic Sổ theo dõi hồ sơ of ``lines`` lines (placeholder people)."""
    start = datetime(2026, 11, 2, 7, 30, tzinfo=VN_TZ)
    procedures = ("Đăng ký khai sinh", "Chứng thực bản sao từ bản chính giấy tờ, văn bản")
    made: list[RegisterLine] = []
    for seq in range(1, lines + 1):
        received = start + timedelta(minutes=37 * seq)
        made.append(
            RegisterLine(
                seq=seq,
                dossier_code=f"000.00.01.H99-261102-{seq:04d}",
                procedure_name=procedures[seq % 2],
                applicant_name=f"CÔNG DÂN THỬ NGHIỆM {seq}",
                contact=f"Bản Thử Nghiệm, xã Thử Nghiệm; 0900 000 {seq % 1000:03d}",
                processing_agency="UBND xã Thử Nghiệm",
                received_at=received,
                due_at=received + timedelta(days=3),
                returned_at=received + timedelta(days=2) if seq % 3 == 0 else None,
                delivery="Trực tiếp" if seq % 4 else "Qua dịch vụ bưu chính công ích",
            )
        )
    return RegisterBook(
        office=sample_slip().office,
        book_number="05/2026",
        first_day=date(2026, 11, 1),
        last_day=date(2026, 11, 30),
        lines=tuple(made),
        sector="Hộ tịch",
    )


def sample_report(rows: int = 8) -> PeriodReportDoc:
    """A synthetic period report (Biểu 06a shape) with ``rows`` sectors."""
    lines = tuple(
        ReportLine(
            label=f"Lĩnh vực thử nghiệm {i}",
            carried_over=i,
            received_online=10 * i,
            received_direct=3 * i,
            resolved_early=2 * i,
            resolved_on_time=5 * i,
            resolved_late=i % 3,
            pending_on_time=i,
            pending_late=i % 2,
        )
        for i in range(1, rows + 1)
    )
    return PeriodReportDoc(
        office=sample_slip().office,
        unit_label="UBND xã Thử Nghiệm",
        period_label="Tháng 11 năm 2026",
        first_day=date(2026, 11, 1),
        last_day=date(2026, 11, 30),
        lines=lines,
        issued_at=datetime(2026, 12, 1, 9, 0, tzinfo=VN_TZ),
        preparer="CÁN BỘ THỬ NGHIỆM",
        head="THỦ TRƯỞNG THỬ NGHIỆM",
    )
