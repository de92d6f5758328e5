"""Wiring: from a database URL to a ready ``Onestop`` service (shared by the CLI and the GUI).

A database is created only on purpose (``init``, ``demo``, the set-up assistant: ``create=True``).
Any other caller given a path where there is no database gets a clear error, and nothing is made:
no folder, no empty file. A file that is not an onestop database is refused by name.
"""

from __future__ import annotations

import os
from pathlib import Path

from onestop.clock import Clock
from onestop.db.engine import Database, default_url
from onestop.db.migrate import ensure_schema
from onestop.errors import StorageError
from onestop.services import Onestop


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("onestop", appauthor=False))


def resolve_url(url: str | None) -> str:
    """``--db``, else ``ONESTOP_DB``, else an SQLite file in the user-data folder."""
    return url or os.environ.get("ONESTOP_DB") or default_url(data_dir())


def check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse a missing file (unless creating), a directory, an empty or foreign file."""
    if not path.exists():
        if not create:
            raise StorageError(
                f"Không có cơ sở dữ liệu tại «{path}»; kiểm tra lại đường dẫn (--db), "
                "hoặc tạo mới bằng «onestop init --admin TÊN»."
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    # Only stat(), never open(): closing any descriptor of the file would drop the locks that this
    # process's SQLite connections hold on it (POSIX advisory locks are per process). SQLite itself
    # refuses a foreign file ("file is not a database"), which the engine reports.
    if path.is_dir():
        raise StorageError(f"«{path}» là một thư mục, không phải tệp cơ sở dữ liệu.")
    if path.stat().st_size == 0:
        raise StorageError(f"Tệp «{path}» rỗng (0 byte): không phải cơ sở dữ liệu onestop.")


def open_services(
    url: str | None = None, *, clock: Clock | None = None, migrate: bool = True, create: bool = False
) -> Onestop:
    db = Database(resolve_url(url))
    path = db.sqlite_path
    if path is not None:
        check_sqlite_file(path, create=create)
    if migrate:
        ensure_schema(db, create=create)
    return Onestop(db=db, clock=clock)
