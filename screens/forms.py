"""Which form each action prints, in one place. A form prints only once the print service has
it registered (``desk.services.printing.FORMS``); until then the action is recorded unprinted."""

from __future__ import annotations

from desk.domain.lifecycle import Action
from desk.i18n import translate
from desk.services.printing import FORMS

ACTION_FORMS: dict[Action, str] = {
    Action.RECEIVE: "mau01",
    Action.RECEIVE_INCOMPLETE: "mau02",
    Action.REQUEST_SUPPLEMENT: "mau02",
    Action.REFUSE: "mau03",
    Action.APOLOGISE: "mau04",
    Action.STOP: "mau05",
    Action.HAND_OVER: "ban-giao",
    Action.RETURN: "bien-nhan",
}


def form_for(action: Action) -> str | None:
    """The form to print after ``action``, or None when none is registered (yet)."""
    form = ACTION_FORMS.get(action)
    return form if form is not None and form in FORMS else None


def form_title(form: str) -> str:
    """What the officer reads for a form id: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)"
    for "mau01", never the id itself."""
    spec = FORMS.get(form)
    if spec is None:
        return form
    title = translate(spec.title)
    if form.startswith("mau") and form[3:].isdigit():
        return translate("{title} (Mẫu {number})", {"title": title, "number": form[3:]})
    return title
