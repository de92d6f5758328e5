"""Migrations, the append-only history and its tamper-evident chain, against real SQLite files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import actor, viewer, vn

from onestop.clock import FixedClock
from onestop.db import migrate
from onestop.db.engine import Database
from onestop.errors import StorageError
from onestop.services import Applicant, DossierFilter, Onestop, ReceiveRequest


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        }


def test_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.script_head() == migrate.HEAD
    assert migrate.KNOWN[-1] == migrate.HEAD


def test_schema_is_created_from_empty_and_second_run_does_nothing(db_path: Path) -> None:
    db = Database(f"sqlite:///{db_path}")
    assert migrate.ensure_schema(db) is True
    assert {"dossiers", "events", "chain_head", "dossiers_fts", "events_no_update"} <= _tables(db_path)
    assert migrate.ensure_schema(db) is False


def _same_type_on_sqlite(context, inspected, metadata, inspected_type, metadata_type):  # type: ignore[no-untyped-def]
    """SQLite ignores VARCHAR lengths (a longer String in the models needs no migration there; on
    PostgreSQL the migration alters the column): compare the kinds of type, not their lengths."""
    if type(inspected_type).__name__.upper() in ("VARCHAR", "STRING") and type(metadata_type).__name__ in (
        "String",
        "VARCHAR",
    ):
        return False
    return None  # the default comparison


def test_models_and_migrations_agree(db_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from onestop.db.schema import metadata

    db = Database(f"sqlite:///{db_path}")
    migrate.ensure_schema(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(
                conn,
                opts={
                    "include_name": lambda n, t, p: not (n or "").startswith("dossiers_fts"),
                    "compare_type": _same_type_on_sqlite,
                },
            ),
            metadata,
        )
    assert diff == []


def test_downgrade_then_upgrade_round_trip_up_to_the_ledger(db_path: Path) -> None:
    """Schemas 0001 and 0002 go down and up again; 0003 adopts the data under the chain and is not
    undone (the copy made before the upgrade is the way back)."""
    db = Database(f"sqlite:///{db_path}")
    migrate.upgrade(db, "0002")
    migrate.downgrade(db, "base")
    assert _tables(db_path) <= {"alembic_version"}
    migrate.upgrade(db)
    assert "events_no_delete" in _tables(db_path)
    with pytest.raises(RuntimeError, match="cannot be undone"):
        migrate.downgrade(db, "0002")


def test_database_newer_than_the_program_is_refused(db_path: Path) -> None:
    db = Database(f"sqlite:///{db_path}")
    migrate.ensure_schema(db)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StorageError, match="mới hơn"):
        migrate.ensure_schema(db)


def test_backup_copy_is_consistent_and_usable(agency: Onestop, tmp_path: Path) -> None:
    agency.intake.receive(
        ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=actor(agency, "tiepnhan1")
    )
    src = agency.db.sqlite_path
    assert src is not None
    dest = tmp_path / "copy.db"
    migrate.backup_sqlite(src, dest)
    copy = Onestop(db=Database(f"sqlite:///{dest}"), clock=agency.ctx.clock)
    assert copy.integrity.verify().ok
    assert [r.code for r in copy.dossiers.list_dossiers(DossierFilter(), actor=viewer(copy))] == [
        r.code for r in agency.dossiers.list_dossiers(DossierFilter(), actor=viewer(agency))
    ]


# ------------------------------------------------------------------ append-only, tamper-evident history


@pytest.fixture
def history(agency: Onestop, clock: FixedClock) -> Onestop:
    for i, name in enumerate(("Lê Văn An", "Trần Thị Bình", "Phạm Văn Chí")):
        clock.at = vn(2026, 11, 23, 9, i)
        agency.intake.receive(ReceiveRequest("2.000815", Applicant(name)), actor=actor(agency, "tiepnhan1"))
    assert agency.integrity.verify().ok
    return agency


def test_plain_client_cannot_update_or_delete_history(history: Onestop, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE events SET note = 'x' WHERE id = 1")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM events WHERE id = 1")


def _tamper(db_path: Path, *sql: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER events_no_update")
        conn.execute("DROP TRIGGER events_no_delete")
        for statement in sql:
            conn.execute(statement)


def test_verify_finds_an_edited_event(history: Onestop, db_path: Path) -> None:
    _tamper(db_path, "UPDATE events SET note = 'sửa lén' WHERE id = 2")
    report = history.integrity.verify()
    assert not report.ok
    assert any("số 2" in p and "bị sửa" in p for p in report.problems), report.problems


def test_verify_finds_a_deleted_event(history: Onestop, db_path: Path) -> None:
    _tamper(db_path, "DELETE FROM events WHERE id = 2")
    report = history.integrity.verify()
    assert any("xóa" in p for p in report.problems), report.problems


def test_verify_finds_a_deleted_last_event(history: Onestop, db_path: Path) -> None:
    _tamper(db_path, "DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
    assert not history.integrity.verify().ok


def test_verify_finds_an_inserted_event(history: Onestop, db_path: Path) -> None:
    _tamper(
        db_path,
        "INSERT INTO events (id, dossier_id, action, at, user_id, note, data, hash) "
        "SELECT (SELECT max(id) + 1 FROM events), dossier_id, 'return', at, user_id, '', '', hash "
        "FROM events WHERE id = (SELECT max(id) FROM events)",
    )
    assert not history.integrity.verify().ok


def test_verify_finds_a_corrupt_file(history: Onestop, db_path: Path) -> None:
    history.db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    page = 4096
    # Scribble over the b-tree headers of a few pages (not the file header).
    for n in range(1, min(6, len(data) // page)):
        data[page * n : page * n + 12] = b"\xff" * 12
    db_path.write_bytes(bytes(data))
    try:
        report = history.integrity.verify()
    except StorageError:
        return  # refusing to open is also a clear answer
    assert not report.ok


def test_core_never_imports_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, onestop\n"
        "for m in pkgutil.walk_packages(onestop.__path__, 'onestop.'):\n"
        "    if m.name.startswith('onestop.ui') or 'migrations' in m.name: continue\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "assert not bad, bad\n"
        "print('clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "clean"


@pytest.mark.parametrize("sample", sorted((Path(__file__).parent / "resources").glob("schema-*.sqlite")))
def test_databases_of_every_released_schema_open_upgrade_and_verify(sample: Path, tmp_path: Path) -> None:
    """Each released schema keeps a sample database here; the program must take it over intact."""
    import shutil

    copy = tmp_path / sample.name
    shutil.copy(sample, copy)
    db = Database(f"sqlite:///{copy}")
    upgraded = migrate.ensure_schema(db)
    if upgraded:  # an older schema: the file was copied before it was touched
        assert list(tmp_path.glob(f"{sample.name}.before-{migrate.HEAD}-*.bak"))
    svc = Onestop(db=db, clock=FixedClock(vn(2026, 11, 30, 8, 0)))
    assert svc.integrity.verify().ok
    before = len(svc.dossiers.list_dossiers(DossierFilter(limit=1000), actor=viewer(svc)))
    d = svc.intake.receive(
        ReceiveRequest("2.000815", Applicant("Trần Văn Bình")), actor=actor(svc, "tiepnhan1")
    )
    assert len(svc.dossiers.list_dossiers(DossierFilter(limit=1000), actor=viewer(svc))) == before + 1
    assert svc.dossiers.dossier(d.code, actor=viewer(svc)).events[0].action == "receive"
    assert svc.integrity.verify().ok
