"""The tamper-evident chain over the history and the ratings.

Every chained row carries its position ``id`` (1, 2, 3, … with no gap) and ``hash`` =
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
    "id",  # the position in the chain: 1, 2, 3, … shared by every chained table
    "dossier_id",
    "action",
    "at",
    "user_id",
    "from_unit_id",
    "to_unit_id",
    "note",
    "data",
)
# Since schema 0003 every event also names the entity it changed and that entity's state after it
# (onestop.ledger). Rows written before carry neither, and are hashed as they were.
EVENT_STATE_FIELDS: Sequence[str] = ("entity", "state")


RATING_FIELDS: Sequence[str] = (
    "id",
    "dossier_id",
    "event",
    "clerk_id",
    "level",
    "scale",
    "satisfied",
    "reasons",
    "channel",
    "entered_by",
    "at",
)


def _text(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "1" if value else "0"  # as stored
    if isinstance(value, datetime):
        return str(int(value.timestamp()))  # as stored: whole seconds since the epoch
    return str(value)


SEP = "\x1f"  # unit separator: cannot occur in stored text (validation refuses control characters)


def row_hash(kind: str, fields: Sequence[str], row: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 of ``prev_hash, kind, position, the other fields`` joined by SEP (None as "-").

    Bulk writers (the demo) build the same text directly; the tests verify what they write."""
    values = [_text(row[f]) for f in fields]
    if kind == "event" and (row.get("entity") is not None or row.get("state") is not None):
        values.extend(_text(row.get(f)) for f in EVENT_STATE_FIELDS)
    content = SEP.join([prev_hash, kind, *values])
    return hashlib.sha256(content.encode()).hexdigest()
