"""Connecting to the database: SQLite by default (one file, WAL), PostgreSQL for several counters.

Units of work are short: ``db.read()`` for reads, ``db.write()`` for writes. On SQLite a write
transaction starts with ``BEGIN IMMEDIATE`` so that read-then-write work (allocating a dossier code)
takes the write lock first and never deadlocks with another process; a lock held by someone else is
waited for (``busy_timeout``) and retried before giving up with a clear message.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, OperationalError

from onestop.errors import StorageError, UserError

T = TypeVar("T")

BUSY_TIMEOUT_MS = 10_000
WRITE_RETRIES = 5


def _shown(value: str) -> str:
    from onestop.validation import shown

    return shown(value, 80)


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'onestop.db'}"


def _is_locked(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database table is locked" in text or "busy" in text


class Database:
    """One engine and the way to run units of work on it."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        try:
            self.url = make_url(url)
        except ArgumentError:
            raise UserError(
                f"Cơ sở dữ liệu (--db): «{_shown(url)}» không phải URL hợp lệ; ví dụ sqlite:///duong/dan/onestop.db "
                "hoặc postgresql+psycopg://user:pass@host/onestop."
            ) from None
        backend = self.url.get_backend_name()
        if backend not in ("sqlite", "postgresql"):
            raise UserError(
                f"Cơ sở dữ liệu (--db): chỉ hỗ trợ SQLite và PostgreSQL, không hỗ trợ «{_shown(backend)}»."
            )
        if backend == "postgresql" and self.url.get_driver_name() not in ("psycopg", "psycopg2"):
            self.url = self.url.set(drivername="postgresql+psycopg")  # the driver we ship
        self.is_sqlite = backend == "sqlite"
        self._identity: tuple[int, int] | None = None
        if self.is_sqlite:
            self.engine: Engine = create_engine(
                self.url,
                echo=echo,
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            )
            event.listen(self.engine, "connect", _sqlite_on_connect)
            event.listen(self.engine, "begin", _sqlite_on_begin)
        else:
            self.engine = create_engine(self.url, echo=echo, pool_pre_ping=True)

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database).expanduser()

    def dispose(self) -> None:
        self.engine.dispose()

    def check_file(self) -> None:
        """Before every unit of work on SQLite: the file must still be the one first opened. A file
        deleted or replaced under a running counter would otherwise take "acknowledged" work into
        an unlinked inode (or another database). ``stat()`` only: never ``open()`` a live SQLite
        file (closing any descriptor drops this process's locks on it)."""
        path = self.sqlite_path
        if path is None:
            return
        try:
            st = path.stat()
        except FileNotFoundError:
            if self._identity is None:
                return  # not made yet (init creates it); open_services refuses a missing file otherwise
            raise StorageError(
                f"Tệp cơ sở dữ liệu «{path}» đã bị xóa hoặc di chuyển khi chương trình đang chạy; "
                "không ghi gì thêm. Hãy khôi phục tệp (hoặc bản sao lưu) rồi mở lại chương trình."
            ) from None
        identity = (st.st_dev, st.st_ino)
        if self._identity is None:
            self._identity = identity
        elif identity != self._identity:
            raise StorageError(
                f"Tệp cơ sở dữ liệu «{path}» đã bị thay bằng tệp khác khi chương trình đang chạy; "
                "không ghi gì thêm. Hãy mở lại chương trình."
            )

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only unit of work (a consistent snapshot on both databases)."""
        self.check_file()
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except (OperationalError, DatabaseError) as exc:
            if isinstance(exc, OperationalError) or _is_corrupt(exc):
                raise StorageError(_storage_message(exc)) from exc
            raise

    def write(self, work: Callable[[Connection], T], *, bulk: bool = False, attach: Path | None = None) -> T:
        """Run ``work`` in one write transaction; all of it lands or none of it does.

        ``work`` may run more than once (when the database was locked by another writer), so it must
        only touch the database through the connection it is given. ``bulk`` (generated data only,
        which can be made again) skips waiting for the disk and gives SQLite a larger page cache;
        with ``attach`` (SQLite only), that file is attached as the schema ``staged`` for the unit
        of work (rows prepared elsewhere, copied with ``INSERT ... SELECT``), detached after it.
        """
        delay = 0.05
        for attempt in range(WRITE_RETRIES):
            self.check_file()
            try:
                with self.engine.connect() as conn:
                    conn = conn.execution_options(sqlite_immediate=True)
                    with _bulk_pragmas(conn, bulk and self.is_sqlite, attach), conn.begin():
                        return work(conn)
            except Exception as exc:
                error = self._as_dbapi_error(exc)
                if error is None:
                    raise
                retry = _is_locked(error) or _is_serialization_failure(error)
                if retry and attempt + 1 < WRITE_RETRIES:
                    time.sleep(delay)
                    delay *= 2
                    continue
                if isinstance(error, OperationalError) or _is_corrupt(error):
                    raise StorageError(_storage_message(error)) from exc
                if error is exc:
                    raise
                raise error from exc
        raise AssertionError("unreachable")

    def _as_dbapi_error(self, exc: BaseException) -> DBAPIError | None:
        """SQLAlchemy's wrapper of a driver error; the hot path (``store.Raw``) talks to the driver
        directly, so its errors are wrapped here the same way. None: not a database error."""
        if isinstance(exc, DBAPIError):
            return exc
        dbapi = self.engine.dialect.dbapi
        if dbapi is not None and isinstance(exc, dbapi.Error):
            wrapped = DBAPIError.instance(None, None, exc, dbapi.Error)
            return wrapped if isinstance(wrapped, DBAPIError) else None
        return None


@contextmanager
def _bulk_pragmas(conn: Connection, on: bool, attach: Path | None = None) -> Iterator[None]:
    if not on:
        assert attach is None, "attach is for bulk writes on SQLite"
        yield
        return
    raw = conn.connection.driver_connection  # outside any transaction: SQLite refuses it inside
    assert raw is not None
    raw.execute("PRAGMA synchronous = OFF")
    raw.execute("PRAGMA cache_size = -262144")  # 256 MiB
    raw.execute("PRAGMA foreign_keys = OFF")  # consistent by construction; verify checks them after
    if attach is not None:
        raw.execute("ATTACH DATABASE ? AS staged", (str(attach),))
    try:
        yield
    finally:
        if attach is not None:
            raw.execute("DETACH DATABASE staged")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("PRAGMA cache_size = -2000")
        raw.execute("PRAGMA foreign_keys = ON")


def _is_serialization_failure(exc: DBAPIError) -> bool:
    code = getattr(getattr(exc, "orig", None), "sqlstate", None)
    return code in {"40001", "40P01"}


def _is_corrupt(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "malformed" in text or "not a database" in text


def _storage_message(exc: BaseException) -> str:
    """Known database failures in plain Vietnamese; the driver's own text only for the unknown ones."""
    text = str(getattr(exc, "orig", exc))
    low = text.lower()
    if "not a database" in low:
        return "Tệp này không phải cơ sở dữ liệu onestop (hoặc đã hỏng phần đầu tệp); kiểm tra lại đường dẫn --db."
    if _is_corrupt(exc):
        return "Tệp cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu."
    if _is_locked(exc):
        return "Cơ sở dữ liệu đang bị khóa quá lâu bởi máy khác; vui lòng thử lại."
    if ("disk" in low and "full" in low) or "no space left" in low:
        return "Đĩa đầy: không ghi được dữ liệu. Hãy giải phóng dung lượng ổ đĩa rồi thử lại."
    if "readonly" in low or "read-only" in low or "read only" in low:
        return "Cơ sở dữ liệu chỉ cho đọc (tệp hoặc thư mục không có quyền ghi): không ghi được dữ liệu."
    if "disk i/o error" in low:
        return "Lỗi đọc/ghi ổ đĩa khi truy cập cơ sở dữ liệu; kiểm tra ổ đĩa và tệp cơ sở dữ liệu."
    if "connection" in low and ("refused" in low or "failed" in low or "timeout" in low):
        return "Không kết nối được máy chủ cơ sở dữ liệu; kiểm tra mạng và máy chủ."
    if "password authentication failed" in low:
        return "Máy chủ cơ sở dữ liệu từ chối tên đăng nhập hoặc mật khẩu trong địa chỉ --db."
    if "unable to open" in low:
        return "Không mở được tệp cơ sở dữ liệu (đường dẫn hoặc quyền truy cập)."
    return "Lỗi cơ sở dữ liệu: " + " ".join(text.split())[:200]


def _sqlite_on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own transaction handling would
    # start deferred transactions behind our back).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    # FULL: a dossier acknowledged to the clerk survives a power cut (NORMAL may lose the last commits).
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _sqlite_on_begin(conn: Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_immediate") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")
