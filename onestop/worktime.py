"""Working time and the appointment (hẹn trả): when a dossier received now is due.

Implements domain.md §4. A procedure's legal time limit is *n working days*, *n working hours* or
*same day*; working time is the agency's office hours on working days, in the agency's time zone
(``Asia/Ho_Chi_Minh`` by default) whatever the machine's zone. Non-working days are weekends, public
holidays, compensatory days (nghỉ bù) and weekdays moved by the yearly swap (hoán đổi); Saturdays
the swap turns into working days (làm bù) are working days.

The calendar of special days is a table per year. :func:`official_days` is the seed of that table:
the shipped official list (``resources/data/calendar-vn.json``) for the years it covers, the
``holidays`` package (country ``VN``, Vietnamese lunar calendar) for any other year. The database
layer keeps the editable table and hands :class:`WorkingCalendar` a ``days_for_year`` function;
tests and tools use :func:`official_days` directly.

Pure Python: no Qt, no database. Every computation is in the calendar's time zone; naive datetimes
are refused because a wall-clock time without a zone cannot be placed on the agency's clock.
"""

from __future__ import annotations

import bisect
import calendar
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any, Literal, get_args
from zoneinfo import ZoneInfo

from onestop.res import load_json

__all__ = [
    "DAY_KINDS",
    "DEFAULT_OFFICE_HOURS",
    "TIME_UNITS",
    "WEEKDAY_NAMES",
    "Appointment",
    "CalendarDay",
    "DayKind",
    "OfficeHours",
    "SkippedDay",
    "TimeLimit",
    "TimeUnit",
    "WorkingCalendar",
    "official_days",
]

DayKind = Literal["holiday", "compensatory", "swapped_day_off", "working_saturday"]
DAY_KINDS: tuple[DayKind, ...] = get_args(DayKind)

TimeUnit = Literal["working_days", "working_hours", "same_day"]
TIME_UNITS: tuple[TimeUnit, ...] = get_args(TimeUnit)

#: Vietnamese weekday names, Monday first (``date.weekday()`` order); the reason shown for a day
#: that is off only because of its weekday.
WEEKDAY_NAMES: tuple[str, ...] = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

_US_PER_SECOND = 1_000_000
_US_PER_MINUTE = 60 * _US_PER_SECOND
_US_PER_HOUR = 60 * _US_PER_MINUTE

# A calendar in which no day works would make every search for the next working day loop forever;
# after this many consecutive years without a single working day the data is taken to be broken.
_MAX_EMPTY_YEARS = 10


# --------------------------------------------------------------------------------------------------
# The calendar table


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """One special day of the calendar table: a day off on a weekday, or a working Saturday."""

    date: date
    kind: DayKind
    name: str  # Vietnamese, shown to the applicant: "Ngày Văn hóa Việt Nam", "Nghỉ bù Giỗ Tổ Hùng Vương"

    def __post_init__(self) -> None:
        # The editable table is typed in by an administrator: catch a bad kind at the door.
        if self.kind not in DAY_KINDS:
            raise ValueError(f"Loại ngày không hợp lệ: {self.kind!r} (ngày {self.date:%d/%m/%Y}).")


def official_days(year: int) -> list[CalendarDay]:
    """The seed of the calendar table for ``year``, sorted by date.

    For a year listed in the shipped ``calendar-vn.json`` that list is authoritative for the whole
    year (it is read from the government's notices; the package may disagree, e.g. on a fifth day
    of Tết that the notice did not grant). Any other year comes from the ``holidays`` package.
    Works for any year; outside the package's range (1901-2100) only weekends are off.
    """
    return list(_official_days(year))


def is_official(year: int) -> bool:
    """Whether ``year`` comes from the official list shipped with the program (else the ``holidays``
    package computes it: provisional until the government's notice is in the list)."""
    return year in _shipped_calendar()


@cache
def _official_days(year: int) -> tuple[CalendarDay, ...]:
    # Cached: the demo generator and every WorkingCalendar built with the default seed ask for the
    # same few years, and the package takes about a millisecond per year.
    shipped = _shipped_calendar().get(year)
    if shipped is not None:
        return shipped
    return _package_days(year)


