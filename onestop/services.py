"""The services of the counter: everything the GUI and the command line do goes through here.

``Onestop`` is built once in ``main()`` from a database and a clock and handed to whoever needs it.
It raises ``UserError`` subclasses (Vietnamese messages naming the field) and never shows anything.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
import time as _time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from onestop import validation as v
from onestop.chain import EVENT_FIELDS, GENESIS, RATING_FIELDS, row_hash
from onestop.clock import Clock, SystemClock
from onestop.db import models as m
from onestop.db.engine import Database
from onestop.db.store import (
    Raw,
    append_events,
    append_rating,
    fts_indexed_upto,
    index_pending,
    insert_ignore,
    next_value,
    reindex_one,
)
from onestop.errors import NotFoundError, PermissionDenied, StorageError, UserError, ValidationError
from onestop.forms.model import FormHeader, ReceiptData, ReceiptDocument
from onestop.passwords import check_password, hash_password
from onestop.ratings import EVENTS as RATING_EVENTS
from onestop.ratings import REASONS as RATING_REASONS
from onestop.ratings import Scale
from onestop.ratings import scale as rating_scale
from onestop.settings import Settings, coerce
from onestop.textfold import fold, nfc, search_key, tokens
from onestop.worktime import Appointment, CalendarDay, OfficeHours, TimeLimit, WorkingCalendar, official_days

ROLES = {
    "tiep_nhan": "Cán bộ tiếp nhận",
    "xu_ly": "Cán bộ xử lý",
    "lanh_dao": "Lãnh đạo",
    "quan_tri": "Quản trị",
}

STATUSES = {
    "received": "Đã tiếp nhận",
    "processing": "Đang xử lý",
    "waiting_supplement": "Chờ bổ sung",
    "result_ready": "Có kết quả",
    "returned": "Đã trả kết quả",
    "refused": "Từ chối",
    "stopped": "Dừng giải quyết",
    "withdrawn": "Rút hồ sơ",
}
OPEN_STATUSES = ("received", "processing", "waiting_supplement", "result_ready")

CHANNELS = {
    "counter": "Tại Bộ phận Một cửa",
    "post": "Qua dịch vụ bưu chính công ích",
    "online": "Trực tuyến",
}
RESULT_CHANNELS = {
    "counter": "Tại Bộ phận Một cửa",
    "post": "Qua dịch vụ bưu chính công ích",
    "online": "Trực tuyến (nhận kết quả điện tử)",
}
DOCUMENT_FORMS = ("bản chính", "bản sao", "bản sao có chứng thực", "bản chụp", "xuất trình")


# --------------------------------------------------------------------------- value objects


@dataclass(frozen=True)
class Actor:
    id: int
    username: str
    full_name: str
    role: str
    unit_id: int | None = None
    all_units: bool = False

    @property
    def role_label(self) -> str:
        return ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class DocumentSpec:
    name: str
    form: str
    count: int
    required: bool = False


@dataclass(frozen=True)
class ProcedureInfo:
    id: int
    code: str
    version: int
    name: str
    field: str
    competent_unit: str
    default_unit_id: int | None
    limit: TimeLimit
    fee_text: str
    fee_amount: int | None
    legal_basis: str
    documents: tuple[DocumentSpec, ...]


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    email: str = ""


@dataclass(frozen=True)
class SubmittedDocument:
    name: str
    form: str
    count: int = 1


@dataclass(frozen=True)
class ReceiveRequest:
    procedure_code: str
    applicant: Applicant
    documents: Sequence[SubmittedDocument] | None = None  # None: the procedure's required documents
    sets: int = 1
    channel: str = "counter"
    result_channel: str | None = None  # None: as submitted
    fee_text: str | None = None  # None: the procedure's fee


@dataclass(frozen=True)
class EventView:
    action: str
    at: datetime
    user: str
    user_name: str
    note: str
    from_unit: str | None = None
    to_unit: str | None = None


@dataclass(frozen=True)
class DossierView:
    id: int
    code: str
    status: str
    procedure_code: str
    procedure_name: str
    procedure_version: int
    applicant: Applicant
    received_at: datetime
    due_at: datetime
    extended_due_at: datetime | None
    received_by: str
    received_by_name: str
    sets: int
    channel: str
    result_channel: str
    fee_text: str
    register_volume: str
    register_number: int
    receipt_version: int
    current_unit: str | None
    documents: tuple[SubmittedDocument, ...] = ()
    events: tuple[EventView, ...] = ()
    ratings: tuple[dict[str, Any], ...] = ()

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class DossierRow:
    """One line of a list: what a table shows, nothing more."""

    id: int
    code: str
    status: str
    procedure_code: str
    applicant_name: str
    id_number: str
    phone: str
    received_at: datetime
    due_at: datetime
    received_by: str


@dataclass(frozen=True)
class DossierFilter:
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None
    search: str = ""
    limit: int = 100
    before: tuple[datetime, int] | None = None  # keyset paging: rows after this (received_at, id)


@dataclass(frozen=True)
class RatingPrompt:
    """What the kiosk shows: the service being rated, never any personal data of the citizen."""

    request_id: int
    code: str
    event: str
    event_label: str
    clerk_name: str
    procedure_name: str
    scale: Scale


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    checked_events: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


# --------------------------------------------------------------------------- the service

# The receive path's statements (run through the driver: see onestop.db.store.Raw).
_INSERT_DOSSIER = (
    "INSERT INTO dossiers (code, procedure_id, unit_identifier, status, applicant_name, id_number, phone, address,"
    " email, search_key, sets, channel, result_channel, fee_text, fee_amount, received_at, due_at, received_by,"
    " register_volume, register_number, receipt_version, snapshot_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_INSERT_DOCUMENT = (
    "INSERT INTO dossier_documents (dossier_id, position, name, form, count) VALUES (?, ?, ?, ?, ?)"
)


class Onestop:
    """The counter's services over one database, with an injected clock."""

    SETTINGS_TTL = 30.0  # seconds a counter may work with settings another counter just changed

    def __init__(self, *, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self._settings: Settings | None = None
        self._settings_loaded = 0.0
        self._calendar: WorkingCalendar | None = None
        self._procedures: dict[str, ProcedureInfo] = {}
        self._snapshots: dict[str, int] = {}
        self._fts_upto = 0

    # ---- settings

    def settings(self) -> Settings:
        if self._settings is None or _time.monotonic() - self._settings_loaded > self.SETTINGS_TTL:
            with self.db.read() as conn:
                stored = {
                    k: json.loads(val) for k, val in conn.execute(select(m.Setting.key, m.Setting.value))
                }
            fresh = Settings(stored)
            if self._settings is None or fresh.as_dict() != self._settings.as_dict():
                self._calendar = None
            self._settings = fresh
            self._settings_loaded = _time.monotonic()
        return self._settings

    def set_settings(self, values: dict[str, Any], *, actor: Actor | None = None) -> None:
        self.require(actor, "admin")
        clean = {key: coerce(key, value) for key, value in values.items()}

        def work(conn: Connection) -> None:
            for key, value in clean.items():
                payload = json.dumps(value, ensure_ascii=False)
                if (
                    conn.execute(update(m.Setting).where(m.Setting.key == key).values(value=payload)).rowcount
                    == 0
                ):
                    conn.execute(insert(m.Setting).values(key=key, value=payload))

        self.db.write(work)
        self._settings = None
        self._calendar = None

    @property
    def tz(self):  # type: ignore[no-untyped-def]
        return self.settings().tz

    def now(self) -> datetime:
        return self.clock.now().astimezone(self.tz)

    # ---- working calendar

    def calendar(self) -> WorkingCalendar:
        settings = self.settings()
        if self._calendar is None:
            self._calendar = WorkingCalendar(
                tz=settings.tz,
                hours=OfficeHours.parse(settings["agency.office_hours"]),
                days_for_year=self.calendar_days,
            )
        return self._calendar

    def calendar_days(self, year: int) -> list[CalendarDay]:
        """The editable table of one year; a year never seen is seeded from the official sources."""
        with self.db.read() as conn:
            seeded = conn.execute(select(m.CalendarYear.year).where(m.CalendarYear.year == year)).first()
            if seeded:
                return [
                    CalendarDay(date=r.day, kind=r.kind, name=r.name)  # type: ignore[arg-type]  # checked on write
                    for r in ent(conn)
                    .execute(
                        select(m.CalendarDay).where(m.CalendarDay.year == year).order_by(m.CalendarDay.day)
                    )
                    .scalars()
                ]
        self.seed_calendar_year(year)
        return self.calendar_days(year)

    def seed_calendar_year(self, year: int, *, replace: bool = False) -> int:
        days = official_days(year)
        now = self.clock.now()

        def work(conn: Connection) -> int:
            if replace:
                conn.execute(delete(m.CalendarDay).where(m.CalendarDay.year == year))
                conn.execute(delete(m.CalendarYear).where(m.CalendarYear.year == year))
            elif conn.execute(select(m.CalendarYear.year).where(m.CalendarYear.year == year)).first():
                return 0
            insert_ignore(
                conn,
                m.CalendarDay.__table__,  # type: ignore[arg-type]
                [{"day": d.date, "year": year, "kind": d.kind, "name": d.name} for d in days],
            )
            insert_ignore(conn, m.CalendarYear.__table__, [{"year": year, "seeded_at": now}])  # type: ignore[arg-type]
            return len(days)

        count = self.db.write(work)
        self._calendar = None
        return count

    def set_calendar_day(self, day: date, kind: str, name: str, *, actor: Actor | None = None) -> None:
        self.require(actor, "admin")
        if kind not in ("holiday", "compensatory", "swapped_day_off", "working_saturday"):
            raise ValidationError("Loại ngày: không hợp lệ.", field="kind")
        name = v.clean_text(name, label="Tên ngày", field="name", max_len=255, required=True)
        self.calendar_days(day.year)  # seed the year first so the edit is not lost to a later seed

        def work(conn: Connection) -> None:
            conn.execute(delete(m.CalendarDay).where(m.CalendarDay.day == day))
            conn.execute(insert(m.CalendarDay).values(day=day, year=day.year, kind=kind, name=name))

        self.db.write(work)
        self._calendar = None

    def remove_calendar_day(self, day: date, *, actor: Actor | None = None) -> None:
        self.require(actor, "admin")
        self.calendar_days(day.year)
        self.db.write(lambda conn: conn.execute(delete(m.CalendarDay).where(m.CalendarDay.day == day)))
        self._calendar = None

    # ---- staff

    def actor(self, username: str | None = None) -> Actor:
        """The acting account: by name, or the first administrator. Unknown or disabled: UserError."""
        with self.db.read() as conn:
            if username:
                row = ent(conn).execute(select(m.Staff).where(m.Staff.username == username.strip())).first()
                if row is None:
                    raise UserError(f"Người dùng: không có tài khoản «{username}». (unknown user)")
            else:
                row = (
                    ent(conn)
                    .execute(
                        select(m.Staff)
                        .where(m.Staff.role == "quan_tri", m.Staff.disabled.is_(False))
                        .order_by(m.Staff.id)
                    )
                    .first()
                )
                if row is None:
                    raise UserError(
                        "Người dùng: chưa có tài khoản quản trị; hãy chạy «onestop init». (no administrator)"
                    )
        staff = row[0]
        if staff.disabled:
            raise PermissionDenied(f"Người dùng: tài khoản «{staff.username}» đã bị khóa. (disabled user)")
        return _actor(staff)

    def authenticate(self, username: str, password: str) -> Actor:
        with self.db.read() as conn:
            row = ent(conn).execute(select(m.Staff).where(m.Staff.username == username.strip())).first()
        # One message for every failure: it must not tell which part was wrong.
        if row is None or not check_password(password, row[0].password_hash):
            raise PermissionDenied("Tên đăng nhập hoặc mật khẩu không đúng.")
        if row[0].disabled:
            raise PermissionDenied("Tài khoản này đã bị khóa; liên hệ quản trị.")
        return _actor(row[0])

    def create_staff(
        self,
        *,
        username: str,
        full_name: str,
        password: str,
        role: str,
        unit_id: int | None = None,
        all_units: bool = False,
        exist_ok: bool = False,
        actor: Actor | None = None,
    ) -> Actor:
        self.require(actor, "admin")
        if len(password) < 4:
            raise ValidationError("Mật khẩu: ít nhất 4 ký tự.", field="password")
        if role not in ROLES:
            raise ValidationError("Vai trò: không hợp lệ.", field="role")
        username = username.strip()
        if not username or not username.isascii() or not username.replace("_", "").replace(".", "").isalnum():
            raise ValidationError(
                "Tên đăng nhập: chỉ gồm chữ không dấu, chữ số, dấu _ và dấu chấm.", field="username"
            )
        full_name = v.clean_name(full_name, label="Họ và tên cán bộ", field="full_name")
        pw_hash = hash_password(password)
        now = self.clock.now()

        def work(conn: Connection) -> m.Staff:
            existing = ent(conn).execute(select(m.Staff).where(m.Staff.username == username)).first()
            if existing:
                if exist_ok:
                    return existing[0]
                raise ValidationError(f"Tên đăng nhập: «{username}» đã có.", field="username")
            conn.execute(
                insert(m.Staff).values(
                    username=username,
                    full_name=full_name,
                    password_hash=pw_hash,
                    role=role,
                    unit_id=unit_id,
                    all_units=all_units,
                    disabled=False,
                    created_at=now,
                )
            )
            return ent(conn).execute(select(m.Staff).where(m.Staff.username == username)).one()[0]

        return _actor(self.db.write(work))

    def set_staff_disabled(self, username: str, disabled: bool, *, actor: Actor | None = None) -> None:
        self.require(actor, "admin")
        if disabled and actor is not None and actor.username == username:
            raise ValidationError("Không thể tự khóa tài khoản đang đăng nhập.", field="username")

        def work(conn: Connection) -> None:
            if disabled:
                _keep_an_administrator(conn, username)
            if (
                conn.execute(
                    update(m.Staff).where(m.Staff.username == username).values(disabled=disabled)
                ).rowcount
                == 0
            ):
                raise NotFoundError(f"Người dùng: không có tài khoản «{username}».")

        self.db.write(work)

    def staff_count(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(m.Staff)).scalar_one())

    def list_staff(self) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            rows = conn.execute(
                select(
                    m.Staff.id,
                    m.Staff.username,
                    m.Staff.full_name,
                    m.Staff.role,
                    m.Staff.disabled,
                    m.Staff.all_units,
                    m.Unit.name.label("unit"),
                )
                .outerjoin(m.Unit, m.Unit.id == m.Staff.unit_id)
                .order_by(m.Staff.username)
            ).all()
        return [dict(r._mapping) | {"role_label": ROLES.get(r.role, r.role)} for r in rows]

    def set_password(self, username: str, password: str, *, actor: Actor | None = None) -> None:
        if actor is not None and actor.username != username:
            self.require(actor, "admin")  # anyone may change their own password
        if len(password) < 4:
            raise ValidationError("Mật khẩu: ít nhất 4 ký tự.", field="password")
        pw_hash = hash_password(password)

        def work(conn: Connection) -> None:
            done = conn.execute(
                update(m.Staff).where(m.Staff.username == username).values(password_hash=pw_hash)
            )
            if done.rowcount == 0:
                raise NotFoundError(f"Người dùng: không có tài khoản «{username}».")

        self.db.write(work)

    def set_role(self, username: str, role: str, *, actor: Actor | None = None) -> None:
        self.require(actor, "admin")
        if role not in ROLES:
            raise ValidationError("Vai trò: không hợp lệ.", field="role")
        if actor is not None and actor.username == username and role != actor.role:
            raise ValidationError("Không thể tự đổi vai trò của tài khoản đang đăng nhập.", field="role")

        def work(conn: Connection) -> None:
            if role != "quan_tri":
                _keep_an_administrator(conn, username)
            if (
                conn.execute(update(m.Staff).where(m.Staff.username == username).values(role=role)).rowcount
                == 0
            ):
                raise NotFoundError(f"Người dùng: không có tài khoản «{username}».")

        self.db.write(work)

    def units(self) -> list[dict[str, Any]]:
        with self.db.read() as conn:
            return [
                dict(r._mapping)
                for r in conn.execute(
                    select(
                        m.Unit.id, m.Unit.code, m.Unit.name, m.Unit.kind, m.Unit.valid_from, m.Unit.valid_to
                    ).order_by(m.Unit.kind.desc(), m.Unit.name)
                )
            ]

    def procedure_usage(self, actor: Actor, *, days: int = 90) -> dict[str, int]:
        """How often this clerk received each procedure lately (the picker lists those first)."""
        since = self.now() - timedelta(days=days)
        with self.db.read() as conn:
            rows = conn.execute(
                select(m.Procedure.code, func.count())
                .join(m.Dossier, m.Dossier.procedure_id == m.Procedure.id)
                .where(m.Dossier.received_at >= since, m.Dossier.received_by == actor.id)
                .group_by(m.Procedure.code)
            ).all()
        return {code: int(n) for code, n in rows}

    def last_applicant(self, id_number: str) -> Applicant | None:
        """The applicant as recorded on the newest dossier with this id number (to offer a fill-in)."""
        try:
            clean = v.clean_id_number(id_number, required=True)
        except ValidationError:
            return None
        rows = self.list_dossiers(DossierFilter(search=clean, limit=20))
        for row in rows:
            if row.id_number == clean:
                d = self.dossier(row.code)
                return d.applicant
        return None

    def update_procedure(
        self,
        code: str,
        *,
        time_unit: str,
        time_value: int,
        cutoff: str | None,
        documents: Sequence[DocumentSpec],
        fee_text: str | None = None,
        actor: Actor | None = None,
    ) -> ProcedureInfo:
        """Edit a procedure's time limit and documents: a new version; dossiers keep theirs."""
        self.require(actor, "admin")
        current = self.procedure(code)
        item = {
            "code": current.code,
            "name": current.name,
            "field": current.field,
            "competent_unit": current.competent_unit,
            "time_limit": {"unit": time_unit, "value": time_value, "cutoff": cutoff or None},
            "fee": {
                "text": current.fee_text if fee_text is None else fee_text,
                "amount_vnd": current.fee_amount,
            },
            "legal_basis": current.legal_basis,
            "documents": [
                {"name": d.name, "form": d.form, "count": d.count, "required": d.required} for d in documents
            ],
        }
        try:
            TimeLimit(time_unit, time_value, _parse_hhmm(cutoff) if cutoff else None)  # type: ignore[arg-type]
        except (ValueError, TypeError) as exc:
            raise ValidationError(f"Thời hạn giải quyết: {exc}", field="time_limit") from None
        unit_for = {current.code: current.default_unit_id} if current.default_unit_id else None
        self.import_catalog({"procedures": [item]}, unit_for=unit_for)
        return self.procedure(code)

    def require(self, actor: Actor | None, action: str) -> None:
        """Refuse ``action`` to ``actor`` unless the permissions setting allows it. ``None`` is the
        system itself (``init``, ``demo``). "*" is every step of a dossier, not administration:
        settings, accounts and the catalogue stay with the administrator unless listed as "admin"."""
        if actor is None:
            return
        allowed = self.settings()["permissions"].get(actor.role, [])
        if action == "admin":
            ok = actor.role == "quan_tri" or "admin" in allowed
        else:
            ok = "*" in allowed or action in allowed
        if not ok:
            raise PermissionDenied(
                f"Người dùng «{actor.username}» ({actor.role_label}) không có quyền thực hiện thao tác này ({action})."
            )

    # ---- units

    def add_unit(
        self, *, code: str, name: str, kind: str = "competent", valid_from: date | None = None
    ) -> int:
        name = v.clean_text(name, label="Tên đơn vị", field="name", max_len=255, required=True)
        start = valid_from or self.now().date()

        def work(conn: Connection) -> int:
            row = conn.execute(select(m.Unit.id).where(m.Unit.code == code)).first()
            if row:
                return int(row[0])
            key = conn.execute(
                insert(m.Unit).values(
                    code=code,
                    name=name,
                    search_key=search_key(name, code),
                    kind=kind,
                    valid_from=start,
                    valid_to=None,
                )
            ).inserted_primary_key
            assert key is not None
            return int(key[0])

        return self.db.write(work)

    def find_unit(self, conn: Connection, text_: str) -> m.Unit:
        """A unit by code or by name, case- and accent-insensitive, among the units valid today."""
        key = " ".join(tokens(text_))
        rows = [r[0] for r in ent(conn).execute(select(m.Unit))]
        for unit in rows:
            if unit.code.lower() == text_.strip().lower() or unit.search_key == key:
                return unit
        matches = [u for u in rows if key and key in u.search_key]
        if len(matches) == 1:
            return matches[0]
        raise NotFoundError(f"Đơn vị: không tìm thấy «{text_}».")

    # ---- procedures

    def import_catalog(
        self, data: dict[str, Any], *, unit_for: dict[str, int] | None = None, actor: Actor | None = None
    ) -> int:
        """Import a catalogue (format of data/procedures.json). A changed procedure gets a new version,
        which keeps the default unit of the version before it unless ``unit_for`` names another."""
        self.require(actor, "admin")
        parsed = parse_catalog(data)
        now = self.clock.now()
        unit_for = unit_for or {}

        def work(conn: Connection) -> int:
            changed = 0
            for proc, docs in parsed:
                proc = dict(proc)
                proc["default_unit_id"] = unit_for.get(proc["code"], unit_for.get(proc["competent_unit"]))
                current = (
                    ent(conn)
                    .execute(
                        select(m.Procedure).where(
                            m.Procedure.code == proc["code"], m.Procedure.is_current.is_(True)
                        )
                    )
                    .first()
                )
                if current is not None:
                    cur = current[0]
                    if proc["default_unit_id"] is None:
                        proc["default_unit_id"] = cur.default_unit_id
                    cur_docs = [
                        (d.name, d.form, d.count, d.required)
                        for d in ent(conn)
                        .execute(
                            select(m.ProcedureDocument)
                            .where(m.ProcedureDocument.procedure_id == cur.id)
                            .order_by(m.ProcedureDocument.position)
                        )
                        .scalars()
                    ]
                    same = all(
                        getattr(cur, k) == proc[k] for k in proc if k != "default_unit_id"
                    ) and cur_docs == [(d["name"], d["form"], d["count"], d["required"]) for d in docs]
                    if same:
                        if proc["default_unit_id"] and cur.default_unit_id != proc["default_unit_id"]:
                            conn.execute(
                                update(m.Procedure)
                                .where(m.Procedure.id == cur.id)
                                .values(default_unit_id=proc["default_unit_id"])
                            )
                        continue
                    conn.execute(update(m.Procedure).where(m.Procedure.id == cur.id).values(is_current=False))
                    version = cur.version + 1
                else:
                    version = 1
                key = conn.execute(
                    insert(m.Procedure).values(**proc, version=version, is_current=True, created_at=now)
                ).inserted_primary_key
                assert key is not None
                pid = key[0]
                conn.execute(
                    insert(m.ProcedureDocument),
                    [dict(d, procedure_id=pid, position=i) for i, d in enumerate(docs)],
                )
                changed += 1
            return changed

        count = self.db.write(work)
        self._procedures.clear()
        return count

    def procedure(self, code: str) -> ProcedureInfo:
        """The current version of a procedure by its code."""
        code = (code or "").strip()
        cached = self._procedures.get(code)
        if cached is not None:
            return cached
        with self.db.read() as conn:
            row = (
                ent(conn)
                .execute(
                    select(m.Procedure).where(m.Procedure.code == code, m.Procedure.is_current.is_(True))
                )
                .first()
            )
            if row is None:
                raise NotFoundError(f"Thủ tục: không có thủ tục mã «{code}» trong danh mục.")
            info = self._procedure_info(conn, row[0])
        self._procedures[code] = info
        return info

    def procedures(self) -> list[ProcedureInfo]:
        with self.db.read() as conn:
            rows = (
                ent(conn)
                .execute(
                    select(m.Procedure)
                    .where(m.Procedure.is_current.is_(True))
                    .order_by(m.Procedure.field, m.Procedure.code)
                )
                .scalars()
                .all()
            )
            return [self._procedure_info(conn, p) for p in rows]

    def _procedure_info(self, conn: Connection, p: m.Procedure) -> ProcedureInfo:
        docs = (
            ent(conn)
            .execute(
                select(m.ProcedureDocument)
                .where(m.ProcedureDocument.procedure_id == p.id)
                .order_by(m.ProcedureDocument.position)
            )
            .scalars()
        )
        return ProcedureInfo(
            id=p.id,
            code=p.code,
            version=p.version,
            name=p.name,
            field=p.field,
            competent_unit=p.competent_unit,
            default_unit_id=p.default_unit_id,
            limit=TimeLimit(p.time_unit, p.time_value, _parse_hhmm(p.cutoff) if p.cutoff else None),  # type: ignore[arg-type]
            fee_text=p.fee_text,
            fee_amount=p.fee_amount,
            legal_basis=p.legal_basis,
            documents=tuple(DocumentSpec(d.name, d.form, d.count, d.required) for d in docs),
        )

    # ---- dossiers

    def preview_due(self, procedure_code: str, at: datetime | None = None) -> Appointment:
        """The appointment a dossier would get if received at ``at`` (default now): nothing is saved."""
        proc = self.procedure(procedure_code)
        when = at or self.now()
        return self.calendar().appointment(proc.limit, when.replace(microsecond=0))

    def receive(self, request: ReceiveRequest, *, actor: Actor) -> DossierView:
        """Receive one complete dossier: validate, allocate the code, compute the appointment, store."""
        self.require(actor, "receive")
        proc = self.procedure(request.procedure_code)
        a = request.applicant
        applicant = Applicant(
            name=v.clean_name(a.name, label="Họ và tên người nộp", field="name"),
            id_number=v.clean_id_number(a.id_number),
            phone=v.clean_phone(a.phone),
            address=v.clean_text(a.address, label="Địa chỉ", field="address", max_len=v.ADDRESS_MAX),
            email=v.clean_email(a.email),
        )
        sets = v.clean_count(request.sets, label="Số lượng hồ sơ (bộ)", field="sets", lo=1, hi=99)
        if request.channel not in CHANNELS:
            raise ValidationError("Hình thức nộp: phải là counter, post hoặc online.", field="channel")
        result_channel = request.result_channel or request.channel
        if result_channel not in RESULT_CHANNELS:
            raise ValidationError(
                "Nơi nhận kết quả: phải là counter, post hoặc online.", field="result_channel"
            )
        documents = self._check_documents(proc, request.documents)
        fee_text = (
            v.clean_text(request.fee_text, label="Phí, lệ phí", field="fee", max_len=500)
            if request.fee_text is not None
            else proc.fee_text
        )
        settings = self.settings()
        calendar = self.calendar()
        received_at = self.now().replace(microsecond=0)
        appointment = calendar.appointment(proc.limit, received_at)
        identifier = settings["agency.unit_identifier"]
        day_code = received_at.strftime("%y%m%d")
        volume = settings["register.volume"] or str(received_at.year)
        context = self._receipt_context(settings, proc, actor.full_name, result_channel)
        key = search_key(applicant.name, applicant.id_number, applicant.phone)

        def work(conn: Connection) -> tuple[int, str, int]:
            raw = Raw(conn)
            number = next_value(raw, f"code:{identifier}:{day_code}")
            code = f"{identifier}-{day_code}-{number:04d}"
            register_number = next_value(raw, f"register:{identifier}:{volume}")
            dossier_id = int(
                raw.one(
                    _INSERT_DOSSIER,
                    (
                        code,
                        proc.id,
                        identifier,
                        "received",
                        applicant.name,
                        applicant.id_number,
                        applicant.phone,
                        applicant.address,
                        applicant.email,
                        f"{key} {search_key(code)}",
                        sets,
                        request.channel,
                        result_channel,
                        fee_text,
                        proc.fee_amount,
                        int(received_at.timestamp()),
                        int(appointment.due_at.timestamp()),
                        actor.id,
                        volume,
                        register_number,
                        1,
                        self._snapshot_id(conn, context),
                    ),
                )[0]
            )
            raw.many(
                _INSERT_DOCUMENT, [(dossier_id, i, d.name, d.form, d.count) for i, d in enumerate(documents)]
            )
            append_events(
                raw,
                [
                    dict(
                        dossier_id=dossier_id,
                        action="receive",
                        at=received_at,
                        user_id=actor.id,
                        data={"due_at": appointment.due_at.astimezone(UTC).isoformat()},
                    )
                ],
            )
            return dossier_id, code, register_number

        dossier_id, code, register_number = self.db.write(work)
        self._index_search_in_batches(dossier_id)
        # Everything is known: build the view instead of reading the dossier back.
        return DossierView(
            id=dossier_id,
            code=code,
            status="received",
            procedure_code=proc.code,
            procedure_name=proc.name,
            procedure_version=proc.version,
            applicant=applicant,
            received_at=received_at,
            due_at=appointment.due_at.astimezone(self.tz),
            extended_due_at=None,
            received_by=actor.username,
            received_by_name=actor.full_name,
            sets=sets,
            channel=request.channel,
            result_channel=result_channel,
            fee_text=fee_text,
            register_volume=volume,
            register_number=register_number,
            receipt_version=1,
            current_unit=None,
            documents=tuple(documents),
            events=(EventView("receive", received_at, actor.username, actor.full_name, ""),),
        )

    SEARCH_BATCH = 32  # dossiers received before they are added to the FTS index together

    def _index_search_in_batches(self, last_id: int) -> None:
        if not self.db.is_sqlite:
            return
        if last_id - self._fts_upto < self.SEARCH_BATCH:
            return
        try:
            self.db.write(index_pending)
            with self.db.read() as conn:
                self._fts_upto = fts_indexed_upto(conn)
        except StorageError:
            pass  # the dossier is stored; searches still find it in the unindexed tail

    def _check_documents(
        self, proc: ProcedureInfo, submitted: Sequence[SubmittedDocument] | None
    ) -> list[SubmittedDocument]:
        if submitted is None:
            return [SubmittedDocument(d.name, d.form, d.count) for d in proc.documents if d.required]
        clean: list[SubmittedDocument] = []
        for i, d in enumerate(submitted, start=1):
            name = v.clean_text(
                d.name, label=f"Giấy tờ thứ {i}", field="documents", max_len=500, required=True
            )
            form = nfc(d.form).strip()
            if form not in DOCUMENT_FORMS:
                raise ValidationError(f"Hình thức của giấy tờ «{name}»: không hợp lệ.", field="documents")
            count = v.clean_count(
                d.count, label=f"Số lượng của giấy tờ «{name}»", field="documents", lo=1, hi=99
            )
            clean.append(SubmittedDocument(name, form, count))
        given = {fold(d.name) for d in clean}
        missing = [d.name for d in proc.documents if d.required and fold(d.name) not in given]
        if missing:
            raise ValidationError("Thiếu giấy tờ bắt buộc: " + "; ".join(missing) + ".", field="documents")
        return clean

    def _receipt_context(
        self, settings: Settings, proc: ProcedureInfo, clerk_name: str, result_channel: str
    ) -> dict[str, Any]:
        """What a receipt prints besides the applicant, frozen at receipt time (agencies and people get
        renamed). Shared by many dossiers, so stored once (table ``snapshots``)."""
        return {
            "clerk_name": clerk_name,
            "result_channel": RESULT_CHANNELS[result_channel],
            "parent_agency": settings["agency.parent_name"],
            "unit_name": settings["agency.unit_name"],
            "unit_full_name": settings["agency.unit_full_name"],
            "place_name": settings["agency.place_name"],
            "legal_basis": settings["forms.legal_basis"],
            "hotline": settings["agency.hotline"],
            "procedure_name": proc.name,
            "time_limit_text": proc.limit.describe(),
        }

    def _snapshot_id(self, conn: Connection, context: dict[str, Any]) -> int:
        payload = json.dumps(context, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(payload.encode()).hexdigest()
        cached = self._snapshots.get(digest)
        if cached is not None:
            return cached
        insert_ignore(conn, m.Snapshot.__table__, [{"digest": digest, "data": payload}])  # type: ignore[arg-type]
        sid = int(conn.execute(select(m.Snapshot.id).where(m.Snapshot.digest == digest)).scalar_one())
        self._snapshots[digest] = sid
        return sid

    def correct_applicant(
        self, code: str, applicant: Applicant, *, actor: Actor, note: str = ""
    ) -> DossierView:
        """Correct contact details: a new receipt version with the same code; the old one stays."""
        self.require(actor, "correct")
        clean = Applicant(
            name=v.clean_name(applicant.name, label="Họ và tên người nộp", field="name"),
            id_number=v.clean_id_number(applicant.id_number),
            phone=v.clean_phone(applicant.phone),
            address=v.clean_text(applicant.address, label="Địa chỉ", field="address", max_len=v.ADDRESS_MAX),
            email=v.clean_email(applicant.email),
        )
        note = v.clean_text(note, label="Ghi chú", field="note", max_len=1000)
        at = self.now().replace(microsecond=0)

        def work(conn: Connection) -> int:
            d = ent(conn).execute(select(m.Dossier).where(m.Dossier.code == code.strip())).first()
            if d is None:
                raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{code}».")
            dossier = d[0]
            if dossier.receipt_version == 1:
                # The first correction also keeps version 1 as it was received (until now the dossier's own).
                old = Applicant(
                    dossier.applicant_name, dossier.id_number, dossier.phone, dossier.address, dossier.email
                )
                conn.execute(
                    insert(m.ReceiptVersion).values(
                        dossier_id=dossier.id,
                        version=1,
                        created_at=dossier.received_at,
                        created_by=dossier.received_by,
                        snapshot_id=dossier.snapshot_id,
                        data=_version_data(old),
                    )
                )
            version = dossier.receipt_version + 1
            conn.execute(
                insert(m.ReceiptVersion).values(
                    dossier_id=dossier.id,
                    version=version,
                    created_at=at,
                    created_by=actor.id,
                    snapshot_id=dossier.snapshot_id,
                    data=_version_data(clean),
                )
            )
            new_key = f"{search_key(clean.name, clean.id_number, clean.phone)} {search_key(dossier.code)}"
            conn.execute(
                update(m.Dossier)
                .where(m.Dossier.id == dossier.id)
                .values(
                    applicant_name=clean.name,
                    id_number=clean.id_number,
                    phone=clean.phone,
                    address=clean.address,
                    email=clean.email,
                    receipt_version=version,
                    search_key=new_key,
                )
            )
            if self.db.is_sqlite:
                reindex_one(conn, dossier.id, dossier.search_key, new_key)
            append_events(
                conn,
                [
                    dict(
                        dossier_id=dossier.id,
                        action="correct",
                        at=at,
                        user_id=actor.id,
                        note=note,
                        data={"receipt_version": version},
                    )
                ],
            )
            return dossier.id

        return self._dossier_by(m.Dossier.id == self.db.write(work))

    def dossier(self, code: str) -> DossierView:
        code = (code or "").strip()
        if not code:
            raise ValidationError("Mã hồ sơ: không được để trống.", field="code")
        return self._dossier_by(m.Dossier.code == code, missing=f"Mã hồ sơ: không có hồ sơ «{code}».")

    def find_code(self, code: str) -> bool:
        """Whether a dossier with exactly this code exists (one indexed lookup; the scanner uses it)."""
        with self.db.read() as conn:
            return (
                conn.execute(select(m.Dossier.id).where(m.Dossier.code == code.strip())).first() is not None
            )

    def _dossier_by(self, where: Any, missing: str = "Không có hồ sơ.") -> DossierView:
        tz = self.tz
        with self.db.read() as conn:
            row = (
                ent(conn)
                .execute(
                    select(
                        m.Dossier,
                        m.Procedure.code,
                        m.Procedure.name,
                        m.Procedure.version,
                        m.Staff.username,
                        m.Staff.full_name,
                        m.Unit.name,
                    )
                    .join(m.Procedure, m.Procedure.id == m.Dossier.procedure_id)
                    .join(m.Staff, m.Staff.id == m.Dossier.received_by)
                    .outerjoin(m.Unit, m.Unit.id == m.Dossier.current_unit_id)
                    .where(where)
                )
                .first()
            )
            if row is None:
                raise NotFoundError(missing)
            d: m.Dossier = row[0]
            docs = tuple(
                SubmittedDocument(x.name, x.form, x.count)
                for x in ent(conn)
                .execute(
                    select(m.DossierDocument)
                    .where(m.DossierDocument.dossier_id == d.id)
                    .order_by(m.DossierDocument.position)
                )
                .scalars()
            )
            units = {u.id: u.name for u in ent(conn).execute(select(m.Unit)).scalars()}
            ratings = tuple(
                {
                    "level": r.level,
                    "event": r.event,
                    "at": r.at.astimezone(tz),
                    "channel": r.channel,
                    "satisfied": bool(r.satisfied),
                }
                for r in conn.execute(
                    select(m.Rating.level, m.Rating.event, m.Rating.at, m.Rating.channel, m.Rating.satisfied)
                    .where(m.Rating.dossier_id == d.id)
                    .order_by(m.Rating.id)
                )
            )
            events = tuple(
                EventView(
                    action=e.action,
                    at=e.at.astimezone(tz),
                    user=e.username,
                    user_name=e.full_name,
                    note=e.note,
                    from_unit=units.get(e.from_unit_id),
                    to_unit=units.get(e.to_unit_id),
                )
                for e in conn.execute(
                    select(
                        m.Event.action,
                        m.Event.at,
                        m.Event.note,
                        m.Event.from_unit_id,
                        m.Event.to_unit_id,
                        m.Staff.username,
                        m.Staff.full_name,
                    )
                    .join(m.Staff, m.Staff.id == m.Event.user_id)
                    .where(m.Event.dossier_id == d.id)
                    .order_by(m.Event.id)
                )
            )
        return DossierView(
            id=d.id,
            code=d.code,
            status=d.status,
            procedure_code=row[1],
            procedure_name=row[2],
            procedure_version=row[3],
            applicant=Applicant(d.applicant_name, d.id_number, d.phone, d.address, d.email),
            received_at=d.received_at.astimezone(tz),
            due_at=d.due_at.astimezone(tz),
            extended_due_at=d.extended_due_at.astimezone(tz) if d.extended_due_at else None,
            received_by=row[4],
            received_by_name=row[5],
            sets=d.sets,
            channel=d.channel,
            result_channel=d.result_channel,
            fee_text=d.fee_text,
            register_volume=d.register_volume,
            register_number=d.register_number,
            receipt_version=d.receipt_version,
            current_unit=row[6],
            documents=docs,
            events=events,
            ratings=ratings,
        )

    def list_dossiers(self, flt: DossierFilter) -> list[DossierRow]:
        """Dossiers received in a period, newest first, at most ``limit``; search is accent-insensitive."""
        if not 1 <= flt.limit <= 10_000:
            raise ValidationError("Giới hạn số dòng: phải từ 1 đến 10000.", field="limit")
        if flt.status and flt.status not in STATUSES:
            raise ValidationError(
                "Trạng thái: phải là một trong " + ", ".join(STATUSES) + ".", field="status"
            )
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            raise ValidationError("Khoảng thời gian: ngày bắt đầu sau ngày kết thúc.", field="from")
        tz = self.tz
        d = m.Dossier
        conds = []
        if flt.date_from:
            conds.append(d.received_at >= datetime.combine(flt.date_from, time(0), tz))
        if flt.date_to:
            conds.append(d.received_at < datetime.combine(flt.date_to + timedelta(days=1), time(0), tz))
        if flt.status:
            conds.append(d.status == flt.status)
        if flt.before:
            at, last_id = flt.before
            conds.append(or_(d.received_at < at, and_(d.received_at == at, d.id < last_id)))
        words = _search_words(flt.search)
        if _CODE_RE.fullmatch(flt.search.strip()):
            # A whole dossier code (typed or scanned): its unique index answers at once.
            conds.append(d.code == flt.search.strip())
            words = []
        elif len(words) > 1:
            # The unit identifier's words are in every code: as search words they only cost time.
            common = set(tokens(self.settings()["agency.unit_identifier"]))
            words = [w for w in words if w not in common] or words
        stmt = (
            select(
                d.id,
                d.code,
                d.status,
                m.Procedure.code,
                d.applicant_name,
                d.id_number,
                d.phone,
                d.received_at,
                d.due_at,
                m.Staff.username,
            )
            .join(m.Procedure, m.Procedure.id == d.procedure_id)
            .join(m.Staff, m.Staff.id == d.received_by)
        )
        if words and self.db.is_sqlite:
            return self._search_sqlite(stmt, conds, words, flt.limit)
        if words:
            conds.extend(_word_prefix(d.search_key, w) for w in words)
        if conds:
            stmt = stmt.where(and_(*conds))
        stmt = stmt.order_by(d.received_at.desc(), d.id.desc()).limit(flt.limit)
        with self.db.read() as conn:
            return [_row(r, tz) for r in conn.execute(stmt)]

    def _search_sqlite(self, stmt: Any, conds: list[Any], words: list[str], limit: int) -> list[DossierRow]:
        """FTS5 over the indexed dossiers, walked newest first so it stops at the limit, plus a scan of
        the few received since the last index batch."""
        d = m.Dossier
        tz = self.tz
        fts = " AND ".join('"' + w + '"*' for w in words)
        with self.db.read() as conn:
            upto = fts_indexed_upto(conn)
            tail_size = conn.execute(select(func.count()).where(d.id > upto)).scalar_one()
        if tail_size > 2000:  # e.g. rows written by another program: index them once, then search
            self.db.write(index_pending)
            return self._search_sqlite(stmt, conds, words, limit)
        with self.db.read() as conn:
            tail = stmt.where(d.id > upto, *conds, *(_word_prefix(d.search_key, w) for w in words))
            rows = [_row(r, tz) for r in conn.execute(tail.order_by(d.id.desc()).limit(limit))]
            if len(rows) < limit:
                ids = (
                    select(text("rowid"))
                    .select_from(text("dossiers_fts"))
                    .where(text("dossiers_fts MATCH :q"))
                    .order_by(text("rowid DESC"))
                )
                # Without other conditions the FTS walk itself can stop at the limit.
                ids = ids.limit(-1 if conds else limit - len(rows))
                indexed = stmt.where(d.id.in_(ids.scalar_subquery()), d.id <= upto, *conds)
                indexed = indexed.order_by(d.id.desc()).limit(limit - len(rows)).params(q=fts)
                rows.extend(_row(r, tz) for r in conn.execute(indexed))
        rows.sort(key=lambda r: (r.received_at, r.id), reverse=True)
        return rows

    def receipt_data(self, code: str, version: int | None = None) -> ReceiptData:
        """Mẫu 01 of a dossier as it was printed (latest version unless one is asked for)."""
        dossier = self.dossier(code)
        number = version or dossier.receipt_version
        if not 1 <= number <= dossier.receipt_version:
            raise NotFoundError(f"Phiếu tiếp nhận: hồ sơ «{code}» không có bản số {version}.")
        with self.db.read() as conn:
            rv = (
                ent(conn)
                .execute(
                    select(m.ReceiptVersion).where(
                        m.ReceiptVersion.dossier_id == dossier.id, m.ReceiptVersion.version == number
                    )
                )
                .scalars()
                .first()
            )
            snapshot_id = (
                rv.snapshot_id
                if rv
                else conn.execute(
                    select(m.Dossier.snapshot_id).where(m.Dossier.id == dossier.id)
                ).scalar_one()
            )
            s = json.loads(
                conn.execute(select(m.Snapshot.data).where(m.Snapshot.id == snapshot_id)).scalar_one()
            )
        a = dossier.applicant
        ap = (
            json.loads(rv.data)["applicant"]
            if rv
            else {
                "name": a.name,
                "id_number": a.id_number,
                "phone": a.phone,
                "address": a.address,
                "email": a.email,
            }
        )
        return ReceiptData(
            header=FormHeader(
                parent_agency=s["parent_agency"],
                unit_name=s["unit_name"],
                place_name=s["place_name"],
                legal_basis=f"Mẫu số 01 - {s['legal_basis']}" if s.get("legal_basis") else "",
                hotline=s.get("hotline", ""),
            ),
            code=dossier.code,
            receiving_unit=s["unit_full_name"],
            applicant_name=ap["name"],
            procedure_name=s["procedure_name"],
            received_at=dossier.received_at,
            due_at=dossier.due_at,
            time_limit_text=s["time_limit_text"],
            clerk_name=s["clerk_name"],
            id_number=ap["id_number"],
            address=ap["address"],
            phone=ap["phone"],
            email=ap["email"],
            documents=tuple(ReceiptDocument(x.name, x.form, x.count) for x in dossier.documents),
            sets=dossier.sets,
            result_channel=s["result_channel"],
            fee_text=dossier.fee_text,
            register_volume=dossier.register_volume,
            register_number=dossier.register_number,
            version=number,
        )

    # ---- citizen ratings (domain.md §6)

    def rating_scale(self) -> Scale:
        settings = self.settings()
        keys = [k.strip() for k in str(settings["rating.satisfied_levels"]).split(",") if k.strip()]
        return rating_scale(int(settings["rating.scale"]), keys or None)

    def _served(self, conn: Connection, code: str, event: str) -> tuple[int, int, str]:
        """(dossier id, the clerk who gave that service, procedure name) or UserError."""
        if event not in RATING_EVENTS:
            raise ValidationError("Sự kiện đánh giá (--event): phải là receipt hoặc return.", field="event")
        row = conn.execute(
            select(m.Dossier.id, m.Dossier.received_by, m.Procedure.name)
            .join(m.Procedure, m.Procedure.id == m.Dossier.procedure_id)
            .where(m.Dossier.code == code.strip())
        ).first()
        if row is None:
            raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{code}».")
        dossier_id, clerk, procedure_name = row
        if event == "return":
            returned_by = conn.execute(
                select(m.Event.user_id)
                .where(m.Event.dossier_id == dossier_id, m.Event.action == "return")
                .order_by(m.Event.id.desc())
                .limit(1)
            ).scalar()
            if returned_by is None:
                raise ValidationError("Sự kiện đánh giá: hồ sơ này chưa trả kết quả.", field="event")
            clerk = returned_by
        return int(dossier_id), int(clerk), str(procedure_name)

    def _check_not_rated(self, conn: Connection, dossier_id: int, event: str) -> None:
        done = conn.execute(
            select(m.Rating.id).where(m.Rating.dossier_id == dossier_id, m.Rating.event == event)
        ).first()
        if done is not None:
            raise ValidationError(
                f"Đánh giá: hồ sơ này đã được đánh giá cho lượt «{RATING_EVENTS[event]}»; "
                "không nhận lượt thứ hai.",
                field="level",
            )

    def _clean_rating(self, level: str, reasons: Sequence[str]) -> tuple[Scale, str, str]:
        scale = self.rating_scale()
        key = (level or "").strip()
        if scale.level(key) is None:
            raise ValidationError(
                "Mức đánh giá: phải là một trong " + ", ".join(lv.key for lv in scale.levels) + ".",
                field="level",
            )
        bad = [r for r in reasons if r not in RATING_REASONS]
        if bad:
            raise ValidationError(f"Lý do không hài lòng: không có lý do «{bad[0]}».", field="reasons")
        if reasons and not scale.asks_reasons(key):
            raise ValidationError("Lý do: chỉ hỏi khi người dân không hài lòng.", field="reasons")
        return scale, key, ",".join(dict.fromkeys(reasons))

    def rate(
        self,
        code: str,
        level: str,
        *,
        event: str = "receipt",
        channel: str = "paper",
        reasons: Sequence[str] = (),
        actor: Actor,
    ) -> dict[str, Any]:
        """Enter a rating collected on a paper form or by phone (who entered it is recorded)."""
        self.require(actor, "rate")
        if channel not in ("paper", "phone"):
            raise ValidationError("Kênh đánh giá (--channel): phải là paper hoặc phone.", field="channel")
        scale, key, reason_text = self._clean_rating(level, reasons)
        at = self.now().replace(microsecond=0)

        def work(conn: Connection) -> dict[str, Any]:
            dossier_id, clerk, _name = self._served(conn, code, event)
            self._check_not_rated(conn, dossier_id, event)
            return append_rating(
                conn,
                dict(
                    dossier_id=dossier_id,
                    event=event,
                    clerk_id=clerk,
                    level=key,
                    scale=scale.size,
                    satisfied=scale.is_satisfied(key),
                    reasons=reason_text,
                    channel=channel,
                    entered_by=actor.id,
                    at=at,
                ),
            )

        return self.db.write(work)

    def request_rating(self, code: str, *, event: str = "receipt", actor: Actor, station: str = "") -> int:
        """Ask the kiosk to invite the citizen to rate this service. Returns the request's id."""
        now = self.now().replace(microsecond=0)

        def work(conn: Connection) -> int:
            dossier_id, clerk, _name = self._served(conn, code, event)
            self._check_not_rated(conn, dossier_id, event)
            # One invitation at a time per counter: an older one still waiting is withdrawn.
            conn.execute(
                update(m.RatingRequest)
                .where(m.RatingRequest.station == station, m.RatingRequest.state.in_(("pending", "showing")))
                .values(state="cancelled", updated_at=now)
            )
            key = conn.execute(
                insert(m.RatingRequest).values(
                    dossier_id=dossier_id,
                    event=event,
                    clerk_id=clerk,
                    station=station,
                    state="pending",
                    kiosk="",
                    created_at=now,
                    updated_at=now,
                )
            ).inserted_primary_key
            assert key is not None
            return int(key[0])

        return self.db.write(work)

    def next_rating_request(
        self, *, kiosk: str, station: str = "*", max_age_s: int = 600
    ) -> RatingPrompt | None:
        """The oldest waiting invitation for this kiosk's counter, taken (no other kiosk shows it)."""
        now = self.now().replace(microsecond=0)
        since = now - timedelta(seconds=max_age_s)
        with self.db.read() as conn:
            stmt = select(m.RatingRequest.id).where(
                m.RatingRequest.state == "pending", m.RatingRequest.created_at >= since
            )
            if station != "*":
                stmt = stmt.where(m.RatingRequest.station == station)
            candidate = conn.execute(stmt.order_by(m.RatingRequest.id).limit(1)).scalar()
        if candidate is None:
            return None

        def work(conn: Connection) -> RatingPrompt | None:
            taken = conn.execute(
                update(m.RatingRequest)
                .where(m.RatingRequest.id == candidate, m.RatingRequest.state == "pending")
                .values(state="showing", kiosk=kiosk, updated_at=now)
            ).rowcount
            if not taken:
                return None
            row = conn.execute(
                select(m.RatingRequest.event, m.Dossier.code, m.Procedure.name, m.Staff.full_name)
                .join(m.Dossier, m.Dossier.id == m.RatingRequest.dossier_id)
                .join(m.Procedure, m.Procedure.id == m.Dossier.procedure_id)
                .join(m.Staff, m.Staff.id == m.RatingRequest.clerk_id)
                .where(m.RatingRequest.id == candidate)
            ).one()
            return RatingPrompt(
                candidate, row[1], row[0], RATING_EVENTS[row[0]], row[3], row[2], self.rating_scale()
            )

        return self.db.write(work)

    def submit_rating(self, request_id: int, level: str, reasons: Sequence[str] = ()) -> dict[str, Any]:
        """The citizen's answer on the kiosk: the rating joins the chain, the request is closed."""
        scale, key, reason_text = self._clean_rating(level, reasons)
        at = self.now().replace(microsecond=0)

        def work(conn: Connection) -> dict[str, Any]:
            req = conn.execute(
                select(
                    m.RatingRequest.dossier_id,
                    m.RatingRequest.event,
                    m.RatingRequest.clerk_id,
                    m.RatingRequest.state,
                ).where(m.RatingRequest.id == request_id)
            ).first()
            if req is None or req.state not in ("pending", "showing"):
                raise ValidationError("Lời mời đánh giá này đã hết hiệu lực.", field="request")
            self._check_not_rated(conn, req.dossier_id, req.event)
            row = append_rating(
                conn,
                dict(
                    dossier_id=req.dossier_id,
                    event=req.event,
                    clerk_id=req.clerk_id,
                    level=key,
                    scale=scale.size,
                    satisfied=scale.is_satisfied(key),
                    reasons=reason_text,
                    channel="kiosk",
                    entered_by=None,
                    at=at,
                ),
            )
            conn.execute(
                update(m.RatingRequest)
                .where(m.RatingRequest.id == request_id)
                .values(state="rated", updated_at=at)
            )
            return row

        return self.db.write(work)

    def close_rating_request(self, request_id: int, state: str = "timeout") -> None:
        """No answer (timeout) or withdrawn: nothing is recorded as a rating, and nothing counts."""
        if state not in ("timeout", "cancelled"):
            raise ValueError(state)
        now = self.now().replace(microsecond=0)
        self.db.write(
            lambda conn: conn.execute(
                update(m.RatingRequest)
                .where(m.RatingRequest.id == request_id, m.RatingRequest.state.in_(("pending", "showing")))
                .values(state=state, updated_at=now)
            )
        )

    def rating_request_state(self, request_id: int) -> str:
        """For the clerk's window: whether the citizen has rated (not how)."""
        with self.db.read() as conn:
            state = conn.execute(
                select(m.RatingRequest.state).where(m.RatingRequest.id == request_id)
            ).scalar()
        if state is None:
            raise NotFoundError("Không có lời mời đánh giá này.")
        return str(state)

    def ratings_summary(self, date_from: date | None = None, date_to: date | None = None) -> dict[str, Any]:
        """Counts per level, satisfaction rate, per clerk: reproducible from the stored ratings."""
        tz = self.tz
        r = m.Rating
        conds = []
        if date_from:
            conds.append(r.at >= datetime.combine(date_from, time(0), tz))
        if date_to:
            conds.append(r.at < datetime.combine(date_to + timedelta(days=1), time(0), tz))
        with self.db.read() as conn:
            rows = conn.execute(
                select(r.level, r.satisfied, m.Staff.username, m.Staff.full_name, func.count())
                .join(m.Staff, m.Staff.id == r.clerk_id)
                .where(*conds)
                .group_by(r.level, r.satisfied, m.Staff.username, m.Staff.full_name)
            ).all()
        levels: dict[str, int] = {lv.key: 0 for lv in self.rating_scale().levels}
        clerks: dict[str, dict[str, Any]] = {}
        total = satisfied = 0
        for level, ok, username, full_name, n in rows:
            levels[level] = levels.get(level, 0) + n
            total += n
            satisfied += n if ok else 0
            c = clerks.setdefault(
                username, {"user": username, "name": full_name, "ratings": 0, "satisfied": 0, "levels": {}}
            )
            c["ratings"] += n
            c["satisfied"] += n if ok else 0
            c["levels"][level] = c["levels"].get(level, 0) + n
        for c in clerks.values():
            c["satisfaction_rate"] = round(100 * c["satisfied"] / c["ratings"], 2) if c["ratings"] else None
        return {
            "ratings": total,
            "levels": levels,
            "satisfied": satisfied,
            "satisfaction_rate": round(100 * satisfied / total, 2) if total else None,
            "by_clerk": sorted(clerks.values(), key=lambda c: c["user"]),
        }

    # ---- integrity

    def verify(self) -> VerifyReport:
        """Storage integrity, foreign keys, and the tamper-evident chain of the history."""
        report = VerifyReport()
        try:
            self._verify_into(report)
        except StorageError as exc:
            report.problems.append(exc.message)
        return report

    def _verify_into(self, report: VerifyReport) -> None:
        with self.db.read() as conn:
            if self.db.is_sqlite:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    report.problems.append("Tệp cơ sở dữ liệu hỏng: " + "; ".join(result[:5]))
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fk:
                    report.problems.append(f"Vi phạm khóa ngoại: {len(fk)} dòng (bảng {fk[0][0]}).")
            head_seq, head_hash = conn.execute(select(m.ChainHead.seq, m.ChainHead.hash)).one()
            expected_seq, prev = 0, GENESIS
            broken: list[tuple[str, int]] = []
            # Raw values, as stored: a tampered cell of the wrong type must be reported, not crash.
            events = conn.exec_driver_sql(f"SELECT hash, {', '.join(EVENT_FIELDS)} FROM events ORDER BY id")
            ratings = conn.exec_driver_sql(
                f"SELECT hash, {', '.join(RATING_FIELDS)} FROM ratings ORDER BY id"
            )
            chained = heapq.merge(
                (("event", dict(r._mapping)) for r in events),
                (("rating", dict(r._mapping)) for r in ratings),
                key=lambda item: item[1]["id"],
            )
            for kind, data in chained:
                report.checked_events += 1
                seq = data["id"]
                what = (
                    f"sự kiện số {seq} ({data['action']})"
                    if kind == "event"
                    else f"lượt đánh giá số {seq} ({data['level']}, {data['event']})"
                )
                expected_seq += 1
                if seq != expected_seq:
                    broken.append(
                        (
                            f"Thiếu {seq - expected_seq} mắt xích trước {what}: có dòng đã bị xóa.",
                            data["dossier_id"],
                        )
                    )
                    expected_seq = seq
                fields = EVENT_FIELDS if kind == "event" else RATING_FIELDS
                if row_hash(kind, fields, data, prev) != data["hash"]:
                    broken.append(
                        (
                            f"{what[0].upper()}{what[1:]} không khớp chuỗi: nội dung đã bị sửa, "
                            "hoặc dòng trước nó đã bị xóa hay chèn thêm.",
                            data["dossier_id"],
                        )
                    )
                prev = data["hash"]
            if broken:
                ids = {d for _, d in broken}
                codes = dict(
                    conn.execute(select(m.Dossier.id, m.Dossier.code).where(m.Dossier.id.in_(ids))).all()
                )
                for text_, did in broken:
                    report.problems.append(text_ + (f" (hồ sơ {codes[did]})" if did in codes else ""))
            if (head_seq, head_hash) != (expected_seq, prev):
                report.problems.append("Cuối chuỗi lịch sử không khớp: có dòng cuối đã bị xóa hoặc chèn.")


# --------------------------------------------------------------------------- helpers


def ent(conn: Connection) -> Session:
    """An ORM view of a Core connection's transaction, for queries that return whole entities.

    It joins the caller's transaction and never commits or rolls it back itself."""
    return Session(bind=conn, autoflush=False)


def _version_data(applicant: Applicant) -> str:
    return json.dumps({"applicant": applicant.__dict__.copy()}, ensure_ascii=False)


def _keep_an_administrator(conn: Connection, username: str) -> None:
    """Refuse a change that would leave no enabled administrator (nobody could manage the agency)."""
    others = conn.execute(
        select(func.count())
        .select_from(m.Staff)
        .where(m.Staff.role == "quan_tri", m.Staff.disabled.is_(False), m.Staff.username != username)
    ).scalar_one()
    target = conn.execute(select(m.Staff.role).where(m.Staff.username == username)).scalar()
    if target == "quan_tri" and others == 0:
        raise ValidationError("Phải còn ít nhất một tài khoản quản trị đang hoạt động.", field="username")


def _actor(staff: m.Staff) -> Actor:
    return Actor(staff.id, staff.username, staff.full_name, staff.role, staff.unit_id, staff.all_units)


def _parse_hhmm(text_: str) -> time:
    hh, mm = text_.split(":")
    return time(int(hh), int(mm))


def _row(r: Any, tz: Any) -> DossierRow:
    return DossierRow(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7].astimezone(tz), r[8].astimezone(tz), r[9]
    )


