"""A touch form of labelled fields, each with its error shown right under it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.errors import Problem
from kiosk.texts import to_western_digits

# How each field is typed: the keyboard layout it needs and its reading direction.
LTR_FIELDS = {
    "username",
    "password",
    "password_again",
    "current_password",
    "new_password",
    "date_of_birth",
    "nationality",
    "national_number",
    "passport_number",
    "personal_number",
    "registration_number",
    "phone",
    "email",
}
DIGIT_FIELDS = {"national_number", "personal_number", "phone"}
SECRET_FIELDS = {"password", "password_again", "current_password", "new_password"}
# Typed in Latin letters: the keyboard starts in English and never capitalises by itself.
LATIN_FIELDS = {"username", "email", "passport_number", "nationality", "registration_number"}
LATIN_FIELDS |= SECRET_FIELDS


def input_hints(name: str) -> Qt.InputMethodHint:
    """The keyboard a field of this name needs (digits, e-mail, Latin letters, a secret)."""
    hint = Qt.InputMethodHint
    if name == "phone":
        return hint.ImhDialableCharactersOnly  # digits and "+"
    if name in DIGIT_FIELDS:
        return hint.ImhDigitsOnly
    hints = hint.ImhNone
    if name in LATIN_FIELDS:
        hints |= hint.ImhLatinOnly | hint.ImhNoAutoUppercase | hint.ImhNoPredictiveText
    if name == "email":
        hints |= hint.ImhEmailCharactersOnly
    if name in ("passport_number", "nationality"):
        hints |= hint.ImhPreferUppercase
    if name in SECRET_FIELDS:
        hints |= hint.ImhSensitiveData
    return hints


class FieldLabels(QObject):
    """The translated label of every account field."""

    def label(self, name: str) -> str:
        labels = {
            "username": self.tr("Username"),
            "password": self.tr("Password"),
            "password_again": self.tr("Password again"),
            "current_password": self.tr("Current password"),
            "new_password": self.tr("New password"),
            "full_name": self.tr("Full name"),
            "date_of_birth": self.tr("Date of birth (YYYY-MM-DD)"),
            "nationality": self.tr("Nationality (3 letters, e.g. EGY)"),
            "national_number": self.tr("National number (Jordanians)"),
            "passport_number": self.tr("Passport number"),
            "personal_number": self.tr("Personal number for foreigners"),
            "organisation_name": self.tr("Institution name"),
            "registration_number": self.tr("Registration number"),
            "contact_name": self.tr("Contact person"),
            "phone": self.tr("Mobile phone (07XXXXXXXX or +…)"),
            "email": self.tr("E-mail"),
            "subject": self.tr("Subject"),
            "reason": self.tr("Reason"),
        }
        return labels.get(name, name)


class FieldRow(QWidget):
    """A label, a line edit and the line's own error message."""

    sig_edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.label = QLabel()
        self.label.setObjectName("fieldLabel")
        self.edit = QLineEdit()
        self.edit.setObjectName(f"field_{name}")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        if name in LTR_FIELDS:
            self.edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.edit.setInputMethodHints(input_hints(name))
        if name in SECRET_FIELDS:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.textEdited.connect(self._on_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)

    @property
    def value(self) -> str:
        text = self.edit.text()
        return text if self.name in SECRET_FIELDS else to_western_digits(text).strip()

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.edit.setProperty("invalid", bool(message))
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)

    def _on_edited(self) -> None:
        self.show_error(None)
        self.sig_edited.emit()


class Form(QWidget):
    """Rows of fields; problems (from the kiosk's checks or the server) shown by field name."""

    sig_edited = Signal()

    def __init__(self, names: tuple[str, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.labels = FieldLabels(self)
        self.rows: dict[str, FieldRow] = {}
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(12)
        self.set_fields(names)

    def set_fields(self, names: tuple[str, ...]) -> None:
        """Show exactly these fields (keeping what was typed in the ones that stay)."""
        for name in list(self.rows):
            if name not in names:
                row = self.rows.pop(name)
                self.layout_.removeWidget(row)
                row.deleteLater()
        for index, name in enumerate(names):
            row = self.rows.get(name)
            if row is None:
                row = FieldRow(name, self)
                row.sig_edited.connect(self.sig_edited)
                self.rows[name] = row
            self.layout_.insertWidget(index, row)
        self.retranslate()

    def retranslate(self) -> None:
        for name, row in self.rows.items():
            row.label.setText(self.labels.label(name))

    def values(self) -> dict[str, str]:
        return {name: row.value for name, row in self.rows.items()}

    def clear_problems(self) -> None:
        for row in self.rows.values():
            row.show_error(None)

    def show_problem(self, field: str, message: str) -> bool:
        """Show `message` under the field; False if the form has no such field."""
        row = self.rows.get(field)
        if row is None:
            return False
        row.show_error(message)
        return True

    def show_problems(self, problems: list[Problem], lang: str) -> None:
        for problem in problems:
            self.show_problem(problem.field, problem.message.get(lang))
