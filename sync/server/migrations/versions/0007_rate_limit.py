"""rate limits kept in the database, shared by every worker process and kept across restarts

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "srv_rate_limit",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("bucket", sa.String(length=32), nullable=False),
        sa.Column("at_us", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_srv_rate_limit_bucket_at", "srv_rate_limit", ["bucket", "at_us"])


def downgrade() -> None:
    op.drop_index("ix_srv_rate_limit_bucket_at", table_name="srv_rate_limit")
    op.drop_table("srv_rate_limit")
