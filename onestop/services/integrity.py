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

import contextlib
import hashlib
import heapq
import os
import pickle
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from operator import itemgetter
from typing import Any, ClassVar

from sqlalchemy import Connection, select

from onestop import ledger
from onestop.auth import Act, Actor
from onestop.chain import EVENT_FIELDS, EVENT_STATE_FIELDS, GENESIS, RATING_FIELDS, SEP, row_hash
from onestop.db import files
from onestop.db import schema as t
from onestop.db.engine import Database
from onestop.db.states import WIDTH, DossierDigests, dossier_digests, read_state, rows, stream
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
_WIDTH = WIDTH  # bytes of each expected dossier state kept in memory


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
        # SQLite checks its file on a second connection in a thread while this one hashes: SQLite
        # releases the GIL, so the check costs no time when there is a second CPU.
        storage = _StorageCheck(db) if db.is_sqlite else None
        tallies = _TallyCheck(db)
        failure: Exception | None = None
        try:
            with db.read() as conn:
                # The first read fixes this transaction's snapshot; a worker started after it sees
                # the same dossiers or later ones (told apart below, in this snapshot).
                count, top_id = conn.exec_driver_sql(
                    "SELECT count(*), coalesce(max(id), 0) FROM dossiers"
                ).one()
                digests = _DossierPass(db, int(count), int(top_id))
                self._guards(conn, report)
                total = int(conn.exec_driver_sql("SELECT seq FROM chain_head").scalar_one())
                expected_dossiers, expected_other = self._chain(conn, report, wanted, total, progress)
                found = digests.result(conn, progress)
                used = self._dossiers(conn, report, expected_dossiers, found)
                self._others(conn, report, expected_other)
                self._numbering(conn, report, used)
                self._snapshots(conn, report)
                files.check(conn, report.problems)
        except Exception as exc:  # a damaged file fails anywhere: its check below says why, if it can
            failure = exc
        if storage is not None:
            try:
                damaged, foreign_keys = storage.result()
            except StorageError:  # the file could not even be opened for its check
                report.problems.clear()
                raise
            if damaged:  # nothing else a damaged file says can be trusted
                report.problems[:] = ["Tệp cơ sở dữ liệu hỏng: " + "; ".join(damaged[:5])]
                return
            if foreign_keys:
                report.problems.insert(
                    0, f"Vi phạm khóa ngoại: {len(foreign_keys)} dòng (bảng {foreign_keys[0][0]})."
                )
        if failure is not None:
            raise failure
        recounted = tallies.result()
        if not report.problems:  # recounted from rows found changed, they would say it twice
            report.problems.extend(recounted)

    # ---- 1. the chain

    def _chain(
        self,
        conn: Connection,
        report: VerifyReport,
        wanted: tuple[int, str] | None,
        total: int,
        progress: Progress,
    ) -> tuple[bytearray, dict[str, str]]:
        """Every chained row in order, hashed as ``chain.row_hash`` does, in one lean loop: the
        driver's tuples as they come, no dict a row (this is most of ``verify``'s time)."""
        head_seq, head_hash = conn.execute(select(t.chain_head.c.seq, t.chain_head.c.hash)).one()
        sqlite = conn.dialect.name == "sqlite"
        # Each row is (1 for an event | 0 for a rating, hash, its chained fields…); the positions
        # below follow ``chain``'s field lists, and the shorter select is padded with NULLs so that
        # both have as many columns (SQLite's UNION needs it; the pads are not hashed).
        n_event, n_rating = len(EVENT_FIELDS), len(RATING_FIELDS)
        width = max(n_event + len(EVENT_STATE_FIELDS), n_rating)
        event_cols = [*EVENT_FIELDS, *EVENT_STATE_FIELDS]
        rating_cols = list(RATING_FIELDS)
        event_cols += ["NULL"] * (width - len(event_cols))
        rating_cols += ["NULL"] * (width - len(rating_cols))
        assert EVENT_FIELDS[0] == "id" and RATING_FIELDS[0] == "id"  # row[2] is the place in the chain
        event_end, rating_end = 2 + n_event, 2 + n_rating  # the fields every row of its table hashes
        entity_at, state_at = 2 + n_event, 3 + n_event  # EVENT_STATE_FIELDS, hashed when either is set
        dossier_at = 2 + list(EVENT_FIELDS).index("dossier_id")
        event_sql = f"SELECT 1, hash, {', '.join(event_cols)} FROM events"
        rating_sql = f"SELECT 0, hash, {', '.join(rating_cols)} FROM ratings"
        # ``chain._text`` of what the drivers return, inline: None is "-", anything else str(), but
        # PostgreSQL's booleans (``satisfied``; SQLite has none) "1"/"0". The chained columns are
        # integers, text and that boolean, so the lookup's 1 == True changes nothing.
        booleans = None if sqlite else {True: "1", False: "0"}.get
        sha256 = hashlib.sha256
        join = SEP.join
        fromhex = bytes.fromhex
        event_head, rating_head = f"{SEP}event{SEP}", f"{SEP}rating{SEP}"
        anchor_seq = wanted[0] if wanted is not None else -1
        expected_seq, prev = 1, GENESIS
        broken: list[tuple[str, Any]] = []
        dossier_states = bytearray()
        other_states: dict[str, str] = {}
        anchor_seen = wanted is None
        checked = 0
        with contextlib.ExitStack() as stack:
            if sqlite:  # one statement: SQLite merges the two id-ordered scans itself (ties: events first)
                chained: Iterator[tuple[Any, ...]] = stack.enter_context(
                    rows(conn, f"{event_sql} UNION ALL {rating_sql} ORDER BY 3, 1 DESC", "chain")
                )
            else:  # the columns' types differ between the tables: merge here
                events = stack.enter_context(rows(conn, event_sql + " ORDER BY id", "events"))
                ratings = stack.enter_context(rows(conn, rating_sql + " ORDER BY id", "ratings"))
                chained = heapq.merge(events, ratings, key=itemgetter(2))
            for row in chained:
                checked += 1
                seq = row[2]
                is_event = row[0] == 1
                if is_event:
                    entity, state = row[entity_at], row[state_at]
                    values = row[2:event_end] if entity is None and state is None else row[2 : state_at + 1]
                    head = event_head
                else:
                    values = row[2:rating_end]
                    head = rating_head
                if booleans is not None:
                    values = tuple([booleans(v, v) for v in values])
                text = prev + head + join(["-" if v is None else str(v) for v in values])
                if seq != expected_seq or sha256(text.encode()).hexdigest() != row[1]:
                    self._broken(broken, row, seq, expected_seq, prev, is_event)
                    expected_seq = seq
                expected_seq += 1
                prev = row[1]
                if seq == anchor_seq:
                    anchor_seen = prev == wanted[1]  # type: ignore[index]
                    if not anchor_seen:
                        report.problems.append(
                            f"Chuỗi lịch sử không còn đi qua mã neo {wanted[0]}:{wanted[1][:12]}…: "  # type: ignore[index]
                            "lịch sử đã bị viết lại sau khi mã neo được in."
                        )
                        anchor_seen = True  # reported once
                if is_event and state is not None:
                    if entity is None:
                        if row[dossier_at] is not None:
                            at = int(row[dossier_at]) * _WIDTH
                            if len(dossier_states) < at + _WIDTH:
                                dossier_states.extend(
                                    bytes(at + _WIDTH - len(dossier_states) + 64 * 1024 * _WIDTH)
                                )
                            dossier_states[at : at + _WIDTH] = fromhex(state[: _WIDTH * 2])
                    else:
                        other_states[entity] = state
                if checked % 100_000 == 0:
                    progress("chain", checked, total)
        report.checked_events += checked
        if broken:
            ids = {d for _, d in broken if d is not None}
            codes = dict(
                conn.execute(select(t.dossiers.c.id, t.dossiers.c.code).where(t.dossiers.c.id.in_(ids))).all()
            )
            for text_, did in broken:
                report.problems.append(text_ + (f" (hồ sơ {codes[did]})" if did in codes else ""))
        if (head_seq, head_hash) != (expected_seq - 1, prev):
            report.problems.append("Cuối chuỗi lịch sử không khớp: có dòng cuối đã bị xóa hoặc chèn.")
        if wanted is not None and not anchor_seen:
            report.problems.append(
                f"Chuỗi lịch sử không có mắt xích số {wanted[0]} của mã neo: lịch sử đã bị cắt ngắn hoặc viết lại."
            )
        return dossier_states, other_states

    @staticmethod
    def _broken(
        broken: list[tuple[str, Any]],
        row: tuple[Any, ...],
        seq: Any,
        expected_seq: int,
        prev: str,
        is_event: bool,
    ) -> None:
        """The row's place in the chain is wrong (rows deleted before it), or its hash is: say so,
        worded as ``chain.row_hash`` would have found it (the slow, exact path: only for bad rows)."""
        names = ("hash", *EVENT_FIELDS, *EVENT_STATE_FIELDS) if is_event else ("hash", *RATING_FIELDS)
        data = dict(zip(names, row[1 : 1 + len(names)], strict=True))  # without the NULL pads
        what = (
            f"sự kiện số {seq} ({data['action']})"
            if is_event
            else f"lượt đánh giá số {seq} ({data['level']}, {data['event']})"
        )
        if seq != expected_seq:
            gap = f"số {expected_seq}" if seq - expected_seq == 1 else f"số {expected_seq}–{seq - 1}"
            broken.append(
                (f"Thiếu mắt xích {gap} của chuỗi (trước {what}): có dòng đã bị xóa.", data["dossier_id"])
            )
        fields = EVENT_FIELDS if is_event else RATING_FIELDS
        if row_hash("event" if is_event else "rating", fields, data, prev) != data["hash"]:
            broken.append(
                (
                    f"{what[0].upper()}{what[1:]} không khớp chuỗi: nội dung đã bị sửa, "
                    "hoặc dòng trước nó đã bị xóa hay chèn thêm.",
                    data["dossier_id"],
                )
            )

    # ---- 2. the rows

    def _dossiers(
        self, conn: Connection, report: VerifyReport, expected: bytearray, found: DossierDigests
    ) -> dict[str, int]:
        """Compare every stored dossier's digest with the state the history gives it; returns the
        highest code number used per day counter (for the numbering check).

        The two arrays are compared whole (memcmp); only the dossiers where they differ are looked
        at, each read again in this transaction's snapshot and digested exactly (``read_state``):
        tampered rows, and rows a counter changed while the worker read them."""
        zero = bytes(_WIDTH)
        problems = report.problems
        missing: list[int] = []
        for did in _differing(expected, found):
            at = did * _WIDTH
            want = bytes(expected[at : at + _WIDTH]) if at >= 0 and at + _WIDTH <= len(expected) else zero
            state = read_state(conn, "dossier", did)
            if state == ledger.ABSENT:  # no such row (in this snapshot)
                if want != zero:
                    missing.append(did)
                continue
            if want == zero:
                problems.append(
                    f"Hồ sơ {self._code(conn, did)} không có trong lịch sử: dòng bị chèn ngoài chương trình."
                )
            elif bytes.fromhex(state[: _WIDTH * 2]) != want:
                problems.append(
                    f"Hồ sơ {self._code(conn, did)} khác với lịch sử: dữ liệu đã bị sửa ngoài chương trình."
                )
        for did in missing:
            problems.append(f"Hồ sơ số {did} có trong lịch sử nhưng đã bị xóa khỏi cơ sở dữ liệu.")
        report.checked_rows += found.seen
        used: dict[str, int] = {}
        for prefix, n in found.top.items():
            ident, _, day = prefix.rpartition("-")
            name = f"code:{ident}:{day}"
            if n > used.get(name, 0):
                used[name] = n
        return used

    @staticmethod
    def _code(conn: Connection, dossier_id: int) -> str:
        return str(conn.execute(select(t.dossiers.c.code).where(t.dossiers.c.id == dossier_id)).scalar())

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


