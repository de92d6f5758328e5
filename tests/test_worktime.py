"""Working time and the appointment (domain.md §4), on the real calendars of 2025-2027 and later years.

Every expected value below was worked out by hand from the rules and the calendar: default office
hours 07:30-11:30 and 13:00-17:00 (8 h a day), Monday to Friday, zone Asia/Ho_Chi_Minh. Days off used:

* 2025 (shipped list): Tết Mon 27/01-Fri 31/01; Sat 26/04 works, Fri 02/05 off; 30/04, 01/05.
* 2026 (shipped list): 01/01 Thu; Tết Mon 16/02-Fri 20/02; Giỗ Tổ Sun 26/04 with Mon 27/04 off (nghỉ
  bù); 30/04 Thu, 01/05 Fri; Sat 22/08 works, Mon 31/08 off; 01/09, 02/09; Tue 24/11 Ngày Văn hóa.
* 2027 (holidays package, no notice yet): 01/01 Fri; Tết Thu 04/02-Wed 10/02 (Tết itself, 06/02, is
  a Saturday); Mon 03/05 off for 01/05 falling on a Saturday.
"""

from __future__ import annotations

import time as time_module
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from onestop.worktime import (
    CalendarDay,
    OfficeHours,
    SkippedDay,
    TimeLimit,
    WorkingCalendar,
    official_days,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
H = timedelta(hours=1)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """A moment on the agency's clock."""
    return datetime(year, month, day, hour, minute, second, tzinfo=HCM)


def days(n: int) -> TimeLimit:
    return TimeLimit("working_days", n)


def hours(n: int) -> TimeLimit:
    return TimeLimit("working_hours", n)


SAME_DAY = TimeLimit("same_day")
SAME_DAY_CUTOFF_15H = TimeLimit("same_day", cutoff=time(15, 0))


@pytest.fixture(scope="module")
def cal() -> WorkingCalendar:
    return WorkingCalendar(tz=HCM)


def labels(skipped: Iterable[SkippedDay]) -> list[str]:
    return [day.label() for day in skipped]


# --------------------------------------------------------------------------------------------------
# Appointments: n working days, n working hours


@pytest.mark.parametrize(
    ("limit", "received", "due", "skipped"),
    [
        # The three examples of domain.md §4.
        pytest.param(
            days(2), at(2026, 3, 9, 10), at(2026, 3, 11, 10), [], id="monday_10h_plus_2_days_is_wednesday_10h"
        ),
        pytest.param(
            days(1),
            at(2026, 3, 7, 9),
            at(2026, 3, 9, 17),
            ["07/03: Thứ Bảy", "08/03: Chủ nhật"],
            id="saturday_plus_1_day_is_monday_17h",
        ),
        pytest.param(
            days(1), at(2026, 3, 10, 12), at(2026, 3, 11, 11, 30), [], id="lunch_plus_1_day_is_next_day_11h30"
        ),
        # Office hours are half-open: 11:30 and 17:00 are outside them.
        pytest.param(
            days(1), at(2026, 3, 10, 11, 30), at(2026, 3, 11, 11, 30), [], id="at_11h30_counts_like_lunch"
        ),
        pytest.param(
            days(1), at(2026, 3, 10, 17), at(2026, 3, 11, 17), [], id="at_17h_counts_from_next_morning"
        ),
        pytest.param(
            days(1), at(2026, 3, 10, 19), at(2026, 3, 11, 17), [], id="evening_counts_from_next_morning"
        ),
        pytest.param(
            days(1), at(2026, 3, 10, 6, 45), at(2026, 3, 10, 17), [], id="before_opening_counts_from_07h30"
        ),
        # A due moment on the end of a session stays there.
        pytest.param(
            days(1), at(2026, 3, 10, 7, 30), at(2026, 3, 10, 17), [], id="at_opening_due_same_day_17h"
        ),
        pytest.param(
            days(1), at(2026, 3, 10, 13), at(2026, 3, 11, 11, 30), [], id="at_13h_due_next_day_11h30"
        ),
        pytest.param(
            days(1),
            at(2026, 3, 13, 16),
            at(2026, 3, 16, 16),
            ["14/03: Thứ Bảy", "15/03: Chủ nhật"],
            id="friday_16h_plus_1_day_is_monday_16h",
        ),
        pytest.param(
            days(1), at(2026, 3, 10, 10, 17, 42), at(2026, 3, 11, 10, 17, 42), [], id="seconds_are_kept"
        ),
        # n working hours.
        pytest.param(
            hours(4), at(2026, 3, 10, 9), at(2026, 3, 10, 14, 30), [], id="hours_jump_the_lunch_break"
        ),
        pytest.param(
            hours(2), at(2026, 3, 10, 9, 30), at(2026, 3, 10, 11, 30), [], id="hours_ending_at_11h30_stay"
        ),
        pytest.param(hours(3), at(2026, 3, 10, 14), at(2026, 3, 10, 17), [], id="hours_ending_at_17h_stay"),
        pytest.param(hours(8), at(2026, 3, 10, 8), at(2026, 3, 11, 8), [], id="8_hours_is_one_day"),
        pytest.param(
            hours(4),
            at(2026, 3, 13, 15),
            at(2026, 3, 16, 9, 30),
            ["14/03: Thứ Bảy", "15/03: Chủ nhật"],
            id="hours_carry_over_the_weekend",
        ),
        # 24/11 Ngày Văn hóa Việt Nam, a Tuesday in 2026.
        pytest.param(
            days(1),
            at(2026, 11, 23, 10),
            at(2026, 11, 25, 10),
            ["24/11: Ngày Văn hóa Việt Nam"],
            id="vietnam_culture_day_2026_is_skipped",
        ),
        pytest.param(
            days(3),
            at(2026, 11, 20, 10),
            at(2026, 11, 26, 10),
            ["21/11: Thứ Bảy", "22/11: Chủ nhật", "24/11: Ngày Văn hóa Việt Nam"],
            id="weekend_and_culture_day_in_order",
        ),
        # Giỗ Tổ 2026 on Sunday 26/04, Monday 27/04 off instead; then 30/04 and 01/05.
        pytest.param(
            days(1),
            at(2026, 4, 24, 10),
            at(2026, 4, 28, 10),
            ["25/04: Thứ Bảy", "26/04: Giỗ Tổ Hùng Vương (Chủ nhật)", "27/04: Nghỉ bù Giỗ Tổ Hùng Vương"],
            id="hung_kings_2026_on_sunday_with_compensatory_monday",
        ),
        pytest.param(
            days(3),
            at(2026, 4, 24, 10),
            at(2026, 5, 4, 10),
            [
                "25/04: Thứ Bảy",
                "26/04: Giỗ Tổ Hùng Vương (Chủ nhật)",
                "27/04: Nghỉ bù Giỗ Tổ Hùng Vương",
                "30/04: Ngày Chiến thắng",
                "01/05: Ngày Quốc tế Lao động",
                "02/05: Thứ Bảy",
                "03/05: Chủ nhật",
            ],
            id="hung_kings_then_reunification_and_labour_day_2026",
        ),
        # 2026 swap: Saturday 22/08 works, Monday 31/08 is off; then Quốc khánh 01-02/09.
        pytest.param(
            days(1), at(2026, 8, 21, 10), at(2026, 8, 22, 10), [], id="working_saturday_2026_counts"
        ),
        pytest.param(
            days(1),
            at(2026, 8, 22, 9),
            at(2026, 8, 24, 9),
            ["23/08: Chủ nhật"],
            id="received_on_working_saturday",
        ),
        pytest.param(
            days(1),
            at(2026, 8, 28, 10),
            at(2026, 9, 3, 10),
            [
                "29/08: Thứ Bảy",
                "30/08: Chủ nhật",
                "31/08: Nghỉ (hoán đổi với thứ Bảy 22/08/2026)",
                "01/09: Quốc khánh",
                "02/09: Quốc khánh",
            ],
            id="swapped_monday_and_national_day_2026",
        ),
        # 2025 swap: Saturday 26/04 works, Friday 02/05 is off.
        pytest.param(
            days(1), at(2025, 4, 25, 10), at(2025, 4, 26, 10), [], id="working_saturday_2025_counts"
        ),
        pytest.param(
            days(1),
            at(2025, 4, 29, 10),
            at(2025, 5, 5, 10),
            [
                "30/04: Ngày Chiến thắng",
                "01/05: Ngày Quốc tế Lao động",
                "02/05: Nghỉ (hoán đổi với thứ Bảy 26/04/2025)",
                "03/05: Thứ Bảy",
                "04/05: Chủ nhật",
            ],
            id="swapped_friday_2025",
        ),
        # Tết 2025 (shipped list: five weekdays; the package's "Mùng bốn" on Sat 01/02 is not in it).
        pytest.param(
            days(1),
            at(2025, 1, 24, 10),
            at(2025, 2, 3, 10),
            [
                "25/01: Thứ Bảy",
                "26/01: Chủ nhật",
                "27/01: Tết Nguyên Đán (28 tháng Chạp)",
                "28/01: Tết Nguyên Đán (29 tháng Chạp, Giao thừa)",
                "29/01: Tết Nguyên Đán (Mùng một)",
                "30/01: Tết Nguyên Đán (Mùng hai)",
                "31/01: Tết Nguyên Đán (Mùng ba)",
                "01/02: Thứ Bảy",
                "02/02: Chủ nhật",
            ],
            id="tet_2025",
        ),
        # Tết 2026: from Friday 15:00, 2 days = Monday 23/02 15:00 (1) then Tuesday 24/02 15:00 (2).
        pytest.param(
            days(2),
            at(2026, 2, 13, 15),
            at(2026, 2, 24, 15),
            [
                "14/02: Thứ Bảy",
                "15/02: Chủ nhật",
                "16/02: Tết Nguyên Đán (Giao thừa)",
                "17/02: Tết Nguyên Đán (Mùng một)",
                "18/02: Tết Nguyên Đán (Mùng hai)",
                "19/02: Tết Nguyên Đán (Mùng ba)",
                "20/02: Tết Nguyên Đán (Mùng bốn)",
                "21/02: Thứ Bảy",
                "22/02: Chủ nhật",
            ],
            id="tet_2026",
        ),
        # Tết 2027 from the package; the weekend days of Tết carry their Tết names.
        pytest.param(
            days(1),
            at(2027, 2, 3, 10),
            at(2027, 2, 11, 10),
            [
                "04/02: 29 Tết",
                "05/02: Giao thừa Tết Nguyên Đán",
                "06/02: Tết Nguyên Đán",
                "07/02: Mùng hai Tết Nguyên Đán",
                "08/02: Mùng ba Tết Nguyên Đán",
                "09/02: Mùng bốn Tết Nguyên Đán",
                "10/02: Mùng năm Tết Nguyên Đán",
            ],
            id="tet_2027_from_the_package",
        ),
        pytest.param(
            days(1),
            at(2027, 4, 30, 10),
            at(2027, 5, 4, 17),
            [
                "30/04: Ngày Chiến thắng",
                "01/05: Ngày Quốc tế Lao động",
                "02/05: Chủ nhật",
                "03/05: Ngày Quốc tế Lao động (nghỉ bù)",
            ],
            id="received_on_a_holiday_lists_the_receipt_day",
        ),
        # Year end.
        pytest.param(
            days(1), at(2025, 12, 31, 10), at(2026, 1, 2, 10), ["01/01: Tết Dương lịch"], id="new_year_2026"
        ),
        pytest.param(
            days(1),
            at(2026, 12, 31, 10),
            at(2027, 1, 4, 10),
            ["01/01: Tết Dương lịch", "02/01: Thứ Bảy", "03/01: Chủ nhật"],
            id="new_year_2027_into_package_year",
        ),
        pytest.param(hours(2), at(2026, 12, 31, 16), at(2027, 1, 4, 8, 30), None, id="hours_across_new_year"),
        # Years far away come from the package and just work.
        pytest.param(
            days(1), at(2030, 12, 31, 10), at(2031, 1, 2, 10), ["01/01: Tết Dương lịch"], id="new_year_2031"
        ),
        pytest.param(
            days(1),
            at(2035, 11, 23, 10),
            at(2035, 11, 27, 10),
            ["24/11: Ngày Văn hóa Việt Nam", "25/11: Chủ nhật", "26/11: Ngày Văn hóa Việt Nam (nghỉ bù)"],
            id="culture_day_2035_on_saturday_gives_monday_off",
        ),
    ],
)
def test_appointment_in_working_time(
    cal: WorkingCalendar, limit: TimeLimit, received: datetime, due: datetime, skipped: list[str] | None
) -> None:
    appointment = cal.appointment(limit, received)
    assert appointment.due_at == due
    assert appointment.due_at.tzinfo is HCM
    assert appointment.received_at == received
    if skipped is not None:
        assert labels(appointment.skipped) == skipped


# --------------------------------------------------------------------------------------------------
# Appointments: same day


@pytest.mark.parametrize(
    ("limit", "received", "due", "skipped"),
    [
        pytest.param(SAME_DAY, at(2026, 3, 10, 9), at(2026, 3, 10, 17), [], id="morning_is_due_at_closing"),
        pytest.param(
            SAME_DAY, at(2026, 3, 10, 6, 30), at(2026, 3, 10, 17), [], id="before_opening_counts_as_that_day"
        ),
        pytest.param(
            SAME_DAY, at(2026, 3, 10, 12), at(2026, 3, 10, 17), [], id="lunch_break_counts_as_that_day"
        ),
        pytest.param(
            SAME_DAY, at(2026, 3, 10, 16, 59), at(2026, 3, 10, 17), [], id="without_cutoff_until_closing"
        ),
        pytest.param(SAME_DAY, at(2026, 3, 10, 17), at(2026, 3, 11, 17), [], id="at_closing_is_next_day"),
        pytest.param(
            SAME_DAY_CUTOFF_15H, at(2026, 3, 10, 15), at(2026, 3, 10, 17), [], id="cutoff_15h00_is_on_time"
        ),
        pytest.param(
            SAME_DAY_CUTOFF_15H,
            at(2026, 3, 10, 15, 0, 59),
            at(2026, 3, 10, 17),
            [],
            id="cutoff_is_to_the_minute",
        ),
        pytest.param(
            SAME_DAY_CUTOFF_15H, at(2026, 3, 10, 15, 1), at(2026, 3, 11, 17), [], id="cutoff_15h01_is_after"
        ),
        pytest.param(
            SAME_DAY_CUTOFF_15H,
            at(2026, 3, 13, 15, 30),
            at(2026, 3, 16, 17),
            ["14/03: Thứ Bảy", "15/03: Chủ nhật"],
            id="after_cutoff_on_friday_is_monday",
        ),
        pytest.param(
            SAME_DAY,
            at(2026, 3, 7, 9),
            at(2026, 3, 9, 17),
            ["07/03: Thứ Bảy", "08/03: Chủ nhật"],
            id="on_saturday_is_monday",
        ),
        pytest.param(
            SAME_DAY_CUTOFF_15H,
            at(2026, 11, 23, 16),
            at(2026, 11, 25, 17),
            ["24/11: Ngày Văn hóa Việt Nam"],
            id="after_cutoff_before_holiday",
        ),
        pytest.param(
            SAME_DAY,
            at(2026, 11, 24, 10),
            at(2026, 11, 25, 17),
            ["24/11: Ngày Văn hóa Việt Nam"],
            id="on_a_holiday_is_next_working_day",
        ),
        pytest.param(
            SAME_DAY, at(2026, 8, 22, 10), at(2026, 8, 22, 17), [], id="on_working_saturday_is_that_day"
        ),
    ],
)
def test_same_day_appointment(
    cal: WorkingCalendar, limit: TimeLimit, received: datetime, due: datetime, skipped: list[str]
) -> None:
    appointment = cal.appointment(limit, received)
    assert appointment.due_at == due
    assert labels(appointment.skipped) == skipped


# --------------------------------------------------------------------------------------------------
# Time zones


@pytest.mark.parametrize(
    ("limit", "received_utc", "received_local", "due"),
    [
        pytest.param(
            days(2),
            datetime(2026, 3, 10, 3, 0, tzinfo=UTC),
            at(2026, 3, 10, 10),
            at(2026, 3, 12, 10),
            id="utc_10h_local",
        ),
        pytest.param(
            SAME_DAY,
            datetime(2026, 3, 9, 23, 30, tzinfo=UTC),
            at(2026, 3, 10, 6, 30),
            at(2026, 3, 10, 17),
            id="utc_monday_evening_is_tuesday_morning_local",
        ),
        pytest.param(
            SAME_DAY,
            datetime(2026, 3, 10, 10, 1, tzinfo=UTC),
            at(2026, 3, 10, 17, 1),
            at(2026, 3, 11, 17),
            id="utc_morning_is_after_closing_local",
        ),
        pytest.param(
            days(1),
            datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Europe/Paris")),  # UTC+1 in November
            at(2026, 11, 23, 16),
            at(2026, 11, 25, 16),
            id="another_zone_is_converted",
        ),
    ],
)
def test_moments_in_other_zones_are_converted(
    cal: WorkingCalendar, limit: TimeLimit, received_utc: datetime, received_local: datetime, due: datetime
) -> None:
    appointment = cal.appointment(limit, received_utc)
    assert appointment.received_at == received_local
    assert appointment.received_at.tzinfo is HCM
    assert appointment.due_at == due
    assert appointment.due_at.tzinfo is HCM
    assert appointment.due_at.utcoffset() == timedelta(hours=7)


@pytest.fixture
def machine_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time_module, "tzset"):
        pytest.skip("time.tzset is POSIX only")
    monkeypatch.setenv("TZ", "America/New_York")
    time_module.tzset()
    yield
    monkeypatch.undo()
    time_module.tzset()


