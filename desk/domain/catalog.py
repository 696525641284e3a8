"""The procedure catalogue file format (thủ tục hành chính), validated before anything is written.

The same models validate the bundled catalogue and a province's own list, and produce the
published JSON schema (data/reference/catalog.schema.json).
"""

from __future__ import annotations

import unicodedata
from datetime import time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DurationUnitCode = Literal["wh", "wd", "cd", "same_day"]
"""wh: working hours; wd: working days (8 h each); cd: calendar days; same_day: with a cut-off."""


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


NonEmpty = Annotated[str, Field(min_length=1)]

# Validator messages reach the administrator (desk.domain.validation.describe).
SAME_DAY_HAS_NO_DURATION = "thủ tục trả trong ngày (same_day) phải có duration bằng 0"
DURATION_POSITIVE = "thời hạn giải quyết (duration) phải lớn hơn 0"
CUTOFF_SAME_DAY_ONLY = "giờ chốt (cutoff) chỉ dùng cho thủ tục trả trong ngày (same_day)"
CASE_KEYS_UNIQUE = "mã trường hợp (key) của một thủ tục không được trùng nhau"
DUPLICATE_CODE = "mã thủ tục {code} bị trùng"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _normalise_text(cls, value: object) -> object:
        return _nfc(value) if isinstance(value, str) else value


class ComponentSpec(_Strict):
    """One paper of the dossier (thành phần hồ sơ) and how many copies of each kind are expected."""

    name: NonEmpty
    required: bool = True
    originals: int = Field(0, ge=0, description="bản chính")
    certified: int = Field(0, ge=0, description="bản sao có chứng thực")
    copies: int = Field(0, ge=0, description="bản photo / bản sao không chứng thực")
    note: str | None = None
    at_return: bool = Field(
        False, description="bản chính công dân mang theo khi nhận kết quả (để đối chiếu)"
    )


class CaseSpec(_Strict):
    """One case (trường hợp) of a procedure: its own duration, cut-off and fee."""

    key: NonEmpty = "chung"
    name: NonEmpty = "Trường hợp chung"
    duration: int = Field(ge=0, description="amount of `unit`; 0 only with same_day")
    unit: DurationUnitCode
    cutoff: time | None = Field(None, description="same_day only: receipts after it roll over")
    fee: int = Field(0, ge=0, description="phí, lệ phí in đồng")
    fee_note: str | None = None

    @model_validator(mode="after")
    def _check_unit(self) -> CaseSpec:
        if self.unit == "same_day":
            if self.duration != 0:
                raise ValueError(SAME_DAY_HAS_NO_DURATION)
        elif self.duration <= 0:
            raise ValueError(DURATION_POSITIVE)
        if self.cutoff is not None and self.unit != "same_day":
            raise ValueError(CUTOFF_SAME_DAY_ONLY)
        return self


class ProcedureSpec(_Strict):
    code: NonEmpty = Field(description="code used at the desk; the national code where one exists")
    national_code: str | None = Field(None, description="mã TTHC on the national database")
    name: NonEmpty
    sector: NonEmpty = Field(description="lĩnh vực, e.g. Hộ tịch, Chứng thực")
    online_level: Literal["toan_trinh", "mot_phan", "none"] = "none"
    supplement_mode: Literal["restart", "pause"] = Field(
        "restart", description="after a supplement the count restarts (default) or resumes"
    )
    result_signed: bool = Field(False, description="the result must carry a digital signature")
    result_name: str | None = None
    components: list[ComponentSpec] = Field(min_length=1)
    cases: list[CaseSpec] = Field(min_length=1)
    source: NonEmpty = Field(description="the legal text this entry was taken from")

    @model_validator(mode="after")
    def _unique_case_keys(self) -> ProcedureSpec:
        keys = [case.key for case in self.cases]
        if len(keys) != len(set(keys)):
            raise ValueError(CASE_KEYS_UNIQUE)
        return self


class CatalogFile(_Strict):
    version: NonEmpty
    source: NonEmpty
    procedures: list[ProcedureSpec] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_codes(self) -> CatalogFile:
        seen: set[str] = set()
        for procedure in self.procedures:
            if procedure.code in seen:
                raise ValueError(DUPLICATE_CODE.format(code=procedure.code))
            seen.add(procedure.code)
        return self