class _TallyCheck:
    """The report's tallies are derived: each must equal its count from the stored dossiers, events
    and ratings (onestop.db.tally), or the report would show other figures. Counted in a thread on
    a connection of its own (the database works, releasing the GIL, while the chain is hashed): its
    own snapshot holds the tallies and the rows they count alike."""

    _WHAT: ClassVar[dict[str, str]] = {
        "tally_dossiers": "hồ sơ tiếp nhận và có kết quả",
        "tally_officers": "kết quả theo cán bộ xử lý",
        "tally_ratings": "đánh giá",
        "tally_steps": "thời gian giữ hồ sơ theo bước",
    }

    def __init__(self, db: Database) -> None:
        self.db = db
        self.problems: list[str] = []
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="onestop-tallies", daemon=True)
        if db.sqlite_path is not None or not db.is_sqlite:
            self.thread.start()
        else:  # an in-memory database is one connection's own: check it here, first
            self._run()

    def _run(self) -> None:
        from onestop.db import tally

        def keyed(rows: Any, n: int) -> dict[tuple[Any, ...], tuple[int, ...]]:
            return {tuple(row[:n]): tuple(int(v) for v in row[n:]) for row in rows}

        try:
            with self.db.read() as conn:
                if tally.offset_seconds(conn) is None:
                    self.problems.append(
                        "Số liệu tổng hợp của báo cáo đã bị xóa ngoài chương trình (bảng tally_meta)."
                    )
                    return
                for table, label in self._WHAT.items():
                    n = len(tally.TABLES[table][0])
                    want, have = keyed(tally.recount(conn, table), n), keyed(tally.stored(conn, table), n)
                    wrong = sorted(k for k in want.keys() | have.keys() if want.get(k) != have.get(k))
                    if wrong:
                        days = sorted({date(1970, 1, 1) + timedelta(days=int(k[0])) for k in wrong})
                        shown = ", ".join(f"{d:%d/%m/%Y}" for d in days[:3]) + (
                            ", …" if len(days) > 3 else ""
                        )
                        self.problems.append(
                            f"Số liệu tổng hợp của báo cáo ({label}, bảng {table}) khác với dữ liệu đã lưu "
                            f"ở {len(wrong)} nhóm, các ngày {shown}: đã bị sửa ngoài chương trình."
                        )
        except BaseException as exc:  # handed to the caller's thread
            self.error = exc

    def result(self) -> list[str]:
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.problems


