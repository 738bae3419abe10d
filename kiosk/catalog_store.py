"""Which service catalog the kiosk uses: the bundled one or a newer one cached from the API.

At start the store compares the bundled catalog with the cached one and uses the newer valid one
(a kiosk upgraded with a newer bundled catalog ignores an older cache; a corrupt cache is
ignored). `offer()` takes a catalog fetched from the central API with its ETag, decides
(kiosk.domain.catalog_update) and caches it only when accepted.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from kiosk.config import Config
from kiosk.domain import catalog as catalog_data
from kiosk.domain.catalog import Catalog, CatalogError
from kiosk.domain.catalog_update import CatalogUpdate, decide_update
from offline_cache.catalog_cache import CatalogCache

log = logging.getLogger(__name__)

CACHE_FILE = "catalog.sqlite3"


class CatalogStore:
    """The catalog in use, with the ETag to send as If-None-Match on the next fetch."""

    def __init__(self, cache: CatalogCache | None, bundled: Catalog | None = None):
        self.cache = cache
        self.bundled = bundled or catalog_data.load_bundled()
        self._catalog, self._etag = self._choose()

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def etag(self) -> str | None:
        """The ETag of the catalog in use; None for the bundled one (the API sends it all)."""
        return self._etag

    def offer(self, raw: bytes, etag: str | None, now: dt.datetime | None = None) -> CatalogUpdate:
        """Decide on a fetched catalog; when accepted, cache it and use it from now on."""
        decision = decide_update(raw, etag, self._catalog)
        if decision.accepted:
            if self.cache is not None:
                now = now or dt.datetime.now(dt.UTC)
                self.cache.save(decision.catalog.raw, decision.catalog.version, etag, now)
            self._catalog, self._etag = decision.catalog, etag
            log.info("catalog updated to version %s", decision.catalog.version)
        else:
            log.warning("catalog update refused: %s", decision.reason.code)
        return decision

    def _choose(self) -> tuple[Catalog, str | None]:
        cached = self.cache.load() if self.cache is not None else None
        if cached is None:
            return self.bundled, None
        try:
            candidate = catalog_data.parse(cached.raw)
        except CatalogError as e:
            log.warning("cached catalog ignored: %s", e.code)
            return self.bundled, None
        if candidate.version_key > self.bundled.version_key:
            return candidate, cached.etag
        return self.bundled, None


def open_store(cfg: Config, create: bool = True) -> CatalogStore:
    """The store for this kiosk's data directory; without `create`, a missing cache is no cache."""
    path = Path(cfg.data_dir) / CACHE_FILE
    if not create and not path.exists():
        return CatalogStore(None)
    path.parent.mkdir(parents=True, exist_ok=True)
    return CatalogStore(CatalogCache(path))
