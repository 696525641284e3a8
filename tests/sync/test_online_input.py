"""Online submissions refused whole at entry (malformed JSON, an invalid email, a file that is
not what it says, another agency), the online code range kept apart from desk ranges, and
the commands as administrators and officers run them: `desk-server dossier submit`,
`desk-server agency online-range`, `desk online list|accept|supplement` — real uvicorn server
on SQLite and PostgreSQL, desk-server as its own process."""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from desk.cli import main as desk_main
from desk.domain.lifecycle import Status
from sync.server.errors import Refused
from tests.conftest import FakeClock
from tests.helpers import dossier
from tests.sync.conftest import DeskFactory, LiveServer
from tests.sync.helpers import auth
from tests.sync.online_helpers import FORM, PDF, server_dossier, server_rows, submission

BIN = Path(sys.executable).parent
NOTHING = {"srv_dossier": 0, "srv_event": 0, "srv_blob": 0, "srv_change": 0}


def _post(live: LiveServer, bearer: str, body: Any) -> httpx.Response:
    return httpx.post(
        f"{live.url}/api/v1/backoffice/dossiers", json=body, headers=auth(bearer), timeout=30
    )


def _error(answer: httpx.Response) -> tuple[int, str, str]:
    error = answer.json()["error"]
    return answer.status_code, error["code"], error["message"]


def test_bad_submissions_are_refused_whole_with_a_vietnamese_reason(
    live_server: LiveServer, tmp_path: Path
) -> None:
    bearer = live_server.add_backoffice()
    broken = submission()
    del broken["components"]
    status, code, message = _error(_post(live_server, bearer, broken))
    assert (status, code) == (422, "bad_submission") and "trường components" in message

    owner = {**submission()["owner"], "email": "congdan-at-motcua.invalid"}
    status, code, message = _error(_post(live_server, bearer, submission(owner=owner)))
    assert (status, code) == (422, "bad_submission")
    assert "Địa chỉ email của chủ hồ sơ không hợp lệ" in message
    assert "congdan" not in message  # the refused value is not echoed

    not_pdf = submission()
    not_pdf["components"][0]["attachment"]["data"] = base64.b64encode(b"GIF89a...").decode()
    status, code, message = _error(_post(live_server, bearer, not_pdf))
    assert code == "bad_attachment"
    assert message == f"Tệp đính kèm của thành phần '{FORM}' không phải tệp PDF hợp lệ."
    not_base64 = submission()
    not_base64["components"][0]["attachment"]["data"] = "%%% không phải base64 %%%"
    assert _error(_post(live_server, bearer, not_base64))[1] == "bad_attachment"
    raw = httpx.post(
        f"{live_server.url}/api/v1/backoffice/dossiers",
        content=b"{not json",
        headers=auth(bearer),
    )
    assert _error(raw)[:2] == (422, "bad_submission")

    other = live_server.add_backoffice(agency="000.00.02.H99")
    assert _error(_post(live_server, other, submission()))[:2] == (403, "other_agency")
    assert server_rows(live_server) == NOTHING  # nothing half-written
    assert not list((tmp_path / "server-blobs").rglob("*"))  # no file kept either

    assert _post(live_server, bearer, submission()).status_code == 201
    assert server_rows(live_server) == dict.fromkeys(NOTHING, 1)


def test_desk_ranges_may_not_overlap_the_online_range(live_server: LiveServer) -> None:
    with pytest.raises(Refused, match="dành cho hồ sơ nộp trực tuyến") as refused:
        live_server.add_desk("5000-9999")
    assert refused.value.reason_code == "range_overlap"
    live_server.add_desk("0001-8999")
    assert submit_code(live_server).endswith("-9000")


