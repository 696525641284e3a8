"""Synthetic scanned pages: an A4 text page as a 200 dpi scanner delivers it (paper tint,
sensor noise, slight blur), and the same page with a red seal. Placeholder text only."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFilter

from desk.devices.scanning.base import ScannedPage

_LINE = "Ủy ban nhân dân xã Thử Nghiệm đã tiếp nhận hồ sơ của CÔNG DÂN THỬ NGHIỆM theo quy định "
A4_MM = (210, 297)


def _text_pdf(lines: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from printing import fonts

    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont(fonts.BOLD, 14)
    canvas.drawCentredString(A4[0] / 2, A4[1] - 70, "GIẤY ĐỀ NGHỊ THỬ NGHIỆM")
    canvas.setFont(fonts.REGULAR, 13)
    y = A4[1] - 110
    for index in range(lines):
        canvas.drawString(70, y, (_LINE * 2)[index % 7 : index % 7 + 78])
        y -= 20
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def text_page(dpi: int = 200, *, lines: int = 30, seal: bool = False) -> ScannedPage:
    """A typical A4 text page (about 2,400 characters) as scanned at ``dpi`` in colour."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(_text_pdf(lines))
    image = document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    document.close()
    paper = Image.new("RGB", image.size, (246, 244, 238))  # off-white paper
    image = Image.composite(image, paper, image.convert("L").point(lambda v: 255 - v))
    noise = Image.effect_noise(image.size, 10).convert("L")
    image = Image.blend(image, Image.merge("RGB", [noise] * 3), 0.05)
    image = image.filter(ImageFilter.GaussianBlur(0.5))
    if seal:
        draw = ImageDraw.Draw(image)
        centre, radius = (image.width * 2 // 3, image.height * 3 // 4), dpi * 0.8
        box = (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
        draw.ellipse(box, outline=(200, 30, 40), width=max(2, dpi // 25))
    return ScannedPage(image, dpi)
