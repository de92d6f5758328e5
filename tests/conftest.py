"""Shared fixtures: a real SQLite file per test, a fixed clock, a seeded demo agency."""

from __future__ import annotations

import os

# Before anything can create a QApplication: no X server in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import VN, vn  # re-exported: tests import them from here

from onestop.clock import FixedClock
from onestop.db.engine import Database
from onestop.db.migrate import ensure_schema
from onestop.services import Onestop

__all__ = ["VN", "vn"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "onestop.db"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(vn(2026, 11, 23, 9, 0))  # a Monday morning


@pytest.fixture
def svc(db_path: Path, clock: FixedClock) -> Iterator[Onestop]:
    db = Database(f"sqlite:///{db_path}")
    ensure_schema(db)
    yield Onestop(db=db, clock=clock)
    db.dispose()


@pytest.fixture
def agency(svc: Onestop) -> Onestop:
    """The demo agency (settings, units, accounts, catalogue) with no historical dossiers."""
    from onestop.demo import run_demo

    list(run_demo(svc, dossiers=0))
    return svc
