"""JSON as the contract has it: finite numbers only, on the way in, into the database and out.

Python's json module reads `NaN`, `Infinity` and `1e999` (a float overflowing to infinity) and
writes them back, but they are not JSON (RFC 8259) and the HTTP layer refuses to answer them: a
stored one made every later list of the account answer 500. So a request body with one is
malformed, nothing non-finite is ever written to the database, and a value stored before this
rule (by an older sandbox) reads back as null instead of breaking the answer it is part of.
"""

from __future__ import annotations

import json
import logging
import math

log = logging.getLogger("sandbox.json")


class NonFinite(ValueError):
    """A number that JSON cannot carry (NaN, ±Infinity, or one too large for a double)."""


def loads(raw: bytes | str):
    """Parse a request body; ValueError (NonFinite included) when it is not strict JSON."""
    return json.loads(raw, parse_constant=_refuse, parse_float=_finite)


def dumps(value) -> str:
    """The JSON text to store; ValueError rather than writing a non-finite number."""
    return json.dumps(value, allow_nan=False, ensure_ascii=False)


def loads_stored(text: str):
    """A stored value; a non-finite number in it (written before this rule) reads as null."""
    return json.loads(text, parse_constant=_forget, parse_float=_finite_or_none)


def _refuse(constant: str):
    raise NonFinite(constant)


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise NonFinite(text)
    return number


def _forget(constant: str) -> None:
    log.error("a stored value holds %s; it reads as null", constant)
    return None


def _finite_or_none(text: str) -> float | None:
    number = float(text)
    return number if math.isfinite(number) else _forget(text)
