"""Help: what the kiosk can do and how to use it, in the user's language."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ui.screens.base import Screen
from ui.widgets.common import paragraph


class HelpScreen(Screen):
    """What the kiosk does, step by step, and what to bring."""

    name = "help"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.sections: list[tuple[QLabel, QLabel]] = []
        for _ in range(6):
            card = QFrame()
            card.setObjectName("card")
            heading = QLabel(wordWrap=True)
            heading.setObjectName("cardTitle")
            text = paragraph()
            inner = QVBoxLayout(card)
            inner.setContentsMargins(24, 16, 24, 16)
            inner.addWidget(heading)
            inner.addWidget(text)
            self.body.addWidget(card)
            self.sections.append((heading, text))
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Help: using the e-services kiosk")

    def retranslate(self) -> None:
        texts = [
            (
                self.tr("What you can do here"),
                self.tr(
                    "Create an electronic account, apply for the Ministry of Interior's "
                    "e-services (visas, residence permits, naturalization, deportation "
                    "cancellation, marriage-contract procedures, emergency travel documents, "
                    "bridge cards and more), follow your requests, answer the ministry when it "
                    "asks for more details, and print receipts, payment slips and approval "
                    "notices."
                ),
            ),
            (
                self.tr("How to apply"),
                self.tr(
                    'Log in, choose "new request", pick the category and type of the service, '
                    "enter the general data, the applicant and the beneficiaries, attach the "
                    "required documents, choose normal or urgent, check the fee and send."
                ),
            ),
            (
                self.tr("Scanning passports and documents"),
                self.tr(
                    "Hold the passport page with the personal-number barcode under the camera; "
                    "the number fills in by itself. Hold each document flat and still under the "
                    "camera; the kiosk tells you when to move closer or avoid glare. You can "
                    "always type instead."
                ),
            ),
            (
                self.tr("Fees and payment"),
                self.tr(
                    "A normal request costs 2 JOD per person and takes 1 to 14 working days. An "
                    "urgent request is done within 5 working days and costs from 100 JOD. Pay "
                    "with the eFAWATEERcom bill number in any bank app, at a bank or an exchange "
                    "office, or by card."
                ),
            ),
            (
                self.tr("Your privacy"),
                self.tr(
                    'This kiosk is shared. When you finish, press "Cancel" and log out. If '
                    "nobody touches the screen for a while, the kiosk asks whether you need more "
                    "time, then clears everything you entered."
                ),
            ),
            (
                self.tr("Keyboard and language"),
                self.tr(
                    "Touch a field and the keyboard opens at the bottom of the screen; the globe "
                    "key switches between Arabic and English letters. The language button at the "
                    "top switches the whole kiosk between العربية and English."
                ),
            ),
        ]
        for (heading, text), (title, body) in zip(self.sections, texts, strict=True):
            heading.setText(title)
            text.setText(body)
