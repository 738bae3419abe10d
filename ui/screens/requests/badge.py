"""The header's notifications button: shown while someone is signed in, with the number of
notifications they have not seen yet; a tap opens the inbox."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton

from ui.screens.requests.notices import notifications


class NotificationsBadge(QPushButton):
    """Follows the kiosk's Notifications; `navigator` opens the inbox and tells of log-ins."""

    def __init__(self, ctx, navigator, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.navigator = navigator
        self.setObjectName("headerButton")
        self.model = notifications(ctx)
        self.model.sig_changed.connect(self.update_badge)
        navigator.sig_changed.connect(self._on_screen_change)
        self.clicked.connect(lambda: navigator.go("requests.inbox"))
        self.update_badge()

    @property
    def count(self) -> int:
        return self.model.unread

    def update_badge(self) -> None:
        self.setVisible(self.ctx.session.user is not None)
        self.setProperty("unread", self.count > 0)
        text = self.tr("Notifications")
        self.setText(f"{text}  ({self.count})" if self.count else text)

    def _on_screen_change(self, _screen) -> None:
        # Someone just logged in (or moved on): the first poll of a session comes at once.
        if self.ctx.session.user is not None and not self.model.polled:
            self.model.poll()
        self.update_badge()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_badge()
        super().changeEvent(event)
