"""The office: agency, this desk and its code range, and the rules kept with the data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlmodel import Session, col, select

from data.models import Agency, Desk, Setting
from desk.domain.calendar import Sessions
from desk.domain.codes import DeskRange, validate_agency_code
from desk.domain.text import nfc
from desk.domain.tracking import new_tracking_secret
from desk.domain.validation import updated_settings
from desk.errors import ConfigError, InvalidInput
from desk.services.context import ServiceContext
from desk.services.ledger import new_id

DEMO_KEY = "demo_office"

RULES_KEY = "office_rules"
SESSIONS_INVALID = (
    "các ca làm việc phải có ít nhất một ca, mỗi ca bắt đầu trước khi kết thúc, "
    "theo thứ tự trong ngày và không chồng lên nhau"
)


class OfficeRules(BaseModel):
    """Rules an office may set (DOMAIN marks them 🟡: never hard-coded)."""

    model_config = ConfigDict(extra="forbid")

    sessions: list[tuple[time, time]] = Field(
        default_factory=lambda: [(time(7), time(11, 30)), (time(13, 30), time(17))]
    )
    """Working sessions in local time (R1)."""

    same_day_cutoff: time = time(15)
    """Default cut-off of same-day procedures whose catalogue entry names none (R6)."""

    online_review_hours: int = Field(8, ge=1)
    """Working hours within which an online dossier must be accepted or sent back (DOMAIN §11.3)."""

    max_extensions: int = Field(1, ge=0)
    """How many times an appointment may be re-set by an apology (Mẫu 04)."""

    apology_notice_hours: int = Field(8, ge=0, le=80)
    """Working hours before the appointment from which the apology letter (Mẫu 04) is offered:
    the dossier is about to be late (8 is one working day, the letter reaching the citizen
    before the date it moves). 0: only once the appointment has passed."""

    timeliness_granularity: Literal["day", "instant"] = "day"
    """Reports compare finish and due by local date (default) or by instant (DOMAIN §4.3)."""

    idle_lock_minutes: int = Field(10, ge=1)
    """The desk re-locks after this long without input."""

    lockout_attempts: int = Field(5, ge=1)
    """Failed logins before an officer is locked out."""

    lockout_minutes: int = Field(15, ge=1)

    feedback_answer_days: int = Field(3, ge=1, le=30)
    """Working days to answer a phản ánh, kiến nghị (Sơn La 2019 Điều 18: 03 ngày làm việc)."""

    hand_over_working_hours: int = Field(8, ge=1, le=40)
    """Working hours within which a received dossier goes to the processing unit: 8 is one
    working day (Sơn La 2017 Điều 10.2); Hà Tĩnh 2016 Điều 10.2 and Kon Tum 2018 Điều 14.4 give
    half a day (4). Counted on the working calendar from the start of the dossier's clock."""

    report_head: str = Field("", max_length=100)
    """Name of the head of the unit (Thủ trưởng đơn vị) signing Biểu 06a; "": signed by hand."""

    report_preparer: str = Field("", max_length=100)
    """Người lập biểu of Biểu 06a when the print names no officer; "": the printing officer."""

    immediate_return: bool = False
    """Same-day procedures may be received and returned at once ("trả ngay", Sơn La 2019
    Điều 12.1d): one flow, no appointment slip. Off unless the office allows it."""

    @field_validator("sessions")
    @classmethod
    def _valid_sessions(cls, value: list[tuple[time, time]]) -> list[tuple[time, time]]:
        try:
            Sessions(tuple(value))
        except ValueError:
            raise ValueError(SESSIONS_INVALID) from None
        return value

    def working_sessions(self) -> Sessions:
        return Sessions(tuple(self.sessions))


@dataclass(frozen=True)
class OfficeView:
    agency_id: int
    agency_code: str
    agency_name: str
    unit_name: str
    parent_name: str | None
    place_name: str
    phone: str | None
    tracking_base_url: str | None
    desk_id: str
    desk_name: str
    desk_range: DeskRange


