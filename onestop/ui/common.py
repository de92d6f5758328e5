"""Shared GUI pieces: error messages, fonts, the settings file, small widgets."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLabel, QMessageBox, QWidget

from onestop.errors import StorageError, UserError
from onestop.res import resource_path

log = logging.getLogger(__name__)

UI_FONT = "Be Vietnam Pro"
UI_FONT_FILES = (
    "BeVietnamPro-Regular.ttf",
    "BeVietnamPro-SemiBold.ttf",
    "BeVietnamPro-Bold.ttf",
    "BeVietnamPro-Italic.ttf",
)
FORM_FONT_FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf")


def tr(text: str, context: str = "") -> str:
    """Module-level translatable text (widgets use ``self.tr``); lupdate files bare ``tr()`` calls
    under the empty context, so that is where they are looked up."""
    return QCoreApplication.translate(context, text)


def load_fonts(point_size: float = 10.5) -> QFont:
    """Bundled fonts, loaded explicitly, so every machine shows the same (and all of Vietnamese)."""
    for name in UI_FONT_FILES + FORM_FONT_FILES:
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    font = QFont(UI_FONT)
    font.setPointSizeF(point_size)
    return font


def ui_settings(path: Path | None = None) -> QSettings:
    """Per-machine GUI state (window sizes, the chosen printer), an INI file in the user-config folder."""
    if path is None:
        from platformdirs import user_config_dir

        path = Path(user_config_dir("onestop", appauthor=False)) / "gui.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def message_for(exc: BaseException) -> str:
    if isinstance(exc, UserError | StorageError):
        return exc.message
    return tr("Lỗi không mong đợi: {0}. Chi tiết đã được ghi vào nhật ký.").format(type(exc).__name__)


def show_error(
    parent: QWidget | None, exc: BaseException, *, retry: Callable[[], None] | None = None
) -> None:
    """One clear message; never a traceback. A storage problem offers «Thử lại» when it can."""
    if not isinstance(exc, UserError | StorageError):
        log.error("unexpected error\n%s", "".join(traceback.format_exception(exc)))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("onestop"))
    box.setText(message_for(exc))
    retry_button = None
    if retry is not None and isinstance(exc, StorageError):
        retry_button = box.addButton(tr("Thử lại"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Đóng"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if retry is not None and retry_button is not None and box.clickedButton() is retry_button:
        retry()


class FieldError(QLabel):
    """The inline message under a field: red, hidden when empty, read by screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet("border: 1px solid #b3261e;" if invalid else "")


class WheelGuard(QObject):
    """The mouse wheel turns a spin box, a combo box or a date only when it has the keyboard focus:
    a clerk scrolling a form past the number of sets or the result channel changes nothing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QAbstractSpinBox | QComboBox)
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        return False
