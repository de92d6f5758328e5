"""The ``onestop`` command line (reference: docs/cli.md, a contract checked from outside).

Commands other than ``gui`` and ``kiosk`` never import Qt. Errors: exit 2 with one Vietnamese line
naming the field for invalid input (nothing written), exit 1 for any other failure; tracebacks only
with ``--debug``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onestop.errors import OnestopError, UserError, ValidationError

if TYPE_CHECKING:
    from onestop.services import DossierView, Onestop


class UsageError(UserError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"Sai cú pháp lệnh: {message}. (usage: onestop --help)")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="onestop", description="Bộ phận Một cửa: tiếp nhận hồ sơ, hẹn trả, in phiếu.")
    p.add_argument("--db", help="SQLAlchemy URL (mặc định: ONESTOP_DB hoặc tệp SQLite của người dùng)")
    p.add_argument("--user", help="tài khoản thực hiện (mặc định: ONESTOP_USER hoặc quản trị đầu tiên)")
    p.add_argument("--debug", action="store_true", help="in traceback khi lỗi")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    sub.add_parser("gui", help="ứng dụng quầy tiếp nhận")
    s = sub.add_parser("kiosk", help="màn hình đánh giá")
    s.add_argument(
        "--station", default=None, help="quầy mà màn hình này phục vụ (mặc định: tên máy; * = mọi quầy)"
    )
    s.add_argument("--name", default=None, help="tên của màn hình đánh giá (mặc định: tên máy)")

    s = sub.add_parser("init", help="tạo/nâng cấp cơ sở dữ liệu, lịch làm việc, danh mục")
    s.add_argument("--catalog", help="tệp JSON danh mục thủ tục")

    s = sub.add_parser("demo", help="dữ liệu mẫu phường Liên Chiểu")
    s.add_argument("--dossiers", type=int, default=200)
    s.add_argument("--seed", type=int, default=1)

    s = sub.add_parser("receive", help="tiếp nhận một hồ sơ đầy đủ")
    s.add_argument("--procedure", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--id-number", default="")
    s.add_argument("--phone", default="")
    s.add_argument("--address", default="")
    s.add_argument("--email", default="")
    s.add_argument("--sets", default="1")
    s.add_argument("--channel", default="counter")
    s.add_argument("--result-channel", default=None)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("show", help="xem một hồ sơ")
    s.add_argument("code")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("list", help="danh sách hồ sơ")
    s.add_argument("--from", dest="date_from")
    s.add_argument("--to", dest="date_to")
    s.add_argument("--status")
    s.add_argument("--search", default="")
    s.add_argument("--limit", default="100")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("receipt", help="in Giấy tiếp nhận (Mẫu 01) ra PDF")
    s.add_argument("code")
    s.add_argument("-o", "--output", required=True)

    s = sub.add_parser("due", help="tính ngày hẹn trả, không lưu")
    s.add_argument("--procedure", required=True)
    s.add_argument("--at")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("rate", help="nhập đánh giá từ phiếu giấy hoặc điện thoại")
    s.add_argument("code")
    s.add_argument("level")
    s.add_argument("--event", default="receipt")
    s.add_argument("--channel", default="paper")
    s.add_argument("--reason", action="append", default=[], help="lý do khi không hài lòng (lặp lại được)")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu")
    s.add_argument("-o", "--output", required=True)

    sub.add_parser("verify", help="kiểm tra toàn vẹn dữ liệu và lịch sử")
    return p


# --------------------------------------------------------------------------- formatting


def iso(value: datetime | None) -> str | None:
    return value.replace(microsecond=0).isoformat() if value else None


def _emit(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _vn_time(value: datetime) -> str:
    return value.strftime("%H giờ %M phút, ngày %d/%m/%Y")


def dossier_json(d: DossierView) -> dict[str, Any]:
    return {
        "code": d.code,
        "status": d.status,
        "status_label": d.status_label,
        "procedure_code": d.procedure_code,
        "procedure_name": d.procedure_name,
        "procedure_version": d.procedure_version,
        "applicant_name": d.applicant.name,
        "id_number": d.applicant.id_number,
        "phone": d.applicant.phone,
        "address": d.applicant.address,
        "email": d.applicant.email,
        "sets": d.sets,
        "channel": d.channel,
        "result_channel": d.result_channel,
        "fee": d.fee_text,
        "received_at": iso(d.received_at),
        "due_at": iso(d.due_at),
        "extended_due_at": iso(d.extended_due_at),
        "received_by": d.received_by,
        "received_by_name": d.received_by_name,
        "current_unit": d.current_unit,
        "register_volume": d.register_volume,
        "register_number": d.register_number,
        "receipt_version": d.receipt_version,
        "documents": [{"name": x.name, "form": x.form, "count": x.count} for x in d.documents],
        "events": [
            {
                "action": e.action,
                "at": iso(e.at),
                "user": e.user,
                "note": e.note,
                "from_unit": e.from_unit,
                "to_unit": e.to_unit,
            }
            for e in d.events
        ],
        "ratings": [
            {"level": r["level"], "event": r["event"], "at": iso(r["at"]), "channel": r["channel"]}
            for r in d.ratings
        ],
    }


def _parse_date(text: str | None, label: str, field: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{label}: ngày «{text}» không đúng dạng YYYY-MM-DD.", field=field) from None


def _parse_int(text: str, label: str, field: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError:
        raise ValidationError(f"{label}: phải là số nguyên.", field=field) from None


# --------------------------------------------------------------------------- commands


def _services(args: argparse.Namespace) -> Onestop:
    """The services on ``--db``; a ``--user`` (or ONESTOP_USER) given must exist and be enabled,
    whatever the command (``init`` and ``demo`` act as the system and ignore it)."""
    from onestop.app import open_services

    svc = open_services(args.db)
    if args.command not in ("init", "demo") and (args.user or os.environ.get("ONESTOP_USER")):
        _actor(svc, args)
    return svc


def _actor(svc: Onestop, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    return svc.actor(args.user or os.environ.get("ONESTOP_USER") or None)


def cmd_init(args: argparse.Namespace) -> int:
    from onestop.setup import initialise

    catalog = None
    if args.catalog:
        try:
            catalog = json.loads(Path(args.catalog).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValidationError(
                f"Danh mục thủ tục (--catalog): không đọc được tệp ({exc}).", field="catalog"
            ) from None
    svc = _services(args)
    for line in initialise(svc, catalog=catalog):
        print(line)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from onestop.demo import run_demo

    if args.dossiers < 0 or args.dossiers > 5_000_000:
        raise ValidationError("Số hồ sơ mẫu (--dossiers): phải từ 0 đến 5000000.", field="dossiers")
    svc = _services(args)
    for line in run_demo(svc, dossiers=args.dossiers, seed=args.seed):
        print(line)
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from onestop.services import Applicant, ReceiveRequest

    sets = _parse_int(args.sets, "Số lượng hồ sơ (--sets)", "sets")
    svc = _services(args)
    actor = _actor(svc, args)
    d = svc.receive(
        ReceiveRequest(
            procedure_code=args.procedure,
            applicant=Applicant(args.name, args.id_number, args.phone, args.address, args.email),
            sets=sets,
            channel=args.channel,
            result_channel=args.result_channel,
        ),
        actor=actor,
    )
    if args.json:
        _emit(dossier_json(d))
    else:
        print(d.code)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    svc = _services(args)
    d = svc.dossier(args.code)
    if args.json:
        _emit(dossier_json(d))
        return 0
    print(f"Mã hồ sơ:       {d.code}")
    print(f"Trạng thái:     {d.status_label}")
    print(f"Thủ tục:        {d.procedure_code} - {d.procedure_name}")
    print(f"Người nộp:      {d.applicant.name}")
    for label, value in (
        ("Số định danh:", d.applicant.id_number),
        ("Điện thoại:", d.applicant.phone),
        ("Địa chỉ:", d.applicant.address),
        ("Email:", d.applicant.email),
    ):
        if value:
            print(f"{label:<15} {value}")
    print(f"Tiếp nhận:      {_vn_time(d.received_at)} ({d.received_by_name})")
    print(f"Hẹn trả:        {_vn_time(d.due_at)}")
    if d.current_unit:
        print(f"Đơn vị xử lý:   {d.current_unit}")
    print("Lịch sử:")
    for e in d.events:
        print(f"  {e.at:%d/%m/%Y %H:%M}  {e.action:<10} {e.user_name}" + (f" — {e.note}" if e.note else ""))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from onestop.services import DossierFilter

    flt = DossierFilter(
        date_from=_parse_date(args.date_from, "Từ ngày (--from)", "from"),
        date_to=_parse_date(args.date_to, "Đến ngày (--to)", "to"),
        status=args.status or None,
        search=args.search,
        limit=_parse_int(args.limit, "Giới hạn (--limit)", "limit"),
    )
    svc = _services(args)
    rows = svc.list_dossiers(flt)
    if args.json:
        _emit(
            [
                {
                    "code": r.code,
                    "status": r.status,
                    "procedure_code": r.procedure_code,
                    "applicant_name": r.applicant_name,
                    "id_number": r.id_number,
                    "phone": r.phone,
                    "received_at": iso(r.received_at),
                    "due_at": iso(r.due_at),
                    "received_by": r.received_by,
                }
                for r in rows
            ]
        )
    else:
        for r in rows:
            print(
                f"{r.code:<28} {r.received_at:%d/%m/%Y %H:%M}  {r.status:<18} {r.procedure_code:<9} {r.applicant_name}"
            )
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from onestop.forms.receipt import receipt_bytes

    svc = _services(args)
    pdf = receipt_bytes(svc.receipt_data(args.code))
    _write_file(Path(args.output), pdf, "Tệp PDF (-o)")
    return 0


def _write_file(path: Path, data: bytes, label: str) -> None:
    """Write all or nothing: a temporary file renamed over the target."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OnestopError(f"{label}: không ghi được tệp «{path}» ({exc.strerror}).") from None


