"""Working days at the ministry: the weekend is Friday and Saturday; holidays are configured."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

FRIDAY, SATURDAY = 4, 5  # date.weekday(): Monday is 0
WEEKEND = frozenset({FRIDAY, SATURDAY})


def is_working_day(day: dt.date, holidays: Iterable[dt.date] = ()) -> bool:
    """Sunday to Thursday and not a public holiday (config.calendar.holidays)."""
    return day.weekday() not in WEEKEND and day not in set(holidays)


def add_working_days(start: dt.date, days: int, holidays: Iterable[dt.date] = ()) -> dt.date:
    """The day on which `days` working days after `start` are complete.

    The submission day itself does not count (a request sent on Thursday with 1 working day is
    done on Sunday); 0 days is `start` itself.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    off = frozenset(holidays)
    day = start
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if day.weekday() not in WEEKEND and day not in off:
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date, holidays: Iterable[dt.date] = ()) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    off = frozenset(holidays)
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() not in WEEKEND and day not in off:
            count += 1
    return count
