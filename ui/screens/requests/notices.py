"""The signed-in account's notifications, pulled from the central API while they are here.

One Notifications object per kiosk (`notifications(ctx)`), shared by the header's badge and the
inbox. It polls every POLL_S seconds while someone is signed in (and when asked: the inbox
opening, a screen change after logging in), in a worker. The cursor lives in memory for the
session only; the session's end clears everything, and an answer still in flight then is
dropped, so the next user never sees the previous one's notifications.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

POLL_S = 30
PAGE = 50
MAX_PAGES = 20  # at most 1,000 notifications per poll: enough for any account's history


def fetch(api, cursor: str | None):
    """Every notification after `cursor` (oldest first) and the next cursor; or the failure."""
    found = []
    for _ in range(MAX_PAGES):
        outcome = api.notifications(cursor, limit=PAGE)
        if not outcome.ok:
            return outcome if not found else (found, cursor)
        found += outcome.value.notifications
        cursor = outcome.value.next_cursor
        if len(outcome.value.notifications) < PAGE:
            break
    return found, cursor


class Notifications(QObject):
    """The notifications of this session, newest first, and how many are unread."""

    sig_changed = Signal()

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list = []  # kiosk.api.models.Notification, newest first
        self.unread = 0
        self.polled = False  # whether this session has polled yet
        self._cursor: str | None = None
        self._generation = 0
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_S * 1000)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        ctx.session.register_wipe(self.clear)

    def signed_in(self) -> bool:
        api = self.ctx.api
        return self.ctx.session.user is not None and api is not None and api.logged_in

    def poll(self) -> None:
        """Ask the API for new notifications (in a worker), unless already asking."""
        if self._busy or not self.signed_in():
            return
        self._busy = True
        self.polled = True
        generation = self._generation
        self.ctx.tasks.run(
            fetch,
            self.ctx.api,
            self._cursor,
            on_result=lambda result: self._on_fetched(generation, result),
            on_error=lambda _error: self._on_fetched(generation, None),
        )

    def _on_fetched(self, generation: int, result) -> None:
        if generation != self._generation:
            return  # the session ended meanwhile: that answer belongs to nobody here
        self._busy = False
        if not isinstance(result, tuple):
            return  # offline or refused: try again at the next poll
        found, self._cursor = result
        if not found:
            return
        self.items = list(reversed(found)) + self.items
        self.unread += len(found)
        self.sig_changed.emit()

    def mark_read(self) -> None:
        if self.unread:
            self.unread = 0
            self.sig_changed.emit()

    def clear(self) -> None:
        """The session ended: forget everything (an answer still on its way is dropped)."""
        self._generation += 1
        self._busy = False
        self._cursor = None
        self.items = []
        self.unread = 0
        self.polled = False
        self.sig_changed.emit()


def notifications(ctx) -> Notifications:
    """The kiosk's Notifications (made on first use, on the GUI thread)."""
    found = ctx.services.get("notifications")
    if found is None:
        found = ctx.services["notifications"] = Notifications(ctx, ctx.tasks)
    return found
