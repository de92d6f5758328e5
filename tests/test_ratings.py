"""Citizen ratings: tied to the dossier, the clerk and the event; never by default; tamper-evident."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers import actor, clerk_of, system, viewer, vn

from onestop.clock import FixedClock
from onestop.errors import PermissionDenied, ValidationError
from onestop.services import Applicant, Onestop, ReceiveRequest


@pytest.fixture
def served(agency: Onestop) -> str:
    return agency.intake.receive(
        ReceiveRequest("2.000815", Applicant("Nguyễn Thị Thủy")), actor=actor(agency, "tiepnhan1")
    ).code


def test_kiosk_rating_belongs_to_the_dossier_the_clerk_and_the_event(agency: Onestop, served: str) -> None:
    request = agency.ratings.request(served, actor=actor(agency, "tiepnhan1"), station="quay-1")
    assert agency.ratings.request_state(request, actor=clerk_of(agency)) == "pending"
    prompt = agency.ratings.next_request(kiosk="kiosk-1", station="quay-1")
    assert prompt is not None and prompt.code == served
    assert prompt.clerk_name == "Nguyễn Thị Thu Hà"
    assert [lv.key for lv in prompt.scale.levels] == ["rat-hai-long", "hai-long", "khong-hai-long"]
    assert (
        agency.ratings.next_request(kiosk="kiosk-2", station="quay-1") is None
    )  # taken: nobody else shows it
    agency.ratings.submit(prompt.request_id, "hai-long")
    assert agency.ratings.request_state(request, actor=clerk_of(agency)) == "rated"
    ratings = agency.dossiers.dossier(served, actor=viewer(agency)).ratings
    assert [(r.level, r.event, r.channel) for r in ratings] == [("hai-long", "receipt", "kiosk")]
    assert agency.integrity.verify().ok


def test_a_timeout_records_no_rating_and_counts_nowhere(agency: Onestop, served: str) -> None:
    request = agency.ratings.request(served, actor=actor(agency, "tiepnhan1"))
    prompt = agency.ratings.next_request(kiosk="k")
    assert prompt is not None
    agency.ratings.close_request(prompt.request_id, "timeout")
    assert agency.ratings.request_state(request, actor=clerk_of(agency)) == "timeout"
    assert agency.dossiers.dossier(served, actor=viewer(agency)).ratings == ()
    assert agency.ratings.summary(actor=viewer(agency))["ratings"] == 0
    with pytest.raises(ValidationError, match="hết hiệu lực"):
        agency.ratings.submit(prompt.request_id, "rat-hai-long")


def test_second_rating_for_the_same_dossier_and_event_is_refused(agency: Onestop, served: str) -> None:
    clerk = actor(agency, "tiepnhan1")
    agency.ratings.rate(served, "rat-hai-long", channel="paper", actor=clerk)
    with pytest.raises(ValidationError, match="đã được đánh giá"):
        agency.ratings.rate(served, "khong-hai-long", channel="phone", actor=clerk)
    with pytest.raises(ValidationError, match="đã được đánh giá"):
        agency.ratings.request(served, actor=clerk)
    assert len(agency.dossiers.dossier(served, actor=viewer(agency)).ratings) == 1


def test_paper_and_phone_ratings_record_who_entered_them(agency: Onestop, served: str, db_path: Path) -> None:
    agency.ratings.rate(
        served, "khong-hai-long", channel="phone", reasons=["thoi-gian-cho"], actor=actor(agency, "tiepnhan2")
    )
    with sqlite3.connect(db_path) as conn:
        row = conn.execute(
            "SELECT r.channel, r.reasons, s.username, c.username FROM ratings r "
            "JOIN staff s ON s.id = r.entered_by JOIN staff c ON c.id = r.clerk_id"
        ).fetchone()
    assert row == ("phone", "thoi-gian-cho", "tiepnhan2", "tiepnhan1")  # entered by one, served by the other


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"level": "tuyet-voi"}, "Mức đánh giá"),
        ({"level": "hai-long", "channel": "kiosk"}, "Kênh"),
        ({"level": "hai-long", "event": "return"}, "chưa trả kết quả"),
        ({"level": "khong-hai-long", "reasons": ["vi-sao"]}, "Lý do"),
        ({"level": "rat-hai-long", "reasons": ["thai-do"]}, "chỉ hỏi khi"),
    ],
)
def test_bad_ratings_are_refused_and_nothing_is_written(
    agency: Onestop, served: str, db_path: Path, kwargs: dict, message: str
) -> None:
    level = kwargs.pop("level")
    with pytest.raises(ValidationError, match=message):
        agency.ratings.rate(served, level, actor=actor(agency, "tiepnhan1"), **kwargs)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM ratings").fetchone()[0] == 0


def test_processing_officer_cannot_enter_ratings(agency: Onestop, served: str) -> None:
    with pytest.raises(PermissionDenied):
        agency.ratings.rate(served, "hai-long", actor=actor(agency, "xuly1"))


def test_satisfaction_figures_are_reproducible_from_the_stored_ratings(
    agency: Onestop, clock: FixedClock
) -> None:
    clerk1, clerk2 = actor(agency, "tiepnhan1"), actor(agency, "tiepnhan2")
    levels = ["rat-hai-long", "hai-long", "hai-long", "khong-hai-long", "rat-hai-long"]
    for i, level in enumerate(levels):
        clock.at = vn(2026, 11, 23, 9, i)
        who = clerk1 if i % 2 == 0 else clerk2
        code = agency.intake.receive(ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=who).code
        agency.ratings.rate(code, level, actor=who)
    summary = agency.ratings.summary(date(2026, 11, 23), date(2026, 11, 23), actor=viewer(agency))
    assert summary["ratings"] == 5
    assert summary["levels"] == {"rat-hai-long": 2, "hai-long": 2, "khong-hai-long": 1}
    assert summary["satisfaction_rate"] == 80.0
    by = {c["user"]: c for c in summary["by_clerk"]}
    assert (by["tiepnhan1"]["ratings"], by["tiepnhan1"]["satisfied"]) == (3, 3)
    assert (by["tiepnhan2"]["ratings"], by["tiepnhan2"]["satisfaction_rate"]) == (2, 50.0)
    assert (
        agency.ratings.summary(date(2026, 11, 24), date(2026, 11, 30), actor=viewer(agency))[
            "satisfaction_rate"
        ]
        is None
    )


def test_the_scale_and_the_satisfied_levels_are_settings(agency: Onestop, served: str) -> None:
    agency.config.set_settings({"rating.scale": 5}, actor=system(agency))
    assert [lv.label for lv in agency.ratings.scale().levels] == [
        "Rất hài lòng",
        "Hài lòng",
        "Bình thường",
        "Không hài lòng",
        "Rất không hài lòng",
    ]
    assert agency.ratings.scale().is_satisfied("binh-thuong")
    agency.config.set_settings({"rating.satisfied_levels": "rat-hai-long,hai-long"}, actor=system(agency))
    assert not agency.ratings.scale().is_satisfied("binh-thuong")
    agency.ratings.rate(served, "binh-thuong", actor=actor(agency, "tiepnhan1"))
    assert agency.ratings.summary(actor=viewer(agency))["satisfaction_rate"] == 0.0


def _tamper(db_path: Path, *sql: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER ratings_no_update")
        conn.execute("DROP TRIGGER ratings_no_delete")
        for statement in sql:
            conn.execute(statement)


@pytest.fixture
def rated(agency: Onestop, clock: FixedClock) -> Onestop:
    clerk = actor(agency, "tiepnhan1")
    for i in range(3):
        clock.at = vn(2026, 11, 23, 9, i)
        code = agency.intake.receive(ReceiveRequest("2.000815", Applicant("Lê Văn An")), actor=clerk).code
        clock.advance(timedelta(seconds=30))
        agency.ratings.rate(code, "rat-hai-long", actor=clerk)
    assert agency.integrity.verify().ok
    return agency


def test_plain_client_cannot_change_or_drop_a_rating(rated: Onestop, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE ratings SET level = 'khong-hai-long'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM ratings")


def test_verify_names_an_edited_rating(rated: Onestop, db_path: Path) -> None:
    _tamper(
        db_path,
        "UPDATE ratings SET level = 'khong-hai-long', satisfied = 0 WHERE id = (SELECT min(id) FROM ratings)",
    )
    report = rated.integrity.verify()
    assert any("đánh giá" in p and "bị sửa" in p for p in report.problems), report.problems


def test_verify_finds_a_deleted_rating(rated: Onestop, db_path: Path) -> None:
    _tamper(db_path, "DELETE FROM ratings WHERE id = (SELECT min(id) FROM ratings)")
    assert not rated.integrity.verify().ok


def test_verify_finds_an_inserted_rating(rated: Onestop, db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO ratings (id, dossier_id, event, clerk_id, level, scale, satisfied, reasons, channel,"
            " entered_by, at, hash) SELECT max(id) + 1, dossier_id, 'return', clerk_id, 'rat-hai-long', 3, 1, '',"
            " 'paper', NULL, at, hash FROM ratings"
        )
    assert not rated.integrity.verify().ok
