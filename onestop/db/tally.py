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
from onestop.lifecycle import HANDOVERS

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


_ALL = "1 = 1"  # every row


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
    """Each handover ends the hold that began at the handover before it (looked up in
    ix_events_handover), or at the receipt (looked up only for the first). Judged and late: the
    event's data (JSON) says. A correlated lookup, cheaper here than a window over every dossier."""
    judged = verdict_sql(sqlite)
    since = (
        "coalesce((SELECT p.at FROM events p WHERE p.dossier_id = e.dossier_id"
        " AND p.action IN ('transfer', 'result', 'return') AND p.id < e.id ORDER BY p.id DESC LIMIT 1),"
        f" (SELECT d.received_at FROM dossiers d{_by_key(sqlite)} WHERE d.id = e.dossier_id))"
    )
    return (
        f"SELECT {_DAY_OF.format('e.at')}, CASE WHEN e.action = 'return' THEN 0 ELSE coalesce(e.from_unit_id, 0) END,"
        f" count(*), sum({held_sql(f'e.at - {since}', sqlite)}),"
        f" sum(CASE WHEN {judged} IS NULL THEN 0 ELSE 1 END), sum(CASE WHEN {judged} = 'late' THEN 1 ELSE 0 END)"
        f" FROM events e CROSS JOIN tally_meta m WHERE e.action IN ('transfer', 'result', 'return') AND {where}"
        " GROUP BY 1, 2"
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


Rows = tuple[Sequence[str], Iterable[Sequence[Any]]]  # (the columns, the rows)


def count_rows(offset: int, dossiers: Rows, events: Rows, ratings: Rows) -> dict[str, list[tuple[Any, ...]]]:
    """The tallies of complete dossiers given as rows (times in epoch seconds; ``events`` in chain
    order), counted in Python: what the demo's builders add while another process writes. The
    same rules as ``recount`` (the tests hold the three ways of counting to each other). Each of
    ``dossiers``, ``events`` and ``ratings`` is (its columns, its rows): the columns it needs are
    looked up by name, so rows may carry others."""

    def at(cols: Sequence[str], *names: str) -> list[int]:
        return [list(cols).index(name) for name in names]

    dcols, drows = dossiers
    i_id, i_proc, i_by, i_status, i_rec, i_res, i_due, i_legal = at(
        dcols,
        "id",
        "procedure_id",
        "received_by",
        "status",
        "received_at",
        "result_at",
        "due_at",
        "legal_due_at",
    )
    per_dossier: dict[tuple[Any, ...], list[int]] = {}
    final = {"refused": 1, "stopped": 2, "withdrawn": 3}
    held: dict[int, tuple[int, int, Any]] = {}  # id -> (received_at, due, procedure)
    for d in drows:
        received, proc = d[i_rec], d[i_proc]
        due = d[i_legal] if d[i_legal] is not None else d[i_due]
        held[d[i_id]] = (received, due, proc)
        key = ((received + offset) // DAY, proc, d[i_by])
        into = per_dossier.get(key)
        if into is None:
            into = per_dossier[key] = [0] * 8
        into[0] += 1
        column = final.get(d[i_status])
        if column is not None:
            into[column] += 1
        done = d[i_res]
        if done is not None:
            key = ((done + offset) // DAY, proc, d[i_by])
            into = per_dossier.get(key)
            if into is None:
                into = per_dossier[key] = [0] * 8
            into[4 if done <= due else 5] += 1
            into[6] += done - received
            into[7] += due - received
    officers: dict[tuple[Any, ...], list[int]] = {}
    steps: dict[tuple[Any, ...], list[int]] = {}
    since: dict[int, int] = {}
    ecols, erows = events
    e_id, e_action, e_at, e_user, e_from, e_data = at(
        ecols, "dossier_id", "action", "at", "user_id", "from_unit_id", "data"
    )
    for e in erows:
        action = e[e_action]
        if action not in HANDOVERS:
            continue
        dossier_id, moment = e[e_id], e[e_at]
        received, due, _proc = held[dossier_id]
        day = (moment + offset) // DAY
        if action == "result":
            key = (day, e[e_user], e[e_from] or 0)
            into = officers.get(key)
            if into is None:
                into = officers[key] = [0] * 4
            into[0 if moment <= due else 1] += 1
            into[2] += moment - received
            into[3] += due - received
        data = e[e_data] or ""
        step = json.loads(data).get("step") if '"step"' in data else None
        unit = (day, 0 if action == "return" else e[e_from] or 0)
        into = steps.get(unit)
        if into is None:
            into = steps[unit] = [0] * 4
        into[0] += 1
        into[1] += max(moment - since.get(dossier_id, received), 0)
        if step is not None:
            into[2] += 1
            into[3] += step == "late"
        since[dossier_id] = moment
    per_rating: dict[tuple[Any, ...], int] = {}
    rcols, rrows = ratings
    r_id, r_at, r_clerk, r_event, r_level, r_ok, r_reasons = at(
        rcols, "dossier_id", "at", "clerk_id", "event", "level", "satisfied", "reasons"
    )
    for r in rrows:
        rated = (
            (r[r_at] + offset) // DAY,
            r[r_clerk],
            r[r_event],
            r[r_level],
            bool(r[r_ok]),
            r[r_reasons],
            held[r[r_id]][2],
        )
        per_rating[rated] = per_rating.get(rated, 0) + 1
    return {
        "tally_dossiers": [(*k, *v) for k, v in per_dossier.items()],
        "tally_officers": [(*k, *v) for k, v in officers.items()],
        "tally_ratings": [(*k, n) for k, n in per_rating.items()],
        "tally_steps": [(*k, *v) for k, v in steps.items()],
    }


def add_counted(conn: Connection, counted: dict[str, list[tuple[Any, ...]]]) -> None:
    """Add rows made by ``count_rows`` to the stored tallies (one upsert a row, in bulk)."""
    raw = Raw(conn)
    for table, rows in counted.items():
        keys, sums = TABLES[table]
        raw.many(_upsert(table, f"VALUES ({', '.join('?' * len(keys + sums))})"), rows)


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


def held_sql(seconds: str, sqlite: bool) -> str:
    """A hold never counts negative time (counters' clocks that disagree by a little, on a server)."""
    return f"max({seconds}, 0)" if sqlite else f"greatest({seconds}, 0)"


def verdict_sql(sqlite: bool) -> str:
    """How the step a handover ``e`` ended went, as its data (JSON) keeps it; NULL: not judged."""
    if sqlite:
        return "CASE WHEN instr(e.data, '\"step\"') > 0 THEN json_extract(e.data, '$.step') END"
    return "CASE WHEN position('\"step\"' in e.data) > 0 THEN (e.data::json ->> 'step') END"


_STEP = {
    sqlite: _upsert(
        "tally_steps",
        f"SELECT {_DAY_OF.format('?')}, ?, 1, "
        + held_sql(
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
