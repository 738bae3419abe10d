"""A USB barcode scanner types like a keyboard: watch every key press while the scan screen shows.

The watcher is an application-wide event filter that passes every event on untouched and hands
each typed character (Enter as "\\r") to a callback; the screen's WedgeDetector
(kiosk/scan/wedge.py) tells a scanner's burst from a person typing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget


class KeyWatcher(QObject):
    """Sees every key press while installed and passes it on untouched."""

    def __init__(self, on_key: Callable[[str], None], parent: QObject | None = None):
        super().__init__(parent)
        self.on_key = on_key
        self.installed = False
        self._last: tuple | None = None  # (key, text, widget) of the last press seen

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self.installed:
            app.installEventFilter(self)
            self.installed = True

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None and self.installed:
            app.removeEventFilter(self)
            self.installed = False

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            identity = (event.key(), event.text())
            if not self._propagating(identity, watched):
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.on_key("\r")
                elif event.text():
                    self.on_key(event.text())
            self._last = (*identity, watched)
        return False

    def _propagating(self, identity: tuple, widget: QWidget) -> bool:
        """An unhandled key press travels up to each parent: count it once, not per widget."""
        if self._last is None or self._last[:2] != identity:
            return False
        previous = self._last[2]
        try:
            # isAncestorOf counts a widget as its own ancestor: a repeated key is a new press.
            return widget is not previous and widget.isAncestorOf(previous)
        except RuntimeError:  # the previous widget is gone
            return False
