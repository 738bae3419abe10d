"""The services of one category, as large buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ui.screens.catalog.store import BrowseScreen
from ui.widgets.common import big_button, paragraph


class ServiceListScreen(BrowseScreen):
    """The services of the category given in `enter({"category": id})`."""

    name = "catalog.services"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.category = None
        self.directorate = paragraph("hint")
        self.body.addWidget(self.directorate)
        self.list_layout = QVBoxLayout()
        self.list_layout.setSpacing(16)
        self.body.addLayout(self.list_layout)
        self.body.addStretch()
        self.buttons = {}

    def show_catalog(self, params: dict) -> None:
        self.category = self.catalog.category(params.get("category", ""))
        self._build()

    def title(self) -> str:
        if self.category is None:
            return self.tr("Services")
        return self.category.name.get(self.ctx.lang)

    def retranslate(self) -> None:
        lang = self.ctx.lang
        directorate = self.catalog.directorate(self.category.directorate) if self.category else None
        self.directorate.setText(directorate.name.get(lang) if directorate else "")
        for service_id, button in self.buttons.items():
            button.setText(self.catalog.service(service_id).name.get(lang))

    def screenshot_states(self) -> list[tuple[str, dict]]:
        return [("residence", {"category": "residence"}), ("follow-up", {"category": "follow_up"})]

    def _build(self) -> None:
        for button in self.buttons.values():
            self.list_layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        services = self.catalog.services_in(self.category.id) if self.category else ()
        for service in services:
            button = big_button("tile")
            button.clicked.connect(
                lambda _=False, sid=service.id: self.sig_go.emit(
                    "catalog.service", {"service_id": sid}
                )
            )
            self.list_layout.addWidget(button)
            self.buttons[service.id] = button
