"""the server's register of phản ánh, kiến nghị

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
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
    op.create_table(
        "srv_feedback",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("desk_key", sa.String(length=36), nullable=True),
        sa.Column("book", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=True),
        sa.Column("sender_name", sa.String(length=200), nullable=False),
        sa.Column("sender_phone", sa.String(length=32), nullable=True),
        sa.Column("sender_email", sa.String(length=320), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("received_at", data.types.UTCDateTime(), nullable=True),
        sa.Column("due_at", data.types.UTCDateTime(), nullable=True),
        sa.Column("assigned_to", sa.String(length=200), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", data.types.UTCDateTime(), nullable=True),
        sa.Column("updated_at", data.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["agency_code"], ["srv_agency.code"]),
        sa.ForeignKeyConstraint(["desk_key"], ["srv_desk.key"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_srv_feedback_agency_code"), "srv_feedback", ["agency_code"])
    op.create_index(op.f("ix_srv_feedback_due_at"), "srv_feedback", ["due_at"])
    op.create_index(op.f("ix_srv_feedback_state"), "srv_feedback", ["state"])


def downgrade() -> None:
    op.drop_table("srv_feedback")
