"""The public tracking page (no authentication, rate-limited, no personal data)."""

from __future__ import annotations

import html
import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from desk.domain.codes import DOSSIER_CODE_PATTERN
from desk.domain.timefmt import long_local
from desk.i18n import translate
from sync.protocol import API_PREFIX, Envelope, PublicFeedback, TrackingView
from sync.server.context import Server
from sync.server.errors import Refused

router = APIRouter()


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


ServerDep = Annotated[Server, Depends(_server)]


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


@router.get(API_PREFIX + "/track/{code}", response_model=Envelope[TrackingView])
def track_json(
    code: Annotated[str, Path(pattern=DOSSIER_CODE_PATTERN)],
    request: Request,
    server: ServerDep,
    k: Annotated[str, Query(max_length=64, description="Token or lookup code of the slip")] = "",
) -> Envelope[Any]:
    view = server.tracker.look_up(_client(request), code, k)
    return Envelope[Any](server_time=server.now(), data=view)


# The citizens' HTML pages are not part of the published API (/api/v1/openapi.json).
@router.get("/t/{code}", response_class=HTMLResponse, include_in_schema=False)
def track_page(code: str, request: Request, server: ServerDep, k: str = "") -> HTMLResponse:
    try:
        view = server.tracker.look_up(_client(request), code, k)
    except Refused as refusal:
        return HTMLResponse(_page(html.escape(refusal.message)), status_code=refusal.http_status)
    appointment = long_local(view.appointment) if view.appointment else "—"
    body = (
        f"<p>{html.escape(translate('Mã hồ sơ'))}: <b>{html.escape(view.code)}</b></p>"
        f"<p>{html.escape(translate('Trạng thái'))}: <b>{html.escape(view.status_label)}</b></p>"
        f"<p>{html.escape(translate('Ngày hẹn trả kết quả'))}: {html.escape(appointment)}</p>"
    )
    if view.signed_result:
        link = f"/t/{quote(view.code)}/ket-qua.pdf?k={quote(k)}"
        label = html.escape(translate("Tải kết quả đã ký số (PDF)"))
        body += f'<p><a href="{html.escape(link)}">{label}</a></p>'
    return HTMLResponse(_page(body))


@router.get("/t/{code}/ket-qua.pdf", include_in_schema=False)
def signed_result(code: str, request: Request, server: ServerDep, k: str = "") -> Response:
    """The result signed at the desk, to whoever holds the slip's token, when allowed."""
    try:
        agency, sha256 = server.tracker.signed_result(_client(request), code, k)
        _, data = server.blobs.read(agency, sha256)
    except Refused as refusal:
        return HTMLResponse(_page(html.escape(refusal.message)), status_code=refusal.http_status)
    name = f"ket-qua-{code.strip().upper()}.pdf".replace("/", "-")
    return Response(
        data,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post(API_PREFIX + "/public/feedback", status_code=201)
def send_feedback(form: PublicFeedback, request: Request, server: ServerDep) -> Envelope[Any]:
    """A citizen's phản ánh, kiến nghị; answered by the office within its working-day limit."""
    feedback_id = server.feedback.submit(_client(request), form)
    return Envelope[Any](server_time=server.now(), data={"id": feedback_id})


@router.get("/gop-y/{agency}", response_class=HTMLResponse, include_in_schema=False)
def feedback_page(agency: str) -> HTMLResponse:
    """A plain page that posts the feedback form as JSON (works without any framework)."""
    labels = {
        "content": translate("Nội dung phản ánh, kiến nghị"),
        "sender_name": translate("Họ và tên"),
        "sender_phone": translate("Số điện thoại"),
        "sender_email": translate("Email"),
        "dossier_code": translate("Mã hồ sơ (nếu có)"),
    }
    fields = "".join(
        f"<p><label>{html.escape(label)}<br><{'textarea' if name == 'content' else 'input'} "
        f'name="{name}"{">" + "</textarea>" if name == "content" else ">"}</label></p>'
        for name, label in labels.items()
    )
    sent = html.escape(translate("Đã gửi phản ánh. Cơ quan sẽ trả lời trong thời hạn quy định."))
    script = (
        "<script>document.forms[0].onsubmit=async e=>{e.preventDefault();"
        "const d=Object.fromEntries(new FormData(e.target));"
        f"d.agency_code={json.dumps(agency)};"
        "for(const k in d){if(d[k]==='')delete d[k]}"
        f"const r=await fetch('{API_PREFIX}/public/feedback',{{method:'POST',"
        "headers:{'Content-Type':'application/json'},body:JSON.stringify(d)});"
        "const j=await r.json();document.getElementById('out').textContent="
        f"r.ok?{json.dumps(sent)}:(j.error&&j.error.message)||r.status}}</script>"
    )
    button = html.escape(translate("Gửi"))
    body = f'<form>{fields}<button>{button}</button></form><p id="out"></p>{script}'
    return HTMLResponse(_page(body, translate("Gửi phản ánh, kiến nghị")))


def _page(body: str, heading: str | None = None) -> str:
    title = html.escape(heading or translate("Tra cứu hồ sơ"))
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    )
