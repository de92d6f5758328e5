"""Reading an entity's stored rows and computing its state digest (``onestop.ledger``).

Writers call :func:`read_state` inside their transaction, after their changes, to put the state in
the event they append; ``verify`` computes the same digests over every stored row (in bulk, with
:func:`iter_dossier_states`). Raw driver reads: values exactly as stored.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection

from onestop import ledger
from onestop.db.store import Raw

_C = ledger.COLUMNS


def _cols(table: str) -> str:
    return ", ".join(_C[table])


def _rows(raw: Raw, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    raw.run(sql, params)
    return [tuple(r) for r in raw.cur.fetchall()]


def read_state(conn: Connection | Raw, kind: str, key: Any) -> str:
    """The state digest of one entity as stored now (``ledger.ABSENT`` when it has no row)."""
    raw = conn if isinstance(conn, Raw) else Raw(conn)
    if kind == "dossier":
        return dossier_state(raw, int(key))
    if kind == "procedure":
        row = _rows(raw, f"SELECT {_cols('procedures')} FROM procedures WHERE id = ?", (int(key),))
        if not row:
            return ledger.ABSENT
        docs = _rows(
            raw,
            f"SELECT {_cols('procedure_documents')} FROM procedure_documents WHERE procedure_id = ? ORDER BY id",
            (int(key),),
        )
        return ledger.procedure_state(int(key), row[0], docs)
    if kind == "calendar":
        row = _rows(raw, f"SELECT {_cols('calendar_years')} FROM calendar_years WHERE year = ?", (int(key),))
        days = _rows(
            raw,
            f"SELECT {_cols('calendar_days')} FROM calendar_days WHERE year = ? ORDER BY day",
            (int(key),),
        )
        return ledger.calendar_state(int(key), row[0] if row else None, days)
    table, pk = ledger.ENTITIES[kind]
    value: Any = key if kind == "setting" else int(key)
    row = _rows(raw, f"SELECT {_cols(table)} FROM {table} WHERE {pk} = ?", (value,))
    return ledger.single_state(kind, key, row[0] if row else None)


def dossier_state(raw: Raw, dossier_id: int) -> str:
    row = _rows(raw, f"SELECT {_cols('dossiers')} FROM dossiers WHERE id = ?", (dossier_id,))
    if not row:
        return ledger.ABSENT
    docs = _rows(
        raw,
        f"SELECT {_cols('dossier_documents')} FROM dossier_documents WHERE dossier_id = ? ORDER BY id",
        (dossier_id,),
    )
    versions = _rows(
        raw,
        f"SELECT {_cols('receipt_versions')} FROM receipt_versions WHERE dossier_id = ? ORDER BY version",
        (dossier_id,),
    )
    snapshot_id = row[0][_C["dossiers"].index("snapshot_id")]
    snap = _rows(raw, "SELECT digest FROM snapshots WHERE id = ?", (snapshot_id,))
    return ledger.dossier_state(dossier_id, row[0], docs, versions, snap[0][0] if snap else "")


_cursors = itertools.count(1)


def cursor(conn: Connection, name: str) -> Any:
    """A driver cursor that streams (PostgreSQL: a server-side cursor, not the whole result in
    memory; each gets its own name). Close it when done."""
    raw = conn.connection.driver_connection
    assert raw is not None
    if conn.dialect.name == "postgresql":
        return raw.cursor(name=f"onestop_{name}_{next(_cursors)}")
    return raw.cursor()


def stream(conn: Connection, sql: str, name: str = "stream", size: int = 5000) -> Iterator[tuple[Any, ...]]:
    """Rows of a query, fetched in batches (raw values, as stored)."""
    cur = cursor(conn, name)
    try:
        cur.execute(sql)
        while True:
            batch = cur.fetchmany(size)
            if not batch:
                return
            yield from batch
    finally:
        cur.close()


def iter_dossier_states(conn: Connection) -> Iterator[tuple[int, str, str]]:
    """(id, code, state) of every stored dossier in id order, in one pass over the tables (``verify``)."""
    snapshots = dict(stream(conn, "SELECT id, digest FROM snapshots"))
    versions: dict[int, list[tuple[Any, ...]]] = {}
    for r in stream(
        conn,
        f"SELECT dossier_id, {_cols('receipt_versions')} FROM receipt_versions ORDER BY dossier_id, version",
    ):
        versions.setdefault(r[0], []).append(tuple(r[1:]))
    docs_cur = cursor(conn, "docs")
    cur = cursor(conn, "dossiers")
    try:
        yield from _merge_dossiers(docs_cur, cur, versions, snapshots)
    finally:
        docs_cur.close()
        cur.close()


def _merge_dossiers(
    docs_cur: Any, cur: Any, versions: dict[int, list[tuple[Any, ...]]], snapshots: dict[Any, Any]
) -> Iterator[tuple[int, str, str]]:
    docs_cur.execute(
        f"SELECT dossier_id, {_cols('dossier_documents')} FROM dossier_documents ORDER BY dossier_id, id"
    )
    pending = docs_cur.fetchone()
    snap_at = _C["dossiers"].index("snapshot_id")
    cur.execute(f"SELECT id, {_cols('dossiers')} FROM dossiers ORDER BY id")
    state = ledger.dossier_state
    while True:
        batch = cur.fetchmany(2000)
        if not batch:
            break
        for r in batch:
            did = r[0]
            row = r[1:]
            docs = []
            while pending is not None and pending[0] < did:
                pending = docs_cur.fetchone()  # documents of a dossier that is gone: seen by the caller
            while pending is not None and pending[0] == did:
                docs.append(pending[1:])
                pending = docs_cur.fetchone()
            yield did, row[0], state(did, row, docs, versions.get(did, ()), snapshots.get(row[snap_at], ""))
