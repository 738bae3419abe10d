"""Password hashing with scrypt (a slow, memory-hard KDF); the cost is stored with each hash.

The cost is a parameter so tests can lower it explicitly (`serve --kdf-cost`); a hash keeps its
own parameters, so raising the cost later still verifies old hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

DEFAULT_COST = 2**15  # scrypt N: ~32 MB and tens of milliseconds per hash on a kiosk-class CPU
_R, _P, _LEN = 8, 1, 32


def hash_password(password: str, cost: int = DEFAULT_COST) -> str:
    """A self-describing scrypt hash: scrypt$N$r$p$salt$digest (base64)."""
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, cost, _R, _P)
    return "$".join(["scrypt", str(cost), str(_R), str(_P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches `stored`, in constant time; False for a malformed hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


def new_password() -> str:
    """A password for "forgot password": 10 characters, letters and digits, easy to type."""
    letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
    digits = "23456789"
    chars = [secrets.choice(letters) for _ in range(6)] + [secrets.choice(digits) for _ in range(4)]
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=_LEN
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
