"""This terminal's identity at the ministry: enrolled once, its device token kept in the keyring.

Sealed applications are delivered by the terminal on behalf of their account (see
kiosk/api/client.py `as_device`), so the outbox needs the terminal's own credentials, not a
user's session. The terminal enrolls with `api.enrollment_code` the first time it needs them;
the token it gets is a secret, kept in the KeyRing (offline_cache/keys.py), never in a file of
ours or a log. When the server no longer knows the token (`invalid_device_token`: the ministry
re-enrolled or revoked the terminal), `ensure_enrolled(..., renew=True)` enrolls again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from importlib import metadata

from kiosk.api import CentralApi, Failure, Rejected
from kiosk.config import Config

log = logging.getLogger("kiosk.device")

INVALID_TOKEN = "invalid_device_token"
_SECRET_PREFIX = "device-token."
_SECRET_MAX = 64  # the keyring's longest secret name


@dataclass(frozen=True)
class DeviceCredentials:
    """The terminal's id and token, as the server enrolled them."""

    device_id: str
    token: str

    def __repr__(self) -> str:  # the token never reaches a log line or a traceback
        return f"DeviceCredentials(device_id={self.device_id!r}, token=…)"


def ensure_enrolled(
    api: CentralApi, keyring, config: Config, *, renew: bool = False
) -> DeviceCredentials | Failure:
    """The terminal's credentials: from the keyring, or by enrolling (which needs the network).

    `keyring` is an offline_cache.keys.KeyRing (get/set/delete). `renew=True` forgets the kept
    token and enrolls again: pass it after the server answered `invalid_device_token`.
    Returns the API's Failure when enrolling is needed and fails (no connection, wrong code…).
    """
    device_id = config.kiosk.id
    name = secret_name(device_id)
    if renew:
        keyring.delete(name)
    else:
        token = keyring.get(name)
        if token:
            return DeviceCredentials(device_id, token)
    outcome = api.enroll_device(
        device_id,
        config.kiosk.site,
        config.api.enrollment_code,
        station=config.kiosk.place,
        app_version=app_version(),
    )
    if not outcome.ok:
        log.warning("device %s not enrolled: %s", device_id, _why(outcome))
        return outcome
    keyring.set(name, outcome.value.device_token)
    log.info("device %s enrolled", device_id)
    return DeviceCredentials(outcome.value.device_id, outcome.value.device_token)


def is_invalid_token(outcome) -> bool:
    """Whether an answer says the server no longer knows this terminal's token."""
    return isinstance(outcome, Rejected) and outcome.code == INVALID_TOKEN


def secret_name(device_id: str) -> str:
    """The keyring name of a terminal's token ("device-token.<id>"; hashed if the id is long)."""
    name = _SECRET_PREFIX + device_id.lower()
    if len(name) > _SECRET_MAX:
        name = _SECRET_PREFIX + hashlib.sha256(device_id.encode()).hexdigest()[:40]
    return name


def app_version() -> str:
    """The installed kiosk's version, as heartbeats and enrollments report it."""
    try:
        return metadata.version("moi-kiosk")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def _why(outcome) -> str:
    return getattr(outcome, "code", None) or type(outcome).__name__
