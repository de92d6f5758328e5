"""Staff accounts and signing in.

Signing in is the only way to get an ``Actor`` for a person: on the screens and on the command line
alike. Every failure gives one message (a wrong pair, an unknown, disabled or locked account) and
takes at least the same time, so that the answer does not tell which part was wrong. Failed attempts
in a row lock the account at the setting ``auth.max_failed_logins``; an administrator unlocks it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from onestop.auth import ROLE_LABELS, STAFF_ROLES, SYSTEM_USERNAME, Act, Actor, Role
from onestop.db import schema as t
from onestop.db.store import inserted_id
from onestop.errors import NotFoundError, PermissionDenied, ValidationError
from onestop.passwords import EarlyCheck, check_password, dummy_check, hash_password
from onestop.services.context import Context, requires

SIGN_IN_FAILED = (
    "Đăng nhập «{0}»: tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa "
    "(sau nhiều lần nhập sai liên tiếp; liên hệ quản trị để mở khóa)."
)
FAILURE_SECONDS = 0.35  # every refused sign-in takes at least this long, whatever the reason


class StaffService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---- signing in

    def sign_in(
        self,
        username: str,
        password: str,
        *,
        meanwhile: Callable[[], object] | None = None,
        early: EarlyCheck | None = None,
    ) -> Actor:
        """The account's actor, or PermissionDenied with one message for every failure.

        ``meanwhile``: work done while the password is checked (the check runs in another thread
        and, being scrypt, releases the GIL): a command's own preparation, such as importing what it
        will use. It must read nothing that needs the account; it always ends before this returns.
        ``early``: the same check, started before the database was open (``passwords.EarlyCheck``);
        its outcome counts only when it checked this password against the hash read here."""
        started = time.monotonic()
        self.ctx.sync()
        name = (username or "").strip()
        with self.ctx.db.read() as conn:
            row = (
                conn.execute(select(t.staff).where(t.staff.c.username == name)).first()
                if name and name != SYSTEM_USERNAME
                else None
            )
        if row is None:
            dummy_check(password)
            self._refuse(started, name)
        assert row is not None
        if not _check_password(password or "", row.password_hash, meanwhile, early):
            self._count_failure(row.id)
            self._refuse(started, name)
        if row.disabled or row.locked:
            self._refuse(started, name)
        if row.failed_logins:
            self.ctx.db.write(lambda conn: self._set_failures(conn, row.id, 0, "sign_in"))
        return _actor(row)

    def _refuse(self, started: float, name: str) -> None:
        from onestop import validation as v  # only here: a sign-in that succeeds does not load it

        time.sleep(max(0.0, FAILURE_SECONDS - (time.monotonic() - started)))
        raise PermissionDenied(SIGN_IN_FAILED.format(v.shown(name, 30)), field="user")

    def _count_failure(self, staff_id: int) -> None:
        limit = int(self.ctx.settings()["auth.max_failed_logins"])

        def work(conn: Connection) -> None:
            failures = int(
                conn.execute(select(t.staff.c.failed_logins).where(t.staff.c.id == staff_id)).scalar_one()
            )
            self._set_failures(conn, staff_id, failures + 1, "sign_in_failed", lock=failures + 1 >= limit)

        self.ctx.db.write(work)

    def _set_failures(
        self, conn: Connection, staff_id: int, failures: int, action: str, *, lock: bool = False
    ) -> None:
        values: dict[str, Any] = {"failed_logins": failures}
        if lock:
            values["locked"] = True
        conn.execute(update(t.staff).where(t.staff.c.id == staff_id).values(**values))
        self.ctx.record(
            conn,
            actor=self.ctx.system_actor(),
            action="lock" if lock else action,
            kind="staff",
            key=staff_id,
            note=f"{failures} lần đăng nhập sai liên tiếp" if failures else "",
        )

    # ---- accounts

    def count(self) -> int:
        """Accounts of people (the system account is not one)."""
        with self.ctx.db.read() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(t.staff).where(t.staff.c.username != SYSTEM_USERNAME)
                ).scalar_one()
            )

    @requires(Act.MANAGE_STAFF)
    def list_staff(self, *, actor: Actor) -> list[dict[str, Any]]:
        s = t.staff.c
        with self.ctx.db.read() as conn:
            rows = conn.execute(
                select(
                    s.id,
                    s.username,
                    s.full_name,
                    s.role,
                    s.disabled,
                    s.locked,
                    s.all_units,
                    t.units.c.name.label("unit"),
                )
                .outerjoin(t.units, t.units.c.id == s.unit_id)
                .where(s.username != SYSTEM_USERNAME)
                .order_by(s.username)
            ).all()
        return [
            dict(r._mapping)
            | {"role_label": ROLE_LABELS.get(Role(r.role), r.role) if _is_role(r.role) else r.role}
            for r in rows
        ]

    @requires(Act.MANAGE_STAFF)
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
        actor: Actor,
    ) -> Actor:
        return self._create(
            username=username,
            full_name=full_name,
            password=password,
            role=role,
            unit_id=unit_id,
            all_units=all_units,
            exist_ok=exist_ok,
            actor=actor,
        )

    def _create(
        self,
        *,
        username: str,
        full_name: str,
        password: str,
        role: str,
        unit_id: int | None,
        all_units: bool,
        exist_ok: bool,
        actor: Actor,
    ) -> Actor:
        """Unchecked for permission: ``create_staff`` (an administrator) and ``first_administrator``
        (``init`` on an empty database, as the system actor) call it."""
        self.check_password_rule(password)
        if role not in {r.value for r in STAFF_ROLES}:
            raise ValidationError("Vai trò: không hợp lệ.", field="role")
        from onestop import validation as v

        username = check_username(username)
        full_name = v.clean_name(full_name, label="Họ và tên cán bộ", field="full_name")
        pw_hash = hash_password(password)
        now = self.ctx.now()

        def work(conn: Connection) -> Any:
            existing = conn.execute(select(t.staff).where(t.staff.c.username == username)).first()
            if existing:
                if exist_ok:
                    return existing
                raise ValidationError(f"Tên đăng nhập: «{v.shown(username)}» đã có.", field="username")
            new_id = inserted_id(
                conn.execute(
                    insert(t.staff).values(
                        username=username,
                        full_name=full_name,
                        password_hash=pw_hash,
                        role=role,
                        unit_id=unit_id,
                        all_units=all_units,
                        disabled=False,
                        created_at=now,
                        failed_logins=0,
                        locked=False,
                    )
                )
            )
            self.ctx.record(conn, actor=actor, action="create", kind="staff", key=new_id, at=now)
            return conn.execute(select(t.staff).where(t.staff.c.id == new_id)).one()

        return _actor(self.ctx.db.write(work))

    def first_administrator(self, *, username: str, full_name: str, password: str) -> Actor:
        """``init`` on a database with no account yet: the first administrator, created by the system
        actor. Refused once any account exists."""
        if self.count():
            raise PermissionDenied(
                "Cơ sở dữ liệu đã có tài khoản; hãy đăng nhập bằng tài khoản quản trị.", field="user"
            )
        return self._create(
            username=username,
            full_name=full_name,
            password=password,
            role=Role.ADMIN.value,
            unit_id=None,
            all_units=False,
            exist_ok=False,
            actor=self.ctx.system_actor(),
        )

    # Only on a database without accounts (listed as unguarded in the permission tests).

    def check_password_rule(self, password: str) -> None:
        check_password_length(password, int(self.ctx.settings()["auth.min_password_length"]))

    def _change(
        self, username: str, values: dict[str, Any], action: str, actor: Actor, *, note: str = ""
    ) -> None:
        def work(conn: Connection) -> None:
            if values.get("disabled") or ("role" in values and values["role"] != Role.ADMIN.value):
                _keep_an_administrator(conn, username)
            sid = conn.execute(
                select(t.staff.c.id).where(
                    t.staff.c.username == username, t.staff.c.username != SYSTEM_USERNAME
                )
            ).scalar()
            if sid is None:
                raise NotFoundError("Người dùng: không có tài khoản này.", field="username")
            conn.execute(update(t.staff).where(t.staff.c.id == sid).values(**values))
            self.ctx.record(conn, actor=actor, action=action, kind="staff", key=sid, note=note)

        self.ctx.db.write(work)

    @requires(Act.MANAGE_STAFF)
    def set_disabled(self, username: str, disabled: bool, *, actor: Actor) -> None:
        if disabled and actor.username == username:
            raise ValidationError("Không thể tự khóa tài khoản đang đăng nhập.", field="username")
        self._change(username, {"disabled": disabled}, "disable" if disabled else "enable", actor)

    @requires(Act.MANAGE_STAFF)
    def unlock(self, username: str, *, actor: Actor) -> None:
        """Open an account locked by failed sign-ins."""
        self._change(username, {"locked": False, "failed_logins": 0}, "unlock", actor)

    def set_password(self, username: str, password: str, *, actor: Actor) -> None:
        """Anyone may change their own password; an administrator anyone's."""
        self.ctx.sync()
        if actor.username != username:
            self.ctx.require(actor, Act.MANAGE_STAFF)
        self.check_password_rule(password)
        self._change(username, {"password_hash": hash_password(password)}, "password", actor)

    # Guarded inside: anyone may set their own password; someone else's needs MANAGE_STAFF.
    set_password.required_act = Act.MANAGE_STAFF  # type: ignore[attr-defined]

    @requires(Act.MANAGE_STAFF)
    def set_role(self, username: str, role: str, *, actor: Actor) -> None:
        if role not in {r.value for r in STAFF_ROLES}:
            raise ValidationError("Vai trò: không hợp lệ.", field="role")
        if actor.username == username and role != actor.role:
            raise ValidationError("Không thể tự đổi vai trò của tài khoản đang đăng nhập.", field="role")
        self._change(username, {"role": role}, "role", actor, note=ROLE_LABELS[Role(role)])