@cache
def _shipped_calendar() -> dict[int, tuple[CalendarDay, ...]]:
    document: Any = load_json("data", "calendar-vn.json")
    years: dict[int, tuple[CalendarDay, ...]] = {}
    for key, entry in document["years"].items():
        year = int(key)
        days = []
        for raw in entry["days"]:
            day = CalendarDay(date=date.fromisoformat(raw["date"]), kind=raw["kind"], name=str(raw["name"]))
            if day.date.year != year:
                raise ValueError(f"calendar-vn.json: {raw['date']} is listed under year {year}")
            days.append(day)
        years[year] = tuple(sorted(days, key=lambda d: d.date))
    return years


# The package names a swapped day off "Ngày nghỉ (thay cho ngày 26/04/2025)": the date in it is the
# working Saturday that pays for it.
_SUBSTITUTED = re.compile(r"^Ngày nghỉ \(thay cho ngày (\d{2})/(\d{2})/(\d{4})\)")


def _package_days(year: int) -> tuple[CalendarDay, ...]:
    # Imported here: a calendar fed from the database never needs the package, and it is slow to import.
    import holidays

    # The neighbouring years too: a swap can cross New Year (Sat 27/12/2014 paid for Fri 02/01/2015),
    # and the working Saturday is only named after the day off it pays for.
    vn = holidays.country_holidays("VN", years=[year - 1, year, year + 1], language="vi")
    days: list[CalendarDay] = []
    paid_for: dict[date, date] = {}  # working Saturday -> the weekday off it pays for
    for day, name in sorted(vn.items()):
        match = _SUBSTITUTED.match(name)
        if match is not None:
            saturday = date(int(match[3]), int(match[2]), int(match[1]))
            paid_for[saturday] = day
        if day.year != year:
            continue
        kind: DayKind
        if match is not None:
            kind = "swapped_day_off"
        elif "nghỉ bù" in name:  # "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)", also "(nghỉ bù, dự kiến)"
            kind = "compensatory"
        else:
            kind = "holiday"
        days.append(CalendarDay(date=day, kind=kind, name=name))
    # weekend_workdays only holds the years the instance has populated plus a few cross-year swaps,
    # so the Saturdays named in the swapped days' labels are added as well.
    saturdays = {d for d in vn.weekend_workdays if d.year == year} | {d for d in paid_for if d.year == year}
    for saturday in saturdays:
        off = paid_for.get(saturday)
        name = f"Làm bù cho ngày {off:%d/%m/%Y}" if off is not None else "Làm bù"
        days.append(CalendarDay(date=saturday, kind="working_saturday", name=name))
    return tuple(sorted(days, key=lambda d: d.date))


# --------------------------------------------------------------------------------------------------
# Office hours and time limits


_SESSION = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$")
_EXAMPLE = "07:30-11:30,13:00-17:00"


def _parse_clock(hours: str, minutes: str, piece: str) -> time:
    h, m = int(hours), int(minutes)
    if h > 23 or m > 59:
        raise ValueError(f'Giờ không hợp lệ trong "{piece}" (giờ từ 00 đến 23, phút từ 00 đến 59).')
    return time(h, m)


