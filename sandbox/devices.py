"""Kiosk terminals: enrollment with a code, device tokens, heartbeats."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from sandbox import catalog, strictjson, times
from sandbox import validation as v
from sandbox.errors import ApiError
from sandbox.settings import Settings

DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{2,63}")
SITES = ("ministry", "post", "knowledge_station", "governorate")


def enroll(db, settings: Settings, body: dict) -> tuple[dict, bool]:
    """Enroll (or re-enroll) a terminal; (answer, was_new). Re-enrolling rotates the token."""
    v.only(body, {"device_id", "site", "station", "app_version", "enrollment_code"})
    device_id = v.text(body, "device_id", max_len=64, pattern=DEVICE_ID)
    site = v.choice(body, "site", SITES)
    station = body.get("station")
    if "station" in body and not (
        isinstance(station, dict)
        and set(station) == {"ar", "en"}
        and all(isinstance(x, str) for x in station.values())
    ):
        raise ApiError("invalid_value", "station")
    app_version = v.text(body, "app_version", required=False, max_len=40, min_len=0)
    code = v.text(body, "enrollment_code", max_len=100)
    if not hmac.compare_digest(code.encode(), settings.enrollment_code.encode()):
        raise ApiError("invalid_enrollment_code", "enrollment_code")
    token = secrets.token_urlsafe(32)
    with db.transaction() as conn:
        new = conn.execute("SELECT 1 FROM devices WHERE device_id = ?", (device_id,)).fetchone()
        conn.execute(
            "INSERT INTO devices(device_id, site, station, app_version, token_hash, enrolled_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET site = excluded.site, "
            "station = excluded.station, app_version = excluded.app_version, "
            "token_hash = excluded.token_hash, enrolled_at = excluded.enrolled_at",
            (device_id, site, strictjson.dumps(station), app_version, _hash(token), times.now()),
        )
    answer = {
        "device_id": device_id,
        "device_token": token,
        "heartbeat_interval_s": settings.heartbeat_interval_s,
    }
    return answer, new is None


def heartbeat(db, device_id: str, device_token: str | None, body: dict) -> dict:
    """Record a heartbeat from an enrolled terminal with its own token."""
    authenticate(db, device_id, device_token)
    v.only(
        body,
        {"app_version", "outbox_pending", "outbox_oldest_age_s", "disk_free_mb", "catalog_version"},
    )
    v.text(body, "app_version", max_len=40, min_len=0)
    for name in ("outbox_pending", "outbox_oldest_age_s", "disk_free_mb"):
        v.integer(body, name, minimum=0, maximum=2**53, required=False)
    v.text(body, "catalog_version", required=False, max_len=64, min_len=0)
    with db.transaction() as conn:
        conn.execute(
            "UPDATE devices SET last_heartbeat_at = ?, last_heartbeat = ? WHERE device_id = ?",
            (times.now(), strictjson.dumps(body), device_id),
        )
    return {"server_time": times.iso(times.now()), "catalog_version": catalog.catalog()["version"]}


def authenticate(db, device_id: str | None, device_token: str | None) -> None:
    """Check a terminal's own token (heartbeats, deliveries); 401 invalid_device_token if not."""
    row = None
    if device_id and DEVICE_ID.fullmatch(device_id):
        with db.transaction() as conn:
            row = conn.execute(
                "SELECT token_hash FROM devices WHERE device_id = ?", (device_id,)
            ).fetchone()
    if row is None or not device_token or not hmac.compare_digest(row[0], _hash(device_token)):
        raise ApiError("invalid_device_token")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