@pytest.mark.usefixtures("machine_in_new_york")
def test_machine_time_zone_is_irrelevant() -> None:
    calendar = WorkingCalendar(tz=HCM)
    appointment = calendar.appointment(SAME_DAY_CUTOFF_15H, datetime(2026, 3, 10, 8, 30, tzinfo=UTC))
    # 08:30 UTC is 15:30 in Hà Nội: after the cut-off whatever the machine's clock says.
    assert appointment.due_at == at(2026, 3, 11, 17)
    assert appointment.received_at.isoformat() == "2026-03-10T15:30:00+07:00"


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda c: c.appointment(days(1), datetime(2026, 3, 10, 10)), id="appointment"),
        pytest.param(lambda c: c.add_working_time(datetime(2026, 3, 10, 10), H), id="add_working_time"),
        pytest.param(
            lambda c: c.working_time_between(datetime(2026, 3, 10, 10), at(2026, 3, 11)),
            id="working_time_between",
        ),
    ],
)
def test_naive_datetimes_are_refused(cal: WorkingCalendar, call: Callable[[WorkingCalendar], object]) -> None:
    with pytest.raises(ValueError, match="naive"):
        call(cal)


# --------------------------------------------------------------------------------------------------
# Working time arithmetic (pausing and resuming the clock)


