"""End-to-end tests of the ``onestop`` command line, driven exactly as docs/cli.md describes it.

Every test runs the installed console script in subprocesses against its own SQLite file. A demo
database (``demo --dossiers 50``) and an agency without dossiers (``demo --dossiers 0``) are built once
per module and copied per test. Moments are faked with ``faketime`` (the process sees that wall-clock
time in the zone it runs in); expected appointments were counted by hand from domain.md §4 with the
2026 calendar: Tết Mon 16/02-Fri 20/02, Tue 24/11 Ngày Văn hóa Việt Nam.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import time
import unicodedata
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cli_helpers import (
    AGENCY_TZ,
    CATALOG,
    CODE_RE,
    DEMO_ACCOUNTS,
    PROJECT,
    SAME_DAY_CUTOFF,
    THREE_DAYS,
    Result,
    base_env,
    copy_db,
    execute,
    finish,
    ok,
    query,
    receive,
    run,
    run_all,
    scalar,
    snapshot,
    start,
    url,
    usage_error,
)

HCM = ZoneInfo(AGENCY_TZ)
ADMIN = {"ONESTOP_USER": "admin", "ONESTOP_PASSWORD": "demo"}
PLUS7 = timedelta(hours=7)


def parse_ts(text: str) -> datetime:
    """An ISO 8601 timestamp of the contract: with the agency's offset, +07:00."""
    assert isinstance(text, str), text
    assert text.endswith("+07:00"), f"timestamp without the agency's offset: {text}"
    value = datetime.fromisoformat(text)
    assert value.utcoffset() == PLUS7, text
    return value


def all_rows(db: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = ok(run(db, "list", "--limit", "10000", "--json")).json()
    return rows


def dossier_count(db: Path) -> int:
    return int(scalar(db, "SELECT count(*) FROM dossiers"))


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    result = ok(run(path, "demo", "--dossiers", "50"))
    return path, result


@pytest.fixture(scope="module")
def agency_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("agency-template") / "agency.db"
    ok(run(path, "demo", "--dossiers", "0"))
    return path


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: tuple[Path, Result]) -> Path:
    """A copy of the demo agency with 50 historical dossiers."""
    return copy_db(demo_template[0], tmp_path / "onestop.db")


@pytest.fixture
def agency_db(tmp_path: Path, agency_template: Path) -> Path:
    """A copy of the demo agency (accounts, catalogue, calendar) without any dossier."""
    return copy_db(agency_template, tmp_path / "onestop.db")


# --------------------------------------------------------------------------- init


def test_init_creates_database_with_calendar_and_first_administrator(tmp_path: Path) -> None:
    db = tmp_path / "new" / "onestop.db"
    result = ok(
        run(db, "init", "--admin", "quantri", env={"ONESTOP_USER": "", "ONESTOP_PASSWORD": "mat-khau-dai"})
    )
    assert db.exists()
    assert "quantri" in result.out and "mat-khau-dai" not in result.out
    assert [r[0] for r in query(db, "SELECT username FROM staff WHERE username != 'he-thong'")] == ["quantri"]
    assert scalar(db, "SELECT role FROM staff WHERE username = 'quantri'") == "quan_tri"
    this_year = datetime.now(HCM).year
    years = {r[0] for r in query(db, "SELECT year FROM calendar_years")}
    assert {this_year, this_year + 1} <= years
    assert scalar(db, "SELECT count(*) FROM calendar_days") > 0


def test_init_is_idempotent_and_imports_the_catalog_once(tmp_path: Path) -> None:
    db = tmp_path / "onestop.db"
    ok(run(db, "init", "--catalog", str(CATALOG)))
    first = snapshot(db)
    codes = {p["code"] for p in json.loads(CATALOG.read_text(encoding="utf-8"))["procedures"]}
    assert {r[0] for r in query(db, "SELECT code FROM procedures")} == codes
    assert len(first["procedures"]) == len(codes)

    ok(run(db, "init", "--admin", "quantri", env={"ONESTOP_PASSWORD": "mat-khau-dai"}))
    first = snapshot(db)
    again = ok(
        run(
            db,
            "init",
            "--catalog",
            str(CATALOG),
            env={"ONESTOP_USER": "quantri", "ONESTOP_PASSWORD": "mat-khau-dai"},
        )
    )
    assert "quản trị đầu tiên" not in again.out  # no second administrator
    second = snapshot(db)
    for table in (
        "staff",
        "procedures",
        "procedure_documents",
        "calendar_days",
        "calendar_years",
        "units",
        "settings",
    ):
        assert second[table] == first[table], f"init changed {table} on a second run"


def test_init_with_missing_catalog_file_is_usage_error_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "onestop.db"
    result = run(db, "init", "--catalog", str(tmp_path / "nope.json"))
    usage_error(result, "danh mục")
    assert not db.exists()


