"""``onestop demo``: a demo agency (phường Liên Chiểu, Đà Nẵng) with staff, units, the shipped
catalogue and N historical dossiers with realistic outcomes.

Historical dossiers are written in bulk through Core (thousands of rows a statement), with the same
rules as a live receipt: the appointment from the working calendar, codes numbered per day in time
order, the history chained. Live numbering continues after them.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import sqlite3
import tempfile
import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, func, select

from onestop import ledger
from onestop.auth import Actor
from onestop.chain import EVENT_FIELDS, EVENT_STATE_FIELDS, RATING_FIELDS, SEP
from onestop.db import schema as t
from onestop.db import tally
from onestop.db.engine import Database
from onestop.db.store import chain_head, index_pending, raise_sequence, set_chain_head
from onestop.demo_data import (
    ACCOUNTS,
    AGENCY,
    FIELD_UNIT,
    GIVEN,
    MIDDLE,
    PROCEDURE_WEIGHTS,
    ROLE_LABEL,
    STREETS,
    SURNAMES,
    UNITS,
)
from onestop.errors import ValidationError
from onestop.res import load_json
from onestop.services import Onestop, ProcedureInfo
from onestop.services.intake import receipt_context, store_snapshot
from onestop.setup import initialise
from onestop.textfold import search_key

CHUNK = 10_000


def check_demo_database(svc: Onestop) -> None:
    """``demo`` writes only into an empty database or one that is already a demo: never over an
    agency's real data (its settings, identifier and accounts)."""
    if svc.config.settings()["agency.demo"]:
        return
    with svc.db.read() as conn:
        dossiers = conn.execute(select(func.count()).select_from(t.dossiers)).scalar_one()
    if svc.staff.count() or dossiers:
        raise ValidationError(
            "Dữ liệu mẫu: cơ sở dữ liệu này đã có dữ liệu thật (tài khoản hoặc hồ sơ); "
            "chỉ tạo dữ liệu mẫu trong cơ sở dữ liệu mới hoặc cơ sở dữ liệu mẫu.",
            field="db",
        )


def run_demo(svc: Onestop, *, dossiers: int = 200, seed: int = 1) -> Iterator[str]:
    check_demo_database(svc)
    system = svc.ctx.system_actor()
    svc.config.set_settings(AGENCY, actor=system)
    unit_ids = {
        code: svc.catalog.add_unit(code=code, name=name, kind=kind, actor=system)
        for code, name, kind in UNITS
    }
    for username, full_name, role, unit, all_units in ACCOUNTS:
        svc.staff.create_staff(
            username=username,
            full_name=full_name,
            password="demo",
            role=role,
            unit_id=unit_ids.get(unit) if unit else None,
            all_units=all_units,
            exist_ok=True,
            actor=system,
        )
    catalog = load_json("data", "procedures.json")
    unit_for = {p["code"]: unit_ids[FIELD_UNIT.get(p["field"], "KTHTDT")] for p in catalog["procedures"]}
    yield from initialise(svc, catalog=catalog, actor=system)
    svc.catalog.import_catalog(
        catalog, unit_for=unit_for, actor=system
    )  # default units, also on an existing one
    if dossiers:
        written = generate_dossiers(svc, count=dossiers, seed=seed)
        yield f"Đã tạo {written} hồ sơ mẫu."
    yield "Tài khoản mẫu (mật khẩu: demo):"
    for username, full_name, role, _unit, _all in ACCOUNTS:
        yield f"  {username:<10} {ROLE_LABEL[role]:<10} {full_name}"


def _account(svc: Onestop, username: str) -> Actor:
    from onestop.auth import Role

    with svc.db.read() as conn:
        row = conn.execute(select(t.staff).where(t.staff.c.username == username)).one()
    return Actor(row.id, row.username, row.full_name, Role(row.role), row.unit_id, bool(row.all_units))


@dataclass(frozen=True)
class _Plan:
    """What every builder needs, plain data (it crosses to worker processes)."""

    url: str
    identifier: str
    code_key: str
    now_e: int
    procs: list[ProcedureInfo]
    cum_weights: list[float]
    clerks: list[tuple[int, str]]  # (id, full name)
    officer: int
    context_ids: dict[tuple[str, int], int]
    snapshot_digests: dict[int, str]  # snapshot id -> its digest (the dossier state covers it)
    tally_offset: int  # the report's tallies cut days at this offset (onestop.db.tally)


class _Job(NamedTuple):
    place: int  # chunks are written in this order (the chain's)
    moments: list[int]  # epoch seconds, ascending
    day_codes: list[str]
    numbers: list[int]
    volumes: list[str]
    registers: list[int]
    first_id: int
    seed: int
    counters: dict[str, int]  # the code and register counters after this chunk (stored with it)


class _Built(NamedTuple):
    dossiers: list[tuple[Any, ...]]  # _DOSSIERS.cols
    required: dict[
        int, list[tuple[Any, ...]]
    ]  # procedure id -> its documents (_DOCUMENTS.cols but the first)
    events: list[tuple[Any, ...]]  # _EVENTS.cols but id (place in the chain) and hash
    ratings: list[tuple[Any, ...]]  # _RATINGS.cols but id and hash
    kinds: str  # the chained rows in order: "e" an event, "r" a rating
    contents: list[str]  # each one's hashed text after the previous hash, kind and id (chain.row_hash)
    counters: dict[str, int]


