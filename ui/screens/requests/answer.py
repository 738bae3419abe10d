"""Answering the ministry: "edit request" (only the fields it asked for) and "add details" (a
note and documents, photographed or from a USB stick).

Both are sealed into this kiosk's outbox, like a new request: one transaction, encrypted, then
delivered by the kiosk's delivery worker with the same exactly-once guarantees, even if the
network is down now or the kiosk restarts. Only once sealing returned does the screen say
"saved". Opened with {"application_id": "APP-…"}; "add details" comes back from the scan screen
with {"application_id", "document_type", "scan": {"mode": "document", "pages": [...]}}.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.api import fields as account_fields
from kiosk.texts import to_western_digits
from ui.screens.accounts.form import FieldRow
from ui.screens.requests import model
from ui.screens.requests.common import RequestsBase
from ui.screens.requests.texts import ADDITIONAL_DOCUMENT
from ui.widgets.common import clear_layout, paragraph

MAX_NOTE = 2000  # the contract's limit for a details note


class AnswerScreen(RequestsBase):
    """Loads the request it answers; after sealing shows "saved" and a way back to it."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.application_id = ""
        self.request: model.Request | None = None
        self.done = False
        self.asked = paragraph()
        self.asked.setObjectName("askedNote")
        self.form_box = QWidget()
        self.form = QVBoxLayout(self.form_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setSpacing(12)
        self.send_button = QPushButton(objectName="primary")
        self.send_button.setMinimumHeight(72)
        self.send_button.clicked.connect(self._on_send)
        self.back_button = QPushButton(objectName="primary")
        self.back_button.setMinimumHeight(72)
        self.back_button.clicked.connect(
            lambda: self.sig_go.emit("requests.detail", {"application_id": self.application_id})
        )
        self.back_button.hide()

    def place(self, *extra) -> None:
        """Lay the screen out: messages, what was asked, the form, `extra`, the buttons."""
        for widget in (self.notice, self.failure, self.asked, self.form_box, *extra):
            self.body.addWidget(widget)
        self.body.addWidget(self.send_button)
        self.body.addWidget(self.back_button)
        self.body.addStretch()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("Back to my request"))
        app = self.application
        if app is not None and app.details_request is not None and app.details_request.note:
            self.asked.setText(
                self.tr("The ministry wrote: {note}").format(note=app.details_request.note)
            )
        else:
            self.asked.clear()

    @property
    def application(self):
        return self.request.application if self.request is not None else None

    def enter(self, params: dict) -> None:
        self.clear_messages()
        application_id = params.get("application_id", "")
        if application_id != self.application_id or self.done:
            self.wipe()
            self.application_id = application_id
        if self.signed_in() and self.application_id:
            self.work(
                model.load_request,
                self.ctx,
                self.account_id(),
                self.application_id,
                on_result=self._on_loaded,
            )

    def reset(self) -> None:
        super().reset()
        self.application_id = ""
        self.request = None
        self.done = False
        self.send_button.show()
        self.back_button.hide()
        self.form_box.show()

    def _on_loaded(self, request: model.Request) -> None:
        if self.failed(request.outcome):
            return
        self.request = request
        self.build_form(request)
        app = request.application
        if app.status != "details_requested" or app.details_request is None:
            self.show_error(self.tr("The ministry is not asking for anything on this request now."))
        self.refresh_texts()

    def build_form(self, request: model.Request) -> None:
        """Show the form for this request (the subclass's fields)."""

    def saved(self, message: str) -> None:
        """Sealing returned: say so, and offer the way back."""
        self.done = True
        self.form_box.hide()
        self.send_button.hide()
        self.back_button.show()
        self.show_notice(message)

    def _on_send(self) -> None:
        """The subclass checks and seals."""


