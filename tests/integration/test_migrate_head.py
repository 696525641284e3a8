"""The fast start-up path trusts HEAD_REVISION; it must equal Alembic's head."""

from __future__ import annotations

from pathlib import Path

from data.db import make_engine, sqlite_url
from data.migrate import HEAD_REVISION, ensure_current, head_revision, stored_revision


def test_head_constant_matches_alembic() -> None:
    assert head_revision() == HEAD_REVISION


def test_ensure_current_migrates_a_new_file_then_is_a_no_op(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "new.db"))
    assert stored_revision(engine) is None
    ensure_current(engine)
    assert stored_revision(engine) == HEAD_REVISION
    ensure_current(engine)  # already current: must not fail or change anything
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()
