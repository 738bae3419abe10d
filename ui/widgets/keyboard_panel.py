"""The touch keyboard: Qt Virtual Keyboard in a QQuickWidget inside the one kiosk window.

Widgets do not open a software keyboard on programmatic focus, only on a tap; the kiosk opens it
whenever a text field gets focus (tap, tab or a screen's setFocus) and closes it when focus
leaves text fields or the user presses Enter. The panel sits below the screens in the window's
layout, so the screen area shrinks instead of being covered. Numeric fields
(`setInputMethodHints(Qt.ImhDigitsOnly)`) get the digits layout from Qt itself.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuickWidgets import QQuickWidget
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from kiosk import resources
from ui.widgets.keyboard import is_text_input

log = logging.getLogger(__name__)

LOCALES = {"ar": "ar_AR", "en": "en_US"}


class KeyboardPanel(QQuickWidget):
    """The on-screen keyboard; see the module docstring."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setResizeMode(QQuickWidget.ResizeMode.SizeRootObjectToView)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setClearColor(Qt.GlobalColor.transparent)
        # Loaded synchronously, before any translator is installed (ui/app.py): QML's loader
        # thread calls QCoreApplication::translate, which for the kiosk's translators (Python
        # objects) needs the GIL that this thread holds while it waits: a deadlock otherwise.
        self._language = "ar"
        self.setSource(QUrl.fromLocalFile(str(resources.path("qml/keyboard.qml"))))
        if self.status() != QQuickWidget.Status.Ready:
            log.error(
                "on-screen keyboard failed to load: %s", [e.toString() for e in self.errors()]
            )
        self.hide()
        self._input_method = QGuiApplication.inputMethod()
        self._input_method.visibleChanged.connect(self._on_visible_change)
        QApplication.instance().focusChanged.connect(self._on_focus_change)

    @property
    def available(self) -> bool:
        return self.status() == QQuickWidget.Status.Ready and self.rootObject() is not None

    def set_language(self, lang: str) -> None:
        self._language = lang
        if self.available:
            self.rootObject().setProperty("locale", LOCALES.get(lang, "ar_AR"))

    def resizeEvent(self, event) -> None:
        # The keyboard's keys keep their proportions: its height follows the window's width.
        self.setFixedHeight(max(260, min(420, int(self.width() * 0.28))))
        super().resizeEvent(event)

    def _on_focus_change(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is not self.window():
            return  # another window's field (tests build many kiosk windows in one process)
        if is_text_input(new):
            # Let Qt finish moving focus (and the input context its update) first.
            QTimer.singleShot(0, self, self._open)
        elif new is not None and not self.isAncestorOf(new) and new is not self:
            self._input_method.hide()

    def _open(self) -> None:
        self._input_method.show()
        self._on_visible_change()  # no visibleChanged when the input method was already shown

    def _on_visible_change(self) -> None:
        self.setVisible(self._input_method.isVisible() and self.available)
