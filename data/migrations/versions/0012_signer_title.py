"""signer title on Mẫu 04: the title printed under the head's signature (Chủ tịch, Giám đốc …)

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-03

One nullable column; an apology recorded before it prints the generic "Thủ trưởng cơ quan,
đơn vị" as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("dossier_extension", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signer_title", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dossier_extension", schema=None) as batch_op:
        batch_op.drop_column("signer_title")
