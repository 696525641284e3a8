"""the key that verifies a desk's sneakernet bundles

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("srv_desk") as batch:
        batch.add_column(sa.Column("bundle_key", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("srv_desk") as batch:
        batch.drop_column("bundle_key")
