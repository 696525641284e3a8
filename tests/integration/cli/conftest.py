"""Every CLI test runs with Vietnamese messages and a DESK_DB that points into tmp, and may
take ``db``: a copy of an initialised office with the small test catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.cli.test_cli import isolate_env, office_copy


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_env(monkeypatch, tmp_path)


@pytest.fixture
def db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return office_copy(tmp_path_factory, tmp_path)
