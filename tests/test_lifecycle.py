"""The dossier's whole life: the transition table per role, the clock paused by a supplement request
(across weekends, holidays and the lunch break), one re-appointment only, every step in the history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import actor, vn

from onestop import lifecycle as lc
from onestop.auth import DEFAULT_PERMISSIONS, STAFF_ROLES, Role, allowed_acts
from onestop.clock import FixedClock
from onestop.errors import PermissionDenied, UserError, ValidationError
from onestop.services import Applicant, Onestop, ReceiveRequest

THREE_DAYS = "1.004873"  # 3 working days


def _receive(svc: Onestop, procedure: str = THREE_DAYS) -> str:
    return svc.intake.receive(
        ReceiveRequest(procedure, Applicant("Lê Văn An")), actor=actor(svc, "tiepnhan1")
    ).code


def test_a_dossier_followed_from_receipt_to_return(agency: Onestop, clock: FixedClock) -> None:
    clerk, officer = actor(agency, "tiepnhan1"), actor(agency, "xuly1")
    clock.at = vn(2026, 11, 23, 9, 0)  # Monday
    code = _receive(agency)
    assert agency.lifecycle.next_steps(code, actor=clerk) == ["transfer", "withdraw"]
    clock.advance(timedelta(minutes=30))
    d = agency.lifecycle.transfer(code, actor=clerk)  # to the procedure's own unit
    assert d.status == "processing" and d.current_unit
    clock.advance(timedelta(minutes=30))
    agency.lifecycle.take(code, actor=officer)
    clock.advance(timedelta(hours=1))
    agency.lifecycle.result(code, note="Đã ký", actor=officer)
    clock.advance(timedelta(hours=2))
    d = agency.lifecycle.return_result(code, receiver="Lê Văn An", actor=clerk)
    assert d.status == "returned" and d.status_label == "Đã trả kết quả"
    assert [(e.action, e.user) for e in d.events] == [
        ("receive", "tiepnhan1"),
        ("transfer", "tiepnhan1"),
        ("take", "xuly1"),
        ("result", "xuly1"),
        ("return", "tiepnhan1"),
    ]
    assert d.events[1].to_unit == d.current_unit or d.events[1].to_unit
    assert agency.lifecycle.next_steps(code, actor=clerk) == []
    assert agency.integrity.verify().ok


def test_the_clock_pauses_for_a_supplement_and_resumes_with_the_time_that_was_left(
    agency: Onestop, clock: FixedClock
) -> None:
    """Received Mon 23/11 09:00, 3 working days, 24/11 off: due Fri 27/11 09:00. The supplement is
    asked Wed 25/11 10:00: left are Wed 10:00-11:30 and 13:00-17:00 (5.5 h), Thu (8 h) and Fri
    07:30-09:00 (1.5 h) = 15 h. It is brought Thu 03/12 14:00: Thu 14:00-17:00 (3 h), Fri (8 h) and
    Mon 07:30-11:30 (4 h) make 15 h at Mon 07/12 11:30."""
    clerk, officer = actor(agency, "tiepnhan1"), actor(agency, "xuly1")
    clock.at = vn(2026, 11, 23, 9, 0)
    code = _receive(agency)
    agency.lifecycle.transfer(code, actor=clerk)
    clock.at = vn(2026, 11, 25, 10, 0)
    d = agency.lifecycle.supplement(
        code, items=[("Giấy khai sinh", "Bản sao chưa chứng thực")], actor=officer
    )
    assert d.status == "waiting_supplement" and d.status_label == "Đang chờ bổ sung"
    with pytest.raises(ValidationError, match="không thể báo có kết quả"):
        agency.lifecycle.result(code, actor=officer)  # nothing to decide while waiting
    clock.at = vn(2026, 12, 3, 14, 0)
    agency.lifecycle.resume(code, actor=clerk)
    with agency.db.read() as conn:
        legal = conn.exec_driver_sql(f"SELECT legal_due_at, due_at FROM dossiers WHERE code = '{code}'").one()
    assert legal[0] == int(vn(2026, 12, 7, 11, 30).timestamp())
    assert legal[1] == int(vn(2026, 11, 27, 9, 0).timestamp())  # the receipt's appointment never moves
    assert agency.integrity.verify().ok


def test_restart_policy_gives_a_full_time_limit_from_the_resumption(
    agency: Onestop, clock: FixedClock
) -> None:
    agency.config.set_settings({"clock.supplement_policy": "restart"}, actor=actor(agency, "admin"))
    clerk, officer = actor(agency, "tiepnhan1"), actor(agency, "xuly1")
    clock.at = vn(2026, 11, 23, 9, 0)
    code = _receive(agency)
    agency.lifecycle.transfer(code, actor=clerk)
    agency.lifecycle.supplement(code, note="Thiếu giấy khai sinh", actor=officer)
    clock.at = vn(2026, 11, 30, 13, 0)  # Monday after lunch
    agency.lifecycle.resume(code, actor=clerk)
    with agency.db.read() as conn:
        legal = conn.exec_driver_sql(f"SELECT legal_due_at FROM dossiers WHERE code = '{code}'").scalar()
    # Three full working days from just after lunch end at the close of the morning: Thu 03/12 11:30
    # (a due moment on the end of a half-day stays there).
    assert legal == int(vn(2026, 12, 3, 11, 30).timestamp())


def test_one_re_appointment_only_and_statistics_keep_the_due_moment(
    agency: Onestop, clock: FixedClock
) -> None:
    head = actor(agency, "lanhdao")
    clock.at = vn(2026, 11, 23, 9, 0)
    code = _receive(agency)
    with pytest.raises(ValidationError, match="Lý do"):
        agency.lifecycle.extend(code, due=vn(2026, 12, 4, 17, 0), reason="", actor=head)
    with pytest.raises(ValidationError, match="phải sau ngày hẹn hiện tại"):
        agency.lifecycle.extend(code, due=vn(2026, 11, 25, 17, 0), reason="Cần xác minh", actor=head)
    d = agency.lifecycle.extend(code, due=vn(2026, 12, 4, 17, 0), reason="Cần xác minh thêm", actor=head)
    assert d.extended_due_at == vn(2026, 12, 4, 17, 0)
    assert d.due_at == vn(2026, 11, 27, 9, 0)
    assert "extend" not in agency.lifecycle.next_steps(code, actor=head)
    with pytest.raises(ValidationError, match="chỉ được hẹn lại một lần"):
        agency.lifecycle.extend(code, due=vn(2026, 12, 11, 17, 0), reason="Lần nữa", actor=head)
    with pytest.raises(PermissionDenied, match="hẹn lại"):
        agency.lifecycle.extend(
            code, due=vn(2026, 12, 11, 17, 0), reason="x", actor=actor(agency, "tiepnhan1")
        )


def test_a_processing_officer_acts_only_for_their_own_unit(agency: Onestop) -> None:
    clerk = actor(agency, "tiepnhan1")
    code = _receive(agency)
    agency.lifecycle.transfer(code, to_unit="Công an phường Liên Chiểu", actor=clerk)
    admin = actor(agency, "admin")
    tphc = agency.staff.create_staff(
        username="xuly2",
        full_name="Ngô Văn Tư",
        password="mat-khau-dai",
        role="xu_ly",
        actor=admin,
        unit_id=next(u["id"] for u in agency.catalog.units() if u["code"] == "TPHT"),
    )
    with pytest.raises(PermissionDenied, match="đơn vị khác"):
        agency.lifecycle.result(code, actor=tphc)
    assert agency.lifecycle.next_steps(code, actor=tphc) == []
    agency.lifecycle.result(code, actor=actor(agency, "xuly1"))  # xuly1 acts for every unit


def test_refusal_and_stop_need_a_reason_and_end_the_dossier(agency: Onestop) -> None:
    officer = actor(agency, "xuly1")
    first, second = _receive(agency), _receive(agency)
    with pytest.raises(ValidationError, match="Lý do"):
        agency.lifecycle.refuse(first, reason="  ", actor=officer)
    d = agency.lifecycle.refuse(first, reason="Không thuộc thẩm quyền giải quyết", actor=officer)
    assert d.status_label == "Đã từ chối"
    agency.lifecycle.transfer(second, actor=actor(agency, "tiepnhan1"))
    d = agency.lifecycle.stop(second, reason="Người nộp đề nghị dừng", actor=officer)
    assert d.status_label == "Đã dừng giải quyết"
    with pytest.raises(ValidationError, match="không thể"):
        agency.lifecycle.transfer(second, actor=actor(agency, "tiepnhan1"))


def test_transfer_names_units_without_accents_and_refuses_unknown_ones(agency: Onestop) -> None:
    clerk = actor(agency, "tiepnhan1")
    code = _receive(agency)
    d = agency.lifecycle.transfer(code, to_unit="cong an phuong", actor=clerk)
    assert d.current_unit == "Công an phường Liên Chiểu"
    with pytest.raises(ValidationError, match="chính đơn vị này"):
        agency.lifecycle.transfer(code, to_unit="CAP", actor=clerk)
    with pytest.raises(UserError, match="không có"):
        agency.lifecycle.transfer(code, to_unit="Sở Ngoại giao", actor=clerk)


# ------------------------------------------------------------------------- the transition table


def _step(svc: Onestop, code: str, action: str, who: str) -> None:
    kwargs: dict[str, object] = {"actor": actor(svc, who)}
    if action in ("refuse", "stop"):
        kwargs["reason"] = "Lý do bằng lời"
    if action == "extend":
        kwargs.update(due=vn(2027, 1, 29, 17, 0), reason="Cần xác minh")
    if action == "supplement":
        kwargs["note"] = "Thiếu giấy tờ"
    if action == "transfer":  # to a unit the dossier is not at
        here = svc.dossiers.dossier(code, actor=actor(svc, "lanhdao")).current_unit
        kwargs["to_unit"] = "CAP" if here != "Công an phường Liên Chiểu" else "DCXD"
    method = {"return": "return_result"}.get(action, action)
    getattr(svc.lifecycle, method)(code, **kwargs)


ROUTE_TO = {  # the steps (by the head of agency) that bring a fresh dossier to each state
    "received": [],
    "processing": ["transfer"],
    "waiting_supplement": ["transfer", "supplement"],
    "result_ready": ["transfer", "result"],
    "returned": ["transfer", "result", "return"],
    "refused": ["refuse"],
}
ACCOUNTS = {Role.RECEPTION: "tiepnhan1", Role.PROCESSING: "xuly1", Role.HEAD: "lanhdao", Role.ADMIN: "admin"}


@pytest.mark.parametrize("state", list(ROUTE_TO))
def test_every_step_in_every_state_for_every_role(agency: Onestop, state: str) -> None:
    for role in STAFF_ROLES:
        for action, step in lc.STEPS.items():
            code = _receive(agency)
            for earlier in ROUTE_TO[state]:
                _step(agency, code, earlier, "lanhdao")
            before = agency.dossiers.dossier(code, actor=actor(agency, "lanhdao"))
            may = step.act in allowed_acts(role, DEFAULT_PERMISSIONS)
            fits = state in step.sources
            try:
                _step(agency, code, action, ACCOUNTS[role])
                outcome = "done"
            except PermissionDenied:
                outcome = "denied"
            except ValidationError as exc:
                outcome = "refused"
                assert "không thể" in exc.message, exc.message
            expected = "denied" if not may else "done" if fits else "refused"
            assert outcome == expected, f"{role.value} {action} in {state}: {outcome}, expected {expected}"
            after = agency.dossiers.dossier(code, actor=actor(agency, "lanhdao"))
            if outcome != "done":
                assert after == before, f"{role.value} {action} in {state} was refused but wrote"
            elif step.target:
                assert after.status == step.target
    assert agency.integrity.verify().ok


def test_a_renamed_unit_succeeds_the_old_one_which_keeps_its_name_on_old_steps(agency: Onestop) -> None:
    clerk, admin = actor(agency, "tiepnhan1"), actor(agency, "admin")
    old = _receive(agency)
    agency.lifecycle.transfer(old, to_unit="DCXD", actor=clerk)
    agency.catalog.rename_unit(
        "DCXD", new_code="KTHT", new_name="Phòng Kinh tế - Hạ tầng phường", actor=admin
    )
    assert agency.dossiers.dossier(old, actor=clerk).events[1].to_unit == "Công chức Địa chính - Xây dựng"
    new = _receive(agency)
    with pytest.raises(
        ValidationError, match="thôi hoạt động; đơn vị tiếp nhận công việc: «Phòng Kinh tế - Hạ tầng phường»"
    ):
        agency.lifecycle.transfer(new, to_unit="DCXD", actor=clerk)
    assert (
        agency.lifecycle.transfer(new, to_unit="KTHT", actor=clerk).current_unit
        == "Phòng Kinh tế - Hạ tầng phường"
    )
    assert agency.integrity.verify().ok


def test_a_directive_waits_on_the_holders_screen_until_answered(agency: Onestop) -> None:
    head, officer = actor(agency, "lanhdao"), actor(agency, "xuly1")
    code = _receive(agency)
    with pytest.raises(PermissionDenied, match="chỉ đạo"):
        agency.oversight.direct(code, to_user="xuly1", text="Xử lý ngay", actor=actor(agency, "tiepnhan1"))
    d = agency.oversight.direct(
        code, to_user="xuly1", text="Báo cáo lý do chậm, giải quyết trước 16:00", actor=head
    )
    assert [x.id for x in agency.oversight.waiting_for(actor=officer)] == [d.id]
    assert agency.oversight.waiting_for(actor=head) == []
    with pytest.raises(PermissionDenied, match="người nhận"):
        agency.oversight.answer(d.id, "Đã xong", actor=actor(agency, "tiepnhan1"))
    agency.oversight.answer(d.id, "Đã liên hệ người nộp; có kết quả chiều nay", actor=officer)
    assert agency.oversight.waiting_for(actor=officer) == []
    history = [(e.action, e.user) for e in agency.dossiers.dossier(code, actor=head).events]
    assert ("directive", "lanhdao") in history and ("directive_answer", "xuly1") in history
    assert agency.integrity.verify().ok
