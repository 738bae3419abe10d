"""Browse the e-services before logging in: categories → services → service card → fee."""

from ui.screens.catalog.card import ServiceCardScreen
from ui.screens.catalog.categories import CatalogScreen
from ui.screens.catalog.fee import FeeCalculatorScreen
from ui.screens.catalog.services import ServiceListScreen

CATALOG_SCREENS = (CatalogScreen, ServiceListScreen, ServiceCardScreen, FeeCalculatorScreen)

__all__ = [
    "CATALOG_SCREENS",
    "CatalogScreen",
    "FeeCalculatorScreen",
    "ServiceCardScreen",
    "ServiceListScreen",
]
