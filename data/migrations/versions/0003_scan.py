"""dossier scans: the legal and compact copies of a scanned dossier component

Revision ID: 0003_scan
Revises: 0002
Create Date: 2026-11-24

A new table only; no existing row changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import data.types

revision: str = "0003_scan"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dossier_scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("component_id", sa.Integer(), nullable=False),
        sa.Column("legal_sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("compact_sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("legal_size", sa.Integer(), nullable=False),
        sa.Column("compact_size", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("dpi", sa.Integer(), nullable=False),
        sa.Column("colour_pages", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["compact_sha256"], ["blob.sha256"]),
        sa.ForeignKeyConstraint(["component_id"], ["dossier_component.id"]),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.ForeignKeyConstraint(["legal_sha256"], ["blob.sha256"]),
        sa.ForeignKeyConstraint(["officer_id"], ["officer.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dossier_scan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dossier_scan_component_id"), ["component_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_dossier_scan_dossier_id"), ["dossier_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("dossier_scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dossier_scan_dossier_id"))
        batch_op.drop_index(batch_op.f("ix_dossier_scan_component_id"))
    op.drop_table("dossier_scan")
