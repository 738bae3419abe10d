"""How numbers, amounts and dates are written on the documents (Western digits 0–9 in both
languages, as the ministry writes them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kiosk.receipts import wording
from kiosk.texts import Bilingual


def amount(value: Decimal) -> Bilingual:
    """An amount in JOD with 3 decimals (fils): "2.000 JOD" / "2.000 دينار أردني"."""
    figure = f"{value.quantize(Decimal('0.001')):,.3f}"
    return Bilingual(ar=f"{figure} {wording.JOD.ar}", en=f"{figure} {wording.JOD.en}")


def date(day: dt.date) -> str:
    """A date as Jordanian documents write it: day/month/year."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def date_time(moment: dt.datetime) -> str:
    """A date and a 24-hour time: "10/03/2025 14:05"."""
    return f"{date(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def grouped(number: str, most: int = 4) -> str:
    """A long number cut into even groups of at most `most` characters, to read aloud or type.

    "123456789012" → "1234 5678 9012"; "1234567890" → "1234 567 890".
    """
    count = -(-len(number) // most)
    base, extra = divmod(len(number), count) if count else (0, 0)
    groups, start = [], 0
    for i in range(count):
        size = base + (1 if i < extra else 0)
        groups.append(number[start : start + size])
        start += size
    return " ".join(groups)
