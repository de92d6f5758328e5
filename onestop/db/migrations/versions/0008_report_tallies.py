"""The period report's tallies (onestop.db.tally): per local day and group key, what the report adds
up, kept as dossiers are received, finished and rated; counted here from the stored rows.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _key(name: str, type_: sa.types.TypeEngine) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, type_, primary_key=True, autoincrement=False)


def upgrade() -> None:
    from onestop.db import tally

    op.create_table(
        "tally_meta",
        _key("id", sa.Integer()),
        sa.Column("offset_seconds", sa.Integer(), nullable=False),
    )
    counts = [sa.Column(c, sa.Integer(), nullable=False) for c in ("on_time", "late")]
    seconds = [sa.Column(c, sa.BigInteger(), nullable=False) for c in ("busy_seconds", "allowed_seconds")]
    op.create_table(
        "tally_dossiers",
        _key("day", sa.Integer()),
        _key("procedure_id", sa.Integer()),
        _key("received_by", sa.Integer()),
        *(
            sa.Column(c, sa.Integer(), nullable=False)
            for c in ("received", "refused", "stopped", "withdrawn")
        ),
        *counts,
        *seconds,
    )
    op.create_table(
        "tally_officers",
        _key("day", sa.Integer()),
        _key("user_id", sa.Integer()),
        _key("unit_id", sa.Integer()),
        *(sa.Column(c.name, c.type, nullable=False) for c in (*counts, *seconds)),
    )
    op.create_table(
        "tally_ratings",
        _key("day", sa.Integer()),
        _key("clerk_id", sa.Integer()),
        _key("event", sa.String(20)),
        _key("level", sa.String(30)),
        _key("satisfied", sa.Boolean()),
        _key("reasons", sa.String(255)),
        _key("procedure_id", sa.Integer()),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_table(
        "tally_steps",
        _key("day", sa.Integer()),
        _key("unit_id", sa.Integer()),
        sa.Column("steps", sa.Integer(), nullable=False),
        sa.Column("held_seconds", sa.BigInteger(), nullable=False),
        sa.Column("judged", sa.Integer(), nullable=False),
        sa.Column("late", sa.Integer(), nullable=False),
    )
    where = sa.text("action IN ('transfer', 'result', 'return')")
    op.create_index(
        "ix_events_handover",
        "events",
        ["dossier_id", "id", "action", "at", "from_unit_id", "data"],
        sqlite_where=where,
        postgresql_where=where,
    )
    conn = op.get_bind()
    stored = conn.exec_driver_sql("SELECT value FROM settings WHERE key = 'agency.time_zone'").scalar()
    zone = ZoneInfo(json.loads(stored) if stored else "Asia/Ho_Chi_Minh")
    tally.rebuild(conn, tally.zone_offset(zone))


def downgrade() -> None:
    op.drop_index("ix_events_handover", table_name="events")
    for table in ("tally_steps", "tally_ratings", "tally_officers", "tally_dossiers", "tally_meta"):
        op.drop_table(table)