@pytest.mark.parametrize(
    ("start", "end", "elapsed"),
    [
        pytest.param(at(2026, 3, 9, 10), at(2026, 3, 11, 10), 16 * H, id="two_days"),
        pytest.param(
            at(2026, 3, 10, 12), at(2026, 3, 10, 13), timedelta(0), id="lunch_break_is_not_working_time"
        ),
        pytest.param(at(2026, 3, 10, 11), at(2026, 3, 10, 14), 1.5 * H, id="across_lunch"),
        pytest.param(at(2026, 3, 13, 16), at(2026, 3, 16, 8), 1.5 * H, id="over_the_weekend"),
        pytest.param(at(2026, 3, 14, 9), at(2026, 3, 15, 15), timedelta(0), id="weekend_only"),
        pytest.param(at(2026, 11, 23, 16), at(2026, 11, 25, 8), 1.5 * H, id="over_a_holiday"),
        pytest.param(at(2026, 12, 31, 16), at(2027, 1, 4, 8), 1.5 * H, id="across_new_year"),
        pytest.param(at(2026, 3, 11, 10), at(2026, 3, 9, 10), -16 * H, id="backwards_is_negative"),
        pytest.param(at(2027, 1, 4, 8), at(2026, 12, 31, 16), -1.5 * H, id="backwards_across_new_year"),
    ],
)
def test_working_time_between(
    cal: WorkingCalendar, start: datetime, end: datetime, elapsed: timedelta
) -> None:
    assert cal.working_time_between(start, end) == elapsed


