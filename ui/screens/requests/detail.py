"""One request: its status, what the ministry asks for, its bills, its decision and timeline.

Opened with {"application_id": "APP-…"} (and optionally "notice": a message to show on top, when
coming back from answering). It loads each time it is shown, and on "refresh". The actions
follow the status: details requested → exactly what was asked, "edit request" and "add
details"; a bill → its eFAWATEERcom number, amount and due date, and its payment slip; approved →
the approval notice; rejected → the reason.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from ui.screens.requests import model
from ui.screens.requests.common import RequestsBase
from ui.screens.requests.texts import when
from ui.widgets.common import card, clear_layout, ltr, paragraph

# Statuses whose note is written to the applicant (what is asked, why it was rejected).
ADDRESSED = ("details_requested", "rejected")


class RequestDetailScreen(RequestsBase):
    """A request's page; see the module docstring."""

    name = "requests.detail"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.application_id = ""
        self.request: model.Request | None = None

        self.loading = paragraph("hint")
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(self.loading, 1)
        top.addWidget(self.refresh_button)

        self.summary, summary = card()
        self.service_label = paragraph("cardTitle")
        self.summary_text = paragraph()
        summary.addWidget(self.service_label)
        summary.addWidget(self.summary_text)

        # Answers sealed on this kiosk and not delivered yet.
        self.local_box, self.local_layout = card()

        # What the ministry asks for.
        self.asked_box, asked = card()
        self.asked_title = paragraph("cardTitle")
        self.asked_note = paragraph()
        self.asked_note.setObjectName("askedNote")
        self.asked_fields = paragraph()
        self.asked_documents = paragraph()
        self.edit_button = QPushButton(objectName="primary")
        self.edit_button.clicked.connect(lambda: self._go_answer("requests.edit"))
        self.add_button = QPushButton(objectName="primary")
        self.add_button.clicked.connect(lambda: self._go_answer("requests.add"))
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.edit_button)
        answer_row.addWidget(self.add_button)
        for widget in (self.asked_title, self.asked_note, self.asked_fields, self.asked_documents):
            asked.addWidget(widget)
        asked.addLayout(answer_row)

        # The decision.
        self.decision_box, decision = card()
        self.decision_title = paragraph("cardTitle")
        self.decision_text = paragraph()
        self.approval_button = QPushButton(objectName="primary")
        self.approval_button.clicked.connect(self._on_print_approval)
        for widget in (self.decision_title, self.decision_text, self.approval_button):
            decision.addWidget(widget)

        # Bills, one card each.
        self.bills_title = paragraph("cardTitle")
        self.bills = QVBoxLayout()
        self.slip_buttons: dict[str, QPushButton] = {}

        self.timeline_title = paragraph("cardTitle")
        self.timeline = paragraph()
        self.timeline.setObjectName("timeline")

        self.body.addLayout(top)
        for widget in (
            self.notice,
            self.failure,
            self.summary,
            self.local_box,
            self.asked_box,
            self.decision_box,
            self.bills_title,
        ):
            self.body.addWidget(widget)
        self.body.addLayout(self.bills)
        self.body.addWidget(self.timeline_title)
        self.body.addWidget(self.timeline)
        self.body.addStretch()
        self._show()

    def title(self) -> str:
        return self.tr("My request")

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self.asked_title.setText(self.tr("The ministry asks you for more details"))
        self.edit_button.setText(self.tr("Edit request"))
        self.add_button.setText(self.tr("Add details"))
        self.approval_button.setText(self.tr("Print the approval notice"))
        self.bills_title.setText(self.tr("Payment"))
        self.timeline_title.setText(self.tr("What happened so far"))
        self._show()

    def enter(self, params: dict) -> None:
        self.clear_messages()
        if params.get("application_id") != self.application_id:
            self.reset()
            self.application_id = params.get("application_id", "")
        if params.get("notice"):
            self.show_notice(params["notice"])
        if self.signed_in() and self.application_id:
            self.load()

    def reset(self) -> None:
        super().reset()
        self.application_id = ""
        self.request = None
        self.loading.clear()
        self._show()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        # The demo sandbox's requests (installer/screenshots.py): one asked for more details,
        # one approved and paid.
        return [
            ("asked", {"application_id": "APP-000001"}),
            ("approved", {"application_id": "APP-000002"}),
        ]

    def load(self) -> None:
        account_id = self.account_id()
        if account_id is None or not self.application_id:
            return
        self.loading.setText(self.tr("Loading…"))
        self.work(
            model.load_request,
            self.ctx,
            account_id,
            self.application_id,
            on_result=self._on_loaded,
            button=self.refresh_button,
        )

    def _on_loaded(self, request: model.Request) -> None:
        self.loading.clear()
        if self.failed(request.outcome):
            return
        self.failure.hide()
        self.request = request
        if request.local_problem is not None:
            self.show_error(request.local_problem.get(self.ctx.lang))
        self._show()

    # ---- showing -------------------------------------------------------------------------

    @property
    def application(self):
        return self.request.application if self.request is not None else None

    def _show(self) -> None:
        app = self.application
        for box in (self.summary, self.local_box, self.asked_box, self.decision_box):
            box.setVisible(app is not None)
        self.bills_title.setVisible(app is not None and bool(app.bills))
        self.timeline_title.setVisible(app is not None)
        self.timeline.setVisible(app is not None)
        clear_layout(self.bills)
        self.slip_buttons = {}
        if app is None:
            for label in (
                self.service_label,
                self.summary_text,
                self.timeline,
                self.asked_note,
                self.asked_fields,
                self.asked_documents,
                self.decision_title,
                self.decision_text,
            ):
                label.clear()
            clear_layout(self.local_layout)
            return
        lang = self.ctx.lang
        service = self.request.service
        self.service_label.setText(service.name.get(lang) if service else app.service_id)
        status = self.texts.status(model.shown_status(app))
        number = self.tr("Request number: {number}").format(number=app.application_id)
        priority = self.tr("Priority: {priority}").format(
            priority=self.texts.priority(app.priority)
        )
        self.summary_text.setText(
            f"{number}    {priority}\n" + self.tr("Status: {status}").format(status=status)
        )
        self._show_local()
        self._show_asked(app, service)
        self._show_decision(app)
        for bill in app.bills:
            self.bills.addWidget(self._bill_card(bill))
        # The timeline is the status changes; the officer's words to the applicant are on the
        # changes that ask or decide (other records are the ministry's own).
        changes = [
            s for i, s in enumerate(app.history) if i == 0 or s.status != app.history[i - 1].status
        ]
        steps = [
            (when(s.at), self.texts.status(s.status), s.note if s.status in ADDRESSED else "")
            for s in reversed(changes)
        ]
        self.timeline.setText("\n".join("  ·  ".join(p for p in step if p) for step in steps))

    def _show_local(self) -> None:
        clear_layout(self.local_layout)
        items = self.request.local if self.request else []
        self.local_box.setVisible(bool(items))
        for item in items:
            label = paragraph("error" if item.state == "needs_attention" else "hint")
            lines = [
                f"{self.texts.local_kind(item.kind)}: {self.texts.local_state(item.state)}",
                self.tr("Saved at {time}").format(time=when(item.sealed_at)),
            ]
            if item.problem is not None:
                lines.insert(1, item.problem.message.get(self.ctx.lang))
            label.setText("\n".join(lines))
            self.local_layout.addWidget(label)

    def _show_asked(self, app, service) -> None:
        request = app.details_request
        asking = app.status == "details_requested" and request is not None
        self.asked_box.setVisible(asking)
        if not asking:
            return
        lang = self.ctx.lang
        self.asked_note.setText(request.note)
        self.asked_note.setVisible(bool(request.note))
        done = set(request.fields_edited)
        fields = [
            ("✓ " if path in done else "• ") + self.texts.field(path, service, lang)
            for path in request.fields
        ]
        self.asked_fields.setText(
            "\n".join([self.tr("Details to correct:"), *fields]) if fields else ""
        )
        self.asked_fields.setVisible(bool(fields))
        documents = [
            ("✓ " if request.documents_provided else "• ") + self.texts.document(d, service, lang)
            for d in request.documents
        ]
        self.asked_documents.setText(
            "\n".join([self.tr("Documents to add:"), *documents]) if documents else ""
        )
        self.asked_documents.setVisible(bool(documents))
        self.edit_button.setVisible(bool(request.fields))

    def _show_decision(self, app) -> None:
        if app.status == "approved" and app.approval is not None:
            self.decision_title.setText(self.tr("Your request is approved"))
            self.decision_text.setText(
                self.tr(
                    "Approved on {date}. The approval can be used until {until} "
                    "(6 months from the approval date)."
                ).format(date=ltr(app.approval.approval_date), until=ltr(app.approval.valid_until))
            )
            self.approval_button.show()
            self.decision_box.show()
        elif app.status == "rejected":
            self.decision_title.setText(self.tr("Your request was rejected"))
            self.decision_text.setText(
                self.tr("The ministry's reason: {reason}").format(
                    reason=app.rejection_reason or "—"
                )
            )
            self.approval_button.hide()
            self.decision_box.show()
        else:
            self.decision_box.hide()

    def _bill_card(self, bill):
        frame, layout = card()
        lines = [
            self.tr("eFAWATEERcom billing number: {number}").format(number=bill.billing_no),
            self.tr("Amount: {amount} JOD").format(amount=bill.amount),
            self.tr("Due date: {date}").format(date=ltr(bill.due_date)),
            self.tr("Paid on {date}").format(date=when(bill.paid_at))
            if bill.paid
            else self.tr("Not paid yet"),
        ]
        heading = paragraph("cardTitle")
        heading.setText(bill.description.get(self.ctx.lang))
        text = QLabel("\n".join(lines))
        text.setObjectName("billPaid" if bill.paid else "billDue")
        text.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(text)
        if not bill.paid:
            button = QPushButton(self.tr("Print the payment slip"), objectName="primary")
            button.clicked.connect(lambda _=False, b=bill: self._on_print_slip(b))
            self.slip_buttons[bill.billing_no] = button
            layout.addWidget(button)
        return frame

    # ---- actions -------------------------------------------------------------------------

    def _go_answer(self, target: str) -> None:
        if self.application is not None:
            self.sig_go.emit(target, {"application_id": self.application_id})

    def _on_print_slip(self, bill) -> None:
        app = self.application
        if app is None:
            return
        service = self.request.service
        name = service.name if service is not None else bill.description
        data = model.payment_slip(app, bill, name, self.ctx.config.kiosk.receipt_station)
        self.sig_go.emit("printing.preview", {"kind": "payment", "data": data})

    def _on_print_approval(self) -> None:
        if self.application is None:
            return
        self.clear_messages()
        self.work(
            model.approval_notice,
            self.ctx,
            self.application_id,
            self.ctx.config.kiosk.receipt_station,
            on_result=self._on_notice,
            button=self.approval_button,
        )

    def _on_notice(self, outcome) -> None:
        if self.failed(outcome):
            return
        self.sig_go.emit("printing.preview", {"kind": "approval", "data": outcome.value})
