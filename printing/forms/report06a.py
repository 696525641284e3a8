"""The period report in the shape of Biểu 06a/VPCP/KSTT (DOMAIN.md §6.1), on A4 landscape.

"TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI …", the period, then the grouped
columns: Số hồ sơ nhận giải quyết (Tổng số | Từ kỳ trước | Trực tuyến | Trực tiếp, dịch vụ bưu
chính), Số hồ sơ đã giải quyết (Tổng số | Trước hạn | Đúng hạn | Quá hạn), Số hồ sơ đang giải
quyết (Tổng số | Trong hạn | Quá hạn), and the on-time rate; one row per sector or procedure
(07a's rows), a bold total row, the overall rate, and NGƯỜI LẬP BIỂU | THỦ TRƯỞNG ĐƠN VỊ.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from printing.forms import Margins, build_pdf
from printing.forms.tables import Column, count, percent, ruled_table
from printing.layout import (
    Styles,
    esc,
    make_styles,
    national_header,
    place_date,
    signature_row,
    title,
)
from printing.model import PeriodReportDoc, ReportLine

TITLE = "Tình hình, kết quả giải quyết thủ tục hành chính tại"
FORM = "Biểu số 06a/VPCP/KSTT"
PAGE = landscape(A4)
MARGINS = Margins(left=20 * mm, right=15 * mm, top=12 * mm, bottom=12 * mm)
WIDTH = PAGE[0] - MARGINS.left - MARGINS.right
TABLE_SIZE = 8.5
_RECEIVED = "Số hồ sơ nhận giải quyết"
_RESOLVED = "Số hồ sơ đã giải quyết"
_PENDING = "Số hồ sơ đang giải quyết"
_NUM = 15 * mm
_RATE = 20 * mm
_STT = 10 * mm


def columns(group_label: str) -> tuple[Column, ...]:
    label = WIDTH - _STT - 11 * _NUM - _RATE
    return (
        Column("STT", _STT),
        Column(group_label, label, "left", wrap=True),
        Column("Tổng số", _NUM, "right", group=_RECEIVED),
        Column("Từ kỳ trước", _NUM, "right", group=_RECEIVED),
        Column("Trực tuyến", _NUM, "right", group=_RECEIVED),
        Column("Trực tiếp, dịch vụ bưu chính", _NUM, "right", group=_RECEIVED),
        Column("Tổng số", _NUM, "right", group=_RESOLVED),
        Column("Trước hạn", _NUM, "right", group=_RESOLVED),
        Column("Đúng hạn", _NUM, "right", group=_RESOLVED),
        Column("Quá hạn", _NUM, "right", group=_RESOLVED),
        Column("Tổng số", _NUM, "right", group=_PENDING),
        Column("Trong hạn", _NUM, "right", group=_PENDING),
        Column("Quá hạn", _NUM, "right", group=_PENDING),
        Column("Tỷ lệ đúng hạn (%)", _RATE, "right"),
    )


def render_a4(doc: PeriodReportDoc) -> bytes:
    """The report's PDF on A4 landscape (the header rows repeat if the rows run on)."""
    st = make_styles(11)
    rows = [_row(str(i), line) for i, line in enumerate(doc.lines, start=1)]
    total = doc.total
    rows.append(_row("", total))
    story: list[Flowable] = [
        Paragraph(f"<i>{esc(FORM)}</i>", st.small),
        national_header(doc.office.parent_name, doc.office.unit_name, "", WIDTH * 0.8, st),
        Spacer(1, 8),
        title(f"{TITLE} {doc.unit_label}", st, WIDTH * 0.8),
        Spacer(1, 3),
        Paragraph(f"Kỳ báo cáo: {esc(doc.period_label)}", st.centre),
        *_days_line(doc, st),
        Spacer(1, 8),
        ruled_table(columns(doc.group_label), rows, TABLE_SIZE, bold_rows=(len(rows) - 1,)),
        Spacer(1, 6),
        Paragraph(_rate_sentence(total), st.body),
        Paragraph(_refusal_sentence(doc.refusals), st.body),
        Spacer(1, 8),
        KeepTogether(
            [
                _right_half(place_date(doc.office.place, doc.issued_at, st), st),
                signature_row(
                    [("Người lập biểu", doc.preparer), ("Thủ trưởng đơn vị", doc.head)], WIDTH, st
                ),
            ]
        ),
    ]
    pdf_title = f"{FORM} — {doc.unit_label} — {doc.period_label}"
    return build_pdf(PAGE, MARGINS, story, title_meta=pdf_title)


def _right_half(line: Paragraph, st: Styles) -> Table:
    """``line`` centred over the right signature block (the place-and-date line)."""
    centred = Paragraph(line.text, st.centre_italic)
    table = Table([["", centred]], colWidths=[WIDTH / 2, WIDTH / 2])
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def _days_line(doc: PeriodReportDoc, st: Styles) -> list[Flowable]:
    """The period's first and last day, unless its wording already says them."""
    if doc.period_label.startswith("Từ ngày"):
        return []
    days = f"<i>(Từ ngày {_day(doc.first_day)} đến ngày {_day(doc.last_day)})</i>"
    return [Paragraph(days, st.centre)]


def _refusal_sentence(refusals: tuple[tuple[str, int], ...]) -> str:
    total = sum(n for _, n in refusals)
    if not total:
        return "Hồ sơ không được tiếp nhận trong kỳ: không có."
    reasons = "; ".join(f"{esc(reason)}: {count(n)}" for reason, n in refusals)
    return f"Hồ sơ không được tiếp nhận trong kỳ: <b>{count(total)}</b> (lý do — {reasons})."


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _row(number: str, line: ReportLine) -> list[str]:
    return [
        number,
        line.label,
        count(line.received_total),
        count(line.carried_over),
        count(line.received_online),
        count(line.received_direct),
        count(line.resolved_total),
        count(line.resolved_early),
        count(line.resolved_on_time),
        count(line.resolved_late),
        count(line.pending_total),
        count(line.pending_on_time),
        count(line.pending_late),
        percent(line.on_time_rate),
    ]


def _rate_sentence(total: ReportLine) -> str:
    rate = total.on_time_rate
    if rate is None:
        return "Tỷ lệ hồ sơ giải quyết đúng hạn: chưa có hồ sơ đã giải quyết trong kỳ."
    on_time = count(total.resolved_early + total.resolved_on_time)
    return (
        f"Tỷ lệ hồ sơ giải quyết đúng hạn (trước hạn và đúng hạn): <b>{percent(rate)}%</b> "
        f"({on_time}/{count(total.resolved_total)} hồ sơ đã giải quyết)."
    )
