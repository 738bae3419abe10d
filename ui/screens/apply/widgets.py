"""Touch pieces of the wizard's forms: a labelled field with its error, a row of choices,
page thumbnails."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.screens.accounts.form import FieldRow

# How a field is typed: the keyboard it needs and whether it reads left to right.
KINDS = ("text", "digits", "decimal", "date", "code")


class Field(FieldRow):
    """A label, a line edit and the line's own error message, typed as `kind` says.

    The accounts' FieldRow, with the keyboard and reading direction chosen by kind instead of
    by the account field's name.
    """

    def __init__(self, name: str, kind: str = "text", parent: QWidget | None = None):
        super().__init__(name, parent)
        if kind not in KINDS:
            raise ValueError(kind)
        self.kind = kind
        self.edit.setMinimumHeight(56)
        # Numbers, dates and codes read left to right in both languages.
        if kind != "text":
            self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.edit.setAlignment(Qt.AlignmentFlag.AlignLeft)
        hints = {
            "digits": Qt.InputMethodHint.ImhDigitsOnly,
            "decimal": Qt.InputMethodHint.ImhFormattedNumbersOnly,
            "date": Qt.InputMethodHint.ImhPreferNumbers | Qt.InputMethodHint.ImhNoPredictiveText,
            "code": Qt.InputMethodHint.ImhLatinOnly
            | Qt.InputMethodHint.ImhPreferUppercase
            | Qt.InputMethodHint.ImhNoPredictiveText,
        }
        self.edit.setInputMethodHints(hints.get(kind, Qt.InputMethodHint.ImhNone))
        if kind == "date":
            self.edit.setPlaceholderText("YYYY-MM-DD")
            self.edit.setMaxLength(10)

    @property
    def value(self) -> str:
        """What was typed, with Arabic-Indic digits as 0–9 and no surrounding spaces."""
        text = super().value
        return text.upper() if self.kind == "code" else text

    def set_value(self, value) -> None:
        """Show `value`: nothing for None, a date as YYYY-MM-DD."""
        if isinstance(value, dt.date):
            value = value.isoformat()
        self.edit.setText("" if value is None else str(value))

    def date(self) -> dt.date | None:
        """The typed date, or None (empty, or not a date: see `date_is_bad()`)."""
        return iso_date(self.value)

    def date_is_bad(self) -> bool:
        return bool(self.value) and self.date() is None


class Choices(QWidget):
    """A row of large exclusive buttons (normal/urgent, yes/no, relation …) by id."""

    sig_changed = Signal(str)

    def __init__(self, ids: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.ids = list(ids)
        self.label = QLabel()
        self.label.setObjectName("fieldLabel")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(12)
        for choice_id in ids:
            button = QPushButton()
            button.setObjectName("languageChoice")  # the theme's checkable choice style
            button.setCheckable(True)
            button.setMinimumSize(180, 64)
            button.setProperty("choice", choice_id)
            self.group.addButton(button)
            self.buttons[choice_id] = button
            row.addWidget(button)
        row.addStretch()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.group.buttonClicked.connect(self._on_clicked)

    @property
    def value(self) -> str | None:
        checked = self.group.checkedButton()
        return next((k for k, b in self.buttons.items() if b is checked), None)

    def set_value(self, choice_id: str | None) -> None:
        button = self.buttons.get(choice_id) if choice_id is not None else None
        if button is not None:
            button.setChecked(True)
            return
        if self.group.checkedButton() is not None:
            self.group.setExclusive(False)
            self.group.checkedButton().setChecked(False)
            self.group.setExclusive(True)

    def set_texts(self, texts: dict[str, str]) -> None:
        for choice_id, text in texts.items():
            self.buttons[choice_id].setText(text)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def _on_clicked(self, button) -> None:
        self.show_error(None)
        self.sig_changed.emit(self.value or "")


def iso_date(text: str | None) -> dt.date | None:
    """The date `text` writes as YYYY-MM-DD, or None (empty, or not a date)."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


THUMB_SIZE = 120


def pdf_sheet(size: int = THUMB_SIZE) -> QPixmap:
    """The thumbnail of a PDF page (or of a page that cannot be decoded): a sheet marked "PDF"."""
    pixmap = QPixmap(int(size * 0.75), size)
    pixmap.fill(QColor("#ffffff"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#8a1c1c"))
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "PDF")
    painter.end()
    return pixmap


def paragraphs(lines: list[str], lang: str) -> str:
    """Lines of running text whose direction follows the language, not their first letter
    (a line starting with a Latin name stays right to left in Arabic)."""
    mark = "\u200f" if lang == "ar" else "\u200e"
    return "\n".join(mark + line for line in lines)
