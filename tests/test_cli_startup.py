"""What a short command pays for at start-up: ``onestop show CODE`` loads only what it uses.

``show`` is a command that scripts and the counter's helpers run many times; its start-up is most of
its time (benchmarks/show_startup.py measures it beside a bare SQLAlchemy process). These tests keep
the modules it does not need out of it, so that a later import at the top of a module cannot quietly
bring the cost back, and check that the parser it builds (its command's alone) reads arguments
exactly as the whole command line does.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from cli_helpers import PROJECT, base_env, ok, query, run, url

from onestop.cli import UsageError, _command_of, build_parser
from onestop.errors import PermissionDenied
from onestop.passwords import EarlyCheck, hash_password
from onestop.services import Onestop

# Loaded by other commands, never by `show`: the scanner and the digitised files (show lists the
# attachments with one query of its own), the input checks (only an error message needs them), the
# other services and their values, the calendar, the printed forms, the migrations, Qt.
NOT_FOR_SHOW = (
    "alembic",
    "onestop.services.digitisation",
    "onestop.services.values",
    "onestop.services.intake",
    "onestop.services.lifecycle",
    "onestop.services.catalog",
    "onestop.services.calendar",
    "onestop.services.papers",
    "onestop.services.integrity",
    "onestop.pages",
    "onestop.scanning",
    "onestop.validation",
    "onestop.identity",
    "onestop.db.files",
    "onestop.db.states",
    "onestop.worktime",
    "onestop.forms",
    "onestop.setup",
    "onestop.demo",
    "getpass",
    "platformdirs",
    "reportlab",
    "PySide6",
)

_MODULES_AFTER = r"""
import json, sys
from onestop.cli import main
rc = main(sys.argv[1:])
sys.stderr.write("MODULES " + json.dumps(sorted(sys.modules)) + "\n")
sys.exit(rc)
"""


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "demo.db"
    ok(run(path, "demo", "--dossiers", "5"))
    return path


def modules_after(db: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER, "--db", url(db), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=PROJECT,
        env=base_env(),
        timeout=60,
        check=False,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    return done, set(json.loads(line.removeprefix("MODULES ")))


@pytest.mark.parametrize("json_output", [False, True], ids=["text", "json"])
def test_show_loads_only_what_it_needs(demo_db: Path, json_output: bool) -> None:
    code = query(demo_db, "SELECT code FROM dossiers ORDER BY id DESC LIMIT 1")[0][0]
    done, loaded = modules_after(demo_db, "show", code, *(["--json"] if json_output else []))
    assert done.returncode == 0, done.stderr
    assert code in done.stdout  # the dossier was shown, not an error
    unneeded = sorted(m for m in loaded if m.split(".")[0] in NOT_FOR_SHOW or m in NOT_FOR_SHOW)
    unneeded += sorted(m for m in loaded for name in NOT_FOR_SHOW if m.startswith(name + "."))
    assert not unneeded, "show imported what it does not need: " + ", ".join(sorted(set(unneeded)))
    # What it needs is there: the check above would pass for a command that did nothing.
    assert {"onestop.services.dossiers", "onestop.services.staff", "onestop.db.schema"} <= loaded


def test_a_missing_dossier_is_still_named_in_the_message(demo_db: Path) -> None:
    """The message's input check is loaded when it is needed, and only then."""
    done, loaded = modules_after(demo_db, "show", "H17.50.05.13-991231-9999")
    assert done.returncode == 2
    assert "Lỗi: Mã hồ sơ: không có hồ sơ «H17.50.05.13-991231-9999»." in done.stderr
    assert "onestop.validation" in loaded


