"""Trả ngay (Sơn La 2019 Điều 12.1d): a same-day procedure received and its result returned
in one flow at the counter, without an appointment slip, when the office allows it
(``OfficeRules.immediate_return``).

The flow is the ordinary lifecycle — receive, result ready, return — so the register, the
reports and the server see exactly what they see for any dossier. Everything the return needs
is checked before the dossier is created; each step is its own transaction, so should a later
step fail the dossier stays received (an ordinary, valid state) and is returned as usual.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.domain.lifecycle import Status
from desk.errors import InvalidInput
from desk.services.catalog import CatalogService
from desk.services.context import ServiceContext
from desk.services.intake import IntakeService, ReceiveRequest, ReceiveResult
from desk.services.returns import RATING_LABELS, Rating, ReturnRequest, ReturnsService
from desk.services.settings import OfficeService

IMMEDIATE_NOTE = "Trả ngay tại Bộ phận Một cửa"


@dataclass(frozen=True)
class ImmediateResult:
    received: ReceiveResult
    status: Status


class ImmediateService:
    def __init__(self, context: ServiceContext) -> None:
        self._office = OfficeService(context)
        self._catalog = CatalogService(context)
        self._intake = IntakeService(context)
        self._returns = ReturnsService(context)

    def allowed(self, procedure_code: str, case_key: str | None) -> bool:
        """The office allows trả ngay and this case of the procedure is a same-day one."""
        if not self._office.rules().immediate_return:
            return False
        return self._catalog.get(procedure_code).case(case_key).unit == "same_day"

    def receive_and_return(
        self, request: ReceiveRequest, *, rating: Rating | None = None
    ) -> ImmediateResult:
        if not self._office.rules().immediate_return:
            raise InvalidInput(
                "Cơ quan chưa cho phép trả kết quả ngay. Hãy tiếp nhận và hẹn trả như thường lệ."
            )
        if not self.allowed(request.procedure_code, request.case_key):
            raise InvalidInput(
                "Thủ tục {code} không phải thủ tục giải quyết trong ngày, nên không trả ngay "
                "được. Hãy tiếp nhận và in giấy hẹn.",
                code=request.procedure_code,
            )
        if request.allow_incomplete:
            raise InvalidInput(
                "Hồ sơ chưa đầy đủ thì không trả ngay được: hãy yêu cầu bổ sung (Mẫu 02)."
            )
        if rating is not None and rating not in RATING_LABELS:
            raise InvalidInput("Mức độ hài lòng không hợp lệ: {value}.", value=rating)
        received = self._intake.receive(request)
        officer_id = request.officer_id
        self._intake.result_ready(received.code, note=IMMEDIATE_NOTE, officer_id=officer_id)
        status = self._returns.return_result(
            ReturnRequest(received.code, rating=rating, officer_id=officer_id)
        )
        return ImmediateResult(received, status)
