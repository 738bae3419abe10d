"""Idle timeout: after a quiet while, a large countdown asks "Do you need more time?".

IdleWatcher counts quiet time from user input anywhere in the application. When it runs out,
the CountdownOverlay (a child of the kiosk window, never a separate window: single-window kiosk
compositors) counts down with a big "continue" button; at zero it emits `sig_expired` and the
window ends the session.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
    QEvent.Type.InputMethod,
}


class IdleWatcher(QObject):
    """Emits `sig_idle` after `timeout_s` seconds without user input (an application filter)."""

    sig_idle = Signal()

    def __init__(self, timeout_s: int, parent: QObject | None = None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(timeout_s * 1000))
        self._timer.timeout.connect(self.sig_idle)
        self.paused = False

    def start(self) -> None:
        self._timer.start()

    def poke(self) -> None:
        """Restart the quiet time (user input, or work the user is waiting for)."""
        if not self.paused:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.poke()
        return False


class CountdownOverlay(QWidget):
    """The "do you need more time?" countdown over the whole window."""

    sig_continue = Signal()
    sig_expired = Signal()

    def __init__(self, seconds: int, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._seconds = seconds
        self._left = seconds
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)

        card = QFrame(self)
        card.setObjectName("idleCard")
        self.question = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.question.setObjectName("idleQuestion")
        self.number = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.number.setObjectName("idleNumber")
        self.explain = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.continue_button = QPushButton()
        self.continue_button.setObjectName("primary")
        self.continue_button.setMinimumHeight(96)
        self.continue_button.clicked.connect(self._on_continue)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(48, 40, 48, 40)
        inner.setSpacing(24)
        for w in (self.question, self.number, self.explain, self.continue_button):
            inner.addWidget(w)
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        outer.addStretch()
        self.hide()
        self.retranslate()

    @property
    def seconds_left(self) -> int:
        return self._left

    def retranslate(self) -> None:
        self.question.setText(self.tr("Do you need more time?"))
        self.explain.setText(
            self.tr("For your privacy, everything you entered will be cleared when the count ends.")
        )
        self.continue_button.setText(self.tr("Yes, continue"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def begin(self) -> None:
        self._left = self._seconds
        self.number.setText(str(self._left))
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.continue_button.setFocus()
        self._tick.start()

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def _on_continue(self) -> None:
        self.stop()
        self.sig_continue.emit()

    def _on_tick(self) -> None:
        self._left -= 1
        self.number.setText(str(max(self._left, 0)))
        if self._left <= 0:
            self.stop()
            self.sig_expired.emit()
