"""The catalog's first screen: the service categories as large tiles."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout

from ui.screens.catalog.store import BrowseScreen
from ui.widgets.common import big_button, paragraph


class CatalogScreen(BrowseScreen):
    """Categories of e-services (the overview's groups); a tap opens the category's services."""

    name = "catalog"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.intro = paragraph("hint")
        self.body.addWidget(self.intro)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.tiles = {}
        self.body.addLayout(self.grid)
        self.body.addStretch()

    def title(self) -> str:
        return self.tr("Services and fees")

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Choose a group of services to read each service's conditions, documents, "
                "processing time and fees. No account is needed."
            )
        )
        if self.catalog is None:
            return
        lang = self.ctx.lang
        for category in self.catalog.categories:
            count = len(self.catalog.services_in(category.id))
            self.tiles[category.id].setText(
                self.tr("{name}\n{count} services").format(
                    name=category.name.get(lang), count=count
                )
                if count != 1
                else self.tr("{name}\n1 service").format(name=category.name.get(lang))
            )

    def show_catalog(self, params: dict) -> None:
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {}
        for i, category in enumerate(self.catalog.categories):
            tile = big_button("tile")
            tile.setMinimumHeight(120)
            tile.clicked.connect(
                lambda _=False, cid=category.id: self.sig_go.emit(
                    "catalog.services", {"category": cid}
                )
            )
            self.grid.addWidget(tile, i // 2, i % 2)
            self.tiles[category.id] = tile
