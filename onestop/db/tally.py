"""The period report's tallies: what it adds up, per local day and group key, kept as the data changes.

A yearly report over a million dossiers cannot read a million dossiers in a second. So the figures
it adds up are counted once, when what they count happens, into three small tables (schema:
``tally_dossiers``, ``tally_officers``, ``tally_ratings``), in the same transaction as the chained
event or rating that is counted:

- a dossier **received** counts on its receipt day (per procedure and receiving clerk); **refused**,
  **stopped** or **withdrawn** count on that same receipt day when the step is taken (those states
  are final);
- a **result** counts on its day, on time or late against the due moment after pauses (the
  re-appointment never counts), with the seconds it took and the seconds allowed; per procedure
  and clerk (tally_dossiers) and per officer and unit that recorded it (tally_officers): a result
  is recorded once and its due moment never moves after it;
- a **rating** counts on its day per clerk, event, level, satisfied, reasons and procedure.

Days are whole days since 1970-01-01 in the agency's zone, cut at ``tally_meta.offset_seconds``
(Việt Nam has one offset all year; the report reads the tallies only for a period over which the
zone keeps that offset, else it counts the rows). Changing the zone recounts them.

The tallies are derived data: every count is also the GROUP BY of the stored rows given here
(``recount``), which ``rebuild`` stores and ``verify`` compares with what is stored. Portable SQL
(SQLite ≥ 3.24 and PostgreSQL): integer seconds, integer division, upserts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from onestop.db.store import Raw

DAY = 86_400

TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {  # table: (keys, sums)
    "tally_dossiers": (
        ("day", "procedure_id", "received_by"),
        ("received", "refused", "stopped", "withdrawn", "on_time", "late", "busy_seconds", "allowed_seconds"),
    ),
    "tally_officers": (
        ("day", "user_id", "unit_id"),
        ("on_time", "late", "busy_seconds", "allowed_seconds"),
    ),
    "tally_ratings": (
        ("day", "clerk_id", "event", "level", "satisfied", "reasons", "procedure_id"),
        ("n",),
    ),
    "tally_steps": (("day", "unit_id"), ("steps", "held_seconds", "judged", "late")),
}

# The steps a tally counts: the column of tally_dossiers they add one to, on the receipt day.
_ON_RECEIPT_DAY = {"receive": "received", "refuse": "refused", "stop": "stopped", "withdraw": "withdrawn"}
HANDOVERS = ("transfer", "result", "return")  # onestop.lifecycle.HANDOVERS: each ends a unit's hold
COUNTED = frozenset({*_ON_RECEIPT_DAY, *HANDOVERS})

_DUE = "coalesce(d.legal_due_at, d.due_at)"
_DAY_OF = "({} + m.offset_seconds) / 86400"


def _upsert(table: str, select_sql: str) -> str:
    keys, sums = TABLES[table]
    return (
        f"INSERT INTO {table} ({', '.join(keys + sums)}) {select_sql}"
        f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
        + ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in sums)
    )


# ---- the counts as GROUP BYs of the stored rows (``where`` narrows them: all, or a range of dossiers)


def _dossier_groups(where: str, sqlite: bool) -> str:
    status = ", ".join(
        f"CASE WHEN d.status = '{state}' THEN 1 ELSE 0 END AS {column}"
        for state, column in (("refused", "refused"), ("stopped", "stopped"), ("withdrawn", "withdrawn"))
    )
    rows = (
        f"SELECT {_DAY_OF.format('d.received_at')} AS day, d.procedure_id AS procedure_id,"
        f" d.received_by AS received_by, 1 AS received, {status},"
        " 0 AS on_time, 0 AS late, 0 AS busy_seconds, 0 AS allowed_seconds"
        f" FROM dossiers d CROSS JOIN tally_meta m WHERE {where}"
        f" UNION ALL SELECT {_DAY_OF.format('d.result_at')}, d.procedure_id, d.received_by, 0, 0, 0, 0,"
        f" CASE WHEN d.result_at <= {_DUE} THEN 1 ELSE 0 END, CASE WHEN d.result_at > {_DUE} THEN 1 ELSE 0 END,"
        f" d.result_at - d.received_at, {_DUE} - d.received_at"
        f" FROM dossiers d CROSS JOIN tally_meta m WHERE d.result_at IS NOT NULL AND {where}"
    )
    _keys, sums = TABLES["tally_dossiers"]
    return (
        f"SELECT day, procedure_id, received_by, {', '.join(f'sum({c})' for c in sums)}"
        f" FROM ({rows}) s WHERE 1 = 1 GROUP BY day, procedure_id, received_by"
    )


_ALL = "1 = 1"  # every row (a recount); else a range of dossiers (the demo's bulk chunks)


def _by_key(sqlite: bool) -> str:
    """SQLite joins a dossier by rowid in the table (a wide row a page) unless told to read the
    compact covering ix_dossiers_key; PostgreSQL plans its joins itself."""
    return " INDEXED BY ix_dossiers_key" if sqlite else ""


def _officer_groups(where: str, sqlite: bool) -> str:
    # The result events through ix_events_officer, seeking (officer, 'result') for each officer.
    return (
        f"SELECT {_DAY_OF.format('e.at')}, e.user_id, coalesce(e.from_unit_id, 0),"
        f" sum(CASE WHEN e.at <= {_DUE} THEN 1 ELSE 0 END), sum(CASE WHEN e.at > {_DUE} THEN 1 ELSE 0 END),"
        f" sum(e.at - d.received_at), sum({_DUE} - d.received_at)"
        f" FROM events e JOIN dossiers d{_by_key(sqlite)} ON d.id = e.dossier_id CROSS JOIN tally_meta m"
        f" WHERE {'e.user_id IN (SELECT id FROM staff) AND ' if where == _ALL else ''}e.action = 'result'"
        f" AND {where} GROUP BY 1, 2, 3"
    )


def _rating_groups(where: str, sqlite: bool) -> str:
    return (
        f"SELECT {_DAY_OF.format('r.at')}, r.clerk_id, r.event, r.level, r.satisfied, r.reasons,"
        " d.procedure_id, count(*)"
        f" FROM ratings r{' INDEXED BY ix_ratings_clerk' if sqlite and where == _ALL else ''}"
        f" JOIN dossiers d{_by_key(sqlite)} ON d.id = r.dossier_id CROSS JOIN tally_meta m"
        f" WHERE {where} GROUP BY 1, 2, 3, 4, 5, 6, 7"
    )


def _step_groups(where: str, sqlite: bool) -> str:
    """Each handover ends the hold that began at the handover before it (or the receipt): a window
    over the dossier's handovers in chain order. Judged and late: the event's data (JSON) says."""
    judged = (
        "CASE WHEN instr(e.data, '\"step\"') > 0 THEN json_extract(e.data, '$.step') END"
        if sqlite
        else "CASE WHEN position('\"step\"' in e.data) > 0 THEN (e.data::json ->> 'step') END"
    )
    rows = (
        "SELECT e.at AS at, CASE WHEN e.action = 'return' THEN 0 ELSE coalesce(e.from_unit_id, 0) END AS unit_id,"
        " coalesce(lag(e.at) OVER (PARTITION BY e.dossier_id ORDER BY e.id), d.received_at) AS since,"
        f" CASE WHEN {judged} IS NULL THEN 0 ELSE 1 END AS judged,"
        f" CASE WHEN {judged} = 'late' THEN 1 ELSE 0 END AS late"
        f" FROM events e JOIN dossiers d{_by_key(sqlite)} ON d.id = e.dossier_id"
        f" WHERE e.action IN ('transfer', 'result', 'return') AND {where}"
    )
    return (
        f"SELECT {_DAY_OF.format('s.at')}, s.unit_id, count(*), sum({_held('s.at - s.since', sqlite)}),"
        " sum(s.judged), sum(s.late)"
        f" FROM ({rows}) s CROSS JOIN tally_meta m WHERE 1 = 1 GROUP BY 1, 2"
    )


_GROUPS = {
    "tally_dossiers": (_dossier_groups, "d.id"),
    "tally_officers": (_officer_groups, "e.dossier_id"),
    "tally_ratings": (_rating_groups, "r.dossier_id"),
    "tally_steps": (_step_groups, "e.dossier_id"),
}


def _sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def recount(conn: Connection, table: str) -> Iterable[tuple[Any, ...]]:
    """Every row ``table`` should hold, counted from the stored dossiers, events and ratings."""
    build, _column = _GROUPS[table]
    return conn.exec_driver_sql(build(_ALL, _sqlite(conn)))


def stored(conn: Connection, table: str) -> Iterable[tuple[Any, ...]]:
    keys, sums = TABLES[table]
    return conn.exec_driver_sql(f"SELECT {', '.join(keys + sums)} FROM {table}")


def offset_seconds(conn: Connection | Raw) -> int | None:
    """The offset the stored tallies cut days at (None before the first ``rebuild``)."""
    if isinstance(conn, Raw):
        conn.run("SELECT offset_seconds FROM tally_meta WHERE id = 1")
        row = conn.cur.fetchone()
    else:
        row = conn.exec_driver_sql("SELECT offset_seconds FROM tally_meta WHERE id = 1").first()
    return int(row[0]) if row else None


def zone_offset(tz: ZoneInfo, at: datetime | None = None) -> int:
    offset = (at or datetime.now(tz)).astimezone(tz).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def period_days(conn: Connection, first: date, last: date, tz: ZoneInfo) -> tuple[int, int] | None:
    """The days ``first``..``last`` (in zone ``tz``) as the tallies number them, or None when the
    tallies cannot answer for them: none stored yet, or the zone's offset during the period
    (checked at its ends and on the first of each month) is not the one they cut days at."""
    offset = offset_seconds(conn)
    if offset is None:
        return None
    month = first.replace(day=1)
    while month <= last:
        if zone_offset(tz, datetime.combine(month, time(12), tz)) != offset:
            return None
        month = (month + timedelta(days=32)).replace(day=1)
    start = datetime.combine(first, time(0), tz)
    end = datetime.combine(last + timedelta(days=1), time(0), tz)
    if any(zone_offset(tz, edge) != offset for edge in (start, end - timedelta(seconds=1))):
        return None
    return (int(start.timestamp()) + offset) // DAY, (int(end.timestamp()) + offset) // DAY - 1


def rebuild(conn: Connection, offset: int) -> None:
    """Count every tally again from the stored rows, days cut at ``offset`` (a new database, the
    upgrade that brings the tallies, a change of the agency's zone)."""
    conn.exec_driver_sql("DELETE FROM tally_meta")
    conn.exec_driver_sql(f"INSERT INTO tally_meta (id, offset_seconds) VALUES (1, {int(offset)})")
    for table, (build, _column) in _GROUPS.items():
        conn.exec_driver_sql(f"DELETE FROM {table}")
        keys, sums = TABLES[table]
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(keys + sums)}) {build(_ALL, _sqlite(conn))}")