@pytest.mark.parametrize(
    "start",
    [
        pytest.param(at(2026, 3, 10, 9, 17, 3), id="in_office_hours"),
        pytest.param(at(2026, 3, 10, 12, 10), id="at_lunch"),
        pytest.param(at(2026, 3, 14, 10), id="on_saturday"),
        pytest.param(at(2026, 2, 16, 10), id="on_tet"),
        pytest.param(at(2026, 12, 30, 16, 45), id="before_new_year"),
    ],
)
@pytest.mark.parametrize(
    "amount",
    [
        pytest.param(timedelta(microseconds=1), id="1us"),
        pytest.param(timedelta(minutes=1), id="1min"),
        pytest.param(4 * H, id="4h"),
        pytest.param(8 * H, id="8h"),
        pytest.param(27.5 * H, id="27h30"),
        pytest.param(40 * 8 * H, id="40_days"),
        pytest.param(400 * 8 * H, id="400_days"),
    ],
)
def test_working_time_between_undoes_add_working_time(
    cal: WorkingCalendar, start: datetime, amount: timedelta
) -> None:
    assert cal.working_time_between(start, cal.add_working_time(start, amount)) == amount


@pytest.mark.parametrize(
    ("start", "end"),
    [
        pytest.param(at(2026, 3, 9, 10), at(2026, 3, 20, 14, 12), id="in_office_hours"),
        pytest.param(at(2026, 3, 9, 10), at(2026, 3, 10, 11, 30), id="end_of_morning"),
        pytest.param(at(2026, 3, 7, 10), at(2026, 3, 9, 17), id="from_saturday_to_closing"),
        pytest.param(at(2026, 12, 31, 9), at(2027, 2, 11, 8), id="across_new_year_and_tet_2027"),
    ],
)
def test_add_working_time_undoes_working_time_between(
    cal: WorkingCalendar, start: datetime, end: datetime
) -> None:
    assert cal.add_working_time(start, cal.working_time_between(start, end)) == end


