"""Alembic environment of the server: always run with a connection from sync.server.migrate.

Importing it outside an Alembic run does nothing (the import-hygiene test imports every module).
"""

from __future__ import annotations

from alembic import context

from sync.server.tables import ServerBase


def run_migrations() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=ServerBase.metadata,
        version_table="srv_alembic_version",
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if hasattr(context, "config"):  # only inside an Alembic command
    run_migrations()
