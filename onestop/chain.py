"""The tamper-evident chain over the history (and, later, the ratings).

Every chained row carries ``chain_seq`` (1, 2, 3, … with no gap), ``prev_hash`` and ``hash`` =
SHA-256 over the previous hash and a canonical JSON of the row's content. A row edited, deleted or
inserted behind the program's back breaks the chain at that place, which ``verify`` reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64

# The content covered by the hash, per chained table, in this order.
EVENT_FIELDS: Sequence[str] = (
    "chain_seq", "dossier_id", "action", "at", "user_id", "from_unit_id", "to_unit_id", "note", "data",
)


def _canonical(value: Any) -> Any:
    if isinstance(value, datetime):
        # Stored as naive UTC; an aware value is converted so both spell the same instant.
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="microseconds")
    return value


def row_hash(kind: str, fields: Sequence[str], row: Mapping[str, Any], prev_hash: str) -> str:
    content = json.dumps(
        [kind, *(_canonical(row[f]) for f in fields)], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()