class EditRequestScreen(AnswerScreen):
    """Only the fields the ministry asked to correct, each with its current value."""

    name = "requests.edit"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.rows: dict[str, FieldRow] = {}
        self.place()

    def title(self) -> str:
        return self.tr("Edit request")

    def retranslate(self) -> None:
        super().retranslate()
        self.send_button.setText(self.tr("Save and send"))
        service = self.request.service if self.request else None
        for path, row in self.rows.items():
            row.label.setText(self.texts.field(path, service, self.ctx.lang))

    def reset(self) -> None:
        super().reset()
        clear_layout(self.form)
        self.rows = {}

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {"application_id": "APP-000001"})]

    def build_form(self, request: model.Request) -> None:
        clear_layout(self.form)
        self.rows = {}
        app = request.application
        asked = app.details_request.fields if app.details_request else ()
        for path in asked:
            leaf = model.split_path(path)[-1]
            row = FieldRow(leaf)
            row.edit.setObjectName("field_" + path)
            value = model.value_at(app.data, path)
            row.edit.setText("" if value is None else str(value))
            self.rows[path] = row
            self.form.addWidget(row)

    def values(self) -> dict:
        """The typed values by path, normalised, as the request's types (numbers stay numbers);
        problems are shown under their field, and then the result is None."""
        app = self.application
        values, ok = {}, True
        for path, row in self.rows.items():
            leaf = model.split_path(path)[-1]
            text = account_fields.normalise(leaf, row.value)
            problem = account_fields.check(leaf, text) if leaf != "password" else None
            if problem is not None:
                row.show_error(problem.message.get(self.ctx.lang))
                ok = False
                continue
            values[path] = model.typed_like(model.value_at(app.data, path), text)
        return values if ok else None

    def _on_send(self) -> None:
        self.clear_messages()
        if self.application is None or not self.rows:
            return
        values = self.values()
        if values is None:
            return
        self.work(
            model.seal_edit,
            self.ctx,
            self.account_id(),
            self.application_id,
            values,
            on_result=self._on_sealed,
            button=self.send_button,
        )

    def _on_sealed(self, _sealed) -> None:
        self.saved(
            self.tr(
                "Your corrections are saved on this kiosk and are being sent to the ministry. "
                "If the connection is down, they are sent as soon as it returns."
            )
        )


@dataclass(frozen=True)
class Attachment:
    """A document page or file to send with the details (the user's: memory only)."""

    document_type: str
    content_type: str  # image/jpeg | image/png | application/pdf
    data: bytes
    source: str  # "camera" or the file's name

    def __repr__(self) -> str:  # the bytes are the user's document: never in a log line
        return f"Attachment({self.document_type}, {self.content_type}, {len(self.data)} B)"


