"""The one place that runs blocking work (HTTP, decoding, PDF, printing) off the GUI thread.

    ctx.tasks.run(fetch_profile, token, on_result=self._on_profile, on_error=self._on_error)

`fn` runs in a worker thread and must not touch any widget; its result (or exception) comes
back through a queued signal to the callbacks on the GUI thread. A callback whose receiver
(a screen) is gone is skipped. Tests call `tasks.wait()` so that no thread outlives them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


def _receiver_alive(callback) -> bool:
    """False for no callback, or a method of a Qt object (a screen) already deleted."""
    if callback is None:
        return False
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Relay(QObject):
    """Lives on the GUI thread; carries a task's outcome back to it."""

    sig_result = Signal(object)
    sig_error = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, relay: _Relay):
        super().__init__()
        self._fn, self._args, self._kwargs, self._relay = fn, args, kwargs, relay

    def run(self) -> None:
        try:
            result, failed = self._fn(*self._args, **self._kwargs), False
        except Exception as e:  # handed to the GUI thread, shown as a message there
            log.exception("background task failed")
            result, failed = e, True
        if not shiboken6.isValid(self._relay):  # gone only while the application itself closes
            return
        (self._relay.sig_error if failed else self._relay.sig_result).emit(result)


class Tasks(QObject):
    """A thread pool for the kiosk's blocking work; see the module docstring."""

    def __init__(self, max_threads: int = 4, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relays: set[_Relay] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *args,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        **kwargs,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        @Slot(object)
        def finished_ok(value):
            self._relays.discard(relay)
            if _receiver_alive(on_result):
                on_result(value)

        @Slot(object)
        def finished_error(error):
            self._relays.discard(relay)
            if _receiver_alive(on_error):
                on_error(error)

        relay.sig_result.connect(finished_ok)
        relay.sig_error.connect(finished_error)
        self._pool.start(_Task(fn, args, kwargs, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every running task has finished (tests, shutdown)."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return self._pool.activeThreadCount() > 0
