"""The digitised files: each stored once, in the database, named by the SHA-256 of its bytes.

Why in the database (table ``files``, a blob per file) rather than in a folder beside it:

- **One thing to back up.** SQLite: ``onestop backup`` (SQLite's online backup) copies the files with
  everything else, at the same moment as the rows that name them, while the counters keep working; a
  folder would need a second copy taken at another moment, and a restore could pair rows with files
  they never had. PostgreSQL: ``pg_dump`` covers ``bytea`` like any column.
- **Several counters share a PostgreSQL server, not a disk**: a folder would have to be a network
  share that every counter mounts, with its own permissions, and its own way of failing.
- **All or nothing**: a file and the attachment that names it land in one transaction; a crash never
  leaves a file without its row, or a row without its file.

The price is a database that grows with the scans (a page at 200 dpi, JPEG quality 85, is about
0.1–0.5 MB): SQLite keeps large blobs in overflow pages and reads them only when a scan is opened —
lists, reports and ``show`` never select ``data`` — and the limit per file (``scan.max_mb``, 20 MB
by default) keeps every blob far below SQLite's 1 GB and PostgreSQL's ``bytea`` limits. On
PostgreSQL the column is stored out of line without compression (PDFs are compressed already).

**Integrity.** A file's name is its content's digest, so ``verify`` recomputes every stored file's
SHA-256 (streamed, two files in memory at a time). The chained attachments (``onestop.ledger``,
entity "attachment") name their file by that digest, and the attachment's event in the dossier's
history carries it in its data. :func:`check` names a file **changed** (its bytes no longer hash to
its name), **missing** (a file the history names is gone), or **swapped** (an attachment now names
another file than its history says).
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import Connection, literal_column, select

from onestop.db import schema as t
from onestop.db.states import stream
from onestop.db.store import insert_ignore

PDF = "application/pdf"


def put(conn: Connection, data: bytes, sha256: str, *, at: datetime, media_type: str = PDF) -> None:
    """Store a file unless a file with the same content is stored already (two counters at once too)."""
    insert_ignore(
        conn,
        t.files,
        [{"sha256": sha256, "size": len(data), "media_type": media_type, "created_at": at, "data": data}],
    )


def _bytes_of(conn: Connection) -> str:
    # SQLite gives a value written as text (``data || 'x'`` from a plain client) back as text, which
    # the driver cannot decode: read it as the bytes it holds.
    return "CAST(data AS BLOB)" if conn.dialect.name == "sqlite" else "data"


def get(conn: Connection, sha256: str) -> bytes | None:
    data = conn.execute(
        select(literal_column(_bytes_of(conn))).select_from(t.files).where(t.files.c.sha256 == sha256)
    ).scalar()
    return None if data is None else bytes(data)


def where(kind: str, document: int | None, code: str) -> str:
    """How a problem names an attachment: «hồ sơ X, thành phần 2» or «hồ sơ X, kết quả»."""
    part = "kết quả" if kind == "result" else f"thành phần {document}"
    return f"hồ sơ {code}, {part}"


def check(conn: Connection, problems: list[str]) -> int:
    """``verify``'s part for the files (see the module's docstring). Returns how many were read."""
    # What the history says each attachment's file is: the digest in the data of the attachment's
    # event in its dossier's history (found through the events' dossier index, not a scan of them).
    recorded: dict[int, str] = {}
    for (data,) in conn.exec_driver_sql(
        "SELECT e.data FROM events e WHERE e.dossier_id IN (SELECT dossier_id FROM attachments)"
        " AND e.action IN ('attach', 'reuse') ORDER BY e.id"
    ):
        try:
            event = json.loads(data)
            recorded[int(event["attachment"])] = str(event["sha256"])
        except (ValueError, KeyError, TypeError):
            continue  # an event that is not an attachment's: the chain check vouches for it
    stored = {sha for (sha,) in conn.exec_driver_sql("SELECT sha256 FROM files")}
    named: dict[str, list[str]] = {}
    for aid, sha, kind, document, code in conn.exec_driver_sql(
        "SELECT a.id, a.sha256, a.kind, a.document, d.code FROM attachments a"
        " JOIN dossiers d ON d.id = a.dossier_id ORDER BY a.id"
    ):
        place = where(kind, document, code)
        want = recorded.get(int(aid), sha)
        if want != sha:
            problems.append(
                f"Tệp số hóa của {place} đã bị tráo: lịch sử ghi tệp SHA-256 {want[:16]}…, "
                f"nay trỏ tới tệp {str(sha)[:16]}…."
            )
        if want not in stored:
            problems.append(f"Tệp số hóa của {place} bị mất khỏi cơ sở dữ liệu (SHA-256 {want[:16]}…).")
        named.setdefault(want, []).append(place)
    read = 0
    sql = f"SELECT sha256, {_bytes_of(conn)} FROM files ORDER BY sha256"
    for sha, data in stream(conn, sql, "files", size=2):
        read += 1
        if hashlib.sha256(bytes(data)).hexdigest() != sha:
            places = "; ".join(named.get(sha, [])) or "không thuộc hồ sơ nào"
            problems.append(
                f"Tệp số hóa SHA-256 {str(sha)[:16]}… ({places}) đã bị sửa ngoài chương trình: "
                "nội dung không còn khớp mã băm của nó."
            )
    return read
