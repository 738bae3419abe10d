"""The service card: description, who may apply, conditions, documents, time, fees, validity."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from kiosk.domain.catalog import TBC
from kiosk.domain.service_card import service_card
from ui.screens.catalog.store import BrowseScreen
from ui.widgets.common import paragraph


class ServiceCardScreen(BrowseScreen):
    """One service's card (`enter({"service_id": id})`), with a way to the fee calculator."""

    name = "catalog.service"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.service = None
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(32, 24, 32, 24)
        self.card_layout.setSpacing(8)
        self.fee_button = QPushButton()
        self.fee_button.setObjectName("primary")
        self.fee_button.setMinimumHeight(72)
        self.fee_button.clicked.connect(self._open_fee)
        self.body.addWidget(self.card)
        self.body.addWidget(self.fee_button)
        self.body.addStretch()
        self.section_labels: dict[str, tuple[QLabel, list[QLabel]]] = {}

    def show_catalog(self, params: dict) -> None:
        self.service = self.catalog.find(params.get("service_id", ""))
        self._build()

    def title(self) -> str:
        if self.service is None:
            return self.tr("Service")
        return self.service.name.get(self.ctx.lang)

    def retranslate(self) -> None:
        self.fee_button.setText(self.tr("Calculate the fee and the expected date"))
        self.fee_button.setVisible(self.service is not None)
        if self.service is None:
            return
        headings = self._headings()
        lang = self.ctx.lang
        for section in service_card(self.catalog, self.service):
            heading, items = self.section_labels[section.key]
            heading.setText(headings[section.key])
            for label, item in zip(items, section.items, strict=True):
                text = item.text.get(lang)
                if not item.confirmed:
                    text += f" ({TBC.get(lang)})"
                label.setText(f"• {text}" if len(items) > 1 else text)
                label.setProperty("confirmed", item.confirmed)

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [
            ("family", {"service_id": "residence.family"}),
            ("deportation", {"service_id": "deportation.cancellation"}),
        ]

    def _headings(self) -> dict[str, str]:
        return {
            "description": self.tr("Description"),
            "category": self.tr("Category"),
            "directorate": self.tr("Directorate"),
            "target_group": self.tr("Who benefits"),
            "who_may_apply": self.tr("Who may apply"),
            "conditions": self.tr("Conditions"),
            "documents": self.tr("Required documents"),
            "processing": self.tr("Processing time"),
            "fees": self.tr("Fees"),
            "approval_validity": self.tr("Approval validity"),
            "fields": self.tr("Extra information the request asks for"),
            "notes": self.tr("Notes"),
        }

    def _build(self) -> None:
        while self.card_layout.count():
            widget = self.card_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.section_labels = {}
        if self.service is None:
            return
        for section in service_card(self.catalog, self.service):
            heading = QLabel()
            heading.setObjectName("cardTitle")
            self.card_layout.addWidget(heading)
            items = []
            for _ in section.items:
                label = paragraph()
                self.card_layout.addWidget(label)
                items.append(label)
            self.section_labels[section.key] = (heading, items)

    def _open_fee(self) -> None:
        if self.service is not None:
            self.sig_go.emit("catalog.fee", {"service_id": self.service.id})
