"""The FastAPI application factory: envelopes, error handling and the routers.

Run it behind a TLS-terminating reverse proxy (nginx, Caddy) and name that proxy with
``desk-server run --trusted-proxy CIDR`` (or DESK_SERVER_TRUSTED_PROXIES) so that the rate
limits see client addresses from its ``X-Forwarded-For``; from any other peer the header is
ignored. The desk verifies the proxy's certificate (custom CA bundle supported).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from desk.i18n import translate
from sync.protocol import API_PREFIX, H_LENGTH, PROTOCOL, VERSION, Envelope, WireError
from sync.server import openapi
from sync.server.context import Server
from sync.server.errors import Refused
from sync.server.guard import BodyTooLarge, Guard, NulInBody, too_large_message
from sync.server.routes_desk import router as desk_router
from sync.server.routes_public import router as public_router

log = logging.getLogger("desk.server")


class PathOnlyAccessLog(logging.Filter):
    """Uvicorn's access log without the query string: tracking tokens (``?k=``), lookup codes
    and feed cursors never reach the log; the path (with the dossier code) does."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def _log_paths_only() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, PathOnlyAccessLog) for f in access.filters):
        access.addFilter(PathOnlyAccessLog())


def create_app(server: Server) -> FastAPI:
    app = FastAPI(
        title="motcua-desk central server",
        version=f"{PROTOCOL}/{VERSION}",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.server = server
    _log_paths_only()
    app.include_router(desk_router)
    app.include_router(public_router)
    _install_error_handlers(app, server)
    openapi.install(app)
    app.add_middleware(Guard, clock=server.now, trusted_proxies=server.settings.trusted_proxies)
    return app


def error_response(server: Server, status: int, code: str, message: str) -> JSONResponse:
    body = Envelope[Any](server_time=server.now(), error=WireError(code=code, message=message))
    return JSONResponse(status_code=status, content=body.model_dump(mode="json"))


def _install_error_handlers(app: FastAPI, server: Server) -> None:
    async def refused(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, Refused)
        return error_response(server, error.http_status, error.reason_code, error.message)

    async def invalid(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        first = error.errors()[0] if error.errors() else {"loc": ()}
        where = ".".join(str(part) for part in first.get("loc", ())) or "?"
        if where == f"header.{H_LENGTH}" and first.get("type") == "less_than_equal":
            limit = server.settings.max_blob_bytes  # a file too big: say so, as before
            message = translate(
                "Tệp quá lớn hoặc rỗng ({size} byte); giới hạn của máy chủ là {limit} byte.",
                {"size": first.get("input"), "limit": limit},
            )
            return error_response(server, 413, "too_large", message)
        message = translate("Yêu cầu không hợp lệ (trường {field}).", {"field": where})
        return error_response(server, 422, "bad_request", message)

    async def http_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, StarletteHTTPException)
        if isinstance(error, BodyTooLarge):
            return error_response(server, 413, "too_large", too_large_message(error.limit))
        if isinstance(error, NulInBody):
            message = translate("Nội dung yêu cầu chứa ký tự NUL; không có gì được ghi.")
            return error_response(server, 422, "bad_request", message)
        status = error.status_code
        code, text = _http_refusal(status, error.__cause__, request.method)
        response = error_response(server, status, code, text)
        response.headers.update(error.headers or {})
        allowed = openapi.methods_of(request.app, request.url.path) if status == 405 else []
        if allowed:  # every method of the address, not only the first route's
            response.headers["Allow"] = ", ".join(allowed)
        return response

    async def data_error(request: Request, error: Exception) -> JSONResponse:
        # The database refused a value no check above caught (a NUL in text on PostgreSQL, a
        # number out of range): the request's fault, nothing was written; no traceback.
        assert isinstance(error, DataError)
        log.warning("refused by the database: %s %s", request.method, request.url.path)
        message = translate("Yêu cầu chứa giá trị không hợp lệ; không có gì được ghi.")
        return error_response(server, 400, "bad_request", message)

    async def unexpected(_request: Request, error: Exception) -> JSONResponse:
        log.error("unexpected server error (%s)", type(error).__name__, exc_info=True)
        message = translate("Lỗi máy chủ; yêu cầu chưa được ghi. Quầy sẽ tự gửi lại sau.")
        return error_response(server, 500, "server_error", message)

    app.add_exception_handler(Refused, refused)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(DataError, data_error)
    app.add_exception_handler(Exception, unexpected)


def _http_refusal(status: int, cause: BaseException | None, method: str) -> tuple[str, str]:
    """(code, message) of a refusal made by the framework before any route ran."""
    if status == 400 and isinstance(cause, UnicodeDecodeError):
        return "bad_encoding", translate("Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ.")
    if status == 400:
        return "bad_request", translate("Nội dung yêu cầu không đọc được (cần JSON).")
    if status == 404:
        return "not_found", translate("Máy chủ không có địa chỉ này.")
    if status == 405:
        text = translate("Địa chỉ này không nhận phương thức {method}.", {"method": method})
        return "method_not_allowed", text
    return "http_error", translate("Máy chủ không có địa chỉ hoặc thao tác này.")
