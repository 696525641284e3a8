"""Showing UTC instants in Vietnamese local time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def to_local(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("naive datetime: instants must carry a time zone")
    return instant.astimezone(VN_TZ)


def local_date(instant: datetime) -> date:
    return to_local(instant).date()


def iso_local(instant: datetime) -> str:
    """ISO 8601 with the +07:00 offset, to the second."""
    return to_local(instant).isoformat(timespec="seconds")


def short_local(instant: datetime) -> str:
    """'14:05 24/11/2026' — the form officers read on screen."""
    return to_local(instant).strftime("%H:%M %d/%m/%Y")


def long_local(instant: datetime) -> str:
    """'14 giờ 05 phút, ngày 24 tháng 11 năm 2026' — the form printed on slips."""
    local = to_local(instant)
    return (
        f"{local.hour:02d} giờ {local.minute:02d} phút, "
        f"ngày {local.day:02d} tháng {local.month:02d} năm {local.year}"
    )


def parse_local(text: str) -> datetime:
    """Parse 'YYYY-MM-DD HH:MM' (local wall clock) or a full ISO 8601 instant.

    A bare date is refused: silently reading it as midnight would move a legal date."""
    cleaned = text.strip().replace("T", " ")
    if " " not in cleaned:
        raise ValueError("a time of day is required")
    value = datetime.fromisoformat(cleaned)
    return value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value
