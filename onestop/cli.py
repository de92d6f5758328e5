"""The ``onestop`` command line (reference: docs/cli.md, a contract checked from outside).

Commands other than ``gui`` and ``kiosk`` never import Qt. Whoever acts signs in: ``--user`` (else
``ONESTOP_USER``) with the password from ``ONESTOP_PASSWORD``, else asked at the terminal; there is
no default user. ``due``, ``verify`` and ``kiosk`` need nobody; ``init`` on a database with no
account and ``demo`` act as the system. Errors: exit 2 with one Vietnamese line naming the field for
invalid input (nothing written), exit 1 for any other failure; tracebacks only with ``--debug``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from onestop import cli_digitise
from onestop.errors import OnestopError, UserError, ValidationError

if TYPE_CHECKING:
    from onestop.auth import Actor
    from onestop.passwords import EarlyCheck
    from onestop.services import DossierView, Onestop


class UsageError(UserError):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"Sai cú pháp lệnh: {_shown_usage(message)}. Xem «onestop --help».")


def _shown_usage(message: str) -> str:
    from onestop.validation import shown

    return shown(message, 160)


class _Skipped:
    """The parser of a command this run does not need: whatever is added to it is dropped."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self


class _OnlySubparsers:
    """Subparsers that make only the named command's parser (see ``build_parser``)."""

    def __init__(self, action: Any, only: str) -> None:
        self.action, self.only = action, only

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        return self.action.add_parser(name, **kwargs) if name == self.only else _Skipped()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only`` (a command's name), a parser that knows that command
    alone, which parses its arguments exactly as the whole one does and costs a short command such
    as ``show`` a few milliseconds less (``main`` asks for it when the command is plain to see)."""
    p = _Parser(prog="onestop", description="Bộ phận Một cửa: tiếp nhận hồ sơ, hẹn trả, in giấy tiếp nhận.")
    p.add_argument("--db", help="SQLAlchemy URL (mặc định: ONESTOP_DB hoặc tệp SQLite của người dùng)")
    p.add_argument(
        "--user", help="tài khoản đăng nhập để thực hiện (mặc định: ONESTOP_USER; mật khẩu: ONESTOP_PASSWORD)"
    )
    p.add_argument("--debug", action="store_true", help="in traceback khi lỗi")
    sub: Any = p.add_subparsers(dest="command", parser_class=_Parser)
    if only is not None:
        sub = _OnlySubparsers(sub, only)

    sub.add_parser("gui", help="ứng dụng quầy tiếp nhận")
    s = sub.add_parser("kiosk", help="màn hình đánh giá")
    s.add_argument(
        "--station", default=None, help="quầy mà màn hình này phục vụ (mặc định: tên máy; * = mọi quầy)"
    )
    s.add_argument("--name", default=None, help="tên của màn hình đánh giá (mặc định: tên máy)")

    s = sub.add_parser("init", help="tạo/nâng cấp cơ sở dữ liệu, lịch làm việc, danh mục")
    s.add_argument("--catalog", help="tệp JSON danh mục thủ tục")
    s.add_argument("--admin", help="cơ sở dữ liệu chưa có tài khoản: tạo quản trị đầu tiên với tên này")

    s = sub.add_parser("demo", help="dữ liệu mẫu phường Liên Chiểu")
    s.add_argument("--dossiers", type=int, default=200)
    s.add_argument("--seed", type=int, default=1)

    s = sub.add_parser("receive", help="tiếp nhận một hồ sơ đầy đủ")
    s.add_argument("--procedure", required=True)
    s.add_argument("--name", required=True)
    s.add_argument("--kind", default="person", help="person (cá nhân, mặc định) hoặc organisation (tổ chức)")
    s.add_argument("--tax-code", default="", help="mã số thuế của tổ chức")
    s.add_argument("--id-number", default="")
    s.add_argument("--phone", default="")
    s.add_argument("--address", default="")
    s.add_argument("--email", default="")
    s.add_argument("--sets", default="1")
    s.add_argument("--channel", default="counter")
    s.add_argument("--result-channel", default=None)
    s.add_argument("--fee", default=None, help="phí, lệ phí thu (đồng); mặc định theo danh mục")
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

    s = sub.add_parser("act", help="một bước xử lý hồ sơ (chuyển, bổ sung, có kết quả, trả kết quả…)")
    s.add_argument("code")
    s.add_argument(
        "action", help="transfer, take, supplement, resume, result, return, refuse, stop, withdraw, extend"
    )
    s.add_argument(
        "--note", default="", help="ghi chú; lý do (bắt buộc khi từ chối, dừng, hẹn lại, yêu cầu bổ sung)"
    )
    s.add_argument("--to", dest="to_unit", default=None, help="đơn vị nhận (tên hoặc mã) khi chuyển hồ sơ")
    s.add_argument("--due", default=None, help="ngày hẹn mới khi hẹn lại (ISO 8601)")
    s.add_argument("--receiver", default="", help="người nhận kết quả (khi không phải người nộp)")
    s.add_argument(
        "--result-form",
        default=None,
        help="khi trả kết quả: paper (bản giấy, mặc định), electronic (bản điện tử) hoặc both",
    )
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("form", help="in biểu mẫu 01–06 của hồ sơ ra PDF")
    s.add_argument("code")
    s.add_argument(
        "kind", help="01 giấy tiếp nhận, 02 bổ sung, 03 từ chối, 04 xin lỗi và hẹn lại, 05 dừng, 06 kiểm soát"
    )
    s.add_argument("-o", "--output", required=True)

    s = sub.add_parser(
        "report", help="báo cáo kỳ: tiếp nhận, đúng hạn, quá hạn, đánh giá; sổ theo dõi (Mẫu 07)"
    )
    s.add_argument("--from", dest="date_from", required=True)
    s.add_argument("--to", dest="date_to", required=True)
    s.add_argument("--format", default="json", help="json, xlsx hoặc pdf")
    s.add_argument("-o", "--output", default=None)
    s.add_argument("--register", action="store_true", help="Sổ theo dõi hồ sơ (Mẫu 07) thay cho báo cáo")

    s = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu")
    s.add_argument("-o", "--output", required=True)

    s = sub.add_parser("verify", help="kiểm tra toàn vẹn dữ liệu và lịch sử")
    s.add_argument("--anchor", help="mã neo SỐ:MÃ_BĂM đã in trước đây: chuỗi lịch sử phải còn đi qua nó")

    s = sub.add_parser("anchor", help="mã neo hiện tại của chuỗi lịch sử (SỐ:MÃ_BĂM)")
    s.add_argument("--json", action="store_true")
    cli_digitise.add_parsers(sub)
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
        "applicant_kind": d.applicant.kind,
        "tax_code": d.applicant.tax_code,
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
                **({"step": e.step} if e.step else {}),
            }
            for e in d.events
        ],
        "ratings": [
            # A role that may see only whether the citizen rated gets "level": null.
            {"level": r.level, "event": r.event, "at": iso(r.at), "channel": r.channel, "rated": True}
            for r in d.ratings
        ],
        "attachments": [cli_digitise.attachment_json(a) for a in d.attachments],
    }


def _parse_date(text: str | None, label: str, field: str) -> date | None:
    if not text:
        return None
    try:
        if not text.isascii():
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"{label}: ngày «{_shown(text)}» không đúng dạng YYYY-MM-DD.", field=field
        ) from None


def _parse_int(text: str, label: str, field: str) -> int:
    """ASCII digits only (Python's int() would also take "١٢", "９" and "1_000")."""
    value = str(text).strip()
    if not value.isascii() or not value.lstrip("-").isdigit() or len(value) > 9:
        raise ValidationError(f"{label}: phải là số nguyên viết bằng chữ số 0–9.", field=field)
    return int(value)


# --------------------------------------------------------------------------- signing in


_opened: list[Onestop] = []  # closed when the command ends (main() may run many times in a process)


def _services(args: argparse.Namespace, *, create: bool = False) -> Onestop:
    from onestop.app import open_services

    svc = open_services(args.db, create=create)
    _opened.append(svc)
    return svc


def _username(args: argparse.Namespace) -> str:
    return (args.user if args.user is not None else os.environ.get("ONESTOP_USER", "")).strip()


def _password(username: str) -> str:
    """``ONESTOP_PASSWORD``, else asked at the terminal (never an argument: it would show in ps)."""
    password = os.environ.get("ONESTOP_PASSWORD")
    if password is not None:
        return password
    try:
        tty = open("/dev/tty", "r+") if os.name == "posix" else None  # noqa: SIM115
    except OSError:
        tty = None
    if tty is None and not sys.stdin.isatty():
        raise UsageError(
            "Mật khẩu: đặt biến môi trường ONESTOP_PASSWORD, hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập."
        )
    if tty is not None:
        tty.close()
    import getpass

    try:
        return getpass.getpass(f"Mật khẩu của {username}: ")
    except (EOFError, KeyboardInterrupt):
        raise UsageError("Mật khẩu: chưa nhập.") from None


def _sign_in(
    svc: Onestop,
    args: argparse.Namespace,
    meanwhile: Callable[[], object] | None = None,
    early: EarlyCheck | None = None,
) -> Actor:
    """Who acts: the account that signs in now. There is no default user. ``meanwhile``: the
    command's preparation, done while the password is checked (see ``StaffService.sign_in``)."""
    username = _username(args)
    if not username:
        raise UsageError(
            "Người dùng (--user): lệnh này cần đăng nhập; dùng --user TÊN hoặc biến ONESTOP_USER "
            "(mật khẩu: biến ONESTOP_PASSWORD, hoặc nhập khi được hỏi)."
        )
    return svc.staff.sign_in(username, _password(username), meanwhile=meanwhile, early=early)


def _signed_in(
    args: argparse.Namespace, prepare: Callable[[Onestop], object] | None = None
) -> tuple[Onestop, Actor]:
    early = _early_check(args)
    svc = _services(args)
    return svc, _sign_in(svc, args, None if prepare is None else lambda: prepare(svc), early)


def _early_check(args: argparse.Namespace) -> EarlyCheck | None:
    """The password check of a script's sign-in (``ONESTOP_PASSWORD``) on an SQLite file, started
    before the database layer is loaded: the account's hash is read read-only with ``sqlite3``, and
    scrypt runs while SQLAlchemy is imported. ``sign_in`` still reads the account and decides."""
    username, password = _username(args), os.environ.get("ONESTOP_PASSWORD")
    if not username or password is None:
        return None
    from onestop.app import sqlite_file

    path = sqlite_file(args.db)
    if path is None or not path.is_file():
        return None
    from onestop.passwords import EarlyCheck

    return EarlyCheck(password, lambda: _stored_hash(path, username))


def _stored_hash(path: Path, username: str) -> str | None:
    import sqlite3

    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
    try:
        row = conn.execute("SELECT password_hash FROM staff WHERE username = ?", (username,)).fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


# --------------------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from onestop.setup import initialise, installer

    catalog = None
    if args.catalog:
        try:
            catalog = json.loads(Path(args.catalog).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "không phải JSON hợp lệ"
            raise ValidationError(
                f"Danh mục thủ tục (--catalog): không đọc được tệp ({reason}).", field="catalog"
            ) from None
    if catalog is not None:
        from onestop.services import parse_catalog

        parse_catalog(catalog)  # a bad catalogue is refused before any file is made
    svc = _services(args, create=True)
    admin = (args.admin or "").strip()
    if svc.staff.count() == 0:
        # A database with no account: whoever installs it creates the first administrator.
        first = (admin, _password(admin)) if admin else None
        lines = initialise(svc, actor=installer(svc), catalog=catalog, first_admin=first)
    else:
        if admin:
            raise UsageError(
                "Quản trị đầu tiên (--admin): cơ sở dữ liệu đã có tài khoản; hãy đăng nhập bằng --user."
            )
        actor = _sign_in(svc, args)
        lines = initialise(svc, catalog=catalog, actor=actor)
    for line in lines:
        print(line)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from onestop.demo import run_demo

    if args.dossiers < 0 or args.dossiers > 5_000_000:
        raise ValidationError("Số hồ sơ mẫu (--dossiers): phải từ 0 đến 5000000.", field="dossiers")
    svc = _services(args, create=True)
    for line in run_demo(svc, dossiers=args.dossiers, seed=args.seed):
        print(line)
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from onestop.services import Applicant, ReceiveRequest

    sets = _parse_int(args.sets, "Số lượng hồ sơ (--sets)", "sets")
    svc, actor = _signed_in(args)
    d = svc.intake.receive(
        ReceiveRequest(
            procedure_code=args.procedure,
            applicant=Applicant(
                args.name,
                args.id_number,
                args.phone,
                args.address,
                args.email,
                args.kind.strip(),
                args.tax_code,
            ),
            sets=sets,
            channel=args.channel,
            result_channel=args.result_channel,
            fee_amount=None if args.fee is None else _parse_int(args.fee, "Phí, lệ phí (--fee)", "fee"),
        ),
        actor=actor,
    )
    if args.json:
        _emit(dossier_json(d))
    else:
        print(d.code)
    return 0


def _prepare_show(svc: Onestop) -> None:
    """What ``show`` loads while the password is checked: the dossier service and its values."""
    svc.dossiers  # noqa: B018 (made on first use: this imports its module)
    import onestop.lifecycle  # noqa: F401


def cmd_show(args: argparse.Namespace) -> int:
    svc, actor = _signed_in(args, _prepare_show)
    d = svc.dossiers.dossier(args.code, actor=actor)
    from onestop.lifecycle import ACTION_LABELS, STEP_VERDICTS

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
    cli_digitise.print_attachments(d.attachments)
    print("Lịch sử:")
    for e in d.events:
        label = ACTION_LABELS.get(e.action, e.action)
        if e.step in STEP_VERDICTS:
            label += f" ({STEP_VERDICTS[e.step]})"
        unit = f" → {e.to_unit}" if e.to_unit else ""
        print(
            f"  {e.at:%d/%m/%Y %H:%M}  {label:<22} {e.user_name}{unit}" + (f" — {e.note}" if e.note else "")
        )
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
    svc, actor = _signed_in(args)
    rows = svc.dossiers.list_dossiers(flt, actor=actor)
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
    from onestop.output import write_output

    svc, actor = _signed_in(args)
    target = _output_path(svc, args.output, "Tệp PDF (-o)")
    pdf = receipt_bytes(svc.papers.receipt_data(args.code, actor=actor))
    write_output(target, pdf, label="Tệp PDF (-o)")
    return 0


def _output_path(svc: Onestop, text: str, label: str) -> Path:
    from onestop.output import check_output

    return check_output(Path(text), svc.db.sqlite_path, label=label)


ACTIONS = (
    "transfer",
    "take",
    "supplement",
    "resume",
    "result",
    "return",
    "refuse",
    "stop",
    "withdraw",
    "extend",
)


def cmd_act(args: argparse.Namespace) -> int:
    from onestop.lifecycle import ACTION_LABELS

    action = (args.action or "").strip().lower()
    if action not in ACTIONS:
        raise ValidationError(
            "Bước xử lý (ACTION): phải là một trong " + ", ".join(ACTIONS) + ".", field="action"
        )
    due = None
    if action == "extend":
        if not args.due:
            raise ValidationError("Ngày hẹn mới (--due): bắt buộc khi hẹn lại (extend).", field="due")
        due = _parse_moment(args.due, "Ngày hẹn mới (--due)", "due")
    elif args.due:
        raise UsageError("Ngày hẹn mới (--due): chỉ dùng với bước extend.")
    if args.to_unit is not None and action != "transfer":
        raise UsageError("Đơn vị nhận (--to): chỉ dùng với bước transfer.")
    if args.result_form is not None and action != "return":
        raise UsageError("Hình thức trả kết quả (--result-form): chỉ dùng với bước return.")
    svc, actor = _signed_in(args)
    life = svc.lifecycle
    note = args.note
    if action == "transfer":
        d = life.transfer(args.code, to_unit=args.to_unit, note=note, actor=actor)
    elif action == "supplement":
        d = life.supplement(args.code, note=note, actor=actor)
    elif action == "return":
        d = life.return_result(
            args.code,
            receiver=args.receiver,
            note=note,
            result_form=(args.result_form or "paper").strip().lower(),
            actor=actor,
        )
    elif action in ("refuse", "stop"):
        d = getattr(life, action)(args.code, reason=note, actor=actor)
    elif action == "extend":
        assert due is not None
        d = life.extend(args.code, due=due, reason=note, actor=actor)
    else:
        d = getattr(life, action)(args.code, note=note, actor=actor)
    if args.json:
        _emit(dossier_json(d))
    else:
        print(f"{d.code} {ACTION_LABELS.get(action, action)}: {d.status_label}")
    return 0


def cmd_form(args: argparse.Namespace) -> int:
    from onestop.forms import render_form

    svc, actor = _signed_in(args)
    kind = (args.kind or "").strip().zfill(2)
    target = _output_path(svc, args.output, "Tệp PDF (-o)")
    data = svc.papers.form(args.code, kind, actor=actor)
    from onestop.output import write_output

    write_output(target, render_form(kind, data), label="Tệp PDF (-o)")
    return 0


def _parse_moment(text: str, label: str, field: str) -> datetime:
    try:
        if not text.isascii():
            raise ValueError
        return datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            f"{label}: «{_shown(text)}» không đúng dạng ISO 8601 (YYYY-MM-DDTHH:MM).", field=field
        ) from None


def cmd_report(args: argparse.Namespace) -> int:
    from onestop.output import write_output

    fmt = (args.format or "").strip().lower()
    if fmt not in ("json", "xlsx", "pdf"):
        raise ValidationError("Định dạng (--format): phải là json, xlsx hoặc pdf.", field="format")
    first = _parse_date(args.date_from, "Từ ngày (--from)", "from")
    last = _parse_date(args.date_to, "Đến ngày (--to)", "to")
    assert first is not None and last is not None
    if args.register and fmt == "json":
        raise UsageError("Sổ theo dõi (--register): chỉ có dạng pdf hoặc xlsx (--format).")
    if fmt != "json" and not args.output:
        raise UsageError(f"Tệp kết quả (-o): bắt buộc với --format {fmt}.")
    svc, actor = _signed_in(args)
    svc.reports.period(first, last)  # the dates are checked before anything is made
    target = _output_path(svc, args.output, "Tệp kết quả (-o)") if args.output else None
    anchor = svc.integrity.anchor(actor=actor)["text"]
    if args.register:
        data = svc.reports.register(first, last, anchor=anchor, actor=actor)
        assert target is not None
        if fmt == "xlsx":
            from onestop.exports import register_xlsx

            write_output(target, register_xlsx(data), label="Tệp kết quả (-o)")
        else:
            import io

            from onestop.forms.register import render_register

            buf = io.BytesIO()
            render_register(data, buf)
            write_output(target, buf.getvalue(), label="Tệp kết quả (-o)")
        return 0
    report = svc.reports.report(first, last, actor=actor)
    report["anchor"] = anchor
    if fmt == "json":
        payload = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode()
        if target is None:
            sys.stdout.write(payload.decode())
        else:
            write_output(target, payload, label="Tệp kết quả (-o)")
    elif fmt == "xlsx":
        from onestop.exports import report_xlsx

        assert target is not None
        write_output(target, report_xlsx(report, anchor=anchor), label="Tệp kết quả (-o)")
    else:
        from onestop.forms.model import FormHeader
        from onestop.forms.report import report_bytes

        settings = svc.config.settings()
        header = FormHeader(
            parent_agency=settings["agency.parent_name"],
            unit_name=settings["agency.unit_name"],
            place_name=settings["agency.place_name"],
        )
        assert target is not None
        pdf = report_bytes(
            report, header, anchor=anchor, issued_at=svc.ctx.now(), demo=bool(settings["agency.demo"])
        )
        write_output(target, pdf, label="Tệp kết quả (-o)")
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    svc = _services(args)
    at = None
    if args.at:
        try:
            if not args.at.isascii():
                raise ValueError
            at = datetime.fromisoformat(args.at.strip())
        except ValueError:
            raise ValidationError(
                f"Thời điểm nhận (--at): «{_shown(args.at)}» không đúng dạng ISO 8601 (YYYY-MM-DDTHH:MM).",
                field="at",
            ) from None
        if at.tzinfo is None:
            at = at.replace(tzinfo=svc.ctx.tz)
        if not 1900 <= at.year <= 2100:
            raise ValidationError("Thời điểm nhận (--at): năm phải từ 1900 đến 2100.", field="at")
    appt = svc.calendar.preview_due(args.procedure, at)
    proc = svc.catalog.procedure(args.procedure)
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
    svc, actor = _signed_in(args)
    row = svc.ratings.rate(
        args.code, args.level, event=args.event, channel=args.channel, reasons=args.reason, actor=actor
    )
    if args.json:
        _emit(
            {
                "code": args.code.strip(),
                "level": row["level"],
                "event": row["event"],
                "channel": row["channel"],
                "at": iso(row["at"].astimezone(svc.ctx.tz)),
                "entered_by": actor.username,
            }
        )
    else:
        print(f"{args.code.strip()} {row['event']} {row['level']}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from onestop.auth import Act
    from onestop.output import backup_to, write_output

    svc, actor = _signed_in(args)
    svc.ctx.require(actor, Act.BACKUP)
    src = svc.db.sqlite_path
    if src is None:
        raise OnestopError("Sao lưu: chỉ áp dụng cho tệp SQLite; với PostgreSQL hãy dùng pg_dump.")
    dest = _output_path(svc, args.output, "Sao lưu (-o)")
    head = svc.integrity.anchor(actor=actor)  # before the copy: the copy's chain passes through it
    backup_to(src, dest)
    # The anchor beside the copy: kept outside the database, `verify --anchor` checks against it.
    write_output(dest.with_name(dest.name + ".anchor"), (head["text"] + "\n").encode(), label="Sao lưu (-o)")
    print(dest)
    print(f"Mã neo chuỗi lịch sử: {head['text']}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    svc = _services(args)
    progress = _progress_printer() if sys.stderr.isatty() else None
    report = svc.integrity.verify(anchor=args.anchor, progress=progress)
    if progress is not None:
        sys.stderr.write("\r\033[K")
    if report.ok:
        print("ok")
        return 0
    for problem in report.problems:
        print(problem)
    return 1


def _progress_printer() -> Callable[[str, int, int], None]:
    labels = {"chain": "Kiểm tra chuỗi lịch sử", "dossiers": "Kiểm tra hồ sơ"}

    def show(what: str, done: int, total: int) -> None:
        tail = f" {done:,}/{total:,}".replace(",", ".") if total else f" {done:,}".replace(",", ".")
        sys.stderr.write(f"\r{labels.get(what, what)}:{tail}")
        sys.stderr.flush()

    return show


def cmd_anchor(args: argparse.Namespace) -> int:
    svc, actor = _signed_in(args)
    head = svc.integrity.anchor(actor=actor)
    if args.json:
        _emit({"seq": head["seq"], "hash": head["hash"], "at": iso(head["at"])})
    else:
        print(head["text"])
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from onestop.ui.app import run_gui
    except ImportError as exc:
        raise OnestopError(
            f"Chưa cài được giao diện (PySide6): {exc}. Cài lại chương trình: pip install onestop."
        ) from None
    return int(run_gui(args))


def cmd_kiosk(args: argparse.Namespace) -> int:
    try:
        from onestop.ui.app import run_kiosk
    except ImportError as exc:
        raise OnestopError(
            f"Chưa cài được giao diện (PySide6): {exc}. Cài lại chương trình: pip install onestop."
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
    "anchor": cmd_anchor,
    "rate": cmd_rate,
    "act": cmd_act,
    "form": cmd_form,
    "report": cmd_report,
    **cli_digitise.COMMANDS,
}


def _shown(value: str) -> str:
    from onestop.validation import shown

    return shown(value)


def _check_arguments(argv: Sequence[str]) -> None:
    """Arguments that are not UTF-8 text (Python keeps their bytes as lone surrogates) are refused
    before anything reads them."""
    for i, arg in enumerate(argv, start=1):
        if any("\udc80" <= ch <= "\udcff" for ch in arg):
            raise UsageError(f"Tham số thứ {i} của lệnh: không phải văn bản UTF-8 hợp lệ.")
    for name in ("ONESTOP_USER", "ONESTOP_PASSWORD", "ONESTOP_DB"):
        value = os.environ.get(name, "")
        if any("\udc80" <= ch <= "\udcff" for ch in value):
            raise UsageError(f"Biến môi trường {name}: không phải văn bản UTF-8 hợp lệ.")


def _command_of(argv: Sequence[str]) -> str | None:
    """The command that ``argv`` names, when nothing before it could be read otherwise; None (the
    whole parser answers: help, errors, abbreviated options) in any other case."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--db", "--user"):
            i += 2
        elif arg == "--debug" or arg.startswith(("--db=", "--user=")):
            i += 1
        elif arg.startswith("-"):
            return None
        else:
            return arg if arg in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        _check_arguments(argv)
        args = build_parser(_command_of(argv)).parse_args(argv)
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
        print(f"Lỗi không mong đợi: {type(exc).__name__}: {_shown_usage(str(exc))}", file=sys.stderr)
        if debug:
            traceback.print_exc()
        else:
            print("(chạy lại với --debug để xem chi tiết)", file=sys.stderr)
        return 1
    finally:
        while _opened:
            _opened.pop().db.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
