"""print journal: the columns printing.journal's job record needs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

Rows printed before this revision get a job key of their own ("legacy-<id>"), a title equal
to their form, no printer ref, zero attempts and ``updated_at`` = their ``created_at``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import data.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("print_job", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("job_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True)
        )
        batch_op.add_column(
            sa.Column(
                "title", sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=""
            )
        )
        batch_op.add_column(
            sa.Column("printer_ref", sqlmodel.sql.sqltypes.AutoString(), nullable=True)
        )
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("updated_at", data.types.UTCDateTime(), nullable=True))
    op.execute(
        "UPDATE print_job SET job_key = 'legacy-' || id, title = form, updated_at = created_at"
    )
    with op.batch_alter_table("print_job", schema=None) as batch_op:
        batch_op.alter_column(
            "job_key", existing_type=sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        )
        batch_op.alter_column("updated_at", existing_type=data.types.UTCDateTime(), nullable=False)
        batch_op.create_index(batch_op.f("ix_print_job_state"), ["state"], unique=False)
        batch_op.create_unique_constraint("uq_print_job_job_key", ["job_key"])


def downgrade() -> None:
    with op.batch_alter_table("print_job", schema=None) as batch_op:
        batch_op.drop_constraint("uq_print_job_job_key", type_="unique")
        batch_op.drop_index(batch_op.f("ix_print_job_state"))
        batch_op.drop_column("updated_at")
        batch_op.drop_column("attempts")
        batch_op.drop_column("printer_ref")
        batch_op.drop_column("title")
        batch_op.drop_column("job_key")
