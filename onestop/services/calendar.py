"""The working calendar per year (an editable table) and the appointment preview.

A year nobody has stored is computed from the official sources (the shipped list, else the
``holidays`` package) without writing anything: asking for an appointment never changes the
database. ``init`` stores this year and the next; an administrator's edit stores the year first.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, delete, insert, select, update

from onestop import validation as v
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.errors import ValidationError
from onestop.services.context import Context, public, requires
from onestop.worktime import DAY_KINDS, Appointment, CalendarDay, is_official, official_days

FIRST_YEAR, LAST_YEAR = 1900, 2100  # the years the calendar (and the holidays package) can answer for


def check_year(year: int, *, field: str = "year") -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError(f"Năm: phải từ {FIRST_YEAR} đến {LAST_YEAR}.", field=field)


class CalendarService:
    def __init__(self, ctx: Context, catalog: object) -> None:
        self.ctx = ctx
        self.catalog = catalog  # CatalogService (procedure lookups for the preview)

    @public
    def days(self, year: int) -> list[CalendarDay]:
        check_year(year)
        return self.ctx.calendar_days(year)

    def is_stored(self, year: int) -> bool:
        with self.ctx.db.read() as conn:
            return (
                conn.execute(select(t.calendar_years.c.year).where(t.calendar_years.c.year == year)).first()
                is not None
            )

    @requires(Act.MANAGE_CALENDAR)
    def seed_year(self, year: int, *, replace: bool = False, actor: Actor) -> int:
        """Store a year from the official sources (``replace``: drop the stored one first, losing its
        edits). Returns how many special days were stored (0: the year was stored already)."""
        check_year(year)

        def work(conn: Connection) -> int:
            if replace:
                conn.execute(delete(t.calendar_days).where(t.calendar_days.c.year == year))
                conn.execute(delete(t.calendar_years).where(t.calendar_years.c.year == year))
            elif self._stored(conn, year):
                return 0
            count = self._seed(conn, year)
            self.ctx.record(
                conn, actor=actor, action="calendar_seed", kind="calendar", key=year, note=f"{count} ngày"
            )
            self.ctx.bump(conn)
            return count

        count = self.ctx.db.write(work)
        self.ctx.invalidate()
        return count

    @requires(Act.MANAGE_CALENDAR)
    def set_day(self, day: date, kind: str, name: str, *, actor: Actor) -> None:
        check_year(day.year, field="day")
        if kind not in DAY_KINDS:
            raise ValidationError("Loại ngày: không hợp lệ.", field="kind")
        name = v.clean_text(name, label="Tên ngày", field="name", max_len=255, required=True)

        def work(conn: Connection) -> None:
            if not self._stored(conn, day.year):
                self._seed(conn, day.year)  # the edit goes into the stored year, never lost to a seed
            conn.execute(delete(t.calendar_days).where(t.calendar_days.c.day == day))
            conn.execute(insert(t.calendar_days).values(day=day, year=day.year, kind=kind, name=name))
            self._mark_edited(conn, day.year)
            self.ctx.record(
                conn,
                actor=actor,
                action="calendar_day",
                kind="calendar",
                key=day.year,
                note=f"{day:%d/%m/%Y}: {name}",
            )
            self.ctx.bump(conn)

        self.ctx.db.write(work)
        self.ctx.invalidate()

    @requires(Act.MANAGE_CALENDAR)
    def remove_day(self, day: date, *, actor: Actor) -> None:
        check_year(day.year, field="day")

        def work(conn: Connection) -> None:
            if not self._stored(conn, day.year):
                self._seed(conn, day.year)
            conn.execute(delete(t.calendar_days).where(t.calendar_days.c.day == day))
            self._mark_edited(conn, day.year)
            self.ctx.record(
                conn,
                actor=actor,
                action="calendar_remove",
                kind="calendar",
                key=day.year,
                note=f"{day:%d/%m/%Y}",
            )
            self.ctx.bump(conn)

        self.ctx.db.write(work)
        self.ctx.invalidate()

    @public
    def preview_due(self, procedure_code: str, at: datetime | None = None) -> Appointment:
        """The appointment a dossier would get if received at ``at`` (default now): nothing is saved."""
        proc = self.catalog.procedure(procedure_code)  # type: ignore[attr-defined]
        when = (at or self.ctx.now()).replace(microsecond=0)
        check_year(when.astimezone(self.ctx.tz).year, field="at")
        return self.ctx.calendar().appointment(proc.limit, when)

    # ---- inside a transaction

    @staticmethod
    def _stored(conn: Connection, year: int) -> bool:
        return (
            conn.execute(select(t.calendar_years.c.year).where(t.calendar_years.c.year == year)).first()
            is not None
        )

    def _seed(self, conn: Connection, year: int) -> int:
        days = official_days(year)
        if days:
            conn.execute(
                insert(t.calendar_days),
                [{"day": d.date, "year": year, "kind": d.kind, "name": d.name} for d in days],
            )
        source = "official" if is_official(year) else "provisional"
        conn.execute(
            insert(t.calendar_years).values(year=year, seeded_at=self.ctx.clock.now(), source=source)
        )
        return len(days)

    @staticmethod
    def _mark_edited(conn: Connection, year: int) -> None:
        conn.execute(update(t.calendar_years).where(t.calendar_years.c.year == year).values(source="edited"))

    @public
    def source(self, year: int) -> str:
        """ "official", "provisional" (computed from the holidays package: check it against the
        government's notice), "edited" (by an administrator) or "" (stored before sources were kept)."""
        check_year(year)
        with self.ctx.db.read() as conn:
            row = conn.execute(
                select(t.calendar_years.c.source).where(t.calendar_years.c.year == year)
            ).first()
        if row is None:
            return "official" if is_official(year) else "provisional"
        return str(row[0] or "")

    @requires(Act.MANAGE_CALENDAR)
    def refresh(self, *, actor: Actor) -> list[int]:
        """Stored years that came from a list (official or provisional) and that a newer list shipped
        with the program changes are replaced by it; a year an administrator edited never is.
        Returns the years replaced."""
        cy = t.calendar_years.c
        c = t.calendar_days.c

        def work(conn: Connection) -> list[int]:
            changed = []
            for year, source in conn.execute(
                select(cy.year, cy.source).where(cy.source.in_(("official", "provisional")))
            ).all():
                stored = [
                    (str(d), k, n)
                    for d, k, n in conn.execute(
                        select(c.day, c.kind, c.name).where(c.year == year).order_by(c.day)
                    )
                ]
                fresh = [(d.date.isoformat(), d.kind, d.name) for d in official_days(year)]
                wanted = "official" if is_official(year) else "provisional"
                if stored == fresh and source == wanted:
                    continue
                conn.execute(delete(t.calendar_days).where(c.year == year))
                conn.execute(delete(t.calendar_years).where(cy.year == year))
                self._seed(conn, year)
                note = "Theo danh sách chính thức mới" if wanted == "official" else "Lịch tạm tính cập nhật"
                self.ctx.record(
                    conn, actor=actor, action="calendar_refresh", kind="calendar", key=year, note=note
                )
                changed.append(year)
            if changed:
                self.ctx.bump(conn)
            return changed

        years: list[int] = self.ctx.db.write(work)
        self.ctx.invalidate()
        return years
