"""``onestop demo``: a demo agency (phường Liên Chiểu, Đà Nẵng) with staff, units, the shipped
catalogue and N historical dossiers with realistic outcomes.

Historical dossiers are written in bulk through Core (thousands of rows a statement), with the same
rules as a live receipt: the appointment from the working calendar, codes numbered per day in time
order, the history chained. Live numbering continues after them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select

from onestop.chain import EVENT_FIELDS, row_hash
from onestop.db import models as m
from onestop.db.store import chain_head, raise_sequence, set_chain_head
from onestop.res import load_json
from onestop.services import Onestop, ProcedureInfo, _version_data
from onestop.setup import initialise
from onestop.textfold import search_key

AGENCY = {
    "agency.parent_name": "UBND PHƯỜNG LIÊN CHIỂU",
    "agency.unit_name": "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
    "agency.unit_full_name": "Trung tâm Phục vụ hành chính công phường Liên Chiểu",
    "agency.place_name": "Liên Chiểu",
    "agency.unit_identifier": "H15.50.05.13",
    "agency.hotline": "0236 3842 555",
}

UNITS = [
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công phường Liên Chiểu", "receiving"),
    ("TPHT", "Công chức Tư pháp - Hộ tịch", "competent"),
    ("CAP", "Công an phường Liên Chiểu", "competent"),
    ("DCXD", "Công chức Địa chính - Xây dựng", "competent"),
    ("KTHTDT", "Phòng Kinh tế, Hạ tầng và Đô thị", "competent"),
]
FIELD_UNIT = {"Chứng thực": "TPHT", "Hộ tịch": "TPHT", "Đăng ký, quản lý cư trú": "CAP"}

ACCOUNTS = [
    ("admin", "Quản trị hệ thống", "quan_tri", None, False),
    ("tiepnhan1", "Nguyễn Thị Thu Hà", "tiep_nhan", "TTPVHCC", False),
    ("tiepnhan2", "Trần Văn Minh", "tiep_nhan", "TTPVHCC", False),
    ("xuly1", "Lê Thị Hồng Nhung", "xu_ly", "TPHT", True),
    ("lanhdao", "Phạm Văn Dũng", "lanh_dao", "TTPVHCC", True),
]
ROLE_LABEL = {"quan_tri": "quản trị", "tiep_nhan": "tiếp nhận", "xu_ly": "xử lý", "lanh_dao": "lãnh đạo"}

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Thu", "Xuân", "Hồng", "Kim", "Gia", "Bảo"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Đức", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Nhung", "Phúc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Trung", "Tuấn", "Vy", "Yến", "Ánh", "Duy", "Đạt", "Ngọc"]
STREETS = ("Nguyễn Lương Bằng", "Tôn Đức Thắng", "Âu Cơ", "Hoàng Văn Thái", "Nguyễn Sinh Sắc",
           "Kinh Dương Vương", "Lạc Long Quân", "Phạm Như Xương", "Nguyễn Tất Thành", "Đồng Kè")
PROCEDURE_WEIGHTS = {"2.000815": 30, "2.000884": 12, "1.001193": 10, "1.000894": 5, "1.004873": 4,
                     "1.000656": 4, "2.000635": 8, "2.000908": 5, "1.004222": 8, "1.004194": 8, "1.001612": 6}

CHUNK = 20_000


def run_demo(svc: Onestop, *, dossiers: int = 200, seed: int = 1) -> Iterator[str]:
    svc.set_settings(AGENCY)
    unit_ids = {code: svc.add_unit(code=code, name=name, kind=kind) for code, name, kind in UNITS}
    for username, full_name, role, unit, all_units in ACCOUNTS:
        svc.create_staff(username=username, full_name=full_name, password="demo", role=role,
                         unit_id=unit_ids.get(unit) if unit else None, all_units=all_units, exist_ok=True)
    catalog = load_json("data", "procedures.json")
    unit_for = {p["code"]: unit_ids[FIELD_UNIT.get(p["field"], "KTHTDT")] for p in catalog["procedures"]}
    yield from initialise(svc, catalog=catalog)
    svc.import_catalog(catalog, unit_for=unit_for)  # also maps default units on an existing catalogue
    if dossiers:
        written = generate_dossiers(svc, count=dossiers, seed=seed)
        yield f"Đã tạo {written} hồ sơ mẫu."
    yield "Tài khoản mẫu (mật khẩu: demo):"
    for username, full_name, role, _unit, _all in ACCOUNTS:
        yield f"  {username:<10} {ROLE_LABEL[role]:<10} {full_name}"


def generate_dossiers(svc: Onestop, *, count: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    cal = svc.calendar()
    tz = svc.tz
    now = svc.now().replace(microsecond=0)
    settings = svc.settings()
    identifier = settings["agency.unit_identifier"]
    procs = [svc.procedure(code) for code in PROCEDURE_WEIGHTS]
    weights = [PROCEDURE_WEIGHTS[p.code] for p in procs]
    staff = {a: svc.actor(a) for a in ("tiepnhan1", "tiepnhan2", "xuly1")}
    clerks = [staff["tiepnhan1"], staff["tiepnhan2"]]
    officer = staff["xuly1"]

    # The working days to spread over: at least six months, more for big runs (≤ ~3000 a day).
    n_days = max(130, -(-count // 3000))
    days = []
    d = now.date()
    while len(days) < n_days:
        if cal.is_working_day(d):
            days.append(d)
        d -= timedelta(days=1)
    days.reverse()
    sessions = cal.hours.sessions
    session_minutes = [(s.hour * 60 + s.minute, e.hour * 60 + e.minute) for s, e in sessions]
    total_minutes = sum(e - s for s, e in session_minutes)

    def random_moment() -> datetime:
        while True:
            day = days[rng.randrange(len(days))]
            minute = rng.randrange(total_minutes)
            for s, e in session_minutes:
                if minute < e - s:
                    t = s + minute
                    break
                minute -= e - s
            at = datetime(day.year, day.month, day.day, t // 60, t % 60, rng.randrange(60), tzinfo=tz)
            if at < now:
                return at

    moments = sorted(random_moment() for _ in range(count))

    with svc.db.read() as conn:
        next_id = int(conn.execute(select(func.coalesce(func.max(m.Dossier.id), 0))).scalar_one()) + 1
        seq_values = dict(conn.execute(select(m.Sequence.name, m.Sequence.value)).all())
    volume_of = {}  # year -> register volume
    context_ids = {p.code: svc.db.write(lambda c, p=p: svc._snapshot_id(c, svc._receipt_context(settings, p)))
                   for p in procs}

    written = 0
    for start in range(0, count, CHUNK):
        chunk = moments[start:start + CHUNK]
        dossiers, docs, versions, events = [], [], [], []
        for at in chunk:
            proc = rng.choices(procs, weights)[0]
            clerk = clerks[rng.randrange(2)]
            day_code = at.strftime("%y%m%d")
            code_seq = f"code:{identifier}:{day_code}"
            seq_values[code_seq] = number = seq_values.get(code_seq, 0) + 1
            volume = volume_of.setdefault(at.year, settings["register.volume"] or str(at.year))
            reg_seq = f"register:{identifier}:{volume}"
            seq_values[reg_seq] = register_number = seq_values.get(reg_seq, 0) + 1
            code = f"{identifier}-{day_code}-{number:04d}"
            due = cal.appointment(proc.limit, at).due_at
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            id_number = f"048{rng.choice('0123')}{rng.randrange(50, 100):02d}{rng.randrange(10**6):06d}"
            phone = f"09{rng.randrange(10**8):08d}"
            address = f"{rng.randrange(1, 400)} {rng.choice(STREETS)}, phường Liên Chiểu, thành phố Đà Nẵng"
            did = next_id
            next_id += 1
            row = _outcome(rng, proc, at, due, now, clerk.id, officer.id)
            dossiers.append({
                "id": did, "code": code, "procedure_id": proc.id, "unit_identifier": identifier,
                "status": row["status"], "applicant_name": name, "id_number": id_number, "phone": phone,
                "address": address, "email": "", "search_key": f"{search_key(name, id_number, phone)} {search_key(code)}",
                "sets": 1, "channel": "counter", "result_channel": "counter", "fee_text": proc.fee_text,
                "fee_amount": proc.fee_amount, "received_at": at, "due_at": due, "extended_due_at": None,
                "received_by": clerk.id, "current_unit_id": row["unit"] if row["status"] in _HELD else None,
                "holder_id": None, "paused_at": row.get("paused_at"), "finished_at": row.get("finished_at"),
                "register_volume": volume, "register_number": register_number, "receipt_version": 1,
            })
            docs.extend({"dossier_id": did, "position": i, "name": x.name, "form": x.form, "count": x.count}
                        for i, x in enumerate(d for d in proc.documents if d.required))
            versions.append({
                "dossier_id": did, "version": 1, "created_at": at, "created_by": clerk.id,
                "snapshot_id": context_ids[proc.code],
                "data": _version_data(_applicant(name, id_number, phone, address), clerk.full_name, "counter"),
            })
            events.append({"dossier_id": did, "action": "receive", "at": at, "user_id": clerk.id,
                           "from_unit_id": None, "to_unit_id": None, "note": "",
                           "data": json.dumps({"due_at": due.isoformat()})})
            for action, when, user, to_unit, note in row["events"]:
                events.append({"dossier_id": did, "action": action, "at": when, "user_id": user,
                               "from_unit_id": None, "to_unit_id": to_unit, "note": note, "data": ""})

        def work(conn: Connection, dossiers=dossiers, docs=docs, versions=versions, events=events) -> None:
            conn.execute(insert(m.Dossier), dossiers)
            conn.execute(insert(m.DossierDocument), docs)
            conn.execute(insert(m.ReceiptVersion), versions)
            seq, prev = chain_head(conn)
            for ev in events:
                seq += 1
                ev["chain_seq"] = seq
                ev["prev_hash"] = prev
                ev["hash"] = prev = row_hash("event", EVENT_FIELDS, ev, prev)
            conn.execute(insert(m.Event), events)
            set_chain_head(conn, seq, prev)

        svc.db.write(work)
        written += len(chunk)

    def bump(conn: Connection) -> None:
        for name, value in seq_values.items():
            raise_sequence(conn, name, value)

    svc.db.write(bump)
    return written


_HELD = ("processing", "waiting_supplement", "result_ready")


def _applicant(name: str, id_number: str, phone: str, address: str) -> Any:
    from onestop.services import Applicant

    return Applicant(name, id_number, phone, address, "")


def _outcome(rng: random.Random, proc: ProcedureInfo, at: datetime, due: datetime, now: datetime,
             clerk: int, officer: int) -> dict[str, Any]:
    """A plausible life for a historical dossier, never reaching past ``now``."""
    unit = proc.default_unit_id
    span = max((due - at).total_seconds(), 3600.0)
    transfer_at = at + timedelta(minutes=rng.randint(5, 90))
    events: list[tuple[str, datetime, int, int | None, str]] = []
    if transfer_at >= now:
        return {"status": "received", "unit": None, "events": events}
    events.append(("transfer", transfer_at, clerk, unit, ""))
    roll = rng.random()
    if due < now and roll < 0.04:
        when = transfer_at + timedelta(seconds=span * rng.uniform(0.05, 0.3))
        events.append(("refuse", when, officer, None, "Hồ sơ không đủ điều kiện giải quyết theo quy định."))
        return {"status": "refused", "unit": unit, "events": events, "finished_at": when}
    if due < now and roll < 0.06:
        when = transfer_at + timedelta(seconds=span * rng.uniform(0.05, 0.5))
        events.append(("withdraw", when, clerk, None, "Người nộp rút hồ sơ."))
        return {"status": "withdrawn", "unit": unit, "events": events, "finished_at": when}
    late = roll > 0.92
    result_at = (due + timedelta(hours=rng.uniform(2, 72))) if late else (
        transfer_at + timedelta(seconds=max((due - transfer_at).total_seconds(), 600) * rng.uniform(0.3, 0.98)))
    if result_at >= now:
        return {"status": "processing", "unit": unit, "events": events}
    events.append(("result", result_at, officer, None, ""))
    return_at = result_at + timedelta(minutes=rng.randint(10, 60 * 24))
    if return_at >= now or rng.random() < 0.03:
        return {"status": "result_ready", "unit": unit, "events": events}
    events.append(("return", return_at, clerk, None, ""))
    return {"status": "returned", "unit": unit, "events": events, "finished_at": return_at}
