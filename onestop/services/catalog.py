"""The procedure catalogue (thủ tục, with versions) and the units the agency works with.

A changed procedure gets a new version; dossiers keep the version they were received under. The
catalogue is read by every counter at each act through the configuration revision (context.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import Connection, insert, select, update

from onestop import validation as v
from onestop.auth import Act, Actor
from onestop.db import schema as t
from onestop.db.store import inserted_id
from onestop.errors import NotFoundError, ValidationError
from onestop.services.context import Context, public, requires
from onestop.services.values import DocumentSpec, ProcedureInfo
from onestop.textfold import nfc, search_key
from onestop.worktime import TimeLimit

UNIT_KINDS = ("receiving", "competent")


class CatalogService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---- procedures

    @public
    def procedure(self, code: str) -> ProcedureInfo:
        """The current version of a procedure by its code."""
        code = (code or "").strip()
        cache = self.ctx.procedure_cache()
        cached = cache.get(code)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        p = t.procedures.c
        with self.ctx.db.read() as conn:
            row = conn.execute(select(t.procedures).where(p.code == code, p.is_current.is_(True))).first()
            if row is None:
                raise NotFoundError(
                    f"Thủ tục: không có thủ tục mã «{v.shown(code)}» trong danh mục.", field="procedure"
                )
            info = _procedure_info(conn, row)
        cache[code] = info
        return info

    @public
    def procedure_by_id(self, procedure_id: int) -> ProcedureInfo:
        """One version of a procedure (the one a dossier was received under)."""
        with self.ctx.db.read() as conn:
            row = conn.execute(select(t.procedures).where(t.procedures.c.id == procedure_id)).first()
            if row is None:
                raise NotFoundError("Thủ tục: không có phiên bản này.", field="procedure")
            return _procedure_info(conn, row)

    @public
    def procedures(self) -> list[ProcedureInfo]:
        p = t.procedures.c
        with self.ctx.db.read() as conn:
            rows = conn.execute(
                select(t.procedures).where(p.is_current.is_(True)).order_by(p.field, p.code)
            ).all()
            return [_procedure_info(conn, r) for r in rows]

    @requires(Act.MANAGE_CATALOG)
    def import_catalog(
        self, data: dict[str, Any], *, unit_for: dict[str, int] | None = None, actor: Actor
    ) -> int:
        """Import a catalogue (the JSON format of the shipped demo catalogue): all of it or nothing.
        A changed procedure gets a new version, which keeps the default unit of the version before
        it unless ``unit_for`` (procedure code or catalogue unit name → unit id) names another."""
        parsed = parse_catalog(data)
        now = self.ctx.now()
        unit_for = unit_for or {}
        p = t.procedures.c

        def work(conn: Connection) -> int:
            changed = 0
            for proc, docs in parsed:
                proc = dict(proc)
                proc["default_unit_id"] = unit_for.get(proc["code"], unit_for.get(proc["competent_unit"]))
                current = conn.execute(
                    select(t.procedures).where(p.code == proc["code"], p.is_current.is_(True))
                ).first()
                if current is not None:
                    if proc["default_unit_id"] is None:
                        proc["default_unit_id"] = current.default_unit_id
                    same = all(
                        getattr(current, k) == proc[k] for k in proc if k != "default_unit_id"
                    ) and _documents(conn, current.id) == [
                        (d["name"], d["form"], d["count"], d["required"], d["valid_days"]) for d in docs
                    ]
                    if same:
                        if proc["default_unit_id"] != current.default_unit_id:
                            conn.execute(
                                update(t.procedures)
                                .where(p.id == current.id)
                                .values(default_unit_id=proc["default_unit_id"])
                            )
                            self.ctx.record(
                                conn, actor=actor, action="procedure_unit", kind="procedure", key=current.id
                            )
                            changed += 1
                        continue
                    conn.execute(update(t.procedures).where(p.id == current.id).values(is_current=False))
                    self.ctx.record(
                        conn, actor=actor, action="procedure_retire", kind="procedure", key=current.id
                    )
                    version = current.version + 1
                else:
                    version = 1
                pid = inserted_id(
                    conn.execute(
                        insert(t.procedures).values(**proc, version=version, is_current=True, created_at=now)
                    )
                )
                if docs:
                    conn.execute(
                        insert(t.procedure_documents),
                        [dict(d, procedure_id=pid, position=i) for i, d in enumerate(docs)],
                    )
                self.ctx.record(
                    conn,
                    actor=actor,
                    action="procedure",
                    kind="procedure",
                    key=pid,
                    note=f"{proc['code']} v{version}",
                )
                changed += 1
            if changed:
                self.ctx.bump(conn)
            return changed

        count = self.ctx.db.write(work)
        self.ctx.invalidate()
        return count

    @requires(Act.MANAGE_CATALOG)
    def update_procedure(
        self,
        code: str,
        *,
        time_unit: str,
        time_value: int,
        cutoff: str | None,
        documents: Sequence[DocumentSpec],
        fee_text: str | None = None,
        actor: Actor,
    ) -> ProcedureInfo:
        """Edit a procedure's time limit and documents: a new version; dossiers keep theirs."""
        current = self.procedure(code)
        try:
            TimeLimit(time_unit, time_value, _parse_hhmm(cutoff) if cutoff else None)  # type: ignore[arg-type]
        except (ValueError, TypeError) as exc:
            raise ValidationError(f"Thời hạn giải quyết: {exc}", field="time_limit") from None
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
                {
                    "name": d.name,
                    "form": d.form,
                    "count": d.count,
                    "required": d.required,
                    "valid_days": d.valid_days,
                }
                for d in documents
            ],
        }
        unit_for = {current.code: current.default_unit_id} if current.default_unit_id else None
        self.import_catalog({"procedures": [item]}, unit_for=unit_for, actor=actor)
        return self.procedure(code)

    # ---- units

    @public
    def units(self) -> list[dict[str, Any]]:
        u = t.units.c
        with self.ctx.db.read() as conn:
            return [
                dict(r._mapping)
                for r in conn.execute(
                    select(u.id, u.code, u.name, u.kind, u.valid_from, u.valid_to).order_by(
                        u.kind.desc(), u.name
                    )
                )
            ]

    @requires(Act.MANAGE_UNITS)
    def add_unit(
        self, *, code: str, name: str, kind: str = "competent", valid_from: date | None = None, actor: Actor
    ) -> int:
        """A unit by its code (returned as it is when the code exists)."""
        code = check_unit_code(code)
        name = check_unit_name(name)
        if kind not in UNIT_KINDS:
            raise ValidationError("Loại đơn vị: không hợp lệ.", field="kind")
        start = valid_from or self.ctx.today()

        def work(conn: Connection) -> int:
            row = conn.execute(select(t.units.c.id).where(t.units.c.code == code)).first()
            if row:
                return int(row[0])
            uid = int(
                inserted_id(
                    conn.execute(
                        insert(t.units).values(
                            code=code,
                            name=name,
                            search_key=search_key(name, code),
                            kind=kind,
                            valid_from=start,
                            valid_to=None,
                        )
                    )
                )
            )
            self.ctx.record(conn, actor=actor, action="unit", kind="unit", key=uid, note=name)
            self.ctx.bump(conn)
            return uid

        uid = self.ctx.db.write(work)
        self.ctx.invalidate()
        return uid

    @requires(Act.MANAGE_UNITS)
    def set_unit_time(self, code: str, allotted_hours: int | None, *, actor: Actor) -> None:
        """The working hours a step in this unit may take (Mẫu 06 judges each step by it); None: none."""
        if allotted_hours is not None:
            allotted_hours = v.clean_count(
                allotted_hours,
                label="Thời gian cho mỗi bước (giờ làm việc)",
                field="allotted_hours",
                lo=1,
                hi=2000,
            )

        def work(conn: Connection) -> None:
            row = _unit_row(conn, code)
            conn.execute(update(t.units).where(t.units.c.id == row.id).values(allotted_hours=allotted_hours))
            self.ctx.record(
                conn,
                actor=actor,
                action="unit_time",
                kind="unit",
                key=row.id,
                note=f"{allotted_hours or '-'} giờ",
            )
            self.ctx.bump(conn)

        self.ctx.db.write(work)
        self.ctx.invalidate()

    @requires(Act.MANAGE_UNITS)
    def close_unit(
        self, code: str, *, successor: str | None = None, last_day: date | None = None, actor: Actor
    ) -> None:
        """A unit stops working after ``last_day`` (default yesterday); ``successor`` (a unit code)
        takes its work over. Dossiers and papers keep the names they were handled under."""
        last = last_day or (self.ctx.today() - timedelta(days=1))

        def work(conn: Connection) -> None:
            row = _unit_row(conn, code)
            if row.valid_to is not None:
                raise ValidationError(f"Đơn vị «{row.name}»: đã thôi hoạt động.", field="unit")
            follow = _unit_row(conn, successor).id if successor else None
            if follow == row.id:
                raise ValidationError(
                    "Đơn vị tiếp nhận công việc: không thể là chính đơn vị này.", field="successor"
                )
            conn.execute(
                update(t.units).where(t.units.c.id == row.id).values(valid_to=last, successor_id=follow)
            )
            if follow is not None:  # the procedures it handled go to the successor
                for (pid,) in conn.execute(
                    select(t.procedures.c.id).where(t.procedures.c.default_unit_id == row.id)
                ).all():
                    conn.execute(
                        update(t.procedures).where(t.procedures.c.id == pid).values(default_unit_id=follow)
                    )
                    self.ctx.record(conn, actor=actor, action="procedure_unit", kind="procedure", key=pid)
            self.ctx.record(
                conn,
                actor=actor,
                action="unit_close",
                kind="unit",
                key=row.id,
                note=f"đến hết {last:%d/%m/%Y}",
            )
            self.ctx.bump(conn)

        self.ctx.db.write(work)
        self.ctx.invalidate()

    @requires(Act.MANAGE_UNITS)
    def rename_unit(self, code: str, *, new_code: str, new_name: str, actor: Actor) -> int:
        """A renamed unit is a new unit from today that succeeds the old one (whose name stays on
        everything it handled)."""
        old = self.units_by_code().get((code or "").strip())
        if old is None:
            raise NotFoundError(f"Đơn vị: không có đơn vị mã «{v.shown(code)}».", field="unit")
        uid = self.add_unit(code=new_code, name=new_name, kind=old["kind"], actor=actor)
        self.close_unit(code, successor=new_code, actor=actor)
        with self.ctx.db.read() as conn:
            hours = conn.execute(select(t.units.c.allotted_hours).where(t.units.c.code == code)).scalar()
        if hours:
            self.set_unit_time(new_code, hours, actor=actor)
        return uid

    @public
    def units_by_code(self) -> dict[str, dict[str, Any]]:
        return {u["code"]: u for u in self.units()}