def test_paused_clock_resumes_with_remaining_time(cal: WorkingCalendar) -> None:
    # Received Mon 09/03 10:00 for 3 days: due Thu 12/03 10:00.
    due = cal.appointment(days(3), at(2026, 3, 9, 10)).due_at
    assert due == at(2026, 3, 12, 10)
    # Paused Tue 14:00: left are Tue 14-17 (3 h), Wed (8 h), Thu 07:30-10:00 (2 h 30).
    remaining = cal.working_time_between(at(2026, 3, 10, 14), due)
    assert remaining == 13.5 * H
    # Resumed Mon 16/03 09:00: Mon 09:00-11:30 and 13-17 (6 h 30), Tue 07:30-11:30 (4 h), 13:00 + 3 h.
    assert cal.add_working_time(at(2026, 3, 16, 9), remaining) == at(2026, 3, 17, 16)


def test_adding_nothing_returns_the_start_on_the_agency_clock(cal: WorkingCalendar) -> None:
    start = datetime(2026, 3, 14, 3, 0, tzinfo=UTC)  # Saturday 10:00 in Hà Nội
    result = cal.add_working_time(start, timedelta(0))
    assert result == at(2026, 3, 14, 10)
    assert result.tzinfo is HCM


def test_negative_amount_is_refused(cal: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="negative"):
        cal.add_working_time(at(2026, 3, 10, 10), -H)


# --------------------------------------------------------------------------------------------------
# Days


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        pytest.param(date(2026, 3, 10), None, id="ordinary_tuesday"),
        pytest.param(date(2026, 3, 14), "Thứ Bảy", id="saturday"),
        pytest.param(date(2026, 3, 15), "Chủ nhật", id="sunday"),
        pytest.param(date(2026, 11, 24), "Ngày Văn hóa Việt Nam", id="culture_day_2026"),
        pytest.param(date(2025, 11, 24), None, id="culture_day_not_yet_in_2025"),
        pytest.param(date(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương", id="compensatory_day"),
        pytest.param(date(2026, 8, 22), None, id="working_saturday_2026"),
        pytest.param(date(2026, 8, 31), "Nghỉ (hoán đổi với thứ Bảy 22/08/2026)", id="swapped_day_off_2026"),
        pytest.param(date(2025, 4, 26), None, id="working_saturday_2025"),
        pytest.param(date(2025, 2, 1), "Thứ Bảy", id="shipped_list_wins_over_package"),
        pytest.param(date(2027, 5, 3), "Ngày Quốc tế Lao động (nghỉ bù)", id="package_compensatory_2027"),
        pytest.param(date(2027, 2, 6), "Tết Nguyên Đán", id="holiday_name_beats_weekday_name"),
    ],
)
def test_day_status(cal: WorkingCalendar, day: date, reason: str | None) -> None:
    assert cal.day_off_reason(day) == reason
    assert cal.is_working_day(day) is (reason is None)


