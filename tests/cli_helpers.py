"""Driving the real ``onestop`` command from tests (the contract: docs/cli.md).

Every call runs the installed console script in a subprocess against a real SQLite file and checks
the one rule that holds for every command: no traceback on stderr unless ``--debug`` was given.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
CATALOG = PROJECT / "resources" / "data" / "procedures.json"
AGENCY_TZ = "Asia/Ho_Chi_Minh"

CODE_RE = re.compile(r"^H17\.50\.05\.13-(\d{6})-(\d{4})$")
DEMO_ACCOUNTS = ("admin", "tiepnhan1", "tiepnhan2", "xuly1", "lanhdao")

SAME_DAY_CUTOFF = "2.000815"  # same day, cut-off 15:00
THREE_DAYS = "1.004873"  # 3 working days

# What the parent environment may set that would change which database or user a command uses.
_SCRUB = (
    "ONESTOP_DB",
    "ONESTOP_USER",
    "ONESTOP_PASSWORD",
    "FAKETIME",
    "LD_PRELOAD",
    "PYTHONWARNINGS",
    "PYTHONIOENCODING",
)
# Who signs in when a test does not say: a counter clerk of the demo agency (the contract has no
# default user; these variables are how a script names one). A test that wants nobody passes
# env={"ONESTOP_USER": ""}.
SIGNED_IN = {"ONESTOP_USER": "tiepnhan1", "ONESTOP_PASSWORD": "demo"}


def onestop_script() -> str:
    """The console script installed next to this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "onestop"
    if beside.exists():
        return str(beside)
    found = shutil.which("onestop")
    assert found, "the onestop console script is not installed"
    return found


ONESTOP = onestop_script()


def url(db: Path) -> str:
    return f"sqlite:///{db}"


@dataclass
class Result:
    args: list[str]
    rc: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.rc == 0, self.describe()
        return json.loads(self.out)

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def describe(self) -> str:
        return f"$ {' '.join(self.args)}\n[rc={self.rc}]\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def base_env(extra: Mapping[str, str] | None = None, *, tz: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update(SIGNED_IN)
    if tz is not None:
        env["TZ"] = tz
    env.update(extra or {})
    return env


def command(db: Path | None, *args: str, faketime: str | None = None, python_main: bool = False) -> list[str]:
    cmd = [sys.executable, str(PROJECT / "main.py")] if python_main else [ONESTOP]
    if db is not None:
        cmd += ["--db", url(db)]
    cmd += list(args)
    if faketime is not None:
        cmd = ["faketime", faketime, *cmd]
    return cmd


def start(
    db: Path | None,
    *args: str,
    env: Mapping[str, str] | None = None,
    tz: str | None = None,
    faketime: str | None = None,
    python_main: bool = False,
    cwd: Path | None = None,
) -> tuple[list[str], subprocess.Popen[str]]:
    """Start one command; ``faketime`` is a wall-clock moment read in ``tz`` (default the agency's)."""
    if faketime is not None and tz is None:
        tz = AGENCY_TZ
    cmd = command(db, *args, faketime=faketime, python_main=python_main)
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        env=base_env(env, tz=tz),
        cwd=cwd or PROJECT,
    )
    return cmd, proc


def _collect(started: tuple[list[str], subprocess.Popen[str]], timeout: float) -> Result:
    cmd, proc = started
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return Result(cmd, -9, out, err + "\n[killed: timed out]")
    return Result(cmd, proc.returncode, out, err)


def _no_traceback(result: Result) -> Result:
    assert result.rc != -9, "timed out:\n" + result.describe()
    if "--debug" not in result.args:
        assert "Traceback" not in result.err, "a traceback without --debug:\n" + result.describe()
    return result


def finish(started: tuple[list[str], subprocess.Popen[str]], *, timeout: float = 60) -> Result:
    return _no_traceback(_collect(started, timeout))


def run(db: Path | None, *args: str, **kwargs: Any) -> Result:
    timeout = kwargs.pop("timeout", 60)
    return finish(start(db, *args, **kwargs), timeout=timeout)


def run_all(
    calls: Iterable[tuple[Path | None, Sequence[str]] | tuple[Path | None, Sequence[str], dict[str, Any]]],
) -> list[Result]:
    """Run several commands at the same time (independent ones only); results in order."""
    started = []
    for call in calls:
        db, args, *rest = call
        kwargs = rest[0] if rest else {}
        started.append(start(db, *args, **kwargs))
    results = [_collect(s, 60) for s in started]  # wait for every process before judging any
    return [_no_traceback(r) for r in results]


def ok(result: Result) -> Result:
    assert result.rc == 0, result.describe()
    return result


def usage_error(result: Result, *words: str) -> Result:
    """Exit 2 with exactly one line on stderr that names the field (case-insensitive words)."""
    assert result.rc == 2, result.describe()
    assert len(result.err_lines) == 1, "expected one line on stderr:\n" + result.describe()
    line = result.err_lines[0].lower()
    for word in words:
        assert word.lower() in line, f"stderr should mention {word!r}:\n" + result.describe()
    return result


def receive(
    db: Path, name: str, *extra: str, procedure: str = SAME_DAY_CUTOFF, **kwargs: Any
) -> dict[str, Any]:
    result = ok(run(db, "receive", "--procedure", procedure, "--name", name, *extra, "--json", **kwargs))
    data: dict[str, Any] = json.loads(result.out)
    return data


# --------------------------------------------------------------------------- reading the file directly


def query(db: Path, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def scalar(db: Path, sql: str, params: Sequence[Any] = ()) -> Any:
    return query(db, sql, params)[0][0]


def execute(db: Path, *statements: str) -> None:
    """Statements through a plain client, committed together (what a tamperer would do)."""
    with closing(sqlite3.connect(db)) as conn:
        for sql in statements:
            conn.execute(sql)
        conn.commit()


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every ordinary table: two equal snapshots mean nothing was written."""
    with closing(sqlite3.connect(db)) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'dossiers_fts%' ORDER BY name"
            )
        ]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def copy_db(src: Path, dest: Path) -> Path:
    """Copy a database file (and its -wal/-shm if a writer left them)."""
    shutil.copy(src, dest)
    for suffix in ("-wal", "-shm"):
        side = src.with_name(src.name + suffix)
        if side.exists():
            shutil.copy(side, dest.with_name(dest.name + suffix))
    return dest
