"""The dossier's life: the due moment after supplement pauses, when the result was ready; units that
close with a successor and an allotted time per step.

New columns are nullable, so every state digest stored before stays valid (``onestop.ledger`` skips
NULLs).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("dossiers", sa.Column("legal_due_at", sa.BigInteger(), nullable=True))
    op.add_column("dossiers", sa.Column("result_at", sa.BigInteger(), nullable=True))
    op.create_index("ix_dossiers_result_at", "dossiers", ["result_at"])
    op.add_column("units", sa.Column("allotted_hours", sa.Integer(), nullable=True))
    op.add_column("units", sa.Column("successor_id", sa.Integer(), nullable=True))
    # Organisations have longer names than people (SQLite does not enforce lengths: nothing to do).
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "dossiers", "applicant_name", type_=sa.String(length=255), existing_type=sa.String(length=100)
        )


def downgrade() -> None:
    raise RuntimeError("0004 cannot be undone: restore the copy of the database made before the upgrade")