def count_rows(
    offset: int,
    dossiers: Iterable[dict[str, Any]],
    events: Iterable[dict[str, Any]],
    ratings: Iterable[dict[str, Any]],
) -> dict[str, list[tuple[Any, ...]]]:
    """The tallies of complete dossiers given as rows (times in epoch seconds; ``events`` in chain
    order), counted in Python: what the demo's builders add while another process writes. The
    same rules as ``recount`` (the tests hold the three ways of counting to each other)."""
    out: dict[str, dict[tuple[Any, ...], list[int]]] = {table: {} for table in TABLES}

    def add(table: str, key: tuple[Any, ...], *values: int) -> None:
        into = out[table].get(key)
        if into is None:
            out[table][key] = list(values)
        else:
            for i, v in enumerate(values):
                into[i] += v

    by_id: dict[int, dict[str, Any]] = {}
    for d in dossiers:
        by_id[d["id"]] = d
        status = d["status"]
        add(
            "tally_dossiers",
            ((d["received_at"] + offset) // DAY, d["procedure_id"], d["received_by"]),
            1,
            status == "refused",
            status == "stopped",
            status == "withdrawn",
            0,
            0,
            0,
            0,
        )
        if d["result_at"] is not None:
            due = d["legal_due_at"] if d["legal_due_at"] is not None else d["due_at"]
            done = d["result_at"]
            add(
                "tally_dossiers",
                ((done + offset) // DAY, d["procedure_id"], d["received_by"]),
                0,
                0,
                0,
                0,
                done <= due,
                done > due,
                done - d["received_at"],
                due - d["received_at"],
            )
    since: dict[int, int] = {}
    for e in events:
        action = e["action"]
        if action not in HANDOVERS:
            continue
        d = by_id[e["dossier_id"]]
        at = e["at"]
        day = (at + offset) // DAY
        if action == "result":
            due = d["legal_due_at"] if d["legal_due_at"] is not None else d["due_at"]
            add(
                "tally_officers",
                (day, e["user_id"], e["from_unit_id"] or 0),
                at <= due,
                at > due,
                at - d["received_at"],
                due - d["received_at"],
            )
        data = e["data"] or ""
        step = json.loads(data).get("step") if '"step"' in data else None
        held = at - since.get(d["id"], d["received_at"])
        unit = 0 if action == "return" else e["from_unit_id"] or 0
        add("tally_steps", (day, unit), 1, max(held, 0), step is not None, step == "late")
        since[d["id"]] = at
    for r in ratings:
        key = (
            (r["at"] + offset) // DAY,
            r["clerk_id"],
            r["event"],
            r["level"],
            bool(r["satisfied"]),
            r["reasons"],
            by_id[r["dossier_id"]]["procedure_id"],
        )
        add("tally_ratings", key, 1)
    return {table: [(*k, *(int(v) for v in vs)) for k, vs in rows.items()] for table, rows in out.items()}


def add_counted(conn: Connection, counted: dict[str, list[tuple[Any, ...]]]) -> None:
    """Add rows made by ``count_rows`` to the stored tallies (one upsert a row, in bulk)."""
    raw = Raw(conn)
    for table, rows in counted.items():
        keys, sums = TABLES[table]
        raw.many(_upsert(table, f"VALUES ({', '.join('?' * len(keys + sums))})"), rows)


def add_dossiers(conn: Connection, first_id: int, last_id: int) -> None:
    """Add the tallies of the dossiers ``first_id``..``last_id`` with all their history and ratings,
    written in bulk (the demo), inside the transaction that wrote them."""
    for table, (build, column) in _GROUPS.items():
        where = f"{column} BETWEEN {int(first_id)} AND {int(last_id)}"
        conn.exec_driver_sql(_upsert(table, build(where, _sqlite(conn))))


# ---- as it happens (the one funnel of events and ratings: onestop.db.store)


def _receipt_day(column: str) -> str:
    _keys, sums = TABLES["tally_dossiers"]
    values = ", ".join("1" if c == column else "0" for c in sums)
    return _upsert(
        "tally_dossiers",
        f"SELECT {_DAY_OF.format('d.received_at')}, d.procedure_id, d.received_by, {values}"
        " FROM dossiers d CROSS JOIN tally_meta m WHERE d.id = ?",
    )


_ON_EVENT = {action: _receipt_day(column) for action, column in _ON_RECEIPT_DAY.items()}
_RESULT = _upsert(
    "tally_dossiers",
    f"SELECT {_DAY_OF.format('d.result_at')}, d.procedure_id, d.received_by, 0, 0, 0, 0,"
    f" CASE WHEN d.result_at <= {_DUE} THEN 1 ELSE 0 END, CASE WHEN d.result_at > {_DUE} THEN 1 ELSE 0 END,"
    f" d.result_at - d.received_at, {_DUE} - d.received_at"
    " FROM dossiers d CROSS JOIN tally_meta m WHERE d.id = ? AND d.result_at IS NOT NULL",
)
_OFFICER = _upsert(
    "tally_officers",
    f"SELECT {_DAY_OF.format('?')}, ?, ?, CASE WHEN ? <= {_DUE} THEN 1 ELSE 0 END,"
    f" CASE WHEN ? > {_DUE} THEN 1 ELSE 0 END, ? - d.received_at, {_DUE} - d.received_at"
    " FROM dossiers d CROSS JOIN tally_meta m WHERE d.id = ?",
)
_RATING = _upsert(
    "tally_ratings",
    f"SELECT {_DAY_OF.format('?')}, ?, ?, ?, ?, ?, d.procedure_id, 1"
    " FROM dossiers d CROSS JOIN tally_meta m WHERE d.id = ?",
)


def _held(seconds: str, sqlite: bool) -> str:
    """A hold never counts negative time (counters' clocks that disagree by a little, on a server)."""
    return f"max({seconds}, 0)" if sqlite else f"greatest({seconds}, 0)"


_STEP = {
    sqlite: _upsert(
        "tally_steps",
        f"SELECT {_DAY_OF.format('?')}, ?, 1, "
        + _held(
            "? - coalesce((SELECT e.at FROM events e WHERE e.dossier_id = d.id AND e.action IN"
            " ('transfer', 'result') AND e.id < ? ORDER BY e.id DESC LIMIT 1), d.received_at)",
            sqlite,
        )
        + ", ?, ? FROM dossiers d CROSS JOIN tally_meta m WHERE d.id = ?",
    )
    for sqlite in (True, False)
}


def on_events(raw: Raw, rows: Sequence[dict[str, Any]]) -> None:
    """Count the dossier steps among events just appended (their dossier rows already changed)."""
    for row in rows:
        action, dossier_id = row["action"], row.get("dossier_id")
        if dossier_id is None or action not in COUNTED:
            continue
        at = int(row["at"].timestamp())
        if action == "result":
            raw.run(_RESULT, (dossier_id,))
            raw.run(_OFFICER, (at, row["user_id"], row.get("from_unit_id") or 0, at, at, at, dossier_id))
        elif action in _ON_EVENT:
            raw.run(_ON_EVENT[action], (dossier_id,))
        if action in HANDOVERS:
            data = row.get("data") or ""
            step = json.loads(data).get("step") if '"step"' in data else None
            unit = 0 if action == "return" else row.get("from_unit_id") or 0
            raw.run(
                _STEP[raw.sqlite],
                (at, unit, at, row["id"], int(step is not None), int(step == "late"), dossier_id),
            )


def on_rating(raw: Raw, row: dict[str, Any]) -> None:
    raw.run(
        _RATING,
        (
            int(row["at"].timestamp()),
            row["clerk_id"],
            row["event"],
            row["level"],
            bool(row["satisfied"]),
            row["reasons"],
            row["dossier_id"],
        ),
    )
