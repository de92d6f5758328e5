"""``verify`` and ``anchor``: is everything stored what the chained history says it is?

1. The chain: every event and rating, in order, hashes to the next (a row edited, deleted or
   inserted in the history breaks it there), and the stored head is its end.
2. The rows: every stored entity (dossier with its documents and receipts, account, unit, procedure,
   setting, calendar year) has the state digest that the last event naming it recorded
   (``onestop.ledger``): a row changed, inserted or deleted behind the program's back is named.
3. The guards: the append-only triggers are in place.
4. The numbering: every day's code counter has numbered exactly its dossiers (the next receive gets a
   fresh number).
5. An anchor printed earlier (``SEQ:HASH``): the chain still passes through it — a rewritten chain,
   even one recomputed whole, fails here.

Memory stays small: the expected dossier states are kept as 16 bytes per dossier id.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, select

from onestop import ledger
from onestop.auth import Act, Actor
from onestop.chain import EVENT_FIELDS, EVENT_STATE_FIELDS, GENESIS, RATING_FIELDS, row_hash
from onestop.db import files
from onestop.db import schema as t
from onestop.db.states import iter_dossier_states, read_state, stream
from onestop.errors import StorageError, ValidationError
from onestop.services.context import Context, requires
from onestop.services.values import VerifyReport

Progress = Callable[[str, int, int], None]  # (what, done, total)

SQLITE_GUARDS = {
    "events_no_update": "events",
    "events_no_delete": "events",
    "ratings_no_update": "ratings",
    "ratings_no_delete": "ratings",
}
PG_GUARDS = {"events_append_only": "events", "ratings_append_only": "ratings"}
_ANCHOR = re.compile(r"^\s*(\d{1,15}):([0-9a-fA-F]{64})\s*$")
_WIDTH = 16  # bytes of each expected dossier state kept in memory


def parse_anchor(text: str) -> tuple[int, str]:
    match = _ANCHOR.match(text or "")
    if not match:
        raise ValidationError("Mã neo (--anchor): phải có dạng SỐ:MÃ_BĂM (64 ký tự hex).", field="anchor")
    return int(match.group(1)), match.group(2).lower()


class IntegrityService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @requires(Act.VIEW_DOSSIERS)
    def anchor(self, *, actor: Actor) -> dict[str, Any]:
        """The chain's head now: printed on the register and kept outside the database."""
        with self.ctx.db.read() as conn:
            seq, head = conn.execute(select(t.chain_head.c.seq, t.chain_head.c.hash)).one()
        return {"seq": int(seq), "hash": str(head), "at": self.ctx.now(), "text": f"{seq}:{head}"}

    def verify(self, *, anchor: str | None = None, progress: Progress | None = None) -> VerifyReport:
        """Needs nobody: anyone may check that the data is intact."""
        wanted = parse_anchor(anchor) if anchor else None
        report = VerifyReport()
        try:
            self._verify(report, wanted, progress or (lambda *_: None))
        except StorageError as exc:
            report.problems.append(exc.message)
        return report

    def _verify(self, report: VerifyReport, wanted: tuple[int, str] | None, progress: Progress) -> None:
        db = self.ctx.db
        with db.read() as conn:
            if db.is_sqlite:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check")]
                if result != ["ok"]:
                    report.problems.append("Tệp cơ sở dữ liệu hỏng: " + "; ".join(result[:5]))
                    return
                fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if fk:
                    report.problems.append(f"Vi phạm khóa ngoại: {len(fk)} dòng (bảng {fk[0][0]}).")
            self._guards(conn, report)
            total = int(conn.exec_driver_sql("SELECT seq FROM chain_head").scalar_one())
            expected_dossiers, known, expected_other = self._chain(conn, report, wanted, total, progress)
            used = self._dossiers(conn, report, expected_dossiers, known, progress)
            self._others(conn, report, expected_other)
            self._numbering(conn, report, used)
            self._snapshots(conn, report)
            files.check(conn, report.problems)

    # ---- 1. the chain

    def _chain(
        self,
        conn: Connection,
        report: VerifyReport,
        wanted: tuple[int, str] | None,
        total: int,
        progress: Progress,
    ) -> tuple[bytearray, int, dict[str, str]]:
        head_seq, head_hash = conn.execute(select(t.chain_head.c.seq, t.chain_head.c.hash)).one()
        fields = (*EVENT_FIELDS, *EVENT_STATE_FIELDS)
        events = stream(conn, f"SELECT 1, hash, {', '.join(fields)} FROM events ORDER BY id", "events")
        ratings = stream(
            conn, f"SELECT 0, hash, {', '.join(RATING_FIELDS)} FROM ratings ORDER BY id", "ratings"
        )
        chained = heapq.merge(events, ratings, key=lambda r: r[2])
        expected_seq, prev = 0, GENESIS
        broken: list[tuple[str, Any]] = []
        dossier_states = bytearray()
        known = 0  # dossiers the history gives a state to
        other_states: dict[str, str] = {}
        anchor_seen = wanted is None
        event_names = ("hash", *fields)
        rating_names = ("hash", *RATING_FIELDS)
        for raw in chained:
            report.checked_events += 1
            is_event = raw[0] == 1
            data = dict(zip(event_names if is_event else rating_names, raw[1:], strict=True))
            seq = data["id"]
            what = (
                f"sự kiện số {seq} ({data['action']})"
                if is_event
                else f"lượt đánh giá số {seq} ({data['level']}, {data['event']})"
            )
            expected_seq += 1
            if seq != expected_seq:
                gap = f"số {expected_seq}" if seq - expected_seq == 1 else f"số {expected_seq}–{seq - 1}"
                broken.append(
                    (f"Thiếu mắt xích {gap} của chuỗi (trước {what}): có dòng đã bị xóa.", data["dossier_id"])
                )
                expected_seq = seq
            kind = "event" if is_event else "rating"
            if row_hash(kind, EVENT_FIELDS if is_event else RATING_FIELDS, data, prev) != data["hash"]:
                broken.append(
                    (
                        f"{what[0].upper()}{what[1:]} không khớp chuỗi: nội dung đã bị sửa, "
                        "hoặc dòng trước nó đã bị xóa hay chèn thêm.",
                        data["dossier_id"],
                    )
                )
            prev = data["hash"]
            if wanted is not None and seq == wanted[0]:
                anchor_seen = prev == wanted[1]
                if not anchor_seen:
                    report.problems.append(
                        f"Chuỗi lịch sử không còn đi qua mã neo {wanted[0]}:{wanted[1][:12]}…: "
                        "lịch sử đã bị viết lại sau khi mã neo được in."
                    )
                    anchor_seen = True  # reported once
            if is_event and data["state"] is not None:
                if data["entity"] is None and data["dossier_id"] is not None:
                    did = int(data["dossier_id"])
                    end = (did + 1) * _WIDTH
                    if len(dossier_states) < end:
                        dossier_states.extend(bytes(end - len(dossier_states) + 64 * 1024 * _WIDTH))
                    if dossier_states[did * _WIDTH : end] == bytes(_WIDTH):
                        known += 1
                    dossier_states[did * _WIDTH : end] = bytes.fromhex(data["state"][: _WIDTH * 2])
                elif data["entity"] is not None:
                    other_states[data["entity"]] = data["state"]
            if report.checked_events % 100_000 == 0:
                progress("chain", report.checked_events, total)
        if broken:
            ids = {d for _, d in broken if d is not None}
            codes = dict(
                conn.execute(select(t.dossiers.c.id, t.dossiers.c.code).where(t.dossiers.c.id.in_(ids))).all()
            )
            for text_, did in broken:
                report.problems.append(text_ + (f" (hồ sơ {codes[did]})" if did in codes else ""))
        if (head_seq, head_hash) != (expected_seq, prev):
            report.problems.append("Cuối chuỗi lịch sử không khớp: có dòng cuối đã bị xóa hoặc chèn.")
        if wanted is not None and not anchor_seen:
            report.problems.append(
                f"Chuỗi lịch sử không có mắt xích số {wanted[0]} của mã neo: lịch sử đã bị cắt ngắn hoặc viết lại."
            )
        return dossier_states, known, other_states

    # ---- 2. the rows

    def _dossiers(
        self, conn: Connection, report: VerifyReport, expected: bytearray, known: int, progress: Progress
    ) -> dict[str, int]:
        """Compare every stored dossier with its expected state; returns the highest code number used
        per day counter (for the numbering check), from the same pass."""
        zero = bytes(_WIDTH)
        problems = report.problems
        used: dict[str, int] = {}
        seen = 0
        for did, code, state in iter_dossier_states(conn):
            seen += 1
            end = (did + 1) * _WIDTH
            want = bytes(expected[did * _WIDTH : end]) if end <= len(expected) else zero
            if want == zero:
                problems.append(f"Hồ sơ {code} không có trong lịch sử: dòng bị chèn ngoài chương trình.")
            elif bytes.fromhex(state[: _WIDTH * 2]) != want:
                problems.append(f"Hồ sơ {code} khác với lịch sử: dữ liệu đã bị sửa ngoài chương trình.")
            else:
                known -= 1
            head, _, number = str(code).rpartition("-")
            ident, _, day = head.rpartition("-")
            name = f"code:{ident}:{day}"
            n = int(number) if number.isdigit() else 0
            if n > used.get(name, 0):
                used[name] = n
            if seen % 100_000 == 0:
                progress("dossiers", seen, 0)
        report.checked_rows += seen
        if known > 0:  # the history names dossiers the table no longer has: find which
            stored = {r[0] for r in stream(conn, "SELECT id FROM dossiers", "ids")}
            for did in range(len(expected) // _WIDTH):
                if did not in stored and expected[did * _WIDTH : (did + 1) * _WIDTH] != zero:
                    problems.append(f"Hồ sơ số {did} có trong lịch sử nhưng đã bị xóa khỏi cơ sở dữ liệu.")
        return used

    def _others(self, conn: Connection, report: VerifyReport, expected: dict[str, str]) -> None:
        labels = {
            "staff": "Tài khoản",
            "unit": "Đơn vị",
            "procedure": "Thủ tục",
            "setting": "Thiết lập",
            "calendar": "Lịch làm việc năm",
            "directive": "Chỉ đạo",
            "attachment": "Bản số hóa số",
        }
        stored: set[str] = set()
        for kind, (table, pk) in ledger.ENTITIES.items():
            if kind == "dossier":
                continue
            for (key,) in conn.exec_driver_sql(f"SELECT {pk} FROM {table}"):
                stored.add(f"{kind}:{key}")
        for name in sorted(stored | set(expected)):
            kind, key = ledger.parse_entity(name)
            if kind not in labels:
                continue
            want = expected.get(name)
            have = read_state(conn, kind, key) if name in stored else ledger.ABSENT
            label = f"{labels[kind]} {self._describe(conn, kind, key)}"
            if want is None:
                report.problems.append(f"{label} không có trong lịch sử: dòng bị chèn ngoài chương trình.")
            elif have != want:
                if have == ledger.ABSENT:
                    report.problems.append(f"{label} có trong lịch sử nhưng đã bị xóa khỏi cơ sở dữ liệu.")
                else:
                    report.problems.append(f"{label} khác với lịch sử: dữ liệu đã bị sửa ngoài chương trình.")
            report.checked_rows += 1

    @staticmethod
    def _describe(conn: Connection, kind: str, key: str) -> str:
        if kind == "staff":
            name = conn.execute(select(t.staff.c.username).where(t.staff.c.id == int(key))).scalar()
            return f"«{name}»" if name else f"số {key}"
        if kind == "procedure":
            row = conn.execute(
                select(t.procedures.c.code, t.procedures.c.version).where(t.procedures.c.id == int(key))
            ).first()
            return f"{row.code} (phiên bản {row.version})" if row else f"số {key}"
        if kind == "unit":
            name = conn.execute(select(t.units.c.name).where(t.units.c.id == int(key))).scalar()
            return f"«{name}»" if name else f"số {key}"
        return f"«{key}»" if kind == "setting" else key

    # ---- 3. the guards, 4. the numbering

    def _guards(self, conn: Connection, report: VerifyReport) -> None:
        if self.ctx.db.is_sqlite:
            present = {
                name: (tbl, sql or "")
                for name, tbl, sql in conn.exec_driver_sql(
                    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
                )
            }
            for name, table in SQLITE_GUARDS.items():
                tbl, sql = present.get(name, ("", ""))
                if tbl != table or "RAISE(ABORT" not in sql.upper().replace(" ", ""):
                    report.problems.append(
                        f"Thiếu chốt chặn sửa/xóa lịch sử ({name} trên bảng {table}): lịch sử có thể đã bị sửa."
                    )
        else:
            rows = conn.exec_driver_sql(
                "SELECT t.tgname, c.relname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE NOT t.tgisinternal"
            ).all()
            present = {name: (tbl, enabled) for name, tbl, enabled in rows}
            for name, table in PG_GUARDS.items():
                tbl, enabled = present.get(name, ("", "D"))
                if tbl != table or enabled == "D":
                    report.problems.append(
                        f"Thiếu chốt chặn sửa/xóa lịch sử ({name} trên bảng {table}): lịch sử có thể đã bị sửa."
                    )

    @staticmethod
    def _snapshots(conn: Connection, report: VerifyReport) -> None:
        """The printed context of receipts is content-addressed: its digest must be its content's."""
        for sid, digest, data in stream(conn, "SELECT id, digest, data FROM snapshots", "snapshots"):
            if hashlib.sha256(str(data).encode()).hexdigest() != digest:
                report.problems.append(
                    f"Nội dung in trên giấy tiếp nhận (bản lưu số {sid}) đã bị sửa ngoài chương trình."
                )

    @staticmethod
    def _numbering(conn: Connection, report: VerifyReport, used: dict[str, int]) -> None:
        """Each day's code counter must have reached the highest number used that day: behind it,
        the next receive would collide with a stored code."""
        counters: dict[str, int] = dict(
            conn.execute(
                select(t.sequences.c.name, t.sequences.c.value).where(t.sequences.c.name.like("code:%"))
            ).all()
        )
        for name, top in sorted(used.items()):
            if int(counters.get(name, 0)) < top:
                report.problems.append(
                    f"Bộ đếm mã hồ sơ {name[5:]} ({counters.get(name, 0)}) thấp hơn số đã dùng ({top}): "
                    "hồ sơ tiếp nhận tiếp theo sẽ trùng mã."
                )
