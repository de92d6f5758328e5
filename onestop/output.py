"""Writing output files (receipts, forms, reports, backups) without ever harming the database.

Every ``-o`` and every save dialog goes through :func:`check_output`: the database file itself and
its ``-wal``/``-shm``/``-journal`` companions are refused (nothing is touched), as is a folder. The
data goes to a temporary file beside the target, which is renamed over it only when complete: a
crash never leaves half a file, and never half of an old one.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from onestop.errors import OnestopError, ValidationError
from onestop.validation import shown

COMPANIONS = ("", "-wal", "-shm", "-journal")


def _usual_mode(path: str) -> None:
    """mkstemp makes 0600 files; an output gets what any new file of the user would (umask)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return a.samefile(b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_output(target: Path, database: Path | None, *, label: str) -> Path:
    """The path to write, or ValidationError (exit 2) when it would overwrite the database."""
    if not str(target).strip():
        raise ValidationError(f"{label}: chưa có tên tệp.", field="output")
    target = target.expanduser()
    if target.is_dir():
        raise ValidationError(
            f"{label}: «{shown(str(target), 80)}» là một thư mục; hãy ghi rõ tên tệp.", field="output"
        )
    if database is not None:
        resolved = target.resolve()
        for suffix in COMPANIONS:
            companion = database.with_name(database.name + suffix)
            if _same(resolved, companion.resolve()):
                raise ValidationError(
                    f"{label}: «{shown(str(target), 80)}» là tệp cơ sở dữ liệu đang dùng; chọn tệp khác (không ghi gì).",
                    field="output",
                )
    return target


def write_output(target: Path, data: bytes, *, label: str) -> None:
    """All or nothing: a temporary file in the same folder, flushed, then renamed over the target."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise OnestopError(f"{label}: không ghi được vào thư mục «{folder}» ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _usual_mode(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OnestopError(f"{label}: không ghi được tệp «{target}» ({exc.strerror}).") from None


def backup_to(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file (the online backup API: others may keep writing),
    made in a temporary file and renamed into place."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise OnestopError(f"Sao lưu (-o): không ghi được vào thư mục «{folder}» ({exc.strerror}).") from None
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        try:
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                dest.close()
        finally:
            src.close()
        _usual_mode(tmp)
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OnestopError(f"Sao lưu (-o): không ghi được tệp «{target}» ({exc}).") from None
