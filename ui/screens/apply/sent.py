"""Step 8: the request is saved. Its number (the ministry's, or the kiosk's local reference with
"it will be sent when the connection returns"), the receipt to print, "my requests".

Opened by the review with `{"reference", "delivered", "receipt"}` (the receipt's data for
kiosk.receipts "application"). There is no way back to the review: the request is sealed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from ui.screens.apply.base import WizardScreen, button_row, plain, primary
from ui.widgets.common import paragraph


class SentScreen(WizardScreen):
    """ "Saved": the reference, the delivery state, print the receipt, my requests."""

    name = "apply.sent"
    needs_service = False
    has_back = False

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.reference = ""
        self.delivered = False
        self.receipt: dict | None = None
        self.card = QFrame()
        self.card.setObjectName("card")
        card = QVBoxLayout(self.card)
        card.setContentsMargins(32, 24, 32, 24)
        self.saved = QLabel()
        self.saved.setObjectName("cardTitle")
        self.number_label = paragraph("fieldLabel")
        self.number = QLabel()
        self.number.setObjectName("requestNumber")
        self.number.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.delivery = paragraph()
        self.delivery.setObjectName("deliveryState")
        for widget in (self.saved, self.number_label, self.number, self.delivery):
            card.addWidget(widget)
        self.print_button = primary(self._on_print)
        self.requests_button = plain(self._on_requests, 260)
        self.done_button = plain(self._on_done, 260)
        self.body.addWidget(self.card)
        self.body.addLayout(button_row(self.done_button, self.requests_button, self.print_button))
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Request saved")

    def retranslate(self) -> None:
        self.saved.setText(self.tr("Your request is saved."))
        self.number_label.setText(
            self.tr("Request number") if self.delivered else self.tr("Reference on this kiosk")
        )
        self.number.setText(self.reference)
        self.delivery.setText(
            self.tr("The ministry has received it. You will be told when its status changes.")
            if self.delivered
            else self.tr(
                "It will be sent to the ministry when the connection returns. Keep the receipt: "
                "the request appears under this reference in \u201cMy requests\u201d."
            )
        )
        self.print_button.setText(self.tr("Print the receipt"))
        self.requests_button.setText(self.tr("My requests"))
        self.done_button.setText(self.tr("Finish"))
        self.print_button.setEnabled(self.receipt is not None)

    def show_step(self, params: dict) -> None:
        self.reference = params.get("reference", "")
        self.delivered = bool(params.get("delivered"))
        self.receipt = params.get("receipt")

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [
            ("received", {"reference": "APP-000123", "delivered": True}),
            ("offline", {"reference": "KSK-3F9A2C1B", "delivered": False}),
        ]

    def reset(self) -> None:
        super().reset()
        self.reference = ""
        self.delivered = False
        self.receipt = None

    def _on_print(self) -> None:
        if self.receipt is not None:
            self.sig_go.emit("printing.preview", {"kind": "application", "data": self.receipt})

    def _on_requests(self) -> None:
        self.sig_go.emit("requests", {})

    def _on_done(self) -> None:
        self.sig_home.emit()
