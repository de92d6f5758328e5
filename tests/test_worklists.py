"""Work lists: an officer's unit's dossiers and the agency's overdue ones, in due order, page by page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from helpers import actor, unit_officer, vn

from onestop.clock import FixedClock
from onestop.errors import ValidationError
from onestop.services import Applicant, Onestop, ReceiveRequest

HOTICH_3_DAYS = "1.004873"  # Hộ tịch → Công chức Tư pháp - Hộ tịch (TPHT), 3 working days
CHUNGTHUC_SAME_DAY = "2.000815"  # Chứng thực → TPHT, the same day
CUTRU_7_DAYS = "1.004222"  # cư trú → Công an phường (CAP), 7 working days
HOKINHDOANH_3_DAYS = "1.001612"  # → Phòng Kinh tế (KTHTDT), 3 working days


def receive(svc: Onestop, procedure: str, name: str = "Lê Văn An", *, transfer: bool = True) -> str:
    clerk = actor(svc, "tiepnhan1")
    code = svc.intake.receive(ReceiveRequest(procedure, Applicant(name)), actor=clerk).code
    if transfer:
        svc.lifecycle.transfer(code, actor=clerk)  # to the procedure's own unit
    return code


def codes(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.code for r in page.rows]


def test_an_officer_sees_the_dossiers_of_their_unit_earliest_due_first(
    agency: Onestop, clock: FixedClock
) -> None:
    officer = unit_officer(agency)
    later = receive(agency, HOTICH_3_DAYS, "Trần Văn Ba")  # due Fri 27/11 09:00
    elsewhere = receive(agency, CUTRU_7_DAYS)  # the police's, not TPHT's
    clock.advance(timedelta(minutes=10))
    sooner = receive(agency, CHUNGTHUC_SAME_DAY, "Ngô Thị Tư")  # due today 17:00
    at_counter = receive(agency, HOTICH_3_DAYS, transfer=False)  # not handed over yet
    waiting = receive(agency, HOTICH_3_DAYS, "Đỗ Văn Năm")
    agency.lifecycle.supplement(waiting, items=[("Tờ khai", "Chưa ký")], actor=officer)

    page = agency.worklists.work_list("mine", actor=officer)
    assert codes(page) == [sooner, later, waiting]
    assert elsewhere not in codes(page) and at_counter not in codes(page)
    first = page.rows[0]
    assert first.unit == "Công chức Tư pháp - Hộ tịch" and first.holder is None
    assert first.deadline == "due_soon" and first.current_due_at == vn(2026, 11, 23, 17, 0)
    assert page.rows[2].deadline == "paused"
    assert not page.has_more

    # The officer of every unit sees the police's too.
    everyone = agency.worklists.work_list("mine", actor=actor(agency, "xuly1"))
    assert elsewhere in codes(everyone)


def test_the_officers_list_comes_in_pages_without_gaps(agency: Onestop, clock: FixedClock) -> None:
    officer = unit_officer(agency)
    made = []
    names = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khoa"]
    for i in range(7):
        clock.advance(timedelta(minutes=1))
        made.append(receive(agency, HOTICH_3_DAYS if i % 2 else CHUNGTHUC_SAME_DAY, f"Lê Văn {names[i]}"))
    seen: list[str] = []
    page = agency.worklists.work_list("mine", limit=3, actor=officer)
    sizes = []
    while True:
        sizes.append(len(page.rows))
        seen += codes(page)
        if not page.has_more:
            break
        page = agency.worklists.work_list("mine", after=page.after, limit=3, actor=officer)
    assert sizes == [3, 3, 1]
    assert sorted(seen) == sorted(made) and len(set(seen)) == 7
    whole = agency.worklists.work_list("mine", actor=officer)
    assert codes(whole) == seen
    dues = [r.current_due_at for r in whole.rows]
    assert dues == sorted(dues)


def test_a_dossier_held_by_the_officer_in_another_unit_is_theirs_too(agency: Onestop) -> None:
    officer = unit_officer(agency)
    code = receive(agency, HOKINHDOANH_3_DAYS)
    assert code not in codes(agency.worklists.work_list("mine", actor=officer))
    agency.lifecycle.transfer(code, to_unit="TPHT", actor=actor(agency, "lanhdao"))
    agency.lifecycle.take(code, actor=officer)
    agency.lifecycle.transfer(code, to_unit="KTHTDT", actor=actor(agency, "lanhdao"))
    assert code not in codes(agency.worklists.work_list("mine", actor=officer))  # a transfer lets go


def test_the_heads_list_holds_the_overdue_and_the_due_soon_with_their_holders(
    agency: Onestop, clock: FixedClock
) -> None:
    officer = unit_officer(agency)
    clock.at = vn(2026, 11, 23, 9, 0)  # Monday
    late = receive(agency, CHUNGTHUC_SAME_DAY, "Phan Văn Sáu")  # due today 17:00
    agency.lifecycle.take(late, actor=officer)
    at_counter = receive(agency, CHUNGTHUC_SAME_DAY, "Vũ Thị Bảy", transfer=False)
    three_days = receive(agency, HOTICH_3_DAYS)  # due Fri 27/11 09:00 (24/11 is a day off)
    seven_days = receive(agency, CUTRU_7_DAYS)
    waiting = receive(agency, CHUNGTHUC_SAME_DAY, "Hồ Văn Tám")
    agency.lifecycle.supplement(waiting, note="Thiếu tờ khai", actor=officer)
    ready = receive(agency, CHUNGTHUC_SAME_DAY, "Bùi Thị Chín")
    agency.lifecycle.result(ready, actor=officer)

    clock.at = vn(2026, 11, 26, 10, 0)  # Thursday: the same-day ones are late, Friday 09:00 is near
    head = actor(agency, "lanhdao")
    page = agency.worklists.work_list("urgent", actor=head)
    assert codes(page) == [late, at_counter, three_days]
    by_code = {r.code: r for r in page.rows}
    assert by_code[late].deadline == "overdue"
    assert (by_code[late].unit, by_code[late].holder) == ("Công chức Tư pháp - Hộ tịch", "Võ Thị Lan")
    assert by_code[at_counter].unit is None and by_code[at_counter].status == "received"
    assert by_code[three_days].deadline == "due_soon"
    assert seven_days not in by_code and waiting not in by_code and ready not in by_code

    # A re-appointment moves the dossier off the list: what is due now is the new moment.
    agency.lifecycle.extend(three_days, due=vn(2026, 12, 4, 17, 0), reason="Cần xác minh", actor=head)
    again = agency.worklists.work_list("urgent", actor=head)
    assert three_days not in codes(again)
    row = agency.worklists.work_list("mine", actor=officer).rows
    moved = next(r for r in row if r.code == three_days)
    assert moved.extended and moved.due_at == vn(2026, 11, 27, 9, 0)
    assert moved.current_due_at == vn(2026, 12, 4, 17, 0)


def test_a_wrong_list_or_limit_is_named(agency: Onestop) -> None:
    head = actor(agency, "lanhdao")
    with pytest.raises(ValidationError, match="Danh sách"):
        agency.worklists.work_list("all", actor=head)
    with pytest.raises(ValidationError, match="Giới hạn"):
        agency.worklists.work_list("mine", limit=0, actor=head)


def test_board_counts_and_who_holds_since_when_with_the_open_directives(
    agency: Onestop, clock: FixedClock
) -> None:
    head, officer = actor(agency, "lanhdao"), unit_officer(agency)
    late = receive(agency, CHUNGTHUC_SAME_DAY)  # due 23/11 17:00
    soon = receive(agency, HOTICH_3_DAYS, "Trần Văn Ba")  # due Fri 27/11 09:00
    waiting = receive(agency, HOTICH_3_DAYS, "Ngô Văn Chi")
    clock.at = vn(2026, 11, 23, 10, 0)
    agency.lifecycle.take(late, actor=officer)
    agency.lifecycle.supplement(waiting, note="Thiếu giấy", actor=officer)
    d1 = agency.oversight.direct(
        late, to_user="xuly2", text="Xử lý ngay", due=vn(2026, 11, 24, 9, 0), actor=head
    )
    agency.oversight.direct(soon, to_user="xuly1", text="Theo dõi", actor=head)
    clock.at = vn(2026, 11, 26, 10, 0)  # Thursday: the Friday one is due within a working day
    counts = agency.worklists.board_counts(actor=head)
    assert (counts.overdue, counts.due_soon, counts.paused) == (1, 1, 1)
    assert (counts.directives_open, counts.directives_late) == (2, 1)
    page = agency.worklists.work_list("urgent", actor=head)
    rows = {r.code: r for r in page.rows}
    assert list(rows) == [late, soon]
    assert rows[late].holder == "Võ Thị Lan" and rows[late].held_since == vn(2026, 11, 23, 10, 0)
    assert rows[late].holder_unit == rows[late].unit and rows[late].directives == 1
    assert rows[soon].holder is None and rows[soon].held_since == vn(2026, 11, 23, 9, 0)  # transferred then
    people = agency.oversight.addressees(late, actor=head)
    assert people[0].username == "xuly2" and people[0].holds_it
    assert all(p.username not in ("admin", "tiepnhan1") for p in people)
    agency.oversight.answer(d1.id, "Đã xong", actor=officer)
    counts = agency.worklists.board_counts(actor=head)
    assert (counts.directives_open, counts.directives_late) == (1, 0)
    assert agency.worklists.work_list("urgent", actor=head).rows[0].directives == 0


def test_the_lists_mark_a_dossier_whose_papers_are_not_all_scanned(agency: Onestop) -> None:
    from scan_samples import text_pdf

    from onestop.pages import Source

    clerk, officer = actor(agency, "tiepnhan1"), unit_officer(agency)
    code = receive(agency, CHUNGTHUC_SAME_DAY)  # due today: on the head's list and the officer's
    documents = len(agency.dossiers.dossier(code, actor=clerk).documents)
    assert documents >= 1
    for which, who in (("mine", officer), ("urgent", actor(agency, "lanhdao"))):
        row = next(r for r in agency.worklists.work_list(which, actor=who).rows if r.code == code)
        assert (row.documents, row.scanned, row.digitised) == (documents, 0, False)
    for n in range(1, documents + 1):
        agency.digitisation.attach(code, [Source("a.pdf", text_pdf(1))], document=n, actor=clerk)
    row = next(r for r in agency.worklists.work_list("mine", actor=officer).rows if r.code == code)
    assert (row.scanned, row.digitised) == (documents, True)
