"""Receiving dossiers at the counter: validation, the code, the appointment, the receipt.

The receive path is the counter's hot path (one dossier every minute or two per counter, and
``demo``/benchmarks many more): it runs through the driver inside SQLAlchemy's transaction
(``onestop.db.store.Raw``) and builds the dossier's state digest from the values it writes instead of
reading them back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from onestop import ledger
from onestop import validation as v
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.db.store import (
    Raw,
    append_events,
    fts_indexed_upto,
    index_pending,
    insert_ignore,
    next_value,
    reindex_one,
)
from onestop.errors import NotFoundError, StorageError, ValidationError
from onestop.services.context import Context, Stale, requires
from onestop.services.values import (
    APPLICANT_KINDS,
    CHANNELS,
    DOCUMENT_FORMS,
    RESULT_CHANNELS,
    Applicant,
    DossierView,
    EventView,
    ProcedureInfo,
    ReceiveRequest,
    SubmittedDocument,
)
from onestop.settings import Settings
from onestop.textfold import fold, nfc, search_key

# The receive path's statements (run through the driver: see onestop.db.store.Raw).
_INSERT_DOSSIER = (
    "INSERT INTO dossiers (code, procedure_id, unit_identifier, status, applicant_name, id_number, phone, address,"
    " email, search_key, sets, channel, result_channel, fee_text, fee_amount, received_at, due_at, received_by,"
    " register_volume, register_number, receipt_version, snapshot_id, applicant_kind, tax_code)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_INSERT_DOCUMENT = (
    "INSERT INTO dossier_documents (dossier_id, position, name, form, count) VALUES (?, ?, ?, ?, ?)"
)

SEARCH_BATCH = 32  # dossiers received before they are added to the FTS index together


class IntakeService:
    def __init__(self, ctx: Context, catalog: Any, dossiers: Any) -> None:
        self.ctx = ctx
        self.catalog = catalog
        self.dossiers = dossiers
        self._fts_upto = 0

    def clean_applicant(self, a: Applicant) -> Applicant:
        if a.kind not in APPLICANT_KINDS:
            raise ValidationError(
                "Người nộp: phải là cá nhân (person) hoặc tổ chức (organisation).", field="kind"
            )
        organisation = a.kind == "organisation"
        if not organisation and (a.tax_code or "").strip():
            raise ValidationError(
                "Mã số thuế (--tax-code): chỉ dành cho tổ chức (--kind organisation).", field="tax_code"
            )
        return Applicant(
            name=(
                v.clean_org_name(a.name, label="Tên tổ chức nộp hồ sơ", field="name")
                if organisation
                else v.clean_name(a.name, label="Họ và tên người nộp", field="name")
            ),
            id_number=v.clean_id_number(a.id_number, today=self.ctx.today()),
            phone=v.clean_phone(a.phone),
            address=v.clean_text(a.address, label="Địa chỉ", field="address", max_len=v.ADDRESS_MAX),
            email=v.clean_email(a.email),
            kind=a.kind,
            tax_code=v.clean_tax_code(a.tax_code) if organisation else "",
        )

    @requires(Act.RECEIVE)
    def receive(self, request: ReceiveRequest, *, actor: Actor) -> DossierView:
        """Receive one complete dossier: validate, allocate the code, compute the appointment, store."""
        applicant = self.clean_applicant(request.applicant)
        sets = v.clean_count(request.sets, label="Số lượng hồ sơ (bộ)", field="sets", lo=1, hi=99)
        if request.channel not in CHANNELS:
            raise ValidationError("Hình thức nộp: phải là counter, post hoặc online.", field="channel")
        result_channel = request.result_channel or request.channel
        if result_channel not in RESULT_CHANNELS:
            raise ValidationError(
                "Nơi nhận kết quả: phải là counter, post hoặc online.", field="result_channel"
            )
        rev = self.ctx.cached_revision  # synced and checked by @requires just now
        for _attempt in range(5):
            if rev is None:
                rev = self.ctx.sync()
                self.ctx.require(actor, Act.RECEIVE)
            try:
                return self._receive(request, applicant, sets, result_channel, rev, actor)
            except Stale:
                rev = None  # another counter changed the configuration meanwhile: use the new one
        raise StorageError("Cấu hình đang được thay đổi liên tục; vui lòng thử lại.")

    def _receive(
        self,
        request: ReceiveRequest,
        applicant: Applicant,
        sets: int,
        result_channel: str,
        rev: int,
        actor: Actor,
    ) -> DossierView:
        proc = self.catalog.procedure(request.procedure_code)
        documents = self._check_documents(proc, request.documents)
        fee_text = (
            v.clean_text(request.fee_text, label="Phí, lệ phí", field="fee", max_len=500)
            if request.fee_text is not None
            else proc.fee_text
        )
        fee_amount = (
            proc.fee_amount
            if request.fee_amount is None
            else v.clean_count(
                request.fee_amount, label="Phí, lệ phí thu (đồng)", field="fee_amount", lo=0, hi=1_000_000_000
            )
        )
        settings = self.ctx.settings()
        received_at = self.ctx.now()
        appointment = self.ctx.calendar().appointment(proc.limit, received_at)
        identifier = settings["agency.unit_identifier"]
        day_code = received_at.strftime("%y%m%d")
        volume = settings["register.volume"] or str(received_at.year)
        context = receipt_context(settings, proc, actor.full_name, result_channel)
        payload = json.dumps(context, ensure_ascii=False, sort_keys=True)
        snapshot_digest = hashlib.sha256(payload.encode()).hexdigest()
        key = search_key(applicant.name, applicant.id_number, applicant.phone)
        received_e = int(received_at.timestamp())
        due_e = int(appointment.due_at.timestamp())
        kind = None if applicant.kind == "person" else applicant.kind
        tax_code = applicant.tax_code or None
        snapshot_known = self.ctx.snapshots.get(snapshot_digest)

        def work(conn: Connection) -> tuple[int, str, int, int]:
            raw = Raw(conn)
            self.ctx.check_fresh(raw, rev)
            snapshot_id = snapshot_known or store_snapshot(conn, snapshot_digest, payload)
            number = next_value(raw, f"code:{identifier}:{day_code}")
            code = f"{identifier}-{day_code}-{number:04d}"
            register_number = next_value(raw, f"register:{identifier}:{volume}")
            row = (
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
                fee_amount,
                received_e,
                due_e,
                actor.id,
                volume,
                register_number,
                1,
                snapshot_id,
                kind,
                tax_code,
            )
            dossier_id = int(raw.one(_INSERT_DOSSIER, row)[0])
            docs = [(i, d.name, d.form, d.count) for i, d in enumerate(documents)]
            raw.many(_INSERT_DOCUMENT, [(dossier_id, *d) for d in docs])
            stored = dict(zip(_INSERT_COLUMNS, row, strict=True))
            state = ledger.dossier_state(dossier_id, stored, docs, (), snapshot_digest)
            append_events(
                raw,
                [
                    dict(
                        dossier_id=dossier_id,
                        action="receive",
                        at=received_at,
                        user_id=actor.id,
                        data={"due_at": appointment.due_at.astimezone(UTC).isoformat()},
                        state=state,
                    )
                ],
            )
            return dossier_id, code, register_number, snapshot_id

        dossier_id, code, register_number, snapshot_id = self.ctx.db.write(work)
        self.ctx.snapshots[snapshot_digest] = snapshot_id  # committed: safe to remember
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
            due_at=appointment.due_at.astimezone(self.ctx.tz),
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

    def _index_search_in_batches(self, last_id: int) -> None:
        if not self.ctx.db.is_sqlite or last_id - self._fts_upto < SEARCH_BATCH:
            return
        try:
            self.ctx.db.write(index_pending)
            with self.ctx.db.read() as conn:
                self._fts_upto = fts_indexed_upto(conn)
        except StorageError:
            pass  # the dossier is stored; searches still find it in the unindexed tail

    @staticmethod
    def _check_documents(
        proc: ProcedureInfo, submitted: Sequence[SubmittedDocument] | None
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
                raise ValidationError(f"Hình thức của giấy tờ thứ {i}: không hợp lệ.", field="documents")
            count = v.clean_count(
                d.count, label=f"Số lượng của giấy tờ thứ {i}", field="documents", lo=1, hi=99
            )
            clean.append(SubmittedDocument(name, form, count))
        given = {fold(d.name) for d in clean}
        missing = [d.name for d in proc.documents if d.required and fold(d.name) not in given]
        if missing:
            raise ValidationError("Thiếu giấy tờ bắt buộc: " + "; ".join(missing) + ".", field="documents")
        return clean

    @requires(Act.CORRECT)
    def correct_applicant(
        self, code: str, applicant: Applicant, *, actor: Actor, note: str = ""
    ) -> DossierView:
        """Correct contact details: a new receipt version with the same code; the old one stays."""
        clean = self.clean_applicant(applicant)
        note = v.clean_text(note, label="Ghi chú", field="note", max_len=1000)
        at = self.ctx.now()
        d = t.dossiers.c

        def work(conn: Connection) -> int:
            dossier = conn.execute(select(t.dossiers).where(d.code == (code or "").strip())).first()
            if dossier is None:
                raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{v.shown(code)}».", field="code")
            if dossier.receipt_version == 1:
                # The first correction also keeps version 1 as it was received (until now the dossier's own).
                old = Applicant(
                    dossier.applicant_name,
                    dossier.id_number,
                    dossier.phone,
                    dossier.address,
                    dossier.email,
                    dossier.applicant_kind or "person",
                    dossier.tax_code or "",
                )
                conn.execute(
                    insert(t.receipt_versions).values(
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
                insert(t.receipt_versions).values(
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
                update(t.dossiers)
                .where(d.id == dossier.id)
                .values(
                    applicant_name=clean.name,
                    id_number=clean.id_number,
                    phone=clean.phone,
                    address=clean.address,
                    email=clean.email,
                    applicant_kind=None if clean.kind == "person" else clean.kind,
                    tax_code=clean.tax_code or None,
                    receipt_version=version,
                    search_key=new_key,
                )
            )
            if self.ctx.db.is_sqlite:
                reindex_one(conn, dossier.id, dossier.search_key, new_key)
            self.ctx.record(
                conn,
                actor=actor,
                action="correct",
                kind="dossier",
                key=dossier.id,
                at=at,
                note=note,
                data={"receipt_version": version},
            )
            return int(dossier.id)

        dossier_id = self.ctx.db.write(work)
        view: DossierView = self.dossiers.by_id(dossier_id, actor=actor)
        return view

    @requires(Act.RECEIVE)
    def last_applicant(self, id_number: str, *, actor: Actor) -> Applicant | None:
        """The applicant as recorded on the newest dossier with this id number (to offer a fill-in)."""
        try:
            clean = v.clean_id_number(id_number, required=True)
        except ValidationError:
            return None
        from onestop.services.values import DossierFilter

        for row in self.dossiers.list_dossiers(DossierFilter(search=clean, limit=20), actor=actor):
            if row.id_number == clean:
                return self.dossiers.dossier(row.code, actor=actor).applicant  # type: ignore[no-any-return]
        return None

    @requires(Act.RECEIVE)
    def procedure_usage(self, *, actor: Actor, days: int = 90) -> dict[str, int]:
        """How often this clerk received each procedure lately (the picker lists those first)."""
        since = self.ctx.now() - timedelta(days=days)
        with self.ctx.db.read() as conn:
            rows = conn.execute(
                select(t.procedures.c.code, func.count())
                .join(t.dossiers, t.dossiers.c.procedure_id == t.procedures.c.id)
                .where(t.dossiers.c.received_at >= since, t.dossiers.c.received_by == actor.id)
                .group_by(t.procedures.c.code)
            ).all()
        return {code: int(n) for code, n in rows}


_INSERT_COLUMNS = (
    "code", "procedure_id", "unit_identifier", "status", "applicant_name", "id_number", "phone", "address",
    "email", "search_key", "sets", "channel", "result_channel", "fee_text", "fee_amount", "received_at", "due_at",
    "received_by", "register_volume", "register_number", "receipt_version", "snapshot_id", "applicant_kind",
    "tax_code",
)  # fmt: skip


def receipt_context(
    settings: Settings, proc: ProcedureInfo, clerk_name: str, result_channel: str
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


def store_snapshot(conn: Connection, digest: str, payload: str) -> int:
    insert_ignore(conn, t.snapshots, [{"digest": digest, "data": payload}])
    return int(conn.execute(select(t.snapshots.c.id).where(t.snapshots.c.digest == digest)).scalar_one())


def _version_data(applicant: Applicant) -> str:
    return json.dumps({"applicant": applicant.__dict__.copy()}, ensure_ascii=False)