def cmd_due(args: argparse.Namespace) -> int:
    svc = _services(args)
    at = None
    if args.at:
        try:
            at = datetime.fromisoformat(args.at.strip())
        except ValueError:
            raise ValidationError(
                f"Thời điểm nhận (--at): «{args.at}» không đúng dạng ISO 8601 (YYYY-MM-DDTHH:MM).", field="at"
            ) from None
        if at.tzinfo is None:
            at = at.replace(tzinfo=svc.tz)
    appt = svc.preview_due(args.procedure, at)
    proc = svc.procedure(args.procedure)
    if args.json:
        _emit(
            {
                "procedure_code": proc.code,
                "time_limit": proc.limit.describe(),
                "received_at": iso(appt.received_at),
                "due_at": iso(appt.due_at),
                "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in appt.skipped],
            }
        )
    else:
        print(f"Nhận:    {_vn_time(appt.received_at)}")
        print(f"Hẹn trả: {_vn_time(appt.due_at)} ({proc.limit.describe()})")
        for s in appt.skipped:
            print(f"  bỏ qua {s.label()}")
    return 0


def cmd_rate(args: argparse.Namespace) -> int:
    svc = _services(args)
    actor = _actor(svc, args)
    row = svc.rate(
        args.code, args.level, event=args.event, channel=args.channel, reasons=args.reason, actor=actor
    )
    if args.json:
        _emit(
            {
                "code": args.code.strip(),
                "level": row["level"],
                "event": row["event"],
                "channel": row["channel"],
                "at": iso(row["at"].astimezone(svc.tz)),
                "entered_by": actor.username,
            }
        )
    else:
        print(f"{args.code.strip()} {row['event']} {row['level']}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from onestop.db.migrate import backup_sqlite

    svc = _services(args)
    src = svc.db.sqlite_path
    if src is None:
        raise OnestopError("Sao lưu: chỉ áp dụng cho tệp SQLite; với PostgreSQL hãy dùng pg_dump.")
    dest = Path(args.output)
    tmp = dest.with_name(dest.name + ".part")
    try:
        backup_sqlite(src, tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OnestopError(f"Sao lưu (-o): không ghi được tệp «{dest}» ({exc}).") from None
    print(dest)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    svc = _services(args)
    report = svc.verify()
    if report.ok:
        print("ok")
        return 0
    for problem in report.problems:
        print(problem)
    return 1


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from onestop.ui.app import run_gui
    except ImportError as exc:
        raise OnestopError(
            f"Chưa cài được giao diện (PySide6): {exc}. Cài bằng: pip install 'onestop[gui]'."
        ) from None
    return int(run_gui(args))


def cmd_kiosk(args: argparse.Namespace) -> int:
    try:
        from onestop.ui.app import run_kiosk  # type: ignore[attr-defined,unused-ignore]
    except ImportError as exc:
        raise OnestopError(
            f"Chưa cài được giao diện (PySide6): {exc}. Cài bằng: pip install 'onestop[gui]'."
        ) from None
    return int(run_kiosk(args))


COMMANDS = {
    "gui": cmd_gui,
    "kiosk": cmd_kiosk,
    "init": cmd_init,
    "demo": cmd_demo,
    "receive": cmd_receive,
    "show": cmd_show,
    "list": cmd_list,
    "receipt": cmd_receipt,
    "due": cmd_due,
    "backup": cmd_backup,
    "verify": cmd_verify,
    "rate": cmd_rate,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command or "gui"](args)
    except UserError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        if debug:
            traceback.print_exc()
        return 2
    except OnestopError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        if debug:
            traceback.print_exc()
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug or the environment: one clear line, never a traceback by default
        print(f"Lỗi không mong đợi: {type(exc).__name__}: {exc}", file=sys.stderr)
        if debug:
            traceback.print_exc()
        else:
            print("(chạy lại với --debug để xem chi tiết)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
