"""per-agency range of the dossier codes the server issues to online dossiers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("srv_agency") as batch:
        batch.add_column(
            sa.Column("online_range_start", sa.Integer(), server_default="9000", nullable=False)
        )
        batch.add_column(
            sa.Column("online_range_end", sa.Integer(), server_default="9999", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("srv_agency") as batch:
        batch.drop_column("online_range_end")
        batch.drop_column("online_range_start")
