"""Render every sample form to PDF and PNG for a visual check, and time the renders.

python -m printing.forms.preview OUTDIR
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from printing.forms import (
    ban_giao,
    bien_nhan,
    mau01,
    mau02,
    mau03,
    mau04,
    mau05,
    mau06,
    mau07,
    report06a,
)
from printing.forms.samples import (
    sample_apology,
    sample_control,
    sample_hand_over,
    sample_meta,
    sample_refusal,
    sample_register,
    sample_report,
    sample_return,
    sample_slip,
    sample_stop,
    sample_supplement,
)

PREVIEW_DPI = 110


def _png(pdf: bytes, out: Path, stem: str) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    for index in range(len(document)):
        image = document[index].render(scale=PREVIEW_DPI / 72).to_pil()
        image.save(out / f"{stem}-p{index + 1}.png")
    document.close()
    (out / f"{stem}.pdf").write_bytes(pdf)


def render_process(outdir: str) -> dict[str, float]:
    """Render Mẫu 05, 06 (short and long) and the Giấy bàn giao to PDF and PNG; returns the
    seconds each render took (PDF only, not the PNG)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    jobs: dict[str, Callable[[], bytes]] = {
        "mau05-a5": lambda: mau05.render_a5(sample_stop(), sample_meta()),
        "mau05-a5-reprint": lambda: mau05.render_a5(sample_stop(), sample_meta(reprint=True)),
        "mau06-a5": lambda: mau06.render_a5(sample_control(), sample_meta()),
        "mau06-a5-blank": lambda: mau06.render_a5(
            sample_control(stages=0), sample_meta(reprint=True)
        ),
        "mau06-a5-long": lambda: mau06.render_a5(
            sample_control(stages=9), sample_meta(reprint=True)
        ),
        "ban-giao-a4": lambda: ban_giao.render_a4(sample_hand_over(), sample_meta()),
        "ban-giao-a4-long": lambda: ban_giao.render_a4(
            sample_hand_over(count=30), sample_meta(reprint=True)
        ),
    }
    times: dict[str, float] = {}
    for stem, job in jobs.items():
        start = time.perf_counter()
        pdf = job()
        times[stem] = time.perf_counter() - start
        _png(pdf, out, stem)
    return times


def render_tables(outdir: str) -> dict[str, float]:
    """Render Mẫu 07 (40 and 500 lines) and Biểu 06a (8 and 20 rows) to PDF and PNG in
    ``outdir``; returns each render's time in seconds."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    times: dict[str, float] = {}
    for stem, lines in (("mau07-a4", 40), ("mau07-a4-500", 500)):
        book = sample_register(lines)
        start = time.perf_counter()
        pdf = mau07.render_a4(book)
        times[stem] = time.perf_counter() - start
        if lines < 100:  # 24 pages of PNG say nothing the first two do not
            _png(pdf, out, stem)
        else:
            (out / f"{stem}.pdf").write_bytes(pdf)
    for stem, rows in (("report06a-a4", 8), ("report06a-a4-20", 20)):
        report = sample_report(rows)
        start = time.perf_counter()
        pdf = report06a.render_a4(report)
        times[stem] = time.perf_counter() - start
        _png(pdf, out, stem)
    return times


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m printing.forms.preview OUTDIR\n")
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    slip = sample_slip()
    _png(mau01.render_a5(slip, sample_meta()), out, "mau01-a5")
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
    render_process(str(out))
    render_tables(str(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
