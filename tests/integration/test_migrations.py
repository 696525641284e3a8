"""Every Alembic revision upgrades to head with data in place, and the result matches the models.

The rows are generated from the schema reflected at each revision (one row per table, foreign
keys pointing at the rows of the referenced tables), so a future revision is covered without
writing a new seed by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlmodel import SQLModel, select

import data.models  # noqa: F401  (registers every table on SQLModel.metadata)
from data.db import Database, make_engine, sqlite_url
from data.migrate import current_revision, head_revision, revisions_oldest_first, upgrade
from data.models import Setting

REVISIONS = revisions_oldest_first()


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(sqlite_url(tmp_path / "desk.db"))
    yield engine
    engine.dispose()


def _value(column: sa.Column[Any], table: str) -> object:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 1
    if isinstance(kind, sa.Float | sa.Numeric):
        return 1.5
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 11, 25, 2, 0, tzinfo=UTC).replace(tzinfo=None)
    if isinstance(kind, sa.Date):
        return date(2026, 11, 25)
    if isinstance(kind, sa.Time):
        return time(7, 0)
    if isinstance(kind, sa.LargeBinary):
        return b"\x00\x01"
    if isinstance(kind, sa.JSON):
        return {}
    length = getattr(kind, "length", None) or 64
    return f"{table}.{column.name}"[:length]


def seed_every_table(engine: Engine) -> dict[str, int]:
    """Insert one row in every table of the current schema; return the row counts."""
    metadata = sa.MetaData()
    metadata.reflect(engine)
    inserted: dict[str, dict[str, object]] = {}
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            if table.name == "alembic_version" or table.name.startswith("dossier_name_fts"):
                continue  # the search index is filled by triggers from dossier
            referenced: dict[str, object] = {}
            for fk in table.foreign_keys:
                if fk.column.table is table:  # a self-reference points at the row itself
                    if not fk.parent.nullable:
                        referenced[fk.parent.name] = _value(fk.column, table.name)
                    continue
                referenced[fk.parent.name] = inserted[fk.column.table.name][fk.column.name]
            row = {}
            for column in table.columns:
                if column.name in referenced:
                    row[column.name] = referenced[column.name]
                elif column.primary_key or not (column.nullable or column.server_default):
                    row[column.name] = _value(column, table.name)
            connection.execute(table.insert().values(**row))
            inserted[table.name] = row
    return {name: 1 for name in inserted}


def row_counts(engine: Engine, tables: list[str]) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: int(connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
            for name in tables
        }


def _not_the_search_index(name: str | None, kind: str, _parent: Any) -> bool:
    return not (kind == "table" and (name or "").startswith("dossier_name_fts"))


def schema_differences(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            # The name-search index is an FTS5 virtual table (and its shadow tables) that the
            # models cannot describe; revision 0006 owns it.
            opts={"compare_type": True, "include_name": _not_the_search_index},
        )
        return list(compare_metadata(context, SQLModel.metadata))


def test_revisions_form_one_line_to_head() -> None:
    assert REVISIONS, "no revisions found"
    assert REVISIONS[-1] == head_revision()
    assert len(set(REVISIONS)) == len(REVISIONS)


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_each_revision_with_data(engine: Engine, revision: str) -> None:
    upgrade(engine, revision)
    assert current_revision(engine) == revision
    counts = seed_every_table(engine)
    assert len(counts) >= 10  # the seeder really reached the tables
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    surviving = [name for name in counts if name in sa.inspect(engine).get_table_names()]
    assert row_counts(engine, surviving) == {name: 1 for name in surviving}
    assert schema_differences(engine) == []
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"


def test_fresh_database_matches_the_models(engine: Engine) -> None:
    upgrade(engine)
    assert schema_differences(engine) == []
    # And the comparison does notice a difference.
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE setting ADD COLUMN stray INTEGER"))
    assert schema_differences(engine) != []


def test_upgrading_a_current_database_is_a_no_op(engine: Engine) -> None:
    upgrade(engine)
    counts = seed_every_table(engine)

    def state() -> tuple[object, ...]:
        with engine.connect() as connection:
            schema = connection.execute(
                text("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
            ).all()
            version = connection.execute(text("PRAGMA schema_version")).scalar_one()
        return (schema, version, row_counts(engine, list(counts)), current_revision(engine))

    before = state()
    upgrade(engine)
    assert state() == before


def test_engine_pragmas(engine: Engine) -> None:
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    upgrade(engine)
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
        connection.execute(
            text("INSERT INTO calendar_day (day, year, kind) VALUES ('2031-01-01', 2031, 'x')")
        )


class _Boom(Exception):
    pass


def test_write_scope_rolls_back_everything(engine: Engine) -> None:
    upgrade(engine)
    db = Database(engine)
    with pytest.raises(_Boom), db.write() as session:
        session.add(Setting(key="first", value="1"))
        session.flush()  # already sent to SQLite inside the transaction
        session.add(Setting(key="second", value="2"))
        session.flush()
        raise _Boom
    with db.read() as session:
        assert session.exec(select(Setting)).all() == []
    with db.write() as session:  # and a write scope that ends normally commits
        session.add(Setting(key="kept", value="3"))
    with db.read() as session:
        assert [s.key for s in session.exec(select(Setting)).all()] == ["kept"]
