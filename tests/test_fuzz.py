"""Hostile input, generated (hypothesis): the command line's parsers and the services take arbitrary
text — control and format characters, right-to-left overrides, lone surrogates (what Python makes of
arguments that are not UTF-8), digits of other scripts, huge values — and every answer is exit 0 or
exit 2 with one short Vietnamese line, never a traceback or an "unexpected error", and a refusal
writes nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop.cli import main

HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            [
                "\x1b",
                "\x00",
                "\u202e",
                "\u2066",
                "\u200b",
                "\ufeff",
                "\udc80",
                "\udcff",
                "١",
                "٢",
                "９",
                "\n",
                "\r",
                "\t",
                "%",
                "'",
                '"',
                "*",
                "-",
                "Đ",
                "đ",
                "ộ",
                "\u0301",
            ]
        ),
    ),
    max_size=60,
)
LONG = st.text(min_size=200, max_size=3000)
PROCEDURES = st.one_of(st.sampled_from(["2.000815", "1.004873", ""]), HOSTILE)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "demo.db"
    assert main(["--db", f"sqlite:///{path}", "demo", "--dossiers", "30"]) == 0
    return path


@pytest.fixture(scope="module")
def db(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz-work") / "onestop.db"
    shutil.copy(template, target)
    return target


@pytest.fixture(autouse=True)
def signed_in(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ONESTOP_USER", "tiepnhan1")
    monkeypatch.setenv("ONESTOP_PASSWORD", "demo")
    yield


def _digest(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        # Failed sign-ins are the one thing a refusal may record; none happen here.
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def _run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> None:
    before = _digest(db)
    rc = main(["--db", f"sqlite:///{db}", *args])
    _out, err = capsys.readouterr()
    assert rc in (0, 2), f"exit {rc}: {err!r} for {args!r}"
    assert "Traceback" not in err and "không mong đợi" not in err, err
    if rc == 2:
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1, f"one line, got {lines!r}"
        assert len(lines[0]) <= 400, f"a message echoing too much: {len(lines[0])} characters"
        assert not any(
            ord(ch) < 32 or 0x202A <= ord(ch) <= 0x202E or 0xD800 <= ord(ch) <= 0xDFFF for ch in lines[0]
        )
        assert _digest(db) == before, f"refused but written: {args!r}"


COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@COMMON
@given(
    procedure=PROCEDURES,
    name=st.one_of(HOSTILE, LONG),
    phone=HOSTILE,
    id_number=HOSTILE,
    address=st.one_of(HOSTILE, LONG),
    email=HOSTILE,
    sets=st.one_of(HOSTILE, st.sampled_from(["١٢", "９", "0", "-1", "100", "1e3", "2"])),
    channel=st.one_of(HOSTILE, st.sampled_from(["counter", "post", "online"])),
)
def test_receive_takes_hostile_input(
    db: Path,
    capsys: pytest.CaptureFixture[str],
    procedure: str,
    name: str,
    phone: str,
    id_number: str,
    address: str,
    email: str,
    sets: str,
    channel: str,
) -> None:
    _run(
        db,
        capsys,
        "receive",
        "--procedure",
        procedure,
        "--name",
        name,
        "--phone",
        phone,
        "--id-number",
        id_number,
        "--address",
        address,
        "--email",
        email,
        "--sets",
        sets,
        "--channel",
        channel,
    )


@COMMON
@given(
    search=st.one_of(HOSTILE, st.sampled_from(["!!!", "...", "中文", "Привет", "%", "_", '"', "*"])),
    date_from=st.one_of(HOSTILE, st.sampled_from(["9999-12-31", "0001-01-01", "2026-02-30", "2026-11-01"])),
    date_to=st.one_of(HOSTILE, st.sampled_from(["9999-12-31", "1899-12-31", "2026-11-30"])),
    limit=st.one_of(HOSTILE, st.sampled_from(["0", "١٠", "99999999999999999999", "5"])),
)
def test_list_takes_hostile_input(
    db: Path, capsys: pytest.CaptureFixture[str], search: str, date_from: str, date_to: str, limit: str
) -> None:
    _run(
        db,
        capsys,
        "list",
        "--search",
        search,
        "--from",
        date_from,
        "--to",
        date_to,
        "--limit",
        limit,
        "--json",
    )


@COMMON
@given(
    procedure=PROCEDURES,
    at=st.one_of(
        HOSTILE,
        st.sampled_from(
            ["9999-12-31T23:59+14:00", "0001-01-01T00:00", "2026-11-24T10:00", "2026-02-30T10:00"]
        ),
    ),
)
def test_due_takes_hostile_input_and_saves_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], procedure: str, at: str
) -> None:
    before = _digest(db)
    _run(db, capsys, "due", "--procedure", procedure, "--at", at)
    assert _digest(db) == before  # due never writes, whatever the answer


@COMMON
@given(code=st.one_of(HOSTILE, LONG), level=HOSTILE, anchor=HOSTILE)
def test_show_rate_and_verify_take_hostile_input(
    db: Path, capsys: pytest.CaptureFixture[str], code: str, level: str, anchor: str
) -> None:
    _run(db, capsys, "show", code, "--json")
    _run(db, capsys, "rate", code, level)
    before = _digest(db)
    rc = main(["--db", f"sqlite:///{db}", "verify", "--anchor", anchor])
    _out, err = capsys.readouterr()
    assert rc in (0, 1, 2) and "Traceback" not in err and "không mong đợi" not in err
    assert _digest(db) == before


@COMMON
@given(
    argv=st.lists(
        st.one_of(HOSTILE, st.sampled_from(["receive", "list", "--db", "--user", "-o", "show"])), max_size=6
    )
)
def test_any_command_line_at_all(db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    if "gui" in argv or "kiosk" in argv or not argv or argv[0] in ("gui", "kiosk"):
        return
    if {"--db", "init", "demo", "backup", "--user"} & set(argv):
        return  # other files, new databases, sign-in failures (counted on purpose): their own tests
    before = _digest(db)
    rc = main(["--db", f"sqlite:///{db}", *argv])
    _out, err = capsys.readouterr()
    assert rc in (0, 2), f"exit {rc}: {err!r} for {argv!r}"
    assert "Traceback" not in err and "không mong đợi" not in err, err
    if rc == 2:
        assert _digest(db) == before
