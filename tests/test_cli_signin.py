"""The command line acts as whoever signs in, creates a database only on purpose, and never writes
an output over the database (docs/cli.md: signing in, init, demo, backup, -o)."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import time
from pathlib import Path

import pytest
from cli_helpers import (
    CATALOG,
    ONESTOP,
    SAME_DAY_CUTOFF,
    base_env,
    copy_db,
    ok,
    receive,
    run,
    scalar,
    snapshot,
    url,
    usage_error,
)

NOBODY = {"ONESTOP_USER": "", "ONESTOP_PASSWORD": ""}
ADMIN = {"ONESTOP_USER": "admin", "ONESTOP_PASSWORD": "demo"}
HEAD = {"ONESTOP_USER": "lanhdao", "ONESTOP_PASSWORD": "demo"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("signin") / "demo.db"
    ok(run(path, "demo", "--dossiers", "20"))
    return path


@pytest.fixture
def db(tmp_path: Path, template: Path) -> Path:
    return copy_db(template, tmp_path / "onestop.db")


def test_there_is_no_default_user(db: Path) -> None:
    before = snapshot(db)
    for args in (["list"], ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Lê Văn An"], ["anchor"]):
        usage_error(run(db, *args, env=NOBODY), "--user")
    usage_error(run(db, "--user", "", "list", env=NOBODY), "--user")
    assert snapshot(db) == before


def test_without_a_password_and_without_a_terminal_the_command_is_refused(db: Path) -> None:
    env = dict(base_env(), ONESTOP_USER="tiepnhan1")
    env.pop("ONESTOP_PASSWORD")
    result = subprocess.run(
        [ONESTOP, "--db", url(db), "list"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        start_new_session=True,  # no controlling terminal either
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Mật khẩu" in result.stderr and "ONESTOP_PASSWORD" in result.stderr


def test_the_password_is_asked_at_the_terminal_and_not_echoed(db: Path) -> None:
    env = dict(base_env(), ONESTOP_USER="tiepnhan1")
    env.pop("ONESTOP_PASSWORD")
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal is the pty
        os.execve(ONESTOP, [ONESTOP, "--db", url(db), "anchor"], env)
    seen = b""
    deadline = time.monotonic() + 20
    while b"t kh\xe1\xba\xa9u" not in seen and time.monotonic() < deadline:  # "Mật khẩu"
        if select.select([fd], [], [], 0.5)[0]:
            seen += os.read(fd, 1024)
    os.write(fd, b"demo\n")
    output = b""
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 0.5)[0]:
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, (seen + output).decode(errors="replace")
    assert b"demo" not in output  # not echoed
    assert b":" in output.strip().splitlines()[-1]  # SEQ:HASH


def test_failed_sign_ins_on_the_command_line_lock_the_account(db: Path) -> None:
    for _ in range(5):  # auth.max_failed_logins defaults to 5
        usage_error(
            run(db, "list", env={"ONESTOP_USER": "tiepnhan2", "ONESTOP_PASSWORD": "sai"}), "tiepnhan2"
        )
    usage_error(run(db, "list", env={"ONESTOP_USER": "tiepnhan2", "ONESTOP_PASSWORD": "demo"}), "khóa")
    assert scalar(db, "SELECT locked FROM staff WHERE username = 'tiepnhan2'") == 1
    assert ok(run(db, "verify")).out.strip() == "ok"


def test_each_role_sees_what_its_screens_show(db: Path) -> None:
    code = receive(db, "Nguyễn Thị Thủy")["code"]
    ok(run(db, "--user", "tiepnhan2", "rate", code, "hai-long"))
    as_clerk = json.loads(ok(run(db, "show", code, "--json")).out)
    as_head = json.loads(ok(run(db, "show", code, "--json", env=HEAD)).out)
    assert as_clerk["ratings"][0]["level"] is None and as_clerk["ratings"][0]["rated"] is True
    assert as_head["ratings"][0]["level"] == "hai-long"
    # A processing officer may not receive; nothing is written when refused.
    before = snapshot(db)
    refused = run(db, "--user", "xuly1", "receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Lê Văn An")
    usage_error(refused, "không có quyền tiếp nhận hồ sơ")
    assert snapshot(db) == before


def test_init_on_a_database_with_accounts_needs_an_administrator(db: Path) -> None:
    before = snapshot(db)
    usage_error(run(db, "init", "--catalog", str(CATALOG), env=NOBODY), "--user")
    usage_error(run(db, "init", "--catalog", str(CATALOG)), "không có quyền")  # a clerk
    usage_error(run(db, "init", "--admin", "ke-gian", env=ADMIN), "--admin")
    assert snapshot(db) == before
    ok(run(db, "init", "--catalog", str(CATALOG), env=ADMIN))


def test_demo_refuses_a_real_office_database(tmp_path: Path) -> None:
    office = tmp_path / "office.db"
    ok(run(office, "init", "--admin", "quantri", env={"ONESTOP_PASSWORD": "mat-khau-dai"}))
    before = snapshot(office)
    usage_error(run(office, "demo", "--dossiers", "0"), "dữ liệu mẫu")
    assert snapshot(office) == before


def test_backup_is_an_administrators(db: Path, tmp_path: Path) -> None:
    usage_error(run(db, "backup", "-o", str(tmp_path / "b.db")), "sao lưu")
    assert not (tmp_path / "b.db").exists()
    result = ok(run(db, "backup", "-o", str(tmp_path / "b.db"), env=ADMIN))
    assert "Mã neo" in result.out


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_no_output_is_ever_written_over_the_database(db: Path, suffix: str) -> None:
    ok(run(db, "verify"))  # leaves the WAL companions in place, as a running counter would
    target = db.with_name(db.name + suffix)
    before = db.read_bytes()
    code = scalar(db, "SELECT code FROM dossiers LIMIT 1")
    usage_error(run(db, "backup", "-o", str(target), env=ADMIN), "cơ sở dữ liệu")
    usage_error(run(db, "receipt", code, "-o", str(target)), "cơ sở dữ liệu")
    assert db.read_bytes() == before
    assert ok(run(db, "verify")).out.strip() == "ok"


def test_a_mistyped_database_path_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co" / "thu-muc" / "onestop.db"
    for args in (["list"], ["verify"], ["due", "--procedure", SAME_DAY_CUTOFF], ["anchor"]):
        result = run(missing, *args)
        assert result.rc == 1, result.describe()
        assert "Không có cơ sở dữ liệu" in result.err
    assert not (tmp_path / "khong-co").exists()


def test_an_empty_file_is_refused_by_name(tmp_path: Path) -> None:
    empty = tmp_path / "rong.db"
    empty.touch()
    for args in (["verify"], ["list"], ["init"]):
        result = run(empty, *args)
        assert result.rc == 1, result.describe()
        assert "rỗng" in result.err and "rong.db" in result.err
    assert empty.stat().st_size == 0


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    other = tmp_path / "khac.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE hoa_don (id INTEGER PRIMARY KEY)")
        conn.commit()
    result = run(other, "verify")
    assert result.rc == 1 and "chương trình khác" in result.err, result.describe()
