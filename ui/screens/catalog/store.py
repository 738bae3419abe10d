"""The catalog the browse screens share, opened once per kiosk.

`ctx.services["catalog_store"]` holds the kiosk.catalog_store.CatalogStore, opened from the
kiosk's data directory the first time a catalog screen is built, so that a newer catalog cached
from the central API is the one browsed (whoever fetches updates offers them to that store).
"""

from __future__ import annotations

from kiosk.catalog_store import CatalogStore, open_store
from kiosk.domain.catalog import Catalog

STORE_KEY = "catalog_store"


def catalog_of(ctx) -> Catalog:
    """The catalog in use (opening the store on first use)."""
    store: CatalogStore | None = ctx.services.get(STORE_KEY)
    if store is None:
        store = ctx.services[STORE_KEY] = open_store(ctx.config)
    return store.catalog