ARGVS = [
    ["show", "H17.50.05.13-260610-0069"],
    ["--db", "sqlite:///x.db", "show", "C", "--json"],
    ["--db=sqlite:///x.db", "--user", "lanhdao", "--debug", "show", "C"],
    ["--user", "show", "list", "--search", "nguyen", "--limit", "5"],  # the user is named "show"
    ["--db", "x", "receive", "--procedure", "2.000815", "--name", "Mai Văn Long", "--sets", "2"],
    ["act", "C", "transfer", "--to", "Công an", "--note", "n"],
    ["attach", "C", "a.pdf", "b.pdf", "--document", "2"],
    ["report", "--from", "2026-01-01", "--to", "2026-12-31", "--register", "--format", "pdf", "-o", "r.pdf"],
    ["verify", "--anchor", "1:ab"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=[" ".join(a)[:40] for a in ARGVS])
def test_the_one_command_parser_reads_arguments_as_the_whole_one(argv: list[str]) -> None:
    only = _command_of(argv)
    assert only is not None and only in argv
    assert vars(build_parser(only).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        ["show"],  # the code is missing
        ["show", "C", "--bogus"],
        ["--db", "show", "C"],  # "show" is the database; "C" is no command
        ["rate", "C"],
    ],
)
def test_the_one_command_parser_refuses_what_the_whole_one_refuses(argv: list[str]) -> None:
    messages = []
    for parser in (build_parser(_command_of(argv)), build_parser()):
        with pytest.raises(UsageError) as caught:
            parser.parse_args(argv)
        messages.append(caught.value.message)
    assert messages[0] == messages[1]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["--us", "show", "show", "C"],
        ["--d", "x", "show", "C"],
        ["nosuch", "C"],
        ["--", "show"],
    ],
)
def test_anything_unclear_gets_the_whole_parser(argv: list[str]) -> None:
    assert _command_of(argv) is None


def test_sign_in_does_the_preparation_while_the_password_is_checked(agency: Onestop) -> None:
    done: list[str] = []
    actor = agency.staff.sign_in("tiepnhan1", "demo", meanwhile=lambda: done.append("prepared"))
    assert actor.username == "tiepnhan1" and done == ["prepared"]
    # A wrong password is refused all the same, after the preparation.
    with pytest.raises(PermissionDenied):
        agency.staff.sign_in("tiepnhan1", "wrong", meanwhile=lambda: done.append("again"))
    assert done == ["prepared", "again"]

    def fails() -> None:
        raise RuntimeError("preparation failed")

    with pytest.raises(RuntimeError, match="preparation failed"):
        agency.staff.sign_in("tiepnhan1", "demo", meanwhile=fails)


def test_show_signs_in_before_it_shows_anything(demo_db: Path) -> None:
    code = query(demo_db, "SELECT code FROM dossiers LIMIT 1")[0][0]
    refused = run(demo_db, "show", code, env={"ONESTOP_PASSWORD": "wrong"})
    assert refused.rc != 0 and code not in refused.out and not refused.out.strip()


def test_an_early_check_counts_only_for_the_hash_sign_in_reads(agency: Onestop, db_path: Path) -> None:
    """The check started before the database is open decides nothing: a password changed in
    between (another hash) is checked again, against what the account holds now."""
    earlier = hash_password("demo")
    early = EarlyCheck("demo", lambda: earlier)
    assert early.outcome_for("demo", earlier) is True
    assert early.outcome_for("demo", hash_password("demo")) is None  # another hash: not this check's
    assert early.outcome_for("other", earlier) is None
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute(
            "UPDATE staff SET password_hash = ? WHERE username = 'tiepnhan1'",
            (hash_password("changed-pass"),),
        )
    with pytest.raises(PermissionDenied):
        agency.staff.sign_in("tiepnhan1", "demo", early=EarlyCheck("demo", lambda: earlier))
    assert agency.staff.sign_in("tiepnhan1", "changed-pass", early=early).username == "tiepnhan1"


def test_an_early_check_that_could_not_read_leaves_the_check_to_sign_in(agency: Onestop) -> None:
    def fails() -> str:
        raise sqlite3.OperationalError("no such table: staff")

    broken = EarlyCheck("demo", fails)
    assert broken.outcome_for("demo", hash_password("demo")) is None
    assert agency.staff.sign_in("tiepnhan1", "demo", early=broken).username == "tiepnhan1"
    with pytest.raises(PermissionDenied):
        agency.staff.sign_in("tiepnhan1", "wrong", early=EarlyCheck("wrong", lambda: None))
