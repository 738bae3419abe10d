"""Encryption at rest: AES-256-GCM with associated data, and the account tag.

Every sealed item and every draft has its own random data key; that key is stored only wrapped
(encrypted) by the kiosk's wrapping key, which lives in the OS keyring (offline_cache.keys).
Deleting the wrapped key row makes the item's ciphertext unreadable for good.

The associated data (AAD) names what a ciphertext belongs to (the item, the account, the part):
moving a ciphertext to another row, item or account makes it fail to open instead of showing
someone else's data.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12


class CannotOpen(Exception):
    """A ciphertext did not open: wrong key, wrong associated data, or damaged bytes."""


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return os.urandom(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt and authenticate; the result is nonce || ciphertext+tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Decrypt what `seal` made with the same key and AAD; CannotOpen otherwise."""
    if len(blob) < NONCE_BYTES + 16:
        raise CannotOpen("too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError):
        raise CannotOpen("authentication failed") from None


def wrap(kek: bytes, key: bytes, aad: bytes) -> bytes:
    """A data key encrypted by the key-encryption key (the keyring's wrapping key)."""
    return seal(kek, key, b"wrap|" + aad)


def unwrap(kek: bytes, wrapped: bytes, aad: bytes) -> bytes:
    """The data key inside `wrapped`; CannotOpen if the KEK or AAD differ."""
    key = open_(kek, wrapped, b"wrap|" + aad)
    if len(key) != KEY_BYTES:
        raise CannotOpen("not a key")
    return key


def account_tag(kek: bytes, account_id: str) -> str:
    """A stable, keyed stand-in for an account id: listings per account need no clear id.

    HMAC-SHA256 under the wrapping key (domain-separated), so the tag reveals nothing without
    the keyring, and the same account always gets the same tag on this kiosk.
    """
    mac = hmac.new(kek, b"account-tag|" + account_id.encode("utf-8"), hashlib.sha256)
    return mac.hexdigest()
