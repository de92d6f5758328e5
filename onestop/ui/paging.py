"""A table model filled a page at a time, off the GUI thread: the dossier list (F3) and the work
lists («Hồ sơ của tôi», the head's board) are both one.

Each fetch runs as a ``QueryOp``; a page that arrives after a newer fetch started (a new filter, a
refresh, time moving on) is dropped, so a slow old page never overwrites a new one. Qt asks for the
next page as the view scrolls (``canFetchMore``/``fetchMore``); nothing loads every row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from onestop.ui.ops import QueryOp, Tasks

_Index = QModelIndex | QPersistentModelIndex
_INDEX = QModelIndex()


class PagedModel(QAbstractTableModel):
    """Subclasses give how to fetch a page (``fetcher(after, size)``: the work, run off the GUI
    thread, that fetches ``size`` rows after ``after``) and where the page after the loaded rows
    starts (``after_last()``), and may keep more of a page than its rows (``_take``, ``_extend``,
    ``_replace``). A page has ``rows`` and ``has_more``."""

    loading_changed = Signal(bool)
    loaded = Signal()  # after every page or refresh that was applied
    failed = Signal(object)  # the exception of a fetch

    def __init__(
        self,
        tasks: Tasks,
        parent: Any,
        page_size: int,
        fetcher: Callable[[Any, int], Callable[[], Any]],
        after_last: Callable[[], Any],
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.page_size = page_size
        self._fetcher = fetcher
        self._after_last = after_last
        self._rows: list[Any] = []
        self._has_more = False
        self._loading = False
        self._generation = 0  # bumped on every fetch started: late pages of older ones are dropped

    # ---- what subclasses may keep of a page besides its rows

    def _take(self, page: Any) -> None:
        """What a page brings besides its rows (looked-up names, the moment it was read)."""

    def _extend(self, page: Any) -> None:
        self._rows.extend(page.rows)

    def _replace(self, page: Any) -> None:
        self._rows = list(page.rows)

    # ---- lazy fetching

    def canFetchMore(self, parent: _Index = _INDEX) -> bool:
        return not parent.isValid() and self._has_more

    def fetchMore(self, parent: _Index = _INDEX) -> None:
        if parent.isValid() or not self._has_more or self._loading or not self._rows:
            return
        self._start(self._after_last(), self.page_size, append=True)

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def has_more(self) -> bool:
        return self._has_more

    def _start(self, after: Any, size: int, *, append: bool) -> None:
        self._generation += 1
        generation = self._generation
        op = QueryOp(
            self,
            self._fetcher(after, size),
            lambda page: self._arrived(generation, page, append),
            tasks=self.tasks,
        )
        op.while_running(lambda busy: self._fetching(generation, busy))
        op.failure(lambda exc: self._fetch_failed(generation, exc)).run_in_background()

    def _fetching(self, generation: int, busy: bool) -> None:
        if busy and generation == self._generation:  # (again on «Thử lại»; the end is _arrived's)
            self._set_loading(True)

    def _arrived(self, generation: int, page: Any, append: bool) -> None:
        if generation != self._generation:
            return  # a newer fetch started meanwhile: this page is stale
        self._take(page)
        if append:
            if page.rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
                self._extend(page)
                self.endInsertRows()
        else:
            self.beginResetModel()
            self._replace(page)
            self.endResetModel()
        self._has_more = page.has_more
        self._set_loading(False)
        self.loaded.emit()

    def _fetch_failed(self, generation: int, exc: BaseException) -> bool:
        if generation != self._generation:
            return True  # stale: nobody waits for it
        self._set_loading(False)
        self.failed.emit(exc)
        return False  # the op shows it over the view; «Thử lại» fetches the page again

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    def rowCount(self, parent: _Index = _INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)


def row_table(name: str, model: QAbstractItemModel) -> QTableView:
    """The view of a paged list: whole rows, one at a time, read-only, one line a row, no row numbers."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table
