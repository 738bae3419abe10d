"""The service catalog the sandbox serves: the kiosk's bundled one, byte for byte.

The sandbox serves resources/catalog/services.json (already the contract's Catalog shape), so the
kiosk recognises its services and applications name ids the kiosk knows. It reads the file, never
the kiosk's code (the two share only the contract and its resources): sandbox/rules.py and
sandbox/fees.py check and price applications from this data. The ETag is the hash of the bytes
served.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

CATALOG_FILE = Path(__file__).resolve().parent.parent / "resources" / "catalog" / "services.json"


@functools.cache
def raw() -> bytes:
    """The catalog file's bytes, as served."""
    return CATALOG_FILE.read_bytes()


@functools.cache
def catalog() -> dict:
    """The contract's Catalog (version + services, and the file's other keys)."""
    return json.loads(raw())


@functools.cache
def etag() -> str:
    """A strong ETag: changes whenever a byte of the catalog changes."""
    return '"' + hashlib.sha256(raw()).hexdigest()[:32] + '"'


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


def fee_rule(rule_id: str) -> dict:
    """A fee rule by id (every service names one the catalog holds)."""
    return next(r for r in catalog()["fee_rules"] if r["id"] == rule_id)
