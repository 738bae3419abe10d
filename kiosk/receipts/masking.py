"""Privacy on paper: identity numbers are printed partly hidden.

A receipt can be left on the kiosk or read over a shoulder, so a personal number or a passport
number shows only its last few characters: enough for the holder to recognise it, not enough to
use it. Passwords and tokens have no field in any document, so they can never be printed.
"""

from __future__ import annotations

MASK = "*"


def mask_personal_number(number: str) -> str:
    """A foreigner's 10-digit personal number with all but the last 4 digits hidden."""
    return mask(number, keep=4)


def mask_passport_number(number: str) -> str:
    """A passport or travel-document number with all but the last 3 characters hidden."""
    return mask(number, keep=3)


def mask(value: str, keep: int) -> str:
    """Hide all but the last `keep` characters, and always at least half of the value."""
    value = "".join(value.split())
    if not value:
        return ""
    keep = min(keep, len(value) // 2)
    return MASK * (len(value) - keep) + value[len(value) - keep :]
