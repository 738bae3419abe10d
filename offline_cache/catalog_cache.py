"""The newest service catalog fetched from the central API, kept across restarts.

One row in one table: the catalog's JSON text exactly as received, its version, its ETag and when
it was fetched. The row is written by one statement, so a crash leaves either the old catalog
or the new one, never half of each. What to cache is decided by kiosk.domain.catalog_update.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import sqlite_utils

TABLE = "catalog_cache"
_SLOT = "current"


@dataclass(frozen=True)
class CachedCatalog:
    raw: str
    version: str
    etag: str | None
    fetched_at: dt.datetime


class CatalogCache:
    """The catalog cache in a SQLite file (or an open sqlite-utils Database)."""

    def __init__(self, db: sqlite_utils.Database | str | os.PathLike):
        self.db = db if isinstance(db, sqlite_utils.Database) else sqlite_utils.Database(db)
        self.db[TABLE].create(
            {
                "slot": str,
                "raw": str,
                "version": str,
                "etag": str,
                "fetched_at": str,
            },
            pk="slot",
            if_not_exists=True,
        )

    def load(self) -> CachedCatalog | None:
        """The cached catalog, or None when nothing has been cached (or the row is unreadable)."""
        rows = list(self.db.query(f"select * from {TABLE} where slot = ?", [_SLOT]))
        if not rows:
            return None
        row = rows[0]
        try:
            fetched_at = dt.datetime.fromisoformat(row["fetched_at"])
        except (TypeError, ValueError):
            return None
        if not isinstance(row["raw"], str) or not isinstance(row["version"], str):
            return None
        return CachedCatalog(row["raw"], row["version"], row["etag"] or None, fetched_at)

    def save(self, raw: str, version: str, etag: str | None, fetched_at: dt.datetime) -> None:
        """Replace the cached catalog in one transaction."""
        with self.db.conn:
            self.db[TABLE].upsert(
                {
                    "slot": _SLOT,
                    "raw": raw,
                    "version": version,
                    "etag": etag or "",
                    "fetched_at": fetched_at.isoformat(),
                },
                pk="slot",
            )

    def clear(self) -> None:
        """Forget the cached catalog (the bundled one is used again)."""
        with self.db.conn:
            self.db.execute(f"delete from {TABLE}")