def _clock_text(t: time) -> str:
    return f"{t:%H:%M:%S}" if t.second or t.microsecond else f"{t:%H:%M}"


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """The agency's office hours: the same sessions (buổi) on every working day.

    Sessions are half-open ``[start, end)``: a receipt at 11:30 or 17:00 is outside them.
    ``weekdays`` are the working days of an ordinary week (Monday = 0); other days are off unless
    the calendar lists them as a working Saturday.
    """

    sessions: tuple[tuple[time, time], ...] = ((time(7, 30), time(11, 30)), (time(13, 0), time(17, 0)))
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})

    def __post_init__(self) -> None:
        if not self.sessions:
            raise ValueError(f"Chưa có buổi làm việc nào (ví dụ: {_EXAMPLE}).")
        previous_end: time | None = None
        for start, end in self.sessions:
            if start.tzinfo is not None or end.tzinfo is not None:
                raise ValueError("Giờ làm việc là giờ địa phương, không kèm múi giờ.")
            if start >= end:
                raise ValueError(
                    f"Buổi {_clock_text(start)}-{_clock_text(end)}: giờ bắt đầu phải trước giờ kết thúc."
                )
            if previous_end is not None and start < previous_end:
                raise ValueError(
                    "Các buổi làm việc phải theo thứ tự trong ngày và không chồng lên nhau "
                    f"(buổi bắt đầu {_clock_text(start)} trước khi buổi trước kết thúc {_clock_text(previous_end)})."
                )
            previous_end = end
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValueError(
                "Ngày làm việc trong tuần phải là các số từ 0 (Thứ Hai) đến 6 (Chủ nhật), ít nhất một ngày."
            )

    @property
    def hours_per_day(self) -> timedelta:
        """Working time in one working day (8 hours by default): the length of "one working day"."""
        total = timedelta()
        for start, end in self.sessions:
            total += datetime.combine(date.min, end) - datetime.combine(date.min, start)
        return total

    @property
    def closing(self) -> time:
        """End of the last session: a same-day dossier is due then."""
        return self.sessions[-1][1]

    @classmethod
    def parse(cls, text: str, *, weekdays: frozenset[int] | None = None) -> OfficeHours:
        """Office hours from the settings text ``"07:30-11:30,13:00-17:00"``.

        Raises ``ValueError`` with a Vietnamese message that the settings dialog can show as is.
        """
        pieces = [piece.strip() for piece in text.split(",")]
        if not any(pieces):
            raise ValueError(f"Chưa nhập giờ làm việc (ví dụ: {_EXAMPLE}).")
        sessions: list[tuple[time, time]] = []
        for piece in pieces:
            match = _SESSION.match(piece)
            if match is None:
                raise ValueError(f'Buổi làm việc "{piece}" không đúng dạng GG:PP-GG:PP (ví dụ: {_EXAMPLE}).')
            sessions.append(
                (_parse_clock(match[1], match[2], piece), _parse_clock(match[3], match[4], piece))
            )
        if weekdays is None:
            return cls(sessions=tuple(sessions))
        return cls(sessions=tuple(sessions), weekdays=weekdays)

    def format(self) -> str:
        """The settings text, the inverse of :meth:`parse`."""
        return ",".join(f"{_clock_text(start)}-{_clock_text(end)}" for start, end in self.sessions)


DEFAULT_OFFICE_HOURS = OfficeHours()


@dataclass(frozen=True, slots=True)
class TimeLimit:
    """A procedure's legal processing time (thời hạn giải quyết).

    ``cutoff`` applies to same-day procedures only: received after it (to the minute: 15:00 is on
    time, 15:01 is after), the dossier is due at the end of the next working day.
    """

    unit: TimeUnit
    value: int = 0
    cutoff: time | None = None

    def __post_init__(self) -> None:
        if self.unit not in TIME_UNITS:
            raise ValueError(f"Đơn vị thời hạn không hợp lệ: {self.unit!r}.")
        if self.unit != "same_day" and self.value < 1:
            raise ValueError(f"Thời hạn giải quyết phải từ 1 trở lên (đang là {self.value}).")
        if self.unit == "same_day" and self.value < 0:
            raise ValueError(f"Thời hạn giải quyết không được âm (đang là {self.value}).")
        if self.cutoff is not None and self.unit != "same_day":
            # Silently ignoring it would hide a catalogue error.
            raise ValueError("Giờ tiếp nhận tối đa (cut-off) chỉ áp dụng cho thủ tục giải quyết trong ngày.")

    def describe(self) -> str:
        """The text of line 3 of Mẫu 01: "03 ngày làm việc", "08 giờ làm việc", "trong ngày"."""
        if self.unit == "working_days":
            return f"{self.value:02d} ngày làm việc"
        if self.unit == "working_hours":
            return f"{self.value:02d} giờ làm việc"
        return "trong ngày"


