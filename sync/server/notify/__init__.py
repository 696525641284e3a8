"""Telling citizens what happened to their dossier: short Vietnamese messages (DOMAIN, issue 7).

The server sends a message on receipt, a supplement request, a refusal, a result ready, an
apology with a new date and the return. A message carries the dossier code and the tracking
link and never the ID number. Each message is a row of ``srv_notification`` written in the
transaction that changed the dossier (``NotifyingAdapter``), then delivered by
``NotificationSender`` through a ``Notifier`` (email over SMTP, SMS through an HTTP gateway),
retried with backoff, its failures kept and visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from desk.domain.money import fee_text
from desk.domain.timefmt import to_local

SUBJECT = "Hồ sơ {code}"
TEXTS: dict[str, str] = {
    "receive": ("Hồ sơ {code} đã được tiếp nhận. Hẹn trả kết quả: {due}. Tra cứu: {link}"),
    "accept": "Hồ sơ trực tuyến {code} đã được tiếp nhận. Hẹn trả kết quả: {due}. Tra cứu: {link}",
    "request_supplement": (
        "Hồ sơ {code} cần bổ sung, hoàn thiện. Vui lòng xem hướng dẫn và bổ sung. Tra cứu: {link}"
    ),
    "refuse": "Hồ sơ {code} không được tiếp nhận. Lý do xem tại: {link}",
    "result_ready": "Hồ sơ {code} đã có kết quả. Mời Ông/Bà đến nhận kết quả. Tra cứu: {link}",
    "apologise": (
        "Hồ sơ {code} chậm so với hẹn; cơ quan xin lỗi và hẹn trả kết quả: {due}. Tra cứu: {link}"
    ),
    "return": "Hồ sơ {code} đã trả kết quả. Cảm ơn Ông/Bà. Tra cứu: {link}",
}
"""Event kind (a lifecycle action) → message text; kinds not listed send nothing."""


class NotifyError(Exception):
    """A message could not be delivered now; ``reason`` says why (no personal data)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Message:
    channel: str
    """email | sms"""
    to: str
    subject: str
    text: str


class Notifier(Protocol):
    channel: str

    def send(self, message: Message) -> None:
        """Deliver ``message`` or raise NotifyError."""
        ...


ACCEPTANCE_KINDS = ("receive", "accept")
"""The acceptance messages also state the fee and the originals to bring at return (Sơn La
2017 Đ10.1b, Hà Tĩnh 2016 Đ10.1b, Kon Tum 2018 Đ14.3)."""


def compose(
    kind: str,
    code: str,
    link: str,
    due: datetime | None,
    *,
    fee: int | None = None,
    originals: Sequence[str] = (),
) -> str | None:
    """The text for event ``kind`` of dossier ``code``, or None when nothing is sent."""
    template = TEXTS.get(kind)
    if template is None:
        return None
    when = to_local(due).strftime("%H:%M ngày %d/%m/%Y") if due is not None else "—"
    text = template.format(code=code, link=link, due=when)
    if kind not in ACCEPTANCE_KINDS:
        return text
    extra = []
    if fee is not None:
        extra.append(f"Phí, lệ phí: {fee_text(fee)}.")
    if originals:
        extra.append("Khi nhận kết quả mang theo bản chính: " + "; ".join(originals) + ".")
    return " ".join([text, *extra])