def check_password_length(password: str, shortest: int) -> None:
    """The password rule (``auth.min_password_length`` characters, nothing unprintable)."""
    if len(password or "") < shortest:
        raise ValidationError(f"Mật khẩu: ít nhất {shortest} ký tự.", field="password")
    if any(not ch.isprintable() for ch in password):
        raise ValidationError("Mật khẩu: có ký tự điều khiển không hợp lệ.", field="password")


def _check_password(
    password: str, stored: str, meanwhile: Callable[[], object] | None, early: EarlyCheck | None
) -> bool:
    checked = None if early is None else early.outcome_for(password, stored)
    if checked is not None:
        if meanwhile is not None:
            meanwhile()
        return checked
    if meanwhile is None:
        return check_password(password, stored)
    outcome: list[bool | BaseException] = []

    def check() -> None:
        try:
            outcome.append(check_password(password, stored))
        except BaseException as exc:  # raised here as it would be without the thread
            outcome.append(exc)

    worker = threading.Thread(target=check, name="password-check", daemon=True)
    worker.start()
    try:
        meanwhile()
    finally:
        worker.join()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def check_username(username: str | None) -> str:
    """The user name as stored (spaces at either end dropped), or ValidationError."""
    username = (username or "").strip()
    if (
        not username
        or len(username) > 50
        or not username.isascii()
        or not username.replace("_", "").replace(".", "").isalnum()
    ):
        raise ValidationError(
            "Tên đăng nhập: chỉ gồm chữ không dấu, chữ số, dấu _ và dấu chấm (tối đa 50 ký tự).",
            field="username",
        )
    return username


def _is_role(value: str) -> bool:
    return value in Role._value2member_map_


def _keep_an_administrator(conn: Connection, username: str) -> None:
    """Refuse a change that would leave no enabled administrator (nobody could manage the agency)."""
    s = t.staff.c
    others = conn.execute(
        select(func.count())
        .select_from(t.staff)
        .where(s.role == Role.ADMIN.value, s.disabled.is_(False), s.username != username)
    ).scalar_one()
    target = conn.execute(select(s.role).where(s.username == username)).scalar()
    if target == Role.ADMIN.value and others == 0:
        raise ValidationError("Phải còn ít nhất một tài khoản quản trị đang hoạt động.", field="username")


def _actor(row: Any) -> Actor:
    return Actor(row.id, row.username, row.full_name, Role(row.role), row.unit_id, bool(row.all_units))