def test_init_with_invalid_catalog_entry_writes_nothing(tmp_path: Path) -> None:
    """Exit 2 means nothing written: a catalogue rejected by validation must not leave a database behind."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"procedures": [{"code": "1.000001", "name": "Thủ tục lỗi"}]}), encoding="utf-8"
    )
    db = tmp_path / "onestop.db"
    result = run(db, "init", "--catalog", str(bad))
    usage_error(result, "danh mục")
    if db.exists():
        assert scalar(db, "SELECT count(*) FROM sqlite_master WHERE name='calendar_days'") == 0 or (
            scalar(db, "SELECT count(*) FROM calendar_days") == 0
            and scalar(db, "SELECT count(*) FROM staff") == 0
        ), "init exited 2 but wrote the calendar/accounts"


def test_onestop_db_environment_variable_selects_the_database(tmp_path: Path) -> None:
    db = tmp_path / "from-env.db"
    ok(run(None, "init", env={"ONESTOP_DB": url(db)}))
    assert db.exists()


def test_default_database_is_created_in_the_user_data_folder(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}
    ok(run(None, "init", env=env))
    created = list(tmp_path.rglob("*.db"))
    assert created, "no SQLite file created in the user-data folder"


# --------------------------------------------------------------------------- demo


def test_demo_prints_the_five_accounts_and_stays_at_five_when_rerun(
    demo_db: Path, demo_template: tuple[Path, Result]
) -> None:
    first = demo_template[1].out
    for username in DEMO_ACCOUNTS:
        assert re.search(rf"\b{username}\b", first), f"{username} missing from:\n{first}"
    before = dossier_count(demo_db)
    second = ok(run(demo_db, "demo", "--dossiers", "0"))
    for username in DEMO_ACCOUNTS:
        assert re.search(rf"\b{username}\b", second.out)
    assert sorted(
        r[0] for r in query(demo_db, "SELECT username FROM staff WHERE username != 'he-thong'")
    ) == sorted(DEMO_ACCOUNTS)
    assert dossier_count(demo_db) == before
    units = " | ".join(r[0] for r in query(demo_db, "SELECT name FROM units"))
    for unit in (
        "Công chức Tư pháp - Hộ tịch",
        "Công an phường Liên Chiểu",
        "Công chức Địa chính - Xây dựng",
    ):
        assert unit in units


def test_demo_creates_the_requested_number_of_dossiers(demo_template: tuple[Path, Result]) -> None:
    db = demo_template[0]
    assert dossier_count(db) == 50
    assert ok(run(db, "verify")).out.strip() == "ok"


# --------------------------------------------------------------------------- receive


def test_receive_prints_only_the_dossier_code(demo_db: Path) -> None:
    result = ok(run(demo_db, "receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Nguyễn Văn An"))
    lines = result.out.strip().splitlines()
    assert len(lines) == 1
    assert CODE_RE.match(lines[0]), lines


def test_receive_json_has_contract_fields_with_agency_offset(demo_db: Path) -> None:
    before = dossier_count(demo_db)
    d = receive(
        demo_db, "Trần Thị Bích", "--id-number", "048190001234", "--phone", "0905111222", procedure=THREE_DAYS
    )
    for key in ("code", "status", "procedure_code", "applicant_name", "received_at", "due_at", "received_by"):
        assert key in d, key
    match = CODE_RE.match(d["code"])
    assert match, d["code"]
    assert d["status"] == "received"
    assert d["procedure_code"] == THREE_DAYS
    assert d["applicant_name"] == "Trần Thị Bích"
    assert d["received_by"] == "tiepnhan1"  # who signed in (ONESTOP_USER / ONESTOP_PASSWORD)
    received, due = parse_ts(d["received_at"]), parse_ts(d["due_at"])
    assert abs(datetime.now(HCM) - received) < timedelta(minutes=2)
    assert due > received
    assert match.group(1) == received.strftime("%y%m%d")
    assert dossier_count(demo_db) == before + 1
    shown = ok(run(demo_db, "show", d["code"], "--json")).json()
    for key in ("code", "status", "procedure_code", "applicant_name", "received_at", "due_at", "received_by"):
        assert shown[key] == d[key], f"show and receive disagree on {key}"
    assert shown["id_number"] == "048190001234"
    assert shown["phone"] == "0905111222"


def test_receive_stores_names_in_nfc_when_given_nfd(demo_db: Path) -> None:
    name, address = "Nguyễn Thị Thủy", "Tổ 5, phường Liên Chiểu"
    nfd_name, nfd_address = unicodedata.normalize("NFD", name), unicodedata.normalize("NFD", address)
    assert nfd_name != name
    d = receive(demo_db, nfd_name, "--address", nfd_address)
    assert d["applicant_name"] == name
    shown = ok(run(demo_db, "show", d["code"], "--json")).json()
    assert shown["applicant_name"] == name
    assert shown.get("address", address) == address
    assert scalar(demo_db, "SELECT applicant_name FROM dossiers WHERE code=?", (d["code"],)) == name


@pytest.mark.parametrize(
    ("process_tz", "wall_clock"),
    [("UTC", "2026-11-23 20:00:00"), ("America/New_York", "2026-11-23 20:00:00")],
)
def test_receive_code_date_is_the_agency_date_whatever_the_process_zone(
    demo_db: Path, process_tz: str, wall_clock: str
) -> None:
    """20:00 on 23/11 in UTC or New York is already 24/11 in Hồ Chí Minh City."""
    d = receive(demo_db, "Lê Văn Cường", faketime=wall_clock, tz=process_tz)
    assert CODE_RE.match(d["code"]).group(1) == "261124"  # type: ignore[union-attr]
    received = parse_ts(d["received_at"])
    assert received.date() == date(2026, 11, 24)
    # 24/11 is a holiday: a same-day dossier received on it is due at the end of the next working day.
    assert d["due_at"] == "2026-11-25T17:00:00+07:00"


def test_receive_under_real_clock_in_new_york_uses_agency_date(demo_db: Path) -> None:
    before = datetime.now(HCM).date()
    d = receive(demo_db, "Phan Văn Đông", tz="America/New_York")
    after = datetime.now(HCM).date()
    day = CODE_RE.match(d["code"]).group(1)  # type: ignore[union-attr]
    assert day in {before.strftime("%y%m%d"), after.strftime("%y%m%d")}
    assert d["received_at"].endswith("+07:00")


@pytest.mark.parametrize(
    ("procedure", "moment", "due"),
    [
        # Mon 23/11 16:30, after the 15:00 cut-off: next working day, but Tue 24/11 is a holiday.
        (SAME_DAY_CUTOFF, "2026-11-23 16:30:00", "2026-11-25T17:00:00+07:00"),
        # 15:00 is on time (to the minute); 15:01 is after the cut-off.
        (SAME_DAY_CUTOFF, "2026-11-25 15:00:00", "2026-11-25T17:00:00+07:00"),
        (SAME_DAY_CUTOFF, "2026-11-25 15:01:00", "2026-11-26T17:00:00+07:00"),
        (SAME_DAY_CUTOFF, "2026-11-23 15:01:00", "2026-11-25T17:00:00+07:00"),
        # Received on a Saturday: the end of the next working day.
        (SAME_DAY_CUTOFF, "2026-11-28 10:00:00", "2026-11-30T17:00:00+07:00"),
        # Fri 13/02 10:00 + 24 working hours: Fri 5.5 h, (Tết 16-20/02 and two weekends skipped),
        # Mon 23/02 8 h, Tue 24/02 8 h, Wed 25/02 2.5 h from 07:30 = 10:00.
        (THREE_DAYS, "2026-02-13 10:00:00", "2026-02-25T10:00:00+07:00"),
    ],
)
def test_receive_at_a_faked_moment_sets_the_appointment(
    demo_db: Path, procedure: str, moment: str, due: str
) -> None:
    d = receive(demo_db, "Võ Thị Hoa", procedure=procedure, faketime=moment)
    received = parse_ts(d["received_at"])
    assert received.strftime("%Y-%m-%d %H:%M") == moment[:16]
    assert CODE_RE.match(d["code"]).group(1) == received.strftime("%y%m%d")  # type: ignore[union-attr]
    if procedure == THREE_DAYS:
        # The faked clock runs: a receipt a few seconds after the moment is due as many seconds later.
        late = received - datetime.fromisoformat(moment).replace(tzinfo=HCM)
        assert parse_ts(d["due_at"]) == datetime.fromisoformat(due) + late, d["due_at"]
    else:
        assert d["due_at"] == due


def test_code_sequence_is_consecutive_per_day_and_restarts_the_next_day(agency_db: Path) -> None:
    codes = [
        receive(agency_db, "Người Thứ Nhất", faketime="2026-11-25 09:00:00")["code"],
        receive(agency_db, "Người Thứ Hai", faketime="2026-11-25 09:10:00")["code"],
        receive(agency_db, "Người Thứ Ba", faketime="2026-11-26 08:00:00")["code"],
        receive(agency_db, "Người Thứ Tư", faketime="2026-11-25 10:00:00")["code"],
    ]
    assert codes == [
        "H17.50.05.13-261125-0001",
        "H17.50.05.13-261125-0002",
        "H17.50.05.13-261126-0001",
        "H17.50.05.13-261125-0003",
    ]


INVALID_RECEIVES = {
    "id-number-11-digits": (["--id-number", "04819000123"], ["định danh"]),
    "id-number-letter": (["--id-number", "04819000123A"], ["định danh"]),
    "phone-short": (["--phone", "12345"], ["điện thoại"]),
    "phone-plus84-short": (["--phone", "+8490512"], ["điện thoại"]),
    "name-with-digit": (["--name", "Nguyễn Văn 3"], ["tên"]),
    "name-blank": (["--name", "   "], ["tên"]),
    "name-too-long": (["--name", "A" * 101], ["tên"]),
    "unknown-procedure": (["--procedure", "9.999999"], ["thủ tục"]),
    "sets-zero": (["--sets", "0"], ["số lượng"]),
    "sets-not-a-number": (["--sets", "abc"], ["số lượng"]),
    "email": (["--email", "not-an-email"], ["email"]),
    "channel": (["--channel", "fax"], []),
}


def test_receive_rejects_invalid_field_naming_it_and_writes_nothing(
    tmp_path: Path, demo_template: tuple[Path, Result]
) -> None:
    """Each case on its own copy of the demo database, all run at once (the suite must stay fast)."""
    calls, dbs, snapshots = [], {}, {}
    for case, (override, _words) in INVALID_RECEIVES.items():
        db = dbs[case] = copy_db(demo_template[0], tmp_path / f"{case}.db")
        snapshots[case] = snapshot(db)
        args = {"--procedure": SAME_DAY_CUTOFF, "--name": "Hoàng Văn Em"}
        extra: list[str] = []
        for flag, value in zip(override[::2], override[1::2], strict=True):
            if flag in args:
                args[flag] = value
            else:
                extra += [flag, value]
        calls.append((db, ["receive", *[x for kv in args.items() for x in kv], *extra, "--json"]))
    problems = []
    for (case, (_override, words)), result in zip(INVALID_RECEIVES.items(), run_all(calls), strict=True):
        try:
            usage_error(result, *words)
            assert result.out == "", "stdout not empty"
            assert snapshot(dbs[case]) == snapshots[case], "a rejected receive wrote to the database"
        except AssertionError as exc:
            problems.append(f"[{case}] {exc}")
    assert not problems, "\n\n".join(problems)


def test_rejected_receives_leave_list_and_history_intact(demo_db: Path) -> None:
    count = dossier_count(demo_db)
    results = run_all(
        [
            (
                demo_db,
                ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Ngô An", "--id-number", "12345678901"],
            ),
            (demo_db, ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Ngô An", "--sets", "0"]),
        ]
    )
    for result in results:
        assert result.rc == 2, result.describe()
    listed, verified = run_all([(demo_db, ["list", "--limit", "10000", "--json"]), (demo_db, ["verify"])])
    assert len(listed.json()) == count
    assert ok(verified).out.strip() == "ok"


@pytest.mark.parametrize(
    ("user", "setup"),
    [
        ("nobody", None),
        ("tiepnhan1", "UPDATE staff SET disabled=1 WHERE username='tiepnhan1'"),
        ("xuly1", None),
    ],
    ids=["unknown-user", "disabled-user", "user-without-receive-permission"],
)
def test_receive_as_unknown_disabled_or_unauthorised_user_is_rejected(
    demo_db: Path, user: str, setup: str | None
) -> None:
    if setup:
        execute(demo_db, setup)
    words = [user]
    before = snapshot(demo_db)
    by_option = run(
        demo_db, "--user", user, "receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Đỗ Văn Giang"
    )
    usage_error(by_option, *words)
    by_env = run(
        demo_db,
        "receive",
        "--procedure",
        SAME_DAY_CUTOFF,
        "--name",
        "Đỗ Văn Giang",
        env={"ONESTOP_USER": user},
    )
    usage_error(by_env, *words)
    assert snapshot(demo_db) == before


def test_unknown_user_is_an_error_for_other_commands_too(demo_db: Path) -> None:
    """cli.md: an unknown --user is an error; only init and demo act as the system and ignore it."""
    code = query(demo_db, "SELECT code FROM dossiers LIMIT 1")[0][0]
    commands = [["list"], ["show", code]]
    results = run_all([(demo_db, ["--user", "nobody", *c]) for c in commands])
    problems = []
    for args, result in zip(commands, results, strict=True):
        try:
            usage_error(result, "nobody")
        except AssertionError as exc:
            problems.append(f"[{args[0]}] {exc}")
    assert not problems, "\n\n".join(problems)


def test_receive_trims_names_and_accepts_apostrophe_hyphen_and_dot(demo_db: Path) -> None:
    d = receive(demo_db, "  O'Neil Lê-Anh Jr.  ", "--id-number", "048190001234", "--phone", "+84905111222")
    assert d["applicant_name"] == "O'Neil Lê-Anh Jr."
    assert d["id_number"] == "048190001234"


def test_json_is_utf8_even_in_a_c_locale(demo_db: Path) -> None:
    started = start(
        demo_db, "receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Đỗ Thị Ánh", "--json",
        env={"LC_ALL": "C", "LANG": "C"},
    )  # fmt: skip
    result = finish(started)
    assert ok(result).json()["applicant_name"] == "Đỗ Thị Ánh"


def test_receive_records_the_acting_user_from_option_or_environment(demo_db: Path) -> None:
    common = ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Bùi Thị Hạnh", "--json"]
    by_option, by_env, option_wins = run_all(
        [
            (demo_db, ["--user", "tiepnhan1", *common]),
            (demo_db, common, {"env": {"ONESTOP_USER": "tiepnhan2"}}),
            (demo_db, ["--user", "tiepnhan1", *common], {"env": {"ONESTOP_USER": "tiepnhan2"}}),
        ]
    )
    assert by_option.json()["received_by"] == "tiepnhan1"
    assert by_env.json()["received_by"] == "tiepnhan2"
    assert option_wins.json()["received_by"] == "tiepnhan1"
    shown = ok(run(demo_db, "show", by_env.json()["code"], "--json")).json()
    assert shown["received_by"] == "tiepnhan2"
    assert shown["events"][0]["action"] == "receive"
    assert shown["events"][0]["user"] == "tiepnhan2"


# --------------------------------------------------------------------------- due


def test_due_json_explains_skipped_days_and_saves_nothing(demo_db: Path) -> None:
    before = snapshot(demo_db)
    as_json, as_text = run_all(
        [
            (demo_db, ["due", "--procedure", SAME_DAY_CUTOFF, "--at", "2026-11-23T16:30", "--json"]),
            (demo_db, ["due", "--procedure", SAME_DAY_CUTOFF, "--at", "2026-11-23T16:30"]),
        ]
    )
    data = as_json.json()
    assert data["received_at"] == "2026-11-23T16:30:00+07:00"  # no offset: agency time
    assert data["due_at"] == "2026-11-25T17:00:00+07:00"
    skipped = {s["date"]: s["reason"] for s in data["skipped"]}
    assert "2026-11-24" in skipped
    assert "Văn hóa" in unicodedata.normalize("NFC", skipped["2026-11-24"])
    assert all(set(s) >= {"date", "reason"} for s in data["skipped"])
    text = ok(as_text).out
    assert "24/11" in text and "Văn hóa" in text
    assert snapshot(demo_db) == before


def test_due_at_with_an_offset_is_converted_to_agency_time(demo_db: Path) -> None:
    moments = ["2026-11-23T09:30:00Z", "2026-11-23T04:30:00-05:00"]
    results = run_all(
        [(demo_db, ["due", "--procedure", SAME_DAY_CUTOFF, "--at", at, "--json"]) for at in moments]
    )
    for at, result in zip(moments, results, strict=True):
        data = result.json()
        assert data["received_at"] == "2026-11-23T16:30:00+07:00", at
        assert data["due_at"] == "2026-11-25T17:00:00+07:00", at


def test_due_counts_working_days_across_tet(demo_db: Path) -> None:
    data = ok(
        run(demo_db, "due", "--procedure", THREE_DAYS, "--at", "2026-02-13T10:00:00+07:00", "--json")
    ).json()
    assert data["due_at"] == "2026-02-25T10:00:00+07:00"
    skipped = {s["date"]: unicodedata.normalize("NFC", s["reason"]) for s in data["skipped"]}
    for day in range(16, 21):
        assert f"2026-02-{day}" in skipped, skipped
        assert "Tết" in skipped[f"2026-02-{day}"]
    assert all("2026-02-14" <= d <= "2026-02-24" for d in skipped), skipped


def test_due_without_at_uses_now(demo_db: Path) -> None:
    data = ok(run(demo_db, "due", "--procedure", THREE_DAYS, "--json", tz="America/New_York")).json()
    received = parse_ts(data["received_at"])
    assert abs(datetime.now(HCM) - received) < timedelta(minutes=2)
    assert parse_ts(data["due_at"]) > received
    assert isinstance(data["skipped"], list)


def test_due_rejects_bad_moment_and_unknown_procedure(demo_db: Path) -> None:
    bad_at, bad_date, unknown = run_all(
        [
            (demo_db, ["due", "--procedure", SAME_DAY_CUTOFF, "--at", "hôm qua"]),
            (demo_db, ["due", "--procedure", SAME_DAY_CUTOFF, "--at", "2026-02-30T10:00"]),
            (demo_db, ["due", "--procedure", "9.999999", "--at", "2026-11-23T10:00"]),
        ]
    )
    usage_error(bad_at, "--at")
    usage_error(bad_date, "--at")
    usage_error(unknown, "thủ tục")


# --------------------------------------------------------------------------- show


def test_show_json_has_contract_fields_and_history_oldest_first(demo_db: Path) -> None:
    row = ok(run(demo_db, "list", "--status", "returned", "--limit", "1", "--json")).json()[0]
    as_json, as_text = run_all([(demo_db, ["show", row["code"], "--json"]), (demo_db, ["show", row["code"]])])
    d = as_json.json()
    fields = ("code", "status", "procedure_code", "procedure_name", "applicant_name", "id_number", "phone",
              "received_at", "due_at", "received_by", "events", "ratings")  # fmt: skip
    for key in fields:
        assert key in d, key
    assert d["code"] == row["code"]
    assert d["status"] == "returned"
    for key in (
        "procedure_code",
        "applicant_name",
        "id_number",
        "phone",
        "received_at",
        "due_at",
        "received_by",
    ):
        assert d[key] == row[key], key
    assert d["procedure_name"]
    parse_ts(d["received_at"])
    parse_ts(d["due_at"])
    assert isinstance(d["ratings"], list)
    for rating in d["ratings"]:
        assert set(rating) >= {"level", "event", "at", "channel"}
    events = d["events"]
    assert events[0]["action"] == "receive"
    assert events[-1]["action"] == "return"
    for e in events:
        assert set(e) >= {"action", "at", "user", "note"}
    moments = [parse_ts(e["at"]) for e in events]
    assert moments == sorted(moments), "events not oldest first"
    assert events[0]["at"] == d["received_at"]
    text = ok(as_text).out
    assert d["code"] in text and d["applicant_name"] in text


def test_show_unknown_code_is_usage_error(demo_db: Path) -> None:
    usage_error(run(demo_db, "show", "H17.50.05.13-991231-9999"), "H17.50.05.13-991231-9999")


# --------------------------------------------------------------------------- list


def test_list_search_is_accent_insensitive_over_name_phone_id_and_code(demo_db: Path) -> None:
    received = run_all(
        [
            (demo_db, ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Đặng Văn Đức",
                       "--phone", "0905123457", "--id-number", "048099001234", "--json"]),
            (demo_db, ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Nguyễn Thị Thủy",
                       "--phone", "0236381234", "--json"]),
            (demo_db, ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Nguyễn Văn An", "--json"]),
            (demo_db, ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "NGUYỄN THỊ HOA", "--json"]),
        ]
    )  # fmt: skip
    duc, thuy = (r.json()["code"] for r in received[:2])
    searches = {
        "dang van duc": duc,
        "nguyen thi thuy": thuy,
        "0905123457": duc,
        "+84905123457": duc,
        "048099001234": duc,
        duc: duc,
    }
    today = parse_ts(received[0].json()["received_at"]).date().isoformat()
    filtered = [
        ["list", "--search", "dang van duc", "--from", today, "--to", today, "--json"],
        ["list", "--search", "nguyen", "--json"],
        ["list", "--search", "nguyen", "--limit", "3", "--json"],
    ]
    results = run_all(
        [(demo_db, ["list", "--search", s, "--json"]) for s in searches] + [(demo_db, c) for c in filtered]
    )
    in_period, all_nguyen, three_nguyen = results[len(searches) :]
    results = results[: len(searches)]
    assert duc in [r["code"] for r in in_period.json()]
    nguyen = all_nguyen.json()
    assert len(nguyen) >= 3, "at least the three received here"
    assert thuy in [r["code"] for r in nguyen]
    assert [r["code"] for r in three_nguyen.json()] == [r["code"] for r in nguyen[:3]]
    moments = [parse_ts(r["received_at"]) for r in nguyen]
    assert moments == sorted(moments, reverse=True)
    for (search, expected), result in zip(searches.items(), results, strict=True):
        codes = [r["code"] for r in result.json()]
        assert expected in codes, f"--search {search!r} did not find {expected}: {codes}"
        if search not in ("dang van duc", "nguyen thi thuy"):
            assert codes == [expected], f"--search {search!r} found more than {expected}: {codes}"


def test_list_is_newest_first_with_inclusive_dates_limit_and_status(demo_db: Path) -> None:
    rows = all_rows(demo_db)
    assert len(rows) == 50
    moments = [parse_ts(r["received_at"]) for r in rows]
    assert moments == sorted(moments, reverse=True), "list is not newest first"
    days = sorted({m.date() for m in moments})
    assert len(days) >= 4
    d_from, d_to = days[1], days[-2]
    statuses = [r["status"] for r in rows]
    wanted_status = "received" if "received" in statuses else statuses[0]
    period, limited, by_status, one_day = run_all(
        [
            (demo_db, ["list", "--from", d_from.isoformat(), "--to", d_to.isoformat(), "--json"]),
            (demo_db, ["list", "--limit", "5", "--json"]),
            (demo_db, ["list", "--status", wanted_status, "--json"]),
            (demo_db, ["list", "--from", days[0].isoformat(), "--to", days[0].isoformat(), "--json"]),
        ]
    )
    expected = [r["code"] for r, m in zip(rows, moments, strict=True) if d_from <= m.date() <= d_to]
    assert [r["code"] for r in period.json()] == expected
    assert [r["code"] for r in limited.json()] == [r["code"] for r in rows[:5]]
    assert [r["code"] for r in by_status.json()] == [r["code"] for r in rows if r["status"] == wanted_status]
    assert [r["code"] for r in one_day.json()] == [
        r["code"] for r, m in zip(rows, moments, strict=True) if m.date() == days[0]
    ]


def test_list_dates_are_agency_dates(agency_db: Path) -> None:
    """A dossier received 20:00 UTC on 23/11 belongs to 24/11 in the agency's zone."""
    code = receive(agency_db, "Lý Thị Kim", faketime="2026-11-23 20:00:00", tz="UTC")["code"]
    on_24, on_23 = run_all(
        [
            (agency_db, ["list", "--from", "2026-11-24", "--to", "2026-11-24", "--json"], {"tz": "UTC"}),
            (agency_db, ["list", "--from", "2026-11-23", "--to", "2026-11-23", "--json"], {"tz": "UTC"}),
        ]
    )
    assert [r["code"] for r in on_24.json()] == [code]
    assert on_23.json() == []


