"""What the chain vouches for: the digest of each stored entity's rows ("state").

Every change to stored data is a chained event (``onestop.db.store.append_events``) that names the
entity it changed and carries the digest of that entity's rows right after the change. ``verify``
recomputes the digest of every stored entity and compares it with the state of the last event that
names it: a row changed, inserted or deleted behind the program's back no longer matches.

Entities and their rows:

- ``dossier:<id>``: the dossier row, its documents, its receipt versions and the digest of the
  printed context (snapshot) it refers to. Dossier events name it through ``dossier_id``.
- ``staff:<id>``, ``unit:<id>``: one row each.
- ``procedure:<id>``: one version of a procedure with its documents.
- ``setting:<key>``: one stored setting.
- ``calendar:<year>``: the year's row and its days.
- ``directive:<id>``, ``attachment:<id>``: one row each (an attachment names its file by SHA-256,
  which ``verify`` recomputes from the stored bytes: ``onestop.db.files``).

Encoding (stable: it is part of the stored format). Each row is ``name=value`` pairs in the column
order declared here, **skipping NULLs**, so that a later schema adding a nullable column leaves every
existing digest valid. Values as stored: integers (times are epoch seconds, booleans 0/1) in decimal,
dates ISO, text as is. Parts are joined with the unit separator, which validation keeps out of text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

SEP = "\x1f"
ABSENT = "0" * 64  # the state of an entity that no longer has rows (a removed calendar day's year…)

COLUMNS: dict[str, tuple[str, ...]] = {
    "dossiers": (
        "code",
        "procedure_id",
        "unit_identifier",
        "status",
        "applicant_name",
        "id_number",
        "phone",
        "address",
        "email",
        "search_key",
        "sets",
        "channel",
        "result_channel",
        "fee_text",
        "fee_amount",
        "received_at",
        "due_at",
        "extended_due_at",
        "received_by",
        "current_unit_id",
        "holder_id",
        "paused_at",
        "finished_at",
        "register_volume",
        "register_number",
        "receipt_version",
        "snapshot_id",
        "applicant_kind",
        "tax_code",
        "legal_due_at",
        "result_at",
    ),
    "dossier_documents": ("position", "name", "form", "count"),
    "receipt_versions": ("version", "created_at", "created_by", "snapshot_id", "data"),
    "staff": (
        "username",
        "full_name",
        "password_hash",
        "role",
        "unit_id",
        "all_units",
        "disabled",
        "created_at",
        "failed_logins",
        "locked",
    ),
    "units": (
        "code",
        "name",
        "search_key",
        "kind",
        "valid_from",
        "valid_to",
        "successor_id",
        "allotted_hours",
    ),
    "procedures": (
        "code",
        "version",
        "is_current",
        "name",
        "search_key",
        "field",
        "competent_unit",
        "default_unit_id",
        "time_unit",
        "time_value",
        "cutoff",
        "fee_text",
        "fee_amount",
        "legal_basis",
        "created_at",
    ),
    "procedure_documents": ("position", "name", "form", "count", "required", "valid_days"),
    "settings": ("key", "value"),
    "calendar_years": ("year", "seeded_at", "source"),
    "calendar_days": ("day", "kind", "name"),
    "directives": (
        "dossier_id",
        "to_user_id",
        "text",
        "due_at",
        "created_by",
        "created_at",
        "answer",
        "answered_at",
        "answered_by",
    ),
    "attachments": (
        "dossier_id",
        "kind",
        "document",
        "sha256",
        "pages",
        "attached_by",
        "attached_at",
        "reused_from",
    ),
}

# Entity kind -> (main table, key column)
ENTITIES: dict[str, tuple[str, str]] = {
    "dossier": ("dossiers", "id"),
    "staff": ("staff", "id"),
    "unit": ("units", "id"),
    "procedure": ("procedures", "id"),
    "setting": ("settings", "key"),
    "calendar": ("calendar_years", "year"),
    "directive": ("directives", "id"),
    "attachment": ("attachments", "id"),
}


def text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return str(int(value.timestamp()))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def row_text(table: str, row: Mapping[str, Any] | Sequence[Any]) -> str:
    """One row as ``name=value`` pairs (NULLs skipped), from a mapping or a tuple in COLUMNS order."""
    cols = COLUMNS[table]
    values: Iterable[Any] = (row.get(c) for c in cols) if isinstance(row, Mapping) else row
    return SEP.join(f"{c}={text(v)}" for c, v in zip(cols, values, strict=True) if v is not None)


_PREFIXES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}  # table -> (its columns, "name=" each)


def _prefixes(table: str) -> tuple[str, ...]:
    """``name=`` of each column of the table, made again when COLUMNS changes (a migration reads
    the tables as an older revision had them, by narrowing COLUMNS for a while)."""
    cols = COLUMNS[table]
    made = _PREFIXES.get(table)
    if made is None or made[0] is not cols:
        made = _PREFIXES[table] = (cols, tuple(f"{c}=" for c in cols))
    return made[1]


def plain_row_text(table: str, row: Sequence[Any]) -> str:
    """``row_text`` of a tuple in COLUMNS order whose values are plain: int, float, str, bytes or None.

    That is what both drivers return for the dossier tables (they have no boolean, date or timestamp
    column: times are epoch seconds) and what ``demo`` builds; for those ``text(v)`` is ``str(v)``.
    The same text as ``row_text``, without a call per column: ``verify`` and ``demo`` compute it
    millions of times."""
    return SEP.join([p + str(v) for p, v in zip(_prefixes(table), row, strict=True) if v is not None])


def plain_parts(table: str, row: Sequence[Any]) -> list[str | None]:
    """The ``name=value`` part of each column of a plain row (None for NULL): ``plain_row_text`` is
    ``SEP.join`` of those that are not None. For writers that digest one row at several steps."""
    return [None if v is None else p + str(v) for p, v in zip(_prefixes(table), row, strict=True)]


def plain_dossier_text(
    dossier_id: int,
    row: Sequence[Any],
    documents: Iterable[Sequence[Any]],
    versions: Iterable[Sequence[Any]],
    snapshot_digest: str,
) -> bytes:
    """What ``dossier_state`` hashes, for plain tuples (see ``plain_row_text``), encoded."""
    parts = ["dossier", str(dossier_id), plain_row_text("dossiers", row)]
    parts.extend("doc" + SEP + plain_row_text("dossier_documents", d) for d in documents)
    parts.extend("rv" + SEP + plain_row_text("receipt_versions", v) for v in versions)
    parts.append("snap=" + snapshot_digest)
    return SEP.join(parts).encode()


def digest(kind: str, key: Any, parts: Iterable[str]) -> str:
    return hashlib.sha256(SEP.join([kind, str(key), *parts]).encode()).hexdigest()


def dossier_state(
    dossier_id: int,
    row: Mapping[str, Any] | Sequence[Any],
    documents: Iterable[Mapping[str, Any] | Sequence[Any]],
    versions: Iterable[Mapping[str, Any] | Sequence[Any]],
    snapshot_digest: str,
) -> str:
    parts = [row_text("dossiers", row)]
    parts.extend("doc" + SEP + row_text("dossier_documents", d) for d in documents)
    parts.extend("rv" + SEP + row_text("receipt_versions", v) for v in versions)
    parts.append("snap=" + snapshot_digest)
    return digest("dossier", dossier_id, parts)


def plain_dossier_state(
    dossier_id: int,
    row: Sequence[Any],
    documents: Iterable[Sequence[Any]],
    versions: Iterable[Sequence[Any]],
    snapshot_digest: str,
) -> str:
    """``dossier_state`` of plain tuples (see ``plain_row_text``): the same digest, faster."""
    return hashlib.sha256(
        plain_dossier_text(dossier_id, row, documents, versions, snapshot_digest)
    ).hexdigest()


def procedure_state(
    procedure_id: int,
    row: Mapping[str, Any] | Sequence[Any],
    documents: Iterable[Mapping[str, Any] | Sequence[Any]],
) -> str:
    parts = [row_text("procedures", row)]
    parts.extend("doc" + SEP + row_text("procedure_documents", d) for d in documents)
    return digest("procedure", procedure_id, parts)


def calendar_state(
    year: int,
    row: Mapping[str, Any] | Sequence[Any] | None,
    days: Iterable[Mapping[str, Any] | Sequence[Any]],
) -> str:
    if row is None:
        return ABSENT
    parts = [row_text("calendar_years", row)]
    parts.extend("day" + SEP + row_text("calendar_days", d) for d in days)
    return digest("calendar", year, parts)


def single_state(kind: str, key: Any, row: Mapping[str, Any] | Sequence[Any] | None) -> str:
    """Staff, units and settings: one row each (None: the row is gone)."""
    if row is None:
        return ABSENT
    return digest(kind, key, [row_text(ENTITIES[kind][0], row)])


def entity(kind: str, key: Any) -> str:
    return f"{kind}:{key}"


def parse_entity(name: str) -> tuple[str, str]:
    kind, _, key = name.partition(":")
    return kind, key
