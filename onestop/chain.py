"""The tamper-evident chain over the history (and, later, the ratings).

Every chained row carries ``chain_seq`` (1, 2, 3, … with no gap) and ``hash`` =
SHA-256 over the previous row's hash and the row's content, field by field in a fixed order. A row edited, deleted or
inserted behind the program's back breaks the chain at that place, which ``verify`` reports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

GENESIS = "0" * 64

# The content covered by the hash, per chained table, in this order.
EVENT_FIELDS: Sequence[str] = (
    "chain_seq",
    "dossier_id",
    "action",
    "at",
    "user_id",
    "from_unit_id",
    "to_unit_id",
    "note",
    "data",
)


def _text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return str(int(value.timestamp()))  # as stored: whole seconds since the epoch
    return str(value)


SEP = "\x1f"  # unit separator: cannot occur in stored text (validation refuses control characters)


def row_hash(kind: str, fields: Sequence[str], row: Mapping[str, Any], prev_hash: str) -> str:
    content = SEP.join([prev_hash, kind, *(_text(row[f]) for f in fields)])
    return hashlib.sha256(content.encode()).hexdigest()


def event_hash(
    prev_hash: str,
    chain_seq: int,
    dossier_id: int,
    action: str,
    at: int,
    user_id: int,
    from_unit_id: int | None,
    to_unit_id: int | None,
    note: str,
    data: str,
) -> str:
    """``row_hash("event", EVENT_FIELDS, ...)`` for a row whose time is already epoch seconds (bulk writers)."""
    content = SEP.join(
        [
            prev_hash,
            "event",
            str(chain_seq),
            str(dossier_id),
            action,
            str(at),
            str(user_id),
            "-" if from_unit_id is None else str(from_unit_id),
            "-" if to_unit_id is None else str(to_unit_id),
            note,
            data,
        ]
    )
    return hashlib.sha256(content.encode()).hexdigest()
