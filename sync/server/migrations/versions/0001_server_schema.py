"""server schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import data.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "srv_agency",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("tracking_secret", sa.LargeBinary(), nullable=False),
        sa.Column("feed_last", sa.Integer(), nullable=False),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "srv_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.Column("completed_at", data.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("sha256"),
    )
    op.create_table(
        "srv_province_record",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("service", sa.String(length=32), nullable=False),
        sa.Column("dossier_code", sa.String(length=64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.Column("sent_at", data.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("srv_province_record", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_srv_province_record_dossier_code"), ["dossier_code"], unique=False
        )
        batch_op.create_index("ix_srv_province_record_pending", ["sent_at", "id"], unique=False)

    op.create_table(
        "srv_blob_access",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["srv_agency.code"],
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["srv_blob.sha256"],
        ),
        sa.PrimaryKeyConstraint("sha256", "agency_code"),
    )
    op.create_table(
        "srv_change",
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["srv_agency.code"],
        ),
        sa.PrimaryKeyConstraint("agency_code", "seq"),
    )
    op.create_table(
        "srv_desk",
        sa.Column("key", sa.String(length=36), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("range_start", sa.Integer(), nullable=False),
        sa.Column("range_end", sa.Integer(), nullable=False),
        sa.Column("enrol_code_hash", sa.String(length=64), nullable=True),
        sa.Column("enrol_expires_at", data.types.UTCDateTime(), nullable=True),
        sa.Column("secret_hash", sa.String(length=200), nullable=True),
        sa.Column("desk_id", sa.String(length=36), nullable=True),
        sa.Column("enrolled_at", data.types.UTCDateTime(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("created_at", data.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["srv_agency.code"],
        ),
        sa.PrimaryKeyConstraint("key"),
        sa.UniqueConstraint("desk_id"),
        sa.UniqueConstraint("enrol_code_hash"),
    )
    with op.batch_alter_table("srv_desk", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_srv_desk_agency_code"), ["agency_code"], unique=False)

    op.create_table(
        "srv_command",
        sa.Column("command_id", sa.String(length=36), nullable=False),
        sa.Column("desk_key", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=True),
        sa.Column("payload_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.Integer(), nullable=True),
        sa.Column("applied_at", data.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["desk_key"],
            ["srv_desk.key"],
        ),
        sa.PrimaryKeyConstraint("command_id"),
    )
    with op.batch_alter_table("srv_command", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_srv_command_desk_key"), ["desk_key"], unique=False)

    op.create_table(
        "srv_dossier",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=32), nullable=False),
        sa.Column("desk_key", sa.String(length=36), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("status_before_pause", sa.Integer(), nullable=True),
        sa.Column("received_at", data.types.UTCDateTime(), nullable=False),
        sa.Column("due_at", data.types.UTCDateTime(), nullable=True),
        sa.Column("finished_at", data.types.UTCDateTime(), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("tracking_token", sa.String(length=32), nullable=False),
        sa.Column("lookup_code", sa.String(length=16), nullable=False),
        sa.Column("result_sha256", sa.String(length=64), nullable=True),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("last_event_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", data.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_code"],
            ["srv_agency.code"],
        ),
        sa.ForeignKeyConstraint(
            ["desk_key"],
            ["srv_desk.key"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("srv_dossier", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_srv_dossier_agency_code"), ["agency_code"], unique=False
        )

    op.create_table(
        "srv_event",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("dossier_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", data.types.UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("from_status", sa.Integer(), nullable=True),
        sa.Column("to_status", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["srv_dossier.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dossier_id", "seq"),
    )


def downgrade() -> None:

    op.drop_table("srv_event")
    with op.batch_alter_table("srv_dossier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_srv_dossier_agency_code"))

    op.drop_table("srv_dossier")
    with op.batch_alter_table("srv_command", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_srv_command_desk_key"))

    op.drop_table("srv_command")
    with op.batch_alter_table("srv_desk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_srv_desk_agency_code"))

    op.drop_table("srv_desk")
    op.drop_table("srv_change")
    op.drop_table("srv_blob_access")
    with op.batch_alter_table("srv_province_record", schema=None) as batch_op:
        batch_op.drop_index("ix_srv_province_record_pending")
        batch_op.drop_index(batch_op.f("ix_srv_province_record_dossier_code"))

    op.drop_table("srv_province_record")
    op.drop_table("srv_blob")
    op.drop_table("srv_agency")