@dataclass(frozen=True, slots=True)
class SkippedDay:
    """A non-working day passed over by an appointment, with the reason shown before saving."""

    date: date
    reason: str  # "Thứ Bảy", "Chủ nhật", or the calendar day's name

    def label(self) -> str:
        """``"24/11: Ngày Văn hóa Việt Nam"``."""
        return f"{self.date:%d/%m}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Appointment:
    """When a dossier received at ``received_at`` is due, and which days off were passed over.

    Both moments are aware and in the calendar's zone. ``skipped`` lists every non-working day from
    the receipt day (included when it is itself non-working) up to the due day, in order.
    """

    received_at: datetime
    due_at: datetime
    skipped: tuple[SkippedDay, ...]


# --------------------------------------------------------------------------------------------------
# The calendar


@dataclass(slots=True)
class _Year:
    """Working-day status of one year, precomputed so each question is a lookup or a bisect."""

    year: int
    first_ordinal: int  # date(year, 1, 1).toordinal()
    working: bytes  # working[doy] == 1 for a working day (doy counted from 0)
    prefix: list[int]  # prefix[doy] = working days in the year before day doy; len = days + 1
    workdays: list[int]  # doy of each working day, in order
    offdays: list[int]  # doy of each non-working day, in order
    skipped: list[SkippedDay]  # parallel to offdays


