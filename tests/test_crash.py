"""A writer killed at any moment leaves a database that verifies and keeps numbering: ``demo`` killed
mid-run (SIGKILL, no chance to clean up), then a live receive gets a fresh code and register number."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from cli_helpers import ONESTOP, base_env, ok, receive, run, scalar, url

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_demo_killed_at_a_random_moment_leaves_a_working_database(seed: int, tmp_path: Path) -> None:
    db = tmp_path / "onestop.db"
    moment = random.Random(seed).uniform(0.6, 3.5)
    proc = subprocess.Popen(
        [ONESTOP, "--db", url(db), "demo", "--dossiers", "60000", "--seed", str(seed)],
        env=base_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(moment)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    if not db.exists() or scalar(db, "SELECT count(*) FROM sqlite_master WHERE name = 'staff'") == 0:
        pytest.skip(f"killed at {moment:.2f} s, before the schema existed")
    assert ok(run(db, "verify")).out.strip() == "ok", f"killed at {moment:.2f} s"
    ok(run(db, "demo", "--dossiers", "0"))  # finishes a set-up the kill interrupted; idempotent otherwise
    assert ok(run(db, "verify")).out.strip() == "ok"
    before = scalar(db, "SELECT count(*) FROM dossiers")
    registers = {r for (r,) in _rows(db, "SELECT register_number FROM dossiers")}
    fresh = receive(db, "Người Nộp Sau Sự Cố")
    assert scalar(db, "SELECT count(*) FROM dossiers") == before + 1
    number = scalar(db, "SELECT register_number FROM dossiers WHERE code = ?", (fresh["code"],))
    assert number not in registers, "a register number already used"
    assert ok(run(db, "verify")).out.strip() == "ok"
    # And the demo can be run again on it (it is still a demo database).
    ok(run(db, "demo", "--dossiers", "100", "--seed", str(seed + 10)))
    assert ok(run(db, "verify")).out.strip() == "ok"


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()
