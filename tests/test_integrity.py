"""Integrity against mistakes and tampering (services level): every stored row under the chain, the
anchor kept outside the database, a database file that disappears under a running counter, and
commands that save nothing writing nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from helpers import actor, vn

from onestop.chain import EVENT_FIELDS, EVENT_STATE_FIELDS, GENESIS, RATING_FIELDS, row_hash
from onestop.errors import StorageError, ValidationError
from onestop.services import Applicant, Onestop, ReceiveRequest, SubmittedDocument


@pytest.fixture
def office(agency: Onestop) -> tuple[Onestop, str]:
    """The demo agency with a dossier received, corrected once and rated."""
    clerk = actor(agency, "tiepnhan1")
    required = [d for d in agency.catalog.procedure("1.001193").documents if d.required]
    docs = [SubmittedDocument(d.name, d.form, d.count) for d in required]
    code = agency.intake.receive(
        ReceiveRequest("1.001193", Applicant("Lê Văn An", phone="0905111222"), documents=docs), actor=clerk
    ).code
    agency.intake.correct_applicant(code, Applicant("Lê Văn An", phone="0905333444"), actor=clerk)
    agency.ratings.rate(code, "hai-long", actor=clerk)
    assert agency.integrity.verify().ok
    return agency, code


def _sql(db_path: Path, *statements: str) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        for sql in statements:
            conn.execute(sql)
        conn.commit()


TAMPERING = {
    "applicant name": ("UPDATE dossiers SET applicant_name = 'Người Khác'", "Hồ sơ {code} khác với lịch sử"),
    "due moment": ("UPDATE dossiers SET due_at = due_at + 86400", "Hồ sơ {code} khác với lịch sử"),
    "status": ("UPDATE dossiers SET status = 'returned'", "Hồ sơ {code} khác với lịch sử"),
    "a document renamed": (
        "UPDATE dossier_documents SET name = 'Giấy khác'",
        "Hồ sơ {code} khác với lịch sử",
    ),
    "a document added": (
        "INSERT INTO dossier_documents (dossier_id, position, name, form, count) "
        "SELECT dossier_id, 9, 'Giấy thêm', 'bản sao', 1 FROM dossier_documents LIMIT 1",
        "Hồ sơ {code} khác với lịch sử",
    ),
    "a document removed": (
        "DELETE FROM dossier_documents WHERE id = (SELECT max(id) FROM dossier_documents)",
        "Hồ sơ {code} khác với lịch sử",
    ),
    "a receipt version": (
        "UPDATE receipt_versions SET data = replace(data, '0905111222', '0999999999')",
        "Hồ sơ {code} khác với lịch sử",
    ),
    "the receipt's printed text": (
        "UPDATE snapshots SET data = replace(data, 'Liên Chiểu', 'Hải Châu')",
        "Nội dung in trên giấy tiếp nhận",
    ),
    "a staff member's role": (
        "UPDATE staff SET role = 'quan_tri' WHERE username = 'tiepnhan1'",
        "Tài khoản «tiepnhan1» khác với lịch sử",
    ),
    "a setting": (
        "UPDATE settings SET value = '\"H99.99.99.99\"' WHERE key = 'agency.unit_identifier'",
        "Thiết lập «agency.unit_identifier» khác với lịch sử",
    ),
    "a procedure's time limit": (
        "UPDATE procedures SET time_value = 99 WHERE code = '1.004873'",
        "Thủ tục 1.004873 (phiên bản 1) khác với lịch sử",
    ),
    "a holiday removed": (
        "DELETE FROM calendar_days WHERE day = '2026-11-24'",
        "Lịch làm việc năm 2026 khác với lịch sử",
    ),
    "a unit renamed": ("UPDATE units SET name = 'Đơn vị ma' WHERE code = 'CAP'", "Đơn vị «Đơn vị ma» khác"),
    "a fake dossier": (
        "INSERT INTO dossiers SELECT id + 1000, code || '9', procedure_id, unit_identifier, status,"
        " applicant_name, id_number, phone, address, email, search_key, sets, channel, result_channel,"
        " fee_text, fee_amount, received_at, due_at, extended_due_at, received_by, current_unit_id,"
        " holder_id, paused_at, finished_at, register_volume, register_number + 1, receipt_version,"
        " snapshot_id, applicant_kind, tax_code, legal_due_at, result_at FROM dossiers",
        "không có trong lịch sử: dòng bị chèn",
    ),
    "a fake account": (
        "INSERT INTO staff (username, full_name, password_hash, role, all_units, disabled, created_at,"
        " failed_logins, locked) SELECT 'ke_gian', full_name, password_hash, 'quan_tri', 0, 0, created_at, 0, 0"
        " FROM staff WHERE username = 'admin'",
        "Tài khoản «ke_gian» không có trong lịch sử",
    ),
}


@pytest.mark.parametrize("what", list(TAMPERING))
def test_verify_names_a_row_changed_behind_the_programs_back(
    what: str, office: tuple[Onestop, str], db_path: Path
) -> None:
    svc, code = office
    sql, expected = TAMPERING[what]
    _sql(db_path, sql)
    problems = svc.integrity.verify().problems
    assert any(expected.format(code=code) in p for p in problems), problems


def test_a_deleted_dossier_is_named(office: tuple[Onestop, str], db_path: Path) -> None:
    svc, _code = office
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        did = conn.execute("SELECT id FROM dossiers").fetchone()[0]
        for table in ("dossier_documents", "receipt_versions", "rating_requests"):
            conn.execute(f"DELETE FROM {table} WHERE dossier_id = ?", (did,))
        conn.execute("DELETE FROM dossiers WHERE id = ?", (did,))
        conn.commit()
    problems = svc.integrity.verify().problems
    assert any(f"Hồ sơ số {did} có trong lịch sử nhưng đã bị xóa" in p for p in problems), problems


def _rewrite_the_chain(db_path: Path) -> None:
    """What an attacker who knows the algorithm does: drop the guards, edit, recompute every hash
    (and the report's tallies)."""
    with closing(sqlite3.connect(db_path)) as conn:
        for name in ("events_no_update", "events_no_delete", "ratings_no_update", "ratings_no_delete"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE ratings SET level = 'rat-hai-long'")
        fields = (*EVENT_FIELDS, *EVENT_STATE_FIELDS)
        rows = [
            ("event", dict(zip(fields, r, strict=True)))
            for r in conn.execute(f"SELECT {', '.join(fields)} FROM events")
        ]
        rows += [
            ("rating", dict(zip(RATING_FIELDS, r, strict=True)))
            for r in conn.execute(f"SELECT {', '.join(RATING_FIELDS)} FROM ratings")
        ]
        prev = GENESIS
        for kind, row in sorted(rows, key=lambda item: item[1]["id"]):
            prev = row_hash(kind, EVENT_FIELDS if kind == "event" else RATING_FIELDS, row, prev)
            conn.execute(f"UPDATE {kind}s SET hash = ? WHERE id = ?", (prev, row["id"]))
        conn.execute("UPDATE chain_head SET hash = ?", (prev,))
        for verb in ("UPDATE", "DELETE"):
            for table in ("events", "ratings"):
                conn.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END"
                )
        conn.commit()
    from sqlalchemy import create_engine

    from onestop.db import tally

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as sa_conn:
        tally.rebuild(sa_conn, tally.offset_seconds(sa_conn) or 0)
    engine.dispose()


def test_a_recomputed_chain_fails_against_an_anchor_printed_before(
    office: tuple[Onestop, str], db_path: Path
) -> None:
    svc, _code = office
    anchor = svc.integrity.anchor(actor=actor(svc, "admin"))["text"]
    assert svc.integrity.verify(anchor=anchor).ok
    _rewrite_the_chain(db_path)
    assert svc.integrity.verify().ok  # without the anchor the rewrite is self-consistent…
    problems = svc.integrity.verify(anchor=anchor).problems
    assert any("không còn đi qua mã neo" in p for p in problems), problems  # …but not with it


def test_an_anchor_beyond_the_chain_or_malformed(office: tuple[Onestop, str]) -> None:
    svc, _code = office
    head = svc.integrity.anchor(actor=actor(svc, "admin"))
    problems = svc.integrity.verify(anchor=f"{head['seq'] + 5}:{'a' * 64}").problems
    assert any("cắt ngắn" in p for p in problems), problems
    with pytest.raises(ValidationError, match="Mã neo"):
        svc.integrity.verify(anchor="12:xyz")


def test_missing_guards_are_named(office: tuple[Onestop, str], db_path: Path) -> None:
    svc, _code = office
    _sql(db_path, "DROP TRIGGER ratings_no_update")
    problems = svc.integrity.verify().problems
    assert any("ratings_no_update" in p for p in problems), problems


def test_a_database_deleted_under_a_running_counter_stops_it(
    office: tuple[Onestop, str], db_path: Path
) -> None:
    svc, _code = office
    clerk = actor(svc, "tiepnhan1")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    with pytest.raises(StorageError, match="đã bị xóa"):
        svc.intake.receive(ReceiveRequest("1.004873", Applicant("Lê Văn Bình")), actor=clerk)
    assert not db_path.exists()


def test_a_database_replaced_under_a_running_counter_stops_it(
    office: tuple[Onestop, str], db_path: Path, tmp_path: Path
) -> None:
    svc, _code = office
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(db_path)) as src, closing(sqlite3.connect(other)) as dest:
        src.backup(dest)
    os.replace(other, db_path)
    with pytest.raises(StorageError, match="thay bằng tệp khác"):
        svc.intake.receive(
            ReceiveRequest("1.004873", Applicant("Lê Văn Bình")), actor=actor(svc, "tiepnhan1")
        )


