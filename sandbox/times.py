"""Time as the sandbox writes it: UTC instants in ISO 8601, dates, and calendar months."""

from __future__ import annotations

import calendar
import datetime as dt
import time


def now() -> float:
    """Seconds since the epoch (one place, so every record of a request shares a clock)."""
    return time.time()


def iso(ts: float | None) -> str | None:
    """A UTC instant as ISO 8601 with a Z (None stays None)."""
    if ts is None:
        return None
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def today() -> dt.date:
    """Today's date in Amman (UTC+3, no daylight saving since 2022)."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=3)).date()


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole calendar months, clamped to the month's end (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
