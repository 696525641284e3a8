"""sync: remember which blobs the central server already holds

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Blobs stored before this revision have ``uploaded_at`` NULL: the desk asks the server about
each of them once (HEAD by SHA-256) and uploads only what is missing.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import data.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("blob", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uploaded_at", data.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("blob", schema=None) as batch_op:
        batch_op.drop_column("uploaded_at")