def test_list_orders_by_receipt_time_even_when_entered_out_of_order(agency_db: Path) -> None:
    """'Newest first' is about when dossiers were received, not the order rows were inserted."""
    later = receive(agency_db, "Người Nhận Sau", faketime="2026-11-26 09:00:00")["code"]
    earlier = receive(agency_db, "Người Nhận Trước", faketime="2026-11-23 09:00:00")["code"]
    rows = all_rows(agency_db)
    assert [r["code"] for r in rows] == [later, earlier]


def test_list_rejects_bad_arguments(demo_db: Path) -> None:
    cases = {
        ("--from", "2026-13-01"): "--from",
        ("--to", "26/11/2026"): "--to",
        ("--limit", "0"): "",
        ("--limit", "abc"): "--limit",
        ("--from", "2026-11-27", "--to", "2026-11-01"): "",
    }
    results = run_all([(demo_db, ["list", *args]) for args in cases])
    for word, result in zip(cases.values(), results, strict=True):
        usage_error(result, *([word] if word else []))


# --------------------------------------------------------------------------- receipt


def test_receipt_writes_an_a5_pdf_with_code_name_and_barcodes(demo_db: Path, tmp_path: Path) -> None:
    d = receive(demo_db, "Đặng Thị Ngọc Ánh", "--phone", "0905000111", "--address", "12 Nguyễn Lương Bằng")
    pdf = tmp_path / "x.pdf"
    ok(run(demo_db, "receipt", d["code"], "-o", str(pdf)))
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size, info
    assert abs(float(size.group(1)) - 419.5) < 1.5 and abs(float(size.group(2)) - 595.3) < 1.5, info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFC", text)
    assert d["code"] in text
    assert "Đặng Thị Ngọc Ánh" in text
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page*.png"))
    scan = subprocess.run(["zbarimg", "--quiet", *map(str, pages)], capture_output=True, text=True)
    symbols = set(scan.stdout.split())
    assert any(s.endswith(":" + d["code"]) for s in symbols), scan.stdout
    assert f"CODE-128:{d['code']}" in symbols, scan.stdout
    # The QR code carries the paper's fields (TT 01/2023; docs/qr.md), the dossier code among them.
    assert any(s.startswith("QR-Code:v=1") for s in symbols), scan.stdout
    assert f"hs={d['code']}" in symbols, scan.stdout


