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
    op.create_index(
        "ix_dossiers_report_received", "dossiers", ["received_at", "procedure_id", "received_by", "status"]
    )
    op.create_index(
        "ix_dossiers_report_result",
        "dossiers",
        ["result_at", "procedure_id", "received_by", "current_unit_id", "legal_due_at", "due_at"],
    )
    op.create_index(
        "ix_ratings_report",
        "ratings",
        ["at", "level", "satisfied", "event", "reasons", "clerk_id", "dossier_id"],
    )
    op.add_column("units", sa.Column("allotted_hours", sa.Integer(), nullable=True))
    op.add_column("units", sa.Column("successor_id", sa.Integer(), nullable=True))
    # Organisations have longer names than people (SQLite does not enforce lengths: nothing to do).
    if op.get_bind().dialect.name != "sqlite":
        op.alter_column(
            "dossiers", "applicant_name", type_=sa.String(length=255), existing_type=sa.String(length=100)
        )

    op.add_column("calendar_years", sa.Column("source", sa.String(length=20), nullable=True))
    op.create_table(
        "directives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("to_user_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_at", sa.BigInteger(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.BigInteger(), nullable=True),
        sa.Column("answered_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["answered_by"], ["staff.id"], name=op.f("fk_directives_answered_by_staff")),
        sa.ForeignKeyConstraint(["created_by"], ["staff.id"], name=op.f("fk_directives_created_by_staff")),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_directives_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(["to_user_id"], ["staff.id"], name=op.f("fk_directives_to_user_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directives")),
    )
    op.create_index(op.f("ix_directives_dossier_id"), "directives", ["dossier_id"])
    op.create_index(op.f("ix_directives_to_user_id"), "directives", ["to_user_id"])


def downgrade() -> None:
    raise RuntimeError("0004 cannot be undone: restore the copy of the database made before the upgrade")
