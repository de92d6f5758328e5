"""Reading an entity's stored rows and computing its state digest (``onestop.ledger``).

Writers call :func:`read_state` inside their transaction, after their changes, to put the state in
the event they append; ``verify`` computes the same digests over every stored row (in bulk, with
:func:`iter_dossier_states`). Raw driver reads: values exactly as stored.
"""

from __future__ import annotations

import hashlib
import itertools
import pickle
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
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
DbConn = Connection | sqlite3.Connection  # SQLAlchemy's, or a plain SQLite one (the digest worker)


def cursor(conn: DbConn, name: str, size: int = 5000) -> Any:
    """A driver cursor that streams (PostgreSQL: a server-side cursor, not the whole result in
    memory, ``size`` rows a round trip; each gets its own name). Close it when done."""
    if isinstance(conn, sqlite3.Connection):
        return conn.cursor()
    raw = conn.connection.driver_connection
    assert raw is not None
    if conn.dialect.name == "postgresql":
        cur = raw.cursor(name=f"onestop_{name}_{next(_cursors)}")
        cur.itersize = size  # rows a round trip when iterated
        return cur
    return raw.cursor()


@contextmanager
def rows(conn: DbConn, sql: str, name: str = "rows", size: int = 5000) -> Iterator[Iterator[tuple[Any, ...]]]:
    """The rows of a query (raw values, as stored) as an iterator of the driver's own: no Python
    step a row (SQLite steps the statement as it is iterated; PostgreSQL fetches ``size`` rows at a
    time: small for large values such as files)."""
    cur = cursor(conn, name, size)
    try:
        cur.execute(sql)
        yield iter(cur)
    finally:
        cur.close()


def stream(conn: DbConn, sql: str, name: str = "stream", size: int = 5000) -> Iterator[tuple[Any, ...]]:
    """Rows of a query, streamed (raw values, as stored; ``size``: see ``rows``)."""
    with rows(conn, sql, name, size) as it:
        yield from it


def iter_dossier_states(conn: Connection) -> Iterator[tuple[int, str, str]]:
    """(id, code, state) of every stored dossier in id order, in one pass over the tables."""
    sha256 = hashlib.sha256
    for did, code, text in iter_dossier_texts(conn):
        yield did, code, sha256(text).hexdigest()


def iter_dossier_texts(conn: DbConn, upto: int | None = None) -> Iterator[tuple[int, str, bytes]]:
    """(id, code, what its state digest hashes) of every stored dossier in id order (those up to
    id ``upto`` when given): one pass over the dossiers, their documents and receipt versions, each
    read in dossier order and merged."""
    snapshots = dict(stream(conn, "SELECT id, digest FROM snapshots"))
    snap_at = 1 + _C["dossiers"].index("snapshot_id")
    text = ledger.plain_dossier_text
    end = (float("inf"), ())
    where, owned = (
        ("", "") if upto is None else (f" WHERE id <= {int(upto)}", f" WHERE dossier_id <= {int(upto)}")
    )
    with (
        rows(
            conn, f"SELECT id, {_cols('dossiers')} FROM dossiers{where} ORDER BY id", "dossiers"
        ) as dossiers,
        rows(
            conn,
            f"SELECT dossier_id, {_cols('dossier_documents')} FROM dossier_documents{owned}"
            " ORDER BY dossier_id, id",
            "docs",
        ) as doc_rows,
        rows(
            conn,
            f"SELECT dossier_id, {_cols('receipt_versions')} FROM receipt_versions{owned}"
            " ORDER BY dossier_id, version",
            "versions",
        ) as version_rows,
    ):
        docs, versions = _by_dossier(doc_rows), _by_dossier(version_rows)
        doc_id, doc_group = next(docs, end)
        version_id, version_group = next(versions, end)
        for r in dossiers:
            did = r[0]
            # Rows of a dossier that is gone are skipped here (verify names the dossier from the chain).
            while doc_id < did:
                doc_id, doc_group = next(docs, end)
            while version_id < did:
                version_id, version_group = next(versions, end)
            own_docs: Sequence[tuple[Any, ...]] = ()
            own_versions: Sequence[tuple[Any, ...]] = ()
            if doc_id == did:
                own_docs = doc_group
                doc_id, doc_group = next(docs, end)
            if version_id == did:
                own_versions = version_group
                version_id, version_group = next(versions, end)
            yield did, r[1], text(did, r[1:], own_docs, own_versions, snapshots.get(r[snap_at], ""))


def _by_dossier(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, list[tuple[Any, ...]]]]:
    """(dossier id, its rows without that column) from rows ordered by dossier id."""
    for did, group in groupby(rows, key=itemgetter(0)):
        yield did, [g[1:] for g in group]


# --------------------------------------------------------------------------- every dossier's digest

WIDTH = 16  # bytes of a state digest kept per dossier (``verify`` compares these)


@dataclass
class DossierDigests:
    """The first WIDTH bytes of the state digest of every stored dossier, by id."""

    dense: bytearray  # WIDTH bytes per id from 0 to len // WIDTH - 1; zero: no such dossier
    sparse: list[tuple[int, str, bytes]] = field(default_factory=list)  # (id, code, digest) of ids beyond
    top: dict[str, int] = field(default_factory=dict)  # highest code number per code prefix
    seen: int = 0  # dossiers read


def dossier_digests(
    conn: DbConn, *, upto: int | None, dense_ids: int, progress: Callable[[int], None] | None = None
) -> DossierDigests:
    """The digests of the stored dossiers (up to id ``upto``), ids below ``dense_ids`` in one flat
    array, and the highest number used per code prefix (``<identifier>-<yymmdd>``), in one pass."""
    result = DossierDigests(bytearray(dense_ids * WIDTH))
    dense, sparse, top = result.dense, result.sparse, result.top
    sha256 = hashlib.sha256
    seen = 0
    for did, code, text in iter_dossier_texts(conn, upto):
        seen += 1
        digest = sha256(text).digest()[:WIDTH]
        if 0 <= did < dense_ids:
            at = did * WIDTH
            dense[at : at + WIDTH] = digest
        else:
            sparse.append((did, str(code), digest))
        prefix, _, number = str(code).rpartition("-")
        n = int(number) if number.isdigit() else 0
        if n > top.get(prefix, 0):
            top[prefix] = n
        if progress is not None and seen % 100_000 == 0:
            progress(seen)
    result.seen = seen
    return result


def _digest_worker(path: str, upto: int, dense_ids: int) -> None:
    """``python -m onestop.db.states PATH UPTO DENSE_IDS``: ``dossier_digests`` of an SQLite file
    in a process of its own (``verify`` runs it beside the chain's pass: a second CPU). Writes pickled
    ("progress", n) messages, then ("done", (dense, sparse, top, seen)), to stdout."""
    out = sys.stdout.buffer

    def send(message: tuple[str, Any]) -> None:
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        conn.execute("PRAGMA query_only = 1")
        conn.execute("BEGIN")
        found = dossier_digests(
            conn, upto=upto, dense_ids=dense_ids, progress=lambda n: send(("progress", n))
        )
        send(("done", (found.dense, found.sparse, found.top, found.seen)))  # plain values: this is __main__
        conn.execute("COMMIT")
    finally:
        conn.close()


if __name__ == "__main__":
    _digest_worker(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
