"""Digitising dossiers (số hóa): the scans of their components and of their results, and the reuse of
a paper already digitised for an earlier dossier of the same applicant (NĐ 45/2020, "tái sử dụng").

- ``attach`` stores files (PDF, PNG, JPEG, TIFF: ``onestop.pages``) as one PDF for one component of
  a dossier (its place in the receipt's list, 1-based) or for its result; ``scan`` does the same from
  a scanner (``onestop.scanning``). A later scan of the same component replaces it as the current
  one; the earlier stays in storage and in the history.
- Files are stored once each, content-addressed (``onestop.db.files`` says where and why); each
  attachment is a chained entity ("attachment:<id>") and an event in its dossier's history whose
  data carries the file's SHA-256, which ``verify`` checks against the stored bytes.
- ``reusable`` finds, for an identity number or tax code, the components digitised for earlier
  dossiers that may stand for the papers of a new one: same document name (accents, case and
  punctuation aside), still valid (a procedure document's ``valid_days`` from the scan; none: no
  limit). ``reuse`` records one for a dossier: a new attachment naming the same file, no copy.

Everything here is a plain blocking call (scanning, building a PDF, rendering thumbnails): the
screens run them on a worker thread.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, and_, case, distinct, exists, func, insert, or_, select

from onestop import pages as pg
from onestop import scanning
from onestop import validation as v
from onestop.auth import Act, Actor
from onestop.db import files
from onestop.db import schema as t
from onestop.db.store import inserted_id
from onestop.errors import NotFoundError, ValidationError
from onestop.services.context import Context, requires
from onestop.services.dossiers import attachment_views, current_attachments, document_names_of
from onestop.services.values import (
    STATUSES,
    AttachmentView,
    DocumentSpec,
    ReuseCandidate,
    SubmittedDocument,
)
from onestop.textfold import tokens

# A result can be digitised once the dossier is with the competent unit, and until long after.
RESULT_STATUSES = ("processing", "result_ready", "returned")


def _same_name(a: str, b: str) -> bool:
    return tokens(a) == tokens(b)


class DigitisationService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---- storing a scan

    @requires(Act.DIGITISE)
    def attach(
        self,
        code: str,
        sources: Sequence[Path | pg.Source],
        *,
        document: int | None = None,
        result: bool = False,
        actor: Actor,
    ) -> AttachmentView:
        """Store the pages of ``sources`` (files or in-memory ``pages.Source``) as one PDF: component
        ``document`` (None: the first without a scan) or, with ``result``, the electronic result.
        Everything is checked before anything is stored."""
        rules = pg.Rules.from_settings(self.ctx.settings())
        with self.ctx.db.read() as conn:
            _row, document, _name = self._target(conn, code, document, result)
        paths = [s for s in sources if isinstance(s, Path)]
        read = iter(pg.read_sources(paths, rules))
        given = [next(read) if isinstance(s, Path) else s for s in sources]
        built = pg.build(given, rules)  # the heavy part, outside the transaction
        at = self.ctx.now()

        def work(conn: Connection) -> int:
            row, number, name = self._target(conn, code, document, result)
            files.put(conn, built.pdf, built.sha256, at=at)
            return self._record(
                conn, row, number, name, sha256=built.sha256, pages=built.pages, at=at, actor=actor
            )

        return self._view(self.ctx.db.write(work))

    @requires(Act.DIGITISE)
    def scan(
        self,
        code: str,
        *,
        document: int | None = None,
        result: bool = False,
        device: str | None = None,
        resolution: int | None = None,
        pages: int = 1,
        mode: str | None = None,
        source: str | None = None,
        progress: scanning.Progress | None = None,
        cancel: threading.Event | None = None,
        actor: Actor,
    ) -> AttachmentView:
        """Scan ``pages`` pages (``device``: default the setting ``scan.device``) and attach them as
        ``attach`` does. The dossier and the component are checked before the scanner moves."""
        settings = self.ctx.settings()
        dpi = settings["scan.resolution"] if resolution is None else resolution
        if not isinstance(dpi, int) or not 50 <= dpi <= 1200:
            raise ValidationError("Độ phân giải (--resolution): từ 50 đến 1200 dpi.", field="resolution")
        with self.ctx.db.read() as conn:
            _row, document, _name = self._target(conn, code, document, result)
        with tempfile.TemporaryDirectory(prefix="onestop-scan-") as tmp:
            scanned = self.scan_pages(
                Path(tmp),
                device=device,
                resolution=dpi,
                pages=pages,
                mode=mode,
                source=source,
                progress=progress,
                cancel=cancel,
                actor=actor,
            )
            return self.attach(code, list(scanned), document=document, result=result, actor=actor)

    @requires(Act.DIGITISE)
    def scan_pages(
        self,
        into: Path,
        *,
        device: str | None = None,
        resolution: int | None = None,
        pages: int = 1,
        mode: str | None = None,
        source: str | None = None,
        progress: scanning.Progress | None = None,
        cancel: threading.Event | None = None,
        actor: Actor,
    ) -> list[Path]:
        """Scan pages into the folder ``into`` and store nothing (a screen shows them first, and may
        scan before the dossier exists): the files, in page order. ``device``: default the setting
        ``scan.device``; ``resolution``: default ``scan.resolution``."""
        settings = self.ctx.settings()
        dpi = settings["scan.resolution"] if resolution is None else resolution
        if not isinstance(dpi, int) or not 50 <= dpi <= 1200:
            raise ValidationError("Độ phân giải (--resolution): từ 50 đến 1200 dpi.", field="resolution")
        name = (device or settings["scan.device"] or "").strip() or None
        return scanning.scanner_for(name).scan(
            device=name,
            pages=pages,
            resolution=dpi,
            into=into,
            mode=mode,
            source=source,
            progress=progress,
            cancel=cancel,
        )

    @requires(Act.DIGITISE)
    def prepare(self, sources: Sequence[Path | pg.Source], *, actor: Actor) -> pg.Built:
        """The files as one PDF, checked by the agency's rules (``scan.*``), stored nowhere: what a
        screen shows and arranges before ``arrange`` and ``attach``."""
        rules = pg.Rules.from_settings(self.ctx.settings())
        paths = [s for s in sources if isinstance(s, Path)]
        read = iter(pg.read_sources(paths, rules))
        return pg.build([next(read) if isinstance(s, Path) else s for s in sources], rules)

    @requires(Act.DIGITISE)
    def arrange(self, picks: Sequence[pg.PagePick], *, actor: Actor) -> pg.Built:
        """One PDF of pages picked from prepared PDFs, in order, turned as asked (``pages.compose``),
        checked against the size limit; stored nowhere (``attach`` it)."""
        return pg.compose(picks, pg.Rules.from_settings(self.ctx.settings()))

    @requires(Act.DIGITISE)
    def devices(self, *, device: str | None = None, actor: Actor) -> list[scanning.ScanDevice]:
        """The scanners this counter can use (SANE's, or the watched folder of ``device`` or of the
        setting ``scan.device``)."""
        name = (device or self.ctx.settings()["scan.device"] or "").strip() or None
        return scanning.scanner_for(name).devices()

    # ---- reading scans

    @requires(Act.VIEW_DOSSIERS)
    def attachments(self, code: str, *, actor: Actor) -> list[AttachmentView]:
        """The current scan of each component (in the receipt's order), then the result's."""
        with self.ctx.db.read() as conn:
            row = _dossier(conn, code)
            return list(current_attachments(conn, row.id, row.code, self.ctx.tz))

    @requires(Act.VIEW_DOSSIERS)
    def pdf(self, code: str, *, document: int | None = None, result: bool = False, actor: Actor) -> bytes:
        """The stored PDF of component ``document`` or of the result."""
        found = self._current(code, document, result)
        with self.ctx.db.read() as conn:
            data = files.get(conn, found.sha256)
        if data is None:
            raise NotFoundError(
                f"Bản số hóa của {files.where(found.kind, found.document, found.code)}: tệp không còn trong "
                "cơ sở dữ liệu (chạy «onestop verify»).",
                field="document",
            )
        return data

    @requires(Act.VIEW_DOSSIERS)
    def thumbnails(
        self,
        code: str,
        *,
        document: int | None = None,
        result: bool = False,
        width: int = 200,
        pages: Sequence[int] | None = None,
        actor: Actor,
    ) -> list[bytes]:
        """Pages of a stored scan as PNG images ``width`` pixels wide (``pages``: 0-based; None: all),
        so that a screen needs no PDF library."""
        return pg.thumbnails(
            self.pdf(code, document=document, result=result, actor=actor), width=width, pages=pages
        )

    def _current(self, code: str, document: int | None, result: bool) -> AttachmentView:
        if result and document is not None:
            raise ValidationError("Chọn thành phần hồ sơ (--document) hoặc kết quả (--result), không cả hai.")
        if not result and document is None:
            raise ValidationError(
                "Thành phần hồ sơ (--document): chọn số thứ tự giấy tờ, hoặc --result.", field="document"
            )
        with self.ctx.db.read() as conn:
            row = _dossier(conn, code)
            current = current_attachments(conn, row.id, row.code, self.ctx.tz)
        kind = "result" if result else "component"
        for att in current:
            if att.kind == kind and (result or att.document == document):
                return att
        what = "kết quả" if result else f"thành phần {document}"
        raise NotFoundError(f"Hồ sơ {row.code}: {what} chưa được số hóa.", field="document")

    # ---- reuse (NĐ 45/2020)

    @requires(Act.VIEW_DOSSIERS)
    def reusable(
        self, id_number: str, documents: Sequence[DocumentSpec | SubmittedDocument | str], *, actor: Actor
    ) -> list[ReuseCandidate]:
        """The scans of earlier dossiers of the applicant with this identity number or tax code that
        may stand for ``documents`` now: for each document in order, the valid distinct scans, newest
        first. Pass the procedure's ``DocumentSpec``s: they carry the validity (``valid_days``) that
        ``reuse`` will hold the scan to; a bare name has none."""
        key = _identity(id_number)
        if not key:
            return []
        now, tz = self.ctx.now(), self.ctx.tz
        a, d = t.attachments.c, t.dossiers.c
        with self.ctx.db.read() as conn:
            # No index on the identity columns (random keys slow every insert): the dossiers are
            # scanned once, off the screen's thread; attachments are found by their dossier.
            rows = conn.execute(
                select(
                    a.id, a.dossier_id, a.document, a.sha256, a.pages, a.attached_at, a.reused_from, d.code
                )
                .join(t.dossiers, d.id == a.dossier_id)
                .where(a.kind == "component", or_(d.id_number == key, d.tax_code == key))
                .order_by(a.id)
            ).all()
            names = _document_names(conn, {r.dossier_id for r in rows})
        latest: dict[tuple[int, int], Any] = {}
        for r in rows:
            latest[(r.dossier_id, r.document)] = r  # a later scan of a component replaces it
        originals = sorted(
            (r for r in latest.values() if r.reused_from is None),
            key=lambda r: (r.attached_at, r.id),
            reverse=True,
        )
        found: list[ReuseCandidate] = []
        for number, doc in enumerate(documents, start=1):
            name = doc if isinstance(doc, str) else doc.name
            days = doc.valid_days if isinstance(doc, DocumentSpec) else None
            seen: set[str] = set()
            for r in originals:
                source_name = names.get((r.dossier_id, r.document), "")
                if r.sha256 in seen or not _same_name(source_name, name):
                    continue
                until = r.attached_at + timedelta(days=days) if days else None
                if until is not None and until < now:
                    continue
                seen.add(r.sha256)
                found.append(
                    ReuseCandidate(
                        document=number,
                        document_name=name,
                        attachment_id=int(r.id),
                        code=r.code,
                        at=r.attached_at.astimezone(tz),
                        pages=int(r.pages),
                        sha256=r.sha256,
                        valid_until=until.astimezone(tz) if until else None,
                    )
                )
        return found

    @requires(Act.DIGITISE)
    def reuse(self, code: str, component: int, attachment_id: int, *, actor: Actor) -> AttachmentView:
        """Record that component ``component`` of dossier ``code`` is the scan ``attachment_id`` of an
        earlier dossier of the same applicant (same file, no copy)."""
        at = self.ctx.now()
        a, d = t.attachments.c, t.dossiers.c

        def work(conn: Connection) -> int:
            row, number, name = self._target(conn, code, component, False)
            src = conn.execute(
                select(a.id, a.dossier_id, a.kind, a.document, a.sha256, a.pages, a.reused_from)
                .add_columns(d.code, d.id_number, d.tax_code)
                .join(t.dossiers, d.id == a.dossier_id)
                .where(a.id == attachment_id)
            ).first()
            if src is None or src.kind != "component":
                raise NotFoundError(f"Bản số hóa số {attachment_id}: không có.", field="attachment")
            if src.dossier_id == row.id:
                raise ValidationError(
                    f"Bản số hóa số {attachment_id}: thuộc chính hồ sơ {row.code}.", field="attachment"
                )
            mine = {k for k in (row.id_number, row.tax_code) if k}
            if not mine & {k for k in (src.id_number, src.tax_code) if k}:
                raise ValidationError(
                    f"Bản số hóa số {attachment_id} thuộc hồ sơ {src.code} của người nộp khác: chỉ tái sử dụng "
                    "giấy tờ của chính người nộp (cùng số định danh hoặc mã số thuế).",
                    field="attachment",
                )
            source_name = _document_names(conn, {src.dossier_id}).get((src.dossier_id, src.document), "")
            if not _same_name(source_name, name):
                raise ValidationError(
                    f"Bản số hóa số {attachment_id} là «{source_name}», không phải «{name}».",
                    field="attachment",
                )
            root = int(src.reused_from or src.id)
            scanned = conn.execute(select(a.attached_at).where(a.id == root)).scalar_one()
            days = _valid_days(conn, row.procedure_id, name)
            if days and scanned + timedelta(days=days) < at:
                raise ValidationError(
                    f"Bản số hóa số {attachment_id} («{name}», quét ngày {scanned.astimezone(self.ctx.tz):%d/%m/%Y}) "
                    f"đã quá thời hạn sử dụng {days} ngày: cần bản giấy mới.",
                    field="attachment",
                )
            return self._record(
                conn,
                row,
                number,
                name,
                sha256=src.sha256,
                pages=int(src.pages),
                at=at,
                actor=actor,
                reused_from=(root, src.code),
            )

        return self._view(self.ctx.db.write(work))

    # ---- the machinery

    def _target(
        self, conn: Connection, code: str, document: int | None, result: bool
    ) -> tuple[Any, int | None, str]:
        """The dossier and the place a scan goes to: (row, component number or None, its name)."""
        row = _dossier(conn, code)
        if result:
            if document is not None:
                raise ValidationError(
                    "Chọn thành phần hồ sơ (--document) hoặc kết quả (--result), không cả hai."
                )
            if row.status not in RESULT_STATUSES:
                raise ValidationError(
                    f"Kết quả (--result): hồ sơ {row.code} đang ở trạng thái «{STATUSES.get(row.status, row.status)}», "
                    "chưa có kết quả để số hóa.",
                    field="result",
                )
            return row, None, "Kết quả giải quyết"
        names = [n for (n,) in conn.execute(document_names_of(row.id))]
        if document is None:
            a = t.attachments.c
            done = {
                n
                for (n,) in conn.execute(
                    select(a.document).where(a.dossier_id == row.id, a.kind == "component")
                )
            }
            document = next((i for i in range(1, len(names) + 1) if i not in done), None)
            if document is None:
                raise ValidationError(
                    f"Thành phần hồ sơ (--document): mọi giấy tờ của hồ sơ {row.code} đã được số hóa; "
                    "chọn số thứ tự giấy tờ cần quét lại.",
                    field="document",
                )
        if isinstance(document, bool) or not isinstance(document, int) or not 1 <= document <= len(names):
            raise ValidationError(
                f"Thành phần hồ sơ (--document): hồ sơ {row.code} có {len(names)} giấy tờ; chọn từ 1 đến {len(names)}."
                if names
                else f"Thành phần hồ sơ (--document): hồ sơ {row.code} không có giấy tờ nào.",
                field="document",
            )
        return row, document, names[document - 1]

    def _record(
        self,
        conn: Connection,
        row: Any,
        number: int | None,
        name: str,
        *,
        sha256: str,
        pages: int,
        at: datetime,
        actor: Actor,
        reused_from: tuple[int, str] | None = None,
    ) -> int:
        """The attachment row and its two chained events: the entity's, and one in the dossier's history."""
        kind = "component" if number is not None else "result"
        aid = inserted_id(
            conn.execute(
                insert(t.attachments).values(
                    dossier_id=row.id,
                    kind=kind,
                    document=number,
                    sha256=sha256,
                    pages=pages,
                    attached_by=actor.id,
                    attached_at=at,
                    reused_from=reused_from[0] if reused_from else None,
                )
            )
        )
        action = "reuse" if reused_from else "attach"
        data: dict[str, Any] = {"attachment": aid, "kind": kind, "sha256": sha256, "pages": pages}
        if number is not None:
            data["document"] = number
        what = f"Thành phần {number}: {name}" if number is not None else "Kết quả giải quyết"
        note = f"{what} — {pages} trang"
        if reused_from:
            data["from"] = reused_from[1]
            note += f", tái sử dụng bản số hóa của hồ sơ {reused_from[1]}"
        self.ctx.record(
            conn, actor=actor, action=action, kind="attachment", key=aid, at=at, note=note, data=data
        )
        self.ctx.record(
            conn, actor=actor, action=action, kind="dossier", key=row.id, at=at, note=note, data=data
        )
        return aid

    def _view(self, attachment_id: int) -> AttachmentView:
        with self.ctx.db.read() as conn:
            dossier_id, code = conn.execute(
                select(t.dossiers.c.id, t.dossiers.c.code)
                .join(t.attachments, t.attachments.c.dossier_id == t.dossiers.c.id)
                .where(t.attachments.c.id == attachment_id)
            ).one()
            views = attachment_views(
                conn, [t.attachments.c.id == attachment_id], dossier_id, code, self.ctx.tz
            )
        return views[0]


# --------------------------------------------------------------------------- shared with other services


def report_groups(conn: Connection, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """The digitisation figures of the period report (``svc.reports.report``), in one aggregate query
    grouped by procedure and receiving clerk, like the report's other passes:

    - ``digitised``: dossiers received in [start, end) with at least one component and a current scan
      of every one of them;
    - ``electronic_results``: dossiers whose result was ready in [start, end) with a digitised result.

    Only dossiers that have an attachment can count, so the query starts from those (an index on
    ``attachments.dossier_id``), not from the period's dossiers."""
    d, a, dd = t.dossiers.c, t.attachments.c, t.dossier_documents.c
    received = and_(d.received_at >= start, d.received_at < end)
    finished = and_(d.result_at >= start, d.result_at < end)
    scanned = (
        select(func.count(distinct(a.document)))
        .where(a.dossier_id == d.id, a.kind == "component")
        .scalar_subquery()
    )
    submitted = select(func.count()).where(dd.dossier_id == d.id).scalar_subquery()
    result_scan = exists().where(a.dossier_id == d.id, a.kind == "result")
    rows = conn.execute(
        select(
            d.procedure_id,
            d.received_by,
            func.sum(case((and_(received, submitted > 0, scanned >= submitted), 1), else_=0)).label(
                "digitised"
            ),
            func.sum(case((and_(finished, result_scan), 1), else_=0)).label("electronic_results"),
        )
        .where(d.id.in_(select(a.dossier_id)), or_(received, finished))
        .group_by(d.procedure_id, d.received_by)
    )
    return [{k: int(v or 0) for k, v in row._mapping.items()} for row in rows]


def _document_names(conn: Connection, dossier_ids: set[int]) -> dict[tuple[int, int], str]:
    """(dossier id, component number) → the document's name, for these dossiers."""
    if not dossier_ids:
        return {}
    dd = t.dossier_documents.c
    out: dict[tuple[int, int], str] = {}
    counts: dict[int, int] = {}
    for did, name in conn.execute(
        select(dd.dossier_id, dd.name)
        .where(dd.dossier_id.in_(dossier_ids))
        .order_by(dd.dossier_id, dd.position, dd.id)
    ):
        counts[did] = counts.get(did, 0) + 1
        out[(did, counts[did])] = name
    return out


def _valid_days(conn: Connection, procedure_id: int, name: str) -> int | None:
    """How long a scan of the paper ``name`` may be reused under this procedure (None: no limit)."""
    pd = t.procedure_documents.c
    for doc_name, days in conn.execute(
        select(pd.name, pd.valid_days).where(pd.procedure_id == procedure_id, pd.valid_days.is_not(None))
    ):
        if _same_name(doc_name, name):
            return int(days)
    return None


def _identity(text: str) -> str:
    """An identity number or tax code as stored: without spaces and dots."""
    return "".join(ch for ch in (text or "") if ch not in " .\t").strip()


def _dossier(conn: Connection, code: str) -> Any:
    code = (code or "").strip()
    if not code:
        raise ValidationError("Mã hồ sơ: không được để trống.", field="code")
    d = t.dossiers.c
    row = conn.execute(
        select(d.id, d.code, d.status, d.procedure_id, d.id_number, d.tax_code).where(d.code == code)
    ).first()
    if row is None:
        raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{v.shown(code)}».", field="code")
    return row