class OfficeService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def init_office(
        self,
        *,
        agency_code: str,
        agency_name: str,
        desk_range: str,
        place_name: str | None = None,
        unit_name: str | None = None,
        parent_name: str | None = None,
        phone: str | None = None,
        tracking_base_url: str | None = None,
        desk_name: str = "Quầy 1",
    ) -> OfficeView:
        code = validate_agency_code(agency_code)
        name = nfc(agency_name)
        if not name:
            raise InvalidInput("Tên cơ quan không được để trống.")
        rng = DeskRange.parse(desk_range)
        with self._context.db.write() as session:
            if session.exec(select(Desk).where(col(Desk.is_local))).first() is not None:
                raise ConfigError(
                    "Máy này đã được khởi tạo cho một cơ quan. Dùng một tệp dữ liệu khác "
                    "(--db) nếu muốn khởi tạo cơ quan mới."
                )
            agency = Agency(
                code=code,
                name=name,
                unit_name=nfc(unit_name) if unit_name else _default_unit_name(name),
                parent_name=nfc(parent_name) if parent_name else None,
                place_name=nfc(place_name) if place_name else _default_place(name),
                phone=phone,
                tracking_base_url=tracking_base_url,
                tracking_secret=new_tracking_secret(),
                created_at=self._context.now(),
            )
            session.add(agency)
            session.flush()
            assert agency.id is not None
            session.add(
                Desk(
                    id=new_id(),
                    agency_id=agency.id,
                    name=nfc(desk_name),
                    range_start=rng.start,
                    range_end=rng.end,
                    is_local=True,
                    created_at=self._context.now(),
                )
            )
            _save_rules(session, OfficeRules())
        return self.office()

    def mark_demo(self) -> None:
        """This office is the embedded demo: its login screen may show the demo's logins."""
        with self._context.db.write() as session:
            session.merge(Setting(key=DEMO_KEY, value="true"))

    def is_demo(self) -> bool:
        with self._context.db.read() as session:
            return session.get(Setting, DEMO_KEY) is not None

    def is_initialised(self) -> bool:
        with self._context.db.read() as session:
            return session.exec(select(Desk).where(col(Desk.is_local))).first() is not None

    def office(self) -> OfficeView:
        with self._context.db.read() as session:
            return load_office(session)

    def rules(self) -> OfficeRules:
        with self._context.db.read() as session:
            return load_rules(session)

    def update_rules(self, **changes: object) -> OfficeRules:
        with self._context.db.write() as session:
            rules = updated_settings(OfficeRules, load_rules(session), changes)
            _save_rules(session, rules)
            return rules


def load_office(session: Session) -> OfficeView:
    desk = session.exec(select(Desk).where(col(Desk.is_local))).first()
    if desk is None:
        raise ConfigError(
            "Máy này chưa được khởi tạo. Chạy `desk init` (hoặc `desk demo` để dùng thử)."
        )
    agency = session.get(Agency, desk.agency_id)
    assert agency is not None and agency.id is not None
    return OfficeView(
        agency_id=agency.id,
        agency_code=agency.code,
        agency_name=agency.name,
        unit_name=agency.unit_name,
        parent_name=agency.parent_name,
        place_name=agency.place_name,
        phone=agency.phone,
        tracking_base_url=agency.tracking_base_url,
        desk_id=desk.id,
        desk_name=desk.name,
        desk_range=DeskRange(desk.range_start, desk.range_end),
    )


def load_rules(session: Session) -> OfficeRules:
    row = session.get(Setting, RULES_KEY)
    return OfficeRules.model_validate_json(row.value) if row else OfficeRules()


def _save_rules(session: Session, rules: OfficeRules) -> None:
    row = session.get(Setting, RULES_KEY) or Setting(key=RULES_KEY, value="")
    row.value = rules.model_dump_json()
    session.add(row)


_UNIT_MARKERS = ("xã ", "phường ", "đặc khu ", "thị trấn ")


def _unit_part(agency_name: str) -> tuple[str, str] | None:
    """Split "Ủy ban nhân dân xã Thử Nghiệm" into ("xã ", "Thử Nghiệm")."""
    lowered = agency_name.lower()
    for marker in _UNIT_MARKERS:
        index = lowered.find(marker)
        if index >= 0:
            return marker, agency_name[index + len(marker) :]
    return None


def _default_unit_name(agency_name: str) -> str:
    part = _unit_part(agency_name)
    if part is None:
        return "Bộ phận Một cửa"
    return f"Trung tâm Phục vụ hành chính công {part[0]}{part[1]}"


def _default_place(agency_name: str) -> str:
    # The date line of a form reads "<Địa danh>, ngày … tháng … năm …" with the bare name.
    part = _unit_part(agency_name)
    return part[1] if part else agency_name


# ------------------------------------------------------------------ signing (desk/devices/token)

SIGNING_KEY = "signing"


class SigningSettings(BaseModel):
    """How this office signs results with a USB token (kept in the settings table)."""

    model_config = ConfigDict(extra="forbid")

    module_path: str | None = None
    """The token's PKCS#11 driver (.dll/.so); None: probe the known names (DOMAIN §7.3)."""

    tsa_url: str | None = None
    """RFC 3161 timestamp server; None or unreachable: PAdES-B-B, upgradable later."""

    signature_image: str | None = None
    """Blue handwritten-signature PNG (transparent) for the stamp (ND 30/2020), if any."""

    seal_image: str | None = None
    """Red seal PNG (transparent), drawn over the left third of the signature image."""

    trust_roots: list[str] = Field(default_factory=list)
    """PEM/DER files of the CA roots that signatures are checked against (NEAC, the CAs)."""

    signing_roles: list[str] = Field(default_factory=lambda: ["leader", "clerk"])
    """Officer roles that may sign results at the desk (lãnh đạo, văn thư): an office rule."""

    citizen_download: bool = False
    """The tracking page offers the signed result to whoever holds the slip's token."""


def load_signing_settings(session: Session) -> SigningSettings:
    row = session.get(Setting, SIGNING_KEY)
    return SigningSettings.model_validate_json(row.value) if row else SigningSettings()


def save_signing_settings(session: Session, settings: SigningSettings) -> None:
    row = session.get(Setting, SIGNING_KEY) or Setting(key=SIGNING_KEY, value="")
    row.value = settings.model_dump_json()
    session.add(row)
