"""Idempotency keys: a repeated write with the same key and body is answered, never redone.

Each (operation, key) remembers who sent it, a fingerprint of the body and the resource it
created. The same key with the same body and sender → that resource again; anything else under
that key → 409 idempotency_conflict.
"""

from __future__ import annotations

import hashlib
import json

from sandbox import times
from sandbox.errors import ApiError


def fingerprint(body) -> str:
    """A stable hash of a JSON body (key order and spacing do not matter)."""
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def recall(conn, operation: str, key: str | None, account_id: str | None, print_: str):
    """The resource id an earlier identical write created, None if the key is new; or 409."""
    if key is None:
        return None
    row = conn.execute(
        "SELECT account_id, fingerprint, resource_id FROM idempotency "
        "WHERE operation = ? AND key = ?",
        (operation, key),
    ).fetchone()
    if row is None:
        return None
    if row["account_id"] != account_id or row["fingerprint"] != print_:
        raise ApiError("idempotency_conflict", "Idempotency-Key")
    return row["resource_id"]


def remember(
    conn, operation: str, key: str | None, account_id: str | None, print_: str, resource_id: str
) -> None:
    """Record the write under its key (in the same transaction that made the resource)."""
    if key is None:
        return
    conn.execute(
        "INSERT INTO idempotency(operation, key, account_id, fingerprint, resource_id, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (operation, key, account_id, print_, resource_id, times.now()),
    )
