"""Everything stored under the chain; sign-in lock-out; applicant kind; the system actor.

- ``events`` may name any entity (``entity``) and carry its state digest (``state``); ``dossier_id``
  becomes optional (a change of settings, staff, catalogue or calendar is an event too).
- ``staff`` counts failed sign-ins (``failed_logins``) and can be ``locked``; the system actor of
  ``init``, ``demo`` and migrations is an account that cannot sign in.
- ``dossiers`` record whether the applicant is an organisation, and its tax code.
- Every row stored before this revision is adopted: one chained event per entity records its state
  as found, by the system actor, so that ``verify`` can vouch for it from now on.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SYSTEM_USERNAME = "he-thong"
# The permission table shipped before this revision: a database still holding it gets the new one.
_OLD_DEFAULT_PERMISSIONS = {
    "tiep_nhan": ["receive", "transfer", "resume", "return", "withdraw", "rate", "correct"],
    "xu_ly": ["take", "transfer", "supplement", "result", "refuse", "stop"],
    "lanh_dao": ["*"],
    "quan_tri": ["*"],
}


def upgrade() -> None:
    bind = op.get_bind()
    # Plain ADD COLUMN (SQLite does it in place; rebuilding these tables would trip the foreign keys).
    op.add_column("staff", sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("staff", sa.Column("locked", sa.Boolean(), nullable=False, server_default="0"))
    op.add_column("dossiers", sa.Column("applicant_kind", sa.String(length=20), nullable=True))
    op.add_column("dossiers", sa.Column("tax_code", sa.String(length=14), nullable=True))
    if bind.dialect.name == "sqlite":
        # SQLite rebuilds the table to relax NOT NULL; the append-only triggers go with the old one.
        with op.batch_alter_table("events", recreate="always") as batch:
            batch.alter_column("dossier_id", existing_type=sa.Integer(), nullable=True)
            batch.add_column(sa.Column("entity", sa.String(length=120), nullable=True))
            batch.add_column(sa.Column("state", sa.String(length=64), nullable=True))
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"DROP TRIGGER IF EXISTS events_no_{verb.lower()}")
            op.execute(
                f"CREATE TRIGGER events_no_{verb.lower()} BEFORE {verb} ON events "
                f"BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
            )
    else:
        op.alter_column("events", "dossier_id", existing_type=sa.Integer(), nullable=True)
        op.add_column("events", sa.Column("entity", sa.String(length=120), nullable=True))
        op.add_column("events", sa.Column("state", sa.String(length=64), nullable=True))
    _adopt(bind)


# Columns that later revisions added: absent from the tables at this revision (all nullable, so the
# digests made here stay valid once they exist).
_LATER_COLUMNS = {"legal_due_at", "result_at", "successor_id", "allotted_hours", "source", "valid_days"}


def _adopt(bind: sa.Connection) -> None:
    from onestop import ledger

    saved = dict(ledger.COLUMNS)
    # The row readers take their column lists from ledger.COLUMNS: read the tables as they are now.
    for table, cols in saved.items():
        ledger.COLUMNS[table] = tuple(c for c in cols if c not in _LATER_COLUMNS)
    try:
        _adopt_rows(bind)
    finally:
        ledger.COLUMNS.update(saved)


def _adopt_rows(bind: sa.Connection) -> None:
    from onestop.db.states import iter_dossier_states, read_state
    from onestop.db.store import Raw, append_events

    now = datetime.now(UTC).replace(microsecond=0)
    stored = bind.exec_driver_sql("SELECT value FROM settings WHERE key = 'permissions'").scalar()
    if stored is not None and json.loads(stored) == _OLD_DEFAULT_PERMISSIONS:
        bind.exec_driver_sql("DELETE FROM settings WHERE key = 'permissions'")
    system_id = bind.execute(
        sa.text(
            "INSERT INTO staff (username, full_name, password_hash, role, unit_id, all_units, disabled,"
            " created_at, failed_logins, locked) VALUES (:u, :n, '!', 'he_thong', NULL, :f, :t, :at, 0, :f)"
            " RETURNING id"
        ),
        {
            "u": SYSTEM_USERNAME,
            "n": "Hệ thống (cài đặt, nâng cấp, dữ liệu mẫu)",
            "f": False,
            "t": True,
            "at": int(now.timestamp()),
        },
    ).scalar_one()
    raw = Raw(bind)

    def adopt(entities: list[tuple[str, object]]) -> None:
        events = []
        for kind, key in entities:
            ev = dict(
                action="adopt",
                at=now,
                user_id=system_id,
                state=read_state(raw, kind, key),
                note="Dữ liệu có trước khi lịch sử ghi đủ mọi thay đổi (lược đồ 0003)",
            )
            if kind == "dossier":
                ev["dossier_id"] = key
            else:
                ev["entity"] = f"{kind}:{key}"
            events.append(ev)
        if events:
            append_events(raw, events, tally=False)

    others: list[tuple[str, object]] = []
    for kind, table, pk in (
        ("setting", "settings", "key"),
        ("unit", "units", "id"),
        ("staff", "staff", "id"),
        ("procedure", "procedures", "id"),
        ("calendar", "calendar_years", "year"),
    ):
        others.extend(
            (kind, row[0]) for row in bind.exec_driver_sql(f"SELECT {pk} FROM {table} ORDER BY {pk}")
        )
    adopt(others)
    # Dossiers in bulk: their states come from one pass over the tables.
    note = "Dữ liệu có trước khi lịch sử ghi đủ mọi thay đổi (lược đồ 0003)"
    batch: list[dict[str, object]] = []
    for did, _code, state in iter_dossier_states(bind):
        batch.append(dict(action="adopt", at=now, user_id=system_id, dossier_id=did, state=state, note=note))
        if len(batch) >= 5000:
            append_events(raw, batch, tally=False)
            batch = []
    if batch:
        append_events(raw, batch, tally=False)


def downgrade() -> None:
    raise RuntimeError("0003 cannot be undone: restore the copy of the database made before the upgrade")
