"""Kiosk-mode lockdown: the shortcuts that reach Qt cannot close or leave the kiosk.

Alt+F4 reaches the application when no window manager handles it; Ctrl+Q, Ctrl+W, Escape on a
dialog and the standard Close/Quit sequences are swallowed before any widget sees them. The
administrator exit is a separate, PIN-protected path (operations issue).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence

_BLOCKED_SEQUENCES = (
    QKeySequence.StandardKey.Close,
    QKeySequence.StandardKey.Quit,
    QKeySequence.StandardKey.Print,
)
_BLOCKED_KEYS = {
    (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_F4),
    (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Q),
    (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_W),
    (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_F4),
    (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Tab),
    (Qt.KeyboardModifier.MetaModifier, Qt.Key.Key_D),
}


def is_blocked(event) -> bool:
    """Whether a key event is one of the shortcuts kiosk mode refuses."""
    if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
        return False
    if any(event.matches(seq) for seq in _BLOCKED_SEQUENCES):
        return True
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    for modifier, key in _BLOCKED_KEYS:
        if event.key() == key and modifiers == modifier:
            return True
    return event.key() in (Qt.Key.Key_Close, Qt.Key.Key_PowerOff, Qt.Key.Key_Sleep)


class Lockdown(QObject):
    """An application event filter that swallows the blocked shortcuts."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.swallowed = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if is_blocked(event):
            event.accept()
            self.swallowed += 1
            return True
        return False