def test_receipt_of_unknown_code_is_usage_error_and_writes_no_file(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    usage_error(run(demo_db, "receipt", "H17.50.05.13-991231-9999", "-o", str(pdf)), "mã hồ sơ")
    assert list(tmp_path.glob("x.pdf*")) == []


# --------------------------------------------------------------------------- backup


def test_backup_is_a_verifiable_copy_with_the_same_dossiers(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "backup" / "copy.db"
    ok(run(demo_db, "backup", "-o", str(copy), env=ADMIN))
    assert copy.exists()
    verified, copied, original = run_all(
        [
            (copy, ["verify"]),
            (copy, ["list", "--limit", "10000", "--json"]),
            (demo_db, ["list", "--limit", "10000", "--json"]),
        ]
    )
    assert ok(verified).out.strip() == "ok"
    assert copied.json() == original.json()
    assert len(copied.json()) == 50


_RECEIVER = r"""
import sys
from pathlib import Path
from onestop.cli import main

url, stop, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
done = 0
while done < limit and not stop.exists():
    rc = main(["--db", url, "receive", "--procedure", "2.000815", "--name", "Người Nộp Liên Tục"])
    if rc != 0:
        sys.exit(100 + rc)
    done += 1
print("done", done, file=sys.stderr)
"""


def test_backup_while_another_process_keeps_receiving(agency_db: Path, tmp_path: Path) -> None:
    """A writer process loops over the CLI's receive entry point while backups are taken."""
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", _RECEIVER, url(agency_db), str(stop), "400"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
        env=base_env(),
    )
    try:
        deadline = time.monotonic() + 30
        while dossier_count(agency_db) < 3:
            assert writer.poll() is None, writer.communicate()
            assert time.monotonic() < deadline, "the writer never received anything"
            time.sleep(0.05)
        backups = [tmp_path / "b1.db", tmp_path / "b2.db"]
        for target in backups:
            ok(run(agency_db, "backup", "-o", str(target), env=ADMIN))
        during = [dossier_count(b) for b in backups]
    finally:
        stop.touch()
        _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    final = dossier_count(agency_db)
    assert 3 <= during[0] <= during[1] <= final
    assert final > during[0] or "done" in err
    for target, verified in zip(backups, run_all([(b, ["verify"]) for b in backups]), strict=True):
        assert ok(verified).out.strip() == "ok", target
    live = {r[0] for r in query(agency_db, "SELECT code FROM dossiers")}
    assert {r[0] for r in query(backups[1], "SELECT code FROM dossiers")} <= live


# --------------------------------------------------------------------------- verify and tampering


def test_events_are_append_only_for_a_plain_client_and_verify_says_ok(demo_db: Path) -> None:
    with closing(sqlite3.connect(demo_db)) as conn:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("UPDATE events SET note='x' WHERE rowid=2")
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("DELETE FROM events WHERE rowid=2")
        conn.rollback()
    result = ok(run(demo_db, "verify"))
    assert result.out.strip() == "ok"


def _event(db: Path, where: str) -> tuple[int, str]:
    """(rowid, dossier code) of one event; rowid is the events table's integer key whatever it is named."""
    row = query(
        db, f"SELECT e.rowid, d.code FROM events e LEFT JOIN dossiers d ON d.id = e.dossier_id WHERE {where}"
    )[0]
    return int(row[0]), str(row[1] or "")  # events of settings, accounts… belong to no dossier


def _assert_verify_names_the_problem(db: Path, event_id: int, code: str) -> None:
    result = run(db, "verify")
    assert result.rc == 1, result.describe()
    report = result.out + result.err
    assert report.strip() and report.strip() != "ok"
    named = (
        (code and code in report)
        or re.search(rf"(?<!\d){event_id}(?!\d)", report)
        or "cuối" in report.lower()
    )
    assert named, "verify does not say what is wrong:\n" + report


@pytest.mark.parametrize(
    ("where", "statements"),
    [
        ("e.rowid = 2", ["DROP TRIGGER events_no_update", "UPDATE events SET note='x' WHERE rowid=2"]),
        (
            "e.rowid = 2",
            [
                "DROP TRIGGER events_no_update",
                "UPDATE events SET at = CASE typeof(at) WHEN 'integer' THEN at + 3600 WHEN 'real' THEN at + 3600 "
                "ELSE datetime(at, '+1 hour') END WHERE rowid=2",
            ],
        ),
        (
            "e.rowid = 2",
            [
                "DROP TRIGGER events_no_update",
                "UPDATE events SET at='2020-01-01 00:00:00.000000' WHERE rowid=2",
            ],
        ),
        (
            "e.rowid = 3",
            ["DROP TRIGGER events_no_update", "UPDATE events SET user_id = user_id + 1 WHERE rowid=3"],
        ),
        (
            # the fifth event (ratings share the chain, so event ids have holes)
            "e.rowid = (SELECT rowid FROM events ORDER BY rowid LIMIT 1 OFFSET 4)",
            [
                "DROP TRIGGER events_no_delete",
                "DELETE FROM events WHERE rowid = (SELECT rowid FROM events ORDER BY rowid LIMIT 1 OFFSET 4)",
            ],
        ),
        (
            "e.rowid = (SELECT max(rowid) FROM events)",
            [
                "DROP TRIGGER events_no_delete",
                "DELETE FROM events WHERE rowid=(SELECT max(rowid) FROM events)",
            ],
        ),
    ],
    ids=[
        "edited-note",
        "shifted-time",
        "time-rewritten-as-text",
        "changed-user",
        "deleted-middle",
        "deleted-last",
    ],
)
def test_verify_detects_tampered_history(demo_db: Path, where: str, statements: list[str]) -> None:
    event_id, code = _event(demo_db, where)
    execute(demo_db, *statements)
    _assert_verify_names_the_problem(demo_db, event_id, code)


def test_verify_detects_the_tampering_written_with_an_events_id_column(demo_db: Path) -> None:
    """The tamper recipe of the acceptance brief addresses events by an ``id`` column:
    ``DROP TRIGGER events_no_update; UPDATE events SET note='x' WHERE id=2``."""
    event_id, code = _event(demo_db, "e.rowid = 2")
    execute(demo_db, "DROP TRIGGER events_no_update", "UPDATE events SET note='x' WHERE id=2")
    _assert_verify_names_the_problem(demo_db, event_id, code)


def test_corrupt_database_file_fails_with_a_clear_line(tmp_path: Path) -> None:
    db = tmp_path / "onestop.db"
    db.write_bytes(b"this is not a database" * 100)
    result = run(db, "list")
    assert result.rc == 1, result.describe()
    assert result.err_lines and result.err_lines[0].startswith("Lỗi")


def test_newer_schema_is_refused_by_every_command(demo_db: Path) -> None:
    execute(demo_db, "UPDATE alembic_version SET version_num='9999'")
    before = snapshot(demo_db)
    code = query(demo_db, "SELECT code FROM dossiers LIMIT 1")[0][0]
    commands = [
        ["show", code],
        ["init"],
        ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Trịnh Văn Khoa"],
    ]
    for args, result in zip(commands, run_all([(demo_db, c) for c in commands]), strict=True):
        assert result.rc == 1, result.describe()
        assert len(result.err_lines) == 1, result.describe()
        line = result.err_lines[0]
        assert "mới hơn" in line or "phiên bản" in line, f"{args}: {line}"
    assert snapshot(demo_db) == before
    assert scalar(demo_db, "SELECT version_num FROM alembic_version") == "9999"


# --------------------------------------------------------------------------- several counters at once

_WORKER = r"""
import sys, time
from pathlib import Path
from onestop.cli import main

url, go, n, tag = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
while not go.exists():
    time.sleep(0.002)
for i in range(n):
    rc = main(["--db", url, "--user", "tiepnhan1", "receive", "--procedure", "2.000815",
               "--name", "Người Nộp " + tag])
    if rc != 0:
        sys.exit(100 + rc)
"""


def test_parallel_receivers_get_unique_gapless_codes(agency_db: Path, tmp_path: Path) -> None:
    """4 processes × 10 receives on one SQLite file, released at the same instant."""
    go = tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, url(agency_db), str(go), "10", tag],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=PROJECT,
            env=base_env(),
        )
        for tag in "ABCD"
    ]
    time.sleep(0.8)  # let every worker import and wait at the barrier
    go.touch()
    codes: list[str] = []
    by_worker: dict[str, list[str]] = {}
    outputs = [w.communicate(timeout=60) for w in workers]
    for tag, w, (out, err) in zip("ABCD", workers, outputs, strict=True):
        assert w.returncode == 0, err
        assert "Traceback" not in err, err
        by_worker[tag] = out.split()
        codes += by_worker[tag]
    assert len(codes) == 40
    assert len(set(codes)) == 40, "duplicate codes"
    by_day: dict[str, list[int]] = {}
    for code in codes:
        match = CODE_RE.match(code)
        assert match, code
        by_day.setdefault(match.group(1), []).append(int(match.group(2)))
    for day, numbers in by_day.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), f"gaps on {day}: {sorted(numbers)}"
    listed, verified, searched = run_all(
        [
            (agency_db, ["list", "--limit", "10000", "--json"]),
            (agency_db, ["verify"]),
            (agency_db, ["list", "--search", "nguoi nop b", "--json"]),
        ]
    )
    assert sorted(r["code"] for r in listed.json()) == sorted(codes)
    assert ok(verified).out.strip() == "ok"
    assert sorted(r["code"] for r in searched.json()) == sorted(by_worker["B"]), "search misses dossiers"
    numbers = sorted(r[0] for r in query(agency_db, "SELECT register_number FROM dossiers"))
    assert numbers == list(range(numbers[0], numbers[0] + 40)), "register numbers not gapless"


