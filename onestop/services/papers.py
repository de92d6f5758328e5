"""The papers a dossier gets (Mẫu 01-06): their data built from storage, as the dossier was received.

Every paper prints the names in force when the dossier was received (the snapshot stored with it),
the applicant as the latest receipt version has them, and the step it records (the supplement
request, the refusal, the re-appointment, the stop, the handovers) from the chained history. The
renderers (``onestop.forms``) only lay them out. Mẫu 02 can also be made at the counter from the
procedure's checklist *without receiving* the dossier: no code is used up, nothing is written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, select

from onestop import lifecycle as lc
from onestop import validation as v
from onestop.auth import Act, Actor, Role
from onestop.db import schema as t
from onestop.errors import NotFoundError, ValidationError
from onestop.forms.model import (
    ApologyData,
    ApplicantInfo,
    ControlSheetData,
    FormHeader,
    GuidanceData,
    GuidanceItem,
    Handover,
    ReceiptData,
    ReceiptDocument,
    RefusalData,
    StopData,
)
from onestop.services.context import Context, requires
from onestop.services.values import Applicant

KINDS = ("01", "02", "03", "04", "05", "06")
_STEP_OF = {"02": "supplement", "03": "refuse", "04": "extend", "05": "stop"}
_MISSING = {
    "02": "hồ sơ này chưa có yêu cầu bổ sung",
    "03": "hồ sơ này không bị từ chối",
    "04": "hồ sơ này chưa được hẹn lại",
    "05": "hồ sơ này không bị dừng giải quyết",
}


class PaperService:
    def __init__(self, ctx: Context, catalog: Any, dossiers: Any) -> None:
        self.ctx = ctx
        self.catalog = catalog
        self.dossiers = dossiers

    @requires(Act.VIEW_DOSSIERS)
    def form(self, code: str, kind: str, *, actor: Actor) -> Any:
        """The data of Mẫu ``kind`` ("01".."06") for this dossier (``onestop.forms.render_form``)."""
        kind = (kind or "").strip().zfill(2)
        if kind not in KINDS:
            raise ValidationError("Loại biểu mẫu (KIND): phải là 01, 02, 03, 04, 05 hoặc 06.", field="kind")
        if kind == "01":
            return self.receipt_data(code, actor=actor)
        with self.ctx.db.read() as conn:
            row, snap = _dossier_and_snapshot(conn, code)
            events = _events(conn, row.id)
            units = {u.id: u for u in conn.execute(select(t.units))}
        common = self._common(row, snap, kind)
        if kind == "06":
            return self._control(row, snap, events, units, common)
        step = next((e for e in reversed(events) if e["action"] == _STEP_OF[kind]), None)
        if step is None:
            raise ValidationError(f"Mẫu {kind}: {_MISSING[kind]}.", field="kind")
        common["issued_at"] = step["at"]
        data = step["data"]
        if kind == "02":
            items = tuple(GuidanceItem(doc, why) for doc, why in data.get("items", []))
            return GuidanceData(
                **common,
                items=items or (GuidanceItem(step["note"], ""),),
                officer_name=step["user_name"],
                note="Thời gian giải quyết tạm dừng từ khi yêu cầu bổ sung đến khi nhận đủ hồ sơ bổ sung.",
            )
        if kind == "03":
            role = "NGƯỜI XỬ LÝ HỒ SƠ" if step["role"] == Role.PROCESSING.value else "NGƯỜI TIẾP NHẬN HỒ SƠ"
            return RefusalData(
                **common, reason=step["note"], officer_name=step["user_name"], officer_role=role
            )
        if kind == "04":
            tz = self.ctx.tz
            from datetime import datetime

            return ApologyData(
                **common,
                received_at=row.received_at.astimezone(tz),
                original_due_at=datetime.fromisoformat(data.get("before", row.due_at.isoformat())).astimezone(
                    tz
                ),
                new_due_at=datetime.fromisoformat(data["due"]).astimezone(tz),
                reason=step["note"],
                signer_name=step["user_name"],
            )
        return StopData(
            **common,
            received_at=row.received_at.astimezone(self.ctx.tz),
            reason=step["note"],
            signer_name=step["user_name"],
        )

    @requires(Act.RECEIVE)
    def guidance_at_counter(
        self, procedure_code: str, applicant: Applicant, items: Sequence[tuple[str, str]], *, actor: Actor
    ) -> GuidanceData:
        """Mẫu 02 at the counter, before any dossier exists: everything missing at once, in writing.
        Nothing is stored and no dossier code is used up."""
        proc = self.catalog.procedure(procedure_code)
        clean = [
            GuidanceItem(
                v.clean_text(doc, label=f"Giấy tờ thứ {i}", field="items", max_len=500, required=True),
                v.clean_text(why, label=f"Lý do của giấy tờ thứ {i}", field="items", max_len=500),
            )
            for i, (doc, why) in enumerate(items, start=1)
        ]
        if not clean:
            raise ValidationError("Hướng dẫn bổ sung: chưa có giấy tờ nào cần bổ sung.", field="items")
        name = v.clean_text(applicant.name, label="Họ và tên người nộp", field="name", max_len=200)
        s = self.ctx.settings()
        snap = {
            "parent_agency": s["agency.parent_name"],
            "unit_name": s["agency.unit_name"],
            "unit_full_name": s["agency.unit_full_name"],
            "place_name": s["agency.place_name"],
            "legal_basis": s["forms.legal_basis"],
            "hotline": s["agency.hotline"],
            "procedure_name": proc.name,
        }
        return GuidanceData(
            header=_header(snap, "02"),
            unit_name=snap["unit_full_name"],
            applicant=ApplicantInfo(name=name or "………………", kind=applicant.kind, phone=applicant.phone),
            procedure_name=proc.name,
            issued_at=self.ctx.now(),
            procedure_code=proc.code,
            demo=bool(s["agency.demo"]),
            items=tuple(clean),
            officer_name=actor.full_name,
        )

    @requires(Act.VIEW_DOSSIERS)
    def receipt_data(self, code: str, version: int | None = None, *, actor: Actor) -> ReceiptData:
        """Mẫu 01 of a dossier as it was printed (latest version unless one is asked for)."""
        with self.ctx.db.read() as conn:
            row, _snap = _dossier_and_snapshot(conn, code)
            number = version or row.receipt_version
            if not 1 <= number <= row.receipt_version:
                raise NotFoundError(
                    f"Giấy tiếp nhận: hồ sơ «{row.code}» không có bản số {version}.", field="version"
                )
            r = t.receipt_versions.c
            rv = conn.execute(
                select(r.snapshot_id, r.data).where(r.dossier_id == row.id, r.version == number)
            ).first()
            snapshot_id = rv.snapshot_id if rv else row.snapshot_id
            s = json.loads(
                conn.execute(select(t.snapshots.c.data).where(t.snapshots.c.id == snapshot_id)).scalar_one()
            )
            dc = t.dossier_documents.c
            docs = tuple(
                ReceiptDocument(*d)
                for d in conn.execute(
                    select(dc.name, dc.form, dc.count).where(dc.dossier_id == row.id).order_by(dc.position)
                )
            )
            proc_code = conn.execute(
                select(t.procedures.c.code).where(t.procedures.c.id == row.procedure_id)
            ).scalar_one()
        ap = json.loads(rv.data)["applicant"] if rv else {
            "name": row.applicant_name, "id_number": row.id_number, "phone": row.phone,
            "address": row.address, "email": row.email,
        }  # fmt: skip
        tz = self.ctx.tz
        return ReceiptData(
            header=_header(s, "01"),
            code=row.code,
            receiving_unit=s["unit_full_name"],
            applicant_name=ap["name"],
            procedure_name=s["procedure_name"],
            received_at=row.received_at.astimezone(tz),
            due_at=row.due_at.astimezone(tz),
            time_limit_text=s["time_limit_text"],
            clerk_name=s["clerk_name"],
            id_number=ap.get("id_number", ""),
            address=ap.get("address", ""),
            phone=ap.get("phone", ""),
            email=ap.get("email", ""),
            documents=docs,
            sets=row.sets,
            result_channel=s["result_channel"],
            register_volume=row.register_volume,
            register_number=row.register_number,
            version=number,
            procedure_code=proc_code,
            issued_at=row.received_at.astimezone(tz),
            applicant_kind=ap.get("kind") or row.applicant_kind or "person",
            tax_code=ap.get("tax_code") or row.tax_code or "",
            result_channel_key=row.result_channel,
            fee_amount=row.fee_amount,
            fee_scale=row.fee_text,
            demo=bool(self.ctx.settings()["agency.demo"]),
        )

    # ---- building blocks

    def _common(self, row: Any, snap: dict[str, Any], kind: str) -> dict[str, Any]:
        return {
            "header": _header(snap, kind),
            "unit_name": snap["unit_full_name"],
            "applicant": ApplicantInfo(
                name=row.applicant_name,
                kind=row.applicant_kind or "person",
                id_number=row.id_number,
                tax_code=row.tax_code or "",
                address=row.address,
                phone=row.phone,
                email=row.email,
            ),
            "procedure_name": snap["procedure_name"],
            "issued_at": self.ctx.now(),
            "code": row.code,
            "procedure_code": snap.get("procedure_code", ""),
            "demo": bool(self.ctx.settings()["agency.demo"]),
        }

    def _control(
        self,
        row: Any,
        snap: dict[str, Any],
        events: list[dict[str, Any]],
        units: dict[int, Any],
        common: dict[str, Any],
    ) -> ControlSheetData:
        """Mẫu 06: a row per handover, each step judged against the allotted time of the unit that
        held the dossier (trước hạn / đúng hạn / quá hạn)."""
        tz = self.ctx.tz
        calendar = self.ctx.calendar()
        counter = snap["unit_full_name"]
        receiving = next((u for u in units.values() if u.kind == "receiving"), None)

        def name(unit_id: int | None) -> str:
            return str(units[unit_id].name) if unit_id in units else str(counter)

        def allotted(unit_id: int | None) -> int | None:
            unit = units.get(unit_id) if unit_id is not None else receiving
            return unit.allotted_hours if unit is not None else None

        handovers: list[Handover] = []
        held_by: int | None = None
        since = row.received_at
        for i, e in enumerate(events):
            action = e["action"]
            if action not in ("transfer", "result", "return"):
                continue
            taker = next((x["user_name"] for x in events[i + 1 :] if x["action"] == "take"), "")
            result = lc.step_result(since, e["at"], allotted(held_by), calendar)
            if action == "transfer":
                handovers.append(
                    Handover(
                        name(e["from_unit_id"]),
                        name(e["to_unit_id"]),
                        e["at"].astimezone(tz),
                        e["user_name"],
                        taker,
                        result,
                        e["note"],
                    )
                )
                held_by = e["to_unit_id"]
            elif action == "result":
                handovers.append(
                    Handover(
                        name(held_by), counter, e["at"].astimezone(tz), e["user_name"], "", result, e["note"]
                    )
                )
                held_by = None
            else:
                receiver = e["data"].get("receiver") or row.applicant_name
                handovers.append(
                    Handover(
                        counter,
                        "Người nộp hồ sơ",
                        e["at"].astimezone(tz),
                        e["user_name"],
                        receiver,
                        result,
                        e["note"],
                    )
                )
            since = e["at"]
        default_unit = name(row.current_unit_id) if row.current_unit_id else ""
        competent = next(
            (h.to_unit for h in handovers if h.to_unit not in (counter, "Người nộp hồ sơ")), default_unit
        )
        return ControlSheetData(
            **common,
            received_at=row.received_at.astimezone(tz),
            due_at=(row.legal_due_at or row.due_at).astimezone(tz),
            competent_unit=competent,
            handovers=tuple(handovers),
            blank_rows=max(0, 4 - len(handovers)),
        )


def _header(snap: dict[str, Any], kind: str) -> FormHeader:
    return FormHeader(
        parent_agency=snap["parent_agency"],
        unit_name=snap["unit_name"],
        place_name=snap["place_name"],
        legal_basis=f"Mẫu số {kind} - {snap['legal_basis']}" if snap.get("legal_basis") else "",
        hotline=snap.get("hotline", ""),
    )


def _dossier_and_snapshot(conn: Connection, code: str) -> tuple[Any, dict[str, Any]]:
    code = (code or "").strip()
    if not code:
        raise ValidationError("Mã hồ sơ: không được để trống.", field="code")
    row = conn.execute(select(t.dossiers).where(t.dossiers.c.code == code)).first()
    if row is None:
        raise NotFoundError(f"Mã hồ sơ: không có hồ sơ «{v.shown(code)}».", field="code")
    snap = json.loads(
        conn.execute(select(t.snapshots.c.data).where(t.snapshots.c.id == row.snapshot_id)).scalar_one()
    )
    snap.setdefault(
        "procedure_code",
        conn.execute(select(t.procedures.c.code).where(t.procedures.c.id == row.procedure_id)).scalar_one(),
    )
    return row, snap


def _events(conn: Connection, dossier_id: int) -> list[dict[str, Any]]:
    e, s = t.events.c, t.staff.c
    out = []
    for x in conn.execute(
        select(e.action, e.at, e.note, e.data, e.from_unit_id, e.to_unit_id, s.full_name, s.role)
        .join(t.staff, s.id == e.user_id)
        .where(e.dossier_id == dossier_id)
        .order_by(e.id)
    ):
        try:
            data = json.loads(x.data) if x.data else {}
        except ValueError:
            data = {}
        out.append(
            {
                "action": x.action,
                "at": x.at,
                "note": x.note,
                "data": data if isinstance(data, dict) else {},
                "from_unit_id": x.from_unit_id,
                "to_unit_id": x.to_unit_id,
                "user_name": x.full_name,
                "role": x.role,
            }
        )
    return out
