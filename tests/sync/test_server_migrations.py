"""The server's Alembic head builds exactly the tables of sync.server.tables (both databases)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from sync.server.migrate import head_revision, upgrade
from sync.server.tables import ServerBase


def test_migrations_match_the_tables(server_db_url: str) -> None:
    engine = create_engine(server_db_url)
    try:
        upgrade(engine)
        upgrade(engine)  # running it again is a no-op
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"version_table": "srv_alembic_version", "compare_type": True}
            )
            assert context.get_current_revision() == head_revision()
            assert compare_metadata(context, ServerBase.metadata) == []
    finally:
        engine.dispose()
