"""Scanners behind one small interface: list the devices, scan N pages into a folder.

Three kinds, chosen by the device's name (:func:`scanner_for`):

- **SANE** (Linux): the ``scanimage`` program of Debian's ``sane-utils``, run as a subprocess (no
  compiler, no ``libsane-dev``: the ``python-sane`` binding needs both). Device names are SANE's,
  e.g. ``test:0`` (SANE's virtual test scanner) or ``epson2:net:192.168.1.20``. Pages come as PNG.
- **A watched folder** (``folder:PATH``): a network scanner that saves what it scans into a shared
  folder (scan-to-SMB/FTP). Scanning takes the files that are there, oldest first, waiting until N
  have arrived and stopped growing, and moves them out of the folder so that no file is taken twice.
- **Windows** (WIA, TWAIN): described by :class:`WindowsScanner`, not available in this version; on
  Windows, use a watched folder or attach the files the scanner's own program saved.

``scan`` is a plain blocking function with a progress callback and a cancel event, so a screen runs
it on a worker thread and the command line calls it directly. Errors are ``ScannerError`` (the
device or its stack failed: exit 1) or ``ValidationError`` (a device, mode or page count that cannot
be: exit 2), with Vietnamese messages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from onestop.errors import OnestopError, UserError, ValidationError
from onestop.validation import shown

Progress = Callable[[int, int], None]  # (pages done, pages expected; 0: as many as the feeder holds)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf")
MAX_PAGES = 200
OLD_FILE = 60.0  # seconds: a file in the watched folder not modified for this long is complete


class ScannerError(OnestopError):
    """The scanner or its software failed (not found, jammed, busy…): exit 1."""


class ScanCancelled(UserError):
    """The clerk cancelled the scan: nothing was stored."""


@dataclass(frozen=True)
class ScanDevice:
    name: str  # what --device and the setting scan.device take
    label: str  # vendor and model, for a picker
    stack: str  # sane | folder | wia


class Scanner(Protocol):
    stack: str

    def devices(self) -> list[ScanDevice]: ...

    def scan(
        self,
        *,
        device: str | None,
        pages: int,
        resolution: int,
        into: Path,
        mode: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[Path]:
        """Scan ``pages`` pages (0: until the feeder is empty, with a ``source`` that is a feeder)
        into the folder ``into``; the files, in page order."""
        ...


def scanner_for(device: str | None, *, platform: str = sys.platform) -> Scanner:
    """The scanner that serves ``device`` (``folder:PATH``, a SANE name, or empty: the platform's)."""
    name = (device or "").strip()
    if name.startswith("folder:"):
        return FolderScanner(Path(name[len("folder:") :]).expanduser())
    if platform.startswith("win"):
        return WindowsScanner()
    return SaneScanner()


def check_pages(pages: int, *, feeder: bool) -> None:
    if not (1 <= pages <= MAX_PAGES or (pages == 0 and feeder)):
        raise ValidationError(
            f"Số trang quét: từ 1 đến {MAX_PAGES} (0: hết giấy trong khay nạp, chỉ khi quét từ khay nạp).",
            field="pages",
        )


# --------------------------------------------------------------------------- SANE


class SaneScanner:
    """SANE through ``scanimage``: ``-L`` lists the devices, ``--batch`` scans page after page."""

    stack = "sane"

    def __init__(self, program: str = "scanimage") -> None:
        self.program = program

    def _exe(self) -> str:
        found = shutil.which(self.program)
        if found is None:
            raise ScannerError(
                "Chưa cài chương trình quét SANE (scanimage): trên Debian/Ubuntu cài gói sane-utils "
                "(apt-get install sane-utils), hoặc dùng thư mục của máy quét mạng (folder:ĐƯỜNG_DẪN)."
            )
        return found

    def devices(self) -> list[ScanDevice]:
        try:
            done = subprocess.run(
                [self._exe(), "--formatted-device-list=%d\t%v %m (%t)%n"],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=120,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise ScannerError("Tìm máy quét: SANE không trả lời sau 2 phút.") from None
        found = []
        for line in done.stdout.splitlines():
            name, _, label = line.partition("\t")
            if name.strip():
                found.append(ScanDevice(name.strip(), " ".join(label.split()), self.stack))
        return found

    def scan(
        self,
        *,
        device: str | None,
        pages: int,
        resolution: int,
        into: Path,
        mode: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[Path]:
        check_pages(pages, feeder=bool(source))
        exe = self._exe()
        if not device:
            listed = self.devices()
            if not listed:
                raise ScannerError("Không tìm thấy máy quét nào (SANE): kiểm tra máy quét đã bật và đã nối.")
            device = listed[0].name
        into.mkdir(parents=True, exist_ok=True)
        cmd = [
            exe,
            f"--device-name={device}",
            "--format=png",
            f"--resolution={int(resolution)}",
            f"--batch={into / 'trang-%03d.png'}",
            "--batch-print",
        ]
        if pages:
            cmd.append(f"--batch-count={pages}")
        if mode:
            cmd.append(f"--mode={mode}")
        if source:
            cmd.append(f"--source={source}")
        errors: list[str] = []
        scanned: list[Path] = []
        stop = threading.Event()
        with subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            errors="replace",
        ) as proc:
            reader = threading.Thread(target=lambda: errors.extend(proc.stderr or ()), daemon=True)
            reader.start()
            if cancel is not None:
                threading.Thread(target=_stop_on, args=(cancel, stop, proc), daemon=True).start()
            try:
                for line in proc.stdout or ():
                    path = Path(line.strip())
                    if line.strip() and path.exists():
                        scanned.append(path)
                        if progress is not None:
                            progress(len(scanned), pages)
                rc = proc.wait()
            finally:
                stop.set()
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
                reader.join(timeout=5)
        if cancel is not None and cancel.is_set():
            raise ScanCancelled("Đã hủy quét: không lưu gì.")
        if rc != 0 or not scanned or (pages and len(scanned) < pages):
            raise self._failure(device, errors, len(scanned), pages)
        return scanned

    def _failure(self, device: str, errors: list[str], got: int, wanted: int) -> OnestopError:
        text = " ".join(" ".join(errors).split())
        low = text.lower()
        name = shown(device, 60)
        if "open of device" in low:
            known = [d.name for d in self.devices()]
            if device not in known:
                return ValidationError(
                    f"Máy quét (--device): không có máy «{name}»"
                    + (f"; các máy tìm thấy: {', '.join(known)}." if known else "; không tìm thấy máy nào."),
                    field="device",
                )
            return ScannerError(f"Máy quét «{name}»: không mở được (đang bận hoặc chưa sẵn sàng).")
        for option, field, label in (
            ("--mode", "mode", "Chế độ màu"),
            ("--resolution", "resolution", "Độ phân giải"),
            ("--source", "source", "Nguồn giấy"),
        ):
            if f"option {option}" in low:
                return ValidationError(f"{label}: máy quét «{name}» không nhận giá trị này.", field=field)
        known_states = (
            ("jammed", "kẹt giấy"),
            ("out of documents", "hết giấy trong khay nạp"),
            ("no docs", "hết giấy trong khay nạp"),
            ("cover open", "nắp máy quét đang mở"),
            ("busy", "máy quét đang bận"),
        )
        for key, words in known_states:
            if key in low:
                done = f" (đã quét {got}/{wanted} trang)" if wanted and got else ""
                return ScannerError(f"Máy quét «{name}»: {words}{done}; không lưu gì.")
        return ScannerError(f"Máy quét «{name}» báo lỗi: {shown(text, 200) or 'không rõ'}; không lưu gì.")


def _stop_on(cancel: threading.Event, done: threading.Event, proc: subprocess.Popen[str]) -> None:
    while not done.is_set():
        if cancel.wait(0.2):
            proc.terminate()
            return


# --------------------------------------------------------------------------- a watched folder


class FolderScanner:
    """A folder that a network scanner saves into: each scan takes the files that arrived there."""

    stack = "folder"

    def __init__(self, folder: Path, *, settle: float = 2.0, timeout: float = 300.0) -> None:
        self.folder = folder
        self.settle = settle  # a file is complete when its size has not changed for this long
        self.timeout = timeout

    def devices(self) -> list[ScanDevice]:
        return [ScanDevice(f"folder:{self.folder}", f"Thư mục quét {self.folder}", self.stack)]

    def _waiting(self) -> list[Path]:
        try:
            entries = [
                p
                for p in self.folder.iterdir()
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in IMAGE_SUFFIXES
            ]
        except FileNotFoundError:
            raise ScannerError(f"Thư mục quét «{self.folder}»: không có thư mục này.") from None
        except OSError as exc:
            raise ScannerError(f"Thư mục quét «{self.folder}»: không đọc được ({exc.strerror}).") from None
        return sorted(entries, key=lambda p: (p.stat().st_mtime, p.name))

    def scan(
        self,
        *,
        device: str | None,
        pages: int,
        resolution: int,
        into: Path,
        mode: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[Path]:
        """``pages`` is the number of files to take (a network scanner often saves one PDF per job);
        ``resolution`` and ``mode`` are set on the scanner itself."""
        check_pages(pages, feeder=False)
        deadline = time.monotonic() + self.timeout
        sizes: dict[Path, tuple[int, float]] = {}
        while True:
            if cancel is not None and cancel.is_set():
                raise ScanCancelled("Đã hủy quét: không lưu gì.")
            now = time.monotonic()
            ready = []
            for path in self._waiting():
                try:
                    st = path.stat()
                except FileNotFoundError:
                    continue
                size, mtime = st.st_size, st.st_mtime
                seen = sizes.get(path)
                if size > 0 and time.time() - mtime > OLD_FILE:
                    ready.append(path)  # there for a while: complete (whatever the share's clock says)
                elif seen is None or seen[0] != size:
                    sizes[path] = (size, now)
                elif size > 0 and now - seen[1] >= self.settle:
                    ready.append(path)  # has not grown for ``settle`` seconds
            if progress is not None:
                progress(min(len(ready), pages), pages)
            if len(ready) >= pages:
                break
            if now > deadline:
                raise ScannerError(
                    f"Thư mục quét «{self.folder}»: sau {int(self.timeout)} giây mới có {len(ready)}/{pages} tệp; "
                    "không lưu gì."
                )
            time.sleep(min(0.5, self.settle / 2 or 0.1))
        into.mkdir(parents=True, exist_ok=True)
        taken = []
        for path in ready[:pages]:
            target = into / path.name
            shutil.move(os.fspath(path), os.fspath(target))
            taken.append(target)
        return taken


# --------------------------------------------------------------------------- Windows


class WindowsScanner:
    """Windows' scanner stacks, for a later version.

    - **WIA** (Windows Image Acquisition), through pywin32's COM: ``WIA.DeviceManager`` lists the
      devices (``DeviceInfos``), ``Connect()`` opens one, and ``Items[1].Transfer(FormatID)`` returns
      one page (``WIA_IPS_XRES``/``YRES`` set the resolution, ``WIA_DPS_DOCUMENT_HANDLING_SELECT`` the
      feeder); it must run on a COM-initialised thread.
    - **TWAIN**, through the ``pytwain`` package: a source manager over a window handle, the source's
      capabilities (``ICAP_XRESOLUTION``, ``CAP_FEEDERENABLED``), then native or file transfers.

    Neither is built here (no Windows machine runs the tests); until then a Windows counter uses a
    watched folder (``folder:PATH``) or attaches the files its scanner's own program saves.
    """

    stack = "wia"
    MESSAGE = (
        "Máy quét trên Windows (WIA, TWAIN) chưa được hỗ trợ trong phiên bản này: hãy cho máy quét lưu tệp "
        "vào một thư mục và đặt máy quét là folder:ĐƯỜNG_DẪN (thiết lập scan.device hoặc --device), "
        "hoặc đính kèm tệp đã quét (onestop attach)."
    )

    def devices(self) -> list[ScanDevice]:
        raise ScannerError(self.MESSAGE)

    def scan(
        self,
        *,
        device: str | None,
        pages: int,
        resolution: int,
        into: Path,
        mode: str | None = None,
        source: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[Path]:
        raise ScannerError(self.MESSAGE)
