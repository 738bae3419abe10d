"""The catalog the browse screens share, opened once per kiosk, off the GUI thread.

`ctx.services["catalog_store"]` holds the kiosk.catalog_store.CatalogStore, opened from the
kiosk's data directory the first time a catalog screen is entered, so that a newer catalog cached
from the central API is the one browsed (whoever fetches updates offers them to that store).
Opening it reads SQLite and validates the cached catalog against its JSON schema: that runs in
a worker (ctx.tasks); a screen entered before the store is open is built when it arrives.
"""

from __future__ import annotations

import threading

from kiosk.catalog_store import CatalogStore, open_store
from kiosk.domain.catalog import Catalog
from ui.screens.base import Screen

STORE_KEY = "catalog_store"

_lock = threading.Lock()


def open_catalog_store(ctx) -> CatalogStore:
    """The kiosk's catalog store, opened on first use. Blocking: call it in a worker."""
    with _lock:  # two screens entered at once open one store
        store: CatalogStore | None = ctx.services.get(STORE_KEY)
        if store is None:
            store = ctx.services[STORE_KEY] = open_store(ctx.config)
        return store


class BrowseScreen(Screen):
    """A catalog screen: `enter(params)` fetches the catalog, then `show_catalog(params)`.

    Subclasses build their content from `self.catalog` in `show_catalog`; until the store is
    open (the first entry of a kiosk's life) `self.catalog` is None and the screen is empty.
    """

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.catalog: Catalog | None = None
        self._params: dict = {}

    def enter(self, params: dict) -> None:
        self._params = dict(params)
        store = self.ctx.services.get(STORE_KEY)
        if store is not None:
            self._on_store(store)
        else:
            self.ctx.tasks.run(open_catalog_store, self.ctx, on_result=self._on_store)

    def show_catalog(self, params: dict) -> None:
        """Build the screen for `params` from `self.catalog` (set and not None here)."""

    def _on_store(self, store: CatalogStore) -> None:
        # The latest parameters: a second entry while the store was opening wins.
        self.catalog = store.catalog
        self.show_catalog(self._params)
        self.refresh_texts()
