"""per-agency upload sessions; credential revocation, version and last contact

Uploads in progress move to ``srv_blob_upload`` (one per agency and file). The few
half-finished uploads of the old shared table are dropped: the desk finds no upload on its
next round and starts that file again (a partial file left on disk is harmless).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import data.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "srv_blob_upload",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["agency_code"], ["srv_agency.code"]),
        sa.PrimaryKeyConstraint("sha256", "agency_code"),
    )
    op.execute(
        "DELETE FROM srv_blob_access WHERE sha256 IN "
        "(SELECT sha256 FROM srv_blob WHERE complete = false)"
    )
    op.execute("DELETE FROM srv_blob WHERE complete = false")
    with op.batch_alter_table("srv_desk") as batch:
        batch.add_column(sa.Column("revoked_at", data.types.UTCDateTime(), nullable=True))
        batch.add_column(
            sa.Column("credential_version", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("last_seen_at", data.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("srv_desk") as batch:
        batch.drop_column("last_seen_at")
        batch.drop_column("credential_version")
        batch.drop_column("revoked_at")
    op.drop_table("srv_blob_upload")
