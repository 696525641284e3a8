"""Alembic environment of the server: always run with a connection from sync.server.migrate."""

from __future__ import annotations

from alembic import context

from sync.server.tables import ServerBase

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
