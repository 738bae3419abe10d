"""The delivery worker: a daemon thread that keeps the outbox draining while the kiosk runs.

It builds its Deliverer in its own thread (so the Outbox's SQLite connection belongs to it),
resumes whatever the outbox holds at start, delivers what is due, then sleeps until the next
retry is due, `interval_s` passes, or `wake()` is called (after each seal). Listeners added with
`on_change` are called from this thread with the outbox status (counts only, no personal data)
whenever an item was delivered, retried or refused; the UI marshals that to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from kiosk.sync.delivery import Deliverer

log = logging.getLogger("kiosk.sync")


class SyncWorker:
    """Runs `make_deliverer()`'s Deliverer in a daemon thread; see the module docstring."""

    def __init__(self, make_deliverer: Callable[[], Deliverer], interval_s: float = 30.0):
        self._make_deliverer = make_deliverer
        self.interval_s = interval_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._listeners: list[Callable[[dict], None]] = []
        self._thread = threading.Thread(target=self._run, name="kiosk-sync", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        """Look at the outbox now (something was sealed, or the network came back)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the thread to finish after the current item; whether it ended in `timeout`."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def on_change(self, callback: Callable[[dict], None]) -> None:
        """Call `callback(status)` from the worker thread after each item it handled."""
        self._listeners.append(callback)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        deliverer: Deliverer | None = None
        try:
            while not self._stop.is_set():
                self._wake.clear()
                wait_s = self.interval_s
                try:
                    if deliverer is None:
                        deliverer = self._make_deliverer()
                    wait_s = self._round(deliverer)
                except Exception as e:  # a worker that dies silently would strand the outbox
                    log.error("delivery round failed (%s); trying again later", type(e).__name__)
                self._wake.wait(wait_s)
        finally:
            if deliverer is not None:
                deliverer.outbox.close()

    def _round(self, deliverer: Deliverer) -> float:
        """Deliver what is due (stopping early if asked); how long to sleep afterwards."""
        while not self._stop.is_set() and deliverer.deliver_next():
            self._notify(deliverer.outbox.status())
        wake_at = deliverer.next_attempt_at()
        if wake_at is None:
            return self.interval_s
        seconds = (wake_at - deliverer.clock()).total_seconds()
        return min(self.interval_s, max(0.05, seconds))

    def _notify(self, status: dict) -> None:
        for callback in list(self._listeners):
            try:
                callback(status)
            except Exception as e:
                log.error("a delivery listener failed (%s)", type(e).__name__)
