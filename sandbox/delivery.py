"""Who may write an application: the account's own session, or a kiosk delivering for it.

A kiosk seals an application while its user is there and delivers it later, maybe after the
user's session ended. So every application write accepts either the bearer token of the account
or an enrolled terminal's credentials naming the account it delivers for:
`X-Device-Id` + `X-Device-Token` + `X-Account-Id`. Reads stay with the account holder alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox import accounts, devices
from sandbox import validation as v
from sandbox.errors import ApiError

DEVICE_HEADERS = ("x-device-id", "x-device-token", "x-account-id")
MAX_TOKEN = 200


@dataclass(frozen=True)
class Writer:
    """The account a write is for, and the terminal that delivered it (None: the user's session)."""

    account_id: str
    device_id: str | None = None


def writer_of(db, headers) -> Writer:
    """The writer of a request; a session token wins when both kinds of credentials are sent.

    401 not_authenticated / token_expired / invalid_device_token, 403 unknown_account or
    account_pending (a device may not deliver for an account that is not active).
    """
    _check_formats(headers)
    if headers.get("authorization"):
        return Writer(accounts.authenticate(db, headers.get("authorization")))
    if not any(headers.get(name) for name in DEVICE_HEADERS):
        raise ApiError("not_authenticated")
    device_id = headers.get("x-device-id")
    devices.authenticate(db, device_id, headers.get("x-device-token"))
    account_id = headers.get("x-account-id")
    if not account_id:
        raise ApiError("not_authenticated", "X-Account-Id")
    accounts.require_active(db, account_id)
    return Writer(account_id, device_id)


def _check_formats(headers) -> None:
    """A device header that is present must be well formed, whichever credentials are used."""
    device_id = headers.get("x-device-id")
    if device_id is not None and not devices.DEVICE_ID.fullmatch(device_id):
        raise ApiError("malformed_request", "X-Device-Id")
    token = headers.get("x-device-token")
    if token is not None and not 1 <= len(token) <= MAX_TOKEN:
        raise ApiError("malformed_request", "X-Device-Token")
    account_id = headers.get("x-account-id")
    if account_id is not None and not v.ACCOUNT_ID.fullmatch(account_id):
        raise ApiError("malformed_request", "X-Account-Id")
