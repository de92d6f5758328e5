"""Looking dossiers up: one by code (with its history), lists and accent-insensitive search."""

from __future__ import annotations

import json
import re
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, distinct, func, or_, select, text

from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.db.store import fts_indexed_upto, index_pending
from onestop.errors import NotFoundError, ValidationError
from onestop.services.context import Context, requires
from onestop.services.dossier_values import (
    STATUSES,
    Applicant,
    AttachmentView,
    DossierView,
    EventView,
    RatingView,
    SubmittedDocument,
)
from onestop.textfold import tokens

if TYPE_CHECKING:  # lists only: looking one dossier up (``onestop show``) defines neither
    from onestop.services.values import DossierFilter, DossierRow

# The dossier's columns that its view shows (not its search key, holder or state digest).
_VIEW_COLUMNS = (
    "id", "code", "status", "applicant_name", "applicant_kind", "id_number", "tax_code", "phone", "address",
    "email", "received_at", "due_at", "extended_due_at", "legal_due_at", "sets", "channel", "result_channel",
    "fee_text", "register_volume", "register_number", "receipt_version",
)  # fmt: skip

_CODE_RE = re.compile(r"[A-Za-z0-9.]+-\d{6}-\d{4,}")


class DossierService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @requires(Act.VIEW_DOSSIERS)
    def dossier(self, code: str, *, actor: Actor) -> DossierView:
        code = (code or "").strip()
        if not code:
            raise ValidationError("Mã hồ sơ: không được để trống.", field="code")
        return self._dossier_by(t.dossiers.c.code == code, actor, missing=code)

    @requires(Act.VIEW_DOSSIERS)
    def by_id(self, dossier_id: int, *, actor: Actor) -> DossierView:
        return self._dossier_by(t.dossiers.c.id == dossier_id, actor)

    @requires(Act.VIEW_DOSSIERS)
    def find_code(self, code: str, *, actor: Actor) -> bool:
        """Whether a dossier with exactly this code exists (one indexed lookup; the scanner uses it)."""
        with self.ctx.db.read() as conn:
            return (
                conn.execute(select(t.dossiers.c.id).where(t.dossiers.c.code == (code or "").strip())).first()
                is not None
            )

    def _dossier_by(self, where: Any, actor: Actor, missing: str | None = None) -> DossierView:
        """``missing``: the code looked up, named in the message when there is no such dossier."""
        tz = self.ctx.tz
        d, p, s = t.dossiers.c, t.procedures.c, t.staff.c
        see_levels = Act.VIEW_RATINGS in self.ctx.permissions(actor)
        with self.ctx.db.read() as conn:
            row = conn.execute(
                select(*(d[name] for name in _VIEW_COLUMNS), p.code.label("p_code"), p.name.label("p_name"),
                       p.version.label("p_version"), s.username.label("clerk"), s.full_name.label("clerk_name"),
                       t.units.c.name.label("unit"))
                .select_from(t.dossiers)
                .join(t.procedures, p.id == d.procedure_id)
                .join(t.staff, s.id == d.received_by)
                .outerjoin(t.units, t.units.c.id == d.current_unit_id)
                .where(where)
            ).first()  # fmt: skip
            if row is None:
                if missing is None:
                    raise NotFoundError("Không có hồ sơ.", field="code")
                from onestop.validation import shown

                raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{shown(missing)}».", field="code")
            dc = t.dossier_documents.c
            docs = tuple(
                SubmittedDocument(*x)  # (a Row's .count is tuple.count: unpack, never x.count)
                for x in conn.execute(
                    select(dc.name, dc.form, dc.count).where(dc.dossier_id == row.id).order_by(dc.position)
                )
            )
            units = dict(conn.execute(select(t.units.c.id, t.units.c.name)).all())
            r = t.ratings.c
            ratings = tuple(
                RatingView(
                    event=x.event,
                    at=x.at.astimezone(tz),
                    channel=x.channel,
                    level=x.level if see_levels else None,
                    satisfied=bool(x.satisfied) if see_levels else None,
                )
                for x in conn.execute(
                    select(r.level, r.event, r.at, r.channel, r.satisfied)
                    .where(r.dossier_id == row.id)
                    .order_by(r.id)
                )
            )
            attachments = current_attachments(conn, row.id, row.code, tz)
            e = t.events.c
            events = tuple(
                EventView(
                    action=x.action,
                    at=x.at.astimezone(tz),
                    user=x.username,
                    user_name=x.full_name,
                    note=x.note,
                    from_unit=units.get(x.from_unit_id),
                    to_unit=units.get(x.to_unit_id),
                    step=_step_verdict(x.data) if x.action in _HANDOVERS else "",
                )
                for x in conn.execute(
                    select(
                        e.action, e.at, e.note, e.from_unit_id, e.to_unit_id, e.data, s.username, s.full_name
                    )
                    .join(t.staff, s.id == e.user_id)
                    .where(e.dossier_id == row.id)
                    .order_by(e.id)
                )
            )
        return DossierView(
            id=row.id,
            code=row.code,
            status=row.status,
            procedure_code=row.p_code,
            procedure_name=row.p_name,
            procedure_version=row.p_version,
            applicant=Applicant(
                row.applicant_name,
                row.id_number,
                row.phone,
                row.address,
                row.email,
                row.applicant_kind or "person",
                row.tax_code or "",
            ),
            received_at=row.received_at.astimezone(tz),
            due_at=row.due_at.astimezone(tz),
            extended_due_at=row.extended_due_at.astimezone(tz) if row.extended_due_at else None,
            received_by=row.clerk,
            received_by_name=row.clerk_name,
            sets=row.sets,
            channel=row.channel,
            result_channel=row.result_channel,
            fee_text=row.fee_text,
            register_volume=row.register_volume,
            register_number=row.register_number,
            receipt_version=row.receipt_version,
            current_unit=row.unit,
            documents=docs,
            events=events,
            ratings=ratings,
            attachments=attachments,
            legal_due_at=row.legal_due_at.astimezone(tz) if row.legal_due_at else None,
        )

    @requires(Act.VIEW_DOSSIERS)
    def list_dossiers(self, flt: DossierFilter, *, actor: Actor) -> list[DossierRow]:
        """Dossiers received in a period, newest first, at most ``limit``; search is accent-insensitive.
        A search with no letter or digit in it finds nothing (not everything)."""
        if not 1 <= flt.limit <= 10_000:
            raise ValidationError("Giới hạn số dòng: phải từ 1 đến 10000.", field="limit")
        if flt.status and flt.status not in STATUSES:
            raise ValidationError(
                "Trạng thái: phải là một trong " + ", ".join(STATUSES) + ".", field="status"
            )
        for when, label, field in ((flt.date_from, "Từ ngày", "from"), (flt.date_to, "Đến ngày", "to")):
            if when is not None and not 1900 <= when.year <= 2100:
                raise ValidationError(f"{label}: phải trong khoảng năm 1900–2100.", field=field)
        if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
            raise ValidationError("Khoảng thời gian: ngày bắt đầu sau ngày kết thúc.", field="from")
        query = (flt.search or "").strip()
        words = _search_words(query)
        if query and not words:
            return []
        tz = self.ctx.tz
        d = t.dossiers.c
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
        if _CODE_RE.fullmatch(query):
            # A whole dossier code (typed or scanned): its unique index answers at once.
            conds.append(d.code == query)
            words = []
        elif len(words) > 1:
            # The unit identifier's words are in every code: as search words they only cost time.
            common = set(tokens(self.ctx.settings()["agency.unit_identifier"]))
            words = [w for w in words if w not in common] or words
        stmt = (
            select(
                d.id,
                d.code,
                d.status,
                t.procedures.c.code,
                d.applicant_name,
                d.id_number,
                d.phone,
                d.received_at,
                d.due_at,
                t.staff.c.username,
                t.staff.c.full_name,
                # Whether it is digitised, in the same query (each an indexed look-up by dossier).
                select(func.count())
                .where(t.dossier_documents.c.dossier_id == d.id)
                .scalar_subquery()
                .label("documents"),
                select(func.count(distinct(t.attachments.c.document)))
                .where(t.attachments.c.dossier_id == d.id, t.attachments.c.kind == "component")
                .scalar_subquery()
                .label("scanned"),
            )
            .join(t.procedures, t.procedures.c.id == d.procedure_id)
            .join(t.staff, t.staff.c.id == d.received_by)
        )
        if words and self.ctx.db.is_sqlite:
            return self._search_sqlite(stmt, conds, words, flt.limit)
        if words:
            conds.extend(_word_prefix(d.search_key, w) for w in words)
        if conds:
            stmt = stmt.where(and_(*conds))
        stmt = stmt.order_by(d.received_at.desc(), d.id.desc()).limit(flt.limit)
        with self.ctx.db.read() as conn:
            return [_row(r, tz) for r in conn.execute(stmt)]

    def _search_sqlite(self, stmt: Any, conds: list[Any], words: list[str], limit: int) -> list[DossierRow]:
        """FTS5 over the indexed dossiers, walked newest first so it stops at the limit, plus a scan of
        the few received since the last index batch."""
        d = t.dossiers.c
        tz = self.ctx.tz
        fts = " AND ".join('"' + w + '"*' for w in words)
        with self.ctx.db.read() as conn:
            upto = fts_indexed_upto(conn)
            tail_size = conn.execute(select(func.count()).where(d.id > upto)).scalar_one()
        if tail_size > 2000:  # e.g. rows written by another program: index them once, then search
            self.ctx.db.write(index_pending)
            return self._search_sqlite(stmt, conds, words, limit)
        with self.ctx.db.read() as conn:
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


