"""Calendar arithmetic the rules share: calendar months and ages in whole years."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later, clamped to the month's end.

    2025-01-15 + 6 → 2025-07-15; 2025-08-31 + 6 → 2026-02-28 (no 31st in February).
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years on `day` (a birthday counts from that day; 29 Feb counts from 1 Mar)."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years