def _unit_row(conn: Connection, code: str) -> Any:
    row = conn.execute(select(t.units).where(t.units.c.code == (code or "").strip())).first()
    if row is None:
        raise NotFoundError(f"Đơn vị: không có đơn vị mã «{v.shown(code)}».", field="unit")
    return row


def _documents(conn: Connection, procedure_id: int) -> list[tuple[str, str, int, bool, int | None]]:
    d = t.procedure_documents.c
    return [
        (str(name), str(form), int(count), bool(required), None if days is None else int(days))
        for name, form, count, required, days in conn.execute(
            select(d.name, d.form, d.count, d.required, d.valid_days)
            .where(d.procedure_id == procedure_id)
            .order_by(d.position)
        )
    ]


def _procedure_info(conn: Connection, p: Any) -> ProcedureInfo:
    return ProcedureInfo(
        id=p.id,
        code=p.code,
        version=p.version,
        name=p.name,
        field=p.field,
        competent_unit=p.competent_unit,
        default_unit_id=p.default_unit_id,
        limit=TimeLimit(p.time_unit, p.time_value, _parse_hhmm(p.cutoff) if p.cutoff else None),
        fee_text=p.fee_text,
        fee_amount=p.fee_amount,
        legal_basis=p.legal_basis,
        documents=tuple(DocumentSpec(*doc) for doc in _documents(conn, p.id)),
    )


