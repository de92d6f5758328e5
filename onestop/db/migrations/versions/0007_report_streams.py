"""The period report without sorts: its covering indexes lead with the keys it groups by (procedure
and receiving clerk; officer, action and unit; clerk, event, level and satisfied), so each pass
streams its groups in index order; the weekly series counts results by moment; and its joins
read a compact index of what they need of a dossier by key.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_OLD_RESULT = [
    "result_at",
    "procedure_id",
    "received_by",
    "current_unit_id",
    "legal_due_at",
    "due_at",
    "received_at",
]


def upgrade() -> None:
    op.drop_index("ix_dossiers_report_received", table_name="dossiers")
    op.create_index(
        "ix_dossiers_report_received", "dossiers", ["procedure_id", "received_by", "received_at", "status"]
    )
    op.drop_index("ix_dossiers_report_result", table_name="dossiers")
    op.create_index(
        "ix_dossiers_report_result",
        "dossiers",
        ["procedure_id", "received_by", "result_at", "legal_due_at", "due_at", "received_at"],
    )
    op.create_index("ix_dossiers_result_due", "dossiers", ["result_at", "legal_due_at", "due_at"])
    op.create_index(
        "ix_dossiers_key", "dossiers", ["id", "procedure_id", "legal_due_at", "due_at", "received_at"]
    )
    op.create_index("ix_events_officer", "events", ["user_id", "action", "from_unit_id", "at", "dossier_id"])
    op.create_index(
        "ix_ratings_clerk",
        "ratings",
        ["clerk_id", "event", "level", "satisfied", "at", "reasons", "dossier_id"],
    )


def downgrade() -> None:
    op.drop_index("ix_ratings_clerk", table_name="ratings")
    op.drop_index("ix_events_officer", table_name="events")
    op.drop_index("ix_dossiers_key", table_name="dossiers")
    op.drop_index("ix_dossiers_result_due", table_name="dossiers")
    op.drop_index("ix_dossiers_report_result", table_name="dossiers")
    op.create_index("ix_dossiers_report_result", "dossiers", _OLD_RESULT)
    op.drop_index("ix_dossiers_report_received", table_name="dossiers")
    op.create_index(
        "ix_dossiers_report_received", "dossiers", ["received_at", "procedure_id", "received_by", "status"]
    )
