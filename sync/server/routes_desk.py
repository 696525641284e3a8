"""The API desks and back-office clients call (all authenticated except the enrolment)."""

from __future__ import annotations

import zlib
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from desk.domain.codes import DOSSIER_CODE_PATTERN
from sync.protocol import (
    API_PREFIX,
    H_LENGTH,
    H_MEDIA,
    H_OFFSET,
    H_TUS,
    MAX_BATCH_BYTES,
    MAX_BLOB_BYTES,
    MAX_SEQ,
    MAX_SUBMISSION_BYTES,
    SHA256_PATTERN,
    SHA256_RE,
    TUS_VERSION,
    AdvanceRequest,
    AdvanceResponse,
    BatchResult,
    ChangePage,
    CommandBatch,
    EnrolRequest,
    EnrolResponse,
    Envelope,
    OnlineSubmitted,
    Pong,
)
from sync.server.auth import exchange
from sync.server.context import Server
from sync.server.errors import Refused
from sync.server.feed import read_page
from sync.server.guard import MAX_PATCH_BYTES
from sync.server.online_input import parse_submission
from sync.server.store import Caller
from sync.server.versions import accepted_batch_version, negotiated

router = APIRouter(prefix=API_PREFIX)
Sha256Path = Annotated[str, Path(pattern=SHA256_PATTERN, description="SHA-256 (hex) of the file")]
CodePath = Annotated[str, Path(pattern=DOSSIER_CODE_PATTERN, description="Dossier code")]


