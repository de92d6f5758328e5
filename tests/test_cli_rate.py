"""``onestop rate`` and ratings through the command line (cli.md: rate, show, verify)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import copy_db, execute, ok, receive, run, snapshot, usage_error


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("rate-template") / "agency.db"
    ok(run(path, "demo", "--dossiers", "0"))
    return path


@pytest.fixture
def db(tmp_path: Path, template: Path) -> Path:
    return copy_db(template, tmp_path / "onestop.db")


def test_paper_rating_is_entered_once_and_shown(db: Path) -> None:
    code = receive(db, "Nguyễn Thị Thủy")["code"]
    out = ok(
        run(
            db,
            "--user",
            "tiepnhan2",
            "rate",
            code,
            "rat-hai-long",
            "--event",
            "receipt",
            "--channel",
            "paper",
        )
    )
    assert code in out.out
    before = snapshot(db)
    usage_error(
        run(db, "--user", "tiepnhan2", "rate", code, "khong-hai-long", "--channel", "phone"), "đánh giá"
    )
    assert snapshot(db) == before
    head = {"ONESTOP_USER": "lanhdao", "ONESTOP_PASSWORD": "demo"}
    shown = json.loads(ok(run(db, "show", code, "--json", env=head)).out)
    assert [(r["level"], r["event"], r["channel"]) for r in shown["ratings"]] == [
        ("rat-hai-long", "receipt", "paper")
    ]
    assert shown["ratings"][0]["at"].endswith("+07:00")
    # A counter clerk sees whether the citizen rated, never how (domain rules §6).
    as_clerk = json.loads(ok(run(db, "show", code, "--json")).out)
    assert [(r["level"], r["event"], r["rated"]) for r in as_clerk["ratings"]] == [(None, "receipt", True)]
    assert ok(run(db, "verify")).out.strip() == "ok"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["rat-hai-long", "--channel", "kiosk"], ["kênh"]),
        (["tot"], ["mức đánh giá"]),
        (["rat-hai-long", "--event", "return"], ["chưa trả kết quả"]),
        (["rat-hai-long", "--event", "nop"], ["sự kiện"]),
    ],
)
def test_bad_ratings_exit_2_and_write_nothing(db: Path, args: list[str], words: list[str]) -> None:
    code = receive(db, "Lê Văn An")["code"]
    before = snapshot(db)
    usage_error(run(db, "--user", "tiepnhan1", "rate", code, *args), *words)
    assert snapshot(db) == before


def test_unknown_dossier_cannot_be_rated(db: Path) -> None:
    usage_error(run(db, "--user", "tiepnhan1", "rate", "H17.50.05.13-261127-9999", "hai-long"), "mã hồ sơ")


def test_verify_catches_a_rating_changed_deleted_or_inserted_with_a_plain_client(
    db: Path, tmp_path: Path
) -> None:
    for name in ("Lê Văn An", "Trần Thị Bình", "Phạm Văn Chí"):
        code = receive(db, name)["code"]
        ok(run(db, "--user", "tiepnhan1", "rate", code, "hai-long"))
    assert ok(run(db, "verify")).out.strip() == "ok"
    drop = ("DROP TRIGGER ratings_no_update", "DROP TRIGGER ratings_no_delete")
    cases = {
        "changed": "UPDATE ratings SET level = 'rat-hai-long' WHERE id = (SELECT min(id) FROM ratings)",
        "deleted": "DELETE FROM ratings WHERE id = (SELECT min(id) FROM ratings)",
        "inserted": (
            "INSERT INTO ratings (id, dossier_id, event, clerk_id, level, scale, satisfied, reasons, channel,"
            " entered_by, at, hash) SELECT max(id) + 1, dossier_id, 'return', clerk_id, 'rat-hai-long', 3, 1,"
            " '', 'paper', NULL, at, hash FROM ratings"
        ),
    }
    for label, sql in cases.items():
        copy = copy_db(db, tmp_path / f"{label}.db")
        execute(copy, *drop, sql)
        result = run(copy, "verify")
        assert result.rc == 1, (label, result.describe())
        assert result.out.strip() and result.out.strip() != "ok", label
