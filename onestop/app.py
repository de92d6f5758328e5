"""Wiring: from a database URL to a ready ``Onestop`` service (shared by the CLI and the GUI).

A database is created only on purpose (``init``, ``demo``, the set-up assistant: ``create=True``).
Any other caller given a path where there is no database gets a clear error, and nothing is made:
no folder, no empty file. A file that is not an onestop database is refused by name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from onestop.errors import StorageError

if TYPE_CHECKING:  # the GUI asks ``missing_database`` before the database layer is imported
    from onestop.clock import Clock
    from onestop.services import Onestop


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("onestop", appauthor=False))


def resolve_url(url: str | None) -> str:
    """``--db``, else ``ONESTOP_DB``, else an SQLite file in the user-data folder."""
    return url or os.environ.get("ONESTOP_DB") or f"sqlite:///{data_dir() / 'onestop.db'}"


def missing_database(url: str | None) -> Path | None:
    """The SQLite file that ``url`` (resolved as ``resolve_url``) names when it does not exist yet:
    the GUI's first run opens the set-up assistant there. None for a file that exists, or another
    database (a server's database is asked whether it has accounts once open). Cheap: no SQLAlchemy."""
    path = sqlite_file(url)
    return None if path is None or path.exists() else path


def sqlite_file(url: str | None) -> Path | None:
    """The SQLite file that ``url`` (resolved as ``resolve_url``) names; None for another database.
    Cheap: no SQLAlchemy."""
    resolved = resolve_url(url)
    if not resolved.startswith("sqlite:///"):
        return None
    name = resolved.removeprefix("sqlite:///").split("?", 1)[0]
    if not name or name == ":memory:":
        return None
    return Path(name).expanduser()


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
    from onestop.db.engine import Database
    from onestop.db.migrate import ensure_schema
    from onestop.services import Onestop

    db = Database(resolve_url(url))
    path = db.sqlite_path
    if path is not None:
        check_sqlite_file(path, create=create)
    if migrate:
        ensure_schema(db, create=create)
    return Onestop(db=db, clock=clock)