def submit_code(live: LiveServer) -> str:
    bearer = live.add_backoffice()
    answer = _post(live, bearer, submission())
    assert answer.status_code == 201, answer.text
    code: str = answer.json()["data"]["code"]
    return code


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DESK_LANGUAGE"}
    done = subprocess.run(
        [str(BIN / args[0]), *args[1:]], capture_output=True, text=True, env=env, timeout=120
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def desk_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = desk_main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_submit_and_review_through_the_commands(
    live_server: LiveServer,
    make_desk: DeskFactory,
    tmp_path: Path,
    server_db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    clock: FakeClock,
) -> None:
    monkeypatch.delenv("DESK_LANGUAGE", raising=False)
    server = ["--db", server_db_url, "--blobs", str(tmp_path / "server-blobs")]
    desk = make_desk("quay-a", "0001-4999")
    db = str(tmp_path / "quay-a" / "desk.db")
    agency = ["--agency", "000.00.01.H99"]
    overlap = run(
        "desk-server", "desk", "add", *agency, "--range", "8000-9999", *server, check=False
    )
    assert overlap.returncode == 2 and "hồ sơ nộp trực tuyến" in overlap.stderr
    desk.sync.enrol(live_server.url, live_server.add_desk("0001-4999"))
    online_range = ["desk-server", "agency", "online-range", *agency, "--range"]
    moved = run(*online_range, "3000-9999", *server, check=False)
    assert moved.returncode == 2 and "0001-4999" in moved.stderr
    run(*online_range, "7000-7999", *server)

    (tmp_path / "to-khai.pdf").write_bytes(PDF)
    document = submission()
    document["components"][0]["attachment"] = {"file": "to-khai.pdf"}
    good = tmp_path / "ho-so.json"
    good.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    bad = tmp_path / "hong.json"
    bad.write_text(json.dumps({**document, "owner": {"full_name": ""}}), encoding="utf-8")
    refused = run("desk-server", "dossier", "submit", str(bad), *server, check=False)
    assert refused.returncode == 2 and "owner.full_name" in refused.stderr
    assert server_rows(live_server) == NOTHING
    created = json.loads(
        run("desk-server", "dossier", "submit", str(good), "--json", *server).stdout
    )
    code = created["code"]
    assert code.rsplit("-", 1)[1] == "7000" and created["status"] == 1

    assert desk.sync.sync_once().changes_applied == 1
    status, out, _ = desk_cli(capsys, "online", "list", "--json", "--db", db)
    [item] = json.loads(out)
    assert status == 0 and item["code"] == code and item["attachments"] == 1
    assert item["working_minutes_left"] > 0 and item["overdue"] is False
    status, out, _ = desk_cli(capsys, "online", "list", "--db", db)
    assert code in out and "giờ làm việc" in out
    status, out, err = desk_cli(
        capsys, "online", "accept", code, "--out", str(tmp_path / "m01.pdf"), "--json", "--db", db
    )
    assert status == 0, err
    assert json.loads(out)["status"] == 2 and (tmp_path / "m01.pdf").read_bytes()[:5] == b"%PDF-"
    status, _, err = desk_cli(
        capsys, "online", "supplement", code, "--item", "Tờ khai", "--reason", "x", "--db", db
    )
    assert status != 0 and "Không thể" in err  # accepted: no longer in the inbox
    assert desk.sync.sync_once().applied == 1
    assert server_dossier(live_server, code).status == Status.RECEIVED
    assert dossier(desk, code).status == Status.RECEIVED
    again = json.loads(run("desk-server", "dossier", "submit", str(good), "--json", *server).stdout)
    assert desk.sync.sync_once().changes_applied == 1
    slip = tmp_path / "m03.pdf"
    reason = "Không thuộc thẩm quyền của xã"
    status, out, err = desk_cli(
        capsys, "online", "refuse", again["code"], "--reason", reason, "--out", str(slip),
        "--json", "--db", db,
    )  # fmt: skip
    assert status == 0, err
    assert json.loads(out)["status"] == 3
    words = " ".join(
        (page.extract_text() or "") for page in PdfReader(io.BytesIO(slip.read_bytes())).pages
    )
    assert again["code"] in " ".join(words.split()) and "thẩm quyền" in words
