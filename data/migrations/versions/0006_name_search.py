"""name search: a trigram full-text index over the folded owner names

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24

``dossier_name_fts`` is an external-content FTS5 table (trigram tokenizer: any 3-character
piece of a name matches, as LIKE '%…%' did, without reading every dossier). Triggers keep it in
step with ``dossier.owner_name_search``; existing dossiers are indexed by the upgrade.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE dossier_name_fts USING fts5("
        "owner_name_search, content='dossier', content_rowid='rowid', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER dossier_name_fts_insert AFTER INSERT ON dossier BEGIN "
        "INSERT INTO dossier_name_fts(rowid, owner_name_search) "
        "VALUES (new.rowid, new.owner_name_search); END"
    )
    op.execute(
        "CREATE TRIGGER dossier_name_fts_delete AFTER DELETE ON dossier BEGIN "
        "INSERT INTO dossier_name_fts(dossier_name_fts, rowid, owner_name_search) "
        "VALUES ('delete', old.rowid, old.owner_name_search); END"
    )
    op.execute(
        "CREATE TRIGGER dossier_name_fts_update AFTER UPDATE OF owner_name_search ON dossier "
        "BEGIN "
        "INSERT INTO dossier_name_fts(dossier_name_fts, rowid, owner_name_search) "
        "VALUES ('delete', old.rowid, old.owner_name_search); "
        "INSERT INTO dossier_name_fts(rowid, owner_name_search) "
        "VALUES (new.rowid, new.owner_name_search); END"
    )
    op.execute("INSERT INTO dossier_name_fts(dossier_name_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS dossier_name_fts_{trigger}")
    op.execute("DROP TABLE IF EXISTS dossier_name_fts")
