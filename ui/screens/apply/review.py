"""Step 7: everything on one screen, the fee with its breakdown and the expected date, the rules'
verdict (every problem, each with a button to the step that fixes it), and "send".

Send stays disabled while a problem remains. Pressing it seals the request into the outbox in a
worker (ui/screens/apply/sending.py); only when that returns does the screen say "saved". The
flow is then emptied at once (the same request can never be sent twice), the delivery worker
is woken, and for a few seconds the screen waits for the ministry's number before showing the
receipt screen — with the local reference when the connection is down. A full disk at sealing
is said clearly and the draft stays, to be sent from another kiosk or later.
"""

from __future__ import annotations

import copy
import logging

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.domain import fees, personal_number, rules
from kiosk.domain.catalog import TBC
from kiosk.domain.model import Draft, Priority
from kiosk.errors import KioskError, Problem
from kiosk.texts import Bilingual
from ui.screens.apply.base import WizardScreen, button_row, primary
from ui.screens.apply.beneficiaries import RelationNames
from ui.screens.apply.flow import screen_for_problem
from ui.screens.apply.sending import SealedRequest, seal, wait_for_delivery
from ui.screens.apply.widgets import paragraphs
from ui.widgets.common import clear_layout, ltr, paragraph

log = logging.getLogger(__name__)

SEAL_FAILED = Bilingual(
    "تعذّر حفظ الطلب على هذا الجهاز، ولم يُرسل. طلبك محفوظ كمسودة: حاول مرة أخرى أو راجع الموظف.",
    "The request could not be saved on this kiosk and was not sent. Your draft is kept: try "
    "again or ask staff.",
)


