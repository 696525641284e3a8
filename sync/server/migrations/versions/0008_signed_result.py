"""the signed result of a dossier, and whether the tracking page may offer it

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("srv_dossier") as batch:
        batch.add_column(sa.Column("signed_result_sha256", sa.String(length=64), nullable=True))
        batch.add_column(
            sa.Column(
                "signed_result_public", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("srv_dossier") as batch:
        batch.drop_column("signed_result_public")
        batch.drop_column("signed_result_sha256")
