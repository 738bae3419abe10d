"""The rows of controls under the scan screen's picture, one per use.

- ResultCard: what was read, with "Confirm" and "Scan again".
- ManualEntry: the personal number typed by hand (barcode mode).
- DocumentControls: pages taken, retake the last, accept a glare spot, the shutter, done.
Each sets its own texts in `retranslate()`; the screen connects the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLineEdit, QPushButton

from ui.widgets.common import paragraph


def button(object_name: str, slot) -> QPushButton:
    """A touch-sized button calling `slot`."""
    widget = QPushButton()
    if object_name:
        widget.setObjectName(object_name)
    widget.setMinimumHeight(72)
    widget.clicked.connect(slot)
    return widget


class ResultCard(QFrame):
    """The result waiting for the user: its summary, "Scan again" and "Confirm"."""

    def __init__(self, on_confirm, on_retake):
        super().__init__()
        self.setObjectName("card")
        row = QHBoxLayout(self)
        self.label = paragraph("cardTitle")
        self.confirm_button = button("primary", on_confirm)
        self.retake_button = button("", on_retake)
        row.addWidget(self.label, 1)
        row.addWidget(self.retake_button)
        row.addWidget(self.confirm_button)

    def retranslate(self) -> None:
        self.confirm_button.setText(self.tr("Confirm"))
        self.retake_button.setText(self.tr("Scan again"))


class ManualEntry(QFrame):
    """The personal number typed by hand: always there in barcode mode."""

    def __init__(self, on_use):
        super().__init__()
        self.label = paragraph("fieldLabel")
        self.edit = QLineEdit()
        self.edit.setObjectName("personalNumber")
        self.edit.setMaxLength(20)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.returnPressed.connect(on_use)
        self.button = button("", on_use)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Or type the personal number:"))
        self.edit.setPlaceholderText(self.tr("10 digits, starting with 10 or 80"))
        self.button.setText(self.tr("Use this number"))

    def set_invalid(self, invalid: bool) -> None:
        """Mark the field as holding a number that is not valid (the theme colours it)."""
        self.edit.setProperty("invalid", invalid)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)


class DocumentControls(QFrame):
    """Document mode: pages taken, retake the last, accept the glare, the shutter, done."""

    def __init__(self, *, on_shutter, on_accept_glare, on_undo, on_done):
        super().__init__()
        self.shutter_button = button("primary", on_shutter)
        self.accept_glare_button = button("", on_accept_glare)
        self.pages_label = paragraph("hint")
        self.undo_page_button = button("", on_undo)
        self.done_button = button("", on_done)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pages_label, 1)
        for widget in (
            self.undo_page_button,
            self.accept_glare_button,
            self.shutter_button,
            self.done_button,
        ):
            row.addWidget(widget)

    def retranslate(self, pages: int) -> None:
        self.shutter_button.setText(self.tr("Take the picture now"))
        self.accept_glare_button.setText(self.tr("Use it despite the glare"))
        self.undo_page_button.setText(self.tr("Retake the last page"))
        self.done_button.setText(self.tr("Done"))
        self.pages_label.setText(self.tr("Pages taken: {n}").format(n=pages))

    def update_state(self, pages: int, glare_refused: bool, camera: bool) -> None:
        self.accept_glare_button.setVisible(glare_refused)
        self.shutter_button.setEnabled(camera)
        self.done_button.setEnabled(pages > 0)
        self.undo_page_button.setEnabled(pages > 0)
