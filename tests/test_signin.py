"""Signing in (the services): one answer for every failure, lock-out after failed attempts, the
password rule as a setting, every change to an account in the history."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from helpers import actor

from onestop.errors import PermissionDenied, ValidationError
from onestop.services import Onestop
from onestop.services.staff import FAILURE_SECONDS


def _refusal(svc: Onestop, username: str, password: str) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(PermissionDenied) as refused:
        svc.staff.sign_in(username, password)
    return refused.value.message, time.monotonic() - started


def test_failed_attempts_in_a_row_lock_the_account_until_an_administrator_unlocks_it(agency: Onestop) -> None:
    admin = actor(agency, "admin")
    agency.config.set_settings({"auth.max_failed_logins": 3}, actor=admin)
    _refusal(agency, "tiepnhan1", "sai")
    agency.staff.sign_in("tiepnhan1", "demo")  # a success in between starts the count again
    for _ in range(3):
        _refusal(agency, "tiepnhan1", "sai")
    message, _ = _refusal(agency, "tiepnhan1", "demo")  # the right password no longer opens it
    assert "khóa" in message
    assert [s["locked"] for s in agency.staff.list_staff(actor=admin) if s["username"] == "tiepnhan1"] == [
        True
    ]
    agency.staff.unlock("tiepnhan1", actor=admin)
    assert agency.staff.sign_in("tiepnhan1", "demo").username == "tiepnhan1"
    assert agency.integrity.verify().ok  # every count and the lock are chained events


def test_every_refusal_says_the_same_and_takes_as_long(agency: Onestop) -> None:
    agency.staff.set_disabled("tiepnhan2", True, actor=actor(agency, "admin"))
    answers = {
        "wrong password": _refusal(agency, "tiepnhan1", "sai"),
        "unknown name": _refusal(agency, "khongco", "demo"),
        "disabled": _refusal(agency, "tiepnhan2", "demo"),
        "system account": _refusal(agency, "he-thong", ""),
    }
    texts = {reason: message.split("»", 1)[1] for reason, (message, _) in answers.items()}
    assert len(set(texts.values())) == 1, texts
    durations = {reason: took for reason, (_, took) in answers.items()}
    assert all(took >= FAILURE_SECONDS for took in durations.values()), durations
    # The unknown name does not answer measurably faster than a wrong password (which also writes).
    assert durations["unknown name"] >= durations["wrong password"] - 0.1, durations


def test_the_minimum_password_length_is_a_setting(agency: Onestop) -> None:
    admin = actor(agency, "admin")
    agency.config.set_settings({"auth.min_password_length": 10}, actor=admin)
    with pytest.raises(ValidationError, match="Mật khẩu: ít nhất 10 ký tự"):
        agency.staff.create_staff(
            username="moi1", full_name="Nguyễn Văn Mới", password="ngan12345", role="tiep_nhan", actor=admin
        )
    with pytest.raises(ValidationError, match="ít nhất 10"):
        agency.staff.set_password("tiepnhan1", "ngan", actor=actor(agency, "tiepnhan1"))
    agency.staff.create_staff(
        username="moi1", full_name="Nguyễn Văn Mới", password="du-dai-roi-day", role="tiep_nhan", actor=admin
    )
    assert agency.staff.sign_in("moi1", "du-dai-roi-day").role == "tiep_nhan"


def test_a_role_raised_behind_the_programs_back_is_found(agency: Onestop, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("UPDATE staff SET role = 'quan_tri' WHERE username = 'tiepnhan1'")
        conn.commit()
    problems = agency.integrity.verify().problems
    assert any("«tiepnhan1»" in p and "sửa ngoài chương trình" in p for p in problems), problems
