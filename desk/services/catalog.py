"""The procedure catalogue: import (validated whole before anything is written), list, search."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, col, delete, select

from data.models import Procedure, ProcedureCase, ProcedureComponent
from desk.domain.catalog import CaseSpec, CatalogFile, ComponentSpec, ProcedureSpec
from desk.domain.text import fold
from desk.errors import InvalidInput, NotFound
from desk.services.context import ServiceContext
from desk.services.files import read_model


@dataclass(frozen=True)
class ProcedureView:
    code: str
    national_code: str | None
    name: str
    sector: str
    online_level: str
    supplement_mode: str
    result_signed: bool
    result_name: str | None
    source: str
    components: tuple[ComponentSpec, ...]
    cases: tuple[CaseSpec, ...]

    def case(self, key: str | None) -> CaseSpec:
        if key is None:
            return self.cases[0]
        for case in self.cases:
            if case.key == key:
                return case
        raise InvalidInput(
            "Thủ tục {code} không có trường hợp '{key}'. Các trường hợp: {keys}.",
            code=self.code,
            key=key,
            keys=", ".join(c.key for c in self.cases),
        )


@dataclass(frozen=True)
class ImportSummary:
    version: str
    added: int
    updated: int
    retired: int = 0
    """Procedures no longer in a --replace import: hidden from intake, kept for old dossiers."""


def bundled_catalog_path() -> Path:
    return Path(str(resources.files("data.reference").joinpath("procedures.json")))


class CatalogService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def import_file(self, path: Path, *, replace: bool = False) -> ImportSummary:
        """Add or update the file's procedures; with ``replace`` the file is the whole list
        and every other procedure is retired (never deleted: old dossiers refer to it)."""
        catalog = read_catalog(path)
        with self._context.db.write() as session:
            return apply_catalog(session, catalog, replace=replace)

    def procedures(self, *, sector: str | None = None) -> list[ProcedureView]:
        with self._context.db.read() as session:
            query = (
                select(Procedure)
                .where(col(Procedure.active))
                .order_by(col(Procedure.sector), col(Procedure.name))
            )
            if sector:
                query = query.where(col(Procedure.sector) == sector)
            return [_view(session, p) for p in session.exec(query).all()]

    def search(self, text: str, *, limit: int = 20) -> list[ProcedureView]:
        """By code or by name without accents: "dang ky khai sinh" finds "Đăng ký khai sinh".
        The exact name or code first, then names and codes that start with the text, then
        names with a word starting with it, then the rest (all the words, in any order)."""
        needle = fold(text)
        code = text.strip()
        words = needle.split()
        if not words:
            return []
        name = col(Procedure.name_search)
        every_word = sa.and_(*[name.contains(word, autoescape=True) for word in words])
        rank = sa.case(
            (sa.or_(name == needle, col(Procedure.code) == code), 0),
            (
                sa.or_(
                    name.startswith(needle, autoescape=True),
                    col(Procedure.code).startswith(code, autoescape=True),
                    col(Procedure.national_code).startswith(code, autoescape=True),
                ),
                1,
            ),
            (name.contains(" " + needle, autoescape=True), 2),
            (name.contains(needle, autoescape=True), 3),
            else_=4,
        )
        with self._context.db.read() as session:
            query = (
                select(Procedure)
                .where(col(Procedure.active))
                .where(
                    every_word
                    | col(Procedure.code).startswith(code, autoescape=True)
                    | col(Procedure.national_code).startswith(code, autoescape=True)
                )
                .order_by(rank, sa.func.length(name), name)
                .limit(limit)
            )
            return [_view(session, p) for p in session.exec(query).all()]

    def get(self, code: str) -> ProcedureView:
        with self._context.db.read() as session:
            return procedure_view(session, code)


def procedure_view(session: Session, code: str) -> ProcedureView:
    procedure = session.exec(select(Procedure).where(col(Procedure.code) == code.strip())).first()
    if procedure is None or not procedure.active:
        raise NotFound("Không có thủ tục mã {code} trong danh mục.", code=code.strip())
    return _view(session, procedure)


def apply_catalog(session: Session, catalog: CatalogFile, *, replace: bool) -> ImportSummary:
    """Write the catalogue (imported or pulled); ``replace`` retires procedures it omits."""
    summary = write_catalog(session, catalog)
    if not replace:
        return summary
    listed = [spec.code for spec in catalog.procedures]
    others = session.exec(
        select(Procedure).where(col(Procedure.active), col(Procedure.code).not_in(listed))
    ).all()
    for procedure in others:
        procedure.active = False
        session.add(procedure)
    return ImportSummary(summary.version, summary.added, summary.updated, len(others))


def read_catalog(path: Path) -> CatalogFile:
    return read_model(CatalogFile, path, "danh mục", locate=_location)


def write_catalog(session: Session, catalog: CatalogFile) -> ImportSummary:
    added = updated = 0
    for spec in catalog.procedures:
        existing = session.exec(select(Procedure).where(col(Procedure.code) == spec.code)).first()
        if existing is None:
            added += 1
            existing = Procedure(
                code=spec.code,
                name="",
                name_search="",
                sector="",
                source="",
                catalog_version=catalog.version,
            )
        else:
            updated += 1
        _fill(existing, spec, catalog.version)
        session.add(existing)
        session.flush()
        assert existing.id is not None
        _replace_children(session, existing.id, spec)
    return ImportSummary(catalog.version, added, updated)


def _fill(row: Procedure, spec: ProcedureSpec, version: str) -> None:
    row.national_code = spec.national_code
    row.name = spec.name
    row.name_search = fold(spec.name)
    row.sector = spec.sector
    row.online_level = spec.online_level
    row.supplement_mode = spec.supplement_mode
    row.result_signed = spec.result_signed
    row.result_name = spec.result_name
    row.source = spec.source
    row.catalog_version = version
    row.active = True


def _replace_children(session: Session, procedure_id: int, spec: ProcedureSpec) -> None:
    # Dossiers copy what they need at intake, so replacing a procedure's rows is safe.
    session.exec(delete(ProcedureCase).where(col(ProcedureCase.procedure_id) == procedure_id))
    session.exec(
        delete(ProcedureComponent).where(col(ProcedureComponent.procedure_id) == procedure_id)
    )
    for position, case in enumerate(spec.cases):
        session.add(
            ProcedureCase(
                procedure_id=procedure_id,
                position=position,
                key=case.key,
                name=case.name,
                duration=case.duration,
                unit=case.unit,
                cutoff=case.cutoff.strftime("%H:%M") if case.cutoff else None,
                fee=case.fee,
                fee_note=case.fee_note,
            )
        )
    for position, component in enumerate(spec.components):
        session.add(
            ProcedureComponent(
                procedure_id=procedure_id,
                position=position,
                name=component.name,
                required=component.required,
                originals=component.originals,
                certified=component.certified,
                copies=component.copies,
                note=component.note,
                at_return=component.at_return,
            )
        )


def _view(session: Session, procedure: Procedure) -> ProcedureView:
    cases = session.exec(
        select(ProcedureCase)
        .where(col(ProcedureCase.procedure_id) == procedure.id)
        .order_by(col(ProcedureCase.position))
    ).all()
    components = session.exec(
        select(ProcedureComponent)
        .where(col(ProcedureComponent.procedure_id) == procedure.id)
        .order_by(col(ProcedureComponent.position))
    ).all()
    return ProcedureView(
        code=procedure.code,
        national_code=procedure.national_code,
        name=procedure.name,
        sector=procedure.sector,
        online_level=procedure.online_level,
        supplement_mode=procedure.supplement_mode,
        result_signed=procedure.result_signed,
        result_name=procedure.result_name,
        source=procedure.source,
        cases=tuple(
            CaseSpec(
                key=c.key,
                name=c.name,
                duration=c.duration,
                unit=c.unit,
                cutoff=c.cutoff,
                fee=c.fee,
                fee_note=c.fee_note,
            )
            for c in cases
        ),
        components=tuple(
            ComponentSpec(
                name=c.name,
                required=c.required,
                originals=c.originals,
                certified=c.certified,
                copies=c.copies,
                note=c.note,
                at_return=c.at_return,
            )
            for c in components
        ),
    )


def _location(raw: object, loc: tuple[int | str, ...]) -> str:
    """Name the failing entry by its procedure code when possible, not just an index."""
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
            code = node.get("code") if isinstance(node, dict) else None
            parts.append(f"[{key}]" + (f" ({code})" if code else ""))
        elif isinstance(node, dict) and key in node:
            node = node[key]
            parts.append(str(key))
        else:
            parts.append(str(key))
    return ".".join(parts) or "tệp"
