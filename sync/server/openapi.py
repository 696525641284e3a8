"""The published API (``/api/v1/openapi.json``), what a province's back office integrates
against: every status each operation can answer, refusals with the error envelope's schema,
the bearer scheme, and the bodies the routes read themselves (``/commands``, online
submissions, blob chunks)."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict
from pydantic.json_schema import models_json_schema

from sync.protocol import (
    API_PREFIX,
    OFFSET_MEDIA_TYPE,
    CommandBatch,
    OnlineSubmission,
    WireError,
)


class ErrorEnvelope(BaseModel):
    """What every refusal carries: ``error.code`` for programs, ``error.message`` (Vietnamese)
    for people; ``data`` is null."""

    model_config = ConfigDict(extra="forbid", title="ErrorEnvelope")

    protocol: str
    version: int
    server_time: str
    data: None = None
    error: WireError


DESCRIPTIONS = {
    400: "Unreadable request: a control character in the address, a body that is not UTF-8 "
    "JSON, a broken gzip body, a bad cursor",
    401: "Missing, wrong, revoked or rotated credential (or enrolment code)",
    403: "The credential may not do this (a desk calling the back-office API, another agency)",
    404: "Nothing there, or nothing this agency may see (the same answer)",
    409: "Conflicts with what the server holds (offset, length, state, an enrolled desk)",
    413: "Body past the route's limit (refused before it is read)",
    415: "A Content-Encoding the route does not take",
    422: "The request does not match the schema, or a rule of the domain",
    429: "Too many attempts from this address or for this key; try again later",
    500: "Server fault; nothing was written",
}
COMMON = frozenset({400, 413, 415, 422, 500})
ENROL = f"{API_PREFIX}/enrol"
PUBLIC = frozenset({ENROL, f"{API_PREFIX}/track/{{code}}", f"{API_PREFIX}/public/feedback"})
EXTRA: dict[tuple[str, str], frozenset[int]] = {
    ("post", ENROL): frozenset({401, 403, 409}),
    ("get", f"{API_PREFIX}/track/{{code}}"): frozenset({404, 429}),
    ("post", f"{API_PREFIX}/public/feedback"): frozenset({404, 429}),
    ("post", f"{API_PREFIX}/backoffice/dossiers"): frozenset({403, 404, 409}),
    ("post", f"{API_PREFIX}/backoffice/dossiers/{{code}}/advance"): frozenset({403, 404, 409}),
    ("head", f"{API_PREFIX}/blobs/{{sha256}}"): frozenset({404}),
    ("get", f"{API_PREFIX}/blobs/{{sha256}}"): frozenset({404}),
    ("post", f"{API_PREFIX}/blobs/{{sha256}}"): frozenset({409}),
    ("patch", f"{API_PREFIX}/blobs/{{sha256}}"): frozenset({404, 409}),
}
BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("post", f"{API_PREFIX}/commands"): {
        "application/json": {"schema": {"$ref": "#/components/schemas/CommandBatch"}}
    },
    ("post", f"{API_PREFIX}/backoffice/dossiers"): {
        "application/json": {"schema": {"$ref": "#/components/schemas/OnlineSubmission"}}
    },
    ("patch", f"{API_PREFIX}/blobs/{{sha256}}"): {
        kind: {"schema": {"type": "string", "format": "binary", "minLength": 1}}
        for kind in ("application/octet-stream", OFFSET_MEDIA_TYPE)
    },
}
BLOB_TYPES = ("application/octet-stream", "application/pdf", "image/jpeg", "image/png")


def methods_of(app: FastAPI, path: str) -> list[str]:
    """The methods the published API documents for ``path`` (for a 405's ``Allow``)."""
    found: set[str] = set()
    for template, item in app.openapi()["paths"].items():
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            found |= {method.upper() for method in item}
    return sorted(found)


def install(app: FastAPI) -> None:
    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build(app)
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]


def build(app: FastAPI) -> dict[str, Any]:
    document = get_openapi(title=app.title, version=app.version, routes=app.routes)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    _, extra = models_json_schema(
        [(model, "validation") for model in (ErrorEnvelope, CommandBatch, OnlineSubmission)],
        ref_template="#/components/schemas/{model}",
    )
    schemas.update(extra.get("$defs", {}))
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    components["securitySchemes"] = {"bearer": {"type": "http", "scheme": "bearer"}}
    for path, item in document["paths"].items():
        for method, operation in item.items():
            _document(method, path, operation)
    return document


def _document(method: str, path: str, operation: dict[str, Any]) -> None:
    statuses = set(COMMON | EXTRA.get((method, path), frozenset()))
    if path not in PUBLIC:
        statuses |= {401, 429}
        operation["security"] = [{"bearer": []}]
    responses: dict[str, Any] = operation.setdefault("responses", {})
    responses.pop("422", None)  # FastAPI's own validation schema: ours is the envelope
    envelope = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}
    for status in sorted(statuses):
        answer: dict[str, Any] = {"description": DESCRIPTIONS[status]}
        if method != "head":
            answer["content"] = envelope
        responses[str(status)] = answer
    for code, answer in responses.items():
        if code.startswith("2") and (method == "head" or code == "204"):
            answer.pop("content", None)
        elif code.startswith("2") and path.endswith("{sha256}"):
            answer["content"] = (
                {kind: {"schema": {"type": "string", "format": "binary"}} for kind in BLOB_TYPES}
                if method == "get"
                else {}
            )
            if not answer["content"]:
                answer.pop("content")
    body = BODIES.get((method, path))
    if body is not None:
        operation["requestBody"] = {"required": True, "content": body}
