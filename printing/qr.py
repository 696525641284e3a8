"""The slip's QR code: what it encodes, and a reportlab flowable that draws it as vectors.

Vector squares stay sharp at any printer resolution and cost a few hundred bytes; the module
size is chosen by the caller so a thermal raster can land each module on whole dots.
"""

from __future__ import annotations

from functools import lru_cache

import qrcode
import qrcode.constants
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desk.domain.tracking import tracking_url

QUIET_ZONE = 4  # modules of white around the symbol, as ISO/IEC 18004 requires


def slip_payload(base_url: str | None, dossier_code: str, token: str | None) -> str:
    """The tracking URL with code and token, or the bare dossier code without a tracking page."""
    if base_url and token:
        return tracking_url(base_url, dossier_code, token)
    return dossier_code.strip().upper()


Matrix = tuple[tuple[bool, ...], ...]


@lru_cache(maxsize=32)
def qr_matrix(payload: str) -> Matrix:
    """Dark modules of the symbol (no quiet zone), error correction level M.

    Cached: choosing the mask costs ~10 ms in pure Python and both liên print the same code.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


class QrFlowable(Flowable):
    """A QR symbol of ``module`` points per module, quiet zone included in its size."""

    def __init__(self, payload: str, module: float) -> None:
        super().__init__()
        self.payload = payload
        self.module = module
        self.matrix = qr_matrix(payload)
        self.side = (len(self.matrix) + 2 * QUIET_ZONE) * module

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.side, self.side

    def draw(self) -> None:
        draw_qr(self.canv, self.matrix, 0, 0, self.module)


def draw_qr(canv: Canvas, matrix: Matrix, x: float, y: float, module: float) -> None:
    """Fill the dark modules with (x, y) the lower-left corner of the quiet zone."""
    size = len(matrix)
    origin_x = x + QUIET_ZONE * module
    top = y + (QUIET_ZONE + size) * module
    path = canv.beginPath()
    for row_index, row in enumerate(matrix):
        col = 0
        while col < size:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < size and row[col]:
                col += 1
            # One rectangle per horizontal run keeps the content stream small.
            path.rect(
                origin_x + start * module,
                top - (row_index + 1) * module,
                (col - start) * module,
                module,
            )
    canv.saveState()
    canv.setFillGray(0)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()
