"""Step 2: the type of request in the chosen group, with its service card before choosing."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from kiosk.domain.catalog import TBC
from kiosk.domain.service_card import HEADINGS, service_card
from ui.screens.apply.base import WizardScreen, button_row, primary
from ui.widgets.common import big_button, paragraph


class ServiceChoiceScreen(WizardScreen):
    """The services of a category (`{"category": id}`); a tap shows the card, then "apply"."""

    name = "apply.service"
    needs_service = False

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.category_id = ""
        self.selected = None  # the Service whose card is shown
        self.hint = paragraph("hint")
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(32, 24, 32, 24)
        self.card_labels: list[QLabel] = []
        self.choose_button = primary(self._on_choose)
        self.body.addWidget(self.hint)
        self.body.addLayout(self.list_layout)
        self.body.addWidget(self.card)
        self.body.addLayout(button_row(self.choose_button))
        self.body.addStretch()
        self.card.hide()
        self.choose_button.hide()

    def title(self) -> str:
        category = self.catalog.category(self.category_id) if self.catalog else None
        if category is None:
            return self.tr("Type of request")
        return self.tr("Type of request: {category}").format(category=category.name.get(self.lang))

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Tap a service to read its conditions, documents and fees."))
        self.choose_button.setText(self.tr("Request this service"))
        if self.catalog is None:
            return
        for service_id, button in self.buttons.items():
            button.setText(self.catalog.find(service_id).name.get(self.lang))
        self._show_card_texts()

    def show_step(self, params: dict) -> None:
        current = self.catalog.find(self.flow.draft.service_id)
        self.category_id = params.get("category") or (current.category if current else "")
        for button in self.buttons.values():
            self.list_layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for service in self.catalog.services_in(self.category_id):
            button = big_button("tile")
            button.setMinimumHeight(72)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, sid=service.id: self.select(sid))
            self.list_layout.addWidget(button)
            self.buttons[service.id] = button
        preselect = params.get("service_id") or (current.id if current else None)
        if preselect in self.buttons:
            self.select(preselect)
        else:
            self.selected = None
            self._build_card()

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("family", {"category": "residence", "service_id": "residence.family"})]

    def reset(self) -> None:
        super().reset()
        self.selected = None
        self._build_card()

    def select(self, service_id: str) -> None:
        """Show this service's card (what a tap on its name does)."""
        self.selected = self.catalog.find(service_id)
        for sid, button in self.buttons.items():
            button.setChecked(sid == service_id)
        self._build_card()
        self.refresh_texts()

    def _build_card(self) -> None:
        for label in self.card_labels:
            self.card_layout.removeWidget(label)
            label.deleteLater()
        self.card_labels = []
        self.card.setVisible(self.selected is not None)
        self.choose_button.setVisible(self.selected is not None)
        if self.selected is None:
            return
        for section in service_card(self.catalog, self.selected):
            heading = QLabel()
            heading.setObjectName("cardTitle")
            heading.setProperty("section", section.key)
            self.card_layout.addWidget(heading)
            self.card_labels.append(heading)
            for _ in section.items:
                label = paragraph()
                self.card_layout.addWidget(label)
                self.card_labels.append(label)

    def _show_card_texts(self) -> None:
        if self.selected is None:
            return
        labels = iter(self.card_labels)
        lang = self.lang
        for section in service_card(self.catalog, self.selected):
            next(labels).setText(HEADINGS[section.key].get(lang))
            for item in section.items:
                text = item.text.get(lang)
                if not item.confirmed:
                    text += f" ({TBC.get(lang)})"
                next(labels).setText(f"• {text}" if len(section.items) > 1 else text)

    def _on_choose(self) -> None:
        user = self.ctx.session.user
        if self.selected is None or user is None:
            return
        self.flow.begin(user.account_id, self.selected.id)
        self.go_next("apply.general")
