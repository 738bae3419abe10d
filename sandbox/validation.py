"""Checks of request bodies against the contract's rules, raising ApiError naming the field.

The patterns mirror resources/contract/openapi.yaml; the server is strict (it never fixes a value
silently): the kiosk normalises what the user typed before sending it.
"""

from __future__ import annotations

import datetime as dt
import re

from sandbox import strictjson
from sandbox.errors import ApiError

USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{3,31}")
PHONE = re.compile(r"07[789][0-9]{7}|(\+|00)[1-9][0-9]{7,14}")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
PASSPORT = re.compile(r"[A-Z0-9]{5,20}")
PERSONAL_NUMBER = re.compile(r"(10|80)[0-9]{8}")
NATIONAL_NUMBER = re.compile(r"[0-9]{10}")
NATIONALITY = re.compile(r"[A-Z]{3}")
UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
SHA256 = re.compile(r"[0-9a-f]{64}")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
APPLICATION_ID = re.compile(r"APP-[0-9]{6,36}")
ACCOUNT_ID = re.compile(r"ACC-[0-9]{6,36}")


def parse_object(raw: bytes) -> dict:
    """The request body as a JSON object, or 400 malformed_request (NaN and Infinity too)."""
    try:
        body = strictjson.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ApiError("malformed_request") from None
    if not isinstance(body, dict):
        raise ApiError("malformed_request")
    return body


def bounded(value, field: str, *, depth: int = 8, text: int = 2000, key: int = 64) -> None:
    """Free-form JSON (an application's data) within the contract's size limits: nested at most
    `depth` levels, strings at most `text` characters, keys at most `key`; else invalid_value
    naming the first path over."""
    stack = [(value, field, 0)]
    while stack:
        node, path, level = stack.pop()
        if isinstance(node, str):
            if len(node) > text:
                raise ApiError("invalid_value", path)
            continue
        if not isinstance(node, dict | list):
            continue
        if level >= depth:
            raise ApiError("invalid_value", path)
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for name, child in items:
            if isinstance(name, str) and len(name) > key:
                raise ApiError("invalid_value", path)
            stack.append((child, f"{path}.{name}", level + 1))


def idempotency_key(value: str | None, required: bool) -> str | None:
    """The Idempotency-Key header, checked to be a UUID (canonical lower-case form)."""
    if value is None:
        if required:
            raise ApiError("idempotency_key_required", "Idempotency-Key")
        return None
    if not UUID.fullmatch(value):
        raise ApiError("invalid_idempotency_key", "Idempotency-Key")
    return value.lower()


def query(params, allowed: set[str]) -> None:
    """Refuse query parameters the operation does not declare (a typo would be silently lost)."""
    for name in params:
        if name not in allowed:
            raise ApiError("unknown_field", name or "query")


def only(body: dict, allowed: set[str], locked: frozenset[str] = frozenset()) -> None:
    """Refuse properties outside `allowed`: locked ones with field_locked, others unknown_field."""
    for name in sorted(body):
        if name in locked:
            raise ApiError("field_locked", name)
        if name not in allowed:
            raise ApiError("unknown_field", name)


def text(
    body: dict,
    name: str,
    *,
    required: bool = True,
    min_len: int = 1,
    max_len: int = 100,
    pattern: re.Pattern | None = None,
    code: str = "invalid_value",
    prefix: str = "",
) -> str | None:
    """A string property: present if required, within length, matching `pattern` if given."""
    field = prefix + name
    value = body.get(name)
    if _absent(body, name, required, field, code):
        return None
    if not isinstance(value, str):
        raise ApiError(code, field)
    if required and min_len and not value.strip():
        raise ApiError("field_required", field)
    if not min_len <= len(value) <= max_len or (min_len and not value.strip()):
        raise ApiError(code, field)
    if pattern is not None and not pattern.fullmatch(value):
        raise ApiError(code, field)
    return value


def choice(body: dict, name: str, choices, *, required: bool = True, prefix: str = ""):
    """A property whose value must be one of `choices`."""
    value = body.get(name)
    if _absent(body, name, required, prefix + name, "invalid_value"):
        return None
    if not isinstance(value, str) or value not in choices:
        raise ApiError("invalid_value", prefix + name)
    return value


def integer(
    body: dict, name: str, *, minimum: int, maximum: int, required: bool = True, prefix: str = ""
) -> int | None:
    """An integer property within bounds (booleans are not integers here)."""
    value = body.get(name)
    if _absent(body, name, required, prefix + name, "invalid_value"):
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError("invalid_value", prefix + name)
    if value < minimum or value > maximum:
        raise ApiError(
            "too_large" if value > maximum and name == "size" else "invalid_value", prefix + name
        )
    return value


def date(body: dict, name: str, *, required: bool = True, past: bool = False) -> str | None:
    """An ISO date (YYYY-MM-DD); `past` also refuses the future and dates before 1900."""
    value = text(body, name, required=required, max_len=10, code="invalid_date")
    if value is None:
        return None
    if not DATE.fullmatch(value):
        raise ApiError("invalid_date", name)
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError("invalid_date", name) from None
    if past and not (dt.date(1900, 1, 1) <= parsed <= dt.date.today()):
        raise ApiError("invalid_date", name)
    return value


def password(body: dict, name: str) -> str:
    """A new password: 8 to 128 characters with at least one letter and one digit."""
    value = text(body, name, min_len=1, max_len=128, code="weak_password")
    if len(value) < 8 or not any(c.isalpha() for c in value) or not any(c.isdigit() for c in value):
        raise ApiError("weak_password", name)
    return value


def _absent(body: dict, name: str, required: bool, field: str, code: str) -> bool:
    """True for an optional property left out; raise for a missing required one or a null."""
    if body.get(name) is not None:
        return False
    if required:
        raise ApiError("field_required", field)
    if name in body:  # an explicit null for an optional property
        raise ApiError(code, field)
    return True


def normalise_phone(phone: str) -> str:
    """07XXXXXXXX → +9627XXXXXXXX, 00… → +… (the form the SMS gateway takes)."""
    if phone.startswith("07"):
        return "+962" + phone[1:]
    if phone.startswith("00"):
        return "+" + phone[2:]
    return phone