def _digest(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return hashlib.sha256(repr([list(conn.iterdump())]).encode()).hexdigest()


def test_an_appointment_for_any_year_writes_nothing(agency: Onestop, db_path: Path) -> None:
    before = _digest(db_path)
    for year in (1900, 1999, 2040, 2100):
        agency.calendar.preview_due("1.004873", datetime(year, 6, 3, 9, 0, tzinfo=vn(2026, 1, 1).tzinfo))
    for year in (1, 1899, 2101, 9999):
        with pytest.raises(ValidationError, match="Năm"):
            agency.calendar.preview_due("1.004873", datetime(year, 6, 3, 9, 0, tzinfo=vn(2026, 1, 1).tzinfo))
    assert _digest(db_path) == before


@pytest.fixture
def big_office(agency: Onestop, monkeypatch: pytest.MonkeyPatch) -> Onestop:
    """Demo dossiers with whole lives (handed over, result ready with ``result_at``, returned…), and
    ``verify`` computing the dossiers' digests in its worker process as it does for large databases."""
    from onestop.demo import generate_dossiers
    from onestop.services import integrity

    assert generate_dossiers(agency, count=400, seed=3) == 400
    monkeypatch.setattr(integrity, "_WORKER_FROM", 0)

    def not_here(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the dossiers' digests were computed in this process, not by the worker")

    monkeypatch.setattr(integrity, "dossier_digests", not_here)
    return agency


WORKER_TAMPERING = {
    "a name": "UPDATE dossiers SET applicant_name = 'Người Khác' WHERE id = {did}",
    "when the result was ready": "UPDATE dossiers SET result_at = result_at + 60 WHERE id = {did}",
    "a document": "UPDATE dossier_documents SET count = count + 1 WHERE dossier_id = {did}",
}


def test_the_digest_worker_agrees_with_the_history_of_the_demo(big_office: Onestop) -> None:
    report = big_office.integrity.verify()
    assert report.ok, report.problems
    assert report.checked_rows >= 400


@pytest.mark.parametrize("what", list(WORKER_TAMPERING))
def test_the_digest_worker_names_a_dossier_changed_behind_the_programs_back(
    what: str, big_office: Onestop, db_path: Path
) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        did, code = conn.execute(
            "SELECT id, code FROM dossiers WHERE result_at IS NOT NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()
    _sql(db_path, WORKER_TAMPERING[what].format(did=did))
    problems = big_office.integrity.verify().problems
    assert problems == [f"Hồ sơ {code} khác với lịch sử: dữ liệu đã bị sửa ngoài chương trình."]


def test_the_digest_worker_names_a_deleted_dossier(big_office: Onestop, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        did = conn.execute("SELECT max(id) FROM dossiers").fetchone()[0]
        for table in ("dossier_documents", "receipt_versions", "rating_requests"):
            conn.execute(f"DELETE FROM {table} WHERE dossier_id = ?", (did,))
        conn.execute("DELETE FROM dossiers WHERE id = ?", (did,))
        conn.commit()
    problems = big_office.integrity.verify().problems
    assert f"Hồ sơ số {did} có trong lịch sử nhưng đã bị xóa khỏi cơ sở dữ liệu." in problems, problems
