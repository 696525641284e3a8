"""The entry rules (desk.domain.entry) hold in the other services that store typed text:
phản ánh, officers, Mẫu 04's apology (issue 15). Nothing is written when they refuse."""

from __future__ import annotations

from datetime import date

import pytest

from data.models import DossierExtension, Feedback, Officer
from desk.errors import InvalidInput
from desk.services.container import DeskServices
from desk.services.feedback import NewFeedback
from tests.helpers import count, receive

REFUSED = r"ký tự không hợp lệ|quá giới hạn"


@pytest.mark.parametrize(
    "new",
    [
        NewFeedback("in_person", "Nội dung\x00 phản ánh"),
        NewFeedback("in_person", "x" * 2001),
        NewFeedback("in_person", "Nội dung phản ánh", sender_name="\x1b[2JA"),
        NewFeedback("in_person", "Nội dung phản ánh", sender_name="A" * 101),
    ],
    ids=["content-nul", "content-long", "sender-esc", "sender-long"],
)
def test_feedback_refuses_bad_text(services: DeskServices, new: NewFeedback) -> None:
    with pytest.raises(InvalidInput, match=REFUSED):
        services.feedback.receive(new)
    assert count(services, Feedback) == 0


def test_officers_and_apologies_refuse_bad_text(services: DeskServices) -> None:
    before = count(services, Officer)
    with pytest.raises(InvalidInput, match=REFUSED):
        services.auth.create_officer(username="canbo9", full_name="CÁN\x00BỘ", role="reception")
    with pytest.raises(InvalidInput, match=REFUSED):
        services.auth.create_officer(
            username="canbo9", full_name="CÁN BỘ", role="reception", title="x" * 301
        )
    assert count(services, Officer) == before
    code = receive(services).code
    with pytest.raises(InvalidInput, match=REFUSED):
        services.returns.apologise(
            code, new_date=date(2026, 12, 3), reason="Chờ xác minh", signer="A\x1b", signer_title=""
        )
    assert count(services, DossierExtension) == 0