@pytest.mark.parametrize(
    ("day", "following"),
    [
        pytest.param(date(2026, 3, 10), date(2026, 3, 11), id="strictly_after_a_working_day"),
        pytest.param(date(2026, 8, 21), date(2026, 8, 22), id="friday_before_working_saturday"),
        pytest.param(date(2026, 8, 22), date(2026, 8, 24), id="working_saturday"),
        pytest.param(date(2026, 8, 28), date(2026, 9, 3), id="swap_then_national_day"),
        pytest.param(date(2026, 4, 26), date(2026, 4, 28), id="sunday_holiday_then_compensatory"),
        pytest.param(date(2025, 12, 31), date(2026, 1, 2), id="into_2026"),
        pytest.param(date(2026, 12, 31), date(2027, 1, 4), id="into_2027"),
    ],
)
def test_next_working_day(cal: WorkingCalendar, day: date, following: date) -> None:
    assert cal.next_working_day(day) == following


def test_non_working_days_in_a_range(cal: WorkingCalendar) -> None:
    assert cal.non_working_days(date(2026, 12, 30), date(2027, 1, 5)) == (
        SkippedDay(date(2027, 1, 1), "Tết Dương lịch"),
        SkippedDay(date(2027, 1, 2), "Thứ Bảy"),
        SkippedDay(date(2027, 1, 3), "Chủ nhật"),
    )


def test_skipped_day_label() -> None:
    assert SkippedDay(date(2026, 11, 24), "Ngày Văn hóa Việt Nam").label() == "24/11: Ngày Văn hóa Việt Nam"
    assert SkippedDay(date(2027, 1, 2), "Thứ Bảy").label() == "02/01: Thứ Bảy"


# --------------------------------------------------------------------------------------------------
# Custom office hours


@pytest.mark.parametrize(
    ("office", "limit", "received", "due", "skipped"),
    [
        pytest.param(
            OfficeHours.parse("08:00-12:00,13:30-17:30"),
            days(1),
            at(2026, 3, 9, 12),
            at(2026, 3, 10, 12),
            [],
            id="other_sessions_12h00_is_end_of_morning",
        ),
        pytest.param(
            OfficeHours.parse("08:00-12:00,13:30-17:30"),
            SAME_DAY,
            at(2026, 3, 9, 17, 15),
            at(2026, 3, 9, 17, 30),
            [],
            id="other_sessions_same_day_until_17h30",
        ),
        pytest.param(
            OfficeHours.parse("07:00-19:00", weekdays=frozenset(range(6))),
            days(1),
            at(2026, 3, 13, 10),
            at(2026, 3, 14, 10),
            [],
            id="one_12h_session_monday_to_saturday",
        ),
        pytest.param(
            OfficeHours.parse("07:00-19:00", weekdays=frozenset(range(6))),
            days(1),
            at(2026, 3, 15, 10),
            at(2026, 3, 16, 19),
            ["15/03: Chủ nhật"],
            id="one_12h_session_sunday_off",
        ),
        pytest.param(
            OfficeHours(weekdays=frozenset({0, 1, 2, 3})),
            days(1),
            at(2026, 3, 12, 10),
            at(2026, 3, 16, 10),
            ["13/03: Thứ Sáu", "14/03: Thứ Bảy", "15/03: Chủ nhật"],
            id="four_day_week_friday_off",
        ),
        pytest.param(
            OfficeHours.parse("07:30-11:30,13:00-17:00,18:00-20:00"),
            hours(3),
            at(2026, 3, 10, 16),
            at(2026, 3, 10, 20),
            [],
            id="three_sessions",
        ),
    ],
)
def test_custom_office_hours(
    office: OfficeHours, limit: TimeLimit, received: datetime, due: datetime, skipped: list[str]
) -> None:
    appointment = WorkingCalendar(tz=HCM, hours=office).appointment(limit, received)
    assert appointment.due_at == due
    assert labels(appointment.skipped) == skipped


@pytest.mark.parametrize(
    ("text", "formatted", "per_day"),
    [
        pytest.param("07:30-11:30,13:00-17:00", "07:30-11:30,13:00-17:00", 8 * H, id="default"),
        pytest.param(
            " 7:30 - 11:30 , 13:00-17:00 ", "07:30-11:30,13:00-17:00", 8 * H, id="spaces_and_short_hour"
        ),
        pytest.param("08:00-12:00,13:30-17:30", "08:00-12:00,13:30-17:30", 8 * H, id="other_sessions"),
        pytest.param(
            "07:00-11:00,13:30-16:45", "07:00-11:00,13:30-16:45", 7.25 * H, id="seven_and_a_quarter"
        ),
        pytest.param("07:00-19:00", "07:00-19:00", 12 * H, id="one_session"),
    ],
)
def test_office_hours_parse_and_format(text: str, formatted: str, per_day: timedelta) -> None:
    office = OfficeHours.parse(text)
    assert office.format() == formatted
    assert office.hours_per_day == per_day
    assert OfficeHours.parse(office.format()) == office


