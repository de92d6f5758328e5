"""The floor of ``onestop show CODE``: a bare Python process that imports SQLAlchemy, opens an engine
on the same SQLite file and runs the same two lookups with Core, then prints the dossier's lines.

    python benchmarks/show_floor.py sqlite:///PATH USERNAME CODE

The two lookups are the staff row of the account that signs in (by username) and the dossier with
its procedure, clerk and unit (by code), printed. Nothing else: no password check, no schema check, no configuration, no permission table. A command
that uses SQLAlchemy Core cannot start faster than this; ``benchmarks/show_startup.py`` runs it
beside ``onestop show`` (and benchmarks/run.py's target 5 beside its other baselines).

Only the standard library and SQLAlchemy are imported (never ``onestop``).
"""

from __future__ import annotations

import sys

from sqlalchemy import column, create_engine, select, table


def main(url: str, username: str, code: str) -> int:
    engine = create_engine(url)
    staff = table("staff", column("id"), column("username"), column("full_name"), column("password_hash"))
    dossiers = table(
        "dossiers",
        column("id"),
        column("code"),
        column("status"),
        column("applicant_name"),
        column("procedure_id"),
        column("received_by"),
        column("current_unit_id"),
        column("received_at"),
        column("due_at"),
    )
    procedures = table("procedures", column("id"), column("code"), column("name"))
    units = table("units", column("id"), column("name"))
    with engine.connect() as conn:
        user = conn.execute(select(staff).where(staff.c.username == username)).first()
        if user is None:
            return 1
        d, p, s = dossiers.c, procedures.c, staff.c
        row = conn.execute(
            select(dossiers, p.code.label("p_code"), p.name.label("p_name"), s.full_name.label("clerk_name"),
                   units.c.name.label("unit"))
            .join(procedures, p.id == d.procedure_id)
            .join(staff, s.id == d.received_by)
            .outerjoin(units, units.c.id == d.current_unit_id)
            .where(d.code == code)
        ).first()  # fmt: skip
        if row is None:
            return 1
    engine.dispose()
    print(f"Mã hồ sơ:       {row.code}")
    print(f"Trạng thái:     {row.status}")
    print(f"Thủ tục:        {row.p_code} - {row.p_name}")
    print(f"Người nộp:      {row.applicant_name}")
    print(f"Tiếp nhận:      {row.received_at} ({row.clerk_name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