class WorkingCalendar:
    """Working days and working time of one agency: its zone, its office hours, its calendar table.

    ``days_for_year(year)`` is asked once per year, the first time that year is needed, and the
    answer is kept; call :meth:`invalidate` after the table is edited. Only days of the asked year
    are taken from its answer.
    """

    def __init__(
        self,
        *,
        tz: ZoneInfo,
        hours: OfficeHours = DEFAULT_OFFICE_HOURS,
        days_for_year: Callable[[int], Iterable[CalendarDay]] = official_days,
    ) -> None:
        self._tz = tz
        self._hours = hours
        self._days_for_year = days_for_year
        self._years: dict[int, _Year] = {}
        # Building a year calls out (to the database, in the application); a worker thread and the
        # GUI thread may both ask for it, and the table function should run once per year.
        self._lock = threading.Lock()
        # Sessions as microseconds since midnight, with the working time of the sessions before each.
        sessions: list[tuple[int, int, int]] = []
        done = 0
        for start, end in hours.sessions:
            s, e = _time_us(start), _time_us(end)
            sessions.append((s, e, done))
            done += e - s
        self._sessions = tuple(sessions)
        self._day_us = done
        self._closing = hours.closing

    @property
    def tz(self) -> ZoneInfo:
        """The agency's zone: every result is on this clock."""
        return self._tz

    @property
    def hours(self) -> OfficeHours:
        # Read-only: the session table below is derived from it once.
        return self._hours

    # -- days ---------------------------------------------------------------------------------------

    def invalidate(self, year: int | None = None) -> None:
        """Forget the cached status of ``year`` (or of all years) after the calendar table changed."""
        with self._lock:
            if year is None:
                self._years.clear()
            else:
                self._years.pop(year, None)

    def is_working_day(self, d: date) -> bool:
        y = self._year(d.year)
        return y.working[d.toordinal() - y.first_ordinal] == 1

    def day_off_reason(self, d: date) -> str | None:
        """Why ``d`` is not a working day ("Chủ nhật", "Ngày Văn hóa Việt Nam"); None if it is one."""
        y = self._year(d.year)
        doy = d.toordinal() - y.first_ordinal
        if y.working[doy]:
            return None
        return y.skipped[bisect.bisect_left(y.offdays, doy)].reason

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        y = self._year(d.year)
        index = y.prefix[d.toordinal() - y.first_ordinal + 1]
        y, index = self._walk(y, index)
        return date.fromordinal(y.first_ordinal + y.workdays[index])

    def non_working_days(self, first: date, end: date) -> tuple[SkippedDay, ...]:
        """Non-working days ``first <= d < end`` with their reasons, in order."""
        return self._skipped(first.toordinal(), end.toordinal())

    # -- working time -------------------------------------------------------------------------------

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The moment ``amount`` of working time after ``start``, in the calendar's zone.

        Started outside office hours, counting begins at the next session start. The result is the
        earliest moment at which that much working time has elapsed, so a result that lands on a
        session end stays there (11:30, 17:00) instead of moving to the next session's start.
        A zero amount returns ``start`` itself.
        """
        local = self._local(start, "start")
        amount_us = _timedelta_us(amount)
        if amount_us < 0:
            raise ValueError(f"amount must not be negative, got {amount}")
        return self._add(local, amount_us)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time elapsed from ``start`` to ``end``; negative when ``end`` is before ``start``.

        The inverse of :meth:`add_working_time`: ``working_time_between(s, add_working_time(s, x))
        == x``. Used to pause the clock while a dossier waits for a supplement and to tell how much
        working time is left before the due moment.
        """
        year_a, position_a = self._position(self._local(start, "start"))
        year_b, position_b = self._position(self._local(end, "end"))
        sign = 1
        if year_a > year_b:
            year_a, position_a, year_b, position_b = year_b, position_b, year_a, position_a
            sign = -1
        # Positions count from 1 January of their own year: add the working days of the years between.
        for year in range(year_a, year_b):
            position_b += len(self._year(year).workdays) * self._day_us
        return timedelta(microseconds=sign * (position_b - position_a))

    def appointment(self, limit: TimeLimit, received_at: datetime) -> Appointment:
        """The due moment (hẹn trả) of a dossier received at ``received_at`` under ``limit``."""
        local = self._local(received_at, "received_at")
        if limit.unit == "same_day":
            due = self._at(self._same_day_due_ordinal(local, limit.cutoff), self._closing)
        elif limit.unit == "working_days":
            due = self._add(local, limit.value * self._day_us)
        else:
            due = self._add(local, limit.value * _US_PER_HOUR)
        skipped = self._skipped(local.toordinal(), due.toordinal())
        return Appointment(received_at=local, due_at=due, skipped=skipped)

    # -- internals ----------------------------------------------------------------------------------

    def _local(self, moment: datetime, what: str) -> datetime:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"{what} must be an aware datetime, got naive {moment.isoformat()}")
        return moment.astimezone(self._tz)

    def _add(self, local: datetime, amount_us: int) -> datetime:
        """``add_working_time`` on a moment already in the zone, with the amount in µs."""
        if amount_us == 0:
            return local
        year, position = self._position(local)
        index, rest = divmod(position + amount_us, self._day_us)
        if rest == 0:
            # Exactly a whole number of days: the end of the previous working day, not the start
            # of the next one (domain.md: a due moment on the end of a buổi stays there).
            index -= 1
            rest = self._day_us
        y, index = self._walk(self._year(year), index)
        return self._at(y.first_ordinal + y.workdays[index], self._time_of_day(rest))

    def _same_day_due_ordinal(self, local: datetime, cutoff: time | None) -> int:
        day = local.date()
        clock = local.time()
        on_time = clock < self._closing
        # "To the minute": 15:00:59 is still 15:00, so compare hours and minutes only.
        if on_time and cutoff is not None:
            on_time = clock.replace(second=0, microsecond=0) <= cutoff
        if on_time and self.is_working_day(day):
            return day.toordinal()
        return self.next_working_day(day).toordinal()

    def _position(self, local: datetime) -> tuple[int, int]:
        """Working time (µs) from 1 January of ``local``'s year up to ``local``, with that year.

        Outside office hours or on a day off the position does not move: it is the same as at the
        end of the last session worked, which is what makes counting start at the next session.
        """
        y = self._year(local.year)
        doy = local.toordinal() - y.first_ordinal
        position = y.prefix[doy] * self._day_us
        if y.working[doy]:
            clock = (
                local.hour * _US_PER_HOUR
                + local.minute * _US_PER_MINUTE
                + local.second * _US_PER_SECOND
                + local.microsecond
            )
            for start, end, _ in self._sessions:
                if clock <= start:
                    break
                position += (clock if clock < end else end) - start
        return y.year, position

    def _time_of_day(self, rest: int) -> time:
        """The earliest clock time at which ``rest`` µs (0 < rest <= a day) of the day have been worked."""
        for start, end, done in self._sessions:
            if rest <= done + (end - start):
                clock = start + rest - done
                hours, clock = divmod(clock, _US_PER_HOUR)
                minutes, clock = divmod(clock, _US_PER_MINUTE)
                seconds, micro = divmod(clock, _US_PER_SECOND)
                return time(hours, minutes, seconds, micro)
        raise AssertionError(f"{rest} µs is more than a working day")  # pragma: no cover

    def _walk(self, y: _Year, index: int) -> tuple[_Year, int]:
        """The year and in-year index of the ``index``-th working day counted from ``y``'s 1 January."""
        empty = 0
        while index >= len(y.workdays):
            index -= len(y.workdays)
            empty = empty + 1 if not y.workdays else 0
            if empty > _MAX_EMPTY_YEARS:
                raise ValueError(
                    f"Không có ngày làm việc nào trong {_MAX_EMPTY_YEARS} năm liền đến năm {y.year}."
                )
            y = self._year(y.year + 1)
        return y, index

    def _at(self, ordinal: int, clock: time) -> datetime:
        d = date.fromordinal(ordinal)
        return datetime.combine(d, clock, tzinfo=self._tz)

    def _skipped(self, first_ordinal: int, end_ordinal: int) -> tuple[SkippedDay, ...]:
        if end_ordinal <= first_ordinal:
            return ()
        first_year = date.fromordinal(first_ordinal).year
        last_year = date.fromordinal(end_ordinal - 1).year
        found: list[SkippedDay] = []
        for year in range(first_year, last_year + 1):
            y = self._year(year)
            lo = bisect.bisect_left(y.offdays, first_ordinal - y.first_ordinal)
            hi = bisect.bisect_left(y.offdays, end_ordinal - y.first_ordinal)
            found.extend(y.skipped[lo:hi])
        return tuple(found)

    def _year(self, year: int) -> _Year:
        y = self._years.get(year)
        if y is None:
            with self._lock:
                y = self._years.get(year)
                if y is None:
                    y = self._build_year(year)
                    self._years[year] = y
        return y

    def _build_year(self, year: int) -> _Year:
        off: dict[date, str] = {}
        working_saturdays: set[date] = set()
        for day in self._days_for_year(year):
            if day.date.year != year:
                # A table row filed under the wrong year would otherwise shadow (or be shadowed by)
                # the row of the year it belongs to, depending on which year was asked first.
                continue
            if day.kind == "working_saturday":
                working_saturdays.add(day.date)
            else:
                # Two rows on one date: the first one's name is shown.
                off.setdefault(day.date, day.name)
        first = date(year, 1, 1)
        first_ordinal = first.toordinal()
        first_weekday = first.weekday()
        length = 366 if calendar.isleap(year) else 365
        working = bytearray(length)
        prefix = [0] * (length + 1)
        workdays: list[int] = []
        offdays: list[int] = []
        skipped: list[SkippedDay] = []
        weekdays = self._hours.weekdays
        count = 0
        for doy in range(length):
            d = date.fromordinal(first_ordinal + doy)
            weekday = (first_weekday + doy) % 7
            # domain.md §4: a working Saturday (làm bù) works whatever else is said of the date;
            # otherwise a listed day off or a weekday outside the office week is off.
            if d in working_saturdays or (weekday in weekdays and d not in off):
                working[doy] = 1
                workdays.append(doy)
                count += 1
            else:
                offdays.append(doy)
                # The calendar's name says more than the weekday: "Tết Nguyên Đán", not "Thứ Bảy".
                skipped.append(SkippedDay(date=d, reason=off.get(d, WEEKDAY_NAMES[weekday])))
            prefix[doy + 1] = count
        return _Year(
            year=year,
            first_ordinal=first_ordinal,
            working=bytes(working),
            prefix=prefix,
            workdays=workdays,
            offdays=offdays,
            skipped=skipped,
        )


def _time_us(t: time) -> int:
    return t.hour * _US_PER_HOUR + t.minute * _US_PER_MINUTE + t.second * _US_PER_SECOND + t.microsecond


def _timedelta_us(amount: timedelta) -> int:
    return (amount.days * 86_400 + amount.seconds) * _US_PER_SECOND + amount.microseconds
