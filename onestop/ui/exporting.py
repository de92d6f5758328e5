"""Files written from the screens (Excel lists, the period report, register Mẫu 07): the path is
asked for on the GUI thread, the data read and the file written off it (``QueryOp``), with a
progress bar and a line saying where the file went. The workbooks are ``onestop.exports``'."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QProgressBar, QWidget

from onestop.output import check_output, write_output
from onestop.ui.common import tr
from onestop.ui.ops import QueryOp, Tasks

T = TypeVar("T")


def write_file(path: Path, data: bytes, database: Path | None = None) -> Path:
    """Never over the database or its -wal/-shm/-journal companions; written beside, flushed, then
    renamed: a half-written workbook never takes the file's name (onestop.output)."""
    label = tr("Tệp xuất ra")
    target = check_output(path, database, label=label)
    write_output(target, data, label=label)
    return target


class ExportBar(QWidget):
    """A progress bar and a status line for the exports of one screen; hidden until used."""

    finished = Signal(object)  # the Path written

    def __init__(self, tasks: Tasks, parent: QWidget | None = None, *, database: Path | None = None) -> None:
        super().__init__(parent)
        self.database = database  # never written over (the SQLite file and its companions)
        self.tasks = tasks
        self.setObjectName("exportBar")
        self.bar = QProgressBar()
        self.bar.setObjectName("exportProgress")
        self.bar.setRange(0, 0)  # busy: the size is not known in advance
        self.bar.setMaximumWidth(220)
        self.bar.hide()
        self.status = QLabel("")
        self.status.setObjectName("exportStatus")
        self.status.setStyleSheet("color: #1b5e20;")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.status, 1)
        self.running = False
        self.title = ""
        self.rows_done = 0  # written by the worker thread (``counted``), read by the timer below
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self._tick)

    def counted(self, rows: Iterable[T]) -> Iterator[T]:
        """``rows`` as they are written (on the worker thread), counted for the status line."""
        for row in rows:
            self.rows_done += 1
            yield row

    def _tick(self) -> None:
        if self.running and self.rows_done:
            self.status.setText(
                self.tr("Đang xuất {0}… {1} dòng").format(self.title, f"{self.rows_done:,}".replace(",", "."))
            )

    def export(
        self,
        title: str,
        default_name: str,
        produce: Callable[[str], bytes],
        *,
        path: Path | None = None,
        formats: tuple[str, ...] = ("xlsx",),
    ) -> bool:
        """``produce(format)`` runs on a worker thread, ``format`` one of ``formats`` ("xlsx",
        "pdf"), chosen by the file's suffix; ``path`` None: ask where."""
        if self.running:
            return False
        names = {"xlsx": self.tr("Bảng tính Excel (*.xlsx)"), "pdf": self.tr("Tệp PDF (*.pdf)")}
        if path is None:
            chosen, chosen_filter = QFileDialog.getSaveFileName(
                self, title, str(Path.home() / default_name), ";;".join(names[f] for f in formats)
            )
            if not chosen:
                return False
            path = Path(chosen)
            if path.suffix.lower().lstrip(".") not in formats:
                wanted = next((f for f in formats if names[f] == chosen_filter), formats[0])
                path = path.with_name(path.name + "." + wanted)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in formats:
            fmt = formats[0]
        target = path
        self.running = True
        self.title = title
        self.rows_done = 0
        self.ticker.start()
        self.bar.show()
        self.status.setText(self.tr("Đang xuất {0}…").format(title))
        self.status.setStyleSheet("color: #444;")
        database = self.database
        op = QueryOp(self, lambda: write_file(target, produce(fmt), database), self._done, tasks=self.tasks)
        op.with_progress(self.tr("Đang xuất {0}…").format(title)).failure(self._failed).run_in_background()
        return True

    def _done(self, path: Path) -> None:
        self.running = False
        self.ticker.stop()
        self.bar.hide()
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setText(self.tr("Đã lưu: {0}").format(path))
        self.finished.emit(path)

    def _failed(self, _exc: BaseException) -> bool:
        self.running = False
        self.ticker.stop()
        self.bar.hide()
        self.status.setText("")
        return False  # the op shows why
