"""Deciding whether a catalog fetched from the central API replaces the one in use.

The API serves the catalog with an ETag (contract: GET /v1/catalog, If-None-Match). An update is
accepted only when it parses, is valid against the schema, has the schema version this kiosk
understands and is strictly newer than the catalog in use; otherwise the kiosk keeps what it has
and the decision carries the reason, for the operator's log.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.catalog import Catalog, CatalogError, parse
from kiosk.errors import Problem
from kiosk.texts import Bilingual

# A real catalog is tens of kilobytes; a larger answer is a broken or hostile server.
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class CatalogUpdate:
    """The outcome of offering a fetched catalog: which catalog to use and why."""

    accepted: bool
    catalog: Catalog  # the catalog to use from now on (the new one, or the current one)
    etag: str | None  # the ETag of the accepted update (None when refused)
    reason: Problem | None = None  # why it was refused


def decide_update(raw: bytes, etag: str | None, current: Catalog) -> CatalogUpdate:
    """Accept `raw` (a fetched catalog) only if valid, compatible and newer than `current`."""
    if len(raw) > MAX_BYTES:
        return _refuse(current, "catalog.too_large", f"{len(raw)} bytes (limit {MAX_BYTES})")
    try:
        offered = parse(raw)
    except CatalogError as e:
        return CatalogUpdate(False, current, None, e.problems[0])
    if offered.version_key <= current.version_key:
        return _refuse(
            current,
            "catalog.not_newer",
            f"version {offered.version} is not newer than {current.version}",
        )
    return CatalogUpdate(True, offered, etag)


def _refuse(current: Catalog, code: str, detail: str) -> CatalogUpdate:
    message = Bilingual(
        f"لم يُعتمد تحديث دليل الخدمات: {detail}. يبقى الدليل الحالي مستخدمًا.",
        f"The service catalog update was not used: {detail}. The current catalog stays in use.",
    )
    return CatalogUpdate(False, current, None, Problem(code, "", message))
