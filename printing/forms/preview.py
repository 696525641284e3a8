"""Render the sample Mẫu 01 (A5 and 80 mm roll) to PDF and PNG for a visual check.

python -m printing.forms.preview OUTDIR
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from desk.domain.timefmt import VN_TZ
from printing.forms import mau01
from printing.model import (
    Channel,
    ComponentLine,
    OfficeHeader,
    PersonBlock,
    PrintMeta,
    ReceiptSlip,
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
