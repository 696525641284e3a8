"""notifications to citizens

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import data.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "srv_notification",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("event_kind", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("to", sa.String(length=320), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", data.types.UTCDateTime(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=True),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.Column("sent_at", data.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["dossier_id"], ["srv_dossier.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_srv_notification_dossier_id"), "srv_notification", ["dossier_id"], unique=False
    )
    op.create_index(
        op.f("ix_srv_notification_dossier_code"), "srv_notification", ["dossier_code"], unique=False
    )
    op.create_index(op.f("ix_srv_notification_state"), "srv_notification", ["state"], unique=False)


def downgrade() -> None:
    op.drop_table("srv_notification")
