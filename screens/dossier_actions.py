"""The lifecycle actions the dossier screen offers: what each asks for and which service
call records it. Only the actions ``allowed_actions`` returns are ever shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desk.domain.lifecycle import Action, Status
from desk.errors import InvalidInput
from desk.i18n import translate
from desk.services.container import DeskServices
from screens.widgets.person_form import parse_day

Values = dict[str, str]
Run = Callable[[DeskServices, str, Values, int | None], Status | None]


@dataclass(frozen=True)
class ActionSpec:
    fields: tuple[tuple[str, str], ...]
    """(key, label) of what the officer types; empty: a confirmation only."""
    run: Run


def _items(values: Values) -> list[str]:
    return [item.strip() for item in values.get("items", "").split(";") if item.strip()]


def _amount(values: Values) -> int:
    text = values.get("amount", "").replace(".", "").strip()
    if not text.isdigit():
        raise InvalidInput("Số tiền nghĩa vụ tài chính phải lớn hơn 0.")
    return int(text)


def _new_date(values: Values) -> date:
    day = parse_day(values.get("new_date", ""))
    if day is None:
        raise InvalidInput("Ngày hẹn mới phải sau ngày hẹn hiện tại và sau hôm nay.")
    return day


def _apologise(s: DeskServices, code: str, v: Values, who: int | None) -> Status | None:
    s.returns.apologise(
        code, new_date=_new_date(v), reason=v["reason"], signer=v["signer"], officer_id=who
    )
    return None


def action_specs() -> dict[Action, ActionSpec]:
    """Built on demand so the labels follow the language setting."""
    reason = ("reason", translate("Lý do"))
    return {
        Action.REQUEST_SUPPLEMENT: ActionSpec(
            (("items", translate("Nội dung cần bổ sung (ngăn cách bằng ;)")), reason),
            lambda s, c, v, w: s.intake.request_supplement(
                c, items=_items(v), reason=v["reason"], officer_id=w
            ),
        ),
        Action.SUPPLEMENT_RECEIVED: ActionSpec(
            (), lambda s, c, v, w: s.intake.supplement_received(c, officer_id=w)
        ),
        Action.REQUEST_PAYMENT: ActionSpec(
            (("amount", translate("Số tiền (đồng)")), ("note", translate("Ghi chú"))),
            lambda s, c, v, w: s.intake.request_payment(
                c, amount=_amount(v), note=v["note"], officer_id=w
            ),
        ),
        Action.PAYMENT_RECEIVED: ActionSpec(
            (), lambda s, c, v, w: s.intake.payment_received(c, officer_id=w)
        ),
        Action.REFUSE: ActionSpec(
            (reason,), lambda s, c, v, w: s.intake.refuse(c, reason=v["reason"], officer_id=w)
        ),
        Action.WITHDRAW: ActionSpec(
            (reason,), lambda s, c, v, w: s.intake.withdraw(c, reason=v["reason"], officer_id=w)
        ),
        Action.STOP: ActionSpec(
            (reason,), lambda s, c, v, w: s.intake.stop(c, reason=v["reason"], officer_id=w)
        ),
        Action.HAND_OVER: ActionSpec(
            (("unit", translate("Đơn vị nhận xử lý")),),
            lambda s, c, v, w: s.intake.hand_over(c, unit=v["unit"], officer_id=w),
        ),
        Action.RESULT_READY: ActionSpec(
            (("note", translate("Ghi chú")),),
            lambda s, c, v, w: s.intake.result_ready(c, note=v["note"], officer_id=w),
        ),
        Action.APOLOGISE: ActionSpec(
            (
                ("new_date", translate("Ngày hẹn mới (dd/mm/yyyy)")),
                reason,
                ("signer", translate("Người ký (thủ trưởng)")),
            ),
            _apologise,
        ),
    }
