"""Render the sample forms (Mẫu 01 on A5 and roll; Mẫu 02, 03, 04 and the Giấy biên nhận trả
kết quả) to PDF and PNG for a visual check.

python -m printing.forms.preview OUTDIR
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from desk.domain.timefmt import VN_TZ
from printing.forms import bien_nhan, mau01, mau02, mau03, mau04
from printing.model import (
    ApologyLetter,
    Channel,
    ComponentLine,
    OfficeHeader,
    PersonBlock,
    PrintMeta,
    ReceiptSlip,
    RefusalNotice,
    ReturnReceipt,
    Signer,
    SupplementNotice,
)

PREVIEW_DPI = 110


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


_PERSON = PersonBlock(
    full_name="CÔNG DÂN THỬ NGHIỆM MỘT",
    id_number="001099000001",
    address="Bản Thử Nghiệm, xã Thử Nghiệm, tỉnh Thử Nghiệm",
    phone="0900 000 001",
    email="congdan1@motcua.invalid",
)
_CODE = "000.00.01.H99-261125-0001"
_ISSUED = datetime(2026, 11, 25, 9, 30, tzinfo=VN_TZ)


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


def _png(pdf: bytes, out: Path, stem: str) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        image = document[index].render(scale=PREVIEW_DPI / 72).to_pil()
        image.save(out / f"{stem}-p{index + 1}.png")
    document.close()
    (out / f"{stem}.pdf").write_bytes(pdf)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m printing.forms.preview OUTDIR\n")
        return 2
    import pypdfium2 as pdfium

    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    slip = sample_slip()
    a5 = mau01.render_a5(slip, sample_meta())
    (out / "mau01-a5.pdf").write_bytes(a5)
    document = pdfium.PdfDocument(a5)
    for index in range(len(document)):
        image = document[index].render(scale=PREVIEW_DPI / 72).to_pil()
        image.save(out / f"mau01-a5-p{index + 1}.png")
    document.close()
    (out / "mau01-a5-reprint.pdf").write_bytes(mau01.render_a5(slip, sample_meta(reprint=True)))
    (out / "mau01-thermal.pdf").write_bytes(mau01.render_thermal(slip, sample_meta()))
    mau01.render_thermal_raster(slip, sample_meta(reprint=True)).save(out / "mau01-thermal.png")
    meta = sample_meta()
    _png(mau02.render_a5(sample_supplement(), meta), out, "mau02-a5")
    _png(mau02.render_a5(sample_supplement(table=True), meta), out, "mau02-a5-table")
    _png(mau03.render_a5(sample_refusal(), meta), out, "mau03-a5")
    _png(mau04.render_a5(sample_apology(), sample_meta(reprint=True)), out, "mau04-a5-reprint")
    _png(bien_nhan.render_a5(sample_return(), meta), out, "bien-nhan-a5")
    (out / "bien-nhan-thermal.pdf").write_bytes(bien_nhan.render_thermal(sample_return(), meta))
    raster = bien_nhan.render_thermal_raster(sample_return(), meta)
    raster.save(out / "bien-nhan-thermal.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