# --------------------------------------------------------------------------- entry points and errors


_NO_QT = r"""
import sys
from onestop.cli import main
rc = main(sys.argv[1:])
qt = sorted(m for m in sys.modules if m.startswith("PySide6"))
assert not qt, "Qt imported: " + ", ".join(qt[:5])
sys.exit(rc)
"""


def test_commands_other_than_gui_never_import_qt(demo_db: Path, tmp_path: Path) -> None:
    code = query(demo_db, "SELECT code FROM dossiers LIMIT 1")[0][0]
    commands = [
        ["show", code, "--json"],
        ["list", "--search", "nguyen"],
        ["receive", "--procedure", SAME_DAY_CUTOFF, "--name", "Mai Văn Long"],
        ["due", "--procedure", THREE_DAYS],
        ["receipt", code, "-o", str(tmp_path / "r.pdf")],
        ["verify"],
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _NO_QT, "--db", url(demo_db), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=PROJECT,
            env=base_env(),
        )
        for args in commands
    ]
    failures = []
    for args, p in zip(commands, procs, strict=True):
        _out, err = p.communicate(timeout=60)
        if p.returncode != 0:
            failures.append(f"{args[0]}: rc={p.returncode} {err.strip()}")
    assert not failures, "\n".join(failures)


def test_python_main_py_behaves_like_the_console_script(demo_db: Path) -> None:
    code = query(demo_db, "SELECT code FROM dossiers LIMIT 1")[0][0]
    via_main, via_script, bad = run_all(
        [
            (demo_db, ["show", code, "--json"], {"python_main": True}),
            (demo_db, ["show", code, "--json"]),
            (demo_db, ["show", "H17.50.05.13-991231-9999"], {"python_main": True}),
        ]
    )
    assert via_main.json() == via_script.json()
    usage_error(bad)