def test_default_office_hours() -> None:
    assert OfficeHours() == OfficeHours.parse("07:30-11:30,13:00-17:00")
    assert OfficeHours().hours_per_day == 8 * H
    assert OfficeHours().weekdays == frozenset({0, 1, 2, 3, 4})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("", "Chưa nhập giờ làm việc", id="empty"),
        pytest.param("07:30", "không đúng dạng", id="no_end"),
        pytest.param("7h30-11h30", "không đúng dạng", id="wrong_separator"),
        pytest.param("07:30-11:30,", "không đúng dạng", id="trailing_comma"),
        pytest.param("11:30-07:30", "giờ bắt đầu phải trước giờ kết thúc", id="end_before_start"),
        pytest.param("07:30-07:30", "giờ bắt đầu phải trước giờ kết thúc", id="empty_session"),
        pytest.param("07:30-11:30,11:00-17:00", "không chồng lên nhau", id="overlapping"),
        pytest.param("13:00-17:00,07:30-11:30", "theo thứ tự", id="out_of_order"),
        pytest.param("24:00-25:00", "Giờ không hợp lệ", id="hour_out_of_range"),
        pytest.param("07:60-11:30", "Giờ không hợp lệ", id="minute_out_of_range"),
    ],
)
def test_office_hours_parse_rejects_bad_text_in_vietnamese(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        OfficeHours.parse(text)


@pytest.mark.parametrize(
    "weekdays",
    [pytest.param(frozenset(), id="none"), pytest.param(frozenset({0, 7}), id="out_of_range")],
)
def test_office_hours_reject_bad_weekdays(weekdays: frozenset[int]) -> None:
    with pytest.raises(ValueError, match="Ngày làm việc trong tuần"):
        OfficeHours(weekdays=weekdays)


# --------------------------------------------------------------------------------------------------
# Time limits


@pytest.mark.parametrize(
    ("limit", "text"),
    [
        pytest.param(days(3), "03 ngày làm việc", id="days_two_digits"),
        pytest.param(days(15), "15 ngày làm việc", id="fifteen_days"),
        pytest.param(days(120), "120 ngày làm việc", id="three_digit_days"),
        pytest.param(hours(8), "08 giờ làm việc", id="hours"),
        pytest.param(SAME_DAY, "trong ngày", id="same_day"),
        pytest.param(SAME_DAY_CUTOFF_15H, "trong ngày", id="same_day_with_cutoff"),
    ],
)
def test_time_limit_describe(limit: TimeLimit, text: str) -> None:
    assert limit.describe() == text


@pytest.mark.parametrize(
    ("unit", "value", "cutoff", "message"),
    [
        pytest.param("working_days", 0, None, "từ 1 trở lên", id="zero_days"),
        pytest.param("working_hours", -2, None, "từ 1 trở lên", id="negative_hours"),
        pytest.param("same_day", -1, None, "không được âm", id="negative_same_day"),
        pytest.param("working_days", 3, time(15), "cut-off", id="cutoff_on_working_days"),
        pytest.param("weeks", 1, None, "Đơn vị thời hạn", id="unknown_unit"),
    ],
)
def test_time_limit_rejects_bad_values(unit: str, value: int, cutoff: time | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        TimeLimit(unit, value, cutoff)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# The editable table (days_for_year)


class RecordingTable:
    """A stand-in for the database's per-year table: answers from a dict and records each request."""

    def __init__(self, rows: dict[int, list[CalendarDay]]) -> None:
        self.rows = rows
        self.asked: list[int] = []

    def __call__(self, year: int) -> list[CalendarDay]:
        self.asked.append(year)
        return list(self.rows.get(year, []))


def test_edited_table_replaces_the_official_days() -> None:
    table = RecordingTable(
        {
            2026: [
                CalendarDay(date(2026, 3, 10), "holiday", "Nghỉ đột xuất"),
                CalendarDay(date(2026, 3, 14), "working_saturday", "Làm bù cho ngày 10/03/2026"),
            ]
        }
    )
    calendar = WorkingCalendar(tz=HCM, days_for_year=table)
    # Mon 10:00 + 2 days: Tue 10/03 off, Wed 11/03 (1), Thu 12/03 (2).
    first = calendar.appointment(days(2), at(2026, 3, 9, 10))
    assert first.due_at == at(2026, 3, 12, 10)
    assert labels(first.skipped) == ["10/03: Nghỉ đột xuất"]
    # Fri 10:00 + 1 day: the edited Saturday works.
    assert calendar.appointment(days(1), at(2026, 3, 13, 10)).due_at == at(2026, 3, 14, 10)
    # The table has no 24/11 this time: an ordinary Tuesday.
    assert calendar.is_working_day(date(2026, 11, 24))
    assert table.asked == [2026]


def test_table_is_asked_lazily_once_per_year() -> None:
    table = RecordingTable({})
    calendar = WorkingCalendar(tz=HCM, days_for_year=table)
    assert table.asked == []
    for hour in range(7, 18):
        calendar.appointment(days(5), at(2026, 6, 10, hour))
    assert table.asked == [2026]
    calendar.appointment(days(1), at(2026, 12, 31, 10))
    assert table.asked == [2026, 2027]


def test_invalidate_reads_the_edited_year_again() -> None:
    table = RecordingTable({})
    calendar = WorkingCalendar(tz=HCM, days_for_year=table)
    assert calendar.is_working_day(date(2026, 3, 10))
    table.rows[2026] = [CalendarDay(date(2026, 3, 10), "holiday", "Nghỉ đột xuất")]
    assert calendar.is_working_day(date(2026, 3, 10)), "cached until invalidated"
    calendar.invalidate(2026)
    assert calendar.day_off_reason(date(2026, 3, 10)) == "Nghỉ đột xuất"
    calendar.invalidate()
    assert table.asked == [2026, 2026]


@pytest.mark.parametrize(
    ("rows", "day", "working"),
    [
        pytest.param(
            [CalendarDay(date(2026, 3, 15), "working_saturday", "Làm bù")],
            date(2026, 3, 15),
            True,
            id="working_day_listed_on_a_sunday_works",
        ),
        pytest.param(
            [
                CalendarDay(date(2026, 3, 14), "holiday", "Nghỉ"),
                CalendarDay(date(2026, 3, 14), "working_saturday", "Làm bù"),
            ],
            date(2026, 3, 14),
            True,
            id="working_saturday_wins_over_a_day_off_on_the_same_date",
        ),
        pytest.param(
            [CalendarDay(date(2027, 3, 10), "holiday", "Năm khác")],
            date(2026, 3, 10),
            True,
            id="rows_of_another_year_are_ignored",
        ),
    ],
)
def test_table_edge_cases(rows: list[CalendarDay], day: date, working: bool) -> None:
    calendar = WorkingCalendar(tz=HCM, days_for_year=lambda year: rows if year == 2026 else [])
    assert calendar.is_working_day(day) is working


def test_calendar_day_rejects_unknown_kind() -> None:
    with pytest.raises(ValueError, match="Loại ngày không hợp lệ"):
        CalendarDay(date(2026, 3, 10), "bank_holiday", "Nghỉ")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# The official seed


@pytest.mark.parametrize(
    ("year", "day", "kind", "name"),
    [
        pytest.param(2026, date(2026, 11, 24), "holiday", "Ngày Văn hóa Việt Nam", id="culture_day_2026"),
        pytest.param(
            2026, date(2026, 4, 27), "compensatory", "Nghỉ bù Giỗ Tổ Hùng Vương", id="compensatory_2026"
        ),
        pytest.param(
            2026,
            date(2026, 8, 22),
            "working_saturday",
            "Làm bù cho ngày 31/08/2026",
            id="working_saturday_2026",
        ),
        pytest.param(
            2026,
            date(2026, 8, 31),
            "swapped_day_off",
            "Nghỉ (hoán đổi với thứ Bảy 22/08/2026)",
            id="swapped_2026",
        ),
        pytest.param(
            2025,
            date(2025, 4, 26),
            "working_saturday",
            "Làm bù cho ngày 02/05/2025",
            id="working_saturday_2025",
        ),
        # From the package: classification of its names.
        pytest.param(2027, date(2027, 2, 6), "holiday", "Tết Nguyên Đán", id="tet_2027"),
        pytest.param(
            2027, date(2027, 5, 3), "compensatory", "Ngày Quốc tế Lao động (nghỉ bù)", id="package_nghi_bu"
        ),
        pytest.param(
            2024,
            date(2024, 4, 29),
            "swapped_day_off",
            "Ngày nghỉ (thay cho ngày 04/05/2024)",
            id="package_swap_2024",
        ),
        pytest.param(
            2024,
            date(2024, 5, 4),
            "working_saturday",
            "Làm bù cho ngày 29/04/2024",
            id="package_working_saturday",
        ),
        pytest.param(
            2014,
            date(2014, 12, 27),
            "working_saturday",
            "Làm bù cho ngày 02/01/2015",
            id="swap_across_new_year",
        ),
        pytest.param(
            2035, date(2035, 11, 26), "compensatory", "Ngày Văn hóa Việt Nam (nghỉ bù)", id="far_year"
        ),
    ],
)
def test_official_days_contain(year: int, day: date, kind: str, name: str) -> None:
    assert CalendarDay(day, kind, name) in official_days(year)  # type: ignore[arg-type]


def test_shipped_list_is_authoritative_for_its_years() -> None:
    dates_2025 = {day.date for day in official_days(2025)}
    # The package adds "Mùng bốn Tết" on Saturday 01/02/2025; the notice gave five weekdays.
    assert date(2025, 2, 1) not in dates_2025
    assert len(official_days(2026)) == 15


@pytest.mark.parametrize("year", [1990, 2000, 2025, 2026, 2027, 2031, 2035, 2100])
def test_official_days_are_sorted_and_of_their_year(year: int) -> None:
    seed = official_days(year)
    assert seed
    assert [day.date for day in seed] == sorted(day.date for day in seed)
    assert all(day.date.year == year for day in seed)
    assert {day.date for day in seed} >= {
        date(year, 1, 1),
        date(year, 4, 30),
        date(year, 5, 1),
        date(year, 9, 2),
    }


def test_official_days_returns_a_fresh_list() -> None:
    official_days(2026).clear()
    assert len(official_days(2026)) == 15


@pytest.mark.parametrize("year", [1850, 2200])
def test_years_outside_the_package_have_only_weekends(year: int) -> None:
    assert official_days(year) == []
    calendar = WorkingCalendar(tz=HCM)
    assert calendar.is_working_day(date(year, 1, 1)) is (date(year, 1, 1).weekday() < 5)