class _StorageCheck:
    """``PRAGMA quick_check`` and ``foreign_key_check`` of an SQLite file, run on a connection of
    their own in a thread (SQLite releases the GIL while it works)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.damaged: list[str] = []
        self.foreign_keys: list[tuple[Any, ...]] = []
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="onestop-quick-check", daemon=True)
        if db.sqlite_path is not None:
            self.thread.start()
        else:  # an in-memory database is one connection's own: check it here, first
            self._run()

    def _run(self) -> None:
        try:
            with self.db.read() as conn:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check")]
                if result != ["ok"]:
                    self.damaged = [str(r) for r in result]
                    return
                self.foreign_keys = [tuple(r) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
        except BaseException as exc:  # handed to the caller's thread
            self.error = exc

    def result(self) -> tuple[list[str], list[tuple[Any, ...]]]:
        if self.thread.ident is not None:
            self.thread.join()
        if self.error is not None:
            raise self.error
        return self.damaged, self.foreign_keys


def _differing(expected: bytearray, found: DossierDigests) -> list[int]:
    """The dossier ids whose slot differs between the history's states and the stored digests (and
    those stored beyond the array), ascending. Blocks of slots are compared whole."""
    dense = found.dense
    size = max(len(expected), len(dense))
    ours = bytes(expected) + bytes(size - len(expected))
    theirs = bytes(dense) + bytes(size - len(dense))
    ids = {did for did, _code, _digest in found.sparse}
    block = 4096 * _WIDTH
    for start in range(0, size, block):
        if ours[start : start + block] != theirs[start : start + block]:
            ids.update(
                at // _WIDTH
                for at in range(start, min(start + block, size), _WIDTH)
                if ours[at : at + _WIDTH] != theirs[at : at + _WIDTH]
            )
    return sorted(ids)


_WORKER_FROM = 50_000  # dossiers: below this the digests are computed here (a process costs ~0.3 s)


class _DossierPass:
    """The digests of every stored dossier: in a worker process reading the same SQLite file (it
    hashes while this process walks the chain; one CPU each), else here after the chain."""

    def __init__(self, db: Database, count: int, top_id: int) -> None:
        self.upto = top_id
        self.count = count
        self.dense_ids = min(max(top_id, 0), 4 * count + 1_000_000) + 1  # an absurd id does not blow up
        self.proc: subprocess.Popen[bytes] | None = None
        path = db.sqlite_path
        if path is None or count < _WORKER_FROM:
            return
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "onestop.db.states", str(path), str(top_id), str(self.dense_ids)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0,
            )
        except OSError:
            self.proc = None

    def result(self, conn: Connection, progress: Progress) -> DossierDigests:
        def show(n: int) -> None:
            progress("dossiers", n, self.count)

        if self.proc is not None:
            found = self._from_worker(show)
            if found is not None:
                return found
        # No worker (a small or PostgreSQL database), or it failed: the same pass here.
        return dossier_digests(conn, upto=self.upto, dense_ids=self.dense_ids, progress=show)

    def _from_worker(self, show: Callable[[int], None]) -> DossierDigests | None:
        proc = self.proc
        assert proc is not None and proc.stdout is not None
        found: DossierDigests | None = None
        try:
            while found is None:
                kind, value = pickle.load(proc.stdout)  # our own child's output
                if kind == "progress":
                    show(int(value))
                elif kind == "done":
                    dense, sparse, top, seen = value
                    found = DossierDigests(dense, sparse, top, seen)
        except (EOFError, OSError, ValueError, TypeError, pickle.UnpicklingError):
            found = None
        except BaseException:  # interrupted: the worker goes too
            proc.kill()
            raise
        finally:
            proc.stdout.close()
        return found if proc.wait() == 0 else None  # a failed worker's answer is not trusted
