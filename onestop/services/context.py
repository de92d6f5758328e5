"""What every service shares: the database, the clock, and the agency's configuration.

Settings, the working calendar and the catalogue are cached, but never trusted blindly: every
configuration write moves a revision number stored in the database (``sequences``, name
``config:revision``) in the same transaction, and each service call first reads that number (one
primary-key lookup). When another counter changed something, the caches are dropped and read again,
so the next act of every counter uses the new configuration. Writes whose result depends on the
configuration (receiving: the appointment) also check the revision inside their own transaction.

Nothing is cached from inside a transaction that might still roll back or be retried: caches are
filled from committed data only.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from sqlalchemy import Connection, select

from onestop import auth
from onestop.auth import Act, Actor, Role
from onestop.clock import Clock, SystemClock
from onestop.db import schema as t
from onestop.db.engine import Database
from onestop.db.store import Raw, append_events, next_value
from onestop.errors import StorageError
from onestop.settings import Settings

if TYPE_CHECKING:  # the calendar is imported by the first service that needs it, not by every command
    from onestop.worktime import CalendarDay, WorkingCalendar

REVISION = "config:revision"

P = ParamSpec("P")
R = TypeVar("R")


class Stale(Exception):
    """The configuration changed between preparing a write and running it: prepare again."""


class Context:
    def __init__(self, *, db: Database, clock: Clock | None = None) -> None:
        self.db = db
        self.clock: Clock = clock or SystemClock()
        self._lock = threading.RLock()
        self._rev: int | None = None
        self._settings: Settings | None = None
        self._calendar: WorkingCalendar | None = None
        self._procedures: dict[str, Any] = {}
        self._system: Actor | None = None
        self.snapshots: dict[str, int] = {}  # content digest -> id (committed rows only)

    # ---- the configuration revision

    @staticmethod
    def revision(conn: Connection | Raw) -> int:
        raw = conn if isinstance(conn, Raw) else Raw(conn)
        raw.run("SELECT value FROM sequences WHERE name = ?", (REVISION,))
        row = raw.cur.fetchone()
        return int(row[0]) if row else 0

    @staticmethod
    def bump(conn: Connection | Raw) -> None:
        """Inside a configuration write: every counter's next act reads the configuration again."""
        next_value(conn, REVISION)

    def sync(self, conn: Connection | None = None) -> int:
        """Bring the cached configuration up to the stored revision; returns that revision."""
        if conn is None:
            with self.db.read() as c:
                return self.sync(c)
        rev = self.revision(conn)
        with self._lock:
            if rev != self._rev or self._settings is None:
                stored = {
                    k: json.loads(v) for k, v in conn.execute(select(t.settings.c.key, t.settings.c.value))
                }
                self._settings = Settings(stored)
                self._calendar = None
                self._procedures = {}
                self._rev = rev
        return rev

    def check_fresh(self, conn: Connection | Raw, rev: int) -> None:
        """Inside a write that used the configuration as of ``rev``: refuse to go on if it moved."""
        if self.revision(conn) != rev:
            raise Stale

    def invalidate(self) -> None:
        with self._lock:
            self._rev = None

    @property
    def cached_revision(self) -> int | None:
        return self._rev

    # ---- configuration, as of the last sync

    def settings(self) -> Settings:
        if self._settings is None:
            self.sync()
        assert self._settings is not None
        return self._settings

    @property
    def tz(self):  # type: ignore[no-untyped-def]
        return self.settings().tz

    def now(self) -> datetime:
        return self.clock.now().astimezone(self.tz).replace(microsecond=0)

    def today(self) -> date:
        return self.now().date()

    def calendar(self) -> WorkingCalendar:
        from onestop.worktime import OfficeHours, WorkingCalendar

        settings = self.settings()
        with self._lock:
            if self._calendar is None:
                self._calendar = WorkingCalendar(
                    tz=settings.tz,
                    hours=OfficeHours.parse(settings["agency.office_hours"]),
                    days_for_year=self.calendar_days,
                )
            return self._calendar

    def calendar_days(self, year: int) -> list[CalendarDay]:
        """The calendar table of one year: as stored, or (a year nobody has stored) from the official
        sources, computed without writing anything."""
        from onestop.worktime import CalendarDay, official_days

        with self.db.read() as conn:
            seeded = conn.execute(
                select(t.calendar_years.c.year).where(t.calendar_years.c.year == year)
            ).first()
            if seeded:
                c = t.calendar_days.c
                return [
                    CalendarDay(date=_as_date(r.day), kind=r.kind, name=r.name)
                    for r in conn.execute(select(c.day, c.kind, c.name).where(c.year == year).order_by(c.day))
                ]
        return official_days(year)

    def procedure_cache(self) -> dict[str, Any]:
        return self._procedures

    # ---- who acts

    def permissions(self, actor: Actor) -> frozenset[Act]:
        return auth.allowed_acts(actor.role, self.settings()["permissions"])

    def require(self, actor: Actor, act: Act) -> None:
        auth.require(actor, act, self.settings()["permissions"])

    def system_actor(self) -> Actor:
        """The explicit system actor of ``init``, ``demo`` and migrations (an account that cannot
        sign in, created by schema 0003)."""
        if self._system is None:
            with self.db.read() as conn:
                row = conn.execute(
                    select(t.staff.c.id, t.staff.c.full_name).where(
                        t.staff.c.username == auth.SYSTEM_USERNAME
                    )
                ).first()
            if row is None:
                raise StorageError("Cơ sở dữ liệu thiếu tài khoản hệ thống; hãy chạy «onestop init».")
            self._system = Actor(row.id, auth.SYSTEM_USERNAME, row.full_name, Role.SYSTEM)
        return self._system

    # ---- recording a change under the chain

    def record(
        self,
        conn: Connection | Raw,
        *,
        actor: Actor,
        action: str,
        kind: str,
        key: Any,
        at: datetime | None = None,
        note: str = "",
        data: dict[str, Any] | str | None = None,
        from_unit_id: int | None = None,
        to_unit_id: int | None = None,
    ) -> dict[str, Any]:
        """Append the chained event of a change already made in ``conn``: who, when, what, and the
        entity's state after it."""
        from onestop.db.states import read_state  # writes only: a command that only reads never loads it

        raw = conn if isinstance(conn, Raw) else Raw(conn)
        state = read_state(raw, kind, key)
        event = dict(
            action=action,
            at=at or self.now(),
            user_id=actor.id,
            note=note,
            data=data or "",
            from_unit_id=from_unit_id,
            to_unit_id=to_unit_id,
            state=state,
        )
        if kind == "dossier":
            event["dossier_id"] = int(key)
        else:
            event["entity"] = f"{kind}:{key}"
        return append_events(raw, [event])[0]


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def requires(act: Act) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """A service method that needs ``act``: the configuration is synced, then the keyword-only
    ``actor`` is checked against the permission table before anything is read or written."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            service = args[0]
            ctx: Context = service.ctx  # type: ignore[attr-defined]
            if "actor" not in kwargs:
                raise TypeError(f"{fn.__qualname__}: actor= is required")
            ctx.sync()
            ctx.require(kwargs["actor"], act)  # type: ignore[arg-type]
            return fn(*args, **kwargs)

        wrapper.required_act = act  # type: ignore[attr-defined]
        return wrapper

    return decorate


def public(fn: Callable[P, R]) -> Callable[P, R]:
    """A service method anyone may call without signing in (what the counter's public screens and
    ``due`` show: the catalogue, the calendar, the agency's name). Syncs the configuration first."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        args[0].ctx.sync()  # type: ignore[attr-defined]
        return fn(*args, **kwargs)

    wrapper.required_act = None  # type: ignore[attr-defined]
    return wrapper
