"""What the citizen is told at intake about the return (Sơn La 2017 Đ10.1b, Hà Tĩnh 2016
Đ10.1b, Kon Tum 2018 Đ14.3): the fee, and the originals to bring when collecting the result.

The originals come from the catalogue: the components marked ``at_return`` that the dossier
holds, and for a dossier submitted online at level "một phần" every provided component (the
officer compares the originals with the uploaded files before returning, see returns)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from data.models import Dossier, DossierComponent, Procedure, ProcedureCase, ProcedureComponent


@dataclass(frozen=True)
class ReturnPapers:
    fee: int
    fee_note: str
    originals: tuple[str, ...]


def return_papers(session: Session, dossier: Dossier) -> ReturnPapers:
    provided = session.exec(
        select(DossierComponent.name)
        .where(col(DossierComponent.dossier_id) == dossier.id)
        .where(col(DossierComponent.provided))
        .order_by(col(DossierComponent.position))
    ).all()
    procedure = session.get(Procedure, dossier.procedure_id)
    if (
        dossier.channel == "online"
        and procedure is not None
        and procedure.online_level == "mot_phan"
    ):
        originals = tuple(provided)
    else:
        marked = set(
            session.exec(
                select(ProcedureComponent.name)
                .where(col(ProcedureComponent.procedure_id) == dossier.procedure_id)
                .where(col(ProcedureComponent.at_return))
            ).all()
        )
        originals = tuple(name for name in provided if name in marked)
    case = session.exec(
        select(ProcedureCase)
        .where(col(ProcedureCase.procedure_id) == dossier.procedure_id)
        .where(col(ProcedureCase.key) == dossier.case_key)
    ).first()
    return ReturnPapers(dossier.fee_amount, (case.fee_note or "") if case else "", originals)


def notice_fields(session: Session, dossier: Dossier) -> dict[str, object]:
    """The fee and the originals for the citizen's acceptance message (sent by the server)."""
    papers = return_papers(session, dossier)
    return {"fee": papers.fee, "originals_at_return": list(papers.originals)}
