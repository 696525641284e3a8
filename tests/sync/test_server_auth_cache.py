"""Argon2 once per bearer: its verdict is cached (a wrong secret's too), verifications the cache
cannot answer are throttled per key and per client address (429 with the envelope), and a
revoked credential is still refused at once. Against `desk-server run` as its own process."""

from __future__ import annotations

import secrets
from pathlib import Path

import httpx

from sync.protocol import API_PREFIX
from tests.conftest import citizen
from tests.helpers import receive
from tests.sync.conftest import DeskFactory
from tests.sync.helpers import auth, bearer_of
from tests.sync.processes import ServerProcess, add_backoffice_bearer, add_desk_code
from tests.sync.test_cli_processes import run


def test_guessing_secrets_is_throttled_and_cached_callers_go_on(
    tmp_path: Path, make_desk: DeskFactory
) -> None:
    db_url = f"sqlite:///{tmp_path / 'server.db'}"
    with ServerProcess(db_url, tmp_path) as server:
        desk = make_desk("quay-a", "0001-4999")
        receive(desk, owner=citizen(1))
        desk.sync.enrol(server.url, add_desk_code(db_url))
        bearer = bearer_of(desk)
        key = bearer.split(".")[0]
        ping = f"{server.url}{API_PREFIX}/ping"
        assert httpx.get(ping, headers=auth(bearer)).status_code == 200

        first_guess = f"{key}.{secrets.token_urlsafe(32)}"
        answers = [httpx.get(ping, headers=auth(first_guess))]
        for _ in range(24):
            guess = f"{key}.{secrets.token_urlsafe(32)}"
            answers.append(httpx.get(ping, headers=auth(guess)))
        codes = [answer.status_code for answer in answers]
        assert set(codes) == {401, 429}, codes
        assert codes[-1] == 429
        refused = answers[-1].json()["error"]
        assert refused["code"] == "rate_limited"
        assert "thử lại sau" in refused["message"]

        # Answered from the cache, not argon2: the desk's own bearer, and the first guess.
        assert httpx.get(ping, headers=auth(bearer)).status_code == 200
        assert httpx.get(ping, headers=auth(first_guess)).status_code == 401
        # Only failures count: the desk's own verification did not. Ten more failures for
        # another key fill the address's twenty; then a credential not yet verified, from
        # the same address, is throttled too.
        other = add_backoffice_bearer(db_url).split(".")[0]
        guesses = [f"{other}.{secrets.token_urlsafe(32)}" for _ in range(10)]
        others = [httpx.get(ping, headers=auth(guess)).status_code for guess in guesses]
        assert others == [401] * 10
        fresh = add_backoffice_bearer(db_url)
        assert httpx.get(ping, headers=auth(fresh)).status_code == 429

        run("desk-server", "desk", "revoke", key, "--db", db_url)
        assert httpx.get(ping, headers=auth(bearer)).status_code == 401
    assert "Traceback" not in server.log()
