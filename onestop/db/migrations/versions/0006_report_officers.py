"""Responsibility figures: the report's pass over the results also reads the receipt moment (the
average processing time, from one covering index), and a covering index over the step events by
action and moment gives the on-time rate per officer who recorded the result.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_RESULT = ["result_at", "procedure_id", "received_by", "current_unit_id", "legal_due_at", "due_at"]


def upgrade() -> None:
    op.drop_index("ix_dossiers_report_result", table_name="dossiers")
    op.create_index("ix_dossiers_report_result", "dossiers", [*_RESULT, "received_at"])
    op.create_index("ix_events_report", "events", ["at", "action", "user_id", "from_unit_id", "dossier_id"])


def downgrade() -> None:
    op.drop_index("ix_events_report", table_name="events")
    op.drop_index("ix_dossiers_report_result", table_name="dossiers")
    op.create_index("ix_dossiers_report_result", "dossiers", _RESULT)