def _row(r: Any, tz: Any) -> DossierRow:
    from onestop.services.values import DossierRow

    return DossierRow(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        r[5],
        r[6],
        r[7].astimezone(tz),
        r[8].astimezone(tz),
        r[9],
        r[10],
        int(r[11] or 0),
        int(r[12] or 0),
    )


def _word_prefix(column: Any, word: str) -> Any:
    """A word of the folded key starts with ``word`` (the same meaning as FTS5's "word"* query)."""
    return (" " + column).like(f"% {word}%")


def _search_words(text_: str) -> list[str]:
    raw = (text_ or "").strip()
    if raw.startswith("+84"):
        raw = "0" + raw[3:]
    return tokens(raw)[:8]


# --------------------------------------------------------------------------- the digitised files


def current_attachments(conn: Connection, dossier_id: int, code: str, tz: Any) -> tuple[AttachmentView, ...]:
    """The current scan of each component of a dossier (in the receipt's order), then the result's."""
    latest: dict[tuple[str, int | None], AttachmentView] = {}
    for view in attachment_views(conn, [t.attachments.c.dossier_id == dossier_id], dossier_id, code, tz):
        latest[(view.kind, view.document)] = view
    return tuple(sorted(latest.values(), key=lambda x: (x.kind == "result", x.document or 0)))