def _word_prefix(column: Any, word: str) -> Any:
    """A word of the folded key starts with ``word`` (the same meaning as FTS5's "word"* query)."""
    return (" " + column).like(f"% {word}%")


_CODE_RE = re.compile(r"[A-Za-z0-9.]+-\d{6}-\d{4,}")


def _search_words(text_: str) -> list[str]:
    raw = (text_ or "").strip()
    if raw.startswith("+84"):
        raw = "0" + raw[3:]
    return tokens(raw)[:8]


def parse_catalog(data: Any) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Check a whole catalogue (format of data/procedures.json) before anything is written."""
    try:
        items = data["procedures"]
        if not isinstance(items, list):
            raise TypeError
    except (KeyError, TypeError):
        raise ValidationError("Danh mục thủ tục: thiếu danh sách «procedures».", field="catalog") from None
    return [_parse_procedure(item, i) for i, item in enumerate(items, start=1)]


def _parse_procedure(item: Any, index: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    where = f"Danh mục thủ tục, mục {index}"
    try:
        code = str(item["code"]).strip()
        limit = item["time_limit"]
        unit = limit["unit"]
        if unit not in ("working_days", "working_hours", "same_day"):
            raise ValueError("time_limit.unit")
        value = int(limit.get("value") or 0)
        cutoff = limit.get("cutoff")
        if cutoff:
            _parse_hhmm(cutoff)
        fee = item.get("fee") or {}
        proc = {
            "code": code,
            "name": nfc(str(item["name"]).strip()),
            "search_key": search_key(item["name"], code),
            "field": nfc(str(item.get("field", ""))),
            "competent_unit": nfc(str(item.get("competent_unit", ""))),
            "time_unit": unit,
            "time_value": value,
            "cutoff": cutoff or None,
            "fee_text": nfc(str(fee.get("text") or "")),
            "fee_amount": fee.get("amount_vnd"),
            "legal_basis": nfc(str(item.get("legal_basis") or "")),
        }
        docs = [
            {
                "name": nfc(str(d["name"])),
                "form": nfc(str(d.get("form", "bản chính"))),
                "count": int(d.get("count", 1)),
                "required": bool(d.get("required", True)),
            }
            for d in item.get("documents", [])
        ]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(f"{where}: dữ liệu không hợp lệ ({exc}).", field="catalog") from None
    if not code or not code.isascii():
        raise ValidationError(f"{where}: mã thủ tục không hợp lệ.", field="catalog")
    return proc, docs


__all__ = [
    "Actor",
    "Applicant",
    "DossierFilter",
    "DossierRow",
    "DossierView",
    "Onestop",
    "ReceiveRequest",
    "SubmittedDocument",
    "VerifyReport",
]
