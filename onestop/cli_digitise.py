"""The command line of digitisation: ``attach``, ``scan``, ``attachment`` (reference: docs/cli.md).

Kept beside ``onestop.cli``, which registers these commands and whose helpers (signing in, JSON,
output files) they use. No Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from onestop.services import AttachmentView


def add_parsers(sub: Any) -> None:
    s = sub.add_parser(
        "attach", help="số hóa: lưu tệp quét (PDF, PNG, JPEG, TIFF) của một giấy tờ hoặc kết quả"
    )
    s.add_argument("code")
    s.add_argument("files", nargs="+", metavar="FILE")
    _target(s, required=False)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("scan", help="số hóa từ máy quét")
    s.add_argument("code")
    _target(s, required=False)
    s.add_argument("--device", default=None, help="máy quét (tên SANE như test:0, hoặc folder:ĐƯỜNG_DẪN)")
    s.add_argument(
        "--resolution", default=None, help="độ phân giải (dpi; mặc định: thiết lập scan.resolution)"
    )
    s.add_argument("--pages", default="1", help="số trang (0: hết giấy trong khay nạp, với --source)")
    s.add_argument("--mode", default=None, help="chế độ màu của máy quét, ví dụ Color, Gray, Lineart")
    s.add_argument("--source", default=None, help="nguồn giấy của máy quét, ví dụ Flatbed, ADF")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("attachment", help="ghi bản số hóa của một giấy tờ hoặc kết quả ra tệp PDF")
    s.add_argument("code")
    _target(s, required=True)
    s.add_argument("-o", "--output", required=True)


def _target(parser: argparse.ArgumentParser, *, required: bool) -> None:
    group = parser.add_mutually_exclusive_group(required=required)
    group.add_argument(
        "--document",
        default=None,
        help="số thứ tự giấy tờ trên giấy tiếp nhận (từ 1; mặc định: giấy chưa quét đầu tiên)",
    )
    group.add_argument("--result", action="store_true", help="kết quả giải quyết (bản điện tử)")


def attachment_json(a: AttachmentView) -> dict[str, Any]:
    from onestop.cli import iso

    return {
        "document": a.document,
        "document_name": a.document_name,
        "kind": a.kind,
        "pages": a.pages,
        "sha256": a.sha256,
        "size": a.size,
        "at": iso(a.at),
        "by": a.by,
        "by_name": a.by_name,
        "reused_from": a.reused_from,
    }


def print_attachments(a_list: tuple[AttachmentView, ...]) -> None:
    """``show``'s lines for the scans."""
    if not a_list:
        return
    print("Bản số hóa:")
    for a in a_list:
        what = "Kết quả" if a.kind == "result" else f"{a.document}. {a.document_name}"
        reused = f", tái sử dụng từ {a.reused_from}" if a.reused_from else ""
        print(f"  {what} — {a.pages} trang ({a.by}, {a.at:%d/%m/%Y %H:%M}{reused})")


def _document(args: argparse.Namespace) -> int | None:
    from onestop.cli import _parse_int

    if args.document is None:
        return None
    return _parse_int(args.document, "Thành phần hồ sơ (--document)", "document")


def _print(a: AttachmentView, as_json: bool) -> None:
    from onestop.cli import _emit

    if as_json:
        _emit({"code": a.code, **attachment_json(a)})
        return
    what = "kết quả" if a.kind == "result" else f"thành phần {a.document} ({a.document_name})"
    print(f"{a.code} {what}: {a.pages} trang, SHA-256 {a.sha256}")


def cmd_attach(args: argparse.Namespace) -> int:
    from onestop.cli import _signed_in

    document = _document(args)
    svc, actor = _signed_in(args)
    view = svc.digitisation.attach(
        args.code, [Path(f) for f in args.files], document=document, result=args.result, actor=actor
    )
    _print(view, args.json)
    return 0


def cmd_scan(args: argparse.Namespace) -> int:
    from onestop.cli import _parse_int, _signed_in

    document = _document(args)
    resolution = (
        None
        if args.resolution is None
        else _parse_int(args.resolution, "Độ phân giải (--resolution)", "resolution")
    )
    pages = _parse_int(args.pages, "Số trang (--pages)", "pages")
    svc, actor = _signed_in(args)
    progress = None
    if sys.stderr.isatty():

        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\rĐã quét {done}" + (f"/{total}" if total else "") + " trang")
            sys.stderr.flush()

    view = svc.digitisation.scan(
        args.code,
        document=document,
        result=args.result,
        device=args.device,
        resolution=resolution,
        pages=pages,
        mode=args.mode,
        source=args.source,
        progress=progress,
        actor=actor,
    )
    if progress is not None:
        sys.stderr.write("\r\033[K")
    _print(view, args.json)
    return 0


def cmd_attachment(args: argparse.Namespace) -> int:
    from onestop.cli import _output_path, _signed_in
    from onestop.output import write_output

    document = _document(args)
    svc, actor = _signed_in(args)
    target = _output_path(svc, args.output, "Tệp PDF (-o)")
    pdf = svc.digitisation.pdf(args.code, document=document, result=args.result, actor=actor)
    write_output(target, pdf, label="Tệp PDF (-o)")
    return 0


COMMANDS = {"attach": cmd_attach, "scan": cmd_scan, "attachment": cmd_attachment}