def generate_dossiers(svc: Onestop, *, count: int, seed: int = 1) -> int:
    """Write ``count`` historical dossiers (with their documents and chained history).

    Chunks of rows are built, linked into the history chain and written by two worker processes
    taking turns: linking and writing go in chunk order (the chain is sequential, and SQLite has
    one writer), building does not. At most a few chunks are in flight, so memory stays flat.
    """
    rng = random.Random(seed)
    ctx = svc.ctx
    ctx.sync()
    cal = ctx.calendar()
    tz = ctx.tz
    now = ctx.now()
    settings = ctx.settings()
    identifier = settings["agency.unit_identifier"]
    procs = [svc.catalog.procedure(code) for code in PROCEDURE_WEIGHTS]
    clerks = [_account(svc, "tiepnhan1"), _account(svc, "tiepnhan2")]

    def snapshot(proc: ProcedureInfo, clerk_name: str) -> tuple[int, str]:
        payload = json.dumps(
            receipt_context(settings, proc, clerk_name, "counter"), ensure_ascii=False, sort_keys=True
        )
        digest = hashlib.sha256(payload.encode()).hexdigest()
        return svc.db.write(lambda conn: store_snapshot(conn, digest, payload)), digest

    snapshots = {(p.code, clerk.id): snapshot(p, clerk.full_name) for p in procs for clerk in clerks}
    with svc.db.read() as conn:
        tally_offset = tally.offset_seconds(conn)
    if tally_offset is None:
        raise RuntimeError("the report's tallies are missing: the schema is older than 0008")
    plan = _Plan(
        url=svc.db.url.render_as_string(hide_password=False),
        identifier=identifier,
        code_key=search_key(identifier),
        now_e=int(now.timestamp()),
        procs=procs,
        cum_weights=list(accumulate(PROCEDURE_WEIGHTS[p.code] for p in procs)),
        clerks=[(c.id, c.full_name) for c in clerks],
        officer=_account(svc, "xuly1").id,
        context_ids={key: sid for key, (sid, _digest) in snapshots.items()},
        snapshot_digests={sid: digest for sid, digest in snapshots.values()},
        tally_offset=tally_offset,
    )

    # Receipt moments: office hours of the working days of the last months (≤ ~3000 a day).
    n_days = max(130, -(-count // 3000))
    days: list[date] = []
    d = now.date()
    while len(days) < n_days:
        if cal.is_working_day(d):
            days.append(d)
        d -= timedelta(days=1)
    day_starts = [int(datetime(x.year, x.month, x.day, tzinfo=tz).timestamp()) for x in days]
    sessions = [(s.hour * 3600 + s.minute * 60, e.hour * 3600 + e.minute * 60) for s, e in cal.hours.sessions]
    offsets = [t for s, e in sessions for t in range(s, e)]  # every second of office hours
    now_e = plan.now_e
    moments: list[int] = []
    while len(moments) < count:  # draw again the few that would lie later today
        moments.extend(
            m_
            for m_ in (
                day_starts[int(rng.random() * n_days)] + offsets[int(rng.random() * len(offsets))]
                for _ in range(count - len(moments))
            )
            if m_ < now_e
        )
    moments.sort()

    with svc.db.read() as conn:
        next_id = int(conn.execute(select(func.coalesce(func.max(t.dossiers.c.id), 0))).scalar_one()) + 1
        seq_values = dict(conn.execute(select(t.sequences.c.name, t.sequences.c.value)).all())

    # Numbers in time order: the dossier code restarts each day, the register number each volume.
    # A generator, so that the pool starts building the first chunks while the next are numbered.
    volume_setting = settings["register.volume"]

    def jobs() -> Iterator[_Job]:
        day_from = day_to = 0  # the local day of the moment before: [day_from, day_to)
        day_code = key = volume = reg = ""
        for start in range(0, len(moments), CHUNK):
            chunk = moments[start : start + CHUNK]
            day_codes, numbers, volumes, registers = [], [], [], []
            touched: dict[str, int] = {}
            for at in chunk:
                if not day_from <= at < day_to:  # moments are in order: a new day now and then
                    local = datetime.fromtimestamp(at, tz)
                    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
                    day_from = int(midnight.timestamp())
                    day_to = int((midnight + timedelta(days=1)).timestamp())
                    day_code = f"{local.year % 100:02d}{local.month:02d}{local.day:02d}"
                    key = f"code:{identifier}:{day_code}"
                    volume = volume_setting or str(local.year)
                    reg = f"register:{identifier}:{volume}"
                seq_values[key] = seq_values.get(key, 0) + 1
                seq_values[reg] = seq_values.get(reg, 0) + 1
                day_codes.append(day_code)
                numbers.append(seq_values[key])
                volumes.append(volume)
                registers.append(seq_values[reg])
                touched[key] = seq_values[key]
                touched[reg] = seq_values[reg]
            in_flight.acquire()  # at most a few chunks in flight: memory stays flat
            yield _Job(
                start // CHUNK,
                chunk,
                day_codes,
                numbers,
                volumes,
                registers,
                next_id + start,
                seed * 1_000_003 + start,
                touched,
            )

    in_flight = threading.BoundedSemaphore(4)

    if len(moments) <= CHUNK:
        _init_worker(plan, cal, svc.db)
        for job in jobs():
            _build_and_store(job)
            in_flight.release()
    else:
        # Two processes each build a chunk, link it into the chain after the chunk before it, and
        # write it after that chunk is written: one builds (or links) while the other writes, and
        # nothing goes through this process but the small jobs. Fork where there is fork, with no
        # SQLite connection open in this process (SQLite's file locks are not meant to cross a fork).
        with svc.db.read() as conn:
            seq, head = chain_head(conn, lock=False)
        methods = multiprocessing.get_all_start_methods()
        mp = multiprocessing.get_context("fork" if "fork" in methods else None)
        turn = mp.Condition()
        # Under ``turn``: chunks linked and written so far, and the chain's end after the last linked.
        shared = _Shared(
            mp.RawValue("q", 0), mp.RawValue("q", 0), mp.RawValue("q", seq), mp.RawArray("c", 64)
        )
        shared.head.value = head.encode()
        svc.db.dispose()
        with mp.Pool(
            processes=2, initializer=_init_worker, initargs=(plan, None, None, turn, shared)
        ) as pool:
            for _ in pool.imap(_build_and_store, jobs()):
                in_flight.release()
    return len(moments)


class _Shared(NamedTuple):
    """What the two writing processes share (multiprocessing raw values, used under one Condition)."""

    linked: Any  # chunks linked into the chain
    written: Any  # chunks written
    seq: Any  # the chain's end after the last chunk linked
    head: Any


_worker: dict[str, Any] = {}


def _init_worker(
    plan: _Plan, calendar: Any, db: Database | None, turn: Any = None, shared: _Shared | None = None
) -> None:
    if calendar is None or db is None:  # in a worker process: its own connection and calendar
        from onestop.app import open_services

        services = open_services(plan.url, migrate=False)
        services.ctx.sync()
        calendar = services.ctx.calendar()
        db = services.db
    _worker.clear()
    _worker.update(
        plan=plan, cal=calendar, db=db, turn=turn, shared=shared, names={}, texts={}, dues=_Dues(calendar)
    )


def _build_and_store(job: _Job) -> int:
    """Build a chunk; link it after the chunk before it is linked; write it after that one is
    written. (In this process alone: build, then link and write in one go.)"""
    built = _build(job)
    counted = _tallies(built, _worker["plan"].tally_offset)  # while the other process writes
    turn, shared, db = _worker["turn"], _worker["shared"], _worker["db"]
    if turn is None:
        _store(db, built, None, counted)
        return len(job.moments)
    with turn:
        turn.wait_for(lambda: shared.linked.value == job.place)
        start = int(shared.seq.value), shared.head.value.decode()
    linked = _link(built, *start)
    with turn:
        shared.seq.value, shared.head.value = linked.seq, linked.head.encode()
        shared.linked.value = job.place + 1
        turn.notify_all()
    # The rows go through the driver into a scratch file while the other process writes; the
    # writer then copies them in SQLite (INSERT ... SELECT), its turn short.
    staged = _stage(built, linked) if db.is_sqlite else None
    with turn:
        turn.wait_for(lambda: shared.written.value == job.place)
    _store(db, built, (start, linked), counted, staged)
    with turn:
        shared.written.value = job.place + 1
        turn.notify_all()
    return len(job.moments)


class _Linked(NamedTuple):
    events: list[tuple[Any, ...]]  # _EVENTS.cols
    ratings: list[tuple[Any, ...]]  # _RATINGS.cols
    seq: int  # the chain's end after them
    head: str


def _link(built: _Built, seq: int, prev: str) -> _Linked:
    """The chunk's events and ratings with their places in the chain and their hashes, after
    ``seq``:``prev`` (``chain.row_hash``, from the texts the builder made): the sequential part."""
    events: list[tuple[Any, ...]] = []
    ratings: list[tuple[Any, ...]] = []
    next_event, next_rating = iter(built.events).__next__, iter(built.ratings).__next__
    sha256 = hashlib.sha256
    for kind, content in zip(built.kinds, built.contents, strict=True):
        seq += 1
        if kind == "e":
            prev = sha256(f"{prev}{SEP}event{SEP}{seq}{SEP}{content}".encode()).hexdigest()
            events.append((*next_event(), seq, prev))
        else:
            prev = sha256(f"{prev}{SEP}rating{SEP}{seq}{SEP}{content}".encode()).hexdigest()
            ratings.append((*next_rating(), seq, prev))
    return _Linked(events, ratings, seq, prev)


def _tallies(built: _Built, offset: int) -> dict[str, list[tuple[Any, ...]]]:
    """The report's tallies of the chunk's dossiers, counted in Python from the rows just built
    (their columns, and the ones that hold the same value in every demo row)."""
    fixed = tuple(_DOSSIERS.fixed.values())
    return tally.count_rows(
        offset,
        ((*_DOSSIERS.cols, *_DOSSIERS.fixed), (row + fixed for row in built.dossiers)),
        (_EVENTS.cols, built.events),
        (_RATINGS.cols, built.ratings),
    )


def _store(
    db: Database,
    built: _Built,
    linked: tuple[tuple[int, str], _Linked] | None,
    counted: dict[str, list[tuple[Any, ...]]],
    staged: Path | None = None,
) -> None:
    """One chunk in one transaction: its rows, its chained history, and the counters that numbered
    them, so that a kill at any moment leaves a database that verifies and numbers on. ``linked``:
    the chunk already linked after a given chain end; linked again here if the chain ends elsewhere
    (someone appended meanwhile). ``staged``: the same rows in a scratch file (``_stage``), copied
    from there; removed after."""

    def work(conn: Connection) -> None:
        head = chain_head(conn)
        same = linked is not None and linked[0] == head
        chain = linked[1] if linked is not None and same else _link(built, *head)
        if staged is not None:
            _copy(conn, _DOSSIERS)
            _copy_documents(conn)
        else:
            _bulk(conn, _DOSSIERS, built.dossiers)
            _bulk(conn, _DOCUMENTS, _documents(built))
        if staged is not None and same:
            _copy(conn, _EVENTS)
            _copy(conn, _RATINGS)
        else:
            _bulk(conn, _EVENTS, chain.events)
            _bulk(conn, _RATINGS, chain.ratings)
        set_chain_head(conn, chain.seq, chain.head)
        tally.add_counted(conn, counted)  # the report's tallies of these dossiers, with them
        for name, value in built.counters.items():
            raise_sequence(conn, name, value)
        if conn.dialect.name == "postgresql":  # ids were given explicitly: move the serial past them
            conn.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT max(id) FROM dossiers))"
            )
        if db.is_sqlite:
            index_pending(conn)  # here, while the other process builds the next chunk

    try:
        db.write(work, bulk=True, attach=staged)
    finally:
        if staged is not None:
            staged.unlink(missing_ok=True)


