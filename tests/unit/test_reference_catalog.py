"""The bundled reference catalogue (data/reference) validates and matches its published schema."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import time
from pathlib import Path
from typing import Any

import pytest

from desk.domain.catalog import CatalogFile, ProcedureSpec

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "data" / "reference"
CATALOG_PATH = REFERENCE_DIR / "procedures.json"
SCHEMA_PATH = REFERENCE_DIR / "catalog.schema.json"

NATIONAL_CODE = re.compile(r"^\d\.\d{6}$")
LOCAL_CODE = re.compile(r"^XA-[A-Z]{2}-\d{2}$")
CUTOFF_15H = time(15, 0)


def _raw() -> dict[str, Any]:
    with CATALOG_PATH.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


@pytest.fixture(scope="module")
def catalog() -> CatalogFile:
    return CatalogFile.model_validate(_raw())


def _procedure(catalog: CatalogFile, code: str) -> ProcedureSpec:
    for procedure in catalog.procedures:
        if procedure.code == code:
            return procedure
    pytest.fail(f"procedure {code} is missing from the bundled catalogue")


def test_bundled_catalogue_validates_and_is_large_enough(catalog: CatalogFile) -> None:
    assert catalog.version.strip()
    assert catalog.source.strip()
    assert len(catalog.procedures) >= 40


def test_sectors_cover_civil_status_certification_and_four_others(catalog: CatalogFile) -> None:
    sectors = {procedure.sector for procedure in catalog.procedures}
    assert {"Hộ tịch", "Chứng thực"} <= sectors
    assert len(sectors - {"Hộ tịch", "Chứng thực"}) >= 4


def test_every_procedure_names_its_legal_source(catalog: CatalogFile) -> None:
    for procedure in catalog.procedures:
        assert procedure.source.strip(), procedure.code
        assert "http" not in procedure.source.lower(), procedure.code


def test_codes_are_unique_in_the_file() -> None:
    codes = [procedure["code"] for procedure in _raw()["procedures"]]
    duplicates = [code for code, count in Counter(codes).items() if count > 1]
    assert duplicates == []


def test_codes_are_national_or_clearly_local(catalog: CatalogFile) -> None:
    national = [p.national_code for p in catalog.procedures if p.national_code is not None]
    assert len(national) == len(set(national))
    for procedure in catalog.procedures:
        if procedure.national_code is None:
            assert LOCAL_CODE.match(procedure.code), procedure.code
        else:
            assert NATIONAL_CODE.match(procedure.national_code), procedure.national_code
            assert procedure.code == procedure.national_code


def test_same_day_cases_have_a_cutoff(catalog: CatalogFile) -> None:
    for procedure in catalog.procedures:
        for case in procedure.cases:
            if case.unit == "same_day":
                assert case.cutoff is not None, (procedure.code, case.key)


def test_every_text_in_the_file_is_nfc_and_free_of_urls() -> None:
    for text in _strings(_raw()):
        assert unicodedata.is_normalized("NFC", text), text
        assert "://" not in text, text


def test_procedure_names_are_nfc_and_trimmed(catalog: CatalogFile) -> None:
    for procedure in _raw()["procedures"]:
        name = procedure["name"]
        assert name == unicodedata.normalize("NFC", name).strip()
    assert len(catalog.procedures) == len(_raw()["procedures"])


def test_components_and_cases_are_plausible(catalog: CatalogFile) -> None:
    for procedure in catalog.procedures:
        assert any(component.required for component in procedure.components), procedure.code
        for case in procedure.cases:
            if case.fee == 0:
                assert case.fee_note, (procedure.code, case.key)


def test_birth_registration_is_same_day_and_free_when_on_time(catalog: CatalogFile) -> None:
    birth = _procedure(catalog, "1.001193")
    assert birth.name == "Đăng ký khai sinh"
    assert birth.sector == "Hộ tịch"
    assert birth.national_code == "1.001193"
    assert all(case.unit == "same_day" and case.cutoff == CUTOFF_15H for case in birth.cases)
    on_time = next(case for case in birth.cases if case.key == "dung_han")
    assert on_time.fee == 0
    assert on_time.fee_note is not None
    assert "Miễn lệ phí đăng ký khai sinh đúng hạn" in on_time.fee_note
    components = {component.name: component for component in birth.components}
    form = next(c for name, c in components.items() if name.startswith("Tờ khai đăng ký khai sinh"))
    assert (form.required, form.originals) == (True, 1)
    assert components["Giấy chứng sinh"].originals == 1
    assert components["Giấy chứng sinh"].required


def test_marriage_has_a_same_day_case_and_a_five_working_day_case(catalog: CatalogFile) -> None:
    marriage = _procedure(catalog, "1.000894")
    units = {(case.unit, case.duration) for case in marriage.cases}
    assert units == {("same_day", 0), ("wd", 5)}
    assert all(case.fee == 0 for case in marriage.cases)


def test_death_registration_is_same_day(catalog: CatalogFile) -> None:
    death = _procedure(catalog, "1.000656")
    assert any(case.unit == "same_day" and case.cutoff == CUTOFF_15H for case in death.cases)


def test_marital_status_certificate_takes_three_working_days(catalog: CatalogFile) -> None:
    certificate = _procedure(catalog, "1.004873")
    assert [(case.unit, case.duration) for case in certificate.cases] == [("wd", 3)]


def test_civil_status_correction_takes_three_working_days(catalog: CatalogFile) -> None:
    correction = _procedure(catalog, "1.004859")
    assert ("wd", 3) in {(case.unit, case.duration) for case in correction.cases}


def test_copy_certification_is_same_day_or_two_days_for_large_volumes(catalog: CatalogFile) -> None:
    copies = _procedure(catalog, "2.000815")
    assert copies.sector == "Chứng thực"
    assert {(case.unit, case.duration) for case in copies.cases} == {("same_day", 0), ("wd", 2)}
    same_day = next(case for case in copies.cases if case.unit == "same_day")
    assert same_day.cutoff == CUTOFF_15H
    assert same_day.fee == 2000


def test_signature_certification_fee(catalog: CatalogFile) -> None:
    signature = _procedure(catalog, "2.000884")
    assert [case.fee for case in signature.cases] == [10000]


def test_electronic_results_are_marked_for_digital_signature(catalog: CatalogFile) -> None:
    assert _procedure(catalog, "2.000635").result_signed
    assert _procedure(catalog, "XA-CT-01").result_signed
    assert not _procedure(catalog, "1.000894").result_signed


def test_shipped_schema_matches_the_model() -> None:
    generated = json.dumps(CatalogFile.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == generated
