"""Messages to the ministry: write one (subject, the fields to correct, the reason), read the
replies. Opened from the profile with {"field": name} to ask for a correction of that field."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QListWidget, QPlainTextEdit, QPushButton

from ui.screens.accounts.common import AccountsScreen
from ui.screens.accounts.connection import call_api
from ui.screens.accounts.form import FieldLabels, Form
from ui.widgets.common import paragraph

CORRECTABLE = ("full_name", "date_of_birth", "nationality", "organisation_name", "contact_name")


class MessagesScreen(AccountsScreen):
    """A new message on top, the account's messages and their replies below."""

    name = "account.messages"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.labels = FieldLabels(self)
        self._key: str | None = None
        self.form = Form(("subject",))
        self.form.sig_edited.connect(self._forget_key)
        self.fields_hint = paragraph("fieldLabel")
        self.field_boxes: dict[str, QCheckBox] = {}
        boxes = QHBoxLayout()
        for name in CORRECTABLE:
            box = QCheckBox()
            box.toggled.connect(self._forget_key)
            self.field_boxes[name] = box
            boxes.addWidget(box)
        self.reason_label = paragraph("fieldLabel")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("field_reason")
        self.reason.setFixedHeight(120)
        self.reason.textChanged.connect(self._forget_key)
        self.send_button = QPushButton(objectName="primary")
        self.send_button.clicked.connect(self._on_send)
        self.history_title = paragraph("cardTitle")
        self.history = QListWidget()
        self.history.setWordWrap(True)
        for widget in (self.notice, self.failure, self.form, self.fields_hint):
            self.body.addWidget(widget)
        self.body.addLayout(boxes)
        for widget in (self.reason_label, self.reason, self.send_button, self.history_title):
            self.body.addWidget(widget)
        self.body.addWidget(self.history, 1)

    def title(self) -> str:
        return self.tr("Messages to the ministry")

    def retranslate(self) -> None:
        self.form.retranslate()
        self.fields_hint.setText(self.tr("Details to correct (if any):"))
        for name, box in self.field_boxes.items():
            box.setText(self.labels.label(name))
        self.reason_label.setText(self.tr("Reason"))
        self.send_button.setText(self.tr("Send the message"))
        self.history_title.setText(self.tr("My messages and the ministry's replies"))

    def enter(self, params: dict) -> None:
        self.clear_messages()
        if not self.signed_in():
            return
        field = params.get("field")
        if field in self.field_boxes:
            self.field_boxes[field].setChecked(True)
            if not self.form.rows["subject"].edit.text():
                self.form.rows["subject"].edit.setText(
                    self.tr("Correction of my details: {field}").format(
                        field=self.labels.label(field)
                    )
                )
        self._load()

    def reset(self) -> None:
        self._key = None

    def _forget_key(self, *_args) -> None:
        self._key = None

    def _load(self) -> None:
        call_api(self, lambda api: api.messages(), self._on_messages)

    def _on_messages(self, outcome) -> None:
        if self.failed(outcome):
            return
        self.history.clear()
        for message in outcome.value:
            lines = [f"{message.created_at[:10]}  {message.subject}", message.reason]
            lines += [f"↩ {reply.created_at[:10]}  {reply.text}" for reply in message.replies]
            if not message.replies:
                lines.append(self.tr("Waiting for the ministry's reply"))
            self.history.addItem("\n".join(lines))

    def _on_send(self) -> None:
        self.clear_messages()
        self.form.clear_problems()
        subject = self.form.values()["subject"]
        reason = self.reason.toPlainText().strip()
        if not subject:
            self.form.show_problem("subject", self.tr("This field is required."))
        if not reason:
            self.show_error(self.tr("Please write the reason."))
        if not subject or not reason:
            return
        chosen = [name for name, box in self.field_boxes.items() if box.isChecked()]
        self._key = self._key or str(uuid.uuid4())
        key = self._key
        call_api(
            self,
            lambda api: api.send_message(subject, reason, chosen, key),
            self._on_sent,
            self.send_button,
        )

    def _on_sent(self, outcome) -> None:
        if self.failed(outcome, self.form):
            return
        self.form.rows["subject"].edit.clear()
        self.reason.clear()
        for box in self.field_boxes.values():
            box.setChecked(False)
        self._key = None
        self.show_notice(self.tr("Your message was sent to the ministry."))
        self._load()
