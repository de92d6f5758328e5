"""Wiring: from a database URL to a ready ``Onestop`` service (shared by the CLI and the GUI)."""

from __future__ import annotations

import os
from pathlib import Path

from onestop.clock import Clock
from onestop.db.engine import Database, default_url
from onestop.db.migrate import ensure_schema
from onestop.services import Onestop


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("onestop", appauthor=False))


def resolve_url(url: str | None) -> str:
    """``--db``, else ``ONESTOP_DB``, else an SQLite file in the user-data folder."""
    return url or os.environ.get("ONESTOP_DB") or default_url(data_dir())


def open_services(url: str | None = None, *, clock: Clock | None = None, migrate: bool = True) -> Onestop:
    db = Database(resolve_url(url))
    if migrate:
        ensure_schema(db)
    return Onestop(db=db, clock=clock)
