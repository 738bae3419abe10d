"""The touch keyboard's helpers that need no QML: which widgets take text, Enter closes it.

The panel itself (Qt Virtual Keyboard in a QQuickWidget) is ui/widgets/keyboard_panel.py,
imported only when the window builds it: Qt Quick costs a start-up that the first frame of the
welcome screen need not wait for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def is_text_input(widget: QWidget | None) -> bool:
    if widget is None or not isinstance(widget, TEXT_INPUTS):
        return False
    return not getattr(widget, "isReadOnly", lambda: False)()


class EnterClosesKeyboard(QObject):
    """Enter or Return in a one-line field means "done": the keyboard closes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QLineEdit)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            # After the field has handled the key (it may update the input method itself).
            QTimer.singleShot(0, QGuiApplication.inputMethod().hide)
        return False
