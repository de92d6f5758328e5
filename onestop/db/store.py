"""Small storage helpers shared by the services: portable SQL that both SQLite and PostgreSQL run."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, insert, select, text, update

from onestop.chain import EVENT_FIELDS, row_hash
from onestop.db.models import ChainHead, Event


def next_value(conn: Connection, name: str) -> int:
    """The next number of a named counter, allocated inside the caller's transaction.

    One statement, the same text on SQLite (≥ 3.35) and PostgreSQL; the row lock it takes keeps
    concurrent writers in line, and a rolled-back transaction gives its number back (no gaps).
    """
    return int(
        conn.execute(
            text(
                "INSERT INTO sequences (name, value) VALUES (:name, 1) "
                "ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1 RETURNING value"
            ),
            {"name": name},
        ).scalar_one()
    )


def raise_sequence(conn: Connection, name: str, at_least: int) -> None:
    """Make sure a counter is at least ``at_least`` (after a bulk import of historical rows)."""
    conn.execute(
        text(
            "INSERT INTO sequences (name, value) VALUES (:name, :v) "
            "ON CONFLICT (name) DO UPDATE SET value = CASE WHEN sequences.value < :v "
            "THEN :v ELSE sequences.value END"
        ),
        {"name": name, "v": at_least},
    )


def insert_ignore(conn: Connection, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert rows, silently skipping those whose primary key exists (two processes seeding at once)."""
    rows = list(rows)
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(table).on_conflict_do_nothing(), rows)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(table).on_conflict_do_nothing(), rows)


def chain_head(conn: Connection, *, lock: bool = True) -> tuple[int, str]:
    stmt = select(ChainHead.seq, ChainHead.hash).where(ChainHead.id == 1)
    if lock:
        stmt = stmt.with_for_update()  # PostgreSQL: serialise appenders; SQLite holds the write lock already
    seq, head = conn.execute(stmt).one()
    return int(seq), str(head)


def set_chain_head(conn: Connection, seq: int, head: str) -> None:
    conn.execute(update(ChainHead).where(ChainHead.id == 1).values(seq=seq, hash=head))


def append_events(conn: Connection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Append events to the history, chained after the current head, inside the caller's transaction.

    Each dict has the EVENT_FIELDS but ``chain_seq`` (assigned here); ``data`` may be a dict.
    """
    seq, prev = chain_head(conn)
    rows = []
    for ev in events:
        seq += 1
        row = dict(ev)
        row["chain_seq"] = seq
        row.setdefault("note", "")
        row.setdefault("from_unit_id", None)
        row.setdefault("to_unit_id", None)
        data = row.get("data") or ""
        row["data"] = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, sort_keys=True)
        row["hash"] = prev = row_hash("event", EVENT_FIELDS, row, prev)
        rows.append(row)
    conn.execute(insert(Event), rows)
    set_chain_head(conn, seq, prev)
    return rows


# --------------------------------------------------------------------------- search index (SQLite FTS5)

FTS_MARK = "fts:indexed_upto"  # the highest dossier id already in dossiers_fts


def fts_indexed_upto(conn: Connection) -> int:
    value = conn.execute(text("SELECT value FROM sequences WHERE name = :n"), {"n": FTS_MARK}).scalar()
    return int(value or 0)


def index_pending(conn: Connection) -> int:
    """Add the dossiers received since the last batch to the FTS index, inside the caller's write
    transaction. Returns how many were added. Searches cover the rest with a scan of that short tail."""
    upto = fts_indexed_upto(conn)
    top = conn.execute(text("SELECT coalesce(max(id), 0) FROM dossiers")).scalar_one()
    if top <= upto:
        return 0
    conn.execute(
        text(
            "INSERT INTO dossiers_fts(rowid, search_key) "
            "SELECT id, search_key FROM dossiers WHERE id > :upto AND id <= :top"
        ),
        {"upto": upto, "top": top},
    )
    conn.execute(
        text(
            "INSERT INTO sequences (name, value) VALUES (:n, :v) "
            "ON CONFLICT (name) DO UPDATE SET value = :v"
        ),
        {"n": FTS_MARK, "v": top},
    )
    return int(top - upto)


def reindex_one(conn: Connection, dossier_id: int, old_key: str, new_key: str) -> None:
    """Keep the FTS index right when a dossier's search key changes (a correction)."""
    if dossier_id > fts_indexed_upto(conn):
        return  # not indexed yet: the next batch takes the new key
    conn.execute(
        text("INSERT INTO dossiers_fts(dossiers_fts, rowid, search_key) VALUES ('delete', :id, :k)"),
        {"id": dossier_id, "k": old_key},
    )
    conn.execute(text("INSERT INTO dossiers_fts(rowid, search_key) VALUES (:id, :k)"), {"id": dossier_id, "k": new_key})
