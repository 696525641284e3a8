"""The public tracking page (no authentication, rate-limited, no personal data)."""

from __future__ import annotations

import html
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from desk.domain.timefmt import long_local
from desk.i18n import translate
from sync.protocol import API_PREFIX, Envelope, TrackingView
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
def track_json(code: str, request: Request, server: ServerDep, k: str = "") -> Envelope[Any]:
    view = server.tracker.look_up(_client(request), code, k)
    return Envelope[Any](server_time=server.now(), data=view)


@router.get("/t/{code}", response_class=HTMLResponse)
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
    return HTMLResponse(_page(body))


def _page(body: str) -> str:
    title = html.escape(translate("Tra cứu hồ sơ"))
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>"
    )