class ReviewScreen(WizardScreen):
    """The whole request, its fee and the rules' verdict; see the module docstring."""

    name = "apply.review"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.relations = RelationNames(self)
        self.problems: list[Problem] = []
        self.quote: fees.FeeQuote | None = None
        self.quote_error: Bilingual | None = None
        self.state = "review"  # review | sealing | waiting
        self.failure: Bilingual | None = None
        self._sending: tuple[Draft, fees.FeeQuote] | None = None

        self.summary = QFrame()
        self.summary.setObjectName("card")
        summary = QVBoxLayout(self.summary)
        summary.setContentsMargins(32, 24, 32, 24)
        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("request", "applicant", "beneficiaries", "documents", "fee"):
            heading = QLabel()
            heading.setObjectName("cardTitle")
            text = paragraph()
            text.setObjectName(f"review_{key}")
            summary.addWidget(heading)
            summary.addWidget(text)
            self.sections[key] = (heading, text)

        self.verdict_title = QLabel()
        self.verdict_title.setObjectName("cardTitle")
        self.verdict_ok = paragraph("hint")
        self.problem_layout = QVBoxLayout()
        self.problem_rows: list[tuple[QLabel, QPushButton]] = []
        self.status = paragraph("hint")
        self.error = paragraph("error")
        self.send_button = primary(self._on_send)
        self.send_button.setMinimumSize(320, 80)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.verdict_title)
        self.body.addWidget(self.verdict_ok)
        self.body.addLayout(self.problem_layout)
        self.body.addWidget(self.error)
        self.body.addWidget(self.status)
        self.body.addLayout(button_row(self.send_button))
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Check and send")

    def show_step(self, params: dict) -> None:
        self.state = "review"
        self.failure = None
        self._evaluate()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [
            ("ready", {"sample": "family"}),
            ("problems", {"sample": "family_problems"}),
        ]

    def reset(self) -> None:
        super().reset()
        self.problems = []
        self.quote = None
        self.quote_error = None
        self.state = "review"
        self.failure = None
        self._sending = None
        self._set_problem_rows()

    # --- the verdict --------------------------------------------------------------------------
    def _evaluate(self) -> None:
        draft = self.flow.draft
        self.problems = rules.evaluate(draft, self.catalog, self.today(), self.ctx.config)
        self.quote, self.quote_error = None, None
        try:
            self.quote = fees.quote(
                self.service,
                draft.priority,
                draft.persons,
                self.today(),
                holidays=self.ctx.config.calendar.holidays,
                extra=draft.extra,
            )
        except KioskError as e:
            self.quote_error = e.message
        self._set_problem_rows()
        self.refresh_texts()

    def _set_problem_rows(self) -> None:
        self.problem_rows = []
        clear_layout(self.problem_layout)
        for problem in self.problems:
            frame = QFrame()
            frame.setObjectName("card")
            row = QHBoxLayout(frame)
            row.setContentsMargins(24, 12, 24, 12)
            label = paragraph("error")
            button = QPushButton()
            button.setMinimumSize(180, 64)
            button.clicked.connect(lambda _=False, p=problem: self._on_fix(p))
            row.addWidget(label, 1)
            row.addWidget(button)
            self.problem_layout.addWidget(frame)
            self.problem_rows.append((label, button))

    def _on_fix(self, problem: Problem) -> None:
        name, params = screen_for_problem(problem)
        self.flow.editing = None
        self.sig_go.emit(name, params)

    # --- texts --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        headings = {
            "request": self.tr("The request"),
            "applicant": self.tr("The applicant"),
            "beneficiaries": self.tr("Beneficiaries"),
            "documents": self.tr("Documents"),
            "fee": self.tr("Fee and expected date"),
        }
        texts = self._section_texts() if self.catalog is not None and self.service else {}
        for key, (heading, text) in self.sections.items():
            heading.setText(headings[key])
            text.setText(texts.get(key, ""))
        self.verdict_title.setText(self.tr("Check"))
        self.verdict_ok.setText(
            self.tr("Everything is in order. You can send the request.")
            if not self.problems
            else self.tr("Fix these before sending:")
        )
        for (label, button), problem in zip(self.problem_rows, self.problems, strict=False):
            label.setText(problem.message.get(self.lang))
            button.setText(self.tr("Fix"))
        statuses = {
            "review": "",
            "sealing": self.tr("Saving your request…"),
            "waiting": self.tr("Your request is saved. Sending it to the ministry…"),
        }
        self.status.setText(statuses[self.state])
        self.status.setVisible(self.state != "review")
        self.error.setText(self.failure.get(self.lang) if self.failure else "")
        self.error.setVisible(self.failure is not None)
        self.send_button.setText(self.tr("Send the request"))
        self.send_button.setEnabled(
            self.state == "review" and not self.problems and self.quote is not None
        )

    def _section_texts(self) -> dict[str, str]:
        lang = self.lang
        draft = self.flow.draft
        service = self.service
        lines = [service.name.get(lang)]
        lines.append(
            self.tr("Importance: {priority}").format(
                priority=self.tr("Urgent")
                if draft.priority is Priority.URGENT
                else self.tr("Normal")
            )
        )
        for spec in service.fields:
            value = draft.extra.get(spec.id, spec.default)
            if value is None or value == "":
                continue
            if spec.type == "bool":
                shown = self.tr("Yes") if value else self.tr("No")
            elif spec.type == "choice" and spec.choice(value):
                shown = spec.choice(value).label.get(lang)
            else:
                shown = str(value)
            lines.append(f"{spec.label.get(lang)}: {shown}")
        a = draft.applicant
        applicant = [a.name or "—"]
        if a.nationality:
            applicant.append(self.tr("Nationality: {code}").format(code=ltr(a.nationality)))
        if a.personal_number:
            applicant.append(
                self.tr("Personal number: {number}").format(number=ltr(a.personal_number))
            )
        if a.national_number:
            applicant.append(
                self.tr("National number: {number}").format(number=ltr(a.national_number))
            )
        if a.annual_residence_expiry:
            applicant.append(
                self.tr("Annual residence valid until {date}").format(
                    date=ltr(a.annual_residence_expiry.isoformat())
                )
            )
        relations = self.relations.names()
        people = []
        for n, b in enumerate(draft.beneficiaries, start=1):
            parts = [f"{n}. {b.name or '—'}", relations[b.relation.value]]
            if b.passport_number:
                parts.append(
                    self.tr("passport {number}, valid until {date}").format(
                        number=ltr(b.passport_number),
                        date=ltr(b.passport_expiry.isoformat()) if b.passport_expiry else "—",
                    )
                )
            if b.birth_date:
                parts.append(self.tr("born {date}").format(date=ltr(b.birth_date.isoformat())))
            people.append(" · ".join(parts))
            for c in b.companions:
                people.append(
                    "    "
                    + self.tr("Companion: {name}, born {date}").format(
                        name=c.name or "—",
                        date=ltr(c.birth_date.isoformat()) if c.birth_date else "—",
                    )
                )
        documents = []
        for document, index in rules.required_documents(draft, service, self.today()):
            attachment = draft.attachment(document.id, index)
            pages = len(attachment.pages) if attachment else 0
            whose = "" if index is None else self.tr(" (beneficiary {n})").format(n=index + 1)
            state = (
                self.tr("missing")
                if not pages
                else self.tr("1 page")
                if pages == 1
                else self.tr("{n} pages").format(n=pages)
            )
            documents.append(f"{document.name.get(lang)}{whose}: {state}")
        return {
            "request": paragraphs(lines, lang),
            "applicant": paragraphs(applicant, lang),
            "beneficiaries": paragraphs(people, lang) or self.tr("No one added yet."),
            "documents": paragraphs(documents, lang),
            "fee": self._fee_text(),
        }

    def _fee_text(self) -> str:
        if self.quote is None:
            return self.quote_error.get(self.lang) if self.quote_error else ""
        lang = self.lang
        currency = self.tr("JOD")
        tbc = f" ({TBC.get(lang)})"
        q = self.quote
        lines = [
            self.tr("Fee: {amount} {currency}").format(amount=fees.jod(q.amount), currency=currency)
        ]
        lines += [
            f"• {line.label.get(lang)} = {fees.jod(line.amount)} {currency}"
            + ("" if line.confirmed else tbc)
            for line in q.lines
        ]
        lines.append(
            self.tr("Expected completion: by {date} ({days} working days)").format(
                date=ltr(q.expected_date.isoformat()), days=q.working_days
            )
            + ("" if q.dates_confirmed else tbc)
        )
        lines += [n.get(lang) + ("" if n.confirmed else tbc) for n in q.notes]
        return paragraphs(lines, lang)

    # --- sending ------------------------------------------------------------------------------
    def _on_send(self) -> None:
        user = self.ctx.session.user
        if self.state != "review" or self.problems or self.quote is None or user is None:
            return
        self._evaluate()  # the date may have moved on since the screen was opened
        if self.problems or self.quote is None:
            return
        self.state = "sealing"
        self.failure = None
        self.refresh_texts()
        draft = copy.deepcopy(self.flow.draft)
        self._sending = (draft, self.quote)
        self.ctx.tasks.run(
            seal,
            self.ctx,
            user.account_id,
            draft,
            dict(self.flow.pages),
            self.keeper,
            self.flow.version,
            on_result=self._on_sealed,
            on_error=self._on_seal_failed,
        )

    def _on_seal_failed(self, error: Exception) -> None:
        self.state = "review"
        if isinstance(error, KioskError):
            log.warning("sealing failed: %s", error.code)
            self.failure = error.message
        else:
            self.failure = SEAL_FAILED
        self._sending = None
        if isinstance(error, KioskError) and error.code == "outbox.already_sealed":
            # This very draft is in the outbox already (it came back after a crash): done.
            self.keeper.forget(self.flow.account_id)
            self.flow.clear()
        else:
            self.keeper.flush()  # the draft stays, saved
        self.refresh_texts()

    def _on_sealed(self, sealed: SealedRequest) -> None:
        # Saved: the request is in the outbox. It must never be sent again from this flow.
        self.flow.clear()
        self.state = "waiting"
        self.refresh_texts()
        self.ctx.tasks.run(
            wait_for_delivery,
            self.ctx,
            sealed,
            on_result=lambda remote_id: self._on_waited(sealed, remote_id),
            on_error=lambda _e: self._on_waited(sealed, None),
        )

    def _on_waited(self, sealed: SealedRequest, remote_id: str | None) -> None:
        if self._sending is None:
            return  # the session ended meanwhile: the request is safe in the outbox
        draft, quote = self._sending
        self._sending = None
        self.state = "review"
        service_name = self.catalog.find(draft.service_id).name
        receipt = receipt_data(draft, quote, service_name, sealed, remote_id, self.ctx)
        self.sig_go.emit(
            "apply.sent",
            {
                "reference": remote_id or sealed.reference,
                "delivered": remote_id is not None,
                "receipt": receipt,
            },
        )


def receipt_data(
    draft: Draft,
    quote: fees.FeeQuote,
    service_name: Bilingual,
    sealed: SealedRequest,
    remote_id: str | None,
    ctx,
) -> dict:
    """The application receipt's data (kiosk.receipts "application") for this request."""
    applicant = {"name": draft.applicant.name}
    if personal_number.is_valid(draft.applicant.personal_number):
        applicant["personal_number"] = personal_number.normalise(draft.applicant.personal_number)
    created = sealed.sealed_at.astimezone().replace(tzinfo=None, microsecond=0)
    return {
        "request_number": remote_id or sealed.reference,
        "service": service_name.to_dict(),
        "applicant": applicant,
        "beneficiaries": draft.persons,
        "priority": draft.priority.value,
        "fee_jod": fees.jod(quote.amount),
        "expected_completion": quote.expected_date.isoformat(),
        "station": ctx.config.kiosk.receipt_station,
        "created_at": created.isoformat(timespec="seconds"),
        "delivery": "received" if remote_id else "saved_offline",
    }