def server_of(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def authenticated(request: Request) -> Caller:
    address = request.client.host if request.client else "?"  # see guard.client_address
    return server_of(request).auth.caller(request.headers.get("authorization"), address)


ServerDep = Annotated[Server, Depends(server_of)]
CallerDep = Annotated[Caller, Depends(authenticated)]
VersionDep = Annotated[int, Depends(negotiated)]


def envelope(server: Server, data: Any, version: int | None = None) -> Envelope[Any]:
    if version is None:
        return Envelope[Any](server_time=server.now(), data=data)
    return Envelope[Any](server_time=server.now(), data=data, version=version)


@router.get("/ping", response_model=Envelope[Pong])
def ping(server: ServerDep, caller: CallerDep, version: VersionDep) -> Envelope[Any]:
    return envelope(server, Pong(desk_key=caller.key, agency_code=caller.agency_code), version)


@router.post("/enrol", response_model=Envelope[EnrolResponse])
def enrol(request: EnrolRequest, server: ServerDep, version: VersionDep) -> Any:
    with server.db.write() as session:
        response = exchange(session, request, server.now())
    public = server.settings.public_url.strip().rstrip("/")
    answer = envelope(server, response.model_copy(update={"tracking_url": public or None}), version)
    if (
        version < 2
    ):  # a version-1 desk refuses fields it does not know: the tracking address is v2's
        body = answer.model_dump(mode="json")
        body["data"].pop("tracking_url", None)
        return JSONResponse(body)
    return answer


@router.post("/commands", response_model=Envelope[BatchResult])
async def push(
    request: Request, server: ServerDep, caller: CallerDep, version: VersionDep
) -> Envelope[Any]:
    raw = await _read_capped(request, MAX_BATCH_BYTES)
    if request.headers.get("content-encoding", "").lower() == "gzip":
        raw = _gunzip_capped(raw, MAX_BATCH_BYTES)
    try:
        batch = CommandBatch.model_validate_json(utf8(raw))
    except ValidationError as error:
        where = ".".join(str(p) for p in error.errors()[0]["loc"]) or "body"
        raise Refused(
            "Gói lệnh không hợp lệ (trường {field}); không lệnh nào được ghi.",
            reason_code="malformed_batch",
            http_status=422,
            field=where,
        ) from None
    accepted_batch_version(batch.version)  # any version it speaks (a desk's own choice)
    results = await run_in_threadpool(server.commands.apply_batch, caller, batch.commands)
    return envelope(server, BatchResult(results=results), version)


@router.get("/changes", response_model=Envelope[ChangePage])
def pull(
    server: ServerDep,
    caller: CallerDep,
    version: VersionDep,
    cursor: Annotated[str | None, Query(max_length=64, pattern=r"^[A-Za-z0-9_-]*$")] = None,
) -> Envelope[Any]:
    # Versions 1 and 2 have the same changes; a field added later goes to version-2 desks
    # only (a version-1 desk refuses unknown fields).
    with server.db.read() as session:
        page = read_page(session, caller.agency_code, cursor)
    return envelope(server, page, version)


@router.post("/backoffice/dossiers/{code}/advance", response_model=Envelope[AdvanceResponse])
def advance(
    code: CodePath, request: AdvanceRequest, server: ServerDep, caller: CallerDep
) -> Envelope[Any]:
    if caller.role != "backoffice":
        raise Refused(
            "Chỉ tài khoản xử lý hồ sơ (back office) mới được chuyển trạng thái hồ sơ.",
            reason_code="forbidden",
            http_status=403,
        )
    return envelope(server, server.backoffice.advance(caller.agency_code, code, request))


@router.post("/backoffice/dossiers", response_model=Envelope[OnlineSubmitted], status_code=201)
async def submit_online(request: Request, server: ServerDep, caller: CallerDep) -> Envelope[Any]:
    """An online submission (schema: OnlineSubmission); the server issues the code."""
    if caller.role != "backoffice":
        raise Refused(
            "Chỉ tài khoản xử lý hồ sơ (back office) mới được nộp hồ sơ trực tuyến.",
            reason_code="forbidden",
            http_status=403,
        )
    submission = parse_submission(utf8(await _read_capped(request, MAX_SUBMISSION_BYTES)))
    submitted = await run_in_threadpool(
        partial(
            server.online.submit,
            submission,
            submitted_by=caller.key,
            caller_agency=caller.agency_code,
        )
    )
    return envelope(server, submitted)


# ------------------------------------------------------------------------------- blobs


def _checked_sha(sha256: str) -> str:
    if not SHA256_RE.fullmatch(sha256):
        raise Refused("Mã băm SHA-256 không hợp lệ.", reason_code="bad_sha256")
    return sha256


@router.head("/blobs/{sha256}", response_class=Response)
def blob_head(sha256: Sha256Path, server: ServerDep, caller: CallerDep) -> Response:
    blob = server.blobs.state(caller.agency_code, _checked_sha(sha256))
    if blob is None:  # nothing, or nothing this agency may see: the same answer
        return Response(status_code=404, headers={H_TUS: TUS_VERSION})
    headers = {H_TUS: TUS_VERSION, H_OFFSET: str(blob.offset), H_LENGTH: str(blob.length)}
    return Response(status_code=200, headers={**headers, "Cache-Control": "no-store"})


@router.post("/blobs/{sha256}", status_code=201, response_class=Response)
def blob_create(
    sha256: Sha256Path,
    server: ServerDep,
    caller: CallerDep,
    upload_length: Annotated[int, Header(alias=H_LENGTH, ge=1, le=MAX_BLOB_BYTES)],
    media_type: Annotated[
        str, Header(alias=H_MEDIA, max_length=100, pattern=r"^[A-Za-z0-9.+/-]+$")
    ] = "application/octet-stream",
) -> Response:
    blob = server.blobs.create(caller.agency_code, _checked_sha(sha256), upload_length, media_type)
    headers = {H_TUS: TUS_VERSION, H_OFFSET: str(blob.offset), H_LENGTH: str(blob.length)}
    return Response(status_code=201, headers=headers)


@router.patch("/blobs/{sha256}", status_code=204, response_class=Response)
async def blob_patch(
    sha256: Sha256Path,
    request: Request,
    server: ServerDep,
    caller: CallerDep,
    upload_offset: Annotated[int, Header(alias=H_OFFSET, ge=0, le=MAX_SEQ)],
) -> Response:
    data = await _read_capped(request, MAX_PATCH_BYTES)
    if not data:
        raise Refused(
            "Phần tệp gửi lên rỗng; không có gì được ghi.",
            reason_code="empty_chunk",
            http_status=422,
        )
    blob = await run_in_threadpool(
        server.blobs.append, caller.agency_code, _checked_sha(sha256), upload_offset, data
    )
    return Response(status_code=204, headers={H_TUS: TUS_VERSION, H_OFFSET: str(blob.offset)})


@router.get("/blobs/{sha256}", response_class=Response)
def blob_get(sha256: Sha256Path, server: ServerDep, caller: CallerDep) -> Response:
    blob, data = server.blobs.read(caller.agency_code, _checked_sha(sha256))
    return Response(content=data, media_type=blob.media_type)


async def _read_capped(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
    except ClientDisconnect:
        # The link dropped mid-request (an everyday event on a bad line): nothing was
        # read, nothing is written, and no traceback goes to the server's log.
        raise Refused(
            "Kết nối bị ngắt khi đang nhận dữ liệu; chưa có gì được ghi.",
            reason_code="client_gone",
        ) from None
    return b"".join(chunks)


def utf8(raw: bytes) -> bytes:
    """``raw`` when it is UTF-8 text; otherwise a refusal that says so."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused(
            "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ (byte thứ {position}); không có "
            "gì được ghi.",
            reason_code="bad_encoding",
            http_status=400,
            position=error.start,
        ) from None
    return raw


def _gunzip_capped(data: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error:
        raise _broken_gzip() from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise _too_large(limit)
    if not inflater.eof or inflater.unused_data:  # cut short, or something after the end
        raise _broken_gzip()
    return out


def _broken_gzip() -> Refused:
    return Refused(
        "Gói lệnh nén gzip bị hỏng hoặc không trọn vẹn; không lệnh nào được ghi.",
        reason_code="bad_gzip",
        http_status=400,
    )


def _too_large(limit: int) -> Refused:
    return Refused(
        "Yêu cầu quá lớn (giới hạn {limit} byte).",
        reason_code="too_large",
        http_status=413,
        limit=limit,
    )
