"""The base of every screen: navigation signals, re-translation and the session wipe.

A screen is a small QWidget subclass that takes the AppContext, builds its widgets once, and
- sets every visible text in `retranslate()` (called at start and on every language change),
- asks to move with `self.sig_go.emit("screen-name", {params})`, `sig_back`, `sig_home`,
- receives its parameters in `enter(params)` each time it is shown,
- ends the session (logout) with `sig_end_session`,
- forgets the user in `wipe()`: the default clears every input widget it owns; override
  `reset()` for in-memory state (models, lists, pictures); the texts are then set anew from
  the emptied state (`refresh_texts()`). The navigator registers every screen's
  `wipe` with the session, so logout and idle timeout reach all screens through one mechanism.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext


class Screen(QWidget):
    """Base class of the kiosk's screens; see the module docstring."""

    #: The name the navigator knows this screen by.
    name = ""
    #: Whether the footer shows "back" on this screen (the welcome screen has nowhere to go back).
    has_back = True

    sig_go = Signal(str, dict)
    sig_back = Signal()
    sig_home = Signal()
    sig_end_session = Signal()  # logout: the window wipes everything and goes home

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.name or type(self).__name__)
        self.title_label = QLabel()
        self.title_label.setObjectName("screenTitle")
        self.title_label.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(48, 24, 48, 24)
        self.body.setSpacing(16)
        self.body.addWidget(self.title_label)

    # --- what subclasses provide -------------------------------------------------------------
    def title(self) -> str:
        """The screen's heading, translated (shown at its top)."""
        return ""

    def retranslate(self) -> None:
        """Set every visible text in the current language."""

    def enter(self, params: dict) -> None:
        """Called each time the screen is shown, with the parameters it was opened with."""

    def reset(self) -> None:
        """Forget in-memory state of the user (models, lists, images)."""

    def screenshot_states(self) -> list[tuple[str, dict]]:
        """(suffix, params) pairs the screenshot script opens this screen with."""
        return [("", {})]

    # --- shared machinery ---------------------------------------------------------------------
    def refresh_texts(self) -> None:
        self.title_label.setText(self.title())
        self.title_label.setVisible(bool(self.title_label.text()))
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh_texts()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        self.refresh_texts()
        super().showEvent(event)

    def wipe(self) -> None:
        """Clear every input this screen owns, then its in-memory state."""
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        for edit in self.findChildren(QTextEdit) + self.findChildren(QPlainTextEdit):
            edit.clear()
        for combo in self.findChildren(QComboBox):
            if combo.isEditable():
                combo.clearEditText()
            combo.setCurrentIndex(0 if combo.count() else -1)
        for spin in self.findChildren(QAbstractSpinBox):
            if hasattr(spin, "minimum"):
                spin.setValue(spin.minimum())
        for group in self.findChildren(QButtonGroup):
            if group.exclusive() and group.checkedButton() is not None:
                group.setExclusive(False)  # an exclusive group never lets its choice go
                group.checkedButton().setChecked(False)
                group.setExclusive(True)
        for button in self.findChildren(QAbstractButton):
            if button.isCheckable() and button.autoExclusive() is False:
                button.setChecked(False)
        for item_list in self.findChildren(QListWidget):
            if item_list.property("wipe") is not False:
                item_list.clear()
        self.reset()
        # Texts derived from the user (names, numbers, results) go too, even on hidden labels.
        self.refresh_texts()