def _stage(built: _Built, linked: _Linked) -> Path:
    """The chunk's rows in a scratch SQLite file in the temporary folder (no journal, no index, no
    constraint: it is read once, by ``_store``, and removed after), for the writer to copy without
    the per-row cost of the driver. Its tables have the columns of the real ones and no types, so
    the values reach the real tables exactly as the driver would give them."""
    fd, name = tempfile.mkstemp(prefix="onestop-demo-", suffix=".db")
    os.close(fd)  # an empty file: an empty database
    path = Path(name)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("BEGIN")
        for spec, rows in ((_DOSSIERS, built.dossiers), (_EVENTS, linked.events), (_RATINGS, linked.ratings)):
            conn.execute(f"CREATE TABLE {spec.table.name} ({', '.join(spec.cols)})")
            marks = ", ".join(["?"] * len(spec.cols))
            conn.executemany(f"INSERT INTO {spec.table.name} VALUES ({marks})", rows)
        # The documents: each procedure's once, joined with the dossiers by the copy.
        conn.execute(
            "CREATE TABLE required (procedure_id, position, name, form, count, PRIMARY KEY (procedure_id, position))"
        )
        conn.executemany(
            "INSERT INTO required VALUES (?, ?, ?, ?, ?)",
            [(pid, *d) for pid, docs in built.required.items() for d in docs],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


def _copy(conn: Connection, spec: _Table) -> None:
    """A staged table's rows into the real one, in their order (``_stage``)."""
    name = spec.table.name
    conn.exec_driver_sql(
        f"INSERT INTO main.{name} ({spec.names()}) "
        f"SELECT {', '.join((*spec.cols, *spec.literals()))} FROM staged.{name} ORDER BY rowid"
    )


def _copy_documents(conn: Connection) -> None:
    """The staged dossiers' documents into the real table: each dossier's (its procedure's required
    ones) in turn, in their order (what ``_documents`` gives)."""
    conn.exec_driver_sql(
        "INSERT INTO main.dossier_documents (dossier_id, position, name, form, count) "
        "SELECT d.id, r.position, r.name, r.form, r.count "
        "FROM staged.dossiers AS d JOIN staged.required AS r ON r.procedure_id = d.procedure_id "
        "ORDER BY d.rowid, r.position"
    )


def _documents(built: _Built) -> list[tuple[Any, ...]]:
    """The chunk's dossier_documents rows: each dossier's procedure's required documents."""
    required, at = built.required, _DOSSIERS.cols.index("procedure_id")
    return [(row[0], *d) for row in built.dossiers for d in required[row[at]]]


def _build(job: _Job) -> _Built:
    plan: _Plan = _worker["plan"]
    cal = _worker["cal"]
    names: dict[str, str] = _worker["names"]
    rng = random.Random(job.seed)
    office = _Office(cal, rng)
    dues: _Dues = _worker["dues"]
    r = rng.random
    procs, cum, clerks = plan.procs, plan.cum_weights, plan.clerks
    total = cum[-1]
    dossiers: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    ratings: list[tuple[Any, ...]] = []
    kinds: list[str] = []
    contents: list[str] = []
    required = {}  # procedure -> (its required documents as rows, their part of the state's text)
    for p in procs:
        own = [(n, x.name, x.form, x.count) for n, x in enumerate(x for x in p.documents if x.required)]
        required[p.code] = (
            own,
            "".join(f"{SEP}doc{SEP}{ledger.plain_row_text('dossier_documents', d)}" for d in own),
        )
    sha256 = hashlib.sha256
    keep = _DOSSIER_KEEP
    texts: dict[tuple[str, int], _StateText] = _worker["texts"]
    for i, at_e in enumerate(job.moments):
        proc = procs[bisect_left(cum, r() * total)]
        clerk_id, _clerk_name = clerks[r() < 0.5]
        number = job.numbers[i]
        day_code = job.day_codes[i]
        code = f"{plan.identifier}-{day_code}-{number:04d}"
        due_e = dues.due(proc.limit, at_e)
        name = f"{SURNAMES[int(r() * len(SURNAMES))]} {MIDDLE[int(r() * len(MIDDLE))]} {GIVEN[int(r() * len(GIVEN))]}"
        id_number = f"048{int(r() * 2)}{50 + int(r() * 50):02d}{int(r() * 1e6):06d}"  # born 1950-1999
        phone = f"09{int(r() * 1e8):08d}"
        address = (
            f"{1 + int(r() * 400)} {STREETS[int(r() * len(STREETS))]}, phường Liên Chiểu, thành phố Đà Nẵng"
        )
        key = names.get(name)
        if key is None:
            key = names[name] = search_key(name)
        did = job.first_id + i
        status, life, finished = _outcome(
            rng, office, proc.default_unit_id, at_e, due_e, plan.now_e, clerk_id, plan.officer
        )
        search = f"{key} {id_number} {phone} {plan.code_key} {day_code} {number:04d}"
        volume, register = job.volumes[i], job.registers[i]
        row = [
            did,
            code,
            proc.id,
            plan.identifier,
            "received",
            name,
            id_number,
            phone,
            address,
            "",
            search,
            1,
            "counter",
            "counter",
            proc.fee_text,
            proc.fee_amount,
            at_e,
            due_e,
            None,
            clerk_id,
            None,
            None,
            None,
            None,
            volume,
            register,
            1,
            plan.context_ids[proc.code, clerk_id],
            None,  # applicant_kind: a person
            None,  # tax_code
            None,  # legal_due_at: no supplement pause in the demo's lives
            None,  # result_at
        ]
        own_docs, docs_text = required[proc.code]
        # The dossier's state (ledger.dossier_state) after each step: only the status, the unit, the
        # finishing time and the result's time change, so the rest of the hashed text is made (and
        # encoded) once, from the template of the dossiers of this procedure and clerk.
        text = texts.get((proc.code, clerk_id))
        if text is None:
            snap = plan.snapshot_digests[plan.context_ids[proc.code, clerk_id]]
            text = texts[proc.code, clerk_id] = _StateText(tuple(row[1:]), f"{docs_text}{SEP}snap={snap}")
        values = (
            code.encode(),
            name.encode(),
            id_number.encode(),
            phone.encode(),
            address.encode(),
            search.encode(),
            b"%d" % at_e,
            b"%d" % due_e,
            volume.encode(),
            b"%d" % register,
            b"%d" % did,
        )
        before, middle, between, after, tail = (
            stretch if pick is None else stretch % pick(values) for stretch, pick in text.stretches
        )

        # The appointment goes into the chained history too, so it cannot be moved quietly.
        data = due_json(due_e)
        st = sha256(b"%s%s%s%s%s%s" % (before, b"received", middle, between, after, tail)).hexdigest()
        events.append((did, "receive", at_e, clerk_id, None, None, "", data, st))
        kinds.append("e")
        contents.append(
            f"{did}{SEP}receive{SEP}{at_e}{SEP}{clerk_id}{SEP}-{SEP}-{SEP}{SEP}{data}{SEP}-{SEP}{st}"
        )
        # Most citizens rate the receipt on the kiosk a minute later; some rate the return too.
        if r() < 0.72:
            _rate(ratings, contents, r(), did, "receipt", clerk_id, at_e + 40 + int(r() * 60))
            kinds.append("r")
        result_at: int | None = None
        for action, when, user, to_unit, note in life:
            # As the live steps record it: a transfer and the result are from the unit holding it.
            from_unit = row[20] if action in ("transfer", "result") else None
            step_status, unit, finished_at = row[4], row[20], row[23] = _AFTER[action](to_unit, row[20], when)
            if action == "result":
                result_at = row[_RESULT + 1] = when
            st = sha256(
                b"%s%s%s%s%s%s%s%s%s"
                % (
                    before,
                    step_status.encode(),
                    middle,
                    b"" if unit is None else b"\x1fcurrent_unit_id=%d" % unit,
                    between,
                    b"" if finished_at is None else b"\x1ffinished_at=%d" % finished_at,
                    after,
                    b"" if result_at is None else b"\x1fresult_at=%d" % result_at,
                    tail,
                )
            ).hexdigest()
            events.append((did, action, when, user, from_unit, to_unit, note, "", st))
            kinds.append("e")
            to_text = "-" if to_unit is None else to_unit
            from_text = "-" if from_unit is None else from_unit
            contents.append(
                f"{did}{SEP}{action}{SEP}{when}{SEP}{user}{SEP}{from_text}{SEP}{to_text}{SEP}{note}{SEP}{SEP}-{SEP}{st}"
            )
            if action == "return" and r() < 0.45:
                _rate(ratings, contents, r(), did, "return", user, when + 30 + int(r() * 60))
                kinds.append("r")
        assert (row[4], row[20], row[23]) == (
            status,
            proc.default_unit_id if status in _HELD else None,
            finished,
        ), "the last step leaves the dossier as its outcome says"
        if i == 0:  # the templates make what the ledger makes
            snap = plan.snapshot_digests[plan.context_ids[proc.code, clerk_id]]
            assert st == ledger.dossier_state(did, row[1:], own_docs, (), snap)
            assert all(row[k] == value for k, value in _DOSSIER_FIXED_AT), "the rows' fixed columns"
        dossiers.append(keep(row))
    return _Built(
        dossiers,
        {p.id: required[p.code][0] for p in procs},
        events,
        ratings,
        "".join(kinds),
        contents,
        job.counters,
    )


def _joined(parts: list[str | None]) -> str:
    """The parts that are not None, each after SEP (a stretch of ``ledger.plain_row_text``)."""
    return "".join([SEP + p for p in parts if p is not None])


# The columns that differ between the demo's dossiers of one procedure and clerk, in the order
# _build gives their values (the status, the unit and the finishing time are set a step at a time).
_VARYING = (
    "code",
    "applicant_name",
    "id_number",
    "phone",
    "address",
    "search_key",
    "received_at",
    "due_at",
    "register_volume",
    "register_number",
)


class _StateText:
    """What ``ledger.dossier_state`` hashes for the demo's dossiers of one procedure and clerk, as
    bytes templates (``%s`` for the _VARYING columns, encoded, and the dossier's id last) in five
    stretches around the status, the unit, the finishing time and the result's time: the constant
    text is encoded once, not once a dossier. Made by ``ledger.plain_parts`` from one of those
    dossiers' rows, so it follows the ledger's encoding (and ``_build`` checks a dossier a chunk
    against ``ledger.dossier_state``)."""

    def __init__(self, row: tuple[Any, ...], suffix: str) -> None:
        columns = ledger.COLUMNS["dossiers"]
        marked = list(row)
        for k, column in enumerate(_VARYING):
            marked[columns.index(column)] = f"\0{k}\0"
        parts = ledger.plain_parts("dossiers", marked)

        def template(text: str) -> tuple[bytes, Any]:
            """The stretch as a bytes template and what picks its values (None: it has none)."""
            pieces = text.split("\0")  # literal, column number, literal, ...
            keys = [int(k) for k in pieces[1::2]]
            literals = [x.encode() for x in pieces[0::2]]
            if not keys:
                return b"".join(literals), None
            pick = itemgetter(*keys) if len(keys) > 1 else lambda values: (values[keys[0]],)
            return b"%s".join([x.replace(b"%", b"%%") for x in literals]), pick

        self.stretches = (
            template(f"dossier{SEP}\0{len(_VARYING)}\0" + _joined(parts[:_STATUS]) + f"{SEP}status="),
            template(_joined(parts[_STATUS + 1 : _UNIT])),
            template(_joined(parts[_UNIT + 1 : _FINISHED])),  # holder, paused at: NULL in the demo
            template(_joined(parts[_FINISHED + 1 : _RESULT])),
            template(_joined(parts[_RESULT + 1 :]) + suffix),
        )


_STATUS, _UNIT, _FINISHED, _RESULT = (
    ledger.COLUMNS["dossiers"].index(c) for c in ("status", "current_unit_id", "finished_at", "result_at")
)
assert _STATUS < _UNIT < _FINISHED < _RESULT  # the order of _StateText's stretches

# (status, current unit, finished at) after each step, from (its unit, the unit before, its moment)
_AFTER: dict[str, Any] = {
    "transfer": lambda unit, _cur, _when: ("processing", unit, None),
    "result": lambda _unit, cur, _when: ("result_ready", cur, None),
    "return": lambda _unit, _cur, when: ("returned", None, when),
    "refuse": lambda _unit, _cur, when: ("refused", None, when),
    "withdraw": lambda _unit, _cur, when: ("withdrawn", None, when),
}


def _rate(
    ratings: list[tuple[Any, ...]],
    contents: list[str],
    roll: float,
    did: int,
    event: str,
    clerk: int,
    at: int,
) -> None:
    """A kiosk rating on the default 3-level scale: mostly very satisfied, a few not."""
    level, satisfied = (
        ("rat-hai-long", 1) if roll < 0.71 else ("hai-long", 1) if roll < 0.965 else ("khong-hai-long", 0)
    )
    reasons = "" if satisfied else ("thoi-gian-cho", "huong-dan-chua-ro", "thai-do")[int(roll * 1000) % 3]
    ratings.append((did, event, clerk, level, bool(satisfied), reasons, at))  # scale 3, kiosk: _RATINGS
    contents.append(
        f"{did}{SEP}{event}{SEP}{clerk}{SEP}{level}{SEP}3{SEP}{satisfied}{SEP}{reasons}{SEP}kiosk{SEP}-{SEP}{at}"
    )


_DOSSIER_COLS = (
    "id",
    "code",
    "procedure_id",
    "unit_identifier",
    "status",
    "applicant_name",
    "id_number",
    "phone",
    "address",
    "email",
    "search_key",
    "sets",
    "channel",
    "result_channel",
    "fee_text",
    "fee_amount",
    "received_at",
    "due_at",
    "extended_due_at",
    "received_by",
    "current_unit_id",
    "holder_id",
    "paused_at",
    "finished_at",
    "register_volume",
    "register_number",
    "receipt_version",
    "snapshot_id",
    "applicant_kind",
    "tax_code",
    "legal_due_at",
    "result_at",
)
# The dossier columns that are the same in every demo dossier (_build checks them on one a chunk).
_DOSSIER_FIXED: dict[str, Any] = {
    "email": "",
    "sets": 1,
    "channel": "counter",
    "result_channel": "counter",
    "extended_due_at": None,
    "holder_id": None,
    "paused_at": None,
    "receipt_version": 1,
    "applicant_kind": None,
    "tax_code": None,
    "legal_due_at": None,
}


class _Table(NamedTuple):
    """How a chunk's rows of one table are written: ``cols``, the columns of the rows ``_build`` (and
    ``_link``) make; ``fixed``, the columns that hold the same value in every demo row, written as
    SQL literals instead of a parameter a row."""

    table: Any
    cols: tuple[str, ...]
    fixed: dict[str, Any]

    def names(self) -> str:
        return ", ".join((*self.cols, *self.fixed))

    def literals(self) -> list[str]:
        return [_literal(value) for value in self.fixed.values()]


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    assert isinstance(value, str)
    return "'" + value.replace("'", "''") + "'"


_DOSSIERS = _Table(
    t.dossiers,
    tuple(c for c in _DOSSIER_COLS if c not in _DOSSIER_FIXED),
    _DOSSIER_FIXED,
)
_DOSSIER_KEEP = itemgetter(*(k for k, c in enumerate(_DOSSIER_COLS) if c not in _DOSSIER_FIXED))
_DOSSIER_FIXED_AT = [(_DOSSIER_COLS.index(c), value) for c, value in _DOSSIER_FIXED.items()]
_DOCUMENTS = _Table(t.dossier_documents, ("dossier_id", "position", "name", "form", "count"), {})
_EVENTS = _Table(
    t.events,
    (
        "dossier_id",
        "action",
        "at",
        "user_id",
        "from_unit_id",
        "to_unit_id",
        "note",
        "data",
        "state",
        "id",
        "hash",
    ),
    {"entity": None},
)
_RATINGS = _Table(
    t.ratings,
    ("dossier_id", "event", "clerk_id", "level", "satisfied", "reasons", "at", "id", "hash"),
    {"scale": 3, "channel": "kiosk", "entered_by": None},
)
assert set(_EVENTS.cols[:-2]) | set(_EVENTS.fixed) == {*EVENT_FIELDS[1:], *EVENT_STATE_FIELDS}
assert set(_RATINGS.cols[:-2]) | set(_RATINGS.fixed) == set(RATING_FIELDS[1:])


def due_json(due_epoch: int) -> str:
    """The receive event's data, byte for byte what the live service writes (json.dumps, sorted keys):
    ``{"due_at": datetime.fromtimestamp(due_epoch, UTC).isoformat()}``, the date's part cached."""
    day, second = divmod(due_epoch, 86_400)
    date_text = _DATES.get(day)
    if date_text is None:
        date_text = _DATES[day] = datetime.fromtimestamp(day * 86_400, UTC).date().isoformat()
    hour, second = divmod(second, 3600)
    minute, second = divmod(second, 60)
    return f'{{"due_at": "{date_text}T{hour:02d}:{minute:02d}:{second:02d}+00:00"}}'


def _bulk(conn: Connection, spec: _Table, rows: list[tuple[Any, ...]]) -> None:
    """Rows straight to the driver (times already epoch seconds, as ``UTCDateTime`` stores them)."""
    if not rows:
        return
    qmark = conn.dialect.paramstyle == "qmark"
    marks = ["?" if qmark else "%s"] * len(spec.cols)
    literals = spec.literals() if qmark else [x.replace("%", "%%") for x in spec.literals()]
    sql = f"INSERT INTO {spec.table.name} ({spec.names()}) VALUES ({', '.join((*marks, *literals))})"
    conn.exec_driver_sql(sql, rows)


_DATES: dict[int, str] = {}  # day since the epoch -> its ISO date (due_json)

_HELD = ("processing", "waiting_supplement", "result_ready")


class _Dues:
    """``calendar.appointment(limit, at).due_at`` in epoch seconds, for bulk generation: the calendar
    is asked once per procedure and day, not once per dossier (same answers: see the tests).

    n working days from a moment strictly inside a session end at the same clock time n working days
    on (every working day has the same sessions); a same-day procedure depends only on the day and
    on the cut-off. Anything else (a session's first second, working hours) asks the calendar."""

    def __init__(self, cal: Any) -> None:
        self.cal = cal
        self.offset: int = int(cal.tz.utcoffset(datetime(2000, 1, 1)).total_seconds())  # no DST in Việt Nam
        self.sessions = [
            (s.hour * 3600 + s.minute * 60, e.hour * 3600 + e.minute * 60) for s, e in cal.hours.sessions
        ]
        self.first = self.sessions[0][0]
        self.cache: dict[tuple[Any, ...], int] = {}

    def _works(self, day: int) -> bool:
        works = self.cache.get(("works", day))
        if works is None:
            works = self.cache[("works", day)] = self.cal.is_working_day(date.fromordinal(719_163 + day))
        return bool(works)

    def _ask(self, limit: Any, moment: int) -> int:
        return int(
            self.cal.appointment(limit, datetime.fromtimestamp(moment, self.cal.tz)).due_at.timestamp()
        )

    def due(self, limit: Any, at: int) -> int:
        day, second = divmod(at + self.offset, 86_400)
        inside = False
        for start, end in self.sessions:
            if start < second < end:
                inside = True
                break
        if limit.unit == "working_days" and inside and self._works(day):
            key: tuple[Any, ...] = (limit, day)
            target = self.cache.get(key)
            if target is None:
                probe = day * 86_400 - self.offset + self.first + 1
                target = self.cache[key] = (self._ask(limit, probe) + self.offset) // 86_400
            return target * 86_400 + second - self.offset
        if limit.unit == "same_day":
            cutoff = limit.cutoff
            late = (cutoff is not None and second // 60 > cutoff.hour * 60 + cutoff.minute) or (
                second >= self.sessions[-1][1]
            )
            key = (limit, day, late)
            due = self.cache.get(key)
            if due is None:
                due = self.cache[key] = self._ask(limit, at)
            return due
        return self._ask(limit, at)


class _Office:
    """Moves a moment into office hours (people act at work): cheap, cached per day."""

    def __init__(self, cal: Any, rng: random.Random) -> None:
        self.cal = cal
        self.rng = rng
        self.offset: int = int(cal.tz.utcoffset(datetime(2000, 1, 1)).total_seconds())  # no DST in Việt Nam
        self.sessions: list[tuple[int, int]] = [
            (s.hour * 3600 + s.minute * 60, e.hour * 3600 + e.minute * 60) for s, e in cal.hours.sessions
        ]
        self.working: dict[int, bool] = {}

    def _works(self, day: int) -> bool:
        works = self.working.get(day)
        if works is None:
            works = self.working[day] = self.cal.is_working_day(date.fromordinal(719_163 + day))
        return works

    def snap(self, moment: int) -> int:
        local = moment + self.offset
        day, second = divmod(local, 86_400)
        if self._works(day):
            for start, end in self.sessions:
                if second < start:
                    return moment + (start - second) + int(self.rng.random() * 1800)
                if second < end:
                    return moment
        day += 1
        while not self._works(day):
            day += 1
        start = self.sessions[0][0]
        return day * 86_400 + start - self.offset + int(self.rng.random() * 3600)


def _outcome(
    rng: random.Random,
    office: _Office,
    unit: int | None,
    at: int,
    due: int,
    now: int,
    clerk: int,
    officer: int,
) -> tuple[str, list[tuple[str, int, int, int | None, str]], int | None]:
    """A plausible life for a historical dossier, in office hours, never past ``now`` (epoch seconds)."""
    r = rng.random
    snap = office.snap
    span = max(due - at, 3600)
    transfer_at = snap(at + 300 + int(r() * 5100))
    events: list[tuple[str, int, int, int | None, str]] = []
    if transfer_at >= now:
        return "received", events, None
    events.append(("transfer", transfer_at, clerk, unit, ""))
    roll = r()
    if due < now and roll < 0.04:
        when = snap(transfer_at + int(span * (0.05 + 0.25 * r())))
        if when >= now:
            return "processing", events, None
        events.append(("refuse", when, officer, None, "Hồ sơ không đủ điều kiện giải quyết theo quy định."))
        return "refused", events, when
    if due < now and roll < 0.06:
        when = snap(transfer_at + int(span * (0.05 + 0.45 * r())))
        if when >= now:
            return "processing", events, None
        events.append(("withdraw", when, clerk, None, "Người nộp rút hồ sơ."))
        return "withdrawn", events, when
    if roll > 0.92:  # late
        result_at = snap(due + 7200 + int(r() * 252_000))
    else:
        result_at = snap(transfer_at + int(max(due - transfer_at, 600) * (0.3 + 0.68 * r())))
    if result_at >= now:
        return "processing", events, None
    events.append(("result", result_at, officer, None, ""))
    return_at = snap(result_at + 600 + int(r() * 85_800))
    if return_at >= now or r() < 0.03:
        return "result_ready", events, None
    events.append(("return", return_at, clerk, None, ""))
    return "returned", events, return_at
