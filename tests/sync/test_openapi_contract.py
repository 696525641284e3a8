"""The published API is a contract: Schemathesis (all checks) against a live server on SQLite
with a desk and a back-office credential finds nothing; the schema documents the error
envelope, the path patterns and the bodies; wrong methods answer 405."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync.protocol import API_PREFIX
from tests.conftest import AGENCY_CODE
from tests.sync.processes import BIN, ServerProcess, add_backoffice_bearer, add_desk_code

MAX_EXAMPLES = 25
CONFIG = """\
headers = {{ Authorization = "Bearer {desk}" }}

[generation]
max-examples = {examples}
# HTTP lets a server ignore headers and query parameters it does not know, and this one does.
allow-extra-parameters = false

[checks.positive_data_acceptance]
# Rules of the domain that a schema cannot state (a note required to ask for a supplement, a
# checksum of an ID number, a protocol version this server does not speak) answer 422.
expected-statuses = ["2xx", "401", "403", "404", "409", "422", "429"]

[checks.negative_data_rejection]
# A file declared larger than the server takes is 413, as in tus; the rest is the default.
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428",
                     "429", "5xx"]

[[operations]]
include-path-regex = "/backoffice/"
headers = {{ Authorization = "Bearer {backoffice}" }}
"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[ServerProcess, str]]:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    with ServerProcess(db_url, tmp_path) as process:
        yield process, db_url


def _desk_bearer(server: ServerProcess, db_url: str) -> str:
    body = {"code": add_desk_code(db_url), "desk_id": str(uuid.uuid4()), "agency_code": AGENCY_CODE}
    answer = httpx.post(f"{server.url}{API_PREFIX}/enrol", json=body).json()["data"]
    return f"{answer['desk_key']}.{answer['secret']}"


def test_schemathesis_finds_nothing(server: tuple[ServerProcess, str], tmp_path: Path) -> None:
    process, db_url = server
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        CONFIG.format(
            desk=_desk_bearer(process, db_url),
            backoffice=add_backoffice_bearer(db_url),
            examples=MAX_EXAMPLES,
        )
    )
    done = subprocess.run(
        [
            str(BIN / "schemathesis"),
            "--config-file",
            str(config),
            "run",
            f"{process.url}{API_PREFIX}/openapi.json",
            "--checks",
            "all",
            "--seed",
            "11",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    summary = [line for line in done.stdout.splitlines() if "generated" in line]
    sys.stdout.write("\n".join(summary) + "\n")  # the summary line, for the record
    assert done.returncode == 0, done.stdout[-20000:] + done.stderr[-3000:]
    assert "Traceback" not in process.log()


def test_the_schema_documents_refusals_patterns_and_bodies(
    server: tuple[ServerProcess, str],
) -> None:
    process, _ = server
    document = httpx.get(f"{process.url}{API_PREFIX}/openapi.json").json()
    paths = document["paths"]
    push = paths[f"{API_PREFIX}/commands"]["post"]
    assert push["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CommandBatch"
    }
    for status in ("400", "401", "413", "422", "429", "500"):
        content = push["responses"][status]["content"]["application/json"]
        assert content["schema"] == {"$ref": "#/components/schemas/ErrorEnvelope"}
    blob = paths[f"{API_PREFIX}/blobs/{{sha256}}"]["get"]["parameters"][0]
    assert blob["schema"]["pattern"] == "^[0-9a-f]{64}$"
    advance = paths[f"{API_PREFIX}/backoffice/dossiers/{{code}}/advance"]["post"]
    assert advance["parameters"][0]["schema"]["pattern"].endswith("-[0-9]{6}-[0-9]{4,10}$")
    assert {"403", "404", "409"} <= set(advance["responses"])
    assert push["security"] == [{"bearer": []}]
    assert "security" not in paths[f"{API_PREFIX}/enrol"]["post"]

    wrong = httpx.delete(f"{process.url}{API_PREFIX}/commands")
    assert wrong.status_code == 405
    assert wrong.json()["error"]["code"] == "method_not_allowed"
    assert "POST" in wrong.headers["allow"]