class AddDetailsScreen(AnswerScreen):
    """A note and documents for the ministry."""

    name = "requests.add"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.attachments: list[Attachment] = []
        self.document_type = ADDITIONAL_DOCUMENT
        self.chosen = False  # whether the user (or the scan's return) chose the document type
        self.note_label = paragraph("fieldLabel")
        self.note = QPlainTextEdit()
        self.note.setObjectName("detailsNote")
        self.note.setMinimumHeight(140)
        self.type_label = paragraph("fieldLabel")
        self.type_row = QHBoxLayout()
        self.type_group = QButtonGroup(self)
        self.type_buttons: dict[str, QPushButton] = {}
        self.photo_button = QPushButton()
        self.photo_button.clicked.connect(self._on_photograph)
        self.file_button = QPushButton()
        self.file_button.clicked.connect(self._on_files)
        add_row = QHBoxLayout()
        add_row.addWidget(self.photo_button)
        add_row.addWidget(self.file_button)
        self.files_title = paragraph("fieldLabel")
        self.files = QVBoxLayout()
        for widget in (self.note_label, self.note, self.type_label):
            self.form.addWidget(widget)
        self.form.addLayout(self.type_row)
        self.form.addLayout(add_row)
        self.form.addWidget(self.files_title)
        self.form.addLayout(self.files)
        self.place()

    def title(self) -> str:
        return self.tr("Add details")

    def retranslate(self) -> None:
        super().retranslate()
        self.note_label.setText(self.tr("Your message to the ministry (optional)"))
        self.type_label.setText(self.tr("Which document are you adding?"))
        self.photo_button.setText(self.tr("Photograph a document"))
        self.file_button.setText(self.tr("A file from a USB stick"))
        self.send_button.setText(self.tr("Send to the ministry"))
        self.files_title.setText(
            self.tr("Documents added: {n}").format(n=len(self.attachments))
            if self.attachments
            else self.tr("No document added yet.")
        )
        service = self.request.service if self.request else None
        for document_type, button in self.type_buttons.items():
            button.setText(self.texts.document(document_type, service, self.ctx.lang))
        self._show_attachments()

    def enter(self, params: dict) -> None:
        super().enter(params)
        scan = params.get("scan")
        if params.get("document_type") and not self.done:
            self.document_type, self.chosen = params["document_type"], True
        if scan and scan.get("mode") == "document" and not self.done:
            for page in scan.get("pages", []):
                self.add(Attachment(self.document_type, "image/jpeg", page.jpeg, "camera"))
        file = params.get("file")
        if file and not self.done:
            self.add(
                Attachment(self.document_type, file["content_type"], file["data"], file["name"])
            )

    def reset(self) -> None:
        super().reset()
        self.attachments = []
        self.document_type = ADDITIONAL_DOCUMENT
        self.chosen = False
        self._set_types(())

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("", {"application_id": "APP-000001"})]

    def build_form(self, request: model.Request) -> None:
        app = request.application
        asked = app.details_request.documents if app.details_request else ()
        self._set_types(asked)

    def _set_types(self, asked) -> None:
        for button in self.type_buttons.values():
            self.type_group.removeButton(button)
        clear_layout(self.type_row)
        self.type_buttons = {}
        for document_type in (*asked, ADDITIONAL_DOCUMENT):
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName("languageChoice")  # the theme's checked look for a choice
            button.clicked.connect(lambda _=False, d=document_type: self._choose(d))
            self.type_group.addButton(button)
            self.type_buttons[document_type] = button
            self.type_row.addWidget(button)
        if not self.chosen or self.document_type not in self.type_buttons:
            self.document_type = asked[0] if asked else ADDITIONAL_DOCUMENT
        self.type_buttons[self.document_type].setChecked(True)
        self.type_label.setVisible(bool(asked))
        for button in self.type_buttons.values():
            button.setVisible(bool(asked))

    def _choose(self, document_type: str) -> None:
        self.document_type, self.chosen = document_type, True

    def add(self, attachment: Attachment) -> None:
        self.attachments.append(attachment)
        self.retranslate()

    def _show_attachments(self) -> None:
        clear_layout(self.files)
        service = self.request.service if self.request else None
        for index, attachment in enumerate(self.attachments):
            row = QHBoxLayout()
            label = paragraph()
            source = self.tr("photo") if attachment.source == "camera" else attachment.source
            name = self.texts.document(attachment.document_type, service, self.ctx.lang)
            size = max(1, len(attachment.data) // 1024)
            label.setText(f"{index + 1}. {name}  ·  {source}  ·  {size} KB")
            remove = QPushButton(self.tr("Remove"))
            remove.clicked.connect(lambda _=False, i=index: self._remove(i))
            row.addWidget(label, 1)
            row.addWidget(remove)
            self.files.addLayout(row)

    def _remove(self, index: int) -> None:
        if 0 <= index < len(self.attachments):
            del self.attachments[index]
            self.retranslate()

    def _on_photograph(self) -> None:
        self._fetch_document("scan", mode="document")

    def _on_files(self) -> None:
        self._fetch_document("requests.files")

    def _fetch_document(self, screen: str, **params) -> None:
        """Open the screen that brings a document back here, for the chosen document type."""
        if not self.application_id:
            return
        back = {"application_id": self.application_id, "document_type": self.document_type}
        self.sig_go.emit(screen, {**params, "return_to": self.name, "return_params": back})

    def _on_send(self) -> None:
        self.clear_messages()
        if self.application is None:
            return
        note = to_western_digits(self.note.toPlainText()).strip()
        if not note and not self.attachments:
            self.show_error(self.tr("Write a message or add a document first."))
            return
        if len(note) > MAX_NOTE:
            self.show_error(
                self.tr("The message is too long: at most {n} characters.").format(n=MAX_NOTE)
            )
            return
        self.work(
            model.seal_details,
            self.ctx,
            self.account_id(),
            self.application_id,
            note,
            list(self.attachments),
            on_result=self._on_sealed,
            button=self.send_button,
        )

    def _on_sealed(self, _sealed) -> None:
        self.attachments = []
        self.saved(
            self.tr(
                "Your details are saved on this kiosk and are being sent to the ministry. "
                "If the connection is down, they are sent as soon as it returns."
            )
        )
