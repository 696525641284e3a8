"""originals at return: the catalogue says which papers' originals the citizen brings to
collect the result

Revision ID: 0010
Revises: 0006
Create Date: 2026-12-03

One column with a default; existing components are "not needed at return" until the next
catalogue import says otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("procedure_component", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("at_return", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("procedure_component", schema=None) as batch_op:
        batch_op.drop_column("at_return")
