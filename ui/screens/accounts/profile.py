"""The account's details: phone, passport number and e-mail can be changed here; the other
fields are read-only, each with "request a change" (a message to the ministry with the reason)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton

from kiosk.api import fields
from ui.screens.accounts.common import AccountsScreen
from ui.screens.accounts.connection import call_api
from ui.screens.accounts.form import FieldLabels, Form
from ui.widgets.common import paragraph


class ProfileScreen(AccountsScreen):
    """Editable and locked fields of the logged-in account."""

    name = "account.profile"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.labels = FieldLabels(self)
        self.profile = None
        self.form = Form(fields.EDITABLE)
        self.save_button = QPushButton(objectName="primary")
        self.save_button.clicked.connect(self._on_save)
        self.locked_title = paragraph("cardTitle")
        self.locked_hint = paragraph("hint")
        self.locked = QGridLayout()
        self.locked.setSpacing(8)
        self.locked_rows: list[tuple[QLabel, QLabel, QPushButton]] = []
        for widget in (
            self.notice,
            self.failure,
            self.form,
            self.save_button,
            self.locked_title,
            self.locked_hint,
        ):
            self.body.addWidget(widget)
        self.body.addLayout(self.locked)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("My details")

    def retranslate(self) -> None:
        self.form.retranslate()
        self.save_button.setText(self.tr("Save changes"))
        self.locked_title.setText(self.tr("Details only the ministry can change"))
        self.locked_hint.setText(
            self.tr("To correct one of these, send the ministry a message with the reason.")
        )
        for name, (label, _value, button) in zip(
            self._locked_names(), self.locked_rows, strict=False
        ):
            label.setText(self.labels.label(name))
            button.setText(self.tr("Request a change"))

    def enter(self, params: dict) -> None:
        self.clear_messages()
        if self.signed_in():
            call_api(self, lambda api: api.profile(), self._on_profile)

    def reset(self) -> None:
        self.profile = None
        self._show_locked()

    def _locked_names(self) -> tuple[str, ...]:
        return self.profile.locked_fields if self.profile else ()

    def _on_profile(self, outcome) -> None:
        if self.failed(outcome):
            return
        self.profile = outcome.value
        for name, row in self.form.rows.items():
            row.edit.setText(self.profile.fields.get(name) or "")
        self._show_locked()

    def _show_locked(self) -> None:
        for widgets in self.locked_rows:
            for widget in widgets:
                self.locked.removeWidget(widget)
                widget.deleteLater()
        self.locked_rows = []
        for index, name in enumerate(self._locked_names()):
            label = QLabel(objectName="fieldLabel")
            value = QLabel(self.profile.fields.get(name) or "—")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            button = QPushButton()
            button.clicked.connect(
                lambda _=False, n=name: self.sig_go.emit("account.messages", {"field": n})
            )
            self.locked.addWidget(label, index, 0)
            self.locked.addWidget(value, index, 1)
            self.locked.addWidget(button, index, 2)
            self.locked_rows.append((label, value, button))
        self.retranslate()

    def _on_save(self) -> None:
        if self.profile is None:
            return
        self.clear_messages()
        self.form.clear_problems()
        changes, problems = {}, []
        for name, row in self.form.rows.items():
            value = fields.normalise(name, row.value)
            problem = fields.check(name, value, required=name != "passport_number")
            if problem:
                problems.append(problem)
            elif value and value != (self.profile.fields.get(name) or ""):
                changes[name] = value
        if problems:
            self.form.show_problems(problems, self.ctx.lang)
            return
        if not changes:
            self.show_notice(self.tr("Nothing to save: no detail was changed."))
            return
        call_api(self, lambda api: api.update_profile(changes), self._on_saved, self.save_button)

    def _on_saved(self, outcome) -> None:
        if self.failed(outcome, self.form):
            return
        self._on_profile(outcome)
        self.show_notice(self.tr("Your details were saved."))