def attachment_views(
    conn: Connection, where: list[Any], dossier_id: int, code: str, tz: Any
) -> list[AttachmentView]:
    a, s, f = t.attachments.c, t.staff.c, t.files.c
    source = t.attachments.alias("source")
    origin = t.dossiers  # the earlier dossier (the table itself: the query joins no other dossier)
    rows = conn.execute(
        select(
            a.id,
            a.kind,
            a.document,
            a.sha256,
            a.pages,
            a.attached_at,
            s.username,
            s.full_name,
            f.size,  # the size column only: a file's bytes are read when it is opened
            origin.c.code.label("from_code"),
        )
        .join(t.staff, s.id == a.attached_by)
        .outerjoin(t.files, f.sha256 == a.sha256)
        .outerjoin(source, source.c.id == a.reused_from)
        .outerjoin(origin, origin.c.id == source.c.dossier_id)
        .where(*where)
        .order_by(a.id)
    ).all()
    names = [n for (n,) in conn.execute(document_names_of(dossier_id))] if rows else []
    return [
        AttachmentView(
            id=int(r.id),
            code=code,
            kind=r.kind,
            document=r.document,
            document_name=(
                names[r.document - 1] if r.document and r.document <= len(names) else "Kết quả giải quyết"
            ),
            pages=int(r.pages),
            sha256=r.sha256,
            size=int(r.size or 0),
            at=r.attached_at.astimezone(tz),
            by=r.username,
            by_name=r.full_name,
            reused_from=r.from_code,
        )
        for r in rows
    ]


def document_names_of(dossier_id: int) -> Any:
    dd = t.dossier_documents.c
    return select(dd.name).where(dd.dossier_id == dossier_id).order_by(dd.position, dd.id)


_HANDOVERS = ("transfer", "result", "return")  # onestop.lifecycle.HANDOVERS (not imported by ``show``)


def _step_verdict(data: str | None) -> str:
    """How the step a handover ended went, as its event's data keeps it (onestop.db.tally)."""
    if not data or '"step"' not in data:
        return ""
    try:
        return str(json.loads(data).get("step") or "")
    except ValueError:  # data written by hand behind the program's back: not a verdict
        return ""
