"""The touch keyboard: Qt Virtual Keyboard in a QQuickWidget inside the one kiosk window.

Widgets do not open a software keyboard on programmatic focus, only on a tap; the kiosk opens it
whenever a text field gets focus (tap, tab or a screen's setFocus) and closes it when focus
leaves text fields (once the finger is up: see CloseOnRelease) or the user presses Enter. The
panel sits below the screens in the window's layout, so the screen area shrinks instead of being
covered. Numeric fields (`setInputMethodHints(Qt.ImhDigitsOnly)`) get the digits layout from Qt
itself; Latin-only fields (`Qt.ImhLatinOnly`) start in English whatever the UI's language.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuickWidgets import QQuickWidget
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from kiosk import resources
from ui.widgets.keyboard import is_text_input

log = logging.getLogger(__name__)

LOCALES = {"ar": "ar_AR", "en": "en_US"}
# Fields whose keyboard starts in English: Latin-only text, and numbers (the ministry writes 0–9,
# and the Arabic keypad has ٠–٩).
LATIN_START = (
    Qt.InputMethodHint.ImhLatinOnly
    | Qt.InputMethodHint.ImhDigitsOnly
    | Qt.InputMethodHint.ImhFormattedNumbersOnly
    | Qt.InputMethodHint.ImhDialableCharactersOnly
)
# The keyboard takes at most this share of the window's height; its keys keep their proportions,
# so on a wide screen it is narrower than the window and centred.
MAX_HEIGHT_SHARE = 0.40


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
        self._close_on_release = CloseOnRelease(self._close_unless_typing, self)
        QApplication.instance().focusChanged.connect(self._on_focus_change)

    @property
    def available(self) -> bool:
        return self.status() == QQuickWidget.Status.Ready and self.rootObject() is not None

    def set_language(self, lang: str) -> None:
        """The UI's language: the keyboard's for every field that is not Latin-only."""
        self._language = lang
        self._set_layout(QApplication.focusWidget())

    def _set_layout(self, field: QWidget | None) -> None:
        """The layout a field starts with: English for a Latin-only field (a username, an
        e-mail, a passport number: `Qt.ImhLatinOnly`) and for numbers, else the UI's language.
        The globe key still switches, for this field."""
        if not self.available:
            return
        latin = field is not None and bool(field.inputMethodHints() & LATIN_START)
        self.rootObject().setProperty("locale", LOCALES["en" if latin else self._language])

    def fit(self, width: int, height: int) -> None:
        """Size the keyboard for a window of `width` × `height`: at most MAX_HEIGHT_SHARE of its
        height, keys in their style's proportions (narrower than the window and centred on a wide
        screen), and the widget exactly as tall as the keyboard.

        Called by the window, never from this widget's own resize or show event: a QQuickWidget
        resized from inside those stops rendering (every later frame of the keyboard, a Shift or
        a change of layout, never reached the screen).
        """
        root = self.rootObject() if self.available else None
        if root is None:
            return
        ratio = float(root.property("designRatio") or 0) or 0.3125
        panel_width = min(width, math.floor(height * MAX_HEIGHT_SHARE / ratio))
        root.setProperty("panelWidth", panel_width)
        keyboard_height = math.ceil(float(root.property("keyboardHeight") or 0))
        if keyboard_height > 0 and keyboard_height != self.height():
            self.setFixedHeight(keyboard_height)

    def _on_focus_change(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is not self.window():
            return  # another window's field (tests build many kiosk windows in one process)
        if is_text_input(new):
            # Let Qt finish moving focus (and the input context its update) first.
            QTimer.singleShot(0, self, self._open)
        elif new is not None and not self.isAncestorOf(new) and new is not self:
            if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
                # A tap on a button took the focus: close only once the finger is up. Closing
                # now moves the button from under the finger (the screen grows) before the
                # release, and the tap is lost.
                self._close_on_release.arm()
            else:
                self._input_method.hide()

    def _close_unless_typing(self) -> None:
        if not is_text_input(QApplication.focusWidget()):
            self._input_method.hide()

    def _open(self) -> None:
        self._set_layout(QApplication.focusWidget())
        self._input_method.show()
        self._on_visible_change()  # no visibleChanged when the input method was already shown

    def _on_visible_change(self) -> None:
        self.setVisible(self._input_method.isVisible() and self.available)


class CloseOnRelease(QObject):
    """Calls `close` once, after the next pointer release has reached its widget."""

    RELEASES = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel)

    def __init__(self, close, parent: QObject):
        super().__init__(parent)
        self._close = close
        self._armed = False

    def arm(self) -> None:
        if not self._armed:
            self._armed = True
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.RELEASES:
            self._armed = False
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self, self._close)  # after the button has had its click
        return False
