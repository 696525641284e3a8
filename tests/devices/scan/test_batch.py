"""A batch of pages at the counter: scan, scan more, rescan one page, remove one; each page is
encoded once, and the document assembled is byte for byte what scanning the final pages in
one go makes; a page below 200 dpi is refused and leaves the batch as it was."""

from __future__ import annotations

import pytest

from desk.devices.scanning.base import ScanInputError
from desk.devices.scanning.factory import ScannerChoice
from desk.devices.scanning.fake import FakeScanner, blank_page
from desk.devices.scanning.pdf import make_document
from desk.services.blobs import blob_dir_for
from desk.services.container import DeskServices
from desk.services.scanning import ScanService
from tests.helpers import receive

RED, GREEN, BLUE, WHITE = (200, 30, 40), (30, 160, 60), (30, 60, 200), (255, 255, 255)


def test_rescan_and_remove_keep_the_document_equal_to_a_fresh_scan(
    services: DeskServices,
) -> None:
    fake = FakeScanner([blank_page(colour=RED), blank_page(colour=GREEN)])
    scanning = ScanService(
        services.context, blob_dir_for(services.context.db.engine), scanners=lambda _: fake
    )
    scanning.set_scanner_choice(ScannerChoice(kind="sane", device="fake:0"))
    batch = scanning.batch(1, "Tờ khai")
    heard: list[int] = []
    assert batch.scan(heard.append) == 2 and heard == [1, 2]
    fake.pages = [blank_page(colour=BLUE)]
    batch.scan(heard.append)
    assert heard == [1, 2, 3]  # counted on from the pages already there
    fake.pages = [blank_page(colour=WHITE)]
    batch.rescan(1)  # the green page again: now white
    batch.remove(0)
    assert [p.image.getpixel((0, 0)) for p in batch.pages] == [WHITE, BLUE]
    expected = make_document(batch.pages)
    assert batch.document == expected
    assert batch.summary().pages == 2 and batch.summary().legal_size == expected.legal_size

    before = batch.document
    fake.pages = [blank_page(dpi=150)]
    with pytest.raises(ScanInputError, match="150 dpi"):
        batch.scan()
    assert batch.document is before and len(batch.pages) == 2

    code = receive(services).code
    attached = batch.attach(code, None)
    assert (attached.pages, attached.legal_size) == (2, expected.legal_size)
    assert scanning.blobs.path(attached.legal_sha256).read_bytes() == expected.legal
