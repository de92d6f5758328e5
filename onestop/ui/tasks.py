"""Background work for the GUI: one helper, so the GUI thread never waits on the database.

``tasks.run(fn, done=..., failed=...)`` runs ``fn()`` on a worker thread (each call takes its own
database connection from the engine's pool) and hands the result, or the exception, back on the
GUI thread. Views refresh themselves on ``tasks.data_changed`` after any write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits through it (a queued connection)."""

    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.relay.finished.emit(None, exc)
        else:
            self.relay.finished.emit(result, None)


class Tasks(QObject):
    """Runs callables off the GUI thread and reports back on it."""

    data_changed = Signal()  # emitted by views after a write succeeded, so lists refresh
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[[], Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busy_changed.emit(True)

        @Slot(object, object)
        def finish(result: Any, exc: BaseException | None) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.busy_changed.emit(False)
            if exc is None:
                if done is not None:
                    done(result)
            elif failed is not None:
                failed(exc)
            else:
                log.error("background task failed", exc_info=exc)

        relay.finished.connect(finish)
        self.pool.start(_Job(fn, relay))

    def pending(self) -> int:
        return len(self._relays)

    def wait(self, msecs: int = 10_000) -> bool:
        """Tests and shutdown: wait for the worker threads (events still need processing after)."""
        return self.pool.waitForDone(msecs)