def _valid_days(value: Any) -> int | None:
    """A document's ``valid_days``: how long its digitised copy may be reused (absent: no limit)."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 36_500:
        raise ValueError(value)
    return value


def _parse_hhmm(text_: str) -> time:
    hh, mm = text_.split(":")
    return time(int(hh), int(mm))


def check_unit_code(code: str | None, *, field: str = "code") -> str:
    code = (code or "").strip()
    if (
        not code
        or len(code) > 50
        or not code.isascii()
        or not code.replace("-", "").replace(".", "").isalnum()
    ):
        raise ValidationError("Mã đơn vị: chỉ gồm chữ không dấu, chữ số, dấu chấm và gạch nối.", field=field)
    return code


def check_unit_name(name: str | None, *, field: str = "name") -> str:
    return v.clean_text(name, label="Tên đơn vị", field=field, max_len=255, required=True)


def parse_catalog(data: Any) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Check a whole catalogue before anything is written."""
    try:
        items = data["procedures"]
        if not isinstance(items, list):
            raise TypeError
    except (KeyError, TypeError):
        raise ValidationError("Danh mục thủ tục: thiếu danh sách «procedures».", field="catalog") from None
    return [_parse_procedure(item, i) for i, item in enumerate(items, start=1)]


def _parse_procedure(item: Any, index: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    where = f"Danh mục thủ tục, mục {index}"
    code = str(item.get("code", "")).strip() if isinstance(item, dict) else ""
    if code:
        where += f" (thủ tục {v.shown(code, 20)})"
    field = "code"
    try:
        if not isinstance(item, dict):
            raise TypeError
        field = "name"
        name = v.clean_text(str(item["name"]), label="tên", field="catalog", max_len=2000, required=True)
        field = "time_limit"
        limit = item["time_limit"]
        unit = limit["unit"]
        if unit not in ("working_days", "working_hours", "same_day"):
            raise ValueError
        value = int(limit.get("value") or 0)
        cutoff = limit.get("cutoff")
        if cutoff:
            _parse_hhmm(cutoff)
        TimeLimit(unit, value, _parse_hhmm(cutoff) if cutoff else None)
        field = "fee"
        fee = item.get("fee") or {}
        amount = fee.get("amount_vnd")
        if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0):
            raise ValueError
        proc = {
            "code": code,
            "name": name,
            "search_key": search_key(name, code),
            "field": nfc(str(item.get("field", ""))),
            "competent_unit": nfc(str(item.get("competent_unit", ""))),
            "time_unit": unit,
            "time_value": value,
            "cutoff": cutoff or None,
            "fee_text": nfc(str(fee.get("text") or "")),
            "fee_amount": amount,
            "legal_basis": nfc(str(item.get("legal_basis") or "")),
        }
        field = "documents"
        raw_docs = item.get("documents") or []  # a procedure may need no papers at all
        if not isinstance(raw_docs, list):
            raise TypeError
        docs = [
            {
                "name": nfc(str(d["name"])),
                "form": nfc(str(d.get("form", "bản chính"))),
                "count": int(d.get("count", 1)),
                "required": bool(d.get("required", True)),
                "valid_days": _valid_days(d.get("valid_days")),
            }
            for d in raw_docs
        ]
    except (KeyError, TypeError, ValueError, AttributeError):
        labels = {
            "code": "mã thủ tục",
            "name": "tên thủ tục",
            "time_limit": "thời hạn giải quyết (time_limit)",
            "fee": "phí, lệ phí (fee)",
            "documents": "thành phần hồ sơ (documents)",
        }
        raise ValidationError(f"{where}: {labels[field]} không hợp lệ.", field="catalog") from None
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc.message}", field="catalog") from None
    if not code or not code.isascii() or len(code) > 50:
        raise ValidationError(f"{where}: mã thủ tục không hợp lệ.", field="catalog")
    return proc, docs
