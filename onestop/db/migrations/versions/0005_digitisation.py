"""Digitisation: the stored files (content-addressed), the attachments of dossiers (components and
electronic results, reuse of an earlier scan) and how long a procedure's paper may be reused.

New columns are nullable, so every state digest stored before stays valid (``onestop.ledger`` skips
NULLs).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("procedure_documents", sa.Column("valid_days", sa.Integer(), nullable=True))
    op.create_table(
        "files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_files")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # PDFs are compressed already: store them out of line without trying to compress them again.
        op.execute("ALTER TABLE files ALTER COLUMN data SET STORAGE EXTERNAL")
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("document", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("attached_by", sa.Integer(), nullable=False),
        sa.Column("attached_at", sa.BigInteger(), nullable=False),
        sa.Column("reused_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["attached_by"], ["staff.id"], name=op.f("fk_attachments_attached_by_staff")),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_attachments_dossier_id_dossiers")
        ),
        sa.ForeignKeyConstraint(
            ["reused_from"], ["attachments.id"], name=op.f("fk_attachments_reused_from_attachments")
        ),
        sa.ForeignKeyConstraint(["sha256"], ["files.sha256"], name=op.f("fk_attachments_sha256_files")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_dossier_id"), "attachments", ["dossier_id"])
    op.create_index(op.f("ix_attachments_sha256"), "attachments", ["sha256"])


def downgrade() -> None:
    raise RuntimeError("0005 cannot be undone: restore the copy of the database made before the upgrade")
