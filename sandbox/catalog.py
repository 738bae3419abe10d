"""The service catalog the sandbox serves, with a version and an ETag derived from its content."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

CATALOG_FILE = Path(__file__).resolve().parent / "data" / "catalog.json"


@functools.cache
def catalog() -> dict:
    """The contract's Catalog (version + services)."""
    with open(CATALOG_FILE, encoding="utf-8") as f:
        data = json.load(f)
    return {"version": data["version"], "services": data["services"]}


@functools.cache
def etag() -> str:
    """A strong ETag: changes whenever a byte of the catalog changes."""
    canonical = json.dumps(catalog(), sort_keys=True, ensure_ascii=False).encode("utf-8")
    return '"' + hashlib.sha256(canonical).hexdigest()[:32] + '"'


def matches(if_none_match: str | None) -> bool:
    """Whether an If-None-Match header names the current ETag (a list, W/ or * included)."""
    if not if_none_match:
        return False
    current = etag()
    for candidate in if_none_match.split(","):
        candidate = candidate.strip().removeprefix("W/")
        if candidate in ("*", current):
            return True
    return False


def service(service_id: str) -> dict | None:
    """A service by id, or None."""
    return next((s for s in catalog()["services"] if s["service_id"] == service_id), None)
