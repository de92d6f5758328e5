"""Bringing a database to this program's schema (``init`` and every start).

Reads the schema revision with one query and imports Alembic only when there is work to do, so that
a short command such as ``onestop show`` starts fast. Before migrating an SQLite file that already
holds data, the file is copied beside itself; a database newer than this program is refused.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

from onestop.db.engine import Database
from onestop.errors import StorageError

HEAD = "0008"  # the newest revision this program knows; tests check it matches the scripts
KNOWN = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
)  # every revision ever shipped, oldest first


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _alembic_config(conn: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "onestop.db:migrations")
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def backup_sqlite(src: Path, dest: Path) -> None:
    """A consistent copy of a live SQLite file (the online backup API; others may keep writing)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        dest.unlink()
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=10)
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def ensure_schema(db: Database, *, create: bool = True) -> bool:
    """Create (only with ``create``) or upgrade the schema to HEAD. Returns True when something was
    done. A database holding tables of another program is refused, never written to."""
    try:
        with db.engine.connect() as conn:
            rev = current_revision(conn)
            foreign = rev is None and bool(inspect(conn).get_table_names())
            conn.rollback()
    except DBAPIError as exc:
        from onestop.db.engine import _storage_message

        raise StorageError(_storage_message(exc)) from exc
    if rev == HEAD:
        return False
    if foreign:
        raise StorageError("Cơ sở dữ liệu này có dữ liệu của chương trình khác, không phải của onestop.")
    if rev is None and not create:
        raise StorageError("Cơ sở dữ liệu chưa được khởi tạo; hãy chạy «onestop init --admin TÊN».")
    if rev is not None and rev not in KNOWN:
        raise StorageError(
            f"Cơ sở dữ liệu thuộc phiên bản mới hơn chương trình này (lược đồ {rev}); "
            "hãy cập nhật onestop lên phiên bản mới."
        )
    path = db.sqlite_path
    if rev is not None and path is not None and path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        backup_sqlite(path, path.with_name(f"{path.name}.before-{HEAD}-{stamp}.bak"))
    upgrade(db, HEAD)
    return True


def upgrade(db: Database, target: str = "head") -> None:
    from alembic import command

    with db.engine.connect() as conn:
        command.upgrade(_alembic_config(conn), target)
        conn.commit()


def downgrade(db: Database, target: str) -> None:
    from alembic import command

    with db.engine.connect() as conn:
        command.downgrade(_alembic_config(conn), target)
        conn.commit()