def test_debug_shows_a_traceback_only_when_asked(demo_db: Path) -> None:
    plain, debug = run_all(
        [
            (demo_db, ["show", "H17.50.05.13-991231-9999"]),
            (demo_db, ["--debug", "show", "H17.50.05.13-991231-9999"]),
        ]
    )
    usage_error(plain)
    assert debug.rc == 2
    assert "Traceback" in debug.err


def test_help_and_unknown_command(tmp_path: Path) -> None:
    db = tmp_path / "onestop.db"
    helped, unknown, negative = run_all(
        [(db, ["--help"]), (db, ["frobnicate"]), (db, ["demo", "--dossiers", "-1"])]
    )
    assert helped.rc == 0
    for name in ("init", "demo", "receive", "show", "list", "receipt", "due", "backup", "verify"):
        assert name in helped.out
    usage_error(unknown)
    usage_error(negative, "--dossiers")
    assert not db.exists()


@pytest.mark.parametrize("bad_url", ["notaurl", "mysql://localhost/onestop"])
def test_unusable_db_url_is_a_usage_error(tmp_path: Path, bad_url: str) -> None:
    """A --db value that is not an SQLite or PostgreSQL URL is invalid usage: exit 2, one line."""
    result = finish(start(None, "--db", bad_url, "list", cwd=tmp_path))
    usage_error(result, "--db")
