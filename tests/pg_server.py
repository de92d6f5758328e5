"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, on a free local port.

Uses the Debian ``postgresql`` package's binaries; runs the server as the ``postgres`` user when the
tests run as root (PostgreSQL refuses root). Returns None when PostgreSQL is not installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager


def _bin_dir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def postgres_server() -> Iterator[str | None]:
    """Yields an admin URL prefix ``postgresql+psycopg://onestop@127.0.0.1:PORT/``, or None."""
    bindir = _bin_dir()
    if bindir is None:
        yield None
        return
    as_root = os.geteuid() == 0
    base = tempfile.mkdtemp(prefix="onestop-pg-")
    data = os.path.join(base, "data")
    os.mkdir(data)
    prefix: list[str] = []
    if as_root:
        shutil.chown(base, "postgres")
        shutil.chown(data, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()

    def run(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, capture_output=True, timeout=60)

    run(f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "onestop", "-E", "UTF8", "--no-sync")
    run(
        f"{bindir}/pg_ctl",
        "-D",
        data,
        "-l",
        os.path.join(base, "log"),
        "-w",
        "-o",
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50",
        "start",
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield f"postgresql+psycopg://onestop@127.0.0.1:{port}/"
    finally:
        subprocess.run(
            [*prefix, f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(base, ignore_errors=True)


def create_database(admin_prefix: str, name: str) -> str:
    import psycopg

    dsn = admin_prefix.replace("postgresql+psycopg://", "postgresql://") + "postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin_prefix + name
